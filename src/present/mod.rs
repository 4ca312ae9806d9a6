//! The app's logic that needs no browser: formatting, URL state, tier
//! comparison, the summary and the calendar file. Built and unit-tested
//! natively; the web UI (`crate::ui`) only wires it to the DOM.

pub mod charges;
pub mod compare;
pub mod ics;
pub mod query;
pub mod summary;
pub mod text;
pub mod ticket;
pub mod zone;
