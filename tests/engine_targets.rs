//! Every vendor's target table, cell by cell, from its source document and
//! docs/policy-reading.md §3. Each expected instant is worked out by hand
//! in the comment above it (local wall time first, then UTC).
//!
//! Offsets used: New York EST -5 / EDT -4, Los Angeles PST -8 / PDT -7,
//! Chicago CST -6 / CDT -5, Berlin CET +1 / CEST +2. 2026 US daylight time
//! runs 03-08..11-01, EU summer time 03-29..10-25.

mod common;

use common::Row;
use sla::engine::deadline::Timing;
use sla::engine::load;

/// The one table helper: every target of the selection, in policy order,
/// with its outcome id and due instant (RFC 3339 UTC) or none.
fn check(
    vendor: &str,
    package: &str,
    region: Option<&str>,
    severity: &str,
    opened: &str,
    expected: &[Row<'_>],
) {
    let catalog = load::embedded();
    let selection = catalog
        .select(vendor, package, region, severity)
        .unwrap_or_else(|e| panic!("select {vendor}/{package}/{region:?}/{severity}: {e}"));
    common::assert_targets(
        &selection,
        opened,
        &Timing::default(),
        expected,
        &format!("{vendor}/{package}/region {region:?}/severity {severity}, opened {opened}"),
    );
}

// ---------------------------------------------------------------- nextplane

/// Startup: America/Los_Angeles Mon-Fri 09-17 (8 h a day), us-federal.
/// Opened Tue 2026-04-14 10:00 PDT (17:00Z).
#[test]
fn nextplane_startup_all_severities() {
    let opened = "2026-04-14T17:00:00Z";
    // P1 4h -> Tue 14:00 PDT. Update 12h from there: Tue 3h, Wed 8h (11),
    // Thu 1h -> Thu 04-16 10:00 PDT.
    check(
        "nextplane",
        "startup",
        None,
        "1",
        opened,
        &[
            ("first_response", "deadline", Some("2026-04-14T21:00:00Z")),
            ("next_update", "deadline", Some("2026-04-16T17:00:00Z")),
        ],
    );
    // P2 12h: Tue 7h, Wed 5h -> Wed 14:00 PDT. Update 24h: Wed 3, Thu 8 (11),
    // Fri 8 (19), Mon 04-20 5h -> 14:00 PDT.
    check(
        "nextplane",
        "startup",
        None,
        "2",
        opened,
        &[
            ("first_response", "deadline", Some("2026-04-15T21:00:00Z")),
            ("next_update", "deadline", Some("2026-04-20T21:00:00Z")),
        ],
    );
    // P3 24h: Tue 7, Wed 8 (15), Thu 8 (23), Fri 1 -> Fri 04-17 10:00 PDT.
    // Update 36h: Fri 7, Mon 8 (15), Tue 8 (23), Wed 8 (31), Thu 5 -> Thu 04-23 14:00 PDT.
    check(
        "nextplane",
        "startup",
        None,
        "3",
        opened,
        &[
            ("first_response", "deadline", Some("2026-04-17T17:00:00Z")),
            ("next_update", "deadline", Some("2026-04-23T21:00:00Z")),
        ],
    );
    // P4 24h as P3; updates "as needed".
    check(
        "nextplane",
        "startup",
        None,
        "4",
        opened,
        &[
            ("first_response", "deadline", Some("2026-04-17T17:00:00Z")),
            ("next_update", "as_needed", None),
        ],
    );
}

/// Business, US: America/New_York Mon-Fri 08-20 (12 h), us-federal.
/// Opened Wed 2026-06-17 18:30 EDT (22:30Z); Fri 06-19 is Juneteenth.
#[test]
fn nextplane_business_us_all_severities() {
    let opened = "2026-06-17T22:30:00Z";
    // P1 1h -> Wed 19:30 EDT. Update 2h: Wed 0.5h, Thu 1.5h -> Thu 09:30 EDT.
    check(
        "nextplane",
        "business",
        Some("us"),
        "1",
        opened,
        &[
            ("first_response", "deadline", Some("2026-06-17T23:30:00Z")),
            ("next_update", "deadline", Some("2026-06-18T13:30:00Z")),
        ],
    );
    // P2 2h: Wed 1.5h, Thu 0.5h -> Thu 08:30 EDT. Update 8h -> Thu 16:30 EDT.
    check(
        "nextplane",
        "business",
        Some("us"),
        "2",
        opened,
        &[
            ("first_response", "deadline", Some("2026-06-18T12:30:00Z")),
            ("next_update", "deadline", Some("2026-06-18T20:30:00Z")),
        ],
    );
    // P3 2h -> Thu 08:30 EDT. Update 48h: Thu 11.5, Fri holiday, Mon 12 (23.5),
    // Tue 12 (35.5), Wed 12 (47.5), Thu 06-25 0.5 -> 08:30 EDT.
    check(
        "nextplane",
        "business",
        Some("us"),
        "3",
        opened,
        &[
            ("first_response", "deadline", Some("2026-06-18T12:30:00Z")),
            ("next_update", "deadline", Some("2026-06-25T12:30:00Z")),
        ],
    );
    // P4 8h: Wed 1.5, Thu 6.5 -> Thu 14:30 EDT. Update 48h: Thu 5.5, Mon 12
    // (17.5), Tue (29.5), Wed (41.5), Thu 06-25 6.5 -> 14:30 EDT.
    check(
        "nextplane",
        "business",
        Some("us"),
        "4",
        opened,
        &[
            ("first_response", "deadline", Some("2026-06-18T18:30:00Z")),
            ("next_update", "deadline", Some("2026-06-25T18:30:00Z")),
        ],
    );
}

/// Business without a region is the US default.
#[test]
fn nextplane_business_default_region_is_us() {
    check(
        "nextplane",
        "business",
        None,
        "2",
        "2026-06-17T22:30:00Z",
        &[
            ("first_response", "deadline", Some("2026-06-18T12:30:00Z")),
            ("next_update", "deadline", Some("2026-06-18T20:30:00Z")),
        ],
    );
}

/// Business, EMEA: Europe/Berlin Mon-Fri 09-18 (9 h), emea-common.
/// Opened Thu 2026-04-02 15:00 CEST (13:00Z); Good Friday 04-03 and Easter
/// Monday 04-06 are closed.
#[test]
fn nextplane_business_emea_all_severities() {
    let opened = "2026-04-02T13:00:00Z";
    // P1 1h -> Thu 16:00 CEST. Update 2h -> Thu 18:00 CEST, exactly the
    // window's end: that end, not Tuesday's opening.
    check(
        "nextplane",
        "business",
        Some("emea"),
        "1",
        opened,
        &[
            ("first_response", "deadline", Some("2026-04-02T14:00:00Z")),
            ("next_update", "deadline", Some("2026-04-02T16:00:00Z")),
        ],
    );
    // P2 2h -> Thu 17:00 CEST. Update 8h: Thu 1h, (Fri, Mon holidays),
    // Tue 04-07 7h -> 16:00 CEST.
    check(
        "nextplane",
        "business",
        Some("emea"),
        "2",
        opened,
        &[
            ("first_response", "deadline", Some("2026-04-02T15:00:00Z")),
            ("next_update", "deadline", Some("2026-04-07T14:00:00Z")),
        ],
    );
    // P3 2h -> Thu 17:00. Update 48h: Thu 1, Tue 9 (10), Wed (19), Thu (28),
    // Fri 04-10 (37), Mon 04-13 (46), Tue 04-14 2h -> 11:00 CEST.
    check(
        "nextplane",
        "business",
        Some("emea"),
        "3",
        opened,
        &[
            ("first_response", "deadline", Some("2026-04-02T15:00:00Z")),
            ("next_update", "deadline", Some("2026-04-14T09:00:00Z")),
        ],
    );
    // P4 8h: Thu 3h, Tue 5h -> Tue 04-07 14:00 CEST. Update 48h: Tue 4, Wed
    // (13), Thu (22), Fri (31), Mon (40), Tue 04-14 8h -> 17:00 CEST.
    check(
        "nextplane",
        "business",
        Some("emea"),
        "4",
        opened,
        &[
            ("first_response", "deadline", Some("2026-04-07T12:00:00Z")),
            ("next_update", "deadline", Some("2026-04-14T15:00:00Z")),
        ],
    );
}

/// Enterprise, US. Opened Sat 2026-11-07 10:00 EST (15:00Z): counting starts
/// Mon 11-09 08:00 EST; Wed 11-11 is Veterans Day.
#[test]
fn nextplane_enterprise_us_all_severities() {
    let opened = "2026-11-07T15:00:00Z";
    // P1 1h -> Mon 09:00 EST. Update 2h -> Mon 11:00 EST.
    check(
        "nextplane",
        "enterprise",
        Some("us"),
        "1",
        opened,
        &[
            ("first_response", "deadline", Some("2026-11-09T14:00:00Z")),
            ("next_update", "deadline", Some("2026-11-09T16:00:00Z")),
        ],
    );
    // P2 2h -> Mon 10:00 EST. Update 8h -> Mon 18:00 EST.
    check(
        "nextplane",
        "enterprise",
        Some("us"),
        "2",
        opened,
        &[
            ("first_response", "deadline", Some("2026-11-09T15:00:00Z")),
            ("next_update", "deadline", Some("2026-11-09T23:00:00Z")),
        ],
    );
    // P3 2h -> Mon 10:00. Update 48h: Mon 10, Tue 12 (22), Wed holiday,
    // Thu (34), Fri (46), Mon 11-16 2h -> 10:00 EST.
    check(
        "nextplane",
        "enterprise",
        Some("us"),
        "3",
        opened,
        &[
            ("first_response", "deadline", Some("2026-11-09T15:00:00Z")),
            ("next_update", "deadline", Some("2026-11-16T15:00:00Z")),
        ],
    );
    // P4 8h -> Mon 16:00 EST. Update 48h: Mon 4, Tue (16), Thu (28), Fri (40),
    // Mon 11-16 8h -> 16:00 EST.
    check(
        "nextplane",
        "enterprise",
        Some("us"),
        "4",
        opened,
        &[
            ("first_response", "deadline", Some("2026-11-09T21:00:00Z")),
            ("next_update", "deadline", Some("2026-11-16T21:00:00Z")),
        ],
    );
}

/// Enterprise, EMEA. Opened Wed 2026-12-23 16:30 CET (15:30Z). Christmas Eve
/// is open; 12-25 (Fri), 12-26 (Sat) and 2027-01-01 (Fri) are closed.
#[test]
fn nextplane_enterprise_emea_all_severities() {
    let opened = "2026-12-23T15:30:00Z";
    // P1 1h -> Wed 17:30 CET. Update 2h: Wed 0.5, Thu 1.5 -> Thu 10:30 CET.
    check(
        "nextplane",
        "enterprise",
        Some("emea"),
        "1",
        opened,
        &[
            ("first_response", "deadline", Some("2026-12-23T16:30:00Z")),
            ("next_update", "deadline", Some("2026-12-24T09:30:00Z")),
        ],
    );
    // P2 2h: Wed 1.5, Thu 0.5 -> Thu 09:30 CET. Update 8h -> Thu 17:30 CET.
    check(
        "nextplane",
        "enterprise",
        Some("emea"),
        "2",
        opened,
        &[
            ("first_response", "deadline", Some("2026-12-24T08:30:00Z")),
            ("next_update", "deadline", Some("2026-12-24T16:30:00Z")),
        ],
    );
    // P3 2h -> Thu 09:30. Update 48h: Thu 8.5, Mon 12-28 (17.5), Tue (26.5),
    // Wed (35.5), Thu 12-31 (44.5), Fri holiday, Mon 2027-01-04 3.5 -> 12:30 CET.
    check(
        "nextplane",
        "enterprise",
        Some("emea"),
        "3",
        opened,
        &[
            ("first_response", "deadline", Some("2026-12-24T08:30:00Z")),
            ("next_update", "deadline", Some("2027-01-04T11:30:00Z")),
        ],
    );
    // P4 8h: Wed 1.5, Thu 6.5 -> Thu 15:30 CET. Update 48h: Thu 2.5, Mon
    // (11.5), Tue (20.5), Wed (29.5), Thu (38.5), Mon 01-04 (47.5), Tue 01-05
    // 0.5 -> 09:30 CET.
    check(
        "nextplane",
        "enterprise",
        Some("emea"),
        "4",
        opened,
        &[
            ("first_response", "deadline", Some("2026-12-24T14:30:00Z")),
            ("next_update", "deadline", Some("2027-01-05T08:30:00Z")),
        ],
    );
}

/// Custom: "24 x 7", but "Time Zone Coverage above, excludes any USA or
/// EMEA holidays": closed on both calendars' dates, whole days in UTC
/// (policies/README.md). Opened Wed 2026-11-25 23:30Z, P1 (1 hour): 30 min
/// on Wednesday, Thanksgiving (US) closed, 30 min on Friday -> 11-27
/// 00:30Z; the update 2 hours later. Opened Thu 2026-12-24 23:00Z, P2 (2
/// hours): 1 h, then Christmas (25th) and St Stephen's Day (26th, EMEA)
/// closed -> Sun 12-27 01:00Z.
#[test]
fn nextplane_custom_closes_on_us_and_emea_holidays() {
    check(
        "nextplane",
        "custom",
        None,
        "1",
        "2026-11-25T23:30:00Z",
        &[
            ("first_response", "deadline", Some("2026-11-27T00:30:00Z")),
            ("next_update", "deadline", Some("2026-11-27T02:30:00Z")),
        ],
    );
    check(
        "nextplane",
        "custom",
        None,
        "2",
        "2026-12-24T23:00:00Z",
        &[
            ("first_response", "deadline", Some("2026-12-27T01:00:00Z")),
            ("next_update", "deadline", Some("2026-12-27T09:00:00Z")),
        ],
    );
}

/// Custom: 24 x 7, so coverage hours are elapsed hours. Opened Sat
/// 2026-03-07 23:30Z (the US spring-forward night does not matter).
#[test]
fn nextplane_custom_all_severities() {
    let opened = "2026-03-07T23:30:00Z";
    check(
        "nextplane",
        "custom",
        None,
        "1",
        opened,
        &[
            ("first_response", "deadline", Some("2026-03-08T00:30:00Z")),
            ("next_update", "deadline", Some("2026-03-08T02:30:00Z")),
        ],
    );
    check(
        "nextplane",
        "custom",
        None,
        "2",
        opened,
        &[
            ("first_response", "deadline", Some("2026-03-08T01:30:00Z")),
            ("next_update", "deadline", Some("2026-03-08T09:30:00Z")),
        ],
    );
    check(
        "nextplane",
        "custom",
        None,
        "3",
        opened,
        &[
            ("first_response", "deadline", Some("2026-03-08T01:30:00Z")),
            ("next_update", "deadline", Some("2026-03-10T01:30:00Z")),
        ],
    );
    check(
        "nextplane",
        "custom",
        None,
        "4",
        opened,
        &[
            ("first_response", "deadline", Some("2026-03-08T07:30:00Z")),
            ("next_update", "deadline", Some("2026-03-10T07:30:00Z")),
        ],
    );
}

// ------------------------------------------------------------------ numonix

/// One package, 24 x 7, clock hours; "3 days" = 72 clock hours.
/// Opened Sat 2026-10-24 23:15Z (the EU fall-back night follows: elapsed
/// time does not care).
#[test]
fn numonix_saas_all_severities() {
    let opened = "2026-10-24T23:15:00Z";
    check(
        "numonix",
        "saas",
        None,
        "1",
        opened,
        &[
            ("response", "deadline", Some("2026-10-25T00:15:00Z")),
            ("resolution", "continuous", None),
            ("status_reports", "periodic", None),
        ],
    );
    check(
        "numonix",
        "saas",
        None,
        "2",
        opened,
        &[
            ("response", "deadline", Some("2026-10-25T01:15:00Z")),
            ("resolution", "none_stated", None),
            ("status_reports", "periodic", None),
        ],
    );
    check(
        "numonix",
        "saas",
        None,
        "3",
        opened,
        &[
            ("response", "deadline", Some("2026-10-27T23:15:00Z")),
            ("resolution", "next_release", None),
            ("status_reports", "none_stated", None),
        ],
    );
    check(
        "numonix",
        "saas",
        None,
        "4",
        opened,
        &[
            ("response", "none_stated", None),
            ("resolution", "none_stated", None),
            ("status_reports", "none_stated", None),
        ],
    );
}

// --------------------------------------------------------------- ipcelerate

/// Maintenance. Responses in clock hours, action plan / patch in business
/// days of America/Chicago Mon-Fri 08-18 (us-federal). Opened Thu 2026-05-21
/// 17:00 CDT (22:00Z). Business days after Thu: Fri 05-22 (1), Mon 05-25
/// Memorial Day, Tue 26 (2), Wed 27 (3), Thu 28 (4), Fri 29 (5), Jun 1..5
/// (6..10), Jun 8..12 (11..15), Jun 15..18 (16..19), Fri 06-19 Juneteenth,
/// Mon 06-22 (20). Each closes 18:00 CDT = 23:00Z.
#[test]
fn ipcelerate_maintenance_all_severities() {
    let opened = "2026-05-21T22:00:00Z";
    check(
        "ipcelerate",
        "maintenance",
        None,
        "1",
        opened,
        &[
            ("level1_response", "deadline", Some("2026-05-22T00:00:00Z")),
            ("level2_response", "deadline", Some("2026-05-22T00:00:00Z")),
            ("action_plan", "deadline", Some("2026-05-27T23:00:00Z")),
            (
                "patch_or_workaround",
                "earliest",
                Some("2026-06-05T23:00:00Z"),
            ),
        ],
    );
    check(
        "ipcelerate",
        "maintenance",
        None,
        "2",
        opened,
        &[
            ("level1_response", "deadline", Some("2026-05-22T04:00:00Z")),
            ("level2_response", "deadline", Some("2026-05-22T04:00:00Z")),
            ("action_plan", "deadline", Some("2026-05-29T23:00:00Z")),
            (
                "patch_or_workaround",
                "earliest",
                Some("2026-06-22T23:00:00Z"),
            ),
        ],
    );
    check(
        "ipcelerate",
        "maintenance",
        None,
        "3",
        opened,
        &[
            ("level1_response", "deadline", Some("2026-05-22T22:00:00Z")),
            ("level2_response", "deadline", Some("2026-05-22T22:00:00Z")),
            ("action_plan", "deadline", Some("2026-06-22T23:00:00Z")),
            ("patch_or_workaround", "next_release", None),
        ],
    );
    check(
        "ipcelerate",
        "maintenance",
        None,
        "4",
        opened,
        &[
            ("level1_response", "deadline", Some("2026-05-22T22:00:00Z")),
            ("level2_response", "deadline", Some("2026-05-22T22:00:00Z")),
            ("action_plan", "deadline", Some("2026-06-22T23:00:00Z")),
            ("patch_or_workaround", "next_release", None),
        ],
    );
}

/// Impact: the same targets. Opened Sat 2026-06-27 07:00 CDT (12:00Z).
/// Business days after Sat: Mon 06-29 (1), Tue (2), Wed 07-01 (3), Thu (4),
/// Fri 07-03 Independence Day observed, Mon 07-06 (5), 07..10 (6..9),
/// Mon 07-13 (10), 14..17 (11..14), Mon 07-20 (15), 21..24 (16..19),
/// Mon 07-27 (20).
#[test]
fn ipcelerate_impact_all_severities() {
    let opened = "2026-06-27T12:00:00Z";
    check(
        "ipcelerate",
        "impact",
        None,
        "1",
        opened,
        &[
            ("level1_response", "deadline", Some("2026-06-27T14:00:00Z")),
            ("level2_response", "deadline", Some("2026-06-27T14:00:00Z")),
            ("action_plan", "deadline", Some("2026-07-01T23:00:00Z")),
            (
                "patch_or_workaround",
                "earliest",
                Some("2026-07-13T23:00:00Z"),
            ),
        ],
    );
    check(
        "ipcelerate",
        "impact",
        None,
        "2",
        opened,
        &[
            ("level1_response", "deadline", Some("2026-06-27T18:00:00Z")),
            ("level2_response", "deadline", Some("2026-06-27T18:00:00Z")),
            ("action_plan", "deadline", Some("2026-07-06T23:00:00Z")),
            (
                "patch_or_workaround",
                "earliest",
                Some("2026-07-27T23:00:00Z"),
            ),
        ],
    );
    check(
        "ipcelerate",
        "impact",
        None,
        "3",
        opened,
        &[
            ("level1_response", "deadline", Some("2026-06-28T12:00:00Z")),
            ("level2_response", "deadline", Some("2026-06-28T12:00:00Z")),
            ("action_plan", "deadline", Some("2026-07-27T23:00:00Z")),
            ("patch_or_workaround", "next_release", None),
        ],
    );
    check(
        "ipcelerate",
        "impact",
        None,
        "4",
        opened,
        &[
            ("level1_response", "deadline", Some("2026-06-28T12:00:00Z")),
            ("level2_response", "deadline", Some("2026-06-28T12:00:00Z")),
            ("action_plan", "deadline", Some("2026-07-27T23:00:00Z")),
            ("patch_or_workaround", "next_release", None),
        ],
    );
}

/// Time and materials: no committed targets at all.
#[test]
fn ipcelerate_time_and_materials_offers_no_targets() {
    for severity in ["1", "2", "3", "4"] {
        check(
            "ipcelerate",
            "time-and-materials",
            None,
            severity,
            "2026-05-21T22:00:00Z",
            &[
                ("level1_response", "not_offered", None),
                ("level2_response", "not_offered", None),
                ("action_plan", "not_offered", None),
                ("patch_or_workaround", "not_offered", None),
            ],
        );
    }
}

// --------------------------------------------------------------- unnamed-eu

/// Enterprise. Europe/Berlin Mon-Fri 09-17 (8 h), emea-common. Opened Mon
/// 2026-04-27 11:00 CEST (09:00Z); Fri 05-01 is closed.
#[test]
fn unnamed_eu_enterprise_all_severities() {
    let opened = "2026-04-27T09:00:00Z";
    // S1 8h: Mon 6, Tue 2 -> Tue 11:00 CEST. Resolution 32h: Mon 6, Tue (14),
    // Wed (22), Thu (30), Fri holiday, Mon 05-04 2h -> 11:00 CEST.
    check(
        "unnamed-eu",
        "enterprise",
        None,
        "1",
        opened,
        &[
            ("first_response", "deadline", Some("2026-04-28T09:00:00Z")),
            ("resolution", "deadline", Some("2026-05-04T09:00:00Z")),
        ],
    );
    // S2 16h: Mon 6, Tue (14), Wed 2 -> Wed 11:00 CEST. Resolution 7 business
    // days after Mon: Tue (1), Wed (2), Thu (3), Mon 05-04 (4), Tue (5), Wed
    // (6), Thu 05-07 (7) -> 17:00 CEST.
    check(
        "unnamed-eu",
        "enterprise",
        None,
        "2",
        opened,
        &[
            ("first_response", "deadline", Some("2026-04-29T09:00:00Z")),
            ("resolution", "deadline", Some("2026-05-07T15:00:00Z")),
        ],
    );
    // S3 24h -> Thu 04-30 11:00 CEST. 14 business days: Fri 05-08 (8), Mon
    // 05-11..Fri 05-15 (9..13), Mon 05-18 (14) -> 17:00 CEST.
    check(
        "unnamed-eu",
        "enterprise",
        None,
        "3",
        opened,
        &[
            ("first_response", "deadline", Some("2026-04-30T09:00:00Z")),
            ("resolution", "deadline", Some("2026-05-18T15:00:00Z")),
        ],
    );
    check(
        "unnamed-eu",
        "enterprise",
        None,
        "4",
        opened,
        &[
            ("first_response", "deadline", Some("2026-04-30T09:00:00Z")),
            ("resolution", "best_effort", None),
        ],
    );
}

/// Gold. Opened Fri 2026-12-18 16:00 CET (15:00Z); 12-25 (Fri) closed,
/// 12-26 is a Saturday anyway.
#[test]
fn unnamed_eu_gold_all_severities() {
    let opened = "2026-12-18T15:00:00Z";
    // S1 8h: Fri 1, Mon 12-21 7 -> 16:00 CET. Resolution 16h: Fri 1, Mon 8
    // (9), Tue 7 -> Tue 12-22 16:00 CET.
    check(
        "unnamed-eu",
        "gold",
        None,
        "1",
        opened,
        &[
            ("first_response", "deadline", Some("2026-12-21T15:00:00Z")),
            ("resolution", "deadline", Some("2026-12-22T15:00:00Z")),
        ],
    );
    // S2 8h -> Mon 16:00 CET. 3 business days after Fri: Mon, Tue, Wed 12-23
    // -> 17:00 CET.
    check(
        "unnamed-eu",
        "gold",
        None,
        "2",
        opened,
        &[
            ("first_response", "deadline", Some("2026-12-21T15:00:00Z")),
            ("resolution", "deadline", Some("2026-12-23T16:00:00Z")),
        ],
    );
    // S3 8h -> Mon 16:00. 7 business days: Mon (1), Tue (2), Wed (3), Thu
    // 12-24 (4), Fri holiday, Mon 12-28 (5), Tue (6), Wed 12-30 (7).
    check(
        "unnamed-eu",
        "gold",
        None,
        "3",
        opened,
        &[
            ("first_response", "deadline", Some("2026-12-21T15:00:00Z")),
            ("resolution", "deadline", Some("2026-12-30T16:00:00Z")),
        ],
    );
    // S4 24h: Fri 1, Mon (9), Tue (17), Wed 7 -> Wed 12-23 16:00 CET.
    check(
        "unnamed-eu",
        "gold",
        None,
        "4",
        opened,
        &[
            ("first_response", "deadline", Some("2026-12-23T15:00:00Z")),
            ("resolution", "best_effort", None),
        ],
    );
}

/// Professional: only severity 4 has a (24 business hour) first response.
/// Opened Tue 2026-02-10 08:00 CET (07:00Z), before opening: counting starts
/// 09:00; Tue 8, Wed 8 (16), Thu 8 (24) -> Thu 02-12 17:00 CET exactly.
#[test]
fn unnamed_eu_professional_all_severities() {
    let opened = "2026-02-10T07:00:00Z";
    for severity in ["1", "2", "3"] {
        check(
            "unnamed-eu",
            "professional",
            None,
            severity,
            opened,
            &[
                ("first_response", "not_offered", None),
                ("resolution", "not_offered", None),
            ],
        );
    }
    check(
        "unnamed-eu",
        "professional",
        None,
        "4",
        opened,
        &[
            ("first_response", "deadline", Some("2026-02-12T16:00:00Z")),
            ("resolution", "best_effort", None),
        ],
    );
}

// ----------------------------------------------------------------- threepbx

/// Responses and reason for outage in clock hours; resolution in business
/// hours of America/New_York Mon-Fri 09-19 (10 h), us-federal. Opened Thu
/// 2026-07-02 15:00 EDT (19:00Z); Fri 07-03 is Independence Day observed.
#[test]
fn threepbx_standard_all_severities() {
    let opened = "2026-07-02T19:00:00Z";
    check(
        "threepbx",
        "standard",
        None,
        "1",
        opened,
        &[
            ("response", "deadline", Some("2026-07-02T20:00:00Z")),
            ("resolution", "asap", None),
            (
                "reason_for_outage",
                "deadline",
                Some("2026-07-03T19:00:00Z"),
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
            ("response", "deadline", Some("2026-07-02T21:00:00Z")),
            ("resolution", "asap", None),
            (
                "reason_for_outage",
                "deadline",
                Some("2026-07-06T19:00:00Z"),
            ),
        ],
    );
    // Resolution 8h: Thu 4 (15-19), Fri holiday, Mon 07-06 4 -> 13:00 EDT.
    check(
        "threepbx",
        "standard",
        None,
        "3",
        opened,
        &[
            ("response", "deadline", Some("2026-07-02T23:00:00Z")),
            ("resolution", "deadline", Some("2026-07-06T17:00:00Z")),
            ("reason_for_outage", "none_stated", None),
        ],
    );
    // Resolution 48h: Thu 4, Mon (14), Tue (24), Wed (34), Thu (44), Fri
    // 07-10 4 -> 13:00 EDT.
    check(
        "threepbx",
        "standard",
        None,
        "4",
        opened,
        &[
            ("response", "deadline", Some("2026-07-03T03:00:00Z")),
            ("resolution", "deadline", Some("2026-07-10T17:00:00Z")),
            ("reason_for_outage", "none_stated", None),
        ],
    );
}

// ------------------------------------------------------------ the selection

#[test]
fn selection_rejects_unknown_ids_and_misplaced_regions() {
    let catalog = load::embedded();
    let message = |r: Result<_, sla::engine::Error>| match r {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    };
    let e = message(catalog.select("acme", "startup", None, "1"));
    assert!(e.contains("vendor") && e.contains("acme"), "{e}");
    let e = message(catalog.select("nextplane", "platinum", None, "1"));
    assert!(e.contains("package") && e.contains("platinum"), "{e}");
    let e = message(catalog.select("nextplane", "business", Some("apac"), "1"));
    assert!(e.contains("region") && e.contains("apac"), "{e}");
    let e = message(catalog.select("nextplane", "startup", Some("us"), "1"));
    assert!(e.starts_with("region"), "{e}");
    let e = message(catalog.select("numonix", "saas", None, "5"));
    assert!(e.contains("severity") && e.contains('5'), "{e}");
    let e = message(catalog.select("threepbx", "standard", None, "P1"));
    assert!(e.contains("severity"), "{e}");
}

#[test]
fn every_vendor_has_severities_one_to_four() {
    let catalog = load::embedded();
    let ids: Vec<&str> = catalog.policies().iter().map(|p| p.id()).collect();
    assert_eq!(
        ids,
        [
            "nextplane",
            "numonix",
            "ipcelerate",
            "unnamed-eu",
            "threepbx"
        ]
    );
    for policy in catalog.policies() {
        let severities: Vec<&str> = policy.severities().iter().map(|s| s.id()).collect();
        assert_eq!(severities, ["1", "2", "3", "4"], "{}", policy.id());
    }
    let packages = |v: &str| -> Vec<String> {
        catalog
            .policy(v)
            .unwrap()
            .packages()
            .iter()
            .map(|p| p.id().to_string())
            .collect()
    };
    assert_eq!(
        packages("nextplane"),
        ["startup", "business", "enterprise", "custom"]
    );
    assert_eq!(packages("numonix"), ["saas"]);
    assert_eq!(
        packages("ipcelerate"),
        ["maintenance", "impact", "time-and-materials"]
    );
    assert_eq!(
        packages("unnamed-eu"),
        ["professional", "enterprise", "gold"]
    );
    assert_eq!(packages("threepbx"), ["standard"]);
}
