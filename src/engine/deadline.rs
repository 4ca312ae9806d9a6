//! Deadlines for a ticket: which policy cells apply to a selection, the due
//! instant of each target, how much of its window is used, and whether
//! support is open.

use super::error::Error;
use super::holidays::{HolidayEdits, HolidayYears};
use super::policy::*;
use super::time::{self, Clock, Hours, Instant, OpenState, Pauses, TimeError};

const SECONDS_PER_HOUR: i64 = 3600;

/// A vendor, package, coverage region and severity, resolved and checked.
#[derive(Debug, Clone, Copy)]
pub struct Selection<'c> {
    pub catalog: &'c Catalog,
    pub policy: &'c Policy,
    pub package: usize,
    /// Index into the package's regions; `None` when it has none.
    pub region: Option<usize>,
    pub severity: usize,
}

impl Catalog {
    /// Resolves ids; `region` defaults to the package's first region and is
    /// an error for a package without regions.
    pub fn select(
        &self,
        vendor: &str,
        package: &str,
        region: Option<&str>,
        severity: &str,
    ) -> Result<Selection<'_>, Error> {
        let policy = self.policy(vendor).ok_or_else(|| {
            Error::unknown("vendor", vendor, self.policies.iter().map(|p| p.id()))
        })?;
        let package_index = policy.package_index(package).ok_or_else(|| {
            Error::unknown("package", package, policy.packages.iter().map(|p| p.id()))
        })?;
        let regions = policy.packages[package_index].regions();
        let region = match (region, regions.is_empty()) {
            (None, true) => None,
            (None, false) => Some(0),
            (Some(id), false) => Some(
                regions
                    .iter()
                    .position(|r| r.id() == id)
                    .ok_or_else(|| Error::unknown("region", id, regions.iter().map(|r| r.id())))?,
            ),
            (Some(id), true) => {
                return Err(Error::invalid(
                    "region",
                    format!(
                    "package \"{package}\" has no coverage regions, so region \"{id}\" does not apply"
                ),
                ))
            }
        };
        let severity_index = policy.severity_index(severity).ok_or_else(|| {
            Error::unknown(
                "severity",
                severity,
                policy.severities.iter().map(|s| s.id()),
            )
        })?;
        Ok(Selection {
            catalog: self,
            policy,
            package: package_index,
            region,
            severity: severity_index,
        })
    }
}

impl<'c> Selection<'c> {
    pub fn package(&self) -> &'c Package {
        &self.policy.packages[self.package]
    }
    pub fn severity(&self) -> &'c Severity {
        &self.policy.severities[self.severity]
    }
    pub fn region(&self) -> Option<&'c Region> {
        self.region.map(|r| &self.package().regions()[r])
    }
    /// The same selection with another package (region reset to its default).
    pub fn with_package(&self, package: usize) -> Selection<'c> {
        let has_regions = !self.policy.packages[package].regions().is_empty();
        let region = match self.region {
            Some(r) if has_regions && r < self.policy.packages[package].regions().len() => Some(r),
            _ => has_regions.then_some(0),
        };
        Selection {
            package,
            region,
            ..*self
        }
    }
    /// Index of the coverage schedule (support hours) in the policy.
    pub fn coverage_index(&self) -> usize {
        self.package().coverage(self.region)
    }
    pub fn coverage(&self) -> &'c NamedSchedule {
        self.policy.schedule(self.coverage_index())
    }
    /// A schedule of the policy with its holidays and the user's edits.
    pub fn hours<'e>(&self, schedule: usize, edits: &'e HolidayEdits) -> Hours<'e>
    where
        'c: 'e,
    {
        self.hours_keeping(schedule, edits, &[])
    }
    /// [`Selection::hours`] with the caller's kept holiday years: the
    /// schedule's calendar's, if among them.
    pub fn hours_keeping<'e>(
        &self,
        schedule: usize,
        edits: &'e HolidayEdits,
        years: &'e [HolidayYears<'e>],
    ) -> Hours<'e>
    where
        'c: 'e,
    {
        let schedule = self.policy.schedule(schedule).schedule();
        let calendar = schedule.calendar().map(|c| self.catalog.calendar(c));
        Hours {
            schedule,
            calendar,
            edits,
            years: calendar
                .and_then(|c| years.iter().find(|kept| std::ptr::eq(kept.calendar(), c))),
        }
    }
    fn target_schedule(&self, target: &TargetSpec) -> usize {
        match target.clock() {
            ClockRef::Coverage => self.coverage_index(),
            ClockRef::Schedule(index) => index,
        }
    }
}

