//! Timestamps as helpdesks write them:
//!
//! - RFC 3339 with an offset: `2026-03-02T09:00:00Z`, `2026-03-02 10:00:00+01:00`;
//! - ISO without offset: `YYYY-MM-DD HH:MM[:SS[.fff]]` (or with `T`);
//! - Jira: `25/Feb/26 10:17 PM` (`d/Mon/yy h:mm AM/PM`, years 2000-2099);
//! - numeric with slashes: `d/m/yyyy HH:MM` or `m/d/yyyy h:mm AM/PM`
//!   (seconds optional, `AM`/`PM` optional in either order).
//!
//! Which of day-first and month-first a slashed column uses is decided
//! from the whole column ([`OrderScan`]): a first number above 12 means
//! day-first, a second above 12 month-first; when every value fits both,
//! the caller must choose ([`AuditError::AmbiguousDates`]).
//!
//! A timestamp without an offset is wall time in a zone the caller gives.
//! Like jiff's `Disambiguation::Compatible`, a wall time in a
//! spring-forward gap is read with the offset before the gap (so it lands
//! as far after the transition as it was written after it), and one in a
//! fall-back fold takes the earlier instant:
//!
//! ```
//! use sla::audit::stamp::{parse, Reading};
//! use sla::engine::zone::Zone;
//!
//! let ny = Reading { zone: Zone::known("America/New_York"), order: None };
//! // 2026-03-08 02:30 does not exist in New York (02:00 EST -> 03:00 EDT):
//! // read at -05:00, it is 07:30Z, which is 03:30 EDT.
//! assert_eq!(parse("2026-03-08 02:30", ny).unwrap().to_rfc3339(), "2026-03-08T07:30:00+00:00");
//! // 2026-11-01 01:30 happens twice (EDT, then EST): the earlier, EDT, counts.
//! assert_eq!(parse("2026-11-01 01:30", ny).unwrap().to_rfc3339(), "2026-11-01T05:30:00+00:00");
//! // An offset in the text wins over the zone.
//! assert_eq!(parse("2026-11-01T01:30:00-05:00", ny).unwrap().to_rfc3339(), "2026-11-01T06:30:00+00:00");
//! ```

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::error::AuditError;
use crate::engine::civil;
use crate::engine::time::{self, Instant};
use crate::engine::zone::Zone;

/// Which number comes first in a slashed date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// `d/m/yyyy` (`dmy`).
    DayFirst,
    /// `m/d/yyyy` (`mdy`).
    MonthFirst,
}

impl DateOrder {
    /// `dmy` or `mdy`.
    pub fn parse(text: &str) -> Option<DateOrder> {
        match text {
            "dmy" => Some(DateOrder::DayFirst),
            "mdy" => Some(DateOrder::MonthFirst),
            _ => None,
        }
    }
    pub fn id(self) -> &'static str {
        match self {
            DateOrder::DayFirst => "dmy",
            DateOrder::MonthFirst => "mdy",
        }
    }
}

/// How to read a column's timestamps: the zone of those without an
/// offset, and the order of slashed dates (`None` when the column has
/// none, or before it is decided).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub zone: Zone,
    pub order: Option<DateOrder>,
}

const EXPECTED: &str = "expected e.g. 2026-03-02T09:00:00Z, 2026-03-02 09:00, \
                        25/Feb/26 10:17 PM or 2/3/2026 09:00";

/// Reads one timestamp (surrounding spaces ignored) as an instant.
pub fn parse(text: &str, reading: Reading) -> Result<Instant, String> {
    let text = text.trim();
    let at = if let Some(stamp) = civil::parse_stamp(text) {
        match stamp {
            civil::Stamp::Instant(at) => at,
            civil::Stamp::Wall(local) => resolve(reading.zone, local),
        }
    } else if let Some(local) = jira(text) {
        resolve(reading.zone, local)
    } else if let Some((a, b, year, clock)) = slashed(text) {
        let order = match (reading.order, a > 12, b > 12) {
            (Some(order), _, _) => order,
            (None, true, _) => DateOrder::DayFirst,
            (None, _, true) => DateOrder::MonthFirst,
            (None, false, false) if a == b => DateOrder::DayFirst,
            (None, false, false) => {
                return Err(format!(
                    "\"{text}\" fits both day-first and month-first: choose the date order (dmy or mdy)"
                ))
            }
        };
        let (day, month) = match order {
            DateOrder::DayFirst => (a, b),
            DateOrder::MonthFirst => (b, a),
        };
        let date = NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
            format!(
                "\"{text}\" is not a date when read {} ({EXPECTED})",
                match order {
                    DateOrder::DayFirst => "day-first",
                    DateOrder::MonthFirst => "month-first",
                }
            )
        })?;
        resolve(reading.zone, date.and_time(clock))
    } else {
        return Err(format!("\"{text}\" is not a timestamp: {EXPECTED}"));
    };
    if !time::is_supported(at) {
        return Err(format!(
            "\"{text}\" is outside the years {} to {}",
            time::SUPPORTED_YEARS.start(),
            time::SUPPORTED_YEARS.end()
        ));
    }
    Ok(at)
}

