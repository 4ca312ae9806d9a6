//! The Leptos web app (wasm32 only). One component per file; the logic they
//! show lives in [`crate::present`] and the engine.

mod app;
mod assumption_note;
mod browser;
mod charge_panel;
mod deadline_list;
mod holiday_editor;
mod opened_field;
mod page_footer;
mod page_header;
mod pause_list;
mod policy_facts;
mod problem_list;
mod severity_field;
mod share_bar;
mod state;
mod support_status;
mod target_card;
mod tier_table;
mod vendor_fields;
mod vendor_overview;
mod view_switch;
mod zone_field;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::engine::load;
use crate::present::query;

/// Reads the URL (over remembered choices), mounts the app into `<body>`,
/// starts the clock and, when embedded, reports the app's height.
pub fn mount() {
    let now = browser::now();
    let url = query::pairs(&browser::search());
    let embed = query::read(load::embedded(), &url, &[], now, &|_| false)
        .0
        .embed;
    // An embedder's URL decides alone; a visitor's last choices fill gaps.
    let stored = if embed {
        Vec::new()
    } else {
        query::pairs(&browser::load_stored())
    };
    let (initial, problems) =
        query::read(load::embedded(), &url, &stored, now, &browser::zone_known);
    let browser_zone = browser::browser_zone();
    leptos::mount::mount_to_body(move || {
        let ctx = state::Ctx::new(initial, problems, now, browser_zone);
        let interval =
            gloo_timers::callback::Interval::new(1000, move || ctx.now.set(browser::now()));
        // The clock runs as long as the page.
        interval.forget();
        view! { <app::App ctx=ctx /> }
    });
    if embed && browser::in_frame() {
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("app"))
            .and_then(|e| e.dyn_into::<web_sys::Element>().ok());
        if let Some(root) = root {
            browser::post_height_changes(root);
        }
    }
}
