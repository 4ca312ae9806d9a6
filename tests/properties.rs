//! Properties of the time arithmetic and of deadlines, over every vendor,
//! package and severity, with opening times spread over 2020-2032 and
//! concentrated around the daylight-saving months. Besides the shipped
//! schedules, a test-only `lab` vendor adds split windows, weekend windows,
//! windows that run through midnight or across a daylight-saving change, and
//! zones in the southern hemisphere and without daylight saving. The engine
//! is also checked against `reference`, a plain day-by-day walk written here
//! from docs/policy-reading.md with chrono-tz alone.

use chrono::{DateTime, TimeDelta};
use proptest::prelude::*;
use sla::engine::deadline::{self, Selection, Timing};
use sla::engine::holidays::{DateSet, HolidayEdits};
use sla::engine::load;
use sla::engine::policy::Catalog;
use sla::engine::time::{self, Clock, Hours, Instant, Pauses};
use std::sync::OnceLock;

const CASES: u32 = 256;

/// Schedules whose window boundaries never fall in a spring-forward gap (the
/// engine's gap handling is checked in dst.rs); split-ny's Sunday 01:30 falls
/// in New York's fall-back fold.
const LAB: &str = r#"{
  "id": "lab", "name": "Lab", "source": { "file": "tests/properties.rs", "title": "test" },
  "currency": "EUR",
  "severities": [
    { "id": "1", "label": "one", "definition": "-" }, { "id": "2", "label": "two", "definition": "-" },
    { "id": "3", "label": "three", "definition": "-" }, { "id": "4", "label": "four", "definition": "-" }
  ],
  "schedules": [
    { "id": "split-ny", "name": "s", "zone": "America/New_York", "holidays": "us-federal", "source": "-",
      "weekly": { "mon-fri": ["08:00-12:00", "13:00-17:30"], "sat": ["10:00-14:00"], "sun": ["01:30-03:30"] } },
    { "id": "overnight-berlin", "name": "o", "zone": "Europe/Berlin", "holidays": "emea-common", "source": "-",
      "weekly": { "mon-fri": ["00:00-04:00"], "sun-thu": ["20:00-24:00"], "sun": ["01:00-05:00"] } },
    { "id": "sydney", "name": "y", "zone": "Australia/Sydney", "source": "-",
      "weekly": { "mon-fri": ["09:00-17:00"], "sat-sun": ["01:00-04:00"] } },
    { "id": "kolkata", "name": "k", "zone": "Asia/Kolkata", "holidays": "us-federal", "source": "-",
      "weekly": { "mon-sat": ["09:30-18:30"] } }
  ],
  "packages": [
    { "id": "split-ny", "name": "s", "summary": "-", "channels": [], "coverage": "split-ny" },
    { "id": "overnight-berlin", "name": "o", "summary": "-", "channels": [], "coverage": "overnight-berlin" },
    { "id": "sydney", "name": "y", "summary": "-", "channels": [], "coverage": "sydney" },
    { "id": "kolkata", "name": "k", "summary": "-", "channels": [], "coverage": "kolkata" }
  ],
  "targets": [
    { "id": "hours", "label": "h", "source": "-", "values": {
        "split-ny": { "1": "1 business_hours", "2": "7 business_hours", "3": "30 business_hours", "4": "none_stated" },
        "overnight-berlin": { "1": "1 business_hours", "2": "7 business_hours", "3": "30 business_hours", "4": "asap" },
        "sydney": "9 business_hours", "kolkata": "40 business_hours" } },
    { "id": "update", "label": "u", "after": "hours", "source": "-", "values": {
        "split-ny": "3 business_hours", "overnight-berlin": "5 clock_hours", "sydney": "2 business_days",
        "kolkata": "not_before 1 business_days" } },
    { "id": "days", "label": "d", "source": "-", "values": {
        "split-ny": { "1": "1 business_days", "2": "4 business_days", "3": "not_before 9 business_days", "4": "20 business_days" },
        "overnight-berlin": "6 business_days", "sydney": "3 clock_days", "kolkata": "13 business_days" } }
  ]
}"#;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let mut files: Vec<(&str, &str)> = load::EMBEDDED_POLICIES.to_vec();
        files.push(("tests/lab.json", LAB));
        load::load_catalog(load::EMBEDDED_CALENDARS, &files).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// Every (vendor, package, region) the catalog offers.
