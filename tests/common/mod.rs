//! Helpers shared by the engine's table tests (each file keeps its own
//! `check`, which builds the selection and timing and calls these).
#![allow(dead_code)]

use chrono::{DateTime, SecondsFormat, Utc};
use sla::engine::deadline::{self, Selection, Timing};

/// One expected target: id, outcome id, due instant (RFC 3339) or none.
pub type Row<'a> = (&'a str, &'a str, Option<&'a str>);

pub fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap_or_else(|e| panic!("bad time {text:?} in the test: {e}"))
        .with_timezone(&Utc)
}

pub fn show(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Asserts every target of the selection, in policy order, with its
/// outcome id and due instant (RFC 3339 UTC) or none.
pub fn assert_targets(
    selection: &Selection<'_>,
    opened: &str,
    timing: &Timing,
    expected: &[Row<'_>],
    case: &str,
) {
    let dues = deadline::deadlines(selection, at(opened), timing)
        .unwrap_or_else(|e| panic!("deadlines {case}: {e}"));
    let actual: Vec<(String, String, Option<String>)> = dues
        .iter()
        .map(|d| {
            (
                d.target.id().to_string(),
                d.outcome.id().to_string(),
                d.due.map(show),
            )
        })
        .collect();
    let wanted: Vec<(String, String, Option<String>)> = expected
        .iter()
        .map(|(id, outcome, due)| {
            (
                id.to_string(),
                outcome.to_string(),
                due.map(|d| show(at(d))),
            )
        })
        .collect();
    assert_eq!(actual, wanted, "{case}");
}
