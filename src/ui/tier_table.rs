//! The chosen vendor's packages side by side for the chosen severity, with
//! the concrete deadlines for the chosen opening and the differences marked.

use leptos::prelude::*;

use crate::present::compare::tiers;
use crate::present::ticket::when;

use super::state::use_ctx;
use super::tiers_table::TiersTable;

#[component]
pub fn TierTable() -> impl IntoView {
    let ctx = use_ctx();
    let table = move || {
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
        let caption = format!("{}: packages for {}", t.vendor_name, t.severity_label);
        // The cells show dates in the display zone.
        ctx.zone.track();
        view! { <TiersTable tiers=t caption=caption /> }
    };
    let intro = move || {
        ctx.ticket.with(|t| {
            ctx.zone.with(|z| {
                format!(
                    "Deadlines for a ticket opened {}. Cells marked \u{2260} differ from your package.",
                    when(z, t.opened)
                )
            })
        })
    };
    view! {
        <section class="panel compare-panel" aria-labelledby="h-compare">
            <h2 id="h-compare">"Compare packages"</h2>
            <p class="hint">{intro}</p>
            {table}
        </section>
    }
}