fn selections() -> Vec<(String, String, Option<String>)> {
    let mut out = Vec::new();
    for policy in catalog().policies() {
        for package in policy.packages() {
            if package.regions().is_empty() {
                out.push((policy.id().into(), package.id().into(), None));
            }
            for region in package.regions() {
                out.push((
                    policy.id().into(),
                    package.id().into(),
                    Some(region.id().into()),
                ));
            }
        }
    }
    out
}

fn select(index: usize, severity: usize) -> Selection<'static> {
    let all = selections();
    let (vendor, package, region) = &all[index % all.len()];
    let severity = ["1", "2", "3", "4"][severity % 4];
    catalog()
        .select(vendor, package, region.as_deref(), severity)
        .expect("every listed selection exists")
}

/// Every schedule of every policy that is not open around the clock:
/// (policy index, schedule index).
fn business_schedules() -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (p, policy) in catalog().policies().iter().enumerate() {
        for (s, named) in policy.schedules().iter().enumerate() {
            if !named.schedule().is_always_open() {
                out.push((p, s));
            }
        }
    }
    out
}

fn hours(index: usize) -> Hours<'static> {
    hours_with(index, HolidayEdits::none())
}

fn hours_with(index: usize, edits: &HolidayEdits) -> Hours<'_> {
    let all = business_schedules();
    let (p, s) = all[index % all.len()];
    let policy = &catalog().policies()[p];
    let schedule = policy.schedule(s).schedule();
    Hours {
        schedule,
        calendar: schedule.calendar().map(|c| catalog().calendar(c)),
        edits,
        years: None,
    }
}

/// Shortest open time of a business day in a schedule, in seconds (every
/// shipped schedule has one window a day, the same on every weekday).
fn shortest_day(hours: Hours<'_>) -> i64 {
    (0..7)
        .map(|d| hours.schedule.windows(d))
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.iter()
                .map(|x| i64::from(x.end() - x.start()) * 60)
                .sum::<i64>()
        })
        .min()
        .expect("a schedule has an open day")
}

fn instant(seconds: i64) -> Instant {
    DateTime::from_timestamp(seconds, 0).expect("in range")
}

/// An opening time: anywhere in 2020-2031, or in a March, October or
/// November (the daylight-saving months) of 2021-2030.
fn opened() -> impl Strategy<Value = Instant> {
    let start = 1_577_836_800i64; // 2020-01-01T00:00:00Z
    let end = 1_956_528_000i64; // 2032-01-01T00:00:00Z
    prop_oneof![
        (start..end).prop_map(instant),
        (
            2021i32..=2030,
            prop::sample::select(vec![3u32, 10, 11]),
            1u32..=28,
            0i64..86_400
        )
            .prop_map(|(y, m, d, s)| {
                let date = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
                date.and_hms_opt(0, 0, 0).unwrap().and_utc() + TimeDelta::seconds(s)
            }),
    ]
}

/// Up to four pauses near `opened`: start -2 days..+20 days, length 1 s..3 days.
fn pauses_near(opened: Instant, raw: &[(i64, i64)]) -> Vec<(Instant, Instant)> {
    raw.iter()
        .map(|&(offset, length)| {
            let from = opened + TimeDelta::seconds(offset);
            (from, from + TimeDelta::seconds(length))
        })
        .collect()
}

fn raw_pauses() -> impl Strategy<Value = Vec<(i64, i64)>> {
    prop::collection::vec((-2 * 86_400i64..20 * 86_400, 1i64..3 * 86_400), 0..4)
}

