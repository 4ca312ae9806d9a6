//! Whether support is open now, the next scheduled downtime, and notice
//! periods, all from the engine at the ticking "now".

use leptos::prelude::*;

use super::assumption_mark::AssumptionMark;
use super::assumption_note::AssumptionNote;
use super::state::use_ctx;

#[component]
pub fn SupportStatus() -> impl IntoView {
    let ctx = use_ctx();
    // Shared with the answer strip.
    let panel = ctx.support;
    let open = Memo::new(move |_| panel.with(|p| p.open));
    // Parts in memos of their own: the markup is rebuilt only when they change.
    let downtime = Memo::new(move |_| panel.with(|p| p.downtime.clone()));
    let lead_times = Memo::new(move |_| panel.with(|p| p.lead_times.clone()));
    let assumptions = Memo::new(move |_| panel.with(|p| p.assumptions.clone()));
    view! {
        <section class="panel support" aria-labelledby="h-support">
            <h2 id="h-support">"Support now"</h2>
            <div class="with-mark">
                <p class="support-state" data-support=move || if open.get() { "open" } else { "closed" }>
                    <span class="dot" aria-hidden="true"></span>
                    {move || panel.with(|p| p.words.clone())}
                </p>
                // A memo, so the ticking clock never redraws (and closes) it.
                {move || view! { <AssumptionMark texts=assumptions.get() /> }}
            </div>
            <p class="hint">{move || panel.with(|p| p.hours.clone())}</p>
            <p class="sr-only" aria-live="polite">
                {move || if open.get() { "Support is open." } else { "Support is closed." }}
            </p>
            {move || {
                downtime
                    .get()
                    .map(|d| {
                        view! {
                            <p data-downtime="">
                                <strong>{format!("{}: ", d.label)}</strong>
                                {d.words}
                            </p>
                            {d.assumption.map(|a| view! { <AssumptionNote text=a /> })}
                        }
                    })
            }}
            <For
                each=move || lead_times.get()
                key=|lead| (lead.id, lead.words.clone())
                children=|lead| {
                    view! {
                        <div class="with-mark">
                            <p data-lead-time=lead.id>
                                <strong>{format!("{}: ", lead.label)}</strong>
                                {lead.words}
                            </p>
                            <AssumptionMark texts=lead.assumptions />
                        </div>
                    }
                }
            />
        </section>
    }
}
