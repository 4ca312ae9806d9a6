//! All calendar and clock arithmetic: schedules, local-time resolution across
//! daylight-saving transitions, open-window walking, pauses, and the three
//! units (clock, business hours, business days). Nothing else in the crate
//! converts between local and absolute time.
//!
//! # Daylight saving
//!
//! Window times are local wall-clock times, re-resolved each day. A local
//! time that does not exist (spring-forward gap) resolves to the first
//! instant after the gap; a local time that exists twice (fall-back fold)
//! resolves to the earlier instant:
//!
//! ```
//! use chrono::{NaiveDate, TimeZone, Utc};
//! use sla::engine::time::resolve_local;
//!
//! use sla::engine::zone::Zone;
//!
//! let ny = Zone::known("America/New_York");
//! // 2026-03-08 02:30 does not exist in New York: clocks jump 02:00 -> 03:00 EDT.
//! let spring = NaiveDate::from_ymd_opt(2026, 3, 8).unwrap();
//! assert_eq!(resolve_local(ny, spring, 150), Utc.with_ymd_and_hms(2026, 3, 8, 7, 0, 0).unwrap());
//! // 2026-11-01 01:30 happens twice (EDT, then EST): the earlier one counts.
//! let fall = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
//! assert_eq!(resolve_local(ny, fall, 90), Utc.with_ymd_and_hms(2026, 11, 1, 5, 30, 0).unwrap());
//! // Berlin springs forward at 02:00 on 2026-03-29: 02:15 becomes 03:00 CEST.
//! let berlin = Zone::known("Europe/Berlin");
//! let day = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
//! assert_eq!(resolve_local(berlin, day, 135), Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap());
//! ```

use std::ops::ControlFlow;

use chrono::{DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, Timelike, Utc};

use super::holidays::{HolidayCalendar, HolidayEdits, HolidayYears, YearHolidays};
use super::policy::{List, Text};
use super::zone::{WallClock, Zone};

/// An absolute point in time.
pub type Instant = DateTime<Utc>;

/// Minutes in a day; a window may end at 24:00.
pub const DAY_MINUTES: u16 = 1440;
const SECONDS_PER_MINUTE: i64 = 60;
/// How far a walk looks for open time before declaring the schedule closed
/// for good (a calendar cannot close every day, but user edits could close
/// very many).
const MAX_WALK_DAYS: u32 = 366 * 20;

/// The years the arithmetic accepts as a starting point: wide enough for
/// any contract, narrow enough that no target (at most 100,000 units) can
/// leave the range of RFC 3339 dates.
pub const SUPPORTED_YEARS: std::ops::RangeInclusive<i32> = 1000..=9000;

/// True when `at` lies in [`SUPPORTED_YEARS`].
pub fn is_supported(at: Instant) -> bool {
    SUPPORTED_YEARS.contains(&at.year())
}

/// One weekly open window in local wall time, `[start, end)` in minutes
/// after midnight; `end` may be 24:00 (1440).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    start: u16,
    end: u16,
}

impl Window {
    /// A window, if `start < end <= 24:00`.
    pub const fn new(start: u16, end: u16) -> Option<Window> {
        if start < end && end <= DAY_MINUTES {
            Some(Window { start, end })
        } else {
            None
        }
    }
    pub fn start(self) -> u16 {
        self.start
    }
    pub fn end(self) -> u16 {
        self.end
    }
    fn minutes(self) -> i64 {
        i64::from(self.end - self.start)
    }
}

/// A support schedule: a zone, weekly windows (Monday first) and an
/// optional holiday calendar. Built by the policy loader, which checks that
/// windows are sorted and disjoint and that at least one exists.
#[derive(Debug, Clone)]
pub struct Schedule {
    id: Text,
    zone: Zone,
    week: [List<Window>; 7],
    calendar: Option<usize>,
}

