//! Type-erased reactive bindings.
//!
//! Every `move || ...` closure in a view is its own type, so Leptos compiles
//! its build-and-update code once per closure. Boxing the closures behind
//! three types makes every binding share one copy of that code: the single
//! largest saving in the app's wasm bytes.

use std::sync::{Arc, Mutex};

use leptos::prelude::{AnyView, IntoAny};

/// Reactive text, attribute or property value.
pub type Text = Arc<dyn Fn() -> String + Send + Sync>;
/// Reactive boolean (checked, selected, class toggles).
pub type Flag = Arc<dyn Fn() -> bool + Send + Sync>;
/// Reactive part of a view.
pub type Part = Arc<Mutex<dyn FnMut() -> AnyView + Send>>;

pub fn text(f: impl Fn() -> String + Send + Sync + 'static) -> Text {
    Arc::new(f)
}

pub fn flag(f: impl Fn() -> bool + Send + Sync + 'static) -> Flag {
    Arc::new(f)
}

pub fn part(f: impl Fn() -> AnyView + Send + 'static) -> Part {
    Arc::new(Mutex::new(f))
}

/// A part shown only when `f` gives a view.
pub fn maybe(f: impl Fn() -> Option<AnyView> + Send + 'static) -> Part {
    part(move || f().unwrap_or_else(|| ().into_any()))
}
