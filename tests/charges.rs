//! Charge estimates, in integer minor units (cents), from each vendor's
//! rules (docs/policy-reading.md §3 and §4):
//! - NextPlane startup federated partner support: US$250/h, rounded up to
//!   full hours, only Mon-Fri 09-17 America/Los_Angeles (us-federal).
//! - IPcelerate time and materials: remote US$650/h prorated by the minute,
//!   remote US$5,000/day, on-site US$8,000/day; work-around fee and software
//!   assessment fee exist but are not stated.
//! - ThreePBX US$125/h: new install after hours (outside Mon-Fri 09-19
//!   Eastern, us-federal) or with priority handling; P1 after hours when
//!   severity 1, outside business hours and not ThreePBX's fault: 1 h
//!   minimum then per minute. Professional services in half-hour increments.

use chrono::{DateTime, Utc};
use sla::engine::charge::{estimate, offered, Billing, Work};
use sla::engine::holidays::HolidayEdits;
use sla::engine::load;
use sla::engine::policy::Currency;
use sla::request;

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap_or_else(|e| panic!("bad time {text:?} in the test: {e}"))
        .with_timezone(&Utc)
}

/// What an estimate comes to: its kind and its total in minor units.
#[derive(Debug, PartialEq, Eq)]
enum Expect {
    Billable(i64),
    NotBillable,
    Unavailable,
    NotStated,
}

/// The one table helper, for work starting at the opening, with the
/// policy's own holidays.
#[allow(clippy::too_many_arguments)]
fn check(
    vendor: &str,
    package: &str,
    severity: &str,
    service: &str,
    opened: &str,
    minutes: u32,
    days: u32,
    flags: &[&str],
    expected: Expect,
) {
    check_when(
        vendor,
        package,
        severity,
        service,
        (opened, None, &[]),
        minutes,
        days,
        flags,
        expected,
    );
}

/// The table helper with the ticket's moments and calendar: `(opened,
/// work starts, holiday edits "+DATE"/"-DATE")`.
#[allow(clippy::too_many_arguments)]
fn check_when(
    vendor: &str,
    package: &str,
    severity: &str,
    service: &str,
    (opened, work_at, holidays): (&str, Option<&str>, &[&str]),
    minutes: u32,
    days: u32,
    flags: &[&str],
    expected: Expect,
) {
    let catalog = load::embedded();
    let selection = catalog
        .select(vendor, package, None, severity)
        .unwrap_or_else(|e| panic!("select: {e}"));
    let rule = offered(&selection)
        .map(|(_, r)| r)
        .find(|r| r.id() == service)
        .unwrap_or_else(|| panic!("{service} is not offered on {vendor}/{package}"));
    let work = Work {
        minutes,
        days,
        flags: flags.iter().map(|f| f.to_string()).collect(),
        starts: work_at.map(at),
    };
    let timing = request::timing(at(opened), std::iter::empty(), holidays.iter().copied()).unwrap();
    let e = estimate(&selection, rule, at(opened), &work, &timing.holidays);
    let lines: i64 = e.lines.iter().map(|l| l.amount.minor).sum();
    let actual = match &e.billing {
        Billing::Billable { .. } => {
            let total = e.total.expect("a billable estimate has a total");
            assert_eq!(total.minor, lines, "total is the sum of the lines");
            assert_eq!(total.currency, Currency::Usd);
            Expect::Billable(total.minor)
        }
        Billing::NotBillable { .. } => {
            assert_eq!(
                e.total.map(|t| t.minor),
                Some(0),
                "not billable costs nothing"
            );
            Expect::NotBillable
        }
        Billing::Unavailable { .. } => {
            assert_eq!(
                e.total.map(|t| t.minor),
                Some(0),
                "unavailable costs nothing"
            );
            Expect::Unavailable
        }
        Billing::AmountNotStated => {
            assert!(e.total.is_none(), "an unstated fee has no total");
            Expect::NotStated
        }
    };
    assert_eq!(
        actual, expected,
        "{vendor}/{package}/sev {severity} {service} opened {opened}, work {work_at:?}, holidays {holidays:?}, {minutes} min, {days} d, flags {flags:?}: {:?}",
        e.billing
    );
}

