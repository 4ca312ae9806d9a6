//! The holidays of the schedules in view, which the user can take out or
//! add to (contracts differ).

use leptos::prelude::*;

use crate::engine::holidays::HolidayEdits;
use crate::present::holidays::{calendars, changes_text};
use crate::present::text;
use crate::request;
use crate::request::{FIRST_YEAR, LAST_YEAR};

use super::assumption_note::AssumptionNote;
use super::state::use_ctx;

#[component]
pub fn HolidayEditor() -> impl IntoView {
    let ctx = use_ctx();
    let query = ctx.query;
    let error = RwSignal::new(String::new());
    let edit = move |f: &dyn Fn(&mut HolidayEdits)| query.update(|q| f(&mut q.holidays));
    let changes = move || query.with(|q| q.holidays.added.len() + q.holidays.removed.len());

    let add = move |value: String| {
        let mut edits = query.with_untracked(|q| q.holidays.clone());
        match request::parse_holiday_edit("holiday", &format!("+{value}"), &mut edits) {
            Ok(()) => {
                error.set(String::new());
                query.update(|q| q.holidays = edits);
            }
            Err(_) => error.set("Choose a date to close.".into()),
        }
    };
    let new_date = RwSignal::new(String::new());
    let open = RwSignal::new(false);

    // Rebuilt only when the selection or the opening changes, so ticking a
    // box (which edits the holidays) keeps keyboard focus where it is.
    let basis = Memo::new(move |_| (ctx.selection.get(), query.with(|q| q.opened)));
    let calendar_views = move || {
        let (chosen, opened) = basis.get();
        calendars(chosen.0, opened)
            .into_iter()
            .map(|v| {
                let items = v
                    .dates
                    .into_iter()
                    .map(|holiday| {
                        let date = holiday.date;
                        let id = format!("f-hol-{date}");
                        let closed = move || query.with(|q| !q.holidays.removed.contains(&date));
                        view! {
                            <li>
                                <input
                                    type="checkbox"
                                    id=id.clone()
                                    prop:checked=closed
                                    on:change=move |ev| {
                                        let keep = event_target_checked(&ev);
                                        edit(&|h| {
                                            if keep {
                                                h.removed.remove(&date);
                                            } else {
                                                h.removed.insert(date);
                                            }
                                        })
                                    }
                                />
                                <label for=id>
                                    {holiday.label}
                                    <span class="hint">{move || if closed() { "" } else { " (worked as a normal day)" }}</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="calendar">
                        <h3>{v.heading}</h3>
                        {v.assumption.map(|a| view! { <AssumptionNote text=a /> })}
                        <ul class="checks">{items}</ul>
                    </div>
                }
            })
            .collect_view()
    };
    let any_added = Memo::new(move |_| query.with(|q| !q.holidays.added.is_empty()));
    let added = move || {
        query
            .with(|q| q.holidays.added.iter().copied().collect::<Vec<_>>())
            .into_iter()
            .map(|date| {
                view! {
                    <li>
                        {text::date(date)}
                        " "
                        <button
                            type="button"
                            class="quiet"
                            aria-label=format!("Reopen {}", text::date(date))
                            on:click=move |_| edit(&|h| {
                                h.added.remove(&date);
                            })
                        >
                            "Remove"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <details
            class="field holidays"
            on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
        >
            <summary>
                "Holidays"
                {move || changes_text(changes())}
            </summary>
            <p class="hint">
                "Business-hour and business-day targets skip these closed dates. Untick a holiday your contract works, or add a date."
            </p>
            // Listed only while open: other inputs stay fast.
            {move || if open.get() { calendar_views() } else { Vec::new() }}
            {move || {
                any_added
                    .get()
                    .then(|| view! {
                        <h3>"Dates you closed"</h3>
                        <ul class="added">{move || added()}</ul>
                    }.into_any())
            }}
            <div class="row">
                <div class="field">
                    <label for="f-holiday">"Close another date"</label>
                    <input
                        type="date"
                        id="f-holiday"
                        name="holiday"
                        min=format!("{FIRST_YEAR:04}-01-01")
                        max=format!("{LAST_YEAR}-12-31")
                        prop:value=move || new_date.get()
                        on:change=move |ev| new_date.set(event_target_value(&ev))
                    />
                </div>
                <button
                    type="button"
                    on:click=move |_| {
                        add(new_date.get_untracked());
                        new_date.set(String::new());
                    }
                >
                    "Add"
                </button>
            </div>
            <p class="hint error" aria-live="polite">
                {move || error.get()}
            </p>
        </details>
    }
}
