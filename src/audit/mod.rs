//! The ticket audit: a helpdesk export in, for every ticket and target the
//! contractual due instant, the event that measured it and whether it was
//! met, plus a summary. A layer over `engine` with its own error type; no
//! I/O, no clock and no threads (the "as of" instant is an argument), so
//! the same code runs in `sla audit` and in the page's worker.
//!
//! The flow, each step a module:
//!
//! 1. **read** ([`table`]): bytes in slices, CSV or JSON, into rows with
//!    their line numbers;
//! 2. **detect** ([`detect`]): the format from the header, and the
//!    proposed column [`Mapping`] the user may change; a first pass over
//!    the rows ([`Survey`], driven by [`Scan`]) decides the date order
//!    ([`stamp`]) and counts the priority values;
//! 3. **map** ([`severity`]): priority values to the policy's severities
//!    ([`SeverityMap`]; unmapped values are reported with their counts);
//! 4. **audit** ([`run`]): a [`Plan`] audits each row into a [`Ticket`]
//!    (or a [`RowError`] naming its line; the other rows go on), driven
//!    by [`Audit`] over the same slices again;
//! 5. **summarize** ([`summary`]): per severity and target;
//! 6. **export** ([`export`]): the results CSV, `--json` lines, the
//!    summary as text.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use sla::audit::{self, Audit, Choices, Scan, SeverityMap};
//! use sla::engine::{load, zone::Zone};
//!
//! let csv = b"id,severity,opened,first_response,resolved\n\
//!             T1,1,2026-03-02T14:00:00Z,2026-03-02T14:20:00Z,\n";
//! // Pass 1: header, format, mapping, date order, priority values.
//! let mut scan = Scan::new(None);
//! scan.push(csv).unwrap();
//! let scanned = scan.finish().unwrap();
//! assert_eq!(scanned.format.id(), "generic");
//!
//! let catalog = load::embedded();
//! let choices = Choices {
//!     vendor: "threepbx", package: "standard", region: None,
//!     zone: Zone::UTC,
//!     date_order: scanned.survey.date_order(&scanned.header, None).unwrap(),
//!     as_of: Utc.with_ymd_and_hms(2026, 3, 3, 0, 0, 0).unwrap(),
//! };
//! let policy = catalog.policy("threepbx").unwrap();
//! let severities = SeverityMap::defaults(scanned.format, policy);
//! let plan = scanned.plan(catalog, &choices, severities).unwrap();
//!
//! // Pass 2: the audit, row by row.
//! let mut run = Audit::new(plan);
//! let mut states = Vec::new();
//! run.push(csv, &mut |row| {
//!     if let Ok(ticket) = row {
//!         states.extend(ticket.targets.iter().map(|t| t.state.id()));
//!     }
//! }).unwrap();
//! let (_plan, mut summary) = run.finish(&mut |_| {}).unwrap();
//! // 3PBX priority 1: response within 1 clock hour (met, 40 minutes
//! // early); resolution "asap" has no deadline; the reason for outage is
//! // measured by no column.
//! assert_eq!(states, ["met", "no_deadline", "not_measured"]);
//! assert_eq!(summary.lines()[0].median_margin, Some(40));
//! ```

pub mod detect;
pub mod error;
pub mod export;
pub mod run;
pub mod severity;
pub mod stamp;
pub mod summary;
pub mod table;

pub use detect::{detect, Format, Mapping, Response};
pub use error::{AuditError, RowError};
pub use run::{Choices, Plan, State, Survey, TargetResult, Ticket};
pub use severity::{SeverityMap, ValueCounts};
pub use stamp::{DateOrder, Reading};
pub use summary::{Line, Summary};
pub use table::{Kind, Reader, Row};

use crate::engine::policy::Catalog;

/// What the first pass learned: enough to show the mapping, the
/// unmapped priorities and the date-order question before the audit.
#[derive(Debug, Clone)]
pub struct Scanned {
    pub kind: Kind,
    pub header: Vec<String>,
    pub format: Format,
    /// The proposed mapping (the user may change it, then scan again).
    pub mapping: Mapping,
    pub survey: Survey,
    /// Rows that cannot be read at all (wrong column count, bad JSON):
    /// counted here, and listed again by the audit pass.
    pub unreadable: u64,
}

impl Scanned {
    /// The plan of the audit pass with the user's choices.
    pub fn plan<'c>(
        &self,
        catalog: &'c Catalog,
        choices: &Choices<'_>,
        severities: SeverityMap,
    ) -> Result<Plan<'c>, AuditError> {
        Plan::new(
            catalog,
            choices,
            &self.header,
            self.kind.is_json(),
            self.mapping,
            severities,
        )
    }
}

/// The first pass, a slice at a time.
#[derive(Debug)]
pub struct Scan {
    reader: Reader,
    /// A format the caller forces, else detected from the header.
    forced: Option<Format>,
    /// A mapping the caller gives, else the format's proposal.
    mapping: Option<Mapping>,
    found: Option<Result<(Format, Mapping), AuditError>>,
    survey: Survey,
    unreadable: u64,
}