use Expect::*;

// ---------------------------------------------------------------- nextplane

/// Tue 2026-04-14 10:00 PDT (17:00Z): inside the hours. Billed hours are
/// rounded up to a full hour, US$250 each.
#[test]
fn nextplane_federated_partner_rounds_up_to_full_hours() {
    let tue_10_pdt = "2026-04-14T17:00:00Z";
    for (minutes, cents) in [
        (1, 25_000),
        (59, 25_000),
        (60, 25_000),
        (61, 50_000),
        (90, 50_000),
        (120, 50_000),
        (180, 75_000),
        (181, 100_000),
        (0, 0),
    ] {
        check(
            "nextplane",
            "startup",
            "1",
            "federated_partner",
            tue_10_pdt,
            minutes,
            0,
            &[],
            Billable(cents),
        );
    }
}

/// Only Mon-Fri 09:00-17:00 Pacific. The policy names no holidays for it
/// (policies/README.md), so US holidays do not close it.
#[test]
fn nextplane_federated_partner_only_in_pacific_business_hours() {
    let cases = [
        ("2026-04-14T16:00:00Z", Billable(25_000)), // Tue 09:00 PDT, opening
        ("2026-04-14T15:59:00Z", Unavailable),      // Tue 08:59 PDT
        ("2026-04-14T23:59:00Z", Billable(25_000)), // Tue 16:59 PDT
        ("2026-04-15T00:00:00Z", Unavailable),      // Tue 17:00 PDT, closing
        ("2026-04-18T18:00:00Z", Unavailable),      // Saturday
        ("2026-11-26T18:00:00Z", Billable(25_000)), // Thanksgiving 10:00 PST
        ("2026-07-03T17:00:00Z", Billable(25_000)), // Independence Day observed
        ("2026-01-13T17:00:00Z", Billable(25_000)), // Tue 09:00 PST (winter)
        ("2026-01-13T16:30:00Z", Unavailable),      // Tue 08:30 PST; 09:30 if PDT
        ("2026-01-14T00:30:00Z", Billable(25_000)), // Tue 16:30 PST
    ];
    for (opened, expected) in cases {
        check(
            "nextplane",
            "startup",
            "2",
            "federated_partner",
            opened,
            45,
            0,
            &[],
            expected,
        );
    }
}

/// Included (not charged) on the other packages: not offered there.
#[test]
fn nextplane_federated_partner_is_offered_on_startup_only() {
    let catalog = load::embedded();
    for (package, region, ids) in [
        ("startup", None, vec!["federated_partner"]),
        ("business", Some("us"), vec![]),
        ("business", Some("emea"), vec![]),
        ("enterprise", None, vec![]),
        ("custom", None, vec![]),
    ] {
        let s = catalog.select("nextplane", package, region, "1").unwrap();
        let got: Vec<&str> = offered(&s).map(|(_, r)| r.id()).collect();
        assert_eq!(got, ids, "{package}");
    }
}

/// When unavailable, the estimate says when the hours open next: Wed 25 Nov
/// 18:00 PST -> Thanksgiving 09:00 PST (17:00Z, no holidays for partner
/// support); Tue 17:00 PDT -> Wed 09:00 PDT.
#[test]
fn nextplane_unavailable_names_the_next_opening() {
    let catalog = load::embedded();
    let s = catalog.select("nextplane", "startup", None, "1").unwrap();
    let (_, rule) = offered(&s).next().unwrap();
    for (opened, opens) in [
        ("2026-11-26T02:00:00Z", "2026-11-26T17:00:00Z"),
        ("2026-04-15T00:00:00Z", "2026-04-15T16:00:00Z"),
        ("2026-04-18T18:00:00Z", "2026-04-20T16:00:00Z"),
    ] {
        let e = estimate(
            &s,
            rule,
            at(opened),
            &Work {
                minutes: 60,
                ..Work::default()
            },
            HolidayEdits::none(),
        );
        match e.billing {
            Billing::Unavailable { opens: Some(t), .. } => assert_eq!(t, at(opens), "{opened}"),
            other => panic!("{opened}: {other:?}"),
        }
        assert!(e.lines.is_empty());
    }
}

