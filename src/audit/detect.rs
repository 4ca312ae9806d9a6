//! The export formats, recognised from the header, and the [`Mapping`]
//! of columns (by position) that detection proposes and the user may
//! change. Column names match ignoring ASCII case and surrounding spaces;
//! when a name repeats, the first column of that name is proposed.

use super::error::AuditError;
use super::table::Kind;

/// A helpdesk export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Ours: `id,severity,opened,first_response,resolved[,pauses]`.
    Generic,
    /// Zendesk's ticket CSV export.
    ZendeskCsv,
    /// Zendesk's API JSON (`/api/v2/incremental/tickets`, with metric sets).
    ZendeskJson,
    /// Jira Service Management's CSV export.
    Jira,
    /// Freshdesk's ticket export CSV.
    Freshdesk,
    /// ServiceNow's incident export CSV.
    ServiceNow,
}

/// Where the first response comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Response {
    /// A timestamp column.
    At(usize),
    /// A column of calendar minutes after the opened time (Zendesk's
    /// `First reply time in minutes`).
    MinutesAfterOpened(usize),
}

/// Which column (position in the header) holds each field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mapping {
    pub id: usize,
    pub severity: usize,
    pub opened: usize,
    /// `None`: no column measures first-response targets.
    pub first_response: Option<Response>,
    /// `None`: no column measures resolution targets.
    pub resolved: Option<usize>,
    /// Pauses as `FROM/UNTIL` intervals separated by `;`.
    pub pauses: Option<usize>,
}

/// The documented column names of a format (alternatives in order).
struct Spec {
    format: Format,
    id: &'static [&'static str],
    severity: &'static [&'static str],
    opened: &'static [&'static str],
    response_at: &'static [&'static str],
    response_minutes: &'static [&'static str],
    resolved: &'static [&'static str],
    pauses: &'static [&'static str],
    /// Beyond id, severity and opened, columns the header must have.
    also_required: &'static [&'static str],
}

const SPECS: [Spec; 6] = [
    Spec {
        format: Format::Generic,
        id: &["id"],
        severity: &["severity"],
        opened: &["opened"],
        response_at: &["first_response"],
        response_minutes: &[],
        resolved: &["resolved"],
        pauses: &["pauses"],
        also_required: &["first_response", "resolved"],
    },
    Spec {
        format: Format::ZendeskCsv,
        id: &["Id"],
        severity: &["Priority"],
        opened: &["Created at"],
        response_at: &[],
        response_minutes: &["First reply time in minutes"],
        resolved: &["Solved at"],
        pauses: &[],
        also_required: &[],
    },
    Spec {
        format: Format::ZendeskJson,
        id: &["id"],
        severity: &["priority"],
        opened: &["created_at"],
        response_at: &[],
        response_minutes: &["metric_set.reply_time_in_minutes.calendar"],
        resolved: &["metric_set.solved_at", "solved_at"],
        pauses: &[],
        also_required: &[],
    },
    Spec {
        format: Format::Jira,
        id: &["Issue key"],
        severity: &["Priority"],
        opened: &["Created"],
        response_at: &[],
        response_minutes: &[],
        resolved: &["Resolved"],
        pauses: &[],
        also_required: &[],
    },
    Spec {
        format: Format::Freshdesk,
        id: &["Ticket ID"],
        severity: &["Priority"],
        opened: &["Created time"],
        response_at: &["Initial response time"],
        response_minutes: &[],
        resolved: &["Resolved time"],
        pauses: &[],
        also_required: &[],
    },
    Spec {
        format: Format::ServiceNow,
        id: &["number"],
        severity: &["priority"],
        opened: &["opened_at"],
        response_at: &[],
        response_minutes: &[],
        resolved: &["resolved_at"],
        pauses: &[],
        also_required: &[],
    },
];

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Generic,
        Format::ZendeskCsv,
        Format::ZendeskJson,
        Format::Jira,
        Format::Freshdesk,
        Format::ServiceNow,
    ];

    /// The id the CLI's `--format` and the page use (`zendesk` for both
    /// Zendesk forms).
    pub fn id(self) -> &'static str {
        match self {
            Format::Generic => "generic",
            Format::ZendeskCsv | Format::ZendeskJson => "zendesk",
            Format::Jira => "jira",
            Format::Freshdesk => "freshdesk",
            Format::ServiceNow => "servicenow",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Generic => "generic CSV",
            Format::ZendeskCsv => "Zendesk ticket CSV",
            Format::ZendeskJson => "Zendesk API JSON",
            Format::Jira => "Jira Service Management CSV",
            Format::Freshdesk => "Freshdesk ticket CSV",
            Format::ServiceNow => "ServiceNow incident CSV",
        }
    }

    /// The format of an id for an input of `kind` (`zendesk` is the JSON
    /// form for JSON input).
    pub fn from_id(id: &str, kind: Kind) -> Option<Format> {
        match id {
            "zendesk" if kind.is_json() => Some(Format::ZendeskJson),
            _ => Format::ALL
                .into_iter()
                .filter(|f| *f != Format::ZendeskJson)
                .find(|f| f.id() == id),
        }
    }

    fn spec(self) -> &'static Spec {
        SPECS.iter().find(|s| s.format == self).unwrap_or(&SPECS[0])
    }

    /// The columns this format needs, in words, e.g. for a message.
    pub fn needs(self) -> String {
        let spec = self.spec();
        let mut needs = vec![spec.id[0], spec.severity[0], spec.opened[0]];
        needs.extend(spec.also_required);
        let mut optional: Vec<&str> = Vec::new();
        for names in [
            spec.response_at,
            spec.response_minutes,
            spec.resolved,
            spec.pauses,
        ] {
            if let Some(first) = names.first() {
                if !needs.contains(first) {
                    optional.push(first);
                }
            }
        }
        let mut text = crate::engine::join(&needs, ", ");
        if !optional.is_empty() {
            text += &format!(
                " (and, when present, {})",
                crate::engine::join(&optional, ", ")
            );
        }
        text
    }
}

