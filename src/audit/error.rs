//! The audit layer's one error type: what makes a whole file unusable
//! ([`AuditError`]) and what is wrong with one row ([`RowError`], which
//! never stops the rest of the file). Messages are lowercase, name the
//! CSV line or JSON path, and give an example of what is expected.

use std::fmt;

/// A file (or the choices made for it) that cannot be audited at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditError {
    /// No bytes, or only whitespace and a byte-order mark.
    Empty,
    /// NUL bytes or text that is not UTF-8 where the header should be.
    Binary,
    /// The header matches no known format, or a forced format lacks columns.
    NoFormat { message: String },
    /// A JSON input that is not an array or lines of objects.
    Json { line: u64, message: String },
    /// A date column whose values fit both day-first and month-first: the
    /// caller must choose (`--date-order dmy|mdy`, the page's choice).
    AmbiguousDates { column: String, example: String },
    /// A date column with values that are day-first and others month-first.
    MixedDates {
        column: String,
        day_first: String,
        month_first: String,
    },
    /// A choice the caller made that does not fit the file or the policy
    /// (a mapping column out of range, a severity id the policy lacks).
    Choice { field: String, message: String },
}

impl fmt::Display for AuditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuditError::Empty => f.write_str(
                "the file is empty: expected a CSV header such as \
                 id,severity,opened,first_response,resolved, or JSON",
            ),
            AuditError::Binary => f.write_str(
                "the file is not text (binary or not UTF-8): expected a CSV or JSON \
                 export saved as UTF-8, such as id,severity,opened,first_response,resolved",
            ),
            AuditError::NoFormat { message } => f.write_str(message),
            AuditError::Json { line, message } => write!(f, "line {line}: {message}"),
            AuditError::AmbiguousDates { column, example } => write!(
                f,
                "column \"{column}\": every date fits both day-first and month-first \
                 (e.g. \"{example}\"): the date order must be chosen (dmy or mdy)"
            ),
            AuditError::MixedDates {
                column,
                day_first,
                month_first,
            } => write!(
                f,
                "column \"{column}\" mixes day-first dates (\"{day_first}\") and \
                 month-first dates (\"{month_first}\"): expected one order throughout"
            ),
            AuditError::Choice { field, message } => write!(f, "{field}: {message}"),
        }
    }
}

impl std::error::Error for AuditError {}

/// One row that could not be audited: where it starts and why. The row is
/// counted and listed; the other rows are still audited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The line (1-based) where the row starts in the file.
    pub line: u64,
    /// What is wrong, naming the column (CSV) or JSON path, with an example.
    pub reason: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}
