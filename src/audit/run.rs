//! The audit of one ticket against the policy: for each target, the due
//! instant (`engine::deadline::deadlines` with the ticket's pauses), the
//! event that measures it, and its state at the "as of" instant. Also the
//! first pass over a file ([`Survey`]) that decides what the audit needs
//! from the whole file: the date order and the priority values.

use chrono::TimeDelta;

use super::detect::{Mapping, Response};
use super::error::{AuditError, RowError};
use super::severity::{SeverityMap, ValueCounts};
use super::stamp::{self, DateOrder, OrderScan, Reading};
use super::table::Row;
use crate::engine::deadline::{self, Selection, Timing};
use crate::engine::holidays::HolidayYears;
use crate::engine::policy::{Catalog, Event, Outcome, Policy, TargetSpec};
use crate::engine::time::{Instant, Pauses};
use crate::engine::zone::Zone;
use crate::engine::Error;

/// Where a target stands for a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum State {
    /// Breached: the event after the due instant, or no event and the due
    /// instant passed at the "as of" instant.
    Breached,
    /// Met: the event at or before the due instant.
    Met,
    /// No event yet, and not yet due at the "as of" instant.
    Open,
    /// No column measures this target (recurring targets, targets without
    /// `measured_by`, a mapping without that event's column).
    NotMeasured,
    /// The target has no dated deadline for this ticket (best effort, not
    /// offered, a "not before" date...).
    NoDeadline,
}

impl State {
    pub const ALL: [State; 5] = [
        State::Breached,
        State::Met,
        State::Open,
        State::NotMeasured,
        State::NoDeadline,
    ];
    /// `met`, `breached`, `open`, `not_measured` or `no_deadline`.
    pub fn id(self) -> &'static str {
        match self {
            State::Met => "met",
            State::Breached => "breached",
            State::Open => "open",
            State::NotMeasured => "not_measured",
            State::NoDeadline => "no_deadline",
        }
    }
    /// The state in words: `met`, `not measured`...
    pub fn label(self) -> &'static str {
        match self {
            State::NotMeasured => "not measured",
            State::NoDeadline => "no deadline",
            other => other.id(),
        }
    }
    /// The state of an [`id`](State::id).
    pub fn from_id(id: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// One target of one ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetResult {
    /// The due instant; `None` without a dated deadline.
    pub due: Option<Instant>,
    /// When the measuring event happened; `None` when it has not (or is
    /// not measured).
    pub actual: Option<Instant>,
    pub state: State,
    /// Due minus actual in whole minutes, rounded down (so a response 30
    /// seconds late is -1, one 30 seconds early 0); positive = early.
    /// `None` without both instants.
    pub margin_minutes: Option<i64>,
    /// Paused minutes between the opening and the event (or the "as of"
    /// instant while there is none), rounded down.
    pub paused_minutes: i64,
}

/// One audited ticket: results in the policy's target order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    /// The line the row starts on.
    pub line: u64,
    pub id: String,
    /// Index of the severity in the policy.
    pub severity: usize,
    pub opened: Instant,
    /// The ticket's pauses (empty without a pauses column), so the page
    /// can open the ticket in the single-ticket view with the same inputs.
    pub pauses: Pauses,
    pub targets: Vec<TargetResult>,
}

/// What the first pass over a file learns for the audit.
#[derive(Debug, Clone, Default)]
pub struct Survey {
    /// Slashed-date evidence over every timestamp column.
    order: OrderScan,
    /// The first column whose values needed an order, for messages.
    order_column: Option<usize>,
    severities: ValueCounts,
    rows: u64,
}

impl Survey {
    /// Notes one row under `mapping`.
    pub fn add(&mut self, row: &Row<'_>, mapping: &Mapping) {
        self.rows += 1;
        if let Some(value) = row.get(mapping.severity) {
            self.severities.add(value);
        }
        let response = match mapping.first_response {
            Some(Response::At(c)) => Some(c),
            _ => None,
        };
        for column in [Some(mapping.opened), response, mapping.resolved]
            .into_iter()
            .flatten()
        {
            if let Some(value) = row.get(column) {
                if self.order.add(value) && self.order_column.is_none() {
                    self.order_column = Some(column);
                }
            }
        }
    }

