//! Parsing what people type or put in URLs and JSON lines into validated
//! engine inputs. Shared by the `sla` command and the web app, so both
//! accept and reject exactly the same things with the same messages.

use chrono::{NaiveDate, SecondsFormat};

use crate::engine::civil;
use crate::engine::deadline::Timing;
use crate::engine::holidays::HolidayEdits;
use crate::engine::policy::{ChargeRule, RateUnit};
use crate::engine::time::{self, Instant, Pauses};
use crate::engine::Error;

/// Earliest and latest years accepted from people: the engine's range.
pub const FIRST_YEAR: i32 = *time::SUPPORTED_YEARS.start();
pub const LAST_YEAR: i32 = *time::SUPPORTED_YEARS.end();

/// The longest pause accepted. Longer ones are typing mistakes, and each
/// paused year costs the engine a day-by-day walk on every tick.
pub const MAX_PAUSE_DAYS: i64 = 3660;

fn in_range(field: &str, at: Instant) -> Result<Instant, Error> {
    if time::is_supported(at) {
        Ok(at)
    } else {
        Err(Error::invalid(
            field,
            format!(
                "{} is outside the years {FIRST_YEAR} to {LAST_YEAR}",
                format_instant(at)
            ),
        ))
    }
}

/// Parses an RFC 3339 time with an explicit offset ("2026-03-02T09:00:00-05:00")
/// in the years [`FIRST_YEAR`] to [`LAST_YEAR`].
pub fn parse_instant(field: &str, text: &str) -> Result<Instant, Error> {
    parse_any_instant(field, text).and_then(|at| in_range(field, at))
}

/// [`parse_instant`] without the range check (any year RFC 3339 can write).
fn parse_any_instant(field: &str, text: &str) -> Result<Instant, Error> {
    let text = text.trim();
    civil::parse_rfc3339(text).ok_or_else(|| {
        let time_part = text.get(10..).unwrap_or_default();
        let hint = if let Some(part) = civil::impossible_part(text) {
            format!("{part}; expected RFC 3339 such as 2026-03-02T09:00:00Z")
        } else if text.len() >= 16 && !text.ends_with(['Z', 'z']) && !time_part.contains(['+', '-'])
        {
            "it has no UTC offset; add one such as Z or +01:00 (2026-03-02T09:00:00+01:00)".into()
        } else {
            "expected RFC 3339 such as 2026-03-02T09:00:00Z".into()
        };
        Error::invalid(field, format!("\"{text}\" is not a valid time: {hint}"))
    })
}

/// Formats an instant as RFC 3339 UTC with seconds ("2026-03-02T14:00:00Z").
pub fn format_instant(at: Instant) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Checks one pause: it ends after it starts, and lasts at most 10 years
/// (both ends are in range when they come from [`parse_instant`]).
pub fn check_pause(
    field: &str,
    from: Instant,
    until: Instant,
) -> Result<(Instant, Instant), Error> {
    let (from, until) = (in_range(field, from)?, in_range(field, until)?);
    if until <= from {
        return Err(Error::invalid(
            field,
            format!(
                "the pause {}/{} ends before it starts",
                format_instant(from),
                format_instant(until)
            ),
        ));
    }
    if (until - from).num_days() > MAX_PAUSE_DAYS {
        return Err(Error::invalid(field, "a pause may last at most 10 years"));
    }
    Ok((from, until))
}

/// Checks that a pause ends after the ticket opened: one that ends
/// earlier moves no deadline, so it is almost surely a mistyped date.
pub fn check_pause_after_opening(
    field: &str,
    (from, until): (Instant, Instant),
    opened: Instant,
) -> Result<(), Error> {
    if until <= opened {
        return Err(Error::invalid(
            field,
            format!(
                "the pause {}/{} ends before the ticket opened ({}), so it would move nothing",
                format_instant(from),
                format_instant(until),
                format_instant(opened)
            ),
        ));
    }
    Ok(())
}

