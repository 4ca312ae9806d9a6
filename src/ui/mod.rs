//! The Leptos web app (wasm32 only). One component per file, each reading
//! the shared state from context ([`state::use_ctx`]); what a panel shows
//! is computed in [`crate::present`] as a plain view-model, and components
//! lay it out.

mod answer_strip;
mod app;
mod assumption_mark;
mod assumption_note;
pub mod audit;
mod browser;
mod charge_panel;
mod compare_actions;
mod deadline_list;
mod holiday_editor;
mod local_time;
mod opened_field;
mod page_footer;
mod pause_list;
mod policy_facts;
mod problem_list;
mod severity_field;
mod share_bar;
mod staged;
mod state;
mod support_status;
mod target_card;
mod tier_table;
mod tiers_table;
mod vendor_fields;
mod vendor_overview;
mod view_switch;
mod work_field;
mod work_start_field;
mod zone_field;
mod zone_options;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::engine::load;
use crate::present::query::{self, Theme};

/// Reads the URL (over remembered choices), mounts the app into the page's
/// `<main>` after its static header in place of the answer strip's
/// placeholder, starts the clock and, when embedded, reports the app's
/// height once it is laid out.
pub fn mount() {
    let now = browser::now();
    let url = query::pairs(&browser::search());
    // The audit is a page of its own, loaded only when asked for.
    if let Some(address) = query::audit_redirect(&url) {
        if let Some(w) = web_sys::window() {
            let _ = w.location().replace(&address);
        }
        return;
    }
    let link = query::is_link(&url);
    let (embed, theme) = {
        let (q, _) = query::read(load::embedded(), &url, &[], now, &|_| false);
        (q.embed, q.theme)
    };
    // An embedder's URL decides alone; a visitor's last choices fill a page
    // opened without parameters (`query::read` ignores them for a link).
    let stored = if embed {
        Vec::new()
    } else {
        query::pairs(&browser::load_stored())
    };
    let (initial, problems) =
        query::read(load::embedded(), &url, &stored, now, &browser::zone_known);
    let browser_zone = browser::browser_zone();
    let document = web_sys::window().and_then(|w| w.document());
    let element = |id: &str| document.as_ref().and_then(|d| d.get_element_by_id(id));
    // index.html guessed from the URL before first paint; the app decides.
    if let Some(root) = document.as_ref().and_then(|d| d.document_element()) {
        let _ = root.class_list().toggle_with_force("embedded", embed);
        let _ = match theme {
            Theme::Auto => root.remove_attribute("data-theme"),
            chosen => root.set_attribute("data-theme", chosen.id()),
        };
    }
    let placeholder = element("strip-placeholder");
    let Some(main) = element("main").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    let app = move || {
        state::provide_ctx(initial, problems, now, browser_zone);
        let clock = state::use_ctx().now;
        let interval =
            gloo_timers::callback::Interval::new(1000, move || clock.set(browser::now()));
        // The clock runs as long as the page.
        interval.forget();
        view! { <app::App link=link /> }
    };
    let root = element("app");
    // After the next paint, so the static first view is on screen before
    // the app's first render (one long task fewer, and the largest paint
    // never waits for the wasm).
    request_animation_frame(move || {
        set_timeout(
            move || {
                // The app lives as long as the page.
                leptos::mount::mount_to(main, app).forget();
                // The strip is drawn in this task: no frame shows both.
                if let Some(placeholder) = placeholder {
                    placeholder.remove();
                }
                if let Some(root) = root.filter(|_| embed && browser::in_frame()) {
                    // After the parts staged by this render (timers run in
                    // the order they were set), so the first height posted
                    // is the laid-out page's, not a fraction of it.
                    set_timeout(
                        move || browser::post_height_changes(root),
                        std::time::Duration::ZERO,
                    );
                }
            },
            std::time::Duration::ZERO,
        )
    });
}
