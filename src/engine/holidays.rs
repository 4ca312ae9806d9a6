//! Holiday calendars as rules (fixed dates with observed-day shifts, nth or
//! last weekday of a month, offsets from Easter, explicit dates) and the
//! user's per-schedule edits.

use std::cell::RefCell;
use std::rc::Rc;

use super::policy::{List, Text};
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// How a fixed-date holiday that falls on a weekend is observed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Observed {
    /// Closed on the date itself, whatever the weekday.
    OnDate,
    /// Saturday moves to the Friday before (possibly in the previous year),
    /// Sunday to the Monday after.
    NearestWeekday,
}

/// When a holiday falls in a given year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HolidayRule {
    Fixed {
        month: u32,
        day: u32,
        observed: Observed,
    },
    /// `n`th (1-based) `weekday` of `month`.
    NthWeekday {
        month: u32,
        weekday: Weekday,
        n: u8,
    },
    LastWeekday {
        month: u32,
        weekday: Weekday,
    },
    /// Days after (or before, if negative) Gregorian Easter Sunday.
    Easter {
        offset: i32,
    },
    /// One explicit date.
    Date(NaiveDate),
}

/// A named holiday with its rule and the years in which it is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    pub(crate) name: Text,
    pub(crate) rule: HolidayRule,
    pub(crate) from_year: Option<i32>,
}

impl Holiday {
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The closed date for the occurrence that belongs to `year` (which,
    /// after an observed-day shift, may fall in the year before).
    pub fn date_for(&self, year: i32) -> Option<NaiveDate> {
        if self.from_year.is_some_and(|first| year < first) {
            return None;
        }
        match self.rule {
            HolidayRule::Fixed {
                month,
                day,
                observed,
            } => {
                let date = NaiveDate::from_ymd_opt(year, month, day)?;
                Some(match (observed, date.weekday()) {
                    (Observed::NearestWeekday, Weekday::Sat) => date - Days::new(1),
                    (Observed::NearestWeekday, Weekday::Sun) => date + Days::new(1),
                    _ => date,
                })
            }
            HolidayRule::NthWeekday { month, weekday, n } => {
                NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
            }
            HolidayRule::LastWeekday { month, weekday } => {
                let next_month = if month == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(year, month + 1, 1)
                }?;
                let last = next_month.pred_opt()?;
                let back = (7 + last.weekday().num_days_from_monday()
                    - weekday.num_days_from_monday())
                    % 7;
                Some(last - Days::new(u64::from(back)))
            }
            HolidayRule::Easter { offset } => {
                let easter = easter_sunday(year)?;
                easter.checked_add_signed(chrono::TimeDelta::days(i64::from(offset)))
            }
            HolidayRule::Date(date) => (date.year() == year).then_some(date),
        }
    }
}

/// Gregorian Easter Sunday (anonymous Gregorian algorithm).
///
/// ```
/// use chrono::NaiveDate;
/// use sla::engine::holidays::easter_sunday;
/// assert_eq!(easter_sunday(2026), NaiveDate::from_ymd_opt(2026, 4, 5));
/// assert_eq!(easter_sunday(2027), NaiveDate::from_ymd_opt(2027, 3, 28));
/// ```
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// A named set of holiday rules, shared by schedules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayCalendar {
    pub(crate) id: Text,
    pub(crate) name: Text,
    pub(crate) assumption: Option<Text>,
    pub(crate) holidays: List<Holiday>,
}

impl HolidayCalendar {
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn assumption(&self) -> Option<&str> {
        self.assumption.as_deref()
    }
    pub fn holidays(&self) -> &[Holiday] {
        &self.holidays
    }
    /// Closed dates falling in `year`, sorted, with the holiday's name.
    pub fn dates_in(&self, year: i32) -> Vec<(NaiveDate, &str)> {
        let mut dates: Vec<(NaiveDate, &str)> = (year..=year + 1)
            .flat_map(|y| {
                self.holidays
                    .iter()
                    .filter_map(move |h| Some((h.date_for(y)?, h.name())))
            })
            .filter(|(date, _)| date.year() == year)
            .collect();
        super::sort_few(&mut dates);
        dates.dedup_by_key(|(date, _)| *date);
        dates
    }
    /// The closed dates falling in `year`, sorted.
    fn closed_in(&self, year: i32) -> Rc<[NaiveDate]> {
        self.dates_in(year).into_iter().map(|(d, _)| d).collect()
    }
}

/// A set of dates in order. Holiday edits are a handful of dates, so a
/// sorted `Vec` serves, and ships far less code in the wasm than a
/// `BTreeSet` (docs/performance.md).
///
/// ```
/// use chrono::NaiveDate;
/// use sla::engine::holidays::DateSet;
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
/// let mut set: DateSet = [day(31), day(24)].into_iter().collect();
/// assert!(set.insert(day(25)));
/// assert!(!set.insert(day(24)));
/// assert!(set.remove(&day(31)));
/// assert_eq!(set.iter().copied().collect::<Vec<_>>(), [day(24), day(25)]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateSet(Vec<NaiveDate>);