    /// Rows seen (good ones; bad rows are not surveyed).
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// The file's priority values with their counts.
    pub fn severity_values(&self) -> &ValueCounts {
        &self.severities
    }

    /// The date order of the file's slashed dates: `chosen` when given;
    /// else what the values prove; an error when they fit both orders
    /// (the caller must choose) or mix them.
    pub fn date_order(
        &self,
        header: &[String],
        chosen: Option<DateOrder>,
    ) -> Result<Option<DateOrder>, AuditError> {
        let column = self
            .order_column
            .and_then(|c| header.get(c))
            .map_or("", String::as_str);
        self.order.decide(column, chosen)
    }

    /// True when the caller must choose the date order.
    pub fn needs_date_order(&self) -> bool {
        self.order.is_ambiguous()
    }
}

/// Everything the audit of a row needs, checked once.
#[derive(Debug, Clone)]
pub struct Plan<'c> {
    selection: Selection<'c>,
    mapping: Mapping,
    severities: SeverityMap,
    reading: Reading,
    as_of: Instant,
    /// JSON input: row errors name `[index].path`.
    json: bool,
    header: Vec<String>,
    /// The years of each holiday calendar the policy's schedules use,
    /// worked out once for all the rows.
    years: Vec<HolidayYears<'c>>,
}

/// The choices an audit is run with.
#[derive(Debug, Clone)]
pub struct Choices<'a> {
    pub vendor: &'a str,
    pub package: &'a str,
    pub region: Option<&'a str>,
    /// The zone of timestamps without an offset.
    pub zone: Zone,
    /// The date order of slashed dates (from [`Survey::date_order`]).
    pub date_order: Option<DateOrder>,
    /// The instant open targets are judged at ("now" for the caller).
    pub as_of: Instant,
}