/// The instant of a wall time in `zone`: the earlier one in a fold; in a
/// gap, the wall time read with the offset in force before the gap
/// (`engine::time::resolve_recorded`).
pub fn resolve(zone: Zone, local: NaiveDateTime) -> Instant {
    time::resolve_recorded(zone, local)
}

/// Reads 1 or 2 digits; returns the number and the rest.
fn number(text: &str, max_digits: usize) -> Option<(u32, &str)> {
    let len = text
        .bytes()
        .take(max_digits)
        .take_while(u8::is_ascii_digit)
        .count();
    if len == 0 {
        return None;
    }
    Some((text[..len].parse().ok()?, &text[len..]))
}

/// `H:MM[:SS[.fff]][ AM|PM]`, the whole of `text`.
fn clock(text: &str) -> Option<NaiveTime> {
    let (hour, rest) = number(text, 2)?;
    let rest = rest.strip_prefix(':')?;
    let (minute, rest) = number(rest, 2)?;
    let (second, rest) = match rest.strip_prefix(':') {
        Some(rest) => {
            let (second, rest) = number(rest, 2)?;
            let rest = match rest.strip_prefix('.') {
                Some(fraction) => fraction.trim_start_matches(|c: char| c.is_ascii_digit()),
                None => rest,
            };
            (second, rest)
        }
        None => (0, rest),
    };
    let hour = match rest.trim().to_ascii_uppercase().as_str() {
        "" => hour,
        "AM" if (1..=12).contains(&hour) => hour % 12,
        "PM" if (1..=12).contains(&hour) => hour % 12 + 12,
        _ => return None,
    };
    NaiveTime::from_hms_opt(hour, minute, second)
}

/// Jira's `25/Feb/26 10:17 PM`.
fn jira(text: &str) -> Option<NaiveDateTime> {
    let (day, rest) = number(text, 2)?;
    let rest = rest.strip_prefix('/')?;
    let month = rest.get(..3)?.to_ascii_lowercase();
    let month = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| *m == month)? as u32
        + 1;
    let rest = rest[3..].strip_prefix('/')?;
    let (year, rest) = number(rest, 4)?;
    let year = if year < 100 { 2000 + year } else { year };
    let rest = rest.strip_prefix(' ')?;
    let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
    Some(date.and_time(clock(rest.trim_start())?))
}

/// `a/b/yyyy time`: the two first numbers, the year and the time.
fn slashed(text: &str) -> Option<(u32, u32, i32, NaiveTime)> {
    let (a, rest) = number(text, 2)?;
    let (b, rest) = number(rest.strip_prefix('/')?, 2)?;
    let rest = rest.strip_prefix('/')?;
    if rest.bytes().take_while(u8::is_ascii_digit).count() != 4 {
        return None;
    }
    let year: i32 = rest[..4].parse().ok()?;
    let rest = rest[4..].strip_prefix(' ')?;
    Some((a, b, year, clock(rest.trim_start())?))
}

/// What the slashed values of one column say about their order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderScan {
    /// A value only day-first can read (first number above 12).
    day_first: Option<String>,
    /// A value only month-first can read.
    month_first: Option<String>,
    /// A value both can read, differently.
    either: Option<String>,
}

impl OrderScan {
    /// Notes one cell (any form; only slashed numeric dates count);
    /// true when it is a slashed date whose order matters.
    pub fn add(&mut self, text: &str) -> bool {
        let text = text.trim();
        if !text.as_bytes().first().is_some_and(u8::is_ascii_digit) || !text.contains('/') {
            return false;
        }
        let Some((a, b, _, _)) = slashed(text) else {
            return false;
        };
        let slot = match (a > 12, b > 12) {
            (true, false) => &mut self.day_first,
            (false, true) => &mut self.month_first,
            (false, false) if a != b => &mut self.either,
            _ => return false,
        };
        if slot.is_none() {
            *slot = Some(text.to_string());
        }
        true
    }

    /// Merges the scan of another column that shares the order.
    pub fn merge(&mut self, other: &OrderScan) {
        for (mine, theirs) in [
            (&mut self.day_first, &other.day_first),
            (&mut self.month_first, &other.month_first),
            (&mut self.either, &other.either),
        ] {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        }
    }