impl Schedule {
    /// `week[0]` is Monday. Windows of a day must be sorted and disjoint.
    pub(crate) const fn new(
        id: Text,
        zone: Zone,
        week: [List<Window>; 7],
        calendar: Option<usize>,
    ) -> Schedule {
        Schedule {
            id,
            zone,
            week,
            calendar,
        }
    }
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn zone(&self) -> Zone {
        self.zone
    }
    /// Index of the holiday calendar in the catalog, if any.
    pub fn calendar(&self) -> Option<usize> {
        self.calendar
    }
    /// Open windows on a weekday (0 = Monday).
    pub fn windows(&self, weekday: usize) -> &[Window] {
        &self.week[weekday]
    }
    /// True for a 24x7 schedule without holidays.
    pub fn is_always_open(&self) -> bool {
        self.calendar.is_none()
            && self.week.iter().all(
                |day| matches!(day.as_ref(), [only] if only.start == 0 && only.end == DAY_MINUTES),
            )
    }
    fn week_minutes(&self) -> i64 {
        self.week
            .iter()
            .flat_map(|day| day.iter())
            .map(|w| w.minutes())
            .sum()
    }
    fn business_weekdays(&self) -> u32 {
        self.week.iter().filter(|d| !d.is_empty()).count() as u32
    }
}

/// A schedule together with the holidays that apply to it: the calendar's
/// rules plus the user's added and removed dates.
#[derive(Debug, Clone, Copy)]
pub struct Hours<'a> {
    pub schedule: &'a Schedule,
    pub calendar: Option<&'a HolidayCalendar>,
    pub edits: &'a HolidayEdits,
    /// The calendar's years worked out already, kept by the caller across
    /// computations; used only when they are this `calendar`'s. `None`:
    /// each computation works out the years it needs.
    pub years: Option<&'a HolidayYears<'a>>,
}

/// Which clock a target counts on.
#[derive(Debug, Clone, Copy)]
pub enum Clock<'a> {
    /// Real elapsed time; schedules do not matter.
    Elapsed,
    /// Only time inside the open windows counts.
    Business(Hours<'a>),
}

/// Validated, merged pause intervals `[from, until)`, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pauses(Vec<(Instant, Instant)>);

/// Why a set of pauses was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadPause {
    /// Position of the pause in the input.
    pub index: usize,
}

