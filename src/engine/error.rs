//! The engine's one error type. Messages are lowercase, say what is wrong
//! and where, and read well without a backtrace.

use std::fmt;

/// Everything the engine can reject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A policy or calendar file is malformed or inconsistent.
    Policy {
        file: String,
        path: String,
        message: String,
    },
    /// A vendor, package, region, severity, target or charge id that does not exist.
    Unknown {
        what: &'static str,
        value: String,
        expected: Vec<String>,
    },
    /// A request is invalid (bad pause, region on a package without regions...).
    Invalid { field: String, message: String },
    /// A schedule never opens after this point (all days closed by holidays).
    NeverOpens { schedule: String },
    /// A result falls outside the supported range of dates.
    OutOfRange,
}

impl Error {
    pub(crate) fn policy(file: &str, path: &str, message: impl Into<String>) -> Error {
        Error::Policy {
            file: file.to_string(),
            path: path.to_string(),
            message: message.into(),
        }
    }
    pub(crate) fn unknown<'a>(
        what: &'static str,
        value: &str,
        expected: impl Iterator<Item = &'a str>,
    ) -> Error {
        Error::Unknown {
            what,
            value: value.to_string(),
            expected: expected.map(str::to_string).collect(),
        }
    }
    pub(crate) fn invalid(field: &str, message: impl Into<String>) -> Error {
        Error::Invalid {
            field: field.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Policy {
                file,
                path,
                message,
            } if path.is_empty() => write!(f, "{file}: {message}"),
            Error::Policy {
                file,
                path,
                message,
            } => write!(f, "{file}: at {path}: {message}"),
            Error::Unknown {
                what,
                value,
                expected,
            } => {
                write!(f, "unknown {what} \"{value}\"")?;
                if !expected.is_empty() {
                    write!(f, " (expected one of: {})", super::join(expected, ", "))?;
                }
                Ok(())
            }
            Error::Invalid { field, message } => write!(f, "{field}: {message}"),
            Error::NeverOpens { schedule } => {
                write!(f, "schedule \"{schedule}\" has no open time within twenty years: remove some holidays")
            }
            Error::OutOfRange => write!(f, "the result falls outside the supported dates"),
        }
    }
}

impl std::error::Error for Error {}
