//! Where a ticket stands: support open or closed and until when, the next
//! scheduled-downtime window (NextPlane: Saturday 00:00 to Sunday 00:00
//! Pacific), the new-install notice (ThreePBX: 3 business days), and the
//! progress of a dated target ("due soon" once a quarter or less of the
//! countable window remains).

use chrono::{DateTime, Utc};
use sla::engine::deadline::{self, State, Timing};
use sla::engine::holidays::HolidayEdits;
use sla::engine::load;
use sla::engine::time::OpenState;

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap_or_else(|e| panic!("bad time {text:?} in the test: {e}"))
        .with_timezone(&Utc)
}

/// The one table helper for support state: (vendor, package, region, now)
/// -> open until / closed until (None: no change within the horizon).
fn check(
    vendor: &str,
    package: &str,
    region: Option<&str>,
    now: &str,
    open: bool,
    change: Option<&str>,
) {
    let catalog = load::embedded();
    let s = catalog.select(vendor, package, region, "1").unwrap();
    let state = deadline::support_state(&s, at(now), HolidayEdits::none());
    let expected = match open {
        true => OpenState::Open {
            closes: change.map(at),
        },
        false => OpenState::Closed {
            opens: change.map(at),
        },
    };
    assert_eq!(state, expected, "{vendor}/{package}/{region:?} at {now}");
}

#[test]
fn support_open_and_closed() {
    // Startup, Tue 04-14 10:00 PDT: open until 17:00 PDT.
    check(
        "nextplane",
        "startup",
        None,
        "2026-04-14T17:00:00Z",
        true,
        Some("2026-04-15T00:00:00Z"),
    );
    // At 17:00 PDT exactly: closed until Wed 09:00 PDT.
    check(
        "nextplane",
        "startup",
        None,
        "2026-04-15T00:00:00Z",
        false,
        Some("2026-04-15T16:00:00Z"),
    );
    // At 09:00 PDT exactly: open.
    check(
        "nextplane",
        "startup",
        None,
        "2026-04-15T16:00:00Z",
        true,
        Some("2026-04-16T00:00:00Z"),
    );
    // Saturday: closed until Mon 09:00 PDT.
    check(
        "nextplane",
        "startup",
        None,
        "2026-04-18T18:00:00Z",
        false,
        Some("2026-04-20T16:00:00Z"),
    );
    // Thanksgiving: closed until Fri 11-27 09:00 PST.
    check(
        "nextplane",
        "startup",
        None,
        "2026-11-26T18:00:00Z",
        false,
        Some("2026-11-27T17:00:00Z"),
    );
    // Business EMEA, Good Friday: closed until Tue 04-07 09:00 CEST.
    check(
        "nextplane",
        "business",
        Some("emea"),
        "2026-04-03T10:00:00Z",
        false,
        Some("2026-04-07T07:00:00Z"),
    );
    // Business US, Fri 03-06 19:00 EST: open until 20:00 EST.
    check(
        "nextplane",
        "business",
        Some("us"),
        "2026-03-07T00:00:00Z",
        true,
        Some("2026-03-07T01:00:00Z"),
    );
    // Fri 20:00 EST: closed until Mon 03-09 08:00 EDT (12:00Z).
    check(
        "nextplane",
        "business",
        Some("us"),
        "2026-03-07T01:00:00Z",
        false,
        Some("2026-03-09T12:00:00Z"),
    );
    // NextPlane Custom: 24 x 7 except US and EMEA holidays, so it closes
    // for Labour Day (Fri 1 May, EMEA) and opens again after Christmas
    // and St Stephen's Day.
    check(
        "nextplane",
        "custom",
        None,
        "2026-04-18T18:00:00Z",
        true,
        Some("2026-05-01T00:00:00Z"),
    );
    check(
        "nextplane",
        "custom",
        None,
        "2026-12-25T12:00:00Z",
        false,
        Some("2026-12-27T00:00:00Z"),
    );
    // 24 x 7 without holidays: open with no closing time.
    check("numonix", "saas", None, "2026-12-25T12:00:00Z", true, None);
    check(
        "threepbx",
        "standard",
        None,
        "2026-07-04T03:00:00Z",
        true,
        None,
    );
}

#[test]
fn nextplane_next_downtime_window() {
    let catalog = load::embedded();
    let s = catalog.select("nextplane", "startup", None, "1").unwrap();
    for (now, start, end) in [
        // Wed 04-15: next Saturday 04-18 00:00 PDT (07:00Z) to Sunday 00:00 PDT.
        (
            "2026-04-15T12:00:00Z",
            "2026-04-18T07:00:00Z",
            "2026-04-19T07:00:00Z",
        ),
        // During it: the current window.
        (
            "2026-04-18T12:00:00Z",
            "2026-04-18T07:00:00Z",
            "2026-04-19T07:00:00Z",
        ),
        // Winter: 00:00 PST = 08:00Z; the spring-forward happens Sunday 02:00.
        (
            "2026-03-04T12:00:00Z",
            "2026-03-07T08:00:00Z",
            "2026-03-08T08:00:00Z",
        ),
        // Fall-back weekend: Sat 10-31 00:00 PDT to Sun 11-01 00:00 PDT.
        (
            "2026-10-29T12:00:00Z",
            "2026-10-31T07:00:00Z",
            "2026-11-01T07:00:00Z",
        ),
        // Right at the end: the following Saturday (PST by then).
        (
            "2026-11-01T07:00:00Z",
            "2026-11-07T08:00:00Z",
            "2026-11-08T08:00:00Z",
        ),
    ] {
        assert_eq!(
            deadline::next_downtime(&s, at(now)),
            Some((at(start), Some(at(end)))),
            "now {now}"
        );
    }
    let other = catalog.select("numonix", "saas", None, "1").unwrap();
    assert_eq!(
        deadline::next_downtime(&other, at("2026-04-15T12:00:00Z")),
        None
    );
}