// --------------------------------------------------------------- ipcelerate

/// US$650 per hour, prorated by the minute (US$10.83 1/3 a minute); amounts
/// are whole cents, rounded to the nearest cent. Any hour of the week.
#[test]
fn ipcelerate_remote_hourly_prorated_by_the_minute() {
    let sunday = "2026-05-24T15:00:00Z";
    let tuesday = "2026-05-26T15:00:00Z";
    for (minutes, cents) in [
        (60, 65_000),
        (90, 97_500),
        (12, 13_000),
        (6, 6_500),
        (150, 162_500),
        (1, 1_083),   // 1083.33
        (2, 2_167),   // 2166.67
        (59, 63_917), // 63916.67
        (0, 0),
    ] {
        check(
            "ipcelerate",
            "time-and-materials",
            "3",
            "remote_hourly",
            tuesday,
            minutes,
            0,
            &[],
            Billable(cents),
        );
    }
    check(
        "ipcelerate",
        "time-and-materials",
        "1",
        "remote_hourly",
        sunday,
        90,
        0,
        &[],
        Billable(97_500),
    );
}

#[test]
fn ipcelerate_daily_rates() {
    let opened = "2026-05-26T15:00:00Z";
    for (days, cents) in [(1, 500_000), (2, 1_000_000), (5, 2_500_000), (0, 0)] {
        check(
            "ipcelerate",
            "time-and-materials",
            "2",
            "remote_daily",
            opened,
            0,
            days,
            &[],
            Billable(cents),
        );
    }
    for (days, cents) in [(1, 800_000), (3, 2_400_000)] {
        check(
            "ipcelerate",
            "time-and-materials",
            "2",
            "onsite_daily",
            opened,
            0,
            days,
            &[],
            Billable(cents),
        );
    }
    // Hours do not count toward a daily rate.
    check(
        "ipcelerate",
        "time-and-materials",
        "2",
        "onsite_daily",
        opened,
        600,
        0,
        &[],
        Billable(0),
    );
}

/// The work-around fee and the software assessment fee exist, amount unstated.
#[test]
fn ipcelerate_unstated_fees() {
    let opened = "2026-05-26T15:00:00Z";
    check(
        "ipcelerate",
        "time-and-materials",
        "1",
        "workaround_fee",
        opened,
        60,
        1,
        &[],
        NotStated,
    );
    check(
        "ipcelerate",
        "time-and-materials",
        "1",
        "software_assessment",
        opened,
        60,
        1,
        &["maintenance_lapsed"],
        NotStated,
    );
    check(
        "ipcelerate",
        "maintenance",
        "1",
        "software_assessment",
        opened,
        0,
        0,
        &["maintenance_lapsed"],
        NotStated,
    );
}

/// "Should your IPcelerate maintenance lapse ... You will be subject to a
/// software assessment fee"; "If you never had maintenance ... You must pay
/// a software assessment fee": only then, so without the flag nothing is
/// owed. Major releases ("fee based") and the Impact enrollment ("a onetime
/// fee") are fees whose amount the policy does not state; Impact members
/// have "No major release fees".
#[test]
fn ipcelerate_assessment_needs_lapsed_maintenance_and_release_fees_are_unstated() {
    let opened = "2026-05-26T15:00:00Z";
    for package in ["maintenance", "impact", "time-and-materials"] {
        check(
            "ipcelerate",
            package,
            "3",
            "software_assessment",
            opened,
            0,
            0,
            &[],
            NotBillable,
        );
    }
    for package in ["maintenance", "time-and-materials"] {
        check(
            "ipcelerate",
            package,
            "3",
            "major_release",
            opened,
            0,
            0,
            &[],
            NotStated,
        );
    }
    check(
        "ipcelerate",
        "impact",
        "3",
        "impact_enrollment",
        opened,
        0,
        0,
        &[],
        NotStated,
    );
}

