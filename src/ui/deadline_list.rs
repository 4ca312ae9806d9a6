//! One card per target of the ticket, and a polite announcement when a
//! target changes state (not on every tick).

use leptos::prelude::*;

use crate::present::cards::announcement;
use crate::present::ticket::{context, when};

use super::state::use_ctx;
use super::target_card::TargetCard;

#[component]
pub fn DeadlineList() -> impl IntoView {
    let ctx = use_ctx();
    let ticket = ctx.ticket;
    // What changes with the inputs and the zone, and what changes with the
    // clock, once per tick for all cards (shared with the answer strip).
    let (cards, standings) = (ctx.cards, ctx.standings);
    let ids = Memo::new(move |_| cards.with(|c| c.iter().map(|c| c.id).collect::<Vec<_>>()));
    // Changes only when a state does, so screen readers hear transitions.
    let live_words = Memo::new(move |_| cards.with(|c| standings.with(|s| announcement(c, s))));
    let context_line =
        move || ticket.with(|t| ctx.zone.with(|z| context(&t.selection, t.opened, z)));
    let error = move || ticket.with(|t| t.dues.as_ref().err().cloned());
    view! {
        <section class="panel deadlines" aria-labelledby="h-deadlines">
            <h2 id="h-deadlines" tabindex="-1">"Deadlines"</h2>
            <p class="hint" data-context="">{context_line}</p>
            // On paper the countdowns need their moment.
            <p class="hint print-only">
                {move || ctx.zone.with(|z| format!("Countdowns as of {}.", when(z, ctx.now.get())))}
            </p>
            {move || {
                error()
                    .map(|e| {
                        view! {
                            <p role="alert" class="error">
                                {format!("These deadlines cannot be computed: {e}")}
                            </p>
                        }
                    })
            }}
            <ol class="cards">
                // Keyed by target id: a card whose target stays (switching
                // severity, or vendors with the same targets) is updated in
                // place, not built again.
                <For
                    each=move || ids.get()
                    key=|id| *id
                    children=move |id| view! { <TargetCard id=id cards=cards standings=standings /> }
                />
            </ol>
            <p class="sr-only" aria-live="polite">{live_words}</p>
        </section>
    }
}
