//! Every vendor's packages for the same severity and opening, rows lined
//! up by kind (first response, updates, resolution) and judged against
//! your package; copied as text or printed.

use leptos::prelude::*;

use crate::present::compare::{plain_text, vendors, vendors_intro, Tiers, RULE};
use crate::present::ticket::when;

use super::compare_actions::CompareActions;
use super::state::use_ctx;
use super::tiers_table::TiersTable;

#[component]
pub fn VendorOverview() -> impl IntoView {
    let ctx = use_ctx();
    let build = move || -> Vec<(String, Tiers)> {
        let ticket = ctx.ticket.get();
        let s = ticket.selection;
        let chosen = (s.policy.id(), s.package().id(), s.region().map(|r| r.id()));
        vendors(
            s.catalog,
            s.severity().id(),
            ticket.opened,
            &ticket.timing,
            chosen,
        )
        .into_iter()
        .map(|t| (t.vendor_caption(), t))
        .collect()
    };
    let tables = move || {
        // The cells show dates in the display zone.
        ctx.zone.track();
        build()
            .into_iter()
            .map(|(caption, t)| view! { <TiersTable tiers=t caption=caption /> })
            .collect_view()
    };
    let intro = move || {
        ctx.ticket
            .with(|t| ctx.zone.with(|z| vendors_intro(&t.selection, t.opened, z)))
    };
    let text = Callback::new(move |()| {
        let all = untrack(build);
        let zone = ctx.zone.get_untracked();
        plain_text(&format!("{} {RULE}", untrack(intro)), &all, &|at| {
            when(&zone, at)
        })
    });
    view! {
        <section class="panel vendors-panel" aria-labelledby="h-vendors">
            <h2 id="h-vendors">"All vendors"</h2>
            <p class="hint">{intro}</p>
            <p class="hint">{RULE}</p>
            <CompareActions text=text />
            {tables}
        </section>
    }
}