fn dues(
    selection: &Selection<'_>,
    opened: Instant,
    pauses: Vec<(Instant, Instant)>,
) -> Vec<Option<Instant>> {
    let timing = Timing {
        pauses: Pauses::new(pauses).expect("generated pauses are valid"),
        ..Timing::default()
    };
    deadline::deadlines(selection, opened, &timing)
        .expect("shipped schedules always open again")
        .iter()
        .map(|d| d.due)
        .collect()
}

/// A plain, slow, day-by-day reading of docs/policy-reading.md §1,
/// independent of the engine's time module: windows resolved with chrono-tz
/// directly (a time in a gap moves forward to the first valid minute, a time
/// in a fold takes the earlier instant), holidays from the calendar's dates
/// plus user edits.
mod reference {
    use sla::engine::holidays::DateSet;

    use chrono::{Datelike, LocalResult, NaiveDate, TimeDelta, TimeZone};
    use sla::engine::time::{Hours, Instant};

    pub fn local(hours: Hours<'_>, date: NaiveDate, minute: u16) -> Instant {
        let (date, minute) = if minute == 1440 {
            (date.succ_opt().unwrap(), 0)
        } else {
            (date, minute)
        };
        let mut wall = date
            .and_hms_opt(u32::from(minute / 60), u32::from(minute % 60), 0)
            .unwrap();
        loop {
            match hours.schedule.zone().from_local_datetime(&wall) {
                LocalResult::Single(t) => return t.to_utc(),
                LocalResult::Ambiguous(earlier, _) => return earlier.to_utc(),
                LocalResult::None => wall += TimeDelta::minutes(1),
            }
        }
    }

    fn closed(hours: Hours<'_>, date: NaiveDate) -> bool {
        if hours.edits.added.contains(&date) {
            return true;
        }
        if hours.edits.removed.contains(&date) {
            return false;
        }
        hours
            .calendar
            .is_some_and(|c| c.dates_in(date.year()).iter().any(|(d, _)| *d == date))
    }

    fn windows(hours: Hours<'_>, date: NaiveDate) -> Vec<(u16, u16)> {
        let weekday = date.weekday().num_days_from_monday() as usize;
        hours
            .schedule
            .windows(weekday)
            .iter()
            .map(|w| (w.start(), w.end()))
            .collect()
    }

