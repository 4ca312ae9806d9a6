//! One card per target of the ticket, and a polite announcement when a
//! target changes state (not on every tick).

use leptos::prelude::*;

use crate::engine::deadline::{deadlines, Timing};
use crate::engine::join;
use crate::present::cards::{cards, standings};
use crate::present::summary::title;
use crate::present::ticket::when;
use crate::present::zone::Offsets;

use super::state::use_ctx;
use super::target_card::TargetCard;

#[component]
pub fn DeadlineList() -> impl IntoView {
    let ctx = use_ctx();
    let ticket = ctx.ticket;
    // What changes with the inputs and the zone...
    let cards = Memo::new(move |_| {
        ticket.with(|t| {
            let Ok(dues) = &t.dues else {
                return Vec::new();
            };
            // Without the pauses too, so a card can say what they moved.
            let unpaused = (!t.timing.pauses.is_empty())
                .then(|| {
                    let timing = Timing {
                        holidays: t.timing.holidays.clone(),
                        ..Timing::default()
                    };
                    deadlines(&t.selection, t.opened, &timing).ok()
                })
                .flatten();
            let unpaused = unpaused.as_deref().unwrap_or(dues);
            ctx.zone
                .with(|z| cards(&t.selection, dues, unpaused, z, &ctx.vendor_zone.get()))
        })
    });
    // ...and what changes with the clock, once per tick for all cards.
    let standings = Memo::new(move |_| {
        let now = ctx.now.get();
        ticket.with(|t| match &t.dues {
            Ok(dues) => standings(&t.selection, dues, now, &t.timing),
            Err(_) => Vec::new(),
        })
    });
    let ids = Memo::new(move |_| cards.with(|c| c.iter().map(|c| c.id).collect::<Vec<_>>()));
    // Changes only when a state does, so screen readers hear transitions.
    let announcement = Memo::new(move |_| {
        cards.with(|cards| {
            standings.with(|all| {
                let states: Vec<String> = all
                    .iter()
                    .filter_map(|s| {
                        let card = cards.iter().find(|c| c.id == s.id)?;
                        Some(format!("{}: {}.", card.label, s.words))
                    })
                    .collect();
                join(&states, " ")
            })
        })
    });
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
            <p class="hint" data-context="">{context}</p>
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
            <p class="sr-only" aria-live="polite">{announcement}</p>
        </section>
    }
}