/// One target's result for a ticket.
#[derive(Debug, Clone, Copy)]
pub struct Due<'c> {
    pub target: &'c TargetSpec,
    pub rule: Rule,
    /// The cell's provenance, or the target's.
    pub provenance: &'c Provenance,
    /// The policy's own words for a result without a date, if given.
    pub words: Option<&'c str>,
    pub outcome: Outcome,
    /// Due (or, for `Earliest`, not-before) instant; `None` without a date.
    pub due: Option<Instant>,
    /// Where counting starts: the opening, or the earlier target's due time
    /// for a recurring target.
    pub start: Instant,
    /// The schedule business units count on (index); `None` for clock units.
    pub business: Option<usize>,
    /// For a recurring target, the interval between updates.
    pub cadence: Option<Amount>,
}

/// A ticket's timing inputs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timing {
    pub pauses: Pauses,
    pub holidays: HolidayEdits,
}

fn time_error(selection: &Selection<'_>, schedule: usize, error: TimeError) -> Error {
    match error {
        TimeError::NeverOpens(_) => Error::NeverOpens {
            schedule: selection.policy.schedule(schedule).id().to_string(),
        },
        TimeError::OutOfRange => Error::OutOfRange,
    }
}

/// The instant `amount` after `start`, per the unit's reading in
/// docs/policy-reading.md (§1.3 to §1.5, pauses §1.8).
pub fn due_after(
    selection: &Selection<'_>,
    schedule: usize,
    amount: Amount,
    start: Instant,
    pauses: &Pauses,
    edits: &HolidayEdits,
) -> Result<Instant, Error> {
    due_after_anchor(
        selection,
        schedule,
        amount,
        (start, start),
        pauses,
        edits,
        &[],
    )
}

/// [`due_after`] from an anchor given as `(start, unpaused)`: where the
/// count starts, and where it would start without pauses (earlier for a
/// recurring target whose anchor a pause moved). A business-day target
/// gets the open time it has unpaused, measured from the unpaused anchor,
/// so a pause never shortens it (policies/README.md, decision 14).
fn due_after_anchor(
    selection: &Selection<'_>,
    schedule: usize,
    amount: Amount,
    (start, unpaused_start): (Instant, Instant),
    pauses: &Pauses,
    edits: &HolidayEdits,
    years: &[HolidayYears<'_>],
) -> Result<Instant, Error> {
    let value = i64::from(amount.value);
    let hours = selection.hours_keeping(schedule, edits, years);
    let result = match amount.unit {
        Unit::ClockHours => time::advance(Clock::Elapsed, start, value * SECONDS_PER_HOUR, pauses),
        Unit::ClockDays => {
            time::advance(Clock::Elapsed, start, value * 24 * SECONDS_PER_HOUR, pauses)
        }
        Unit::BusinessHours => time::advance(
            Clock::Business(hours),
            start,
            value * SECONDS_PER_HOUR,
            pauses,
        ),
        Unit::BusinessDays => {
            let unpaused = time::business_days_after(hours, unpaused_start, amount.value);
            match unpaused {
                Ok(d0) if !pauses.is_empty() => {
                    let open =
                        time::measure(Clock::Business(hours), unpaused_start, d0, &Pauses::none());
                    time::advance(Clock::Business(hours), start, open, pauses)
                }
                other => other,
            }
        }
    };
    result.map_err(|e| time_error(selection, schedule, e))
}

/// Every target of the selection, in policy order.
pub fn deadlines<'c>(
    selection: &Selection<'c>,
    opened: Instant,
    timing: &Timing,
) -> Result<Vec<Due<'c>>, Error> {
    deadlines_keeping(selection, opened, timing, &[])
}

