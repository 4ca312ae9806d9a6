//! The zone times are shown in: the browser's, the vendor's, UTC, or any
//! IANA zone the browser knows.

use leptos::prelude::*;

use crate::present::zone;

use super::browser::{self, Zone};
use super::state::use_ctx;
use super::zone_options::ZoneOptions;

/// The select value that reveals the free-text zone input.
const OTHER: &str = "other";

#[component]
pub fn ZoneField() -> impl IntoView {
    let ctx = use_ctx();
    let query = ctx.query;
    let browser_zone = ctx.browser_zone;
    let other_open = RwSignal::new(false);
    let other_error = RwSignal::new(String::new());
    // The browser's ~400 zone names are suggestions for typing: built when
    // the field is focused, so choosing "another zone" stays a quick update.
    let suggest = RwSignal::new(false);
    let tz = Memo::new(move |_| query.with(|q| q.tz.clone()));
    // Each zone once (the vendor's is not listed again among the others).
    let choices = Memo::new(move |_| {
        let vendor = ctx.vendor_zone.get();
        tz.with(|c| zone::choices(browser_zone, vendor.name(), c.as_deref()))
    });
    let chosen = Memo::new(move |_| tz.with(|c| zone::chosen_value(browser_zone, c.as_deref())));

    let choose = move |value: String| {
        if value == OTHER {
            suggest.set(false);
            other_open.set(true);
            return;
        }
        other_open.set(false);
        other_error.set(String::new());
        query.update(|q| q.tz = (!value.is_empty()).then_some(value));
    };
    let set_other = move |value: String| {
        let name = value.trim();
        if Zone::named(name).is_some() {
            other_error.set(String::new());
            other_open.set(false);
            query.update(|q| q.tz = Some(name.to_string()));
        } else {
            other_error.set(format!(
                "\u{201c}{name}\u{201d} is not a time zone this browser knows. Use an IANA name such as Asia/Kathmandu."
            ));
        }
    };

    view! {
        <div class="field">
            <label for="f-tz">"Show times in"</label>
            <select id="f-tz" name="tz" on:change=move |ev| choose(event_target_value(&ev))>
                <ZoneOptions choices=choices chosen=Signal::derive(move || if other_open.get() { OTHER.to_string() } else { chosen.get() }) />
                <option value=OTHER prop:selected=move || other_open.get()>
                    "Another IANA zone\u{2026}"
                </option>
            </select>
            {move || other_open.get().then(|| view! {
                <div class="row other-zone">
                    <label for="f-tz-other" class="hint-label">
                        "IANA time zone name"
                    </label>
                    <input
                        id="f-tz-other"
                        type="text"
                        placeholder="Asia/Kathmandu"
                        autocomplete="off"
                        spellcheck="false"
                        list="f-tz-names"
                        aria-describedby="f-tz-other-error"
                        on:change=move |ev| set_other(event_target_value(&ev))
                        on:focus=move |_| suggest.set(true)
                    />
                    <datalist id="f-tz-names">
                        {move || {
                            if suggest.get() {
                                browser::browser_zones()
                                    .into_iter()
                                    .map(|name| view! { <option value=name></option> })
                                    .collect_view()
                            } else {
                                Vec::new()
                            }
                        }}
                    </datalist>
                </div>
                <p id="f-tz-other-error" class="hint error" role="alert">
                    {move || other_error.get()}
                </p>
            }.into_any())}
        </div>
    }
}
