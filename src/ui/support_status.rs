//! Whether support is open now, the next scheduled downtime, and notice
//! periods, all from the engine at the ticking "now".

use leptos::prelude::*;

use crate::engine::deadline::{lead_time_due, next_downtime, support_state};
use crate::engine::time::local_date;
use crate::present::text;
use crate::present::ticket::{downtime_words, support_words};

use super::assumption_note::AssumptionNote;
use super::reactive::Derived;
use super::state::Ctx;
use super::CollectAny;

#[component]
pub fn SupportStatus(
    /// Shared state; reads the selection, holidays and `now`.
    ctx: Ctx,
) -> impl IntoView {
    let state = Derived::new(move || {
        let s = ctx.selection.get().0;
        let now = ctx.now.get();
        ctx.timing.with(|t| {
            let zone = s.coverage().schedule().zone();
            support_words(support_state(&s, now, &t.holidays), now, &zone)
        })
    });
    let open = Derived::new(move || state.with(|s| s.0));
    // Data memos: the markup is rebuilt only when the words change.
    let downtime = Derived::new(move || {
        let s = ctx.selection.get().0;
        let now = ctx.now.get();
        let d = s.policy.downtime()?;
        let window = next_downtime(&s, now)?;
        let zone = s.policy.schedule(d.schedule()).schedule().zone();
        Some((
            d.label(),
            downtime_words(window, now, &zone),
            d.provenance().assumption.as_deref(),
        ))
    });
    let lead_times = Derived::new(move || {
        let s = ctx.selection.get().0;
        let now = ctx.now.get();
        ctx.timing.with(|t| {
            s.policy
                .lead_times()
                .iter()
                .filter_map(|lead| {
                    let due = lead_time_due(&s, lead, now, &t.holidays).ok()?;
                    let zone = s.policy.schedule(lead.clock()).schedule().zone();
                    let day = text::date(local_date(zone, due));
                    Some((
                        lead.id(),
                        lead.label(),
                        format!("{day}, if requested now ({} in advance)", lead.amount()),
                    ))
                })
                .collect::<Vec<_>>()
        })
    });
    let downtime_view = move || {
        downtime.get().map(|(label, words, assumption)| {
            view! {
                <p data-downtime="">
                    <strong>{format!("{label}: ")}</strong>
                    {words}
                </p>
                {assumption.map(|a| view! { <AssumptionNote text=a /> })}
            }
            .into_any()
        })
    };
    let lead_view = move || {
        lead_times
            .get()
            .into_iter()
            .map(|(id, label, words)| {
                view! {
                    <p data-lead-time=id>
                        <strong>{format!("{label}: ")}</strong>
                        {words}
                    </p>
                }
            })
            .collect_any()
    };
    view! {
        <section class="panel support" aria-labelledby="h-support">
            <h2 id="h-support">"Support now"</h2>
            <p class="support-state" data-support=move || String::from(if open.get() { "open" } else { "closed" })>
                <span class="dot" aria-hidden="true"></span>
                {move || state.with(|s| s.1.clone())}
            </p>
            <p class="hint">
                {move || ctx.selection.with(|s| format!("Support hours: {}", s.0.coverage().name()))}
            </p>
            <p class="sr-only" aria-live="polite">
                {move || String::from(if open.get() { "Support is open." } else { "Support is closed." })}
            </p>
            {move || downtime_view()}
            {move || lead_view()}
        </section>
    }
}