impl Pauses {
    /// Sorts and merges overlapping or touching intervals. A pause whose end
    /// is not after its start is an error.
    pub fn new(mut intervals: Vec<(Instant, Instant)>) -> Result<Pauses, BadPause> {
        if let Some(index) = intervals.iter().position(|(from, until)| until <= from) {
            return Err(BadPause { index });
        }
        super::sort_few(&mut intervals);
        let mut merged: Vec<(Instant, Instant)> = Vec::with_capacity(intervals.len());
        for (from, until) in intervals {
            match merged.last_mut() {
                Some(last) if from <= last.1 => last.1 = last.1.max(until),
                _ => merged.push((from, until)),
            }
        }
        Ok(Pauses(merged))
    }
    pub fn none() -> Pauses {
        Pauses(Vec::new())
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn intervals(&self) -> &[(Instant, Instant)] {
        &self.0
    }
}

/// The instant of a local wall time (`minute` after midnight, up to 24:00)
/// on `date` in `zone`, with the crate's daylight-saving policy: a time in
/// a spring-forward gap moves to the first instant after the gap; a time in
/// a fall-back fold takes the earlier instant.
pub fn resolve_local(zone: Zone, date: NaiveDate, minute: u16) -> Instant {
    resolve_on(&mut WallClock::new(zone), date, minute)
}

/// [`resolve_local`] in the zone of `clock`, which keeps what it found
/// for the next call (a walk's).
fn resolve_on(clock: &mut WallClock, date: NaiveDate, minute: u16) -> Instant {
    let (date, minute) = if minute >= DAY_MINUTES {
        (date.succ_opt().unwrap_or(date), 0)
    } else {
        (date, minute)
    };
    // The wall time as seconds since 1970 read as UTC: no date is built.
    let wall = (i64::from(date.num_days_from_ce()) - UNIX_EPOCH_DAYS_FROM_CE) * 86_400
        + i64::from(minute) * SECONDS_PER_MINUTE;
    let utc = match clock.wall_to_utc(wall) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Some(t),
        // In a gap: the first instant after it is the transition itself.
        LocalResult::None => clock.zone().gap_end_of_wall(wall),
    };
    utc.and_then(|t| DateTime::from_timestamp(t, 0))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// Days from 0001-01-01 (day 1) to 1970-01-01, as chrono counts them.
const UNIX_EPOCH_DAYS_FROM_CE: i64 = 719_163;

/// The instant of a recorded wall time (a timestamp written without an
/// offset, as helpdesk exports do) in `zone`. A fold takes the earlier
/// instant, as [`resolve_local`]; a time in a spring-forward gap, which no
/// clock showed, is read with the offset in force before the gap (so it
/// lands as far after the transition as it was written after it: jiff's
/// "compatible" disambiguation), where [`resolve_local`] moves a window
/// boundary to the transition itself. `audit::stamp` doctests both with
/// New York's 2026 transitions.
pub fn resolve_recorded(zone: Zone, local: NaiveDateTime) -> Instant {
    let wall = local.and_utc().timestamp();
    let (utc, nanos) = match zone.wall_to_utc(wall) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => (t, local.nanosecond()),
        LocalResult::None => {
            let before = zone
                .gap_end_of_wall(wall)
                .map(|t| i64::from(zone.offset_at_timestamp(t - 1).seconds()))
                .unwrap_or(0);
            (wall - before, 0)
        }
    };
    DateTime::from_timestamp(utc, nanos).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// The local calendar date of an instant in a zone.
pub fn local_date(zone: Zone, at: Instant) -> NaiveDate {
    at.with_timezone(&zone).date_naive()
}

fn weekday_index(date: NaiveDate) -> usize {
    date.weekday().num_days_from_monday() as usize
}

/// Holiday lookups along a walk, computing each year's dates once.
struct HolidayCursor<'a> {
    hours: Hours<'a>,
    /// The year asked for last: a walk nearly always stays in one, so most
    /// walks need no list (and no allocation).
    last: Option<YearHolidays>,
    /// The other years asked for.
    earlier: Vec<YearHolidays>,
}

impl<'a> HolidayCursor<'a> {
    fn new(hours: Hours<'a>) -> Self {
        HolidayCursor {
            hours,
            last: None,
            earlier: Vec::new(),
        }
    }
    fn year(&mut self, year: i32) -> &YearHolidays {
        match self.last.take() {
            Some(last) if last.year() == year => self.last.insert(last),
            previous => {
                self.earlier.extend(previous);
                let found = match self.earlier.iter().position(|y| y.year() == year) {
                    Some(at) => self.earlier.swap_remove(at),
                    None => {
                        let Hours {
                            calendar, edits, ..
                        } = self.hours;
                        match (calendar, self.hours.years) {
                            (Some(calendar), Some(kept))
                                if std::ptr::eq(calendar, kept.calendar()) =>
                            {
                                YearHolidays::kept(kept, edits, year)
                            }
                            _ => YearHolidays::new(calendar, edits, year),
                        }
                    }
                };
                self.last.insert(found)
            }
        }
    }
    fn is_holiday(&mut self, date: NaiveDate) -> bool {
        self.year(date.year()).contains(date)
    }
    /// True when none of the seven dates from `start` is a holiday.
    fn week_is_clear(&mut self, start: NaiveDate) -> bool {
        !self.any_holiday(start, start + Days::new(6))
    }
    fn any_holiday(&mut self, first: NaiveDate, last: NaiveDate) -> bool {
        (first.year()..=last.year()).any(|y| self.year(y).any_between(first, last))
    }
    /// Holidays in `[first, last]` that fall on a weekday with open windows.
    fn closed_business_days(&mut self, first: NaiveDate, last: NaiveDate) -> u32 {
        let week = &self.hours.schedule.week;
        let mut closed = 0;
        for y in first.year()..=last.year() {
            let dates = self.year(y).between(first, last);
            closed += dates
                .iter()
                .filter(|d| !week[weekday_index(**d)].is_empty())
                .count() as u32;
        }
        closed
    }
    fn is_business_day(&mut self, date: NaiveDate) -> bool {
        !self.hours.schedule.week[weekday_index(date)].is_empty() && !self.is_holiday(date)
    }
}

