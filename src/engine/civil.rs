//! Reading dates and times written as text: `YYYY-MM-DD`, local
//! `YYYY-MM-DDTHH:MM[:SS]`, and RFC 3339 instants with an offset. Small
//! hand-written parsers, because chrono's general format parser costs more
//! code in the shipped wasm than everything here.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

/// Reads exactly `n` ASCII digits at `at`.
fn digits(text: &[u8], at: usize, n: usize) -> Option<u32> {
    let chunk = text.get(at..at + n)?;
    chunk.iter().try_fold(0u32, |acc, b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

/// Reads `YYYY-MM-DD` at the start of `text`; returns the date and its length.
fn date_prefix(text: &[u8]) -> Option<(NaiveDate, usize)> {
    if text.get(4) != Some(&b'-') || text.get(7) != Some(&b'-') {
        return None;
    }
    let year = digits(text, 0, 4)?;
    let date = NaiveDate::from_ymd_opt(year as i32, digits(text, 5, 2)?, digits(text, 8, 2)?)?;
    Some((date, 10))
}

/// Reads `HH:MM[:SS[.fraction]]` at the start of `text`; seconds are
/// required when `need_seconds`. Returns the time (fractions dropped) and its length.
fn time_prefix(text: &[u8], need_seconds: bool) -> Option<(NaiveTime, usize)> {
    if text.get(2) != Some(&b':') {
        return None;
    }
    let (hour, minute) = (digits(text, 0, 2)?, digits(text, 3, 2)?);
    let (second, mut len) = if text.get(5) == Some(&b':') {
        (digits(text, 6, 2)?, 8)
    } else if need_seconds {
        return None;
    } else {
        (0, 5)
    };
    if len == 8 && text.get(8) == Some(&b'.') {
        let fraction = text[9..].iter().take_while(|b| b.is_ascii_digit()).count();
        if fraction == 0 {
            return None;
        }
        len += 1 + fraction;
    }
    Some((NaiveTime::from_hms_opt(hour, minute, second)?, len))
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    match date_prefix(text.as_bytes())? {
        (date, 10) if text.len() == 10 => Some(date),
        _ => None,
    }
}

/// Parses a wall time `YYYY-MM-DDTHH:MM[:SS[.frac]]` (the forms of an HTML
/// `datetime-local` input; a space may stand for the `T`, and a fraction of
/// a second is dropped).
pub fn parse_local(text: &str) -> Option<NaiveDateTime> {
    match parse_stamp(text)? {
        Stamp::Wall(local) => Some(local),
        Stamp::Instant(_) => None,
    }
}

/// Parses an RFC 3339 instant: `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`.
/// Fractions of a second are dropped: deadlines are to the second.
pub fn parse_rfc3339(text: &str) -> Option<DateTime<Utc>> {
    match parse_stamp(text)? {
        Stamp::Instant(at) => Some(at),
        Stamp::Wall(_) => None,
    }
}

/// A timestamp read by [`parse_stamp`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp {
    /// Without an offset, as [`parse_local`] reads it.
    Wall(NaiveDateTime),
    /// With one, as [`parse_rfc3339`] reads it.
    Instant(DateTime<Utc>),
}

/// Reads [`parse_local`]'s and [`parse_rfc3339`]'s forms in one pass over
/// the date and time (a helpdesk export's column holds one or the other).
pub fn parse_stamp(text: &str) -> Option<Stamp> {
    let bytes = text.as_bytes();
    let (date, _) = date_prefix(bytes)?;
    if !matches!(bytes.get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let (time, len) = time_prefix(&bytes[11..], false)?;
    let rest = &bytes[11 + len..];
    if rest.is_empty() {
        return Some(Stamp::Wall(date.and_time(time)));
    }
    // With an offset, the seconds are required.
    if len < 8 {
        return None;
    }
    let offset_seconds = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (hours, minutes) = (digits(rest, 1, 2)?, digits(rest, 4, 2)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = (hours * 3600 + minutes * 60) as i32;
            if *sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    let offset = FixedOffset::east_opt(offset_seconds)?;
    offset
        .from_local_datetime(&date.and_time(time))
        .single()
        .map(|t| Stamp::Instant(t.with_timezone(&Utc)))
}

/// Names the first part of a `YYYY-MM-DD[THH:MM[:SS]]` text that no
/// calendar or clock has ("month 13 does not exist"), so a message can say
/// what is wrong rather than that the shape is; `None` when the text is not
/// of that shape or every part it has exists.
pub fn impossible_part(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let b = text.as_bytes();
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let (year, month) = (digits(b, 0, 4)?, digits(b, 5, 2)?);
    if !(1..=12).contains(&month) {
        return Some(format!(
            "month {month} does not exist (months run from 01 to 12)"
        ));
    }
    let day = digits(b, 8, 2)?;
    // The first of the next month, less a day: the month's last day.
    let last = NaiveDate::from_ymd_opt(year as i32 + (month / 12) as i32, month % 12 + 1, 1)
        .and_then(|d| d.pred_opt())
        .map_or(31, |d| d.day());
    if day == 0 || day > last {
        let name = MONTHS[month as usize - 1];
        return Some(format!(
            "day {day} does not exist in {name} {year} (it has days 01 to {last})"
        ));
    }
    if b.get(13) != Some(&b':') {
        return None;
    }
    let hour = digits(b, 11, 2)?;
    if hour > 23 {
        return Some(format!(
            "hour {hour} does not exist (hours run from 00 to 23)"
        ));
    }
    let minute = digits(b, 14, 2)?;
    if minute > 59 {
        return Some(format!(
            "minute {minute} does not exist (minutes run from 00 to 59)"
        ));
    }
    match (b.get(16), digits(b, 17, 2)) {
        (Some(b':'), Some(second)) if second > 59 => Some(format!(
            "second {second} does not exist (seconds run from 00 to 59)"
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_forms() {
        let expect = Utc.with_ymd_and_hms(2026, 3, 2, 14, 0, 0).unwrap();
        for text in [
            "2026-03-02T14:00:00Z",
            "2026-03-02t14:00:00z",
            "2026-03-02 14:00:00Z",
            "2026-03-02T09:00:00-05:00",
            "2026-03-02T15:00:00.999+01:00",
        ] {
            assert_eq!(parse_rfc3339(text), Some(expect), "{text}");
        }
        for text in [
            "2026-03-02T14:00:00",
            "2026-03-02T14:00Z",
            "2026-02-30T14:00:00Z",
            "2026-03-02T24:00:00Z",
            "2026-03-02T14:00:00+24:00",
            "2026-03-02T14:00:00.Z",
            "2026-03-02T14:00:00Zjunk",
            "+2026-03-02T14:00:00Z",
            "",
        ] {
            assert_eq!(parse_rfc3339(text), None, "{text}");
        }
    }

    #[test]
    fn dates_and_local_times() {
        assert_eq!(
            parse_date("2026-12-24"),
            NaiveDate::from_ymd_opt(2026, 12, 24)
        );
        assert_eq!(parse_date("2026-12-24x"), None);
        assert_eq!(parse_date("2026-13-01"), None);
        let local = NaiveDate::from_ymd_opt(2026, 3, 8)
            .unwrap()
            .and_hms_opt(2, 30, 0)
            .unwrap();
        assert_eq!(parse_local("2026-03-08T02:30"), Some(local));
        assert_eq!(parse_local("2026-03-08T02:30:00"), Some(local));
        assert_eq!(parse_local("2026-03-08T2:30"), None);
        assert_eq!(parse_local("2026-03-08T02:30:00.25"), Some(local));
        assert_eq!(parse_local("2026-03-08T02:30:00Z"), None);
    }

    #[test]
    fn a_stamp_is_a_wall_time_or_an_instant() {
        let local = NaiveDate::from_ymd_opt(2026, 3, 8)
            .unwrap()
            .and_hms_opt(2, 30, 0)
            .unwrap();
        let instant = Utc.with_ymd_and_hms(2026, 3, 8, 1, 30, 0).unwrap();
        assert_eq!(parse_stamp("2026-03-08 02:30"), Some(Stamp::Wall(local)));
        assert_eq!(
            parse_stamp("2026-03-08T02:30:00+01:00"),
            Some(Stamp::Instant(instant))
        );
        for text in [
            "2026-03-08 02:30+01:00",
            "2026-03-08 02:30:00 Z",
            "2026-03-08",
        ] {
            assert_eq!(parse_stamp(text), None, "{text}");
        }
    }

    #[test]
    fn impossible_parts_are_named() {
        let table = [
            (
                "2026-13-45T99:00",
                Some("month 13 does not exist (months run from 01 to 12)"),
            ),
            (
                "2026-00-01",
                Some("month 0 does not exist (months run from 01 to 12)"),
            ),
            // 2026 is not a leap year: February has 28 days.
            (
                "2026-02-29T10:00:00Z",
                Some("day 29 does not exist in February 2026 (it has days 01 to 28)"),
            ),
            ("2028-02-29T10:00:00Z", None),
            (
                "2026-12-32",
                Some("day 32 does not exist in December 2026 (it has days 01 to 31)"),
            ),
            (
                "2026-03-02T99:00",
                Some("hour 99 does not exist (hours run from 00 to 23)"),
            ),
            (
                "2026-03-02T24:00:00Z",
                Some("hour 24 does not exist (hours run from 00 to 23)"),
            ),
            (
                "2026-03-02T10:75",
                Some("minute 75 does not exist (minutes run from 00 to 59)"),
            ),
            (
                "2026-03-02T10:15:61Z",
                Some("second 61 does not exist (seconds run from 00 to 59)"),
            ),
            ("2026-03-02T10:00:00", None),
            ("yesterday", None),
        ];
        for (text, expected) in table {
            assert_eq!(impossible_part(text).as_deref(), expected, "{text}");
        }
    }
}