/// [`deadlines`] with holiday years the caller keeps across tickets (the
/// ticket audit: one [`HolidayYears`] per calendar), so that each year's
/// holidays are worked out once, not once per target of every ticket.
pub fn deadlines_keeping<'c>(
    selection: &Selection<'c>,
    opened: Instant,
    timing: &Timing,
    years: &[HolidayYears<'_>],
) -> Result<Vec<Due<'c>>, Error> {
    let mut results: Vec<Due<'c>> = Vec::with_capacity(selection.policy.targets.len());
    // Where each target would be due without pauses: the unpaused anchor
    // of the recurring targets counted from it.
    let mut unpaused: Vec<Option<Instant>> = Vec::with_capacity(results.capacity());
    for target in selection.policy.targets() {
        let cell = target.cell(selection.package, selection.severity);
        let schedule = selection.target_schedule(target);
        let (anchor, inherited) = match target.after() {
            None => ((opened, opened), None),
            Some(earlier) => match (results[earlier].due, unpaused[earlier]) {
                (Some(due), Some(due_unpaused)) => ((due, due_unpaused), None),
                _ => ((opened, opened), Some(results[earlier].outcome)),
            },
        };
        let dated = |pauses: &Pauses, anchor| {
            cell.rule.amount().map(|amount| {
                due_after_anchor(
                    selection,
                    schedule,
                    amount,
                    anchor,
                    pauses,
                    &timing.holidays,
                    years,
                )
            })
        };
        let (outcome, due, due_unpaused) = match (inherited, cell.rule) {
            // A recurring target whose anchor has no date has none either.
            (Some(outcome), Rule::Due(_) | Rule::Earliest(_)) => (outcome, None, None),
            (_, Rule::Other(outcome)) => (outcome, None, None),
            (_, rule) => {
                let due = dated(&timing.pauses, anchor).transpose()?;
                let due_unpaused = if timing.pauses.is_empty() {
                    due
                } else {
                    dated(&Pauses::none(), (anchor.1, anchor.1)).transpose()?
                };
                (rule.outcome(), due, due_unpaused)
            }
        };
        let start = anchor.0;
        unpaused.push(due_unpaused);
        let business = cell
            .rule
            .amount()
            .filter(|a| a.unit.is_business())
            .map(|_| schedule);
        results.push(Due {
            target,
            rule: cell.rule,
            provenance: cell.provenance.as_ref().unwrap_or(target.provenance()),
            words: cell.words.as_deref(),
            outcome,
            due,
            start,
            business,
            cadence: target.after().and(cell.rule.amount()),
        });
    }
    Ok(results)
}

/// Where a dated target stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    OnTrack,
    /// A quarter or less of the countable window remains.
    DueSoon,
    Breached,
    /// An `earliest` target whose date has not come.
    NotYet,
    /// An `earliest` target whose date has passed.
    Reached,
}

impl State {
    pub fn id(self) -> &'static str {
        match self {
            State::OnTrack => "on-track",
            State::DueSoon => "due-soon",
            State::Breached => "breached",
            State::NotYet => "not-yet",
            State::Reached => "reached",
        }
    }
    pub fn words(self) -> &'static str {
        match self {
            State::OnTrack => "On track",
            State::DueSoon => "Due soon",
            State::Breached => "Breached",
            State::NotYet => "Not yet",
            State::Reached => "Date reached",
        }
    }
}

/// A dated target at a moment: state, share of window used, time left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub state: State,
    /// Countable time used since the start, in thousandths of the window.
    pub used_permille: u32,
    /// Real seconds from now until the due instant; negative once passed.
    pub seconds_left: i64,
}

/// Permille used at or above which a deadline is "due soon".
const DUE_SOON_PERMILLE: u32 = 750;

/// How a dated target stands at `now`; `None` for targets without a date.
pub fn progress(
    selection: &Selection<'_>,
    due: &Due<'_>,
    now: Instant,
    timing: &Timing,
) -> Option<Progress> {
    let at = due.due?;
    let clock = match due.business {
        Some(schedule) => Clock::Business(selection.hours(schedule, &timing.holidays)),
        None => Clock::Elapsed,
    };
    let total = time::measure(clock, due.start, at, &timing.pauses);
    let used = time::measure(clock, due.start, now.min(at), &timing.pauses);
    let used_permille = if total <= 0 {
        1000
    } else {
        // Spans lie within the supported years, so this stays far from overflow.
        u32::try_from((used.saturating_mul(1000) / total).clamp(0, 1000)).unwrap_or(1000)
    };
    let seconds_left = (at - now).num_seconds();
    let state = match (due.outcome, now >= at) {
        (Outcome::Earliest, false) => State::NotYet,
        (Outcome::Earliest, true) => State::Reached,
        (_, true) => State::Breached,
        (_, false) if used_permille >= DUE_SOON_PERMILLE => State::DueSoon,
        _ => State::OnTrack,
    };
    Some(Progress {
        state,
        used_permille,
        seconds_left,
    })
}

/// Whether the selection's support coverage is open at `now`.
pub fn support_state(selection: &Selection<'_>, now: Instant, edits: &HolidayEdits) -> OpenState {
    time::open_state(selection.hours(selection.coverage_index(), edits), now)
}

/// The scheduled downtime window in progress at `now`, or the next one.
pub fn next_downtime(
    selection: &Selection<'_>,
    now: Instant,
) -> Option<(Instant, Option<Instant>)> {
    let downtime = selection.policy.downtime()?;
    time::stretch_at_or_after(
        selection.hours(downtime.schedule(), HolidayEdits::none()),
        now,
    )
}

/// The earliest date a notice period allows, counted from `now`.
pub fn lead_time_due(
    selection: &Selection<'_>,
    lead: &LeadTime,
    now: Instant,
    edits: &HolidayEdits,
) -> Result<Instant, Error> {
    due_after(
        selection,
        lead.clock(),
        lead.amount(),
        now,
        &Pauses::none(),
        edits,
    )
}