impl DateSet {
    pub const fn new() -> DateSet {
        DateSet(Vec::new())
    }
    /// Adds a date; false if it was in the set already.
    pub fn insert(&mut self, date: NaiveDate) -> bool {
        match self.0.binary_search(&date) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, date);
                true
            }
        }
    }
    /// Removes a date; false if it was not in the set.
    pub fn remove(&mut self, date: &NaiveDate) -> bool {
        match self.0.binary_search(date) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }
    pub fn contains(&self, date: &NaiveDate) -> bool {
        self.0.binary_search(date).is_ok()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The dates, earliest first.
    pub fn iter(&self) -> std::slice::Iter<'_, NaiveDate> {
        self.0.iter()
    }
}

impl FromIterator<NaiveDate> for DateSet {
    fn from_iter<I: IntoIterator<Item = NaiveDate>>(dates: I) -> DateSet {
        let mut set = DateSet::new();
        for date in dates {
            set.insert(date);
        }
        set
    }
}

impl<'a> IntoIterator for &'a DateSet {
    type Item = &'a NaiveDate;
    type IntoIter = std::slice::Iter<'a, NaiveDate>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The user's changes to a schedule's holidays: dates added (closed) and
/// dates removed (open after all). Contracts differ from the defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HolidayEdits {
    pub added: DateSet,
    pub removed: DateSet,
}

impl HolidayEdits {
    pub fn none() -> &'static HolidayEdits {
        static NONE: HolidayEdits = HolidayEdits {
            added: DateSet::new(),
            removed: DateSet::new(),
        };
        &NONE
    }
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}

/// The closed dates of one year after edits, sorted, for fast lookups.
#[derive(Debug, Clone)]
pub struct YearHolidays {
    year: i32,
    /// Shared with a [`HolidayYears`] when there are no edits.
    dates: Rc<[NaiveDate]>,
}

impl YearHolidays {
    pub fn new(
        calendar: Option<&HolidayCalendar>,
        edits: &HolidayEdits,
        year: i32,
    ) -> YearHolidays {
        let rules = calendar.map_or_else(|| Rc::from([]), |c| c.closed_in(year));
        YearHolidays::edited(year, rules, edits)
    }
    /// The year of a calendar whose years are kept in `kept`.
    pub fn kept(kept: &HolidayYears<'_>, edits: &HolidayEdits, year: i32) -> YearHolidays {
        YearHolidays::edited(year, kept.dates(year), edits)
    }
    /// `rules`: the calendar's dates of `year`, sorted.
    fn edited(year: i32, rules: Rc<[NaiveDate]>, edits: &HolidayEdits) -> YearHolidays {
        if edits.is_empty() {
            return YearHolidays { year, dates: rules };
        }
        let mut dates: Vec<NaiveDate> = rules
            .iter()
            .copied()
            .filter(|d| !edits.removed.contains(d))
            .collect();
        dates.extend(edits.added.iter().filter(|d| d.year() == year));
        super::sort_few(&mut dates);
        dates.dedup();
        YearHolidays {
            year,
            dates: dates.into(),
        }
    }
    pub fn year(&self) -> i32 {
        self.year
    }
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.dates.binary_search(&date).is_ok()
    }
    /// True when a closed date lies in `[first, last]`.
    pub fn any_between(&self, first: NaiveDate, last: NaiveDate) -> bool {
        !self.between(first, last).is_empty()
    }
    /// The closed dates in `[first, last]`.
    pub fn between(&self, first: NaiveDate, last: NaiveDate) -> &[NaiveDate] {
        let from = self.dates.partition_point(|d| *d < first);
        let to = self.dates.partition_point(|d| *d <= last);
        &self.dates[from..to.max(from)]
    }
}

/// One calendar's dates by year, each year worked out from the rules once,
/// when first asked, and kept: for a caller that computes many deadlines
/// (the ticket audit, where the rules cost more than the rest of a
/// deadline). The owner decides how long the years are kept; the engine
/// keeps nothing itself. The calendar is held here, so the years cannot
/// be taken for another calendar's; the user's edits are not part of
/// them, and apply on top per computation ([`YearHolidays::kept`]).
#[derive(Debug, Clone)]
pub struct HolidayYears<'c> {
    calendar: &'c HolidayCalendar,
    /// Sorted by year.
    years: RefCell<Vec<(i32, Rc<[NaiveDate]>)>>,
}

