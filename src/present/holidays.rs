//! The holiday editor's view-model: the calendars the selection's
//! schedules use, each with its dates in the year from the opening day,
//! which the user can work or close (contracts differ).

use chrono::{Datelike, Days, NaiveDate};

use crate::engine::deadline::Selection;
use crate::engine::join;
use crate::engine::policy::ClockRef;
use crate::engine::time::{local_date, Instant};

use super::text;

/// A holiday calendar in use, with the schedules using it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarView {
    /// "US federal holidays: Mon–Fri 09:00–19:00 US Eastern time".
    pub heading: String,
    /// How the calendar was read, where the policy is silent.
    pub assumption: Option<&'static str>,
    pub dates: Vec<HolidayDate>,
}

/// One holiday of a calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayDate {
    pub date: NaiveDate,
    /// "Thu 26 Nov 2026 – Thanksgiving Day".
    pub label: String,
}

/// The calendars of the coverage schedule and of every target's clock, each
/// once, with their holidays from the opening day (in the schedule's zone)
/// to a year later.
pub fn calendars(s: Selection<'static>, opened: Instant) -> Vec<CalendarView> {
    let mut indices = vec![s.coverage_index()];
    for t in s.policy.targets() {
        if let ClockRef::Schedule(i) = t.clock() {
            if !indices.contains(&i) {
                indices.push(i);
            }
        }
    }
    // (calendar, the names of the schedules using it, its dates)
    let mut seen: Vec<(
        &'static crate::engine::holidays::HolidayCalendar,
        Vec<&str>,
        Vec<HolidayDate>,
    )> = Vec::new();
    for i in indices {
        let named = s.policy.schedule(i);
        let Some(c) = named.schedule().calendar() else {
            continue;
        };
        let calendar = s.catalog.calendar(c);
        if let Some((_, schedules, _)) = seen.iter_mut().find(|v| std::ptr::eq(v.0, calendar)) {
            schedules.push(named.name());
            continue;
        }
        let first = local_date(named.schedule().zone(), opened);
        let last = first.checked_add_days(Days::new(365)).unwrap_or(first);
        let dates = [first.year(), first.year() + 1]
            .into_iter()
            .flat_map(|y| calendar.dates_in(y))
            .filter(|(d, _)| *d >= first && *d <= last)
            .map(|(date, name)| HolidayDate {
                date,
                label: format!("{} \u{2013} {name}", text::date(date)),
            })
            .collect();
        seen.push((calendar, vec![named.name()], dates));
    }
    seen.into_iter()
        .map(|(calendar, schedules, dates)| CalendarView {
            heading: format!("{}: {}", calendar.name(), join(&schedules, "; ")),
            assumption: calendar.assumption(),
            dates,
        })
        .collect()
}

/// After "Holidays": how many dates the user changed, if any.
pub fn changes_text(changes: usize) -> String {
    match changes {
        0 => String::new(),
        1 => " (1 change)".into(),
        n => format!(" ({n} changes)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::load;
    use chrono::{TimeZone, Utc};

    #[test]
    fn the_calendars_in_use_with_a_years_holidays_from_the_opening() {
        let catalog = load::embedded();
        let selection = catalog.select("threepbx", "standard", None, "3").unwrap();
        // Fri 20 Nov 2026 14:00 UTC (09:00 EST).
        let opened = Utc.with_ymd_and_hms(2026, 11, 20, 14, 0, 0).unwrap();
        let views = calendars(selection, opened);
        assert_eq!(views.len(), 1, "{views:?}");
        let v = &views[0];
        assert_eq!(
            v.heading,
            "US federal holidays: Mon\u{2013}Fri 09:00\u{2013}19:00 US Eastern time"
        );
        let first = &v.dates[0];
        // The first holiday on or after the opening day: Thanksgiving.
        assert_eq!(first.date, NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
        assert!(
            first.label.starts_with("Thu 26 Nov 2026 \u{2013} "),
            "{}",
            first.label
        );
        // A year's worth, none before the opening, none past a year later.
        let last = v.dates.last().unwrap().date;
        assert!(last <= NaiveDate::from_ymd_opt(2027, 11, 20).unwrap());
        assert!(
            v.dates
                .iter()
                .any(|d| d.date == NaiveDate::from_ymd_opt(2027, 7, 5).unwrap()),
            "Independence Day observed on Mon 5 Jul 2027"
        );
        assert!(v.dates.windows(2).all(|w| w[0].date < w[1].date));
    }

    #[test]
    fn changes_in_words() {
        assert_eq!(changes_text(0), "");
        assert_eq!(changes_text(1), " (1 change)");
        assert_eq!(changes_text(3), " (3 changes)");
    }
}
