//! An iCalendar file (RFC 5545) with one event per dated target, in UTC,
//! each with a display reminder before it.

use chrono::Datelike;
use chrono::Timelike;

use crate::engine::time::Instant;

/// One dated target as a calendar event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable across downloads of the same ticket, so re-importing updates.
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub at: Instant,
    /// Minutes before `at` the reminder fires.
    pub remind_minutes: u32,
}

/// "20260302T140000Z".
pub fn stamp(at: Instant) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// Escapes TEXT values (RFC 5545 3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets (3.1), never inside a
/// UTF-8 sequence, ending in CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// The calendar. `now` is the DTSTAMP of every event.
pub fn calendar(name: &str, events: &[Event], now: Instant) -> String {
    let mut out = String::with_capacity(256 + events.len() * 400);
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//SLA calculator//Support deadlines//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    let now = stamp(now);
    for e in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", escape(&e.uid)));
        line(&mut out, &format!("DTSTAMP:{now}"));
        line(&mut out, &format!("DTSTART:{}", stamp(e.at)));
        // A deadline is a moment; a short block keeps every app happy.
        line(&mut out, "DURATION:PT15M");
        line(&mut out, &format!("SUMMARY:{}", escape(&e.summary)));
        line(&mut out, &format!("DESCRIPTION:{}", escape(&e.description)));
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "BEGIN:VALARM");
        line(&mut out, "ACTION:DISPLAY");
        line(&mut out, &format!("DESCRIPTION:{}", escape(&e.summary)));
        line(&mut out, &format!("TRIGGER:-PT{}M", e.remind_minutes));
        line(&mut out, "END:VALARM");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// A reminder lead that suits the window: a tenth of it, between 5 minutes
/// and a day, in whole minutes.
pub fn remind_minutes(window_seconds: i64) -> u32 {
    (window_seconds / 600).clamp(5, 24 * 60) as u32
}

/// A file name from free text: "sla-threepbx-standard-p1.ics".
pub fn file_name(parts: &[&str]) -> String {
    let mut out = String::from("sla");
    for part in parts {
        out.push('-');
        let mut dash = false;
        for c in part.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
                dash = false;
            } else if !dash {
                out.push('-');
                dash = true;
            }
        }
        while out.ends_with('-') {
            out.pop();
        }
    }
    out.push_str(".ics");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn event(summary: &str) -> Event {
        Event {
            uid: "first_response-1772460000@sla-calculator".into(),
            summary: summary.into(),
            description: "Rule: 4 business hours; source §5, table".into(),
            at: Utc.with_ymd_and_hms(2026, 3, 2, 14, 0, 0).unwrap(),
            remind_minutes: 30,
        }
    }

    #[test]
    fn calendar_is_rfc5545_shaped() {
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 8, 7).unwrap();
        let ics = calendar(
            "Deadlines",
            &[event("Response due"), event("Resolution due")],
            now,
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
        assert_eq!(ics.matches("BEGIN:VALARM").count(), 2);
        assert!(ics.contains("DTSTART:20260302T140000Z\r\n"));
        assert!(ics.contains("DTSTAMP:20260301T090807Z\r\n"));
        assert!(ics.contains("TRIGGER:-PT30M\r\n"));
        assert!(ics.contains("DESCRIPTION:Rule: 4 business hours\\; source §5\\, table\r\n"));
        // No bare LF anywhere, every line at most 75 octets.
        for l in ics.split("\r\n") {
            assert!(!l.contains('\n'));
            assert!(l.len() <= 75, "{l:?}");
        }
    }

    #[test]
    fn long_lines_fold_between_characters() {
        let long = "Résolution – é".repeat(20);
        let ics = calendar(
            "x",
            &[event(&long)],
            Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        );
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{long}\r\n")));
        for l in ics.split("\r\n") {
            assert!(l.len() <= 75);
        }
    }

    #[test]
    fn escaping_and_names() {
        assert_eq!(escape("a\\b;c,d\ne\r"), "a\\\\b\\;c\\,d\\ne");
        assert_eq!(
            file_name(&["ThreePBX", "Standard support", "Priority 1"]),
            "sla-threepbx-standard-support-priority-1.ics"
        );
        assert_eq!(remind_minutes(3600), 6);
        assert_eq!(remind_minutes(60), 5);
        assert_eq!(remind_minutes(86_400 * 30), 1440);
    }
}