/// Parses one "FROM/UNTIL" pause, checked by [`check_pause`].
pub fn parse_pause(field: &str, text: &str) -> Result<(Instant, Instant), Error> {
    let (from, until) = text.split_once('/').ok_or_else(|| {
        Error::invalid(
            field,
            format!(
                "\"{text}\" is not FROM/UNTIL (such as 2026-03-02T10:00:00Z/2026-03-02T12:00:00Z)"
            ),
        )
    })?;
    check_pause(
        field,
        parse_instant(field, from)?,
        parse_instant(field, until)?,
    )
}

/// Builds merged pauses from validated intervals.
pub fn pauses(intervals: Vec<(Instant, Instant)>) -> Result<Pauses, Error> {
    Pauses::new(intervals).map_err(|bad| {
        Error::invalid(
            &format!("pauses[{}]", bad.index),
            "the pause ends before it starts",
        )
    })
}

/// Parses a date "YYYY-MM-DD".
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate, Error> {
    civil::parse_date(text.trim()).ok_or_else(|| {
        let why = civil::impossible_part(text.trim())
            .map(|part| format!(": {part}"))
            .unwrap_or_default();
        Error::invalid(
            field,
            format!("\"{text}\" is not a date{why} (expected YYYY-MM-DD such as 2026-12-24)"),
        )
    })
}

/// Parses holiday edits: "+2026-12-24" closes a date, "-2026-11-26" opens one.
pub fn parse_holiday_edit(field: &str, text: &str, edits: &mut HolidayEdits) -> Result<(), Error> {
    let text = text.trim();
    let (added, date) = match text.split_at_checked(1) {
        Some(("+", rest)) | Some((" ", rest)) => (true, rest),
        Some(("-", rest)) => (false, rest),
        _ => (true, text),
    };
    let date = parse_date(field, date)?;
    if added {
        edits.removed.remove(&date);
        edits.added.insert(date);
    } else {
        edits.added.remove(&date);
        edits.removed.insert(date);
    }
    Ok(())
}

/// Parses hours of work as minutes: "2", "1.5" (or "1,5", the decimal
/// comma), "0.25", "1:30" (h:mm).
/// At most 10,000 hours; fractions finer than a minute are rounded up.
pub fn parse_hours(field: &str, text: &str) -> Result<u32, Error> {
    let text = text.trim();
    let bad = || {
        Error::invalid(
            field,
            format!("\"{text}\" is not a number of hours (for example 1.5 or 1:30)"),
        )
    };
    const MAX_MINUTES: u64 = 10_000 * 60;
    let minutes: u64 = if let Some((h, m)) = text.split_once(':') {
        let h: u64 = digits(h).ok_or_else(bad)?;
        let m: u64 = digits(m)
            .filter(|m| *m < 60 && m.to_string().len() <= 2)
            .ok_or_else(bad)?;
        h.saturating_mul(60).saturating_add(m)
    } else {
        let (whole, fraction) = text.split_once(['.', ',']).unwrap_or((text, ""));
        if whole.is_empty() && fraction.is_empty() {
            return Err(bad());
        }
        // "1,000" is one hour to a decimal-comma reader and a thousand to
        // a thousands-separator one: ask rather than guess.
        let thousands = text.contains(',') && fraction.len() == 3 && !matches!(whole, "" | "0");
        if thousands && digits(whole).is_some() && digits(fraction).is_some() {
            let decimal = match fraction.trim_end_matches('0') {
                "" => whole.to_string(),
                kept => format!("{whole}.{kept}"),
            };
            return Err(Error::invalid(
                field,
                format!(
                    "\"{text}\" could mean {decimal} or {whole}{fraction} hours: write {decimal} or {whole}{fraction}"
                ),
            ));
        }
        let whole: u64 = if whole.is_empty() {
            0
        } else {
            digits(whole).ok_or_else(bad)?
        };
        if fraction.len() > 6 || (!fraction.is_empty() && digits(fraction).is_none()) {
            return Err(bad());
        }
        let scale = 10u64.pow(fraction.len() as u32);
        let numerator: u64 = if fraction.is_empty() {
            0
        } else {
            digits(fraction).ok_or_else(bad)?
        };
        whole
            .saturating_mul(60)
            .saturating_add((numerator * 60).div_ceil(scale))
    };
    if minutes > MAX_MINUTES {
        return Err(Error::invalid(
            field,
            format!("\"{text}\" is more than 10000 hours"),
        ));
    }
    Ok(minutes as u32)
}

