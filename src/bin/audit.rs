//! The ticket audit page (`audit.html`) and its Web Worker: one wasm for
//! both, so the audit loads its code once. In a window it mounts the page;
//! in the worker (no window) it serves audit jobs (`ui::audit::worker`).

#[cfg(target_arch = "wasm32")]
fn main() {
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    if web_sys::window().is_some() {
        sla::ui::audit::mount();
    } else {
        sla::ui::audit::worker::serve();
    }
}

/// The page only runs in the browser (wasm32); natively there is nothing to do.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
