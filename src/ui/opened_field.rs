//! When the ticket was opened, as wall time in the display zone.

use leptos::prelude::*;

use crate::present::query::this_minute;
use crate::present::zone::Offsets;
use crate::request::format_instant;
use crate::request::{FIRST_YEAR, LAST_YEAR};

use super::local_time::{invalid_time_hint, local_value, parse_local};
use super::state::use_ctx;

#[component]
pub fn OpenedField() -> impl IntoView {
    let ctx = use_ctx();
    let query = ctx.query;
    let error = RwSignal::new(false);
    let opened = move || query.with(|q| q.opened);
    let on_change = move |ev: leptos::ev::Event| match parse_local(&ctx, &event_target_value(&ev)) {
        Some(at) => {
            error.set(false);
            query.update(|q| q.opened = at);
        }
        None => error.set(true),
    };
    view! {
        <div class="field">
            <label for="f-opened">"Ticket opened"</label>
            <div class="row">
                <input
                    type="datetime-local"
                    id="f-opened"
                    name="opened"
                    required=""
                    min=format!("{FIRST_YEAR:04}-01-01T00:00")
                    max=format!("{LAST_YEAR}-12-31T23:59")
                    aria-describedby="f-opened-hint"
                    aria-invalid=move || error.get().to_string()
                    prop:value=move || local_value(&ctx, opened())
                    on:change=on_change
                />
                <button
                    type="button"
                    on:click=move |_| {
                        error.set(false);
                        query.update(|q| q.opened = this_minute(ctx.now.get_untracked()));
                    }
                >
                    "Now"
                </button>
            </div>
            <p id="f-opened-hint" class="hint" aria-live="polite">
                {move || {
                    if error.get() {
                        invalid_time_hint()
                    } else {
                        format!("{} time; {}", ctx.zone.with(|z| z.name().to_string()), format_instant(opened()))
                    }
                }}
            </p>
        </div>
    }
}