#[test]
fn ipcelerate_time_and_materials_charges_only_without_maintenance() {
    let catalog = load::embedded();
    let ids = |package: &str| -> Vec<&str> {
        let s = catalog.select("ipcelerate", package, None, "1").unwrap();
        offered(&s).map(|(_, r)| r.id()).collect()
    };
    assert_eq!(
        ids("time-and-materials"),
        [
            "remote_hourly",
            "remote_daily",
            "onsite_daily",
            "workaround_fee",
            "software_assessment",
            "major_release"
        ]
    );
    assert_eq!(ids("maintenance"), ["software_assessment", "major_release"]);
    assert_eq!(ids("impact"), ["software_assessment", "impact_enrollment"]);
}

// ----------------------------------------------------------------- threepbx

/// New install after hours: US$125/h, one-hour minimum, then by the minute.
/// Tue 2026-02-10 20:00 EST = 02-11 01:00Z.
#[test]
fn threepbx_new_install_after_hours_minimum_then_per_minute() {
    let tue_20_est = "2026-02-11T01:00:00Z";
    for (minutes, cents) in [
        (1, 12_500),
        (30, 12_500),
        (60, 12_500),
        (61, 12_708), // 12708.33
        (66, 13_750),
        (90, 18_750),
        (150, 31_250),
    ] {
        check(
            "threepbx",
            "standard",
            "4",
            "new_install",
            tue_20_est,
            minutes,
            0,
            &[],
            Billable(cents),
        );
    }
}

/// Inside business hours it is free unless priority handling was requested.
#[test]
fn threepbx_new_install_in_business_hours() {
    let tue_10_est = "2026-02-10T15:00:00Z";
    check(
        "threepbx",
        "standard",
        "4",
        "new_install",
        tue_10_est,
        45,
        0,
        &[],
        NotBillable,
    );
    check(
        "threepbx",
        "standard",
        "4",
        "new_install",
        tue_10_est,
        45,
        0,
        &["priority_handling"],
        Billable(12_500),
    );
    check(
        "threepbx",
        "standard",
        "4",
        "new_install",
        tue_10_est,
        90,
        0,
        &["priority_handling"],
        Billable(18_750),
    );
    // A flag of another rule does not count.
    check(
        "threepbx",
        "standard",
        "4",
        "new_install",
        tue_10_est,
        45,
        0,
        &["not_vendor_fault"],
        NotBillable,
    );
}

/// The boundaries of the assumed business hours, Mon-Fri 09:00-19:00 Eastern.
#[test]
fn threepbx_new_install_business_hour_boundaries() {
    let cases = [
        ("2026-02-10T14:00:00Z", NotBillable),      // Tue 09:00 EST
        ("2026-02-10T13:59:00Z", Billable(12_500)), // Tue 08:59 EST
        ("2026-02-10T23:59:00Z", NotBillable),      // Tue 18:59 EST
        ("2026-02-11T00:00:00Z", Billable(12_500)), // Tue 19:00 EST
        ("2026-02-14T15:00:00Z", Billable(12_500)), // Saturday 10:00 EST
        ("2026-02-16T15:00:00Z", Billable(12_500)), // Washington's Birthday
        ("2026-07-03T14:00:00Z", Billable(12_500)), // Independence Day observed
        ("2026-07-14T23:30:00Z", Billable(12_500)), // Tue 19:30 EDT
        ("2026-07-14T22:30:00Z", NotBillable),      // Tue 18:30 EDT
    ];
    for (opened, expected) in cases {
        check(
            "threepbx",
            "standard",
            "3",
            "new_install",
            opened,
            30,
            0,
            &[],
            expected,
        );
    }
}

