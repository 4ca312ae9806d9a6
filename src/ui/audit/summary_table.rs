//! The summary per severity and target: tickets, met, breached, open,
//! met %, median and worst margin.

use leptos::prelude::*;

use crate::present::audit::{counts_text, margin_text, percent_text, target_label};

use super::state::{use_audit, AuditCtx};

/// "1: Critical" for a severity id of the chosen policy.
pub fn severity_name(ctx: AuditCtx, id: &str) -> String {
    ctx.settings.with_untracked(|s| {
        ctx.catalog
            .policy(&s.vendor)
            .and_then(|p| p.severities().iter().find(|v| v.id() == id))
            .map_or(id.to_string(), |v| format!("{}: {}", v.id(), v.label()))
    })
}

/// "First response" for a target id of the chosen policy.
pub fn target_name(ctx: AuditCtx, id: &str) -> String {
    ctx.settings
        .with_untracked(|s| target_label(ctx.catalog, &s.vendor, id))
}

#[component]
pub fn SummaryTable() -> impl IntoView {
    let ctx = use_audit();
    let lines = ctx.summary;
    let margin = |m: Option<i64>| m.map_or("–".to_string(), margin_text);
    view! {
        <div class="table-scroll" role="region" aria-label="Summary table" tabindex="0">
            <table class="summary" data-summary>
                <thead>
                    <tr>
                        <th scope="col">"Severity"</th>
                        <th scope="col">"Target"</th>
                        <th scope="col" class="num">"Tickets"</th>
                        <th scope="col" class="num">"Met"</th>
                        <th scope="col" class="num">"Breached"</th>
                        <th scope="col" class="num">"Open"</th>
                        <th scope="col" class="num">"Met %"</th>
                        <th scope="col">"Median margin"</th>
                        <th scope="col">"Worst margin"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || lines.get().into_iter().map(|l| view! {
                        <tr data-severity=l.severity.clone() data-target=l.target.clone()>
                            <th scope="row">{severity_name(ctx, &l.severity)}</th>
                            <td>{target_name(ctx, &l.target)}</td>
                            <td class="num" data-tickets>{l.tickets}</td>
                            <td class="num" data-met>{l.met}</td>
                            <td class="num" data-breached>{l.breached}</td>
                            <td class="num" data-open>{l.open}</td>
                            <td class="num" data-met-percent>{percent_text(l.met_percent)}</td>
                            <td data-median=l.median>{margin(l.median)}</td>
                            <td data-worst=l.worst>{margin(l.worst)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p class="hint" data-counts>
            {move || {
                ctx.revision.track();
                ctx.results.with_value(|r| counts_text(r.rows.len() as u64, r.bad_count))
            }}
        </p>
    }
}
