//! What an audit writes: the results CSV (one row per ticket and target,
//! the same columns from the CLI and the page), the JSON line per row of
//! `sla audit --json`, and the summary as text.
//!
//! CSV injection: a cell that begins with `=`, `+`, `-`, `@`, a tab or a
//! carriage return is made inert by a leading `'`, so a spreadsheet shows
//! it as text instead of running it as a formula. A plain integer such as
//! `-30` (a margin) is left as it is: it is a number to a spreadsheet,
//! never a formula, and a margin must stay sortable as one.
//!
//! ```
//! use sla::audit::export::csv_cell;
//!
//! assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
//! assert_eq!(csv_cell("-30"), "-30");
//! assert_eq!(csv_cell("-3O"), "'-3O");
//! assert_eq!(csv_cell("INC001, printer"), "\"INC001, printer\"");
//! ```

use std::borrow::Cow;
use std::fmt::Write;

use super::error::RowError;
use super::run::{Plan, Ticket};
use super::summary::Line;
use crate::engine::policy::Policy;
use crate::request::format_instant;

/// The results CSV's header line (with its line break).
pub const RESULTS_HEADER: &str =
    "line,ticket,severity,target,state,due,actual,margin_minutes,paused_minutes\n";

fn is_integer(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A cell made inert (see the module doc) and quoted when it holds a
/// comma, a quote or a line break.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    // Bytes, not chars: every character looked for is ASCII.
    let risky = matches!(
        text.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    ) && !is_integer(text);
    let quote = text
        .bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
    if !risky && !quote {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 4);
    if quote {
        out.push('"');
    }
    if risky {
        out.push('\'');
    }
    for c in text.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
    Cow::Owned(out)
}

/// Appends an instant as `request::format_instant` writes it
/// (`2026-03-02T14:00:00Z`), without the formatting machinery: the
/// results CSV writes millions of them.
fn push_instant(out: &mut String, at: crate::engine::time::Instant) {
    use chrono::{Datelike, Timelike};
    // chrono's `DateTime` getters each convert to local time first: read
    // the UTC date and time once.
    let naive = at.naive_utc();
    let (date, time) = (naive.date(), naive.time());
    let year = date.year();
    if !(0..=9999).contains(&year) {
        out.push_str(&format_instant(at));
        return;
    }
    let mut text = *b"0000-00-00T00:00:00Z";
    for (start, value, width) in [
        (0, year as u32, 4),
        (5, date.month(), 2),
        (8, date.day(), 2),
        (11, time.hour(), 2),
        (14, time.minute(), 2),
        (17, time.second(), 2),
    ] {
        let mut v = value;
        for slot in text[start..start + width].iter_mut().rev() {
            *slot = b'0' + (v % 10) as u8;
            v /= 10;
        }
    }
    // One UTF-8 check for the whole text: it costs more per call than per byte.
    out.push_str(std::str::from_utf8(&text).unwrap_or_default());
}