impl Scan {
    /// `format`: `None` detects it from the header (a forced Zendesk
    /// format is the CSV or JSON form, as the input turns out).
    pub fn new(format: Option<Format>) -> Scan {
        Scan {
            reader: Reader::new(),
            forced: format,
            mapping: None,
            found: None,
            survey: Survey::default(),
            unreadable: 0,
        }
    }

    /// A scan under a mapping the user edited (checked against the header).
    pub fn with_mapping(format: Format, mapping: Mapping) -> Scan {
        Scan {
            mapping: Some(mapping),
            ..Scan::new(Some(format))
        }
    }

    pub fn bytes_read(&self) -> u64 {
        self.reader.bytes_read()
    }

    pub fn push(&mut self, chunk: &[u8]) -> Result<(), AuditError> {
        let Scan {
            reader,
            forced,
            mapping,
            found,
            survey,
            unreadable,
        } = self;
        reader.push(chunk, &mut |row| {
            let row = match row {
                Ok(row) => row,
                Err(_) => {
                    *unreadable += 1;
                    return;
                }
            };
            let found =
                found.get_or_insert_with(|| decide(row.header(), row.kind(), *forced, *mapping));
            if let Ok((_, mapping)) = found {
                survey.add(&row, mapping);
            }
        })
    }

    /// Ends the input: the format and mapping (or why none fits).
    pub fn finish(mut self) -> Result<Scanned, AuditError> {
        let Scan {
            reader,
            forced,
            mapping,
            found,
            survey,
            unreadable,
        } = &mut self;
        reader.finish(&mut |row| {
            if let Ok(row) = row {
                let found = found
                    .get_or_insert_with(|| decide(row.header(), row.kind(), *forced, *mapping));
                if let Ok((_, mapping)) = found {
                    survey.add(&row, mapping);
                }
            } else {
                *unreadable += 1;
            }
        })?;
        let header = reader.header().unwrap_or_default().to_vec();
        let kind = reader.kind().unwrap_or(Kind::Csv { delimiter: b',' });
        let (format, mapping) = match self.found.take() {
            Some(found) => found?,
            None => decide(&header, kind, self.forced, self.mapping)?,
        };
        Ok(Scanned {
            kind,
            header,
            format,
            mapping,
            survey: self.survey,
            unreadable: self.unreadable,
        })
    }
}

/// The format and mapping of a header: forced or detected; a given
/// mapping is checked against it.
fn decide(
    header: &[String],
    kind: Kind,
    forced: Option<Format>,
    mapping: Option<Mapping>,
) -> Result<(Format, Mapping), AuditError> {
    // A forced Zendesk format is the form the input turns out to be.
    let forced = forced.map(|format| match (format, kind.is_json()) {
        (Format::ZendeskCsv, true) => Format::ZendeskJson,
        (Format::ZendeskJson, false) => Format::ZendeskCsv,
        (format, _) => format,
    });
    let (format, proposed) = match forced {
        Some(format) => (format, Mapping::for_format(format, header)),
        None => {
            let (format, mapping) = detect(header, kind)?;
            (format, Ok(mapping))
        }
    };
    match mapping {
        Some(mapping) => {
            mapping.check(header)?;
            Ok((format, mapping))
        }
        None => Ok((format, proposed?)),
    }
}

/// The audit pass, a slice at a time: each row's [`Ticket`] or
/// [`RowError`] goes to the caller's sink, and into the [`Summary`].
#[derive(Debug)]
pub struct Audit<'c> {
    reader: Reader,
    plan: Plan<'c>,
    summary: Summary,
}

/// Where the audit pass hands each row.
pub type TicketSink<'s> = dyn FnMut(Result<&Ticket, &RowError>) + 's;

impl<'c> Audit<'c> {
    pub fn new(plan: Plan<'c>) -> Audit<'c> {
        let summary = Summary::new(plan.policy().severities().len(), plan.targets().len());
        Audit {
            reader: Reader::new(),
            plan,
            summary,
        }
    }

    pub fn bytes_read(&self) -> u64 {
        self.reader.bytes_read()
    }

    pub fn plan(&self) -> &Plan<'c> {
        &self.plan
    }

    pub fn push(&mut self, chunk: &[u8], sink: &mut TicketSink<'_>) -> Result<(), AuditError> {
        let Audit {
            reader,
            plan,
            summary,
        } = self;
        reader.push(chunk, &mut |row| audit_row(plan, summary, row, sink))
    }

    /// Ends the input; returns the plan and the summary.
    pub fn finish(mut self, sink: &mut TicketSink<'_>) -> Result<(Plan<'c>, Summary), AuditError> {
        let Audit {
            reader,
            plan,
            summary,
        } = &mut self;
        reader.finish(&mut |row| audit_row(plan, summary, row, sink))?;
        Ok((self.plan, self.summary))
    }
}

fn audit_row(
    plan: &Plan<'_>,
    summary: &mut Summary,
    row: Result<Row<'_>, RowError>,
    sink: &mut TicketSink<'_>,
) {
    match row.and_then(|row| plan.audit(&row)) {
        Ok(ticket) => {
            summary.add(&ticket);
            sink(Ok(&ticket));
        }
        Err(error) => {
            summary.add_bad();
            sink(Err(&error));
        }
    }
}
