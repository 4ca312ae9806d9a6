//! Daylight-saving weeks, 2026: US spring-forward 03-08, fall-back 11-01;
//! EU spring-forward 03-29, fall-back 10-25. Between 03-08 and 03-29 and
//! between 10-25 and 11-01 the US and EU offsets differ from the rest of
//! the year (New York is UTC-4 while Berlin is UTC+1).
//!
//! docs/policy-reading.md §1.7: window times are local each day; a window
//! boundary in a spring-forward gap moves to the first instant after the
//! gap, one in a fall-back fold takes the earlier instant; clock hours are
//! real elapsed hours. The boundary rules are exercised through a test-only
//! vendor (`dst-lab`) whose windows sit inside the transition hours, loaded
//! next to the embedded policies.

mod common;

use common::{at, show, Row};
use std::sync::OnceLock;

use sla::engine::deadline::Timing;
use sla::engine::load;
use sla::engine::policy::Catalog;

/// Windows inside the transition hours. Severity 1 = 1 business hour,
/// 2 = 2 business hours, 3 = 1 business day, 4 = 3 clock hours.
const LAB: &str = r#"{
  "id": "dst-lab", "name": "DST lab",
  "source": { "file": "tests/dst.rs", "title": "test" },
  "currency": "USD",
  "severities": [
    { "id": "1", "label": "one", "definition": "-" },
    { "id": "2", "label": "two", "definition": "-" },
    { "id": "3", "label": "three", "definition": "-" },
    { "id": "4", "label": "four", "definition": "-" }
  ],
  "schedules": [
    { "id": "ny-night", "name": "n", "zone": "America/New_York", "weekly": { "mon-sun": ["01:30-03:30"] }, "source": "-" },
    { "id": "ny-gap", "name": "g", "zone": "America/New_York", "weekly": { "mon-sun": ["02:30-04:00"] }, "source": "-" },
    { "id": "berlin-night", "name": "b", "zone": "Europe/Berlin", "weekly": { "mon-sun": ["02:15-02:45"] }, "source": "-" }
  ],
  "packages": [
    { "id": "ny-night", "name": "n", "summary": "-", "channels": [], "coverage": "ny-night" },
    { "id": "ny-gap", "name": "g", "summary": "-", "channels": [], "coverage": "ny-gap" },
    { "id": "berlin-night", "name": "b", "summary": "-", "channels": [], "coverage": "berlin-night" }
  ],
  "targets": [
    {
      "id": "t", "label": "t", "source": "-",
      "values": {
        "ny-night": { "1": "1 business_hours", "2": "2 business_hours", "3": "1 business_days", "4": "3 clock_hours" },
        "ny-gap": { "1": "1 business_hours", "2": "2 business_hours", "3": "1 business_days", "4": "3 clock_hours" },
        "berlin-night": { "1": "1 business_hours", "2": "2 business_hours", "3": "1 business_days", "4": "3 clock_hours" }
      }
    }
  ]
}"#;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let mut files: Vec<(&str, &str)> = load::EMBEDDED_POLICIES.to_vec();
        files.push(("tests/dst-lab.json", LAB));
        load::load_catalog(load::EMBEDDED_CALENDARS, &files).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// The one table helper: every target's outcome and due instant.