/// Appends an integer without the formatting machinery.
fn push_integer(out: &mut String, value: i64) {
    if value < 0 {
        out.push('-');
    }
    let mut buffer = [0u8; 20];
    let mut at = buffer.len();
    let mut v = value.unsigned_abs();
    loop {
        at -= 1;
        buffer[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    // A few digits: pushed one by one, cheaper than a UTF-8 check.
    for &digit in &buffer[at..] {
        out.push(char::from(digit));
    }
}

/// Appends a ticket's rows of the results CSV to `out`.
pub fn results_rows(plan: &Plan<'_>, ticket: &Ticket, out: &mut String) {
    let policy = plan.policy();
    let severity = csv_cell(policy.severities()[ticket.severity].id());
    let ticket_id = csv_cell(&ticket.id);
    for (spec, result) in plan.targets().iter().zip(&ticket.targets) {
        push_integer(out, ticket.line as i64);
        for cell in [
            &*ticket_id,
            &*severity,
            &*csv_cell(spec.id()),
            result.state.id(),
        ] {
            out.push(',');
            out.push_str(cell);
        }
        out.push(',');
        if let Some(due) = result.due {
            push_instant(out, due);
        }
        out.push(',');
        if let Some(actual) = result.actual {
            push_instant(out, actual);
        }
        out.push(',');
        if let Some(margin) = result.margin_minutes {
            push_integer(out, margin);
        }
        out.push(',');
        push_integer(out, result.paused_minutes);
        out.push('\n');
    }
}

/// A JSON string literal.
fn json_text(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// The `--json` line of an audited row (without a line break), keys in
/// this order:
/// `{"ticket","severity","targets":[{"id","due","actual","state","margin_minutes"}]}`.
pub fn json_line(plan: &Plan<'_>, ticket: &Ticket) -> String {
    let mut out = format!(
        "{{\"ticket\":{},\"severity\":{},\"targets\":[",
        json_text(&ticket.id),
        json_text(plan.policy().severities()[ticket.severity].id())
    );
    for (i, (spec, r)) in plan.targets().iter().zip(&ticket.targets).enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"id\":");
        out.push_str(&json_text(spec.id()));
        for (key, at) in [("due", r.due), ("actual", r.actual)] {
            let _ = write!(out, ",\"{key}\":");
            match at {
                Some(at) => {
                    out.push('"');
                    push_instant(&mut out, at);
                    out.push('"');
                }
                None => out.push_str("null"),
            }
        }
        let _ = write!(out, ",\"state\":\"{}\",\"margin_minutes\":", r.state.id());
        match r.margin_minutes {
            Some(margin) => push_integer(&mut out, margin),
            None => out.push_str("null"),
        }
        out.push('}');
    }
    out.push_str("]}");
    out
}

/// The `--json` line of a bad row: `{"line":<n>,"error":"<what>"}`.
pub fn json_error(error: &RowError) -> String {
    format!(
        "{{\"line\":{},\"error\":{}}}",
        error.line,
        json_text(&error.reason)
    )
}

/// The summary as text: one line per severity and target, then the
/// counts of rows, and the unmapped priority values.
pub fn summary_text(
    policy: &Policy,
    lines: &[Line],
    tickets: u64,
    bad_rows: u64,
    unmapped: &[(String, u64)],
) -> String {
    let mut out = format!(
        "{}: {tickets} ticket(s) audited, {bad_rows} bad row(s)\n",
        policy.name()
    );
    let _ = writeln!(
        out,
        "{:<24} {:<24} {:>8} {:>8} {:>8} {:>8} {:>6} {:>10} {:>10}",
        "severity",
        "target",
        "tickets",
        "met",
        "breached",
        "open",
        "met %",
        "median min",
        "worst min"
    );
    let number = |value: Option<i64>| value.map_or_else(|| "-".to_string(), |v| v.to_string());
    for line in lines {
        let _ = writeln!(
            out,
            "{:<24} {:<24} {:>8} {:>8} {:>8} {:>8} {:>6} {:>10} {:>10}",
            policy.severities()[line.severity].label(),
            policy.targets()[line.target].id(),
            line.tickets,
            line.met,
            line.breached,
            line.open,
            line.met_percent
                .map_or_else(|| "-".to_string(), |p| format!("{p}%")),
            number(line.median_margin),
            number(line.worst_margin),
        );
    }
    for (value, count) in unmapped {
        let _ = writeln!(
            out,
            "unmapped priority \"{value}\": {count} row(s) (map it with --map \"{value}=SEVERITY\")"
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_written_as_display_writes_them() {
        for value in [0, 7, -1, 42, -990, i64::MAX, i64::MIN] {
            let mut out = String::new();
            push_integer(&mut out, value);
            assert_eq!(out, value.to_string());
        }
    }

    #[test]
    fn instants_are_written_as_format_instant_writes_them() {
        use chrono::{TimeZone, Utc};
        for at in [
            Utc.with_ymd_and_hms(2026, 3, 2, 14, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(1000, 1, 1, 0, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(9000, 12, 31, 23, 59, 59).unwrap(),
            Utc.with_ymd_and_hms(2026, 10, 25, 1, 7, 9).unwrap(),
        ] {
            let mut out = String::new();
            push_instant(&mut out, at);
            assert_eq!(out, format_instant(at));
        }
    }

    #[test]
    fn risky_cells_are_inert_and_numbers_stay_numbers() {
        for (cell, written) in [
            ("=1+2", "'=1+2"),
            ("+SUM(A1)", "'+SUM(A1)"),
            ("@cmd", "'@cmd"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("-", "'-"),
            ("-30", "-30"),
            ("+5", "+5"),
            ("0", "0"),
            ("-1e3", "'-1e3"),
            ("ZD-1", "ZD-1"),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("", ""),
        ] {
            assert_eq!(csv_cell(cell), written, "{cell:?}");
        }
    }
}
