//! Pauses (docs/policy-reading.md §1.8): intervals [from, until) during
//! which the clock stops. Countable time = open (for business units) and
//! not paused. Pauses merge whatever their order or overlap; a pause before
//! the opening has no effect; a pause whose end is not after its start is
//! an error. Business days: D0 = the unpaused deadline, R = open time from
//! opening to D0, the deadline is the first instant at which countable time
//! reaches R.
//!
//! unnamed-eu: Europe/Berlin Mon-Fri 09-17, CET = UTC+1; 2026-02-09 is a
//! Monday. Unpaused, Enterprise S1 opened Mon 10:00 CET (09:00Z) is due Tue
//! 10:00 CET (first response, 8h: Mon 7h + Tue 1h) and Fri 10:00 CET
//! (resolution, 32h: Mon 7, Tue 15, Wed 23, Thu 31, Fri 1).

mod common;

use common::{at, Row};
use sla::engine::deadline::Timing;
use sla::engine::load;
use sla::engine::time::{BadPause, Pauses};

/// The one table helper: deadlines with the given pauses (from, until).
fn check(
    vendor: &str,
    package: &str,
    severity: &str,
    opened: &str,
    pauses: &[(&str, &str)],
    expected: &[Row<'_>],
) {
    let catalog = load::embedded();
    let selection = catalog
        .select(vendor, package, None, severity)
        .unwrap_or_else(|e| panic!("select: {e}"));
    let intervals = pauses.iter().map(|(a, b)| (at(a), at(b))).collect();
    let timing = Timing {
        pauses: Pauses::new(intervals).unwrap_or_else(|e| panic!("pauses {pauses:?}: {e:?}")),
        ..Timing::default()
    };
    common::assert_targets(
        &selection,
        opened,
        &timing,
        expected,
        &format!("{vendor}/{package}/severity {severity}, opened {opened}, pauses {pauses:?}"),
    );
}

const MON_10_CET: &str = "2026-02-09T09:00:00Z";

#[test]
fn no_pause_baseline() {
    check(
        "unnamed-eu",
        "enterprise",
        "1",
        MON_10_CET,
        &[],
        &[
            ("first_response", "deadline", Some("2026-02-10T09:00:00Z")),
            ("resolution", "deadline", Some("2026-02-13T09:00:00Z")),
        ],
    );
}

/// Mon 11:00-12:30 CET inside open time: both deadlines move 1.5 h.
#[test]
fn pause_inside_open_time_moves_the_deadline() {
    check(
        "unnamed-eu",
        "enterprise",
        "1",
        MON_10_CET,
        &[("2026-02-09T10:00:00Z", "2026-02-09T11:30:00Z")],
        &[
            ("first_response", "deadline", Some("2026-02-10T10:30:00Z")),
            ("resolution", "deadline", Some("2026-02-13T10:30:00Z")),
        ],
    );
}

/// Mon 17:00 CET to Tue 09:00 CET, and a whole weekend: closed time, so no
/// effect on business-hour targets.
#[test]
fn pause_over_closed_time_has_no_effect_on_business_units() {
    check(
        "unnamed-eu",
        "enterprise",
        "1",
        MON_10_CET,
        &[
            ("2026-02-09T16:00:00Z", "2026-02-10T08:00:00Z"),
            ("2026-02-13T23:00:00Z", "2026-02-16T08:00:00Z"),
        ],
        &[
            ("first_response", "deadline", Some("2026-02-10T09:00:00Z")),
            ("resolution", "deadline", Some("2026-02-13T09:00:00Z")),
        ],
    );
}

/// Unordered, overlapping: 11:30-12:00Z, 10:00-11:00Z, 10:30-11:45Z merge to
/// 10:00-12:00Z (2 h).
#[test]
fn overlapping_unordered_pauses_merge() {
    let merged_two_hours = [
        ("first_response", "deadline", Some("2026-02-10T11:00:00Z")),
        ("resolution", "deadline", Some("2026-02-13T11:00:00Z")),
    ];
    check(
        "unnamed-eu",
        "enterprise",
        "1",
        MON_10_CET,
        &[
            ("2026-02-09T11:30:00Z", "2026-02-09T12:00:00Z"),
            ("2026-02-09T10:00:00Z", "2026-02-09T11:00:00Z"),
            ("2026-02-09T10:30:00Z", "2026-02-09T11:45:00Z"),
        ],
        &merged_two_hours,
    );
    // Touching intervals: 10-11 and 11-12.
    check(
        "unnamed-eu",
        "enterprise",
        "1",
        MON_10_CET,
        &[
            ("2026-02-09T11:00:00Z", "2026-02-09T12:00:00Z"),
            ("2026-02-09T10:00:00Z", "2026-02-09T11:00:00Z"),
        ],
        &merged_two_hours,
    );
    // One pause inside another counts once.
    check(
        "unnamed-eu",
        "enterprise",
        "1",
        MON_10_CET,
        &[
            ("2026-02-09T10:00:00Z", "2026-02-09T12:00:00Z"),
            ("2026-02-09T10:15:00Z", "2026-02-09T10:45:00Z"),
            ("2026-02-09T10:00:00Z", "2026-02-09T12:00:00Z"),
        ],
        &merged_two_hours,
    );
}

/// Entirely before the opening, or ending exactly at it: no effect. One that
/// straddles the opening only counts from the opening (09:00-10:00Z, 1 h).
#[test]
fn pauses_before_the_opening() {
    let unchanged = [
        ("first_response", "deadline", Some("2026-02-10T09:00:00Z")),
        ("resolution", "deadline", Some("2026-02-13T09:00:00Z")),
    ];
    check(
        "unnamed-eu",
        "enterprise",
        "1",
        MON_10_CET,
        &[("2026-02-09T06:00:00Z", "2026-02-09T08:30:00Z")],
        &unchanged,
    );
    check(
        "unnamed-eu",
        "enterprise",
        "1",
        MON_10_CET,
        &[("2026-02-06T08:00:00Z", "2026-02-09T09:00:00Z")],
        &unchanged,
    );
    check(
        "unnamed-eu",
        "enterprise",
        "1",
        MON_10_CET,
        &[("2026-02-09T08:00:00Z", "2026-02-09T10:00:00Z")],
        &[
            ("first_response", "deadline", Some("2026-02-10T10:00:00Z")),
            ("resolution", "deadline", Some("2026-02-13T10:00:00Z")),
        ],
    );
}

/// A pause after the first-response deadline moves only the resolution.
#[test]
fn pause_between_the_deadlines() {
    check(
        "unnamed-eu",
        "enterprise",
        "1",
        MON_10_CET,
        &[("2026-02-11T08:00:00Z", "2026-02-11T09:00:00Z")],
        &[
            ("first_response", "deadline", Some("2026-02-10T09:00:00Z")),
            ("resolution", "deadline", Some("2026-02-13T10:00:00Z")),
        ],
    );
}

/// Clock hours: any paused time counts, open or not. ThreePBX P4 opened Mon
/// 02-09 15:00 EST (20:00Z), paused 17:00-18:00 EST. Response 8 clock hours
/// -> 05:00Z (not 04:00Z). Resolution 48 business hours (09-19 Eastern): Mon
/// 4h, Tue (14), Wed (24), Thu (34), Fri (44), Mon 02-16 Washington's
/// Birthday, Tue 02-17 4h -> 13:00 EST; the pause is inside Monday's open
/// time, +1h -> 14:00 EST = 19:00Z.
#[test]
fn pauses_on_clock_hours_and_business_hours_together() {
    check(
        "threepbx",
        "standard",
        "4",
        "2026-02-09T20:00:00Z",
        &[],
        &[
            ("response", "deadline", Some("2026-02-10T04:00:00Z")),
            ("resolution", "deadline", Some("2026-02-17T18:00:00Z")),
            ("reason_for_outage", "none_stated", None),
        ],
    );
    check(
        "threepbx",
        "standard",
        "4",
        "2026-02-09T20:00:00Z",
        &[("2026-02-09T22:00:00Z", "2026-02-09T23:00:00Z")],
        &[
            ("response", "deadline", Some("2026-02-10T05:00:00Z")),
            ("resolution", "deadline", Some("2026-02-17T19:00:00Z")),
            ("reason_for_outage", "none_stated", None),
        ],
    );
    // A night pause (20:00-08:00 EST) is closed time for the resolution but
    // real time for the response: 8h response with 5h of it paused.
    check(
        "threepbx",
        "standard",
        "4",
        "2026-02-09T20:00:00Z",
        &[("2026-02-10T01:00:00Z", "2026-02-10T13:00:00Z")],
        &[
            // 20:00Z..01:00Z counts 5h; paused until 13:00Z; 3h more -> 16:00Z.
            ("response", "deadline", Some("2026-02-10T16:00:00Z")),
            ("resolution", "deadline", Some("2026-02-17T18:00:00Z")),
            ("reason_for_outage", "none_stated", None),
        ],
    );
}

/// Numonix S3, 72 clock hours from Fri 02-06 12:00Z with the weekend paused
/// (48 h) -> Wed 02-11 12:00Z. S1 1h with a pause starting at the opening
/// (12:00-13:00Z) -> 14:00Z.
#[test]
fn pauses_on_a_24x7_clock() {
    check(
        "numonix",
        "saas",
        "3",
        "2026-02-06T12:00:00Z",
        &[("2026-02-07T00:00:00Z", "2026-02-09T00:00:00Z")],
        &[
            ("response", "deadline", Some("2026-02-11T12:00:00Z")),
            ("resolution", "next_release", None),
            ("status_reports", "none_stated", None),
        ],
    );
    check(
        "numonix",
        "saas",
        "1",
        "2026-02-06T12:00:00Z",
        &[("2026-02-06T12:00:00Z", "2026-02-06T13:00:00Z")],
        &[
            ("response", "deadline", Some("2026-02-06T14:00:00Z")),
            ("resolution", "continuous", None),
            ("status_reports", "periodic", None),
        ],
    );
}

/// Recurring update counted from the paused first response. NextPlane
/// Business US P1 opened Wed 06-17 18:30 EDT (22:30Z), paused 19:00-19:15
/// EDT: 1h = 18:30-19:00 + 19:15-19:45 -> 19:45 EDT. Update 2h: Wed 0.25h,
/// Thu 1.75h from 08:00 EDT -> 09:45 EDT.
#[test]
fn pauses_move_recurring_updates_too() {
    check(
        "nextplane",
        "business",
        "1",
        "2026-06-17T22:30:00Z",
        &[("2026-06-17T23:00:00Z", "2026-06-17T23:15:00Z")],
        &[
            ("first_response", "deadline", Some("2026-06-17T23:45:00Z")),
            ("next_update", "deadline", Some("2026-06-18T13:45:00Z")),
        ],
    );
}

// --------------------------------------------- business days with pauses

/// Gold S2 (3 business days) opened Mon 10:00 CET: D0 = Thu 02-12 17:00 CET,
/// R = 7 + 8 + 8 + 8 = 31 h. A 2-hour pause Tue 10-12 CET leaves 29 h by
/// Thursday's close; 2 h more -> Fri 02-13 11:00 CET = 10:00Z. The first
/// response (8h: Mon 7h, Tue 1h) is reached at 10:00 CET, when the pause
/// starts.
#[test]
fn business_days_with_a_pause_in_open_time() {
    check(
        "unnamed-eu",
        "gold",
        "2",
        MON_10_CET,
        &[("2026-02-10T09:00:00Z", "2026-02-10T11:00:00Z")],
        &[
            ("first_response", "deadline", Some("2026-02-10T09:00:00Z")),
            ("resolution", "deadline", Some("2026-02-13T10:00:00Z")),
        ],
    );
}

/// A pause over closed time (Tue 17:00 CET - Wed 09:00 CET) has no effect.
#[test]
fn business_days_with_a_pause_in_closed_time() {
    check(
        "unnamed-eu",
        "gold",
        "2",
        MON_10_CET,
        &[("2026-02-10T16:00:00Z", "2026-02-11T08:00:00Z")],
        &[
            ("first_response", "deadline", Some("2026-02-10T09:00:00Z")),
            ("resolution", "deadline", Some("2026-02-12T16:00:00Z")),
        ],
    );
}

/// Opened Sat 02-07: D0 = Wed 02-11 17:00 CET, R = Mon + Tue + Wed = 24 h.
/// Paused Mon 09-10 CET: 23 h by Wednesday's close -> Thu 10:00 CET. First
/// response 8h from Mon 10:00 CET -> Tue 10:00 CET.
#[test]
fn business_days_with_a_pause_opened_on_a_weekend() {
    check(
        "unnamed-eu",
        "gold",
        "2",
        "2026-02-07T12:00:00Z",
        &[("2026-02-09T08:00:00Z", "2026-02-09T09:00:00Z")],
        &[
            ("first_response", "deadline", Some("2026-02-10T09:00:00Z")),
            ("resolution", "deadline", Some("2026-02-12T09:00:00Z")),
        ],
    );
}

/// Opened Mon 23:00 CET (late on a business day): D0 = Thu 17:00 CET, R =
/// Tue + Wed + Thu = 24 h (the opening day's time is already gone). All of
/// Wednesday paused: 16 h by Thursday's close, 8 h on Friday -> Fri 17:00
/// CET exactly, the window's end.
#[test]
fn business_days_with_a_pause_opened_late() {
    check(
        "unnamed-eu",
        "gold",
        "2",
        "2026-02-09T22:00:00Z",
        &[("2026-02-11T08:00:00Z", "2026-02-11T16:00:00Z")],
        &[
            ("first_response", "deadline", Some("2026-02-10T16:00:00Z")),
            ("resolution", "deadline", Some("2026-02-13T16:00:00Z")),
        ],
    );
}

/// IPcelerate P1 opened Thu 05-21 17:00 CDT (22:00Z), paused Fri 08-10 CDT.
/// Responses (2 clock hours, 22:00Z-00:00Z) are before the pause. Action
/// plan: D0 = Wed 05-27 18:00 CDT, R = Thu 1 + Fri 10 + Tue 10 + Wed 10 =
/// 31 h (Mon 05-25 Memorial Day); 29 h by Wednesday's close -> Thu 05-28
/// 10:00 CDT. Patch >= 10 business days: D0 = Fri 06-05 close; 2 h more ->
/// Mon 06-08 10:00 CDT.
#[test]
fn business_days_with_a_pause_earliest_targets() {
    check(
        "ipcelerate",
        "maintenance",
        "1",
        "2026-05-21T22:00:00Z",
        &[("2026-05-22T13:00:00Z", "2026-05-22T15:00:00Z")],
        &[
            ("level1_response", "deadline", Some("2026-05-22T00:00:00Z")),
            ("level2_response", "deadline", Some("2026-05-22T00:00:00Z")),
            ("action_plan", "deadline", Some("2026-05-28T15:00:00Z")),
            (
                "patch_or_workaround",
                "earliest",
                Some("2026-06-08T15:00:00Z"),
            ),
        ],
    );
    // The same pause before the opening changes nothing.
    check(
        "ipcelerate",
        "maintenance",
        "1",
        "2026-05-22T16:00:00Z",
        &[("2026-05-22T13:00:00Z", "2026-05-22T15:00:00Z")],
        &[
            ("level1_response", "deadline", Some("2026-05-22T18:00:00Z")),
            ("level2_response", "deadline", Some("2026-05-22T18:00:00Z")),
            // Opened Fri 11:00 CDT: Tue 26 (1), Wed 27 (2), Thu 28 (3).
            ("action_plan", "deadline", Some("2026-05-28T23:00:00Z")),
            // Tue 26 .. Fri 29 (1-4), Jun 1-5 (5-9), Mon 06-08 (10).
            (
                "patch_or_workaround",
                "earliest",
                Some("2026-06-08T23:00:00Z"),
            ),
        ],
    );
}

// ------------------------------------------------------- invalid pauses

#[test]
fn a_pause_that_does_not_end_after_it_starts_is_an_error() {
    let t = at("2026-02-09T10:00:00Z");
    let later = at("2026-02-09T11:00:00Z");
    assert_eq!(Pauses::new(vec![(t, t)]), Err(BadPause { index: 0 }));
    assert_eq!(Pauses::new(vec![(later, t)]), Err(BadPause { index: 0 }));
    assert_eq!(
        Pauses::new(vec![(t, later), (later, t)]),
        Err(BadPause { index: 1 })
    );
    assert!(Pauses::new(vec![(t, later)]).is_ok());
    // Through the shared request parser: the message names the pause.
    let error = sla::request::pauses(vec![(t, later), (t, t)])
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("pauses[1]"), "{error}");
    let error = sla::request::parse_pause("pause", "2026-02-09T10:00:00Z/2026-02-09T10:00:00Z")
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("pause"), "{error}");
    assert!(sla::request::parse_pause("pause", "2026-02-09T10:00:00Z").is_err());
}

#[test]
fn merged_pauses_are_sorted_and_disjoint() {
    let p = |a: &str, b: &str| (at(a), at(b));
    let merged = Pauses::new(vec![
        p("2026-02-09T13:00:00Z", "2026-02-09T14:00:00Z"),
        p("2026-02-09T10:00:00Z", "2026-02-09T11:00:00Z"),
        p("2026-02-09T10:30:00Z", "2026-02-09T12:00:00Z"),
        p("2026-02-09T12:00:00Z", "2026-02-09T12:30:00Z"),
    ])
    .unwrap();
    assert_eq!(
        merged.intervals(),
        [
            p("2026-02-09T10:00:00Z", "2026-02-09T12:30:00Z"),
            p("2026-02-09T13:00:00Z", "2026-02-09T14:00:00Z"),
        ]
    );
}
