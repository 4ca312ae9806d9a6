//! Display zones: turning instants into wall time for people and back.
//!
//! A zone compiled into the engine ([`Zone`]) is handled here; any other IANA zone is
//! resolved by the browser (`Intl`), which implements [`Offsets`] in the UI.
//! Conversions for compiled zones go through the engine's `resolve_local`, so
//! the app and the engine agree on daylight-saving gaps and folds.

use chrono::{DateTime, NaiveDateTime, TimeDelta, Timelike};

use crate::engine::time::{self, Instant};
use crate::engine::zone::Zone;

/// What formatting needs from a time zone.
pub trait Offsets {
    /// The IANA name ("Europe/Berlin").
    fn name(&self) -> &str;
    /// Seconds east of UTC at an instant.
    fn offset_at(&self, at: Instant) -> i32;
    /// A short alphabetic abbreviation ("CET"), when the zone has one.
    fn abbreviation(&self, _at: Instant) -> Option<String> {
        None
    }
    /// The instant a wall time denotes. Two passes over the offset: one
    /// guessed at the wall time read as UTC, one at the first result.
    fn instant_of(&self, local: NaiveDateTime) -> Instant {
        let naive = local.and_utc();
        let guess = naive - TimeDelta::seconds(i64::from(self.offset_at(naive)));
        naive - TimeDelta::seconds(i64::from(self.offset_at(guess)))
    }
}

impl Offsets for Zone {
    fn name(&self) -> &str {
        Zone::name(*self)
    }
    fn offset_at(&self, at: Instant) -> i32 {
        self.offset_at_timestamp(at.timestamp()).seconds()
    }
    fn abbreviation(&self, at: Instant) -> Option<String> {
        Some(self.offset_at_timestamp(at.timestamp()).abbreviation())
            .filter(|a| a.starts_with(|c: char| c.is_ascii_alphabetic()))
            .map(str::to_string)
    }
    fn instant_of(&self, local: NaiveDateTime) -> Instant {
        // The engine's rule for gaps and folds, then the seconds.
        let minute = (local.hour() * 60 + local.minute()) as u16;
        time::resolve_local(*self, local.date(), minute)
            + TimeDelta::seconds(i64::from(local.second()))
    }
}

/// The wall time of an instant in a zone.
pub fn local(zone: &dyn Offsets, at: Instant) -> NaiveDateTime {
    let shifted = at
        .checked_add_signed(TimeDelta::seconds(i64::from(zone.offset_at(at))))
        .unwrap_or(at);
    shifted.naive_utc()
}

/// A compiled zone by IANA name.
pub fn compiled(name: &str) -> Option<Zone> {
    Zone::named(name)
}

/// The zones the zone list offers besides UTC. Every build compiles them
/// in, with the zones the policies name (`engine::codegen::zone_names`);
/// any other zone (aliases such as US/Pacific too) gets its offsets from
/// the browser.
pub const LISTED: [&str; 7] = [
    "America/Chicago",
    "America/Los_Angeles",
    "America/New_York",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Australia/Sydney",
    "Europe/Berlin",
];

/// True for text shaped like an IANA zone name ("Area/City", "UTC"), so
/// nothing else reaches the browser's zone lookup.
pub fn looks_like_zone(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/_-+".contains(&b))
        && !name.starts_with('/')
        && !name.ends_with('/')
}

/// How people name a zone in prose: "Berlin", "New York", "UTC".
pub fn city(name: &str) -> String {
    // The part after the last '/', found by bytes ('/' is ASCII).
    let start = name.bytes().rposition(|b| b == b'/').map_or(0, |at| at + 1);
    name[start..].replace('_', " ")
}

/// "UTC", "UTC+1", "UTC-3:30".
pub fn offset_label(seconds: i32) -> String {
    if seconds == 0 {
        return "UTC".into();
    }
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    match minutes % 60 {
        0 => format!("UTC{sign}{}", minutes / 60),
        m => format!("UTC{sign}{}:{m:02}", minutes / 60),
    }
}

/// The short zone marker written after a time: "CET", or "UTC+5:30" when
/// the zone has no alphabetic abbreviation.
pub fn marker(zone: &dyn Offsets, at: Instant) -> String {
    zone.abbreviation(at)
        .unwrap_or_else(|| offset_label(zone.offset_at(at)))
}

