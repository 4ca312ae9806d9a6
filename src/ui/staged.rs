//! A part of the page rendered in a task of its own, after the parts before
//! it: the app's first render becomes a run of short tasks instead of one
//! long one, so a tap or key press during load waits for one part at most.

use std::time::Duration;

use leptos::prelude::*;

#[component]
pub fn Staged(
    /// The part; rendered once, in the task after the one that built this.
    children: ChildrenFn,
) -> impl IntoView {
    let shown = RwSignal::new(false);
    // Timers run in the order they were set, so parts appear in document
    // order and nothing on screen is pushed down by a part above it.
    set_timeout(move || shown.set(true), Duration::ZERO);
    view! { <Show when=move || shown.get()>{children()}</Show> }
}