/// P1 after hours needs all three: severity 1, outside business hours, and
/// the review finding ThreePBX not at fault.
#[test]
fn threepbx_p1_after_hours_needs_all_three_conditions() {
    let after = "2026-02-11T01:00:00Z"; // Tue 20:00 EST
    let inside = "2026-02-10T15:00:00Z"; // Tue 10:00 EST
    let fault = ["not_vendor_fault"];
    check(
        "threepbx",
        "standard",
        "1",
        "p1_after_hours",
        after,
        120,
        0,
        &fault,
        Billable(25_000),
    );
    check(
        "threepbx",
        "standard",
        "1",
        "p1_after_hours",
        after,
        30,
        0,
        &fault,
        Billable(12_500),
    );
    check(
        "threepbx",
        "standard",
        "1",
        "p1_after_hours",
        after,
        75,
        0,
        &fault,
        Billable(15_625),
    );
    check(
        "threepbx",
        "standard",
        "1",
        "p1_after_hours",
        after,
        120,
        0,
        &[],
        NotBillable,
    );
    check(
        "threepbx",
        "standard",
        "1",
        "p1_after_hours",
        after,
        120,
        0,
        &["priority_handling"],
        NotBillable,
    );
    check(
        "threepbx",
        "standard",
        "1",
        "p1_after_hours",
        inside,
        120,
        0,
        &fault,
        NotBillable,
    );
    for severity in ["2", "3", "4"] {
        check(
            "threepbx",
            "standard",
            severity,
            "p1_after_hours",
            after,
            120,
            0,
            &fault,
            NotBillable,
        );
    }
    // A holiday in the daytime is outside business hours.
    check(
        "threepbx",
        "standard",
        "1",
        "p1_after_hours",
        "2026-11-26T16:00:00Z",
        60,
        0,
        &fault,
        Billable(12_500),
    );
}

/// §4 bills when "customers contacts ThreePBX outside of standard support
/// hours" for "after-hours non-planned emergency support": the contact (the
/// opening) and the work (its start) must both be outside business hours.
#[test]
fn threepbx_p1_after_hours_needs_contact_and_work_after_hours() {
    let fault = ["not_vendor_fault"];
    for (opened, work_at, expected) in [
        // Contact Tue 20:00 EST, work at 20:30: both after hours.
        (
            "2026-02-11T01:00:00Z",
            "2026-02-11T01:30:00Z",
            Billable(12_500),
        ),
        // Contact Tue 20:00 EST, work Wed 10:00 EST: planned, in hours.
        ("2026-02-11T01:00:00Z", "2026-02-11T15:00:00Z", NotBillable),
        // Contact Tue 10:00 EST, work Tue 20:00 EST: contact in hours.
        ("2026-02-10T15:00:00Z", "2026-02-11T01:00:00Z", NotBillable),
    ] {
        check_when(
            "threepbx",
            "standard",
            "1",
            "p1_after_hours",
            (opened, Some(work_at), &[]),
            60,
            0,
            &fault,
            expected,
        );
    }
}

/// §3: "new install support tickets requiring support after 7pm Eastern":
/// judged when the work starts, not when the ticket was opened.
#[test]
fn threepbx_new_install_is_judged_when_the_work_starts() {
    for (opened, work_at, expected) in [
        // Opened Tue 3 Mar 12:00 EST for a session at 20:00 EST: billed.
        (
            "2026-03-03T17:00:00Z",
            Some("2026-03-04T01:00:00Z"),
            Billable(12_500),
        ),
        // Opened Tue 08:00 EST for a session at 10:00 EST: free.
        (
            "2026-03-03T13:00:00Z",
            Some("2026-03-03T15:00:00Z"),
            NotBillable,
        ),
        // Opened Tue 08:00 EST with no work time: judged at 08:00, billed.
        ("2026-03-03T13:00:00Z", None, Billable(12_500)),
    ] {
        check_when(
            "threepbx",
            "standard",
            "4",
            "new_install",
            (opened, work_at, &[]),
            60,
            0,
            &[],
            expected,
        );
    }
}

