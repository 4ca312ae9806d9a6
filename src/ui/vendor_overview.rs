//! Every vendor's packages for the same severity and opening.

use leptos::prelude::*;

use crate::present::compare::tiers;
use crate::present::ticket::when;

use super::state::Ctx;
use super::tier_table::tiers_table;
use super::CollectAny;

#[component]
pub fn VendorOverview(
    /// Shared state; reads the ticket, may switch vendor and package.
    ctx: Ctx,
) -> impl IntoView {
    let tables = move || {
        let ticket = ctx.ticket.get();
        let s = ticket.selection;
        let severity = s.severity().id().to_string();
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
                    &severity,
                    ticket.opened,
                    &ticket.timing,
                    chosen,
                    true,
                );
                let caption = format!("{}: {}", t.vendor_name, t.severity_label);
                tiers_table(ctx, t, caption)
            })
            .collect_any()
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
            <p class="hint">{move || intro()}</p>
            {move || tables()}
        </section>
    }
}