fn check(
    vendor: &str,
    package: &str,
    region: Option<&str>,
    severity: &str,
    opened: &str,
    expected: &[Row<'_>],
) {
    let selection = catalog()
        .select(vendor, package, region, severity)
        .unwrap_or_else(|e| panic!("select: {e}"));
    common::assert_targets(
        &selection,
        opened,
        &Timing::default(),
        expected,
        &format!("{vendor}/{package}/{region:?}/severity {severity}, opened {opened}"),
    );
}

// ------------------------------------------- business hours across a change

/// US spring-forward: Fri 03-06 18:00 EST (23:00Z). First response 8h: Fri
/// 2h (18-20 EST), Mon 03-09 6h from 08:00 EDT (12:00Z) -> 14:00 EDT. With a
/// fixed winter offset it would wrongly be 19:00Z. Update 48h: Mon 6, Tue
/// (18), Wed (30), Thu (42), Fri 03-13 6h -> 14:00 EDT.
#[test]
fn us_spring_forward_business_hours_new_york() {
    check(
        "nextplane",
        "business",
        Some("us"),
        "4",
        "2026-03-06T23:00:00Z",
        &[
            ("first_response", "deadline", Some("2026-03-09T18:00:00Z")),
            ("next_update", "deadline", Some("2026-03-13T18:00:00Z")),
        ],
    );
}

/// Startup, Pacific: Fri 03-06 16:00 PST (00:00Z 03-07). 4h: Fri 1h, Mon 3h
/// from 09:00 PDT (16:00Z) -> 12:00 PDT = 19:00Z. Update 12h: Mon 5h, Tue
/// 7h -> 16:00 PDT.
#[test]
fn us_spring_forward_business_hours_los_angeles() {
    check(
        "nextplane",
        "startup",
        None,
        "1",
        "2026-03-07T00:00:00Z",
        &[
            ("first_response", "deadline", Some("2026-03-09T19:00:00Z")),
            ("next_update", "deadline", Some("2026-03-10T23:00:00Z")),
        ],
    );
}

/// EU spring-forward: Fri 03-27 13:00 CET (12:00Z). Gold S1 8h: Fri 4h, Mon
/// 03-30 4h from 09:00 CEST (07:00Z) -> 13:00 CEST = 11:00Z. Resolution 16h:
/// Fri 4, Mon 8 (12), Tue 4 -> 13:00 CEST. S2: 3 business days after Fri ->
/// Wed 04-01 17:00 CEST.
#[test]
fn eu_spring_forward_business_hours_and_days_berlin() {
    check(
        "unnamed-eu",
        "gold",
        None,
        "1",
        "2026-03-27T12:00:00Z",
        &[
            ("first_response", "deadline", Some("2026-03-30T11:00:00Z")),
            ("resolution", "deadline", Some("2026-03-31T11:00:00Z")),
        ],
    );
    check(
        "unnamed-eu",
        "gold",
        None,
        "2",
        "2026-03-27T12:00:00Z",
        &[
            ("first_response", "deadline", Some("2026-03-30T11:00:00Z")),
            ("resolution", "deadline", Some("2026-04-01T15:00:00Z")),
        ],
    );
}

/// US fall-back: ThreePBX P4, Fri 10-30 17:00 EDT (21:00Z). Response 8
/// clock hours -> 05:00Z. Resolution 48 business hours (09-19 Eastern): Fri
/// 2h, Mon 11-02 (12), Tue (22), Wed (32), Thu (42), Fri 11-06 6h from 09:00
/// EST (14:00Z) -> 15:00 EST = 20:00Z.
#[test]
fn us_fall_back_business_hours_new_york() {
    check(
        "threepbx",
        "standard",
        None,
        "4",
        "2026-10-30T21:00:00Z",
        &[
            ("response", "deadline", Some("2026-10-31T05:00:00Z")),
            ("resolution", "deadline", Some("2026-11-06T20:00:00Z")),
            ("reason_for_outage", "none_stated", None),
        ],
    );
}

/// EU fall-back: Business EMEA P4, Fri 10-23 14:00 CEST (12:00Z). 8h: Fri 4h,
/// Mon 10-26 4h from 09:00 CET (08:00Z) -> 13:00 CET = 12:00Z. Update 48h:
/// Mon 5, Tue (14), Wed (23), Thu (32), Fri (41), Mon 11-02 7h -> 16:00 CET.
#[test]
fn eu_fall_back_business_hours_berlin() {
    check(
        "nextplane",
        "business",
        Some("emea"),
        "4",
        "2026-10-23T12:00:00Z",
        &[
            ("first_response", "deadline", Some("2026-10-26T12:00:00Z")),
            ("next_update", "deadline", Some("2026-11-02T15:00:00Z")),
        ],
    );
}

// ------------------------------------------ weeks when US and EU offsets differ

/// Fri 2026-03-20 12:00Z is 08:00 EDT (New York opens exactly) and 13:00 CET.
/// US: 8h -> 16:00 EDT = 20:00Z; update 48h: Fri 4, Mon 03-23 (16), Tue (28),
/// Wed (40), Thu 03-26 8h -> 16:00 EDT. EMEA: Fri 5h (13-18 CET), Mon 3h ->
/// 12:00 CET = 11:00Z; update 48h: Mon 6, Tue (15), Wed (24), Thu (33), Fri
/// (42), Mon 03-30 6h -> 15:00 CEST = 13:00Z (Berlin has moved on too).
#[test]
fn march_weeks_with_a_five_hour_gap() {
    check(
        "nextplane",
        "business",
        Some("us"),
        "4",
        "2026-03-20T12:00:00Z",
        &[
            ("first_response", "deadline", Some("2026-03-20T20:00:00Z")),
            ("next_update", "deadline", Some("2026-03-26T20:00:00Z")),
        ],
    );
    check(
        "nextplane",
        "business",
        Some("emea"),
        "4",
        "2026-03-20T12:00:00Z",
        &[
            ("first_response", "deadline", Some("2026-03-23T11:00:00Z")),
            ("next_update", "deadline", Some("2026-03-30T13:00:00Z")),
        ],
    );
}

/// Tue 2026-10-27 22:30Z is 18:30 EDT and 23:30 CET. US P2: 2h = Tue 1.5h +
/// Wed 0.5h -> 08:30 EDT = 12:30Z; update 8h -> 16:30 EDT = 20:30Z. EMEA P2:
/// closed until Wed 09:00 CET (08:00Z): 2h -> 10:00Z; update 8h: Wed 7h
/// (11-18), Thu 1h -> 10:00 CET = 09:00Z.
#[test]
fn october_week_with_a_five_hour_gap() {
    check(
        "nextplane",
        "business",
        Some("us"),
        "2",
        "2026-10-27T22:30:00Z",
        &[
            ("first_response", "deadline", Some("2026-10-28T12:30:00Z")),
            ("next_update", "deadline", Some("2026-10-28T20:30:00Z")),
        ],
    );
    check(
        "nextplane",
        "enterprise",
        Some("emea"),
        "2",
        "2026-10-27T22:30:00Z",
        &[
            ("first_response", "deadline", Some("2026-10-28T10:00:00Z")),
            ("next_update", "deadline", Some("2026-10-29T09:00:00Z")),
        ],
    );
    // Fri 10-30 19:30 EDT (23:30Z): 0.5h on Friday, then Monday 11-02 opens
    // at 08:00 EST = 13:00Z: 1h -> 13:30Z; update 2h -> 15:30Z.
    check(
        "nextplane",
        "enterprise",
        Some("us"),
        "1",
        "2026-10-30T23:30:00Z",
        &[
            ("first_response", "deadline", Some("2026-11-02T13:30:00Z")),
            ("next_update", "deadline", Some("2026-11-02T15:30:00Z")),
        ],
    );
}

// -------------------------------------------- clock hours are real hours

/// ThreePBX, opened Sat 10-31 22:00 EDT (11-01 02:00Z), the night New York
/// falls back at 06:00Z. P3 response 4 clock hours -> 06:00Z (01:00 EST on
/// the wall, three wall hours later). Resolution 8 business hours: Mon 11-02
/// 09:00 EST (14:00Z) -> 17:00 EST = 22:00Z. P1 reason for outage 24h ->
/// 11-02 02:00Z (21:00 EST on Sunday: 23 wall hours). P2 96h -> 11-05 02:00Z.
#[test]
fn clock_hours_across_us_fall_back() {
    let opened = "2026-11-01T02:00:00Z";
    check(
        "threepbx",
        "standard",
        None,
        "3",
        opened,
        &[
            ("response", "deadline", Some("2026-11-01T06:00:00Z")),
            ("resolution", "deadline", Some("2026-11-02T22:00:00Z")),
            ("reason_for_outage", "none_stated", None),
        ],
    );
    check(
        "threepbx",
        "standard",
        None,
        "1",
        opened,
        &[
            ("response", "deadline", Some("2026-11-01T03:00:00Z")),
            ("resolution", "asap", None),
            (
                "reason_for_outage",
                "deadline",
                Some("2026-11-02T02:00:00Z"),
            ),
        ],
    );
    check(
        "threepbx",
        "standard",
        None,
        "2",
        opened,
        &[
            ("response", "deadline", Some("2026-11-01T04:00:00Z")),
            ("resolution", "asap", None),
            (
                "reason_for_outage",
                "deadline",
                Some("2026-11-05T02:00:00Z"),
            ),
        ],
    );
}

/// IPcelerate, opened Sat 03-07 22:00 CST (03-08 04:00Z), Chicago springs
/// forward at 08:00Z. P2 6 clock hours -> 10:00Z (05:00 CDT: seven wall
/// hours). Action plan 5 business days after Sat: Mon 03-09..Fri 03-13 ->
/// 18:00 CDT = 23:00Z. Patch >= 20 business days: Fri 04-03 (Good Friday is
/// not a US federal holiday) 18:00 CDT.
#[test]
fn clock_hours_and_business_days_across_us_spring_forward() {
    check(
        "ipcelerate",
        "maintenance",
        None,
        "2",
        "2026-03-08T04:00:00Z",
        &[
            ("level1_response", "deadline", Some("2026-03-08T10:00:00Z")),
            ("level2_response", "deadline", Some("2026-03-08T10:00:00Z")),
            ("action_plan", "deadline", Some("2026-03-13T23:00:00Z")),
            (
                "patch_or_workaround",
                "earliest",
                Some("2026-04-03T23:00:00Z"),
            ),
        ],
    );
}

/// IPcelerate, opened Sat 10-31 23:00 CDT (11-01 04:00Z). P3 24 clock hours
/// -> 11-02 04:00Z (Sun 22:00 CST). Action plan 20 business days after Sat:
/// Nov 2-6 (1-5), 9-10 (6-7), Wed 11 Veterans Day, 12-13 (8-9), 16-20
/// (10-14), 23-25 (15-17), Thu 26 Thanksgiving, Fri 27 (18), Mon 30 (19),
/// Tue 12-01 (20) -> 18:00 CST = 12-02 00:00Z.
#[test]
fn clock_hours_and_business_days_across_us_fall_back() {
    check(
        "ipcelerate",
        "impact",
        None,
        "3",
        "2026-11-01T04:00:00Z",
        &[
            ("level1_response", "deadline", Some("2026-11-02T04:00:00Z")),
            ("level2_response", "deadline", Some("2026-11-02T04:00:00Z")),
            ("action_plan", "deadline", Some("2026-12-02T00:00:00Z")),
            ("patch_or_workaround", "next_release", None),
        ],
    );
}

// ---------------------------------- window boundaries inside gaps and folds

/// ny-night is 01:30-03:30 New York. On 03-08 it runs 01:30 EST (06:30Z) to
/// 03:30 EDT (07:30Z): one real hour. Opened Sat 03-07 12:00Z, after that
/// day's window. 1h -> 07:30Z exactly at the window's end. 2h: 1h on 03-08,
/// then 03-09 01:30 EDT (05:30Z) + 1h -> 06:30Z. 1 business day -> close of
/// 03-08 = 03:30 EDT = 07:30Z. 3 clock hours from 03-08 05:30Z (00:30 EST)
/// -> 08:30Z (04:30 EDT).
#[test]
fn window_that_spans_the_spring_gap() {
    let opened = "2026-03-07T12:00:00Z";
    check(
        "dst-lab",
        "ny-night",
        None,
        "1",
        opened,
        &[("t", "deadline", Some("2026-03-08T07:30:00Z"))],
    );
    check(
        "dst-lab",
        "ny-night",
        None,
        "2",
        opened,
        &[("t", "deadline", Some("2026-03-09T06:30:00Z"))],
    );
    check(
        "dst-lab",
        "ny-night",
        None,
        "3",
        opened,
        &[("t", "deadline", Some("2026-03-08T07:30:00Z"))],
    );
    check(
        "dst-lab",
        "ny-night",
        None,
        "4",
        "2026-03-08T05:30:00Z",
        &[("t", "deadline", Some("2026-03-08T08:30:00Z"))],
    );
}

/// On 11-01 ny-night's start 01:30 happens twice: the earlier (EDT, 05:30Z)
/// counts; the end 03:30 EST is 08:30Z: three real hours. Opened 10-31
/// 12:00Z: 2h -> 07:30Z (taking the later 01:30 would give 08:30Z). One
/// business day -> close of 11-01 = 08:30Z.
#[test]
fn window_that_starts_in_the_fall_fold() {
    let opened = "2026-10-31T12:00:00Z";
    check(
        "dst-lab",
        "ny-night",
        None,
        "2",
        opened,
        &[("t", "deadline", Some("2026-11-01T07:30:00Z"))],
    );
    check(
        "dst-lab",
        "ny-night",
        None,
        "3",
        opened,
        &[("t", "deadline", Some("2026-11-01T08:30:00Z"))],
    );
}

/// ny-gap is 02:30-04:00 New York. On 03-08 02:30 does not exist: the window
/// opens at the first instant after the gap, 03:00 EDT (07:00Z), and closes
/// 04:00 EDT (08:00Z). Opened 03-08 06:00Z (01:00 EST): 1h -> 08:00Z; 2h ->
/// 03-09 02:30 EDT (06:30Z) + 1h -> 07:30Z.
#[test]
fn window_that_starts_in_the_spring_gap() {
    let opened = "2026-03-08T06:00:00Z";
    check(
        "dst-lab",
        "ny-gap",
        None,
        "1",
        opened,
        &[("t", "deadline", Some("2026-03-08T08:00:00Z"))],
    );
    check(
        "dst-lab",
        "ny-gap",
        None,
        "2",
        opened,
        &[("t", "deadline", Some("2026-03-09T07:30:00Z"))],
    );
}

/// berlin-night is 02:15-02:45 Berlin, 30 minutes a day. On 03-29 both ends
/// fall in the gap (02:00 CET -> 03:00 CEST) and move to 03:00 CEST: no open
/// time that day. Opened 03-28 12:00Z: 1h = 03-30 00:15-00:45Z + 03-31
/// 00:15-00:45Z -> 03-31 00:45Z.
#[test]
fn window_entirely_inside_the_spring_gap_is_empty() {
    check(
        "dst-lab",
        "berlin-night",
        None,
        "1",
        "2026-03-28T12:00:00Z",
        &[("t", "deadline", Some("2026-03-31T00:45:00Z"))],
    );
}

/// On 10-25 Berlin's 02:00-03:00 happens twice: the window takes the earlier
/// readings, 00:15Z-00:45Z. Opened 10-25 00:50Z, after it: 1h = 10-26
/// 01:15-01:45Z (CET) + 10-27 01:15-01:45Z -> 10-27 01:45Z. (Reading the
/// fold's later instants would leave 01:15-01:45Z open on 10-25 and give
/// 10-26 01:45Z.)
#[test]
fn window_entirely_inside_the_fall_fold_takes_the_earlier_instants() {
    check(
        "dst-lab",
        "berlin-night",
        None,
        "1",
        "2026-10-25T00:50:00Z",
        &[("t", "deadline", Some("2026-10-27T01:45:00Z"))],
    );
    // Opened just before the earlier window: 30 min on 10-25, 30 on 10-26.
    check(
        "dst-lab",
        "berlin-night",
        None,
        "1",
        "2026-10-25T00:00:00Z",
        &[("t", "deadline", Some("2026-10-26T01:45:00Z"))],
    );
}

/// The local-time resolution itself: a wall time inside a gap is the first
/// instant after the gap, to the second (no fraction of a second left over);
/// a wall time in a fold is the earlier of its two instants.
#[test]
fn resolve_local_gap_and_fold_are_exact_instants() {
    use chrono::NaiveDate;
    use sla::engine::time::resolve_local;
    let ny = sla::engine::zone::Zone::known("America/New_York");
    let berlin = sla::engine::zone::Zone::known("Europe/Berlin");
    let la = sla::engine::zone::Zone::known("America/Los_Angeles");
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let cases = [
        // (zone, date, minute, expected UTC)
        (ny, date(2026, 3, 8), 120, "2026-03-08T07:00:00Z"), // 02:00 -> 03:00 EDT
        (ny, date(2026, 3, 8), 150, "2026-03-08T07:00:00Z"), // 02:30 -> 03:00 EDT
        (ny, date(2026, 3, 8), 179, "2026-03-08T07:00:00Z"), // 02:59 -> 03:00 EDT
        (ny, date(2026, 3, 8), 180, "2026-03-08T07:00:00Z"), // 03:00 EDT exists
        (ny, date(2026, 3, 8), 119, "2026-03-08T06:59:00Z"), // 01:59 EST exists
        (la, date(2026, 3, 8), 130, "2026-03-08T10:00:00Z"), // 02:10 -> 03:00 PDT
        (berlin, date(2026, 3, 29), 135, "2026-03-29T01:00:00Z"), // 02:15 -> 03:00 CEST
        (ny, date(2026, 11, 1), 90, "2026-11-01T05:30:00Z"), // 01:30 EDT, not EST
        (ny, date(2026, 11, 1), 60, "2026-11-01T05:00:00Z"), // 01:00 EDT
        (ny, date(2026, 11, 1), 120, "2026-11-01T07:00:00Z"), // 02:00 EST
        (berlin, date(2026, 10, 25), 150, "2026-10-25T00:30:00Z"), // 02:30 CEST
        (ny, date(2026, 3, 7), 1440, "2026-03-08T05:00:00Z"), // 24:00 = next midnight
    ];
    for (zone, day, minute, want) in cases {
        let got = resolve_local(zone, day, minute);
        assert_eq!(show(got), want, "{zone} {day} minute {minute}");
        assert_eq!(
            got,
            at(want),
            "{zone} {day} minute {minute}: {got:?} is not exact"
        );
    }
}