/// Calls `visit` with each open interval `[a, b)` of `hours` that ends after
/// `from`, clipped to start no earlier than `from`, in order; stops when the
/// visitor breaks. Adjacent intervals are not merged. Returns `None` if the
/// schedule stays closed for [`MAX_WALK_DAYS`].
///
/// `skip_week` is offered the start of each clear (holiday-free, offset-stable)
/// week that begins at or after `from`, with that week's open seconds; when it
/// returns true the week is skipped without visiting its windows.
fn walk_open<T>(
    hours: Hours<'_>,
    from: Instant,
    mut skip_week: impl FnMut(Instant, i64) -> bool,
    mut visit: impl FnMut(Instant, Instant) -> ControlFlow<T>,
) -> Option<T> {
    let schedule = hours.schedule;
    if !is_supported(from) {
        return None;
    }
    if schedule.is_always_open() && hours.edits.added.is_empty() {
        return match visit(from, DateTime::<Utc>::MAX_UTC) {
            ControlFlow::Break(found) => Some(found),
            ControlFlow::Continue(()) => None,
        };
    }
    let zone = schedule.zone;
    let mut clock = WallClock::new(zone);
    let mut holidays = HolidayCursor::new(hours);
    let mut date = local_date(zone, from).pred_opt()?;
    let week_seconds = schedule.week_minutes() * SECONDS_PER_MINUTE;
    let mut closed_days = 0u32;
    while closed_days < MAX_WALK_DAYS {
        if weekday_index(date) == 0 {
            let week_start = resolve_on(&mut clock, date, 0);
            if week_start >= from && holidays.week_is_clear(date) {
                let next_week = date + Days::new(7);
                let week_end = resolve_on(&mut clock, next_week, 0);
                let stable = week_end - week_start == chrono::TimeDelta::days(7);
                if stable && skip_week(week_start, week_seconds) {
                    date = next_week;
                    closed_days = 0;
                    continue;
                }
            }
        }
        let mut opened_today = false;
        if !holidays.is_holiday(date) {
            for window in schedule.week[weekday_index(date)].iter() {
                let end = resolve_on(&mut clock, date, window.end);
                if end <= from {
                    continue;
                }
                let start = resolve_on(&mut clock, date, window.start).max(from);
                if start < end {
                    opened_today = true;
                    if let ControlFlow::Break(found) = visit(start, end) {
                        return Some(found);
                    }
                }
            }
        }
        closed_days = if opened_today { 0 } else { closed_days + 1 };
        date = date.succ_opt()?;
    }
    None
}