    fn merged(pauses: &[(Instant, Instant)]) -> Vec<(Instant, Instant)> {
        let mut sorted = pauses.to_vec();
        sorted.sort();
        let mut out: Vec<(Instant, Instant)> = Vec::new();
        for (a, b) in sorted {
            match out.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => out.push((a, b)),
            }
        }
        out
    }

    /// Countable pieces [a, b) from `from` on, in order, for `days` days.
    fn pieces(
        hours: Hours<'_>,
        from: Instant,
        pauses: &[(Instant, Instant)],
        days: u64,
    ) -> Vec<(Instant, Instant)> {
        let pauses = merged(pauses);
        let first = from
            .with_timezone(&hours.schedule.zone())
            .date_naive()
            .pred_opt()
            .unwrap();
        let mut out = Vec::new();
        for date in first.iter_days().take(days as usize) {
            if closed(hours, date) {
                continue;
            }
            for (start, end) in windows(hours, date) {
                let mut a = local(hours, date, start).max(from);
                let b = local(hours, date, end);
                for &(p, q) in &pauses {
                    if q <= a || p >= b {
                        continue;
                    }
                    if p > a {
                        out.push((a, p));
                    }
                    a = a.max(q);
                }
                if a < b {
                    out.push((a, b));
                }
            }
        }
        out
    }

    pub fn advance(
        hours: Hours<'_>,
        from: Instant,
        seconds: i64,
        pauses: &[(Instant, Instant)],
    ) -> Instant {
        let mut left = seconds;
        for (a, b) in pieces(hours, from, pauses, 800) {
            let length = (b - a).num_seconds();
            if length >= left {
                return a + TimeDelta::seconds(left);
            }
            left -= length;
        }
        panic!("no deadline within 800 days");
    }

    pub fn measure(
        hours: Hours<'_>,
        from: Instant,
        to: Instant,
        pauses: &[(Instant, Instant)],
    ) -> i64 {
        let days = (to - from).num_days().max(0) as u64 + 3;
        pieces(hours, from, pauses, days)
            .into_iter()
            .filter(|(a, _)| *a < to)
            .map(|(a, b)| (b.min(to) - a).num_seconds())
            .sum()
    }

    pub fn business_days_after(hours: Hours<'_>, from: Instant, n: u32) -> Instant {
        let opening_day = from.with_timezone(&hours.schedule.zone()).date_naive();
        let mut count = 0;
        for date in opening_day.iter_days().skip(1) {
            let windows = windows(hours, date);
            if windows.is_empty() || closed(hours, date) {
                continue;
            }
            count += 1;
            if count == n {
                return local(hours, date, windows.last().unwrap().1);
            }
        }
        unreachable!()
    }

    pub fn edits(
        from: Instant,
        added: &[u64],
        remove_first_holiday: bool,
        hours: Hours<'_>,
    ) -> (DateSet, DateSet) {
        let day = from.date_naive();
        let added: DateSet = added.iter().map(|&d| day + chrono::Days::new(d)).collect();
        let mut removed = DateSet::new();
        if remove_first_holiday {
            if let Some(c) = hours.calendar {
                for (date, _) in c
                    .dates_in(day.year())
                    .into_iter()
                    .chain(c.dates_in(day.year() + 1))
                {
                    if date > day && !added.contains(&date) {
                        removed.insert(date);
                        break;
                    }
                }
            }
        }
        (added, removed)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    /// The engine agrees with the reference walk: business-hour deadlines,
    /// countable time and business-day deadlines, with pauses and with the
    /// user's holiday edits (dates added, a calendar holiday removed).
    #[test]
    fn engine_agrees_with_the_reference_walk(
        schedule in 0usize..64, from in opened(), seconds in 1i64..150 * 3600, n in 1u32..25,
        raw in raw_pauses(), added in prop::collection::vec(0u64..60, 0..3), remove in any::<bool>(),
        span in 0i64..30 * 86_400,
    ) {
        let (added, removed) = reference::edits(from, &added, remove, hours(schedule));
        let edits = HolidayEdits { added, removed };
        let h = hours_with(schedule, &edits);
        let clock = Clock::Business(h);
        let list = pauses_near(from, &raw);
        let pauses = Pauses::new(list.clone()).unwrap();
        prop_assert_eq!(
            time::advance(clock, from, seconds, &pauses).unwrap(),
            reference::advance(h, from, seconds, &list),
            "advance {} s from {} on {}", seconds, from, h.schedule.id()
        );
        let to = from + TimeDelta::seconds(span);
        prop_assert_eq!(
            time::measure(clock, from, to, &pauses),
            reference::measure(h, from, to, &list),
            "measure {} to {} on {}", from, to, h.schedule.id()
        );
        prop_assert_eq!(
            time::business_days_after(h, from, n).unwrap(),
            reference::business_days_after(h, from, n),
            "{} business days after {} on {}", n, from, h.schedule.id()
        );
    }

    /// Opening later never makes any deadline earlier.
    #[test]
    fn deadlines_never_move_earlier_when_opened_later(
        which in 0usize..128, severity in 0usize..4, opened in opened(), later in 0i64..10 * 86_400,
    ) {
        let s = select(which, severity);
        let first = dues(&s, opened, vec![]);
        let second = dues(&s, opened + TimeDelta::seconds(later), vec![]);
        for (i, (a, b)) in first.iter().zip(&second).enumerate() {
            if let (Some(a), Some(b)) = (a, b) {
                prop_assert!(b >= a, "target {i}: opened {later}s later gives {b} before {a}");
            }
            prop_assert_eq!(a.is_some(), b.is_some());
        }
    }

    /// Adding a pause never makes any deadline earlier, and every deadline
    /// is at or after the opening.
    #[test]
    fn deadlines_never_move_earlier_when_a_pause_is_added(
        which in 0usize..128, severity in 0usize..4, opened in opened(),
        raw in raw_pauses(), extra in (-2 * 86_400i64..20 * 86_400, 1i64..3 * 86_400),
    ) {
        let s = select(which, severity);
        let base = pauses_near(opened, &raw);
        let mut more = base.clone();
        more.extend(pauses_near(opened, &[extra]));
        let without = dues(&s, opened, base);
        let with = dues(&s, opened, more);
        for (i, (a, b)) in without.iter().zip(&with).enumerate() {
            if let (Some(a), Some(b)) = (a, b) {
                prop_assert!(*a >= opened, "target {i} due {a} before opening {opened}");
                prop_assert!(b >= a, "target {i}: the extra pause moved {a} to {b}");
            }
        }
    }

    /// The order in which pauses are given does not matter.
    #[test]
    fn pause_order_does_not_matter(
        which in 0usize..128, severity in 0usize..4, opened in opened(), raw in raw_pauses(),
    ) {
        let s = select(which, severity);
        let forward = pauses_near(opened, &raw);
        let mut backward = forward.clone();
        backward.reverse();
        prop_assert_eq!(
            Pauses::new(forward.clone()).unwrap(),
            Pauses::new(backward.clone()).unwrap()
        );
        prop_assert_eq!(dues(&s, opened, forward), dues(&s, opened, backward));
    }

    /// Business hours: advancing a then b equals advancing a + b (a, b > 0),
    /// with or without pauses.
    #[test]
    fn advance_is_additive(
        schedule in 0usize..64, from in opened(),
        a in 1i64..120 * 3600, b in 1i64..120 * 3600, raw in raw_pauses(),
    ) {
        let clock = Clock::Business(hours(schedule));
        for pauses in [Pauses::none(), Pauses::new(pauses_near(from, &raw)).unwrap()] {
            let mid = time::advance(clock, from, a, &pauses).unwrap();
            let two_steps = time::advance(clock, mid, b, &pauses).unwrap();
            let one_step = time::advance(clock, from, a + b, &pauses).unwrap();
            prop_assert_eq!(two_steps, one_step, "from {} a {} b {}", from, a, b);
        }
    }

    /// Measuring countable time from the start to a business-hours deadline
    /// gives back the target, and the deadline is the first such instant.
    #[test]
    fn measure_inverts_advance(
        schedule in 0usize..64, from in opened(), seconds in 1i64..200 * 3600, raw in raw_pauses(),
    ) {
        let clock = Clock::Business(hours(schedule));
        for pauses in [Pauses::none(), Pauses::new(pauses_near(from, &raw)).unwrap()] {
            let due = time::advance(clock, from, seconds, &pauses).unwrap();
            prop_assert_eq!(time::measure(clock, from, due, &pauses), seconds, "from {} due {}", from, due);
            let just_before = due - TimeDelta::seconds(1);
            prop_assert!(time::measure(clock, from, just_before, &pauses) < seconds);
        }
    }

    /// Clock time: the deadline is the opening plus the target plus the
    /// paused time that falls before it.
    #[test]
    fn elapsed_advance_adds_paused_time(from in opened(), seconds in 0i64..400 * 3600, raw in raw_pauses()) {
        prop_assert_eq!(
            time::advance(Clock::Elapsed, from, seconds, &Pauses::none()).unwrap(),
            from + TimeDelta::seconds(seconds)
        );
        let pauses = Pauses::new(pauses_near(from, &raw)).unwrap();
        let due = time::advance(Clock::Elapsed, from, seconds, &pauses).unwrap();
        let paused: i64 = pauses
            .intervals()
            .iter()
            .map(|&(p, q)| (q.min(due) - p.max(from)).num_seconds().max(0))
            .sum();
        prop_assert_eq!((due - from).num_seconds(), seconds + paused);
        prop_assert_eq!(time::measure(Clock::Elapsed, from, due, &pauses), seconds);
    }

    /// N business days end no earlier than N full business days of open
    /// time (so never before N business hours), they end at a closing time,
    /// and N + 1 ends later than N.
    #[test]
    fn business_days_are_never_earlier_than_business_hours(
        schedule in 0usize..64, from in opened(), n in 1u32..12,
    ) {
        let h = hours(schedule);
        let clock = Clock::Business(h);
        let by_days = time::business_days_after(h, from, n).unwrap();
        let tiny = time::advance(clock, from, i64::from(n) * 3600, &Pauses::none()).unwrap();
        // A daylight-saving change can shorten a day's window by an hour.
        let day = (shortest_day(h) - 3600).max(0);
        let full_days = time::advance(clock, from, i64::from(n) * day, &Pauses::none()).unwrap();
        prop_assert!(by_days >= tiny, "{n} business days {by_days} before {n} business hours {tiny}");
        prop_assert!(by_days >= full_days, "{n} business days {by_days} before {full_days}");
        prop_assert!(by_days > from);
        // A closing time: open just before, closed (or reopening later) at it.
        let before = time::measure(clock, by_days - TimeDelta::seconds(1), by_days, &Pauses::none());
        prop_assert_eq!(before, 1);
        let next = time::business_days_after(h, from, n + 1).unwrap();
        prop_assert!(next > by_days);
    }

    /// Holding a ticket open over a whole business day adds at most one
    /// business day's worth: N business days from a later opening on the
    /// same local date is the same instant.
    #[test]
    fn business_days_depend_only_on_the_local_opening_date(
        schedule in 0usize..64, from in opened(), n in 1u32..25, later in 0i64..86_400,
    ) {
        let h = hours(schedule);
        let other = from + TimeDelta::seconds(later);
        let zone = h.schedule.zone();
        prop_assume!(time::local_date(zone, other) == time::local_date(zone, from));
        prop_assert_eq!(
            time::business_days_after(h, from, n).unwrap(),
            time::business_days_after(h, other, n).unwrap()
        );
    }
}

