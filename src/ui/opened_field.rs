//! When the ticket was opened, as wall time in the zone chosen beside it
//! (default: the browser's, said in words). Changing that zone keeps the
//! typed wall times; changing "Show times in" moves nothing.

use leptos::prelude::*;

use crate::present::query::this_minute;
use crate::present::zone;
use crate::request::{FIRST_YEAR, LAST_YEAR};

use super::browser::Zone;
use super::local_time::{invalid_time_hint, local_value, parse_local};
use super::state::use_ctx;
use super::zone_options::ZoneOptions;

#[component]
pub fn OpenedField() -> impl IntoView {
    let ctx = use_ctx();
    let query = ctx.query;
    let browser_zone = ctx.browser_zone;
    let error = RwSignal::new(false);
    let opened = move || query.with(|q| q.opened);
    let on_change = move |ev: leptos::ev::Event| match parse_local(&ctx, &event_target_value(&ev)) {
        Some(at) => {
            error.set(false);
            query.update(|q| q.opened = at);
        }
        None => error.set(true),
    };
    let current = Memo::new(move |_| query.with(|q| q.opened_tz.clone()));
    let choices = Memo::new(move |_| {
        let vendor = ctx.vendor_zone.get();
        current.with(|c| zone::choices(browser_zone, vendor.name(), c.as_deref()))
    });
    let chosen =
        Memo::new(move |_| current.with(|c| zone::chosen_value(browser_zone, c.as_deref())));
    // A deliberate change of the zone the times are typed in: the wall
    // times on screen stay, so the instants they denote move.
    let retype = move |value: String| {
        let new = Zone::named(if value.is_empty() {
            browser_zone
        } else {
            &value
        })
        .unwrap_or_else(|| ctx.typed_zone.get_untracked());
        let old = ctx.typed_zone.get_untracked();
        query.update(|q| {
            let moved = |at| zone::retyped(at, &old, &new);
            q.opened = moved(q.opened);
            q.work_at = q.work_at.map(moved);
            for pause in &mut q.pauses {
                *pause = (moved(pause.0), moved(pause.1));
            }
            q.opened_tz = (!value.is_empty()).then_some(value);
        });
    };
    let words = move || {
        let at = opened();
        let vendor = ctx.vendor_zone.get();
        let is_browser = current.with(|c| c.as_deref().is_none_or(|c| c == browser_zone));
        ctx.typed_zone
            .with(|z| zone::typed_words(z, is_browser, &vendor, at))
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
            <div class="row typed-zone">
                <label for="f-opened-tz" class="hint-label">"Time zone of this time"</label>
                <select
                    id="f-opened-tz"
                    name="opened_tz"
                    aria-describedby="f-opened-hint"
                    on:change=move |ev| retype(event_target_value(&ev))
                >
                    <ZoneOptions choices=choices chosen=Signal::from(chosen) />
                </select>
            </div>
            <p id="f-opened-hint" class="hint" data-opened-words="" aria-live="polite">
                {move || if error.get() { invalid_time_hint() } else { words() }}
            </p>
        </div>
    }
}
