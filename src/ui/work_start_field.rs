//! When the work starts, for the charge conditions (URL `work_at`); empty
//! means at the opening.

use leptos::prelude::*;

use crate::request::{FIRST_YEAR, LAST_YEAR};

use super::local_time::{invalid_time_hint, local_value, parse_local, typed_place};
use super::state::use_ctx;

#[component]
pub fn WorkStartField() -> impl IntoView {
    let ctx = use_ctx();
    let query = ctx.query;
    let error = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if value.is_empty() {
            error.set(false);
            query.update(|q| q.work_at = None);
            return;
        }
        match parse_local(&ctx, &value) {
            Some(at) => {
                error.set(false);
                query.update(|q| q.work_at = Some(at));
            }
            None => error.set(true),
        }
    };
    view! {
        <div class="field">
            <label for="f-work-at">"Work starts"</label>
            <div class="row">
                <input
                    type="datetime-local"
                    id="f-work-at"
                    name="work_at"
                    data-work-at=""
                    min=format!("{FIRST_YEAR:04}-01-01T00:00")
                    max=format!("{LAST_YEAR}-12-31T23:59")
                    aria-describedby="f-work-at-hint"
                    aria-invalid=move || error.get().to_string()
                    prop:value=move || local_value(&ctx, query.with(|q| q.work_start()))
                    on:change=on_change
                />
                <button
                    type="button"
                    on:click=move |_| {
                        error.set(false);
                        query.update(|q| q.work_at = None);
                    }
                >
                    "At opening"
                </button>
            </div>
            <p id="f-work-at-hint" class="hint" aria-live="polite">
                {move || {
                    if error.get() {
                        invalid_time_hint()
                    } else if query.with(|q| q.work_at.is_none()) {
                        format!("Same as the opening; after-hours and availability are judged then. Typed in {}.", typed_place(&ctx))
                    } else {
                        format!("After-hours and availability are judged at this time. Typed in {}.", typed_place(&ctx))
                    }
                }}
            </p>
        </div>
    }
}