/// Calls `visit` with each countable interval from `from` on: open (for a
/// business clock) and not paused. See [`walk_open`] for `skip_week`, which
/// is only offered weeks free of pauses.
fn walk_countable<T>(
    clock: Clock<'_>,
    from: Instant,
    pauses: &Pauses,
    mut skip_week: impl FnMut(Instant, i64) -> bool,
    mut visit: impl FnMut(Instant, Instant) -> ControlFlow<T>,
) -> Option<T> {
    /// How the walk of one unpaused gap ended.
    enum Gap<T> {
        Found(T),
        /// Reached the gap's end: go on after the next pause.
        End,
    }
    let pauses = pauses.intervals();
    let mut start = from;
    let mut next_pause = 0;
    loop {
        // Jump over pauses instead of walking them: a pause of years costs nothing.
        while let Some(&(pause_from, pause_until)) = pauses.get(next_pause) {
            if pause_until <= start {
                next_pause += 1;
            } else if pause_from <= start {
                start = pause_until;
                next_pause += 1;
            } else {
                break;
            }
        }
        let gap_end = pauses
            .get(next_pause)
            .map_or(DateTime::<Utc>::MAX_UTC, |&(pause_from, _)| pause_from);
        let mut visit_gap = |a: Instant, b: Instant| -> ControlFlow<Gap<T>> {
            if a >= gap_end {
                return ControlFlow::Break(Gap::End);
            }
            match visit(a, b.min(gap_end)) {
                ControlFlow::Break(found) => ControlFlow::Break(Gap::Found(found)),
                ControlFlow::Continue(()) if b >= gap_end => ControlFlow::Break(Gap::End),
                ControlFlow::Continue(()) => ControlFlow::Continue(()),
            }
        };
        let ended = match clock {
            Clock::Elapsed => match visit_gap(start, gap_end) {
                ControlFlow::Break(ended) => Some(ended),
                ControlFlow::Continue(()) => None,
            },
            Clock::Business(hours) => walk_open(
                hours,
                start,
                |week_start, seconds| {
                    week_start + chrono::TimeDelta::days(7) <= gap_end
                        && skip_week(week_start, seconds)
                },
                visit_gap,
            ),
        };
        match ended {
            Some(Gap::Found(found)) => return Some(found),
            Some(Gap::End) if gap_end < DateTime::<Utc>::MAX_UTC => start = gap_end,
            _ => return None,
        }
    }
}

/// Why a computation has no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeError {
    /// The schedule has no open time within twenty years of this instant.
    NeverOpens(Instant),
    /// The result lies beyond the representable range.
    OutOfRange,
}

/// The first instant at which countable time since `from` reaches
/// `seconds`. A target reached exactly at a window's end is that end.
pub fn advance(
    clock: Clock<'_>,
    from: Instant,
    seconds: i64,
    pauses: &Pauses,
) -> Result<Instant, TimeError> {
    if !is_supported(from) {
        return Err(TimeError::OutOfRange);
    }
    let remaining = std::cell::Cell::new(seconds.max(0));
    if remaining.get() == 0 && pauses.is_empty() && matches!(clock, Clock::Elapsed) {
        return Ok(from);
    }
    let found = walk_countable(
        clock,
        from,
        pauses,
        |_, week_seconds| {
            // Skip only while the target lies beyond the week's end.
            let skip = week_seconds < remaining.get();
            if skip {
                remaining.set(remaining.get() - week_seconds);
            }
            skip
        },
        |a, b| {
            let length = (b - a).num_seconds();
            let left = remaining.get();
            if length >= left {
                ControlFlow::Break(a.checked_add_signed(chrono::TimeDelta::seconds(left)))
            } else {
                remaining.set(left - length);
                ControlFlow::Continue(())
            }
        },
    )
    .flatten();
    found.ok_or(match clock {
        Clock::Business(_) => TimeError::NeverOpens(from),
        Clock::Elapsed => TimeError::OutOfRange,
    })
}