impl<'c> HolidayYears<'c> {
    pub fn new(calendar: &'c HolidayCalendar) -> HolidayYears<'c> {
        HolidayYears {
            calendar,
            years: RefCell::new(Vec::new()),
        }
    }
    pub fn calendar(&self) -> &'c HolidayCalendar {
        self.calendar
    }
    /// The calendar's closed dates falling in `year`, sorted.
    pub fn dates(&self, year: i32) -> Rc<[NaiveDate]> {
        let mut years = self.years.borrow_mut();
        match years.binary_search_by_key(&year, |(y, _)| *y) {
            Ok(at) => Rc::clone(&years[at].1),
            Err(at) => {
                let dates = self.calendar.closed_in(year);
                years.insert(at, (year, Rc::clone(&dates)));
                dates
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn holiday(name: &'static str, rule: HolidayRule, from_year: Option<i32>) -> Holiday {
        Holiday {
            name: name.into(),
            rule,
            from_year,
        }
    }

    /// New Year's Day observed on the nearest weekday (so some years close
    /// on the Dec 31 before), Good Friday, the last Monday of May from
    /// 2024, and Christmas on its date.
    fn calendar() -> HolidayCalendar {
        let fixed = |month, day, observed| HolidayRule::Fixed {
            month,
            day,
            observed,
        };
        HolidayCalendar {
            id: "test".into(),
            name: "Test".into(),
            assumption: None,
            holidays: vec![
                holiday("New Year", fixed(1, 1, Observed::NearestWeekday), None),
                holiday("Good Friday", HolidayRule::Easter { offset: -2 }, None),
                holiday(
                    "Spring",
                    HolidayRule::LastWeekday {
                        month: 5,
                        weekday: Weekday::Mon,
                    },
                    Some(2024),
                ),
                holiday("Christmas", fixed(12, 25, Observed::OnDate), None),
            ]
            .into(),
        }
    }

    fn dates(year: &YearHolidays) -> Vec<NaiveDate> {
        year.between(NaiveDate::MIN, NaiveDate::MAX).to_vec()
    }

    #[test]
    fn kept_years_are_the_years_the_rules_give() {
        let calendar = calendar();
        let kept = HolidayYears::new(&calendar);
        // 2022: New Year's Day 2022 is a Saturday, observed Fri 2021-12-31,
        // so 2022 has none; Good Friday Apr 15; no spring holiday before
        // 2024; Christmas Sun Dec 25 on its date.
        assert_eq!(
            dates(&YearHolidays::kept(&kept, HolidayEdits::none(), 2022)),
            [day(2022, 4, 15), day(2022, 12, 25)]
        );
        // 2021 closes on Dec 31 for 2022's New Year (and Jan 1, a Friday).
        assert_eq!(
            dates(&YearHolidays::kept(&kept, HolidayEdits::none(), 2021)),
            [
                day(2021, 1, 1),
                day(2021, 4, 2),
                day(2021, 12, 25),
                day(2021, 12, 31)
            ]
        );
        // Asked out of order and twice: each year once, and the same dates
        // as worked out without keeping them.
        for year in [2030, 2019, 2024, 2022, 2031, 2020, 2025, 2024, 2019] {
            assert_eq!(
                dates(&YearHolidays::kept(&kept, HolidayEdits::none(), year)),
                dates(&YearHolidays::new(
                    Some(&calendar),
                    HolidayEdits::none(),
                    year
                )),
                "{year}"
            );
            assert_eq!(*kept.dates(year), *calendar.closed_in(year), "{year}");
        }
        let years: Vec<i32> = kept.years.borrow().iter().map(|(y, _)| *y).collect();
        assert_eq!(years, [2019, 2020, 2021, 2022, 2024, 2025, 2030, 2031]);
    }

    #[test]
    fn edits_apply_on_top_of_kept_years_and_are_not_kept() {
        let calendar = calendar();
        let kept = HolidayYears::new(&calendar);
        let mut edits = HolidayEdits::default();
        edits.added.insert(day(2026, 7, 1));
        edits.added.insert(day(2026, 12, 25)); // a holiday already
        edits.added.insert(day(2027, 1, 4));
        // Good Friday 2026.
        edits.removed.insert(day(2026, 4, 3));
        // 2026: Jan 1 (Thu), Good Friday Apr 3 removed, May 25 (last
        // Monday), Jul 1 added, Christmas once.
        assert_eq!(
            dates(&YearHolidays::kept(&kept, &edits, 2026)),
            [
                day(2026, 1, 1),
                day(2026, 5, 25),
                day(2026, 7, 1),
                day(2026, 12, 25)
            ]
        );
        for year in 2018..=2032 {
            assert_eq!(
                dates(&YearHolidays::kept(&kept, &edits, year)),
                dates(&YearHolidays::new(Some(&calendar), &edits, year)),
                "{year}"
            );
        }
        // The kept years are the calendar's own: Good Friday is still there.
        assert!(kept.dates(2026).contains(&day(2026, 4, 3)));
        assert!(!kept.dates(2026).contains(&day(2026, 7, 1)));
        assert!(YearHolidays::kept(&kept, HolidayEdits::none(), 2026).contains(day(2026, 4, 3)));
    }
}
