//! Instants in `datetime-local` inputs (opened, work start, pauses): written
//! and read as wall time in the zone they are typed in (`Ctx::typed_zone`,
//! chosen beside the opened field, not the display zone), within the years
//! the engine supports.

use leptos::prelude::*;

use crate::engine::time::{is_supported, Instant};
use crate::present::text;
use crate::present::zone::{self, Offsets};
use crate::request::{FIRST_YEAR, LAST_YEAR};

use super::state::Ctx;

/// What a field's hint says while its time is not one the engine supports.
pub fn invalid_time_hint() -> String {
    format!("Enter a date and time between {FIRST_YEAR} and {LAST_YEAR}.")
}

/// The instant a `datetime-local` value denotes in the typed-in zone, if it
/// is a time within the supported years.
pub fn parse_local(ctx: &Ctx, value: &str) -> Option<Instant> {
    let local = text::parse_input(value)?;
    let at = ctx.typed_zone.with_untracked(|z| z.instant_of(local));
    is_supported(at).then_some(at)
}

/// The `datetime-local` value of an instant in the typed-in zone.
pub fn local_value(ctx: &Ctx, at: Instant) -> String {
    ctx.typed_zone
        .with(|z| text::input_value(zone::local(z, at)))
}

/// "London time": how the hints of the other time fields name the zone
/// they are typed in.
pub fn typed_place(ctx: &Ctx) -> String {
    ctx.typed_zone
        .with(|z| match zone::city(z.name()).as_str() {
            "UTC" => "UTC".to_string(),
            place => format!("{place} time"),
        })
}
