//! The chosen vendor's packages side by side for the chosen severity, with
//! the concrete deadlines for the chosen opening and the differences marked
//! better or worse in words; copied as text or printed.

use leptos::prelude::*;

use crate::present::compare::{packages_intro, plain_text, tiers, Tiers, RULE};
use crate::present::ticket::when;

use super::compare_actions::CompareActions;
use super::state::use_ctx;
use super::tiers_table::TiersTable;

#[component]
pub fn TierTable() -> impl IntoView {
    let ctx = use_ctx();
    let build = move || -> (String, Tiers) {
        let ticket = ctx.ticket.get();
        let s = ticket.selection;
        let chosen = (s.package().id(), s.region().map(|r| r.id()));
        let t = tiers(
            s.catalog,
            s.policy,
            s.severity().id(),
            ticket.opened,
            &ticket.timing,
            Some(chosen),
            false,
        );
        (t.packages_caption(), t)
    };
    let table = move || {
        let (caption, t) = build();
        // The cells show dates in the display zone.
        ctx.zone.track();
        view! { <TiersTable tiers=t caption=caption /> }
    };
    let intro = move || {
        ctx.ticket
            .with(|t| ctx.zone.with(|z| packages_intro(t.opened, z)))
    };
    let text = Callback::new(move |()| {
        let table = untrack(build);
        let zone = ctx.zone.get_untracked();
        plain_text(&format!("{} {RULE}", untrack(intro)), &[table], &|at| {
            when(&zone, at)
        })
    });
    view! {
        <section class="panel compare-panel" aria-labelledby="h-compare">
            <h2 id="h-compare">"Compare packages"</h2>
            <p class="hint">{intro}</p>
            <p class="hint">{RULE}</p>
            <CompareActions text=text />
            {table}
        </section>
    }
}
