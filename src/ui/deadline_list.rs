//! One card per target of the ticket, and a polite announcement when a
//! target changes state (not on every tick).

use leptos::prelude::*;

use crate::engine::deadline::{progress, Progress};
use crate::engine::join;
use crate::present::summary::title;
use crate::present::ticket::when;
use crate::present::zone::Offsets;

use super::reactive::Derived;
use super::state::Ctx;
use super::target_card::TargetCard;
use super::CollectAny;

#[component]
pub fn DeadlineList(
    /// Shared state; reads the ticket, zone and `now`.
    ctx: Ctx,
) -> impl IntoView {
    let ticket = ctx.ticket;
    // Where every dated target stands, once per tick for all cards.
    let standing = Derived::new(move || {
        let now = ctx.now.get();
        ticket.with(|t| match &t.dues {
            Ok(dues) => dues
                .iter()
                .map(|d| progress(&t.selection, d, now, &t.timing))
                .collect(),
            Err(_) => Vec::<Option<Progress>>::new(),
        })
    });
    // Changes only when a state does, so screen readers hear transitions.
    let announcement = Derived::new(move || {
        ticket.with(|t| {
            let Ok(dues) = &t.dues else {
                return String::new();
            };
            standing.with(|all| {
                let states: Vec<String> = dues
                    .iter()
                    .zip(all)
                    .filter_map(|(d, p)| {
                        p.map(|p| format!("{}: {}.", d.target.label(), p.state.words()))
                    })
                    .collect();
                join(&states, " ")
            })
        })
    });
    // One slot per target of the policy with the most; a card stays mounted
    // while the ticket has its index, so switching vendors updates cards in
    // place instead of building them again. Each card reads its target by index.
    let count = Derived::new(move || ticket.with(|t| t.dues.as_ref().map_or(0, Vec::len)));
    let cards = (0..ctx.slots(|p| p.targets().len()))
        .map(|index| {
            let shown = Derived::new(move || index < count.get());
            move || {
                shown.get().then(|| {
                    view! { <TargetCard ctx=ctx index=index standing=standing /> }.into_any()
                })
            }
        })
        .collect_any();
    let context = move || {
        ticket.with(|t| {
            ctx.zone.with(|z| {
                format!(
                    "{}. Opened {}; times in {}.",
                    title(&t.selection),
                    when(z, t.opened),
                    z.name()
                )
            })
        })
    };
    let error = move || ticket.with(|t| t.dues.as_ref().err().cloned());
    view! {
        <section class="panel deadlines" aria-labelledby="h-deadlines">
            <h2 id="h-deadlines" tabindex="-1">"Deadlines"</h2>
            <p class="hint" data-context="">{move || context()}</p>
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
                        }.into_any()
                    })
            }}
            <ol class="cards">{cards}</ol>
            <p class="sr-only" aria-live="polite">{move || announcement.get()}</p>
        </section>
    }
}
