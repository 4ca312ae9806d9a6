//! The answer strip at the top of the page: support open or closed, the
//! next deadline with its countdown (and any other target already
//! breached), the charge estimate; and, on narrow
//! screens and in embeds, the "Change ticket" disclosure of the inputs.
//! `index.html` holds a static placeholder of its shape, which the app
//! removes as this is drawn (`ui::mount`), so nothing moves.

use leptos::prelude::*;

use crate::present::strip::strip;
use crate::present::summary::title;

use super::state::use_ctx;

#[component]
pub fn AnswerStrip(
    /// Whether the ticket's inputs are shown where they are folded away
    /// (narrow screens, embeds).
    form_open: RwSignal<bool>,
) -> impl IntoView {
    let ctx = use_ctx();
    let charges = ctx.charges;
    let strip = Memo::new(move |_| {
        let invalid = ctx.work_error.with(Option::is_some);
        ctx.support.with(|s| {
            ctx.cards.with(|c| {
                ctx.standings
                    .with(|st| charges.with(|ch| strip(s, c, st, ch, invalid)))
            })
        })
    });
    // Parts in memos of their own, so a tick touches only what it changes.
    let open = Memo::new(move |_| strip.with(|s| s.open));
    let next = Memo::new(move |_| strip.with(|s| s.next.clone()));
    let missed = Memo::new(move |_| strip.with(|s| s.missed.clone()));
    let estimate = Memo::new(move |_| strip.with(|s| s.estimate.clone()));
    let heading = move || ctx.selection.with(|s| title(&s.0));
    view! {
        <section class="strip" data-strip="" aria-labelledby="h-strip">
            <h2 id="h-strip" class="strip-title">{heading}</h2>
            <dl class="strip-items">
                <div class="strip-item" data-strip-support=move || if open.get() { "open" } else { "closed" }>
                    <dt>"Support"</dt>
                    <dd class="strip-value">
                        <span class="dot" aria-hidden="true"></span>
                        {move || strip.with(|s| s.support.clone())}
                    </dd>
                </div>
                <div
                    class="strip-item"
                    data-target=move || next.with(|n| n.id)
                    data-outcome=move || next.with(|n| n.outcome)
                    data-state=move || next.with(|n| n.state)
                >
                    <dt>
                        {move || next.with(|n| n.label)}
                        <span class="strip-state">{move || next.with(|n| n.standing.clone())}</span>
                    </dt>
                    <dd class="strip-value" data-countdown="">{move || next.with(|n| n.countdown.clone())}</dd>
                    <dd class="strip-detail">
                        {move || next.with(|n| n.lead)}
                        <time datetime=move || next.with(|n| n.datetime.clone())>
                            {move || next.with(|n| n.local.clone())}
                        </time>
                    </dd>
                    {move || {
                        missed
                            .get()
                            .map(|m| {
                                view! {
                                    <dd class="strip-missed" data-strip-missed="">
                                        <span aria-hidden="true">"\u{2715} "</span>
                                        {m}
                                    </dd>
                                }
                            })
                    }}
                </div>
                <div
                    class="strip-item"
                    data-strip-estimate=""
                    data-strip-billing=move || estimate.with(|e| e.billing)
                >
                    <dt>{move || estimate.with(|e| e.label.clone())}</dt>
                    <dd class="strip-value">
                        <span
                            data-strip-total=move || estimate.with(|e| e.total.map(|t| t.0.to_string()))
                            data-currency=move || estimate.with(|e| e.total.map(|t| t.1))
                        >
                            {move || estimate.with(|e| e.value.clone())}
                        </span>
                    </dd>
                    <dd class="strip-detail">{move || estimate.with(|e| e.detail)}</dd>
                </div>
            </dl>
            <button
                type="button"
                class="change-ticket"
                data-action="change-ticket"
                aria-controls="ticket-form"
                aria-expanded=move || form_open.get().to_string()
                on:click=move |_| form_open.update(|o| *o = !*o)
            >
                "Change ticket"
            </button>
        </section>
    }
}