impl<'c> Plan<'c> {
    /// Resolves the vendor, package and region and checks the mapping.
    pub fn new(
        catalog: &'c Catalog,
        choices: &Choices<'_>,
        header: &[String],
        json: bool,
        mapping: Mapping,
        severities: SeverityMap,
    ) -> Result<Plan<'c>, AuditError> {
        let first = catalog
            .policy(choices.vendor)
            .and_then(|p| p.severities().first())
            .map_or("", |s| s.id());
        let selection = catalog
            .select(choices.vendor, choices.package, choices.region, first)
            .map_err(|e| {
                let field = match &e {
                    Error::Unknown { what, .. } => what.to_string(),
                    _ => "selection".to_string(),
                };
                AuditError::Choice {
                    field,
                    message: e.to_string(),
                }
            })?;
        mapping.check(header)?;
        let mut years: Vec<HolidayYears<'c>> = Vec::new();
        for named in selection.policy.schedules() {
            if let Some(index) = named.schedule().calendar() {
                let calendar = catalog.calendar(index);
                if !years.iter().any(|y| std::ptr::eq(y.calendar(), calendar)) {
                    years.push(HolidayYears::new(calendar));
                }
            }
        }
        Ok(Plan {
            selection,
            mapping,
            severities,
            reading: Reading {
                zone: choices.zone,
                order: choices.date_order,
            },
            as_of: choices.as_of,
            json,
            header: header.to_vec(),
            years,
        })
    }

    pub fn policy(&self) -> &'c Policy {
        self.selection.policy
    }

    /// The policy's targets, in the order of [`Ticket::targets`].
    pub fn targets(&self) -> &'c [TargetSpec] {
        self.selection.policy.targets()
    }

    pub fn mapping(&self) -> &Mapping {
        &self.mapping
    }

    pub fn as_of(&self) -> Instant {
        self.as_of
    }

    /// A row error naming the column (CSV) or JSON path.
    fn bad(&self, row: &Row<'_>, column: usize, reason: String) -> RowError {
        let name = self.header.get(column).map_or("", String::as_str);
        let at = if self.json {
            format!("[{}].{name}", row.index)
        } else {
            format!("column \"{name}\"")
        };
        RowError {
            line: row.line,
            reason: format!("{at}: {reason}"),
        }
    }

    fn cell<'r>(&self, row: &Row<'r>, column: usize) -> &'r str {
        row.get(column).unwrap_or("").trim()
    }

    /// An optional timestamp: empty (or ServiceNow's `?`) is none.
    fn instant(&self, row: &Row<'_>, column: usize) -> Result<Option<Instant>, RowError> {
        match self.cell(row, column) {
            "" | "?" => Ok(None),
            text => stamp::parse(text, self.reading)
                .map(Some)
                .map_err(|e| self.bad(row, column, e)),
        }
    }

    fn pauses(&self, row: &Row<'_>, column: usize) -> Result<Pauses, RowError> {
        let text = self.cell(row, column);
        let mut intervals = Vec::new();
        for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            // The `/` between two timestamps that both read (slashed dates
            // hold slashes of their own).
            let interval = part.match_indices('/').find_map(|(at, _)| {
                let from = stamp::parse(&part[..at], self.reading).ok()?;
                let until = stamp::parse(&part[at + 1..], self.reading).ok()?;
                Some((from, until))
            });
            let (from, until) = interval.ok_or_else(|| {
                self.bad(
                    row,
                    column,
                    format!(
                        "\"{part}\" is not a pause: expected FROM/UNTIL, e.g. \
                         2026-03-02T10:00:00Z/2026-03-02T12:00:00Z (several separated by ;)"
                    ),
                )
            })?;
            if until <= from {
                return Err(self.bad(
                    row,
                    column,
                    format!(
                        "pause \"{part}\" does not end after it starts: expected FROM before UNTIL"
                    ),
                ));
            }
            intervals.push((from, until));
        }
        Pauses::new(intervals)
            .map_err(|_| self.bad(row, column, "a pause ends before it starts".into()))
    }

    /// Audits one row; an error names the line and column.
    pub fn audit(&self, row: &Row<'_>) -> Result<Ticket, RowError> {
        let mapping = &self.mapping;
        let id = self.cell(row, mapping.id);
        if id.is_empty() {
            return Err(self.bad(
                row,
                mapping.id,
                "the ticket id is missing: expected e.g. 1234".into(),
            ));
        }
        let value = self.cell(row, mapping.severity);
        let severity =
            self.severities.get(value).ok_or_else(|| {
                self.bad(
                    row,
                    mapping.severity,
                    format!(
                    "unknown severity \"{value}\": map it to one of the policy's severities ({})",
                    crate::engine::join(
                        &self.policy().severities().iter().map(|s| s.id()).collect::<Vec<_>>(),
                        ", "
                    )
                ),
                )
            })?;
        let opened = self.instant(row, mapping.opened)?.ok_or_else(|| {
            self.bad(
                row,
                mapping.opened,
                "the opened time is missing: expected e.g. 2026-03-02T09:00:00Z".into(),
            )
        })?;
        let response = match mapping.first_response {
            None => None,
            Some(Response::At(column)) => Some((column, self.instant(row, column)?)),
            Some(Response::MinutesAfterOpened(column)) => {
                let minutes = match self.cell(row, column) {
                    "" => None,
                    text => Some(text.parse::<u32>().map_err(|_| {
                        self.bad(
                            row,
                            column,
                            format!(
                                "\"{text}\" is not a whole number of minutes: expected e.g. 45"
                            ),
                        )
                    })?),
                };
                Some((
                    column,
                    minutes.map(|m| opened + TimeDelta::minutes(i64::from(m))),
                ))
            }
        };
        let resolved = match mapping.resolved {
            None => None,
            Some(column) => Some((column, self.instant(row, column)?)),
        };
        for (column, at) in [response, resolved].into_iter().flatten() {
            if let Some(at) = at.filter(|at| *at < opened) {
                return Err(self.bad(
                    row,
                    column,
                    format!(
                        "{} is before the opened time {}: expected an event after the opening",
                        crate::request::format_instant(at),
                        crate::request::format_instant(opened)
                    ),
                ));
            }
        }
        let pauses = match mapping.pauses {
            Some(column) => self.pauses(row, column)?,
            None => Pauses::none(),
        };
        let selection = Selection {
            severity,
            ..self.selection
        };
        let timing = Timing {
            pauses,
            ..Timing::default()
        };
        let dues =
            deadline::deadlines_keeping(&selection, opened, &timing, &self.years).map_err(|e| {
                RowError {
                    line: row.line,
                    reason: format!("no deadline can be computed: {e}"),
                }
            })?;
        let targets = dues
            .iter()
            .map(|due| {
                let event = match due.target.measured_by() {
                    _ if due.target.after().is_some() => None,
                    Some(Event::FirstResponse) => response.map(|(_, at)| at),
                    Some(Event::Resolution) => resolved.map(|(_, at)| at),
                    None => None,
                };
                judge(
                    event,
                    due.due.filter(|_| due.outcome != Outcome::Earliest),
                    opened,
                    self.as_of,
                    &timing.pauses,
                )
            })
            .collect();
        Ok(Ticket {
            line: row.line,
            id: id.to_string(),
            severity,
            opened,
            pauses: timing.pauses,
            targets,
        })
    }
}