/// Countable seconds in `[from, to)`: open (for a business clock) and not
/// paused. Zero when `to <= from`.
pub fn measure(clock: Clock<'_>, from: Instant, to: Instant, pauses: &Pauses) -> i64 {
    if to <= from {
        return 0;
    }
    let total = std::cell::Cell::new(0i64);
    walk_countable(
        clock,
        from,
        pauses,
        |week_start, week_seconds| {
            let fits = week_start + chrono::TimeDelta::days(7) <= to;
            if fits {
                total.set(total.get() + week_seconds);
            }
            fits
        },
        |a, b| {
            if a >= to {
                return ControlFlow::Break(());
            }
            total.set(total.get() + (b.min(to) - a).num_seconds());
            if b >= to {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        },
    );
    total.get()
}

/// The close of the last open window of the `n`th business day after the
/// local date on which `from` falls (the opening day never counts). A
/// business day has at least one open window and is not a holiday.
pub fn business_days_after(hours: Hours<'_>, from: Instant, n: u32) -> Result<Instant, TimeError> {
    if !is_supported(from) {
        return Err(TimeError::OutOfRange);
    }
    let schedule = hours.schedule;
    let zone = schedule.zone;
    let mut holidays = HolidayCursor::new(hours);
    let per_week = schedule.business_weekdays();
    if per_week == 0 {
        return Err(TimeError::NeverOpens(from));
    }
    let mut date = local_date(zone, from);
    let mut remaining = n.max(1);
    // Jump whole weeks while more than a week's worth remains: a span of
    // whole weeks holds `per_week` business days each, less its holidays
    // on open weekdays. Cost grows with years spanned, not with days.
    let mut stalled_days = 0u64;
    while remaining > per_week {
        let weeks = (remaining - 1) / per_week;
        let first = date.succ_opt().ok_or(TimeError::OutOfRange)?;
        let last = date
            .checked_add_days(Days::new(7 * u64::from(weeks)))
            .ok_or(TimeError::OutOfRange)?;
        let counted = weeks * per_week - holidays.closed_business_days(first, last);
        stalled_days = if counted == 0 {
            stalled_days + 7 * u64::from(weeks)
        } else {
            0
        };
        if stalled_days > u64::from(MAX_WALK_DAYS) {
            return Err(TimeError::NeverOpens(from));
        }
        remaining -= counted;
        date = last;
    }
    let mut closed_days = 0u32;
    loop {
        date = date.succ_opt().ok_or(TimeError::OutOfRange)?;
        if holidays.is_business_day(date) {
            closed_days = 0;
            remaining -= 1;
            if remaining == 0 {
                let last = schedule.week[weekday_index(date)]
                    .last()
                    .expect("business day has a window");
                return Ok(resolve_local(zone, date, last.end));
            }
        } else {
            closed_days += 1;
            if closed_days > MAX_WALK_DAYS {
                return Err(TimeError::NeverOpens(from));
            }
        }
    }
}

/// Whether the schedule is open at `at`, and when that changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenState {
    /// Open; closes at the instant given (`None`: not within two weeks, e.g. 24x7).
    Open { closes: Option<Instant> },
    /// Closed; opens at the instant given (`None`: not within twenty years).
    Closed { opens: Option<Instant> },
}

/// Longest stretch of back-to-back windows worth following: beyond it a
/// schedule is reported as open without a closing time.
const MAX_STRETCH_DAYS: i64 = 14;

/// The open stretch (back-to-back windows merged, so Monday 24:00 and
/// Tuesday 00:00 are one) that contains `at` or comes next after it.
pub fn stretch_at_or_after(hours: Hours<'_>, at: Instant) -> Option<(Instant, Option<Instant>)> {
    if !is_supported(at) {
        return None;
    }
    let horizon = at + chrono::TimeDelta::days(MAX_STRETCH_DAYS);
    let mut current: Option<(Instant, Instant)> = None;
    walk_open(
        hours,
        at - chrono::TimeDelta::days(8),
        |_, _| false,
        |a, b| {
            match current {
                Some((start, end)) if end == a => current = Some((start, b)),
                Some((_, end)) if end > at => return ControlFlow::Break(()),
                _ => current = Some((a, b)),
            }
            match current {
                Some((_, end)) if end > horizon => ControlFlow::Break(()),
                _ => ControlFlow::Continue(()),
            }
        },
    );
    current
        .filter(|&(_, end)| end > at)
        .map(|(start, end)| (start, (end <= horizon).then_some(end)))
}

