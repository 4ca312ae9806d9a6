//! How times are read: the zone of timestamps without an offset (the
//! browser's by default, where this page has it), the order of slashed
//! dates when the file cannot tell, and the instant the audit is "as of".

use leptos::prelude::*;

use crate::engine::zone::Zone;

use super::client;
use super::state::{use_audit, Run};

#[component]
pub fn ReadingFields() -> impl IntoView {
    let ctx = use_audit();
    let settings = ctx.settings;
    let rerun = move || {
        if ctx.source.with_value(Option::is_some) {
            client::start(ctx);
        }
    };
    // The compiled zones, in the generated table's (alphabetical) order.
    let zones: Vec<&'static str> = Zone::names().collect();
    let browser_has = Zone::named(ctx.browser_zone).is_some();
    let zone_hint = if browser_has {
        format!("Default: your browser's zone, {}.", ctx.browser_zone)
    } else {
        format!(
            "Your browser's zone, {}, is not one this page can read times in: choose the zone the export was written in.",
            ctx.browser_zone
        )
    };
    // The page says so when the file's dates need an order (and only until
    // the next run starts).
    let order_needed = move || {
        ctx.run.with(|r| matches!(r, Run::Failed(_)))
            && ctx
                .detected
                .with(|d| d.as_ref().is_some_and(|d| d.dates_fit_both))
    };
    view! {
        <div class="field">
            <label for="f-tz">"Time zone of times without an offset"</label>
            <select id="f-tz" name="tz" aria-describedby="f-tz-hint" on:change=move |e| {
                let z = event_target_value(&e);
                settings.update(|s| s.zone = z);
                rerun();
            }>
                {zones.into_iter().map(|z| view! {
                    <option value=z prop:selected=move || settings.with(|s| s.zone == z)>{z}</option>
                }).collect_view()}
            </select>
            <p id="f-tz-hint" class="hint" data-zone-default=ctx.browser_zone>{zone_hint}</p>
        </div>
        <div class="field" class:attention=order_needed data-date-order>
            <label for="f-order">"Dates like 3/4/2026"</label>
            <select id="f-order" name="order" on:change=move |e| {
                let o = event_target_value(&e);
                settings.update(|s| s.order = (!o.is_empty()).then_some(o));
                rerun();
            }>
                <option value="" prop:selected=move || settings.with(|s| s.order.is_none())>"decide from the file"</option>
                <option value="dmy" prop:selected=move || settings.with(|s| s.order.as_deref() == Some("dmy"))>"day first (3 April)"</option>
                <option value="mdy" prop:selected=move || settings.with(|s| s.order.as_deref() == Some("mdy"))>"month first (4 March)"</option>
            </select>
            <Show when=order_needed>
                <p class="hint warn">"Every date in the file fits both orders: choose one."</p>
            </Show>
        </div>
        <div class="field">
            <label for="f-as-of">"As of"</label>
            <input
                id="f-as-of"
                name="as_of"
                type="text"
                inputmode="text"
                placeholder="now"
                aria-describedby="f-as-of-hint"
                prop:value=move || settings.with(|s| s.as_of.clone().unwrap_or_default())
                on:change=move |e| {
                    let v = event_target_value(&e);
                    settings.update(|s| s.as_of = (!v.trim().is_empty()).then(|| v.trim().to_string()));
                    rerun();
                }
            />
            <p id="f-as-of-hint" class="hint">
                "A ticket with no answer yet is breached once its deadline is before this instant: e.g. 2026-04-01T00:00:00Z, or written as the file's times are (without an offset, in the zone above; slashed dates in the file's order). Empty: now."
            </p>
        </div>
    }
}
