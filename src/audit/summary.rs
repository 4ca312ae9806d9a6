//! The summary per severity and target: tickets, met, breached, open,
//! met %, median and worst margin. Integer arithmetic throughout.
//!
//! - met % is met / (met + breached), Jira's "success rate" (completed
//!   plus running-but-breached), rounded to the nearest whole percent
//!   (halves up); none while nothing is met or breached.
//! - The median margin is the middle of the sorted margins, the lower of
//!   the two middle ones for an even count (no averaging: a margin stays
//!   a whole number of minutes); the worst is the smallest.
//!
//! Margins are kept as `i32` minutes per cell (about 4 bytes a ticket and
//! target), so a million tickets summarise in a few megabytes.

use super::run::{State, Ticket};

#[derive(Debug, Clone, Default)]
struct Cell {
    tickets: u64,
    met: u64,
    breached: u64,
    open: u64,
    margins: Vec<i32>,
}

/// Counts as tickets are added.
#[derive(Debug, Clone)]
pub struct Summary {
    targets: usize,
    /// `cells[severity * targets + target]`.
    cells: Vec<Cell>,
    tickets: u64,
    bad_rows: u64,
}

/// One severity and target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Index of the severity in the policy.
    pub severity: usize,
    /// Index of the target in the policy.
    pub target: usize,
    /// Tickets of this severity whose target was measured and dated.
    pub tickets: u64,
    pub met: u64,
    pub breached: u64,
    pub open: u64,
    /// Whole percent, see the module doc; `None` without met or breached.
    pub met_percent: Option<u32>,
    pub median_margin: Option<i64>,
    pub worst_margin: Option<i64>,
}

impl Summary {
    pub fn new(severities: usize, targets: usize) -> Summary {
        Summary {
            targets,
            cells: vec![Cell::default(); severities * targets],
            tickets: 0,
            bad_rows: 0,
        }
    }

    pub fn add(&mut self, ticket: &Ticket) {
        self.tickets += 1;
        for (target, result) in ticket.targets.iter().enumerate() {
            let Some(cell) = self.cells.get_mut(ticket.severity * self.targets + target) else {
                continue;
            };
            match result.state {
                State::Met => cell.met += 1,
                State::Breached => cell.breached += 1,
                State::Open => cell.open += 1,
                State::NotMeasured | State::NoDeadline => continue,
            }
            cell.tickets += 1;
            if let Some(margin) = result.margin_minutes {
                cell.margins
                    .push(i32::try_from(margin).unwrap_or(if margin < 0 {
                        i32::MIN
                    } else {
                        i32::MAX
                    }));
            }
        }
    }

    /// Counts a row that could not be audited.
    pub fn add_bad(&mut self) {
        self.bad_rows += 1;
    }

    /// Tickets audited.
    pub fn tickets(&self) -> u64 {
        self.tickets
    }

    /// Rows that could not be audited.
    pub fn bad_rows(&self) -> u64 {
        self.bad_rows
    }

    /// The lines with at least one measured, dated ticket, by severity
    /// then target (sorts each cell's margins once).
    pub fn lines(&mut self) -> Vec<Line> {
        let targets = self.targets.max(1);
        self.cells
            .iter_mut()
            .enumerate()
            .filter(|(_, cell)| cell.tickets > 0)
            .map(|(index, cell)| {
                cell.margins.sort_unstable();
                let decided = cell.met + cell.breached;
                Line {
                    severity: index / targets,
                    target: index % targets,
                    tickets: cell.tickets,
                    met: cell.met,
                    breached: cell.breached,
                    open: cell.open,
                    met_percent: (decided > 0).then(|| {
                        u32::try_from((cell.met * 200 + decided) / (2 * decided)).unwrap_or(100)
                    }),
                    median_margin: (!cell.margins.is_empty())
                        .then(|| i64::from(cell.margins[(cell.margins.len() - 1) / 2])),
                    worst_margin: cell.margins.first().map(|m| i64::from(*m)),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::audit::run::TargetResult;

    fn ticket(severity: usize, states: &[(State, Option<i64>)]) -> Ticket {
        Ticket {
            line: 2,
            id: "1".into(),
            severity,
            opened: Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap(),
            pauses: crate::engine::time::Pauses::none(),
            targets: states
                .iter()
                .map(|&(state, margin_minutes)| TargetResult {
                    due: None,
                    actual: None,
                    state,
                    margin_minutes,
                    paused_minutes: 0,
                })
                .collect(),
        }
    }

    #[test]
    fn counts_percent_median_and_worst() {
        let mut summary = Summary::new(2, 2);
        // Severity 0, target 0: margins 30, -10, 5 (met, breached, met) and
        // one open; target 1 not measured throughout.
        for (state, margin) in [
            (State::Met, Some(30)),
            (State::Breached, Some(-10)),
            (State::Met, Some(5)),
            (State::Open, None),
        ] {
            summary.add(&ticket(0, &[(state, margin), (State::NotMeasured, None)]));
        }
        // Severity 1, target 1: two met of three decided, margins 7 and 1,
        // and one breached without an event.
        for (state, margin) in [
            (State::Met, Some(7)),
            (State::Met, Some(1)),
            (State::Breached, None),
        ] {
            summary.add(&ticket(1, &[(State::NoDeadline, None), (state, margin)]));
        }
        summary.add_bad();
        assert_eq!((summary.tickets(), summary.bad_rows()), (7, 1));
        assert_eq!(
            summary.lines(),
            vec![
                // 2 met of 3 decided: 66.67 % rounds to 67; sorted -10, 5, 30.
                Line {
                    severity: 0,
                    target: 0,
                    tickets: 4,
                    met: 2,
                    breached: 1,
                    open: 1,
                    met_percent: Some(67),
                    median_margin: Some(5),
                    worst_margin: Some(-10)
                },
                // Margins 1, 7: the lower middle is 1.
                Line {
                    severity: 1,
                    target: 1,
                    tickets: 3,
                    met: 2,
                    breached: 1,
                    open: 0,
                    met_percent: Some(67),
                    median_margin: Some(1),
                    worst_margin: Some(1)
                },
            ]
        );
    }

    #[test]
    fn half_percents_round_up() {
        // 1 met of 8: 12.5 % rounds to 13; 1 of 3: 33.3 % to 33.
        for (met, breached, percent) in [(1, 7, 13), (1, 2, 33), (0, 4, 0), (5, 0, 100)] {
            let mut summary = Summary::new(1, 1);
            for _ in 0..met {
                summary.add(&ticket(0, &[(State::Met, Some(1))]));
            }
            for _ in 0..breached {
                summary.add(&ticket(0, &[(State::Breached, Some(-1))]));
            }
            assert_eq!(
                summary.lines()[0].met_percent,
                Some(percent),
                "{met}/{breached}"
            );
        }
    }
}
