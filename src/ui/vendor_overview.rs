//! Every vendor's packages for the same severity and opening.

use leptos::prelude::*;

use crate::present::compare::tiers;
use crate::present::ticket::when;

use super::state::use_ctx;
use super::tiers_table::TiersTable;

#[component]
pub fn VendorOverview() -> impl IntoView {
    let ctx = use_ctx();
    let tables = move || {
        let ticket = ctx.ticket.get();
        let s = ticket.selection;
        let severity = s.severity().id();
        // The cells show dates in the display zone.
        ctx.zone.track();
        s.catalog
            .policies()
            .iter()
            .map(|policy| {
                let chosen = (policy.id() == s.policy.id())
                    .then(|| (s.package().id(), s.region().map(|r| r.id())));
                let t = tiers(
                    s.catalog,
                    policy,
                    severity,
                    ticket.opened,
                    &ticket.timing,
                    chosen,
                    true,
                );
                let caption = format!("{}: {}", t.vendor_name, t.severity_label);
                view! { <TiersTable tiers=t caption=caption /> }
            })
            .collect_view()
    };
    let intro = move || {
        ctx.ticket.with(|t| {
            ctx.zone.with(|z| {
                format!(
                    "Severity {} at every vendor, for a ticket opened {}. Each vendor names its severities differently; \
                     check their definitions before comparing.",
                    t.selection.severity().id(),
                    when(z, t.opened)
                )
            })
        })
    };
    view! {
        <section class="panel vendors-panel" aria-labelledby="h-vendors">
            <h2 id="h-vendors">"All vendors"</h2>
            <p class="hint">{intro}</p>
            {tables}
        </section>
    }
}