/// Instant from epoch milliseconds (the browser clock), if representable.
pub fn from_millis(ms: f64) -> Option<Instant> {
    if !ms.is_finite() {
        return None;
    }
    DateTime::from_timestamp_millis(ms as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Instant {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    fn wall(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d)
            .unwrap()
            .and_hms_opt(h, mi, 0)
            .unwrap()
    }

    /// A zone resolved only through offsets, as the browser path is.
    struct Fixed(&'static str, Zone);
    impl Offsets for Fixed {
        fn name(&self) -> &str {
            self.0
        }
        fn offset_at(&self, at: Instant) -> i32 {
            self.1.offset_at(at)
        }
    }

    #[test]
    fn offsets_follow_daylight_saving() {
        let berlin = Zone::known("Europe/Berlin");
        assert_eq!(berlin.offset_at(at(2026, 1, 10, 12, 0)), 3600);
        assert_eq!(berlin.offset_at(at(2026, 7, 10, 12, 0)), 7200);
        assert_eq!(marker(&berlin, at(2026, 1, 10, 12, 0)), "CET");
        assert_eq!(marker(&berlin, at(2026, 7, 10, 12, 0)), "CEST");
        assert_eq!(
            local(&berlin, at(2026, 7, 10, 12, 0)),
            wall(2026, 7, 10, 14, 0)
        );
    }

    #[test]
    fn compiled_zones_convert_with_the_engine_rule() {
        let ny = Zone::known("America/New_York");
        // Spring-forward gap: 02:30 does not exist, the first instant after it counts.
        assert_eq!(ny.instant_of(wall(2026, 3, 8, 2, 30)), at(2026, 3, 8, 7, 0));
        // Fall-back fold: the earlier 01:30 (EDT).
        assert_eq!(
            ny.instant_of(wall(2026, 11, 1, 1, 30)),
            at(2026, 11, 1, 5, 30)
        );
        assert_eq!(ny.instant_of(wall(2026, 3, 2, 9, 0)), at(2026, 3, 2, 14, 0));
    }

    #[test]
    fn browser_zones_convert_in_two_passes() {
        let zone = Fixed("Europe/Berlin", Zone::known("Europe/Berlin"));
        assert_eq!(
            zone.instant_of(wall(2026, 3, 2, 9, 0)),
            at(2026, 3, 2, 8, 0)
        );
        assert_eq!(
            zone.instant_of(wall(2026, 7, 2, 9, 0)),
            at(2026, 7, 2, 7, 0)
        );
        // Just after the spring-forward change (02:00 -> 03:00 on 29 March).
        assert_eq!(
            zone.instant_of(wall(2026, 3, 29, 3, 30)),
            at(2026, 3, 29, 1, 30)
        );
        assert_eq!(
            zone.instant_of(wall(2026, 3, 29, 1, 30)),
            at(2026, 3, 29, 0, 30)
        );
    }

    #[test]
    fn labels_read_well() {
        assert_eq!(city("America/New_York"), "New York");
        assert_eq!(city("UTC"), "UTC");
        assert_eq!(offset_label(0), "UTC");
        assert_eq!(offset_label(3600), "UTC+1");
        assert_eq!(offset_label(19800), "UTC+5:30");
        assert_eq!(offset_label(-12600), "UTC-3:30");
        let kolkata = Zone::known("Asia/Kolkata");
        assert_eq!(marker(&kolkata, at(2026, 1, 1, 0, 0)), "IST");
        let dubai = Zone::known("Asia/Dubai");
        assert_eq!(marker(&dubai, at(2026, 1, 1, 0, 0)), "UTC+4");
    }

    #[test]
    fn zone_names_are_screened() {
        assert!(looks_like_zone("America/Argentina/Buenos_Aires"));
        assert!(looks_like_zone("Etc/GMT+5"));
        assert!(!looks_like_zone(""));
        assert!(!looks_like_zone("Europe/Berlin<script>"));
        assert!(!looks_like_zone("/Berlin"));
        assert!(compiled("Europe/Berlin").is_some());
        assert!(
            compiled("Asia/Kathmandu").is_none(),
            "not in the compiled filter"
        );
        for name in LISTED {
            assert_eq!(compiled(name).map(|z| z.name()), Some(name), "{name}");
        }
        assert!(LISTED.is_sorted(), "the list reads alphabetically");
    }
}