fn digits(text: &str) -> Option<u64> {
    (!text.is_empty() && text.len() <= 12 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// Parses a whole number of days (0 to 1000).
pub fn parse_days(field: &str, text: &str) -> Result<u32, Error> {
    digits(text.trim())
        .filter(|d| *d <= 1000)
        .map(|d| d as u32)
        .ok_or_else(|| {
            Error::invalid(
                field,
                format!("\"{text}\" is not a whole number of days from 0 to 1000"),
            )
        })
}

/// Checks what is said about the work against the rule it is for: hours
/// only on an hourly rate, days only on a daily one, and only the flags
/// the rule asks about (a typo would otherwise silently cost nothing).
pub fn check_work(
    rule: &ChargeRule,
    has_hours: bool,
    has_days: bool,
    flags: &[String],
) -> Result<(), Error> {
    let id = rule.id();
    let unit = rule.rate().map(|_| rule.unit());
    if has_hours && !matches!(unit, Some(RateUnit::Hour(_))) {
        let why = match unit {
            Some(_) => "is charged per day: give --days instead",
            None => "has no amount in the policy: leave out --hours",
        };
        return Err(Error::invalid("--hours", format!("service \"{id}\" {why}")));
    }
    if has_days && unit != Some(RateUnit::Day) {
        let why = match unit {
            Some(_) => "is charged per hour: give --hours instead",
            None => "has no amount in the policy: leave out --days",
        };
        return Err(Error::invalid("--days", format!("service \"{id}\" {why}")));
    }
    let asked = rule.flags();
    if let Some(bad) = flags.iter().find(|f| !asked.iter().any(|(a, _)| a == f)) {
        let ids: Vec<&str> = asked.iter().map(|(a, _)| *a).collect();
        let expected = if ids.is_empty() {
            "it asks about no flag".to_string()
        } else {
            format!("expected {}", ids.join(", "))
        };
        return Err(Error::invalid(
            "--flag",
            format!("unknown flag \"{bad}\" for service \"{id}\" ({expected})"),
        ));
    }
    Ok(())
}

/// Timing from pause strings and holiday edit strings, for a ticket opened
/// at `opened` (a pause must end after it, [`check_pause_after_opening`]).
pub fn timing<'a>(
    opened: Instant,
    pause_texts: impl Iterator<Item = &'a str>,
    holiday_texts: impl Iterator<Item = &'a str>,
) -> Result<Timing, Error> {
    let intervals = pause_texts
        .map(|p| {
            let pause = parse_pause("pause", p)?;
            check_pause_after_opening("pause", pause, opened)?;
            Ok(pause)
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let mut holidays = HolidayEdits::default();
    for text in holiday_texts {
        parse_holiday_edit("holiday", text, &mut holidays)?;
    }
    Ok(Timing {
        pauses: pauses(intervals)?,
        holidays,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_accept_decimals_and_clock_notation() {
        let table = [
            ("2", 120),
            ("1.5", 90),
            ("1,5", 90),
            ("0,25", 15),
            ("0.25", 15),
            ("1:30", 90),
            (".5", 30),
            ("0.01", 1),
            ("0", 0),
        ];
        for (text, minutes) in table {
            assert_eq!(parse_hours("hours", text).unwrap(), minutes, "{text}");
        }
    }

    #[test]
    fn hours_reject_garbage_with_the_field_name() {
        for text in [
            "", "abc", "-1", "1.2.3", "1,2,3", "1,5.5", ",", "1:75", "1e3", "20000", ".", "1,000",
        ] {
            let error = parse_hours("hours", text).unwrap_err().to_string();
            assert!(error.starts_with("hours: "), "{text}: {error}");
        }
    }

    #[test]
    fn a_comma_before_three_digits_is_asked_about_not_guessed() {
        let error = parse_hours("hours", "1,500").unwrap_err().to_string();
        assert_eq!(
            error,
            "hours: \"1,500\" could mean 1.5 or 1500 hours: write 1.5 or 1500"
        );
        // Unambiguous: a point, a leading 0, or not three digits.
        assert_eq!(parse_hours("hours", "1.500").unwrap(), 90);
        assert_eq!(parse_hours("hours", "0,250").unwrap(), 15);
        assert_eq!(parse_hours("hours", "1,50").unwrap(), 90);
    }

    #[test]
    fn years_and_pause_lengths_are_checked_once_for_everyone() {
        let error = parse_instant("opened", "9999-12-31T23:59:59Z").unwrap_err();
        assert_eq!(
            error.to_string(),
            "opened: 9999-12-31T23:59:59Z is outside the years 1000 to 9000"
        );
        let error = parse_pause("pause", "2026-01-01T00:00:00Z/2040-01-01T00:00:00Z").unwrap_err();
        assert_eq!(
            error.to_string(),
            "pause: a pause may last at most 10 years"
        );
        let error =
            parse_pause("pause", "2026-03-02T11:00:00Z/2026-03-02T10:00:00+01:00").unwrap_err();
        assert_eq!(
            error.to_string(),
            "pause: the pause 2026-03-02T11:00:00Z/2026-03-02T09:00:00Z ends before it starts"
        );
    }

    #[test]
    fn instants_need_an_offset() {
        assert!(parse_instant("opened", "2026-03-02T09:00:00-05:00").is_ok());
        let error = parse_instant("opened", "2026-03-02T09:00:00")
            .unwrap_err()
            .to_string();
        assert!(error.contains("no UTC offset"), "{error}");
    }

    #[test]
    fn impossible_dates_say_which_part() {
        let error = parse_instant("opened", "2026-13-45T99:00").unwrap_err();
        assert_eq!(
            error.to_string(),
            "opened: \"2026-13-45T99:00\" is not a valid time: month 13 does not exist \
             (months run from 01 to 12); expected RFC 3339 such as 2026-03-02T09:00:00Z"
        );
        let error = parse_instant("opened", "2026-03-02T09:00:00").unwrap_err();
        assert_eq!(
            error.to_string(),
            "opened: \"2026-03-02T09:00:00\" is not a valid time: it has no UTC offset; \
             add one such as Z or +01:00 (2026-03-02T09:00:00+01:00)"
        );
        let error = parse_date("holiday", "2026-02-30").unwrap_err();
        assert_eq!(
            error.to_string(),
            "holiday: \"2026-02-30\" is not a date: day 30 does not exist in February 2026 \
             (it has days 01 to 28) (expected YYYY-MM-DD such as 2026-12-24)"
        );
    }

    #[test]
    fn a_pause_must_end_after_the_opening() {
        let pause = parse_pause("pause", "2026-03-01T10:00:00Z/2026-03-01T12:00:00Z").unwrap();
        let opened = parse_instant("opened", "2026-03-02T09:00:00Z").unwrap();
        assert_eq!(
            check_pause_after_opening("pause", pause, opened)
                .unwrap_err()
                .to_string(),
            "pause: the pause 2026-03-01T10:00:00Z/2026-03-01T12:00:00Z ends before the ticket \
             opened (2026-03-02T09:00:00Z), so it would move nothing"
        );
        // One that starts before the opening and ends after it still counts.
        let across = parse_pause("pause", "2026-03-02T08:00:00Z/2026-03-02T10:00:00Z").unwrap();
        assert!(check_pause_after_opening("pause", across, opened).is_ok());
    }

    #[test]
    fn pauses_must_end_after_they_start() {
        let error = parse_pause("pause", "2026-03-02T10:00:00Z/2026-03-02T09:00:00Z").unwrap_err();
        assert!(error.to_string().contains("ends before it starts"));
    }

    #[test]
    fn holiday_edits_add_and_remove() {
        let mut edits = HolidayEdits::default();
        parse_holiday_edit("holiday", "+2026-12-24", &mut edits).unwrap();
        parse_holiday_edit("holiday", "-2026-11-26", &mut edits).unwrap();
        assert!(edits
            .added
            .contains(&NaiveDate::from_ymd_opt(2026, 12, 24).unwrap()));
        assert!(edits
            .removed
            .contains(&NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()));
    }
}