/// Charges read the same calendar as the deadlines: a date the user closes
/// is outside business hours, a holiday the user works is inside them.
#[test]
fn charges_follow_the_holiday_edits() {
    for (work_at, holidays, expected) in [
        // Tue 3 Mar 2026 12:00 EST, a normal working day: free.
        ("2026-03-03T17:00:00Z", &[][..], NotBillable),
        // The same, closed with +2026-03-03: billed.
        (
            "2026-03-03T17:00:00Z",
            &["+2026-03-03"][..],
            Billable(12_500),
        ),
        // Thanksgiving 12:00 EST: a holiday, billed.
        ("2026-11-26T17:00:00Z", &[][..], Billable(12_500)),
        // Thanksgiving worked with -2026-11-26: free.
        ("2026-11-26T17:00:00Z", &["-2026-11-26"][..], NotBillable),
    ] {
        check_when(
            "threepbx",
            "standard",
            "4",
            "new_install",
            (work_at, None, holidays),
            60,
            0,
            &[],
            expected,
        );
    }
    // NextPlane partner support: a closed date makes it unavailable.
    check_when(
        "nextplane",
        "startup",
        "2",
        "federated_partner",
        ("2026-04-14T17:00:00Z", None, &["+2026-04-14"]),
        60,
        0,
        &[],
        Unavailable,
    );
    // Availability is judged when the work starts: Saturday opening,
    // Monday 10:00 PDT work.
    check_when(
        "nextplane",
        "startup",
        "2",
        "federated_partner",
        ("2026-04-18T18:00:00Z", Some("2026-04-20T17:00:00Z"), &[]),
        60,
        0,
        &[],
        Billable(25_000),
    );
}

/// Professional services: half-hour increments, rounded up, no minimum,
/// any time.
#[test]
fn threepbx_professional_services_half_hour_increments() {
    for (opened, minutes, cents) in [
        ("2026-02-10T15:00:00Z", 1, 6_250),
        ("2026-02-10T15:00:00Z", 30, 6_250),
        ("2026-02-10T15:00:00Z", 31, 12_500),
        ("2026-02-10T15:00:00Z", 60, 12_500),
        ("2026-02-10T15:00:00Z", 61, 18_750),
        ("2026-02-10T15:00:00Z", 90, 18_750),
        ("2026-02-10T15:00:00Z", 91, 25_000),
        ("2026-02-10T15:00:00Z", 0, 0),
        ("2026-02-14T03:00:00Z", 45, 12_500), // Friday night
    ] {
        check(
            "threepbx",
            "standard",
            "4",
            "professional_services",
            opened,
            minutes,
            0,
            &[],
            Billable(cents),
        );
    }
}

#[test]
fn threepbx_offers_three_services_and_the_others_offer_none() {
    let catalog = load::embedded();
    let ids = |vendor: &str, package: &str| -> Vec<&str> {
        let s = catalog.select(vendor, package, None, "1").unwrap();
        offered(&s).map(|(_, r)| r.id()).collect()
    };
    assert_eq!(
        ids("threepbx", "standard"),
        ["new_install", "p1_after_hours", "professional_services"]
    );
    assert!(ids("numonix", "saas").is_empty());
    for package in ["professional", "enterprise", "gold"] {
        assert!(ids("unnamed-eu", package).is_empty(), "{package}");
    }
}

/// The minimum is shown as its own line after the work line.
#[test]
fn threepbx_minimum_is_a_separate_line() {
    let catalog = load::embedded();
    let s = catalog.select("threepbx", "standard", None, "4").unwrap();
    let rule = offered(&s)
        .map(|(_, r)| r)
        .find(|r| r.id() == "new_install")
        .unwrap();
    let e = estimate(
        &s,
        rule,
        at("2026-02-11T01:00:00Z"),
        &Work {
            minutes: 20,
            ..Work::default()
        },
        HolidayEdits::none(),
    );
    let amounts: Vec<i64> = e.lines.iter().map(|l| l.amount.minor).collect();
    // 20 min = 4166.67 -> 4167; 40 min top-up = 8333.33 -> 8333; 12500 in all.
    assert_eq!(amounts.iter().sum::<i64>(), 12_500);
    assert_eq!(amounts.len(), 2, "{:?}", e.lines);
}