/// Open or closed at `at`, and the next change.
pub fn open_state(hours: Hours<'_>, at: Instant) -> OpenState {
    match stretch_at_or_after(hours, at) {
        Some((start, closes)) if start <= at => OpenState::Open { closes },
        Some((start, _)) => OpenState::Closed { opens: Some(start) },
        None => OpenState::Closed { opens: None },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Instant {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    /// Mon-Fri 09:00-17:00 in Berlin, no holidays unless edited.
    fn office() -> Schedule {
        let nine_to_five = vec![Window::new(540, 1020).unwrap()];
        let mut week: [Vec<Window>; 7] = Default::default();
        for day in week.iter_mut().take(5) {
            *day = nine_to_five.clone();
        }
        Schedule::new(
            "office".into(),
            Zone::known("Europe/Berlin"),
            week.map(Into::into),
            None,
        )
    }

    fn hours<'a>(schedule: &'a Schedule, edits: &'a HolidayEdits) -> Hours<'a> {
        Hours {
            schedule,
            calendar: None,
            edits,
            years: None,
        }
    }

    #[test]
    fn business_hours_carry_over_the_weekend() {
        let s = office();
        let clock = Clock::Business(hours(&s, HolidayEdits::none()));
        // Friday 16:00 Berlin (15:00Z in winter) + 2 business hours = Monday 10:00.
        let due = advance(clock, utc(2026, 1, 16, 15, 0), 2 * 3600, &Pauses::none()).unwrap();
        assert_eq!(due, utc(2026, 1, 19, 9, 0));
    }

    #[test]
    fn a_deadline_on_a_window_end_is_that_end() {
        let s = office();
        let clock = Clock::Business(hours(&s, HolidayEdits::none()));
        let due = advance(clock, utc(2026, 1, 16, 8, 0), 8 * 3600, &Pauses::none()).unwrap();
        assert_eq!(due, utc(2026, 1, 16, 16, 0));
    }

    #[test]
    fn business_days_skip_the_opening_day_and_added_holidays() {
        let s = office();
        let mut edits = HolidayEdits::default();
        edits
            .added
            .insert(NaiveDate::from_ymd_opt(2026, 1, 19).unwrap());
        // Opened Friday: day 1 would be Monday, a holiday here, so Tuesday 17:00.
        let due = business_days_after(hours(&s, &edits), utc(2026, 1, 16, 8, 0), 1).unwrap();
        assert_eq!(due, utc(2026, 1, 20, 16, 0));
    }

    #[test]
    fn pauses_merge_and_stop_the_clock() {
        let pauses = Pauses::new(vec![
            (utc(2026, 1, 1, 2, 0), utc(2026, 1, 1, 3, 0)),
            (utc(2026, 1, 1, 1, 0), utc(2026, 1, 1, 2, 30)),
        ])
        .unwrap();
        assert_eq!(
            pauses.intervals(),
            &[(utc(2026, 1, 1, 1, 0), utc(2026, 1, 1, 3, 0))]
        );
        let due = advance(Clock::Elapsed, utc(2026, 1, 1, 0, 0), 2 * 3600, &pauses).unwrap();
        assert_eq!(due, utc(2026, 1, 1, 4, 0));
        assert_eq!(
            Pauses::new(vec![(utc(2026, 1, 1, 1, 0), utc(2026, 1, 1, 1, 0))]),
            Err(BadPause { index: 0 })
        );
    }

    #[test]
    fn a_pause_of_centuries_is_jumped_not_walked() {
        let s = office();
        let clock = Clock::Business(hours(&s, HolidayEdits::none()));
        let opened = utc(2026, 1, 16, 8, 0);
        let resumes = utc(2526, 1, 16, 8, 0);
        let pauses = Pauses::new(vec![(utc(2026, 1, 16, 9, 0), resumes)]).unwrap();
        // One hour before the pause, one after it: Friday 2526-01-16 09:00+01:00 is open.
        let due = advance(clock, opened, 2 * 3600, &pauses).unwrap();
        assert_eq!(due, utc(2526, 1, 16, 9, 0));
        assert_eq!(measure(clock, opened, due, &pauses), 2 * 3600);
    }

    #[test]
    fn open_state_reports_the_next_change() {
        let s = office();
        let h = hours(&s, HolidayEdits::none());
        assert_eq!(
            open_state(h, utc(2026, 1, 16, 10, 0)),
            OpenState::Open {
                closes: Some(utc(2026, 1, 16, 16, 0))
            }
        );
        assert_eq!(
            open_state(h, utc(2026, 1, 17, 10, 0)),
            OpenState::Closed {
                opens: Some(utc(2026, 1, 19, 8, 0))
            }
        );
    }

    /// A calendar closed on the `days` of December, on their dates.
    fn december(days: &[u32]) -> HolidayCalendar {
        use super::super::holidays::{Holiday, HolidayRule, Observed};
        let holidays: Vec<Holiday> = days
            .iter()
            .map(|&day| Holiday {
                name: "Holiday".into(),
                rule: HolidayRule::Fixed {
                    month: 12,
                    day,
                    observed: Observed::OnDate,
                },
                from_year: None,
            })
            .collect();
        HolidayCalendar {
            id: "december".into(),
            name: "December".into(),
            assumption: None,
            holidays: holidays.into(),
        }
    }

    #[test]
    fn kept_holiday_years_give_the_same_deadlines_and_serve_only_their_calendar() {
        let s = office();
        let christmas = december(&[24, 25, 26]);
        let other = december(&[31]);
        let (kept, wrong) = (HolidayYears::new(&christmas), HolidayYears::new(&other));
        let mut edits = HolidayEdits::default();
        edits
            .added
            .insert(NaiveDate::from_ymd_opt(2027, 12, 27).unwrap());
        edits
            .removed
            .insert(NaiveDate::from_ymd_opt(2026, 12, 24).unwrap());
        let plain = Hours {
            calendar: Some(&christmas),
            ..hours(&s, HolidayEdits::none())
        };
        // Opened Wed 2026-12-23 10:00 Berlin: Thu 24 and Fri 25 are
        // holidays, so business day 1 is Monday 28, closing 17:00 (16:00Z);
        // the other calendar's years would make it Thursday.
        let cached = Hours {
            years: Some(&kept),
            ..plain
        };
        assert_eq!(
            business_days_after(cached, utc(2026, 12, 23, 9, 0), 1),
            Ok(utc(2026, 12, 28, 16, 0))
        );
        for edits in [HolidayEdits::none(), &edits] {
            let plain = Hours { edits, ..plain };
            for years in [&kept, &wrong] {
                let cached = Hours {
                    years: Some(years),
                    ..plain
                };
                for year in [2025, 2026, 2027, 2028] {
                    let opened = utc(year, 12, 21, 15, 30);
                    for n in [1, 3, 10, 300] {
                        assert_eq!(
                            business_days_after(cached, opened, n),
                            business_days_after(plain, opened, n),
                            "{opened} {n} business days"
                        );
                        let seconds = i64::from(n) * 3600;
                        assert_eq!(
                            advance(Clock::Business(cached), opened, seconds, &Pauses::none()),
                            advance(Clock::Business(plain), opened, seconds, &Pauses::none()),
                            "{opened} {n} business hours"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn measure_inverts_advance() {
        let s = office();
        let clock = Clock::Business(hours(&s, HolidayEdits::none()));
        let start = utc(2026, 3, 20, 12, 34);
        for seconds in [1, 3600, 8 * 3600, 100 * 3600, 1000 * 3600] {
            let due = advance(clock, start, seconds, &Pauses::none()).unwrap();
            assert_eq!(measure(clock, start, due, &Pauses::none()), seconds);
        }
    }
}
