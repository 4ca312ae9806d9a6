//! Opening instants at the edges (holidays, weekends, exactly at opening,
//! exactly at closing, one second before closing), the business-day rule
//! (docs/policy-reading.md §1.5: the close of the Nth business day after
//! the local opening day; the opening day never counts, whatever the hour)
//! and the user's holiday edits.
//!
//! unnamed-eu: Europe/Berlin Mon-Fri 09-17 (8 h), CET = UTC+1 in February.
//! 2026-02-09 is a Monday.

mod common;

use common::Row;
use sla::engine::deadline::Timing;
use sla::engine::load;
use sla::request;

/// The one table helper. `holidays` are user edits: "+YYYY-MM-DD" closes a
/// date, "-YYYY-MM-DD" opens a calendar holiday.
fn check(
    vendor: &str,
    package: &str,
    region: Option<&str>,
    severity: &str,
    opened: &str,
    holidays: &[&str],
    expected: &[Row<'_>],
) {
    let catalog = load::embedded();
    let selection = catalog
        .select(vendor, package, region, severity)
        .unwrap_or_else(|e| panic!("select: {e}"));
    let timing: Timing = request::timing(
        common::at(opened),
        std::iter::empty(),
        holidays.iter().copied(),
    )
    .unwrap_or_else(|e| panic!("holiday edits {holidays:?}: {e}"));
    common::assert_targets(&selection, opened, &timing, expected, &format!("{vendor}/{package}/{region:?}/severity {severity}, opened {opened}, holidays {holidays:?}"));
}

// ------------------------------------------------ business-hour openings

/// Thanksgiving 2026-11-26 10:00 PST (18:00Z): closed, counting starts Fri
/// 11-27 09:00 PST (17:00Z). 4h -> 13:00 PST. Update 12h: Fri 4h, Mon 11-30
/// 8h -> 17:00 PST, exactly the close (12-01 01:00Z), not Tuesday's opening.
#[test]
fn opened_on_a_holiday() {
    check(
        "nextplane",
        "startup",
        None,
        "1",
        "2026-11-26T18:00:00Z",
        &[],
        &[
            ("first_response", "deadline", Some("2026-11-27T21:00:00Z")),
            ("next_update", "deadline", Some("2026-12-01T01:00:00Z")),
        ],
    );
}

/// Sun 02-08 23:59:59 CET (22:59:59Z): Monday 09:00 CET starts the count.
/// 8h -> Mon 17:00 CET = 16:00Z; 32h -> Thu 02-12 17:00 CET.
#[test]
fn opened_late_on_a_sunday() {
    check(
        "unnamed-eu",
        "enterprise",
        None,
        "1",
        "2026-02-08T22:59:59Z",
        &[],
        &[
            ("first_response", "deadline", Some("2026-02-09T16:00:00Z")),
            ("resolution", "deadline", Some("2026-02-12T16:00:00Z")),
        ],
    );
}

/// Exactly at opening, Mon 09:00 CET (08:00Z): 8h ends exactly at Monday's
/// close, which is the deadline; 32h -> Thu 17:00 CET.
#[test]
fn opened_exactly_at_opening() {
    check(
        "unnamed-eu",
        "enterprise",
        None,
        "1",
        "2026-02-09T08:00:00Z",
        &[],
        &[
            ("first_response", "deadline", Some("2026-02-09T16:00:00Z")),
            ("resolution", "deadline", Some("2026-02-12T16:00:00Z")),
        ],
    );
}

/// Exactly at closing, Mon 17:00 CET (16:00Z): nothing counts on Monday
/// (windows are [09:00, 17:00)). Gold S1 8h -> Tue 17:00 CET; 16h -> Wed
/// 17:00 CET.
#[test]
fn opened_exactly_at_closing() {
    check(
        "unnamed-eu",
        "gold",
        None,
        "1",
        "2026-02-09T16:00:00Z",
        &[],
        &[
            ("first_response", "deadline", Some("2026-02-10T16:00:00Z")),
            ("resolution", "deadline", Some("2026-02-11T16:00:00Z")),
        ],
    );
}

/// One second before closing, Mon 16:59:59 CET: one second counts on Monday,
/// so 8h -> Tue 16:59:59 CET and 16h -> Wed 16:59:59 CET.
#[test]
fn opened_one_second_before_closing() {
    check(
        "unnamed-eu",
        "gold",
        None,
        "1",
        "2026-02-09T15:59:59Z",
        &[],
        &[
            ("first_response", "deadline", Some("2026-02-10T15:59:59Z")),
            ("resolution", "deadline", Some("2026-02-11T15:59:59Z")),
        ],
    );
}

/// One second before opening, Mon 08:59:59 CET: the same as at opening.
#[test]
fn opened_one_second_before_opening() {
    check(
        "unnamed-eu",
        "gold",
        None,
        "1",
        "2026-02-09T07:59:59Z",
        &[],
        &[
            ("first_response", "deadline", Some("2026-02-09T16:00:00Z")),
            ("resolution", "deadline", Some("2026-02-10T16:00:00Z")),
        ],
    );
}

// ------------------------------------------------------------ business days

/// Gold S2 = 3 business days, S3 = 7. Opened on Monday 02-09 at any hour:
/// Tue (1), Wed (2), Thu 02-12 (3) -> 17:00 CET = 16:00Z; 7: Fri (4), Mon
/// 02-16 (5), Tue (6), Wed 02-18 (7).
#[test]
fn business_days_ignore_the_hour_of_a_business_opening_day() {
    for opened in [
        "2026-02-09T06:00:00Z", // 07:00 CET, before opening
        "2026-02-09T08:00:00Z", // 09:00 CET, at opening
        "2026-02-09T11:00:00Z", // noon
        "2026-02-09T16:00:00Z", // 17:00 CET, at closing
        "2026-02-09T22:59:00Z", // 23:59 CET
    ] {
        check(
            "unnamed-eu",
            "gold",
            None,
            "2",
            opened,
            &[],
            &[
                (
                    "first_response",
                    "deadline",
                    match opened {
                        "2026-02-09T06:00:00Z" | "2026-02-09T08:00:00Z" => {
                            Some("2026-02-09T16:00:00Z")
                        }
                        "2026-02-09T11:00:00Z" => Some("2026-02-10T11:00:00Z"),
                        _ => Some("2026-02-10T16:00:00Z"),
                    },
                ),
                ("resolution", "deadline", Some("2026-02-12T16:00:00Z")),
            ],
        );
        check(
            "unnamed-eu",
            "gold",
            None,
            "3",
            opened,
            &[],
            &[
                (
                    "first_response",
                    "deadline",
                    match opened {
                        "2026-02-09T06:00:00Z" | "2026-02-09T08:00:00Z" => {
                            Some("2026-02-09T16:00:00Z")
                        }
                        "2026-02-09T11:00:00Z" => Some("2026-02-10T11:00:00Z"),
                        _ => Some("2026-02-10T16:00:00Z"),
                    },
                ),
                ("resolution", "deadline", Some("2026-02-18T16:00:00Z")),
            ],
        );
    }
}

/// Opened on the weekend: Mon (1), Tue (2), Wed 02-11 (3).
#[test]
fn business_days_from_a_weekend() {
    for opened in [
        "2026-02-07T12:00:00Z", // Sat 13:00 CET
        "2026-02-08T22:30:00Z", // Sun 23:30 CET
    ] {
        check(
            "unnamed-eu",
            "gold",
            None,
            "2",
            opened,
            &[],
            &[
                ("first_response", "deadline", Some("2026-02-09T16:00:00Z")),
                ("resolution", "deadline", Some("2026-02-11T16:00:00Z")),
            ],
        );
    }
    // Sun 23:30Z is already Monday 00:30 in Berlin: the local date decides,
    // so Monday is the opening day -> Thu 02-12.
    check(
        "unnamed-eu",
        "gold",
        None,
        "2",
        "2026-02-08T23:30:00Z",
        &[],
        &[
            ("first_response", "deadline", Some("2026-02-09T16:00:00Z")),
            ("resolution", "deadline", Some("2026-02-12T16:00:00Z")),
        ],
    );
}

/// Opened Thu 04-02 10:00 CEST, before Easter: Good Friday and Easter Monday
/// are not business days -> Tue 04-07 (1), Wed (2), Thu 04-09 (3) 17:00 CEST.
/// Opened on Good Friday itself: the same (a holiday opening day never
/// counts either).
#[test]
fn business_days_skip_holidays() {
    // 8h: Thu 10-17 CEST (7h), Tue 04-07 1h -> 10:00 CEST.
    check(
        "unnamed-eu",
        "gold",
        None,
        "2",
        "2026-04-02T08:00:00Z",
        &[],
        &[
            ("first_response", "deadline", Some("2026-04-07T08:00:00Z")),
            ("resolution", "deadline", Some("2026-04-09T15:00:00Z")),
        ],
    );
    // Good Friday 10:00 CEST: 8h -> Tue 04-07 17:00 CEST.
    check(
        "unnamed-eu",
        "gold",
        None,
        "2",
        "2026-04-03T08:00:00Z",
        &[],
        &[
            ("first_response", "deadline", Some("2026-04-07T15:00:00Z")),
            ("resolution", "deadline", Some("2026-04-09T15:00:00Z")),
        ],
    );
}

/// IPcelerate, Chicago. Thu 2026-05-07 23:30 CDT is already Friday 04:30Z:
/// the opening day is Thursday (local), so 3 business days are Fri 05-08,
/// Mon 05-11, Tue 05-12 -> 18:00 CDT = 23:00Z. Patch >= 10: Fri 8, May 11-15,
/// May 18-21 -> Thu 05-21.
#[test]
fn business_days_use_the_local_date_not_utc() {
    check(
        "ipcelerate",
        "maintenance",
        None,
        "1",
        "2026-05-08T04:30:00Z",
        &[],
        &[
            ("level1_response", "deadline", Some("2026-05-08T06:30:00Z")),
            ("level2_response", "deadline", Some("2026-05-08T06:30:00Z")),
            ("action_plan", "deadline", Some("2026-05-12T23:00:00Z")),
            (
                "patch_or_workaround",
                "earliest",
                Some("2026-05-21T23:00:00Z"),
            ),
        ],
    );
    // Fri 05-08 23:30 CDT (Sat 04:30Z): Mon 11, Tue 12, Wed 13; patch Fri 22.
    check(
        "ipcelerate",
        "maintenance",
        None,
        "1",
        "2026-05-09T04:30:00Z",
        &[],
        &[
            ("level1_response", "deadline", Some("2026-05-09T06:30:00Z")),
            ("level2_response", "deadline", Some("2026-05-09T06:30:00Z")),
            ("action_plan", "deadline", Some("2026-05-13T23:00:00Z")),
            (
                "patch_or_workaround",
                "earliest",
                Some("2026-05-22T23:00:00Z"),
            ),
        ],
    );
}

/// Across a year end with holidays on both sides (emea-common): gold S3 (7
/// business days) opened Wed 2026-12-23 -> Thu 24 (1), Mon 28 (2), Tue 29
/// (3), Wed 30 (4), Thu 31 (5), Fri 2027-01-01 closed, Mon 01-04 (6), Tue
/// 01-05 (7) -> 17:00 CET = 16:00Z.
#[test]
fn business_days_across_the_year_end() {
    check(
        "unnamed-eu",
        "gold",
        None,
        "3",
        "2026-12-23T10:00:00Z",
        &[],
        &[
            // 8h: Wed 11:00-17:00 CET (6h), Thu 2h -> 11:00 CET.
            ("first_response", "deadline", Some("2026-12-24T10:00:00Z")),
            ("resolution", "deadline", Some("2027-01-05T16:00:00Z")),
        ],
    );
}

/// Enterprise S3, 14 business days from Mon 2026-02-09: Feb 10-13 (1-4),
/// 16-20 (5-9), 23-27 (10-14) -> Fri 02-27 17:00 CET. Whole weeks in a row.
#[test]
fn business_days_over_whole_weeks() {
    check(
        "unnamed-eu",
        "enterprise",
        None,
        "3",
        "2026-02-09T10:00:00Z",
        &[],
        &[
            // 24h: Mon 11-17 (6), Tue (14), Wed (22), Thu 2h -> 11:00 CET.
            ("first_response", "deadline", Some("2026-02-12T10:00:00Z")),
            ("resolution", "deadline", Some("2026-02-27T16:00:00Z")),
        ],
    );
}

// ----------------------------------------------------------- holiday edits

/// Closing Christmas Eve in Berlin: Enterprise EMEA P2 opened Wed 12-23
/// 16:30 CET: 2h = Wed 1.5h + (Thu closed, Fri holiday) Mon 12-28 0.5h ->
/// 09:30 CET; update 8h -> 17:30 CET.
#[test]
fn an_added_holiday_closes_the_day() {
    check(
        "nextplane",
        "enterprise",
        Some("emea"),
        "2",
        "2026-12-23T15:30:00Z",
        &["+2026-12-24"],
        &[
            ("first_response", "deadline", Some("2026-12-28T08:30:00Z")),
            ("next_update", "deadline", Some("2026-12-28T16:30:00Z")),
        ],
    );
    // Business days: gold S2 from Mon 02-09 with Wed 02-11 closed -> Tue (1),
    // Thu (2), Fri 02-13 (3).
    check(
        "unnamed-eu",
        "gold",
        None,
        "2",
        "2026-02-09T10:00:00Z",
        &["+2026-02-11"],
        &[
            ("first_response", "deadline", Some("2026-02-10T10:00:00Z")),
            ("resolution", "deadline", Some("2026-02-13T16:00:00Z")),
        ],
    );
}

/// Opening Independence Day (observed Fri 07-03) for ThreePBX: P3
/// resolution 8h from Thu 07-02 15:00 EDT = Thu 4h + Fri 4h -> 13:00 EDT.
#[test]
fn a_removed_holiday_opens_the_day() {
    check(
        "threepbx",
        "standard",
        None,
        "3",
        "2026-07-02T19:00:00Z",
        &["-2026-07-03"],
        &[
            ("response", "deadline", Some("2026-07-02T23:00:00Z")),
            ("resolution", "deadline", Some("2026-07-03T17:00:00Z")),
            ("reason_for_outage", "none_stated", None),
        ],
    );
}

/// Adding a Saturday changes nothing (it is closed anyway); adding a date
/// after the deadline changes nothing either.
#[test]
fn edits_that_cannot_matter() {
    check(
        "unnamed-eu",
        "gold",
        None,
        "2",
        "2026-02-09T10:00:00Z",
        &["+2026-02-14", "+2026-03-02"],
        &[
            ("first_response", "deadline", Some("2026-02-10T10:00:00Z")),
            ("resolution", "deadline", Some("2026-02-12T16:00:00Z")),
        ],
    );
}

/// New Year's Day 2022 (a Saturday) is observed on Fri 2021-12-31, in the
/// previous year. NextPlane Business US opened Thu 2021-12-30 19:00 EST
/// (12-31 00:00Z): P1 1h -> 20:00 EST exactly at Thursday's close (01:00Z);
/// P2 2h: Thu 1h, Fri closed, Mon 2022-01-03 08:00 EST + 1h -> 14:00Z.
#[test]
fn an_observed_holiday_in_the_previous_year() {
    check(
        "nextplane",
        "business",
        Some("us"),
        "1",
        "2021-12-31T00:00:00Z",
        &[],
        &[
            ("first_response", "deadline", Some("2021-12-31T01:00:00Z")),
            // 2h from Thursday's close: Mon 08:00-10:00 EST.
            ("next_update", "deadline", Some("2022-01-03T15:00:00Z")),
        ],
    );
    check(
        "nextplane",
        "business",
        Some("us"),
        "2",
        "2021-12-31T00:00:00Z",
        &[],
        &[
            ("first_response", "deadline", Some("2022-01-03T14:00:00Z")),
            // 8h from Mon 09:00 EST -> 17:00 EST.
            ("next_update", "deadline", Some("2022-01-03T22:00:00Z")),
        ],
    );
}
