//! The app's logic that needs no browser: formatting, URL state, what each
//! panel shows (plain view-models: cards, support, charges, facts, tier
//! comparison), the summary and the calendar file. Built and unit-tested
//! natively; the web UI (`crate::ui`) only wires it to the DOM.

pub mod audit;
pub mod cards;
pub mod charges;
pub mod compare;
pub mod estimate;
pub mod facts;
pub mod holidays;
pub mod ics;
pub mod query;
pub mod strip;
pub mod summary;
pub mod support;
pub mod text;
pub mod ticket;
pub mod zone;
