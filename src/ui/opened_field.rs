//! When the ticket was opened, as wall time in the display zone.

use leptos::prelude::*;

use crate::present::query::this_minute;
use crate::present::text;
use crate::present::zone::{self, Offsets};
use crate::request::format_instant;
use crate::request::{FIRST_YEAR, LAST_YEAR};

use super::state::{use_ctx, Ctx};

/// The instant a `datetime-local` value denotes in the display zone, if it
/// is a time within the supported years.
pub fn parse_local(ctx: &Ctx, value: &str) -> Option<crate::engine::time::Instant> {
    let local = text::parse_input(value)?;
    let at = ctx.zone.with_untracked(|z| z.instant_of(local));
    crate::engine::time::is_supported(at).then_some(at)
}

/// The `datetime-local` value of an instant in the display zone.
pub fn local_value(ctx: &Ctx, at: crate::engine::time::Instant) -> String {
    ctx.zone.with(|z| text::input_value(zone::local(z, at)))
}

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
                        format!("Enter a date and time between {FIRST_YEAR} and {LAST_YEAR}.")
                    } else {
                        format!("{} time; {}", ctx.zone.with(|z| z.name().to_string()), format_instant(opened()))
                    }
                }}
            </p>
        </div>
    }
}
