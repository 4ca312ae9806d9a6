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

/// One option of a zone list: the value (`""` for the browser's zone) and
/// what it reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The zones a zone list offers, each once: the browser's (value `""`),
/// the vendor's, UTC, the listed zones, and `current` when it is none of
/// them. A zone that is both the browser's and the vendor's is one option.
pub fn choices(browser: &str, vendor: &str, current: Option<&str>) -> Vec<Choice> {
    let choice = |value: &str, label: String| Choice {
        value: value.to_string(),
        label,
    };
    let mut out = Vec::with_capacity(LISTED.len() + 4);
    if browser == vendor {
        out.push(choice(
            "",
            format!("Your zone, also the vendor's ({browser})"),
        ));
    } else {
        out.push(choice("", format!("Your zone ({browser})")));
        out.push(choice(vendor, format!("Vendor's zone ({vendor})")));
    }
    for name in ["UTC"].into_iter().chain(LISTED).chain(current) {
        let taken = name.is_empty() || name == browser || out.iter().any(|c| c.value == name);
        if !taken {
            out.push(choice(name, name.to_string()));
        }
    }
    out
}

/// The value of [`choices`] a zone setting selects: the browser's zone,
/// named or not, is `""`.
pub fn chosen_value(browser: &str, current: Option<&str>) -> String {
    match current {
        Some(name) if name != browser => name.to_string(),
        _ => String::new(),
    }
}

/// "Tue 3 Mar 2026, 18:30 London time (GMT)": a wall time said with the
/// place it is read in.
pub fn wall_words(zone: &dyn Offsets, at: Instant) -> String {
    let wall = super::text::date_time(local(zone, at));
    match city(zone.name()).as_str() {
        "UTC" => format!("{wall} UTC"),
        place => format!("{wall} {place} time ({})", marker(zone, at)),
    }
}

/// The opened field's reading: the wall time in the zone it is typed in,
/// which zone that is, and the same instant in the vendor's zone when
/// that differs: "Tue 3 Mar 2026, 18:30 London time (GMT), your zone;
/// 13:30 EST in New York, the vendor's support zone".
pub fn typed_words(
    typed: &dyn Offsets,
    is_browser: bool,
    vendor: &dyn Offsets,
    at: Instant,
) -> String {
    let mut out = wall_words(typed, at);
    if typed.name() == vendor.name() {
        out.push_str(if is_browser {
            ", your zone and the vendor's support zone"
        } else {
            ", the vendor's support zone"
        });
        return out;
    }
    if is_browser {
        out.push_str(", your zone");
    }
    let there = local(vendor, at);
    let day = if there.date() == local(typed, at).date() {
        String::new()
    } else {
        format!("{}, ", super::text::date(there.date()))
    };
    out.push_str(&format!(
        "; {day}{} {} in {}, the vendor's support zone",
        super::text::clock(there),
        marker(vendor, at),
        city(vendor.name())
    ));
    out
}

/// An instant typed as wall time in `old`, read again in `new`: the wall
/// time stays, the instant moves. What a deliberate change of the zone
/// the times are typed in means.
pub fn retyped(at: Instant, old: &dyn Offsets, new: &dyn Offsets) -> Instant {
    new.instant_of(local(old, at))
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

    #[test]
    fn zone_lists_name_each_zone_once() {
        let values = |c: Vec<Choice>| c.into_iter().map(|c| c.value).collect::<Vec<_>>();
        // A New York browser with a New York vendor: one option for both,
        // and New York is not listed again among the others.
        let list = choices("America/New_York", "America/New_York", None);
        assert_eq!(
            list[0].label,
            "Your zone, also the vendor's (America/New_York)"
        );
        let v = values(list);
        assert_eq!(
            v.iter()
                .filter(|x| x.as_str() == "America/New_York")
                .count(),
            0
        );
        assert_eq!(v.len(), 1 + 1 + LISTED.len() - 1, "{v:?}");
        // A London browser, New York vendor, a zone from a link.
        let v = values(choices(
            "Europe/London",
            "America/New_York",
            Some("Asia/Kathmandu"),
        ));
        assert_eq!(v[..3], ["", "America/New_York", "UTC"]);
        assert_eq!(
            v.iter()
                .filter(|x| x.as_str() == "America/New_York")
                .count(),
            1
        );
        assert_eq!(v.last().map(String::as_str), Some("Asia/Kathmandu"));
        // A listed zone chosen is not added twice.
        let v = values(choices("Europe/London", "UTC", Some("Europe/Berlin")));
        assert_eq!(
            v.iter().filter(|x| x.as_str() == "Europe/Berlin").count(),
            1
        );
        assert_eq!(v.iter().filter(|x| x.as_str() == "UTC").count(), 1);
        assert_eq!(chosen_value("Europe/London", Some("Europe/London")), "");
        assert_eq!(chosen_value("Europe/London", None), "");
        assert_eq!(chosen_value("Europe/London", Some("UTC")), "UTC");
    }

    #[test]
    fn typed_times_say_their_zone() {
        // Tue 3 Mar 2026 18:30 UTC: 18:30 in London (GMT), 13:30 in New York (EST).
        let london = Fixed("Europe/London", Zone::UTC);
        let ny = Zone::known("America/New_York");
        let at = at(2026, 3, 3, 18, 30);
        assert_eq!(
            typed_words(&london, true, &ny, at),
            "Tue 3 Mar 2026, 18:30 London time (UTC), your zone; 13:30 EST in New York, \
             the vendor's support zone"
        );
        assert_eq!(
            typed_words(&ny, false, &ny, at),
            "Tue 3 Mar 2026, 13:30 New York time (EST), the vendor's support zone"
        );
        // Across midnight the vendor's date is said too: 13:30 in New York
        // is 00:00 the next day in Kolkata (UTC+5:30).
        let kolkata = Zone::known("Asia/Kolkata");
        assert_eq!(
            typed_words(&ny, false, &kolkata, at),
            "Tue 3 Mar 2026, 13:30 New York time (EST); Wed 4 Mar 2026, 00:00 IST in Kolkata, \
             the vendor's support zone"
        );
        assert_eq!(wall_words(&Zone::UTC, at), "Tue 3 Mar 2026, 18:30 UTC");
    }

    #[test]
    fn retyping_keeps_the_wall_time() {
        // 18:30 typed as London time, then the zone set to New York: the
        // ticket opened 18:30 New York time (23:30 UTC), not 13:30.
        let london = Fixed("Europe/London", Zone::UTC);
        let ny = Zone::known("America/New_York");
        assert_eq!(
            retyped(at(2026, 3, 3, 18, 30), &london, &ny),
            at(2026, 3, 3, 23, 30)
        );
        assert_eq!(
            retyped(at(2026, 3, 3, 18, 30), &ny, &ny),
            at(2026, 3, 3, 18, 30)
        );
    }
}