/// One target's state. `event` is `None` when not measured, `Some(None)`
/// when measured but not (yet) happened.
fn judge(
    event: Option<Option<Instant>>,
    due: Option<Instant>,
    opened: Instant,
    as_of: Instant,
    pauses: &Pauses,
) -> TargetResult {
    let actual = event.flatten();
    let paused_minutes = paused_seconds(pauses, opened, actual.unwrap_or(as_of)).div_euclid(60);
    let (state, margin_minutes) = match (event, due) {
        (None, _) => (State::NotMeasured, None),
        (Some(_), None) => (State::NoDeadline, None),
        (Some(Some(at)), Some(due)) => (
            if at <= due {
                State::Met
            } else {
                State::Breached
            },
            Some((due - at).num_seconds().div_euclid(60)),
        ),
        (Some(None), Some(due)) if as_of > due => (State::Breached, None),
        (Some(None), Some(_)) => (State::Open, None),
    };
    TargetResult {
        due,
        actual,
        state,
        margin_minutes,
        paused_minutes,
    }
}

/// Seconds of pauses inside `[from, to)`.
fn paused_seconds(pauses: &Pauses, from: Instant, to: Instant) -> i64 {
    pauses
        .intervals()
        .iter()
        .map(|&(start, end)| (end.min(to) - start.max(from)).num_seconds().max(0))
        .sum()
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;

    fn at(h: u32, m: u32) -> Instant {
        Utc.with_ymd_and_hms(2026, 3, 2, h, m, 0).unwrap()
    }

    #[test]
    fn states_follow_the_event_and_the_as_of_instant() {
        let none = Pauses::none();
        let (opened, due) = (at(9, 0), at(11, 0));
        let cases = [
            // Event 30 s after the due instant: breached by a minute, rounded down.
            (
                Some(Some(at(11, 0) + TimeDelta::seconds(30))),
                Some(due),
                at(12, 0),
                State::Breached,
                Some(-1),
            ),
            // Exactly at the due instant: met, margin 0.
            (
                Some(Some(at(11, 0))),
                Some(due),
                at(12, 0),
                State::Met,
                Some(0),
            ),
            (
                Some(Some(at(10, 15))),
                Some(due),
                at(12, 0),
                State::Met,
                Some(45),
            ),
            // No event: open until the due instant has passed.
            (Some(None), Some(due), at(11, 0), State::Open, None),
            (Some(None), Some(due), at(11, 1), State::Breached, None),
            (Some(None), None, at(11, 1), State::NoDeadline, None),
            (None, Some(due), at(11, 1), State::NotMeasured, None),
        ];
        for (event, due, as_of, state, margin) in cases {
            let result = judge(event, due, opened, as_of, &none);
            assert_eq!(
                (result.state, result.margin_minutes),
                (state, margin),
                "{event:?} {as_of}"
            );
        }
    }

    #[test]
    fn paused_time_counts_up_to_the_event() {
        // Pauses 09:30-10:00 and 10:30-11:30; the event at 11:00 sees
        // 30 + 30 minutes of them.
        let pauses = Pauses::new(vec![(at(9, 30), at(10, 0)), (at(10, 30), at(11, 30))]).unwrap();
        let result = judge(
            Some(Some(at(11, 0))),
            Some(at(12, 0)),
            at(9, 0),
            at(13, 0),
            &pauses,
        );
        assert_eq!(result.paused_minutes, 60);
        // Without an event, up to the as-of instant: 30 + 60.
        let result = judge(Some(None), Some(at(12, 0)), at(9, 0), at(13, 0), &pauses);
        assert_eq!(result.paused_minutes, 90);
    }
}