    /// The order of the column: the caller's choice when given, else what
    /// the values prove; `None` when no value needs one.
    pub fn decide(
        &self,
        column: &str,
        chosen: Option<DateOrder>,
    ) -> Result<Option<DateOrder>, AuditError> {
        match (&self.day_first, &self.month_first, chosen) {
            (_, _, Some(order)) => Ok(Some(order)),
            (Some(d), Some(m), None) => Err(AuditError::MixedDates {
                column: column.to_string(),
                day_first: d.clone(),
                month_first: m.clone(),
            }),
            (Some(_), None, None) => Ok(Some(DateOrder::DayFirst)),
            (None, Some(_), None) => Ok(Some(DateOrder::MonthFirst)),
            (None, None, None) => match &self.either {
                Some(example) => Err(AuditError::AmbiguousDates {
                    column: column.to_string(),
                    example: example.clone(),
                }),
                None => Ok(None),
            },
        }
    }

    /// True when the column holds slashed dates that fit both orders and
    /// none that settles it.
    pub fn is_ambiguous(&self) -> bool {
        self.day_first.is_none() && self.month_first.is_none() && self.either.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(reading: Reading, text: &str) -> String {
        match parse(text, reading) {
            Ok(at) => at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn every_form_reads_to_the_same_instant() {
        // Berlin in March 2026 is UTC+1 until the 29th: 10:17 local is 09:17Z.
        let berlin = Zone::known("Europe/Berlin");
        let day_first = Reading {
            zone: berlin,
            order: Some(DateOrder::DayFirst),
        };
        let month_first = Reading {
            order: Some(DateOrder::MonthFirst),
            ..day_first
        };
        for (reading, text) in [
            (day_first, "2026-03-02T09:17:00Z"),
            (day_first, "2026-03-02 10:17:00+01:00"),
            (day_first, "2026-03-02 10:17"),
            (day_first, "2026-03-02T10:17:00.250"),
            (day_first, " 2/Mar/26 10:17 AM "),
            (day_first, "02/mar/2026 10:17 am"),
            (day_first, "2/3/2026 10:17"),
            (day_first, "02/03/2026 10:17:00"),
            (month_first, "3/2/2026 10:17 AM"),
            (month_first, "03/02/2026 10:17:00 am"),
        ] {
            assert_eq!(utc(reading, text), "2026-03-02T09:17:00Z", "{text}");
        }
        // 12 AM is midnight, 12 PM noon.
        assert_eq!(utc(day_first, "25/Feb/26 12:05 AM"), "2026-02-24T23:05:00Z");
        assert_eq!(utc(day_first, "25/Feb/26 12:05 PM"), "2026-02-25T11:05:00Z");
        assert_eq!(utc(day_first, "25/Feb/26 10:17 PM"), "2026-02-25T21:17:00Z");
    }

    #[test]
    fn bad_timestamps_say_what_is_expected() {
        let reading = Reading {
            zone: Zone::UTC,
            order: None,
        };
        for text in [
            "",
            "yesterday",
            "2026-02-30 10:00",
            "25/Feb/26 13:00 PM",
            "31/Jun/26 10:00 AM",
        ] {
            let error = utc(reading, text);
            assert!(error.contains("expected e.g."), "{text}: {error}");
        }
        // Without a chosen order, a value that fits both is refused, and one
        // that fits one order only is read in that order.
        assert!(utc(reading, "2/3/2026 10:00").contains("fits both"));
        assert_eq!(utc(reading, "13/3/2026 10:00"), "2026-03-13T10:00:00Z");
        assert_eq!(utc(reading, "3/13/2026 10:00"), "2026-03-13T10:00:00Z");
        // A chosen order that the value contradicts is an error, not a guess.
        let month_first = Reading {
            order: Some(DateOrder::MonthFirst),
            ..reading
        };
        assert!(utc(month_first, "13/3/2026 10:00").contains("not a date when read month-first"));
        assert!(utc(reading, "0999-01-01T00:00:00Z").contains("outside the years"));
    }

    #[test]
    fn the_column_decides_the_order() {
        let scan = |values: &[&str]| {
            let mut scan = OrderScan::default();
            for v in values {
                scan.add(v);
            }
            scan.decide("Created at", None)
        };
        assert_eq!(
            scan(&["1/2/2026 10:00", "15/2/2026 10:00"]),
            Ok(Some(DateOrder::DayFirst))
        );
        assert_eq!(
            scan(&["1/2/2026 10:00", "2/15/2026 10:00 PM"]),
            Ok(Some(DateOrder::MonthFirst))
        );
        assert_eq!(scan(&["2026-02-01 10:00", "25/Feb/26 10:17 PM"]), Ok(None));
        // Equal day and month read the same either way.
        assert_eq!(scan(&["3/3/2026 10:00"]), Ok(None));
        let ambiguous = scan(&["1/2/2026 10:00", "3/4/2026 10:00"]).unwrap_err();
        assert_eq!(
            ambiguous.to_string(),
            "column \"Created at\": every date fits both day-first and month-first \
             (e.g. \"1/2/2026 10:00\"): the date order must be chosen (dmy or mdy)"
        );
        let mixed = scan(&["13/2/2026 10:00", "2/13/2026 10:00"]).unwrap_err();
        assert!(mixed.to_string().contains("mixes day-first"), "{mixed}");
    }
}