/// ThreePBX new installs: 3 business days (Mon-Fri 09-19 Eastern, us-federal)
/// in advance. Asked Thu 2026-07-02: Fri 07-03 is a holiday -> Mon (1), Tue
/// (2), Wed 07-08 (3): the earliest session is on Wed 07-08 (its close,
/// 19:00 EDT = 23:00Z).
#[test]
fn threepbx_new_install_notice() {
    let catalog = load::embedded();
    let s = catalog.select("threepbx", "standard", None, "4").unwrap();
    let lead = &s.policy.lead_times()[0];
    assert_eq!(lead.id(), "new_install");
    for (now, due) in [
        ("2026-07-02T19:00:00Z", "2026-07-08T23:00:00Z"),
        // Sat 02-14: Mon 02-16 is Washington's Birthday -> Tue, Wed, Thu 02-19.
        ("2026-02-14T15:00:00Z", "2026-02-20T00:00:00Z"),
    ] {
        let got = deadline::lead_time_due(&s, lead, at(now), HolidayEdits::none()).unwrap();
        assert_eq!(got, at(due), "asked {now}");
    }
}

/// NextPlane Custom (24 x 7) P4: first response 8h after 2026-03-02 00:00Z.
#[test]
fn progress_on_a_clock_target() {
    let catalog = load::embedded();
    let s = catalog.select("nextplane", "custom", None, "4").unwrap();
    let timing = Timing::default();
    let opened = at("2026-03-02T00:00:00Z");
    let dues = deadline::deadlines(&s, opened, &timing).unwrap();
    let first = &dues[0];
    assert_eq!(first.due, Some(at("2026-03-02T08:00:00Z")));
    for (now, state, permille, left) in [
        ("2026-03-02T00:00:00Z", State::OnTrack, 0, 8 * 3600),
        ("2026-03-02T04:00:00Z", State::OnTrack, 500, 4 * 3600),
        // 5h59m of 8h = 747.9 per mille: still on track.
        ("2026-03-02T05:59:00Z", State::OnTrack, 747, 2 * 3600 + 60),
        // 6h of 8h: a quarter remains -> due soon.
        ("2026-03-02T06:00:00Z", State::DueSoon, 750, 2 * 3600),
        ("2026-03-02T08:00:00Z", State::Breached, 1000, 0),
        ("2026-03-02T09:00:00Z", State::Breached, 1000, -3600),
    ] {
        let p = deadline::progress(&s, first, at(now), &timing).unwrap();
        assert_eq!(
            (p.state, p.used_permille, p.seconds_left),
            (state, permille, left),
            "now {now}"
        );
    }
}

/// Business hours: unnamed-eu gold S1 opened Fri 12-18 16:00 CET, due Mon
/// 12-21 16:00 CET (1h Friday + 7h Monday). Over the weekend only 1 of 8
/// hours is used; at Mon 14:00 CET 6 of 8 are (due soon).
#[test]
fn progress_on_a_business_hours_target() {
    let catalog = load::embedded();
    let s = catalog.select("unnamed-eu", "gold", None, "1").unwrap();
    let timing = Timing::default();
    let dues = deadline::deadlines(&s, at("2026-12-18T15:00:00Z"), &timing).unwrap();
    let first = &dues[0];
    assert_eq!(first.due, Some(at("2026-12-21T15:00:00Z")));
    for (now, state, permille) in [
        ("2026-12-19T12:00:00Z", State::OnTrack, 125),
        ("2026-12-21T09:00:00Z", State::OnTrack, 250),
        ("2026-12-21T13:00:00Z", State::DueSoon, 750),
        ("2026-12-21T15:00:00Z", State::Breached, 1000),
    ] {
        let p = deadline::progress(&s, first, at(now), &timing).unwrap();
        assert_eq!((p.state, p.used_permille), (state, permille), "now {now}");
    }
    // A target without a date has no progress.
    let s = catalog.select("unnamed-eu", "gold", None, "4").unwrap();
    let dues = deadline::deadlines(&s, at("2026-12-18T15:00:00Z"), &timing).unwrap();
    assert!(deadline::progress(&s, &dues[1], at("2026-12-19T12:00:00Z"), &timing).is_none());
}

/// An "earliest" target is not yet, then reached; never breached.
#[test]
fn progress_on_an_earliest_target() {
    let catalog = load::embedded();
    let s = catalog
        .select("ipcelerate", "maintenance", None, "1")
        .unwrap();
    let timing = Timing::default();
    let dues = deadline::deadlines(&s, at("2026-05-21T22:00:00Z"), &timing).unwrap();
    let patch = &dues[3];
    assert_eq!(patch.due, Some(at("2026-06-05T23:00:00Z")));
    let p = deadline::progress(&s, patch, at("2026-06-01T12:00:00Z"), &timing).unwrap();
    assert_eq!(p.state, State::NotYet);
    let p = deadline::progress(&s, patch, at("2026-06-05T23:00:00Z"), &timing).unwrap();
    assert_eq!(p.state, State::Reached);
}
