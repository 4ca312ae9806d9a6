//! The Leptos web app (wasm32 only). One component per file; the logic they
//! show lives in [`crate::present`] and the engine.
//!
//! Reactive text and attribute closures return `String` (texts may be
//! `Option<String>`), even for a fixed word: each other return type
//! (`&str`, `Option<&str>`, a number) would instantiate tachys'
//! render-effect code once more (measured: four such types cost 1.15 KB of
//! brotli). For the same reason, a closure that returns a view returns an
//! erased one (`AnyView`, `Option<AnyView>`), and lists are `Vec<AnyView>`
//! built with `collect_any` (below) rather than `collect_view`: every
//! list then shares one renderer (measured: -5.6 KB brotli for the lists,
//! -1.0 KB for the closures; update latency unchanged). Static attribute
//! values are strings too: a boolean attribute is written `required=""`
//! and a number is formatted, as every other value type adds an attribute
//! renderer; and a mark of state is a `data-` attribute present or absent
//! (`Option<&str>`) or a CSS `:empty` rule, never a `class:` toggle.
//!
//! Reactive closures are written in place in the view (`{move || label()}`,
//! `data-target=move || ..`), never passed by name (`{label}`): with
//! `erase_components` the `view!` macro erases the closures it sees, so
//! they share one renderer per return type, while a named closure gets one
//! of its own (measured: 25 named uses cost 2.6 KB brotli).
//!
//! Signals and memos are [`reactive::Source`] and [`reactive::Derived`],
//! which hold their values type-erased: Leptos' own `RwSignal<T>` and
//! `Memo<T>` would compile their machinery once per value type.
//!
//! In views rebuilt on edits, literal text is an expression
//! (`<dt>{"Price"}</dt>`), so no element there is literal-only markup:
//! tachys builds those from a template cache whose lookup clones every
//! template cached before the one it needs (see the README's Performance
//! section), and the form's templates are cached first.

mod app;
mod assumption_note;
mod browser;
mod charge_panel;
mod deadline_list;
mod holiday_editor;
mod opened_field;
mod page_footer;
mod pause_list;
mod policy_facts;
mod problem_list;
mod reactive;
mod severity_field;
mod share_bar;
mod staged;
mod state;
mod support_status;
mod target_card;
mod tier_table;
mod vendor_fields;
mod vendor_overview;
mod view_switch;
mod work_field;
mod zone_field;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::engine::load;
use crate::present::query;

/// Reads the URL (over remembered choices), mounts the app into the page's
/// `<main>` after its static header, starts the clock and, when embedded,
/// reports the app's height.
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
    let document = web_sys::window().and_then(|w| w.document());
    let element = |id: &str| document.as_ref().and_then(|d| d.get_element_by_id(id));
    // index.html guessed from the URL before first paint; the app decides.
    if let Some(root) = document.as_ref().and_then(|d| d.document_element()) {
        let _ = root.class_list().toggle_with_force("embedded", embed);
    }
    let Some(main) = element("main").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    let app = move || {
        let ctx = state::Ctx::new(initial, problems, now, browser_zone);
        let interval =
            gloo_timers::callback::Interval::new(1000, move || ctx.now.set(browser::now()));
        // The clock runs as long as the page.
        interval.forget();
        view! { <app::App ctx=ctx /> }
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
                if let Some(root) = root.filter(|_| embed && browser::in_frame()) {
                    browser::post_height_changes(root);
                }
            },
            std::time::Duration::ZERO,
        )
    });
}

/// Lists of views, each view erased, so every list shares one renderer.
pub(crate) trait CollectAny {
    fn collect_any(self) -> Vec<AnyView>;
}

impl<I, V> CollectAny for I
where
    I: IntoIterator<Item = V>,
    V: IntoAny,
{
    fn collect_any(self) -> Vec<AnyView> {
        self.into_iter().map(IntoAny::into_any).collect()
    }
}
