//! Words and numbers for people: dates, spans, countdowns, percentages.
//! Hand-written instead of `strftime` patterns: fewer bytes in the wasm.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn push_2(out: &mut String, n: u32) {
    if n < 10 {
        out.push('0');
    }
    out.push_str(&n.to_string());
}

/// "Mon 2 Mar 2026".
pub fn date(day: NaiveDate) -> String {
    let mut out = String::with_capacity(16);
    out.push_str(WEEKDAYS[day.weekday().num_days_from_monday() as usize]);
    out.push(' ');
    out.push_str(&day.day().to_string());
    out.push(' ');
    out.push_str(MONTHS[day.month0() as usize]);
    out.push(' ');
    out.push_str(&day.year().to_string());
    out
}

/// "14:05".
pub fn clock(local: NaiveDateTime) -> String {
    let mut out = String::with_capacity(5);
    push_2(&mut out, local.hour());
    out.push(':');
    push_2(&mut out, local.minute());
    out
}

/// "Mon 2 Mar 2026, 14:05".
pub fn date_time(local: NaiveDateTime) -> String {
    let mut out = date(local.date());
    out.push_str(", ");
    out.push_str(&clock(local));
    out
}

/// "Mon 09:00": a moment within the coming week.
pub fn weekday_time(local: NaiveDateTime) -> String {
    let mut out = String::from(WEEKDAYS[local.weekday().num_days_from_monday() as usize]);
    out.push(' ');
    out.push_str(&clock(local));
    out
}

/// The value of an `<input type="datetime-local">`: "2026-03-02T09:00".
pub fn input_value(local: NaiveDateTime) -> String {
    let mut out = format!("{:04}-", local.year());
    push_2(&mut out, local.month());
    out.push('-');
    push_2(&mut out, local.day());
    out.push('T');
    out.push_str(&clock(local));
    out
}

/// The value of an `<input type="date">`: "2026-03-02".
pub fn date_value(day: NaiveDate) -> String {
    let mut out = format!("{:04}-", day.year());
    push_2(&mut out, day.month());
    out.push('-');
    push_2(&mut out, day.day());
    out
}

/// Parses a `datetime-local` value, with or without seconds.
pub fn parse_input(text: &str) -> Option<NaiveDateTime> {
    crate::engine::civil::parse_local(text.trim())
}

/// A coarse span, two largest units: "3 d 4 h", "2 h 5 min", "40 s".
pub fn span(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    let (d, h, m) = (s / 86_400, s % 86_400 / 3600, s % 3600 / 60);
    match (d, h, m) {
        (0, 0, 0) => format!("{s} s"),
        (0, 0, m) => format!("{m} min"),
        (0, h, 0) => format!("{h} h"),
        (0, h, m) => format!("{h} h {m} min"),
        (d, 0, _) => format!("{d} d"),
        (d, h, _) => format!("{d} d {h} h"),
    }
}

/// A span to the second: "3 h 12 min 05 s", "2 d 0 h 04 min 10 s", "45 s".
pub fn exact_span(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    let (d, h, m, sec) = (
        s / 86_400,
        s % 86_400 / 3600,
        s % 3600 / 60,
        (s % 60) as u32,
    );
    let mut out = String::with_capacity(24);
    if d > 0 {
        out.push_str(&d.to_string());
        out.push_str(" d ");
    }
    if d > 0 || h > 0 {
        out.push_str(&h.to_string());
        out.push_str(" h ");
    }
    if d > 0 || h > 0 || m > 0 {
        push_2(&mut out, m as u32);
        out.push_str(" min ");
        push_2(&mut out, sec);
    } else {
        out.push_str(&sec.to_string());
    }
    out.push_str(" s");
    out
}

/// The live countdown of a dated target. `earliest` targets are lower
/// bounds: they "can come" rather than "are due".
pub fn countdown(seconds_left: i64, earliest: bool) -> String {
    match (seconds_left > 0, earliest) {
        (true, false) => format!("due in {}", exact_span(seconds_left)),
        (true, true) => format!("not before, in {}", exact_span(seconds_left)),
        (false, false) if seconds_left == 0 => "due now".into(),
        (false, false) => format!("breached {} ago", span(seconds_left)),
        (false, true) => format!("date reached {} ago", span(seconds_left)),
    }
}

/// "62%" from thousandths, rounded down so 100% means all used.
pub fn percent(permille: u32) -> String {
    format!("{}%", permille.min(1000) / 10)
}

/// "1st", "2nd", "3rd", "11th".
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wall(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d)
            .unwrap()
            .and_hms_opt(h, mi, 0)
            .unwrap()
    }

    #[test]
    fn dates_read_naturally() {
        assert_eq!(date_time(wall(2026, 3, 2, 9, 5)), "Mon 2 Mar 2026, 09:05");
        assert_eq!(weekday_time(wall(2026, 3, 7, 0, 0)), "Sat 00:00");
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2026, 12, 25).unwrap()),
            "Fri 25 Dec 2026"
        );
    }

    #[test]
    fn input_values_round_trip() {
        let t = wall(2026, 3, 2, 9, 5);
        assert_eq!(input_value(t), "2026-03-02T09:05");
        assert_eq!(parse_input("2026-03-02T09:05"), Some(t));
        assert_eq!(parse_input("2026-03-02T09:05:00"), Some(t));
        assert_eq!(parse_input("2026-03-02"), None);
        assert_eq!(parse_input("garbage"), None);
        assert_eq!(date_value(t.date()), "2026-03-02");
    }

    #[test]
    fn spans_are_coarse_or_exact() {
        assert_eq!(span(40), "40 s");
        assert_eq!(span(-7200), "2 h");
        assert_eq!(span(7500), "2 h 5 min");
        assert_eq!(span(3 * 86_400 + 4 * 3600 + 59), "3 d 4 h");
        assert_eq!(exact_span(3 * 3600 + 12 * 60 + 5), "3 h 12 min 05 s");
        assert_eq!(exact_span(2 * 86_400 + 250), "2 d 0 h 04 min 10 s");
        assert_eq!(exact_span(45), "45 s");
        assert_eq!(exact_span(65), "01 min 05 s");
    }

    #[test]
    fn countdowns_say_due_or_breached() {
        assert_eq!(
            countdown(3 * 3600 + 12 * 60 + 5, false),
            "due in 3 h 12 min 05 s"
        );
        assert_eq!(countdown(-7200, false), "breached 2 h ago");
        assert_eq!(countdown(0, false), "due now");
        assert_eq!(countdown(60, true), "not before, in 01 min 00 s");
        assert_eq!(countdown(-60, true), "date reached 1 min ago");
    }

    #[test]
    fn small_numbers() {
        assert_eq!(percent(625), "62%");
        assert_eq!(percent(1000), "100%");
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(12), "12th");
        assert_eq!(ordinal(23), "23rd");
    }
}