fn find(header: &[String], names: &[&str]) -> Option<usize> {
    names.iter().find_map(|name| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    })
}

impl Mapping {
    /// The documented columns of `format` in `header`; an error lists
    /// what is missing.
    pub fn for_format(format: Format, header: &[String]) -> Result<Mapping, AuditError> {
        let spec = format.spec();
        let required = [spec.id, spec.severity, spec.opened];
        let mut missing: Vec<&str> = required
            .iter()
            .filter(|names| find(header, names).is_none())
            .map(|names| names[0])
            .collect();
        missing.extend(
            spec.also_required
                .iter()
                .filter(|name| find(header, &[name]).is_none()),
        );
        if !missing.is_empty() {
            return Err(AuditError::NoFormat {
                message: format!(
                    "the header is not a {} header: it lacks {} (expected {})",
                    format.name(),
                    crate::engine::join(&missing, ", "),
                    format.needs()
                ),
            });
        }
        let first_response = find(header, spec.response_at)
            .map(Response::At)
            .or_else(|| find(header, spec.response_minutes).map(Response::MinutesAfterOpened));
        Ok(Mapping {
            id: find(header, spec.id).unwrap_or(0),
            severity: find(header, spec.severity).unwrap_or(0),
            opened: find(header, spec.opened).unwrap_or(0),
            first_response,
            resolved: find(header, spec.resolved),
            pauses: find(header, spec.pauses),
        })
    }

    /// Every column it names, to check against a header.
    fn columns(&self) -> impl Iterator<Item = (&'static str, usize)> {
        let response = self.first_response.map(|r| match r {
            Response::At(c) | Response::MinutesAfterOpened(c) => ("first_response", c),
        });
        [
            Some(("id", self.id)),
            Some(("severity", self.severity)),
            Some(("opened", self.opened)),
            response,
            self.resolved.map(|c| ("resolved", c)),
            self.pauses.map(|c| ("pauses", c)),
        ]
        .into_iter()
        .flatten()
    }

    /// Checks a mapping the user edited against the header.
    pub fn check(&self, header: &[String]) -> Result<(), AuditError> {
        for (field, column) in self.columns() {
            if column >= header.len() {
                return Err(AuditError::Choice {
                    field: format!("mapping.{field}"),
                    message: format!(
                        "column {} is past the header's {} columns: expected 0 to {}",
                        column,
                        header.len(),
                        header.len().saturating_sub(1)
                    ),
                });
            }
        }
        Ok(())
    }
}