/// Found by the property above: a pause that moved the first response
/// used to shorten the business-day update counted from it (the open time
/// was measured from the moved anchor, which fell later in the week).
#[test]
fn a_pause_never_shortens_a_recurring_business_day_target() {
    let s = select(124, 0);
    assert_eq!((s.policy.id(), s.package().id()), ("lab", "sydney"));
    let opened = instant(1_646_253_283); // 2022-03-02T20:34:43Z
    let base = pauses_near(opened, &[(68_716, 174_002), (397_891, 222_827)]);
    let mut more = base.clone();
    more.push((opened, opened + TimeDelta::seconds(33_917)));
    let without = dues(&s, opened, base);
    let with = dues(&s, opened, more);
    // The update is 2 business days after the first response.
    assert_eq!(s.policy.targets()[1].after(), Some(0));
    for (a, b) in without.iter().zip(&with) {
        assert!(b >= a, "{b:?} before {a:?}");
    }
}

proptest! {
    /// `DateSet` is a set in date order: after any run of inserts and
    /// removals it holds what a `BTreeSet` would, and reports the same.
    #[test]
    fn a_date_set_behaves_as_an_ordered_set(
        ops in prop::collection::vec((any::<bool>(), 0u64..40), 0..60),
    ) {
        let first = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let mut set = DateSet::new();
        let mut model = std::collections::BTreeSet::new();
        for (insert, offset) in ops {
            let date = first + chrono::Days::new(offset);
            if insert {
                prop_assert_eq!(set.insert(date), model.insert(date));
            } else {
                prop_assert_eq!(set.remove(&date), model.remove(&date));
            }
            prop_assert_eq!(set.contains(&date), model.contains(&date));
        }
        prop_assert_eq!(set.len(), model.len());
        prop_assert!(set.iter().eq(model.iter()));
    }
}
