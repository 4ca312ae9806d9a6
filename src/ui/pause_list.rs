//! "Waiting on customer" intervals, during which the clock stops.

use chrono::TimeDelta;
use leptos::prelude::*;

use crate::present::query::this_minute;
use crate::request::{check_pause, check_pause_after_opening};

use super::local_time::{local_value, parse_local, typed_place};
use super::state::use_ctx;

#[component]
pub fn PauseList() -> impl IntoView {
    let ctx = use_ctx();
    let query = ctx.query;
    let error = RwSignal::new(String::new());
    // Rows follow the pause count; each row reads its pause by index.
    let count = Memo::new(move |_| query.with(|q| q.pauses.len()));

    let add = move |_| {
        // A first guess the user then adjusts: from now (or the opening) for an hour.
        let from = this_minute(ctx.now.get_untracked()).max(query.with_untracked(|q| q.opened));
        query.update(|q| q.pauses.push((from, from + TimeDelta::hours(1))));
        error.set(String::new());
    };
    let edit = move |index: usize, end: bool, value: String| {
        let Some(at) = parse_local(&ctx, &value) else {
            error.set(format!("Pause {}: enter a date and time.", index + 1));
            return;
        };
        let Some((from, until)) = query.with_untracked(|q| q.pauses.get(index).copied()) else {
            return;
        };
        let (from, until) = if end {
            (from, at)
        } else {
            // Moving the start keeps the length.
            (at, at + (until - from))
        };
        if until <= from {
            error.set(format!(
                "pause {}: the end must be after the start.",
                index + 1
            ));
            return;
        }
        let opened = query.with_untracked(|q| q.opened);
        // Named as the list numbers it: "pause 2: the pause ... ends before ...".
        let field = format!("pause {}", index + 1);
        if let Err(e) = check_pause(&field, from, until)
            .and_then(|p| check_pause_after_opening(&field, p, opened))
        {
            error.set(format!("{e}."));
            return;
        }
        error.set(String::new());
        query.update(|q| {
            if let Some(p) = q.pauses.get_mut(index) {
                *p = (from, until);
            }
        });
    };
    let row = move |index: usize| {
        let n = index + 1;
        let value = move |end: bool| {
            query
                .with(|q| q.pauses.get(index).map(|p| if end { p.1 } else { p.0 }))
                .map(|at| local_value(&ctx, at))
                .unwrap_or_default()
        };
        // Reported, not silently kept, when the opening moved past it.
        let before_opening =
            move || query.with(|q| q.pauses.get(index).is_some_and(|p| p.1 <= q.opened));
        view! {
            <li class="pause" data-pause=index.to_string()>
                <div class="field">
                    <label for=format!("f-pause-{n}-from")>{format!("Pause {n} from")}</label>
                    <input
                        type="datetime-local"
                        id=format!("f-pause-{n}-from")
                        data-pause-from=""
                        prop:value=move || value(false)
                        on:change=move |ev| edit(index, false, event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for=format!("f-pause-{n}-until")>"until"</label>
                    <input
                        type="datetime-local"
                        id=format!("f-pause-{n}-until")
                        data-pause-until=""
                        prop:value=move || value(true)
                        on:change=move |ev| edit(index, true, event_target_value(&ev))
                    />
                </div>
                <button
                    type="button"
                    class="quiet"
                    aria-label=format!("Remove pause {n}")
                    on:click=move |_| {
                        error.set(String::new());
                        query.update(|q| {
                            if index < q.pauses.len() {
                                q.pauses.remove(index);
                            }
                        });
                    }
                >
                    "Remove"
                </button>
                <Show when=before_opening>
                    <p class="hint error" data-pause-before-opening="">
                        "This pause ends before the ticket opened, so it moves nothing: check its dates or remove it."
                    </p>
                </Show>
            </li>
        }
    };
    view! {
        <fieldset class="field pauses" name="pause">
            <legend>"Clock paused"</legend>
            <p class="hint">
                "Times the vendor waited on you (or was denied access): the clock stops, and deadlines move later. "
                {move || format!("Typed in {}, as the opened time.", typed_place(&ctx))}
            </p>
            <ul class="pause-list">
                {move || (0..count.get()).map(row).collect_view()}
            </ul>
            <p class="hint error" aria-live="polite">
                {move || error.get()}
            </p>
            <button type="button" on:click=add>
                "Add pause"
            </button>
        </fieldset>
    }
}