/// The format a header is, with its proposed mapping; when none fits, the
/// error says which columns each format needs.
pub fn detect(header: &[String], kind: Kind) -> Result<(Format, Mapping), AuditError> {
    for format in Format::ALL {
        if (format == Format::ZendeskJson) != kind.is_json() && format != Format::Generic {
            continue;
        }
        if let Ok(mapping) = Mapping::for_format(format, header) {
            return Ok((format, mapping));
        }
    }
    let shown: Vec<&str> = header.iter().take(12).map(String::as_str).collect();
    let mut message = format!(
        "no known export format has the columns {}{}: expected one of",
        crate::engine::join(&shown, ", "),
        if header.len() > shown.len() {
            ", ..."
        } else {
            ""
        }
    );
    for format in Format::ALL {
        message += &format!("\n  {}: {}", format.name(), format.needs());
    }
    Err(AuditError::NoFormat { message })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &str) -> Vec<String> {
        names.split(',').map(|s| s.trim().to_string()).collect()
    }
    const CSV: Kind = Kind::Csv { delimiter: b',' };

    #[test]
    fn each_documented_header_is_recognised() {
        let cases = [
            (
                "id,severity,opened,first_response,resolved,pauses",
                CSV,
                Format::Generic,
                Mapping {
                    id: 0,
                    severity: 1,
                    opened: 2,
                    first_response: Some(Response::At(3)),
                    resolved: Some(4),
                    pauses: Some(5),
                },
            ),
            (
                "Summation column, Id, Requester, Priority, Created at, Solved at, First reply time in minutes",
                CSV,
                Format::ZendeskCsv,
                Mapping {
                    id: 1,
                    severity: 3,
                    opened: 4,
                    first_response: Some(Response::MinutesAfterOpened(6)),
                    resolved: Some(5),
                    pauses: None,
                },
            ),
            (
                "created_at,id,metric_set.reply_time_in_minutes.calendar,metric_set.solved_at,priority",
                Kind::JsonArray,
                Format::ZendeskJson,
                Mapping {
                    id: 1,
                    severity: 4,
                    opened: 0,
                    first_response: Some(Response::MinutesAfterOpened(2)),
                    resolved: Some(3),
                    pauses: None,
                },
            ),
            (
                "Summary,Issue key,Issue id,Watchers,Watchers,Priority,Created,Resolved",
                CSV,
                Format::Jira,
                Mapping {
                    id: 1,
                    severity: 5,
                    opened: 6,
                    first_response: None,
                    resolved: Some(7),
                    pauses: None,
                },
            ),
            (
                "Ticket ID,Subject,Priority,Created time,Resolved time,Initial response time",
                CSV,
                Format::Freshdesk,
                Mapping {
                    id: 0,
                    severity: 2,
                    opened: 3,
                    first_response: Some(Response::At(5)),
                    resolved: Some(4),
                    pauses: None,
                },
            ),
            (
                "number,incident_state,opened_at,priority,resolved_at,closed_at",
                CSV,
                Format::ServiceNow,
                Mapping {
                    id: 0,
                    severity: 3,
                    opened: 2,
                    first_response: None,
                    resolved: Some(4),
                    pauses: None,
                },
            ),
        ];
        for (names, kind, format, mapping) in cases {
            assert_eq!(
                detect(&header(names), kind),
                Ok((format, mapping)),
                "{names}"
            );
        }
    }

    #[test]
    fn an_unknown_header_says_what_each_format_needs() {
        let error = detect(&header("ticket,when"), CSV).unwrap_err().to_string();
        assert!(
            error.starts_with(
                "no known export format has the columns ticket, when: expected one of"
            ),
            "{error}"
        );
        assert!(error.contains("generic CSV: id, severity, opened, first_response, resolved (and, when present, pauses)"), "{error}");
        assert!(error.contains("Jira Service Management CSV: Issue key, Priority, Created (and, when present, Resolved)"), "{error}");
        let forced = Mapping::for_format(Format::Jira, &header("Issue key,Created")).unwrap_err();
        assert_eq!(
            forced.to_string(),
            "the header is not a Jira Service Management CSV header: it lacks Priority \
             (expected Issue key, Priority, Created (and, when present, Resolved))"
        );
    }

    #[test]
    fn an_edited_mapping_is_checked() {
        let names = header("id,severity,opened,first_response,resolved");
        let (_, mut mapping) = detect(&names, CSV).unwrap();
        mapping.resolved = Some(9);
        assert_eq!(
            mapping.check(&names).unwrap_err().to_string(),
            "mapping.resolved: column 9 is past the header's 5 columns: expected 0 to 4"
        );
    }
}
