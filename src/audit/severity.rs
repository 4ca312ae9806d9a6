//! From the file's priority values to the policy's severities: the
//! format's defaults (the table), the policy's own severity ids
//! and labels, and the user's edits on top. Values match ignoring ASCII
//! case and surrounding spaces. A value with no entry is unmapped: its
//! rows are reported, never guessed.

use std::collections::BTreeMap;

use super::detect::Format;
use super::error::AuditError;
use crate::engine::policy::Policy;

/// The defaults of each format: file value to policy severity id.
fn format_defaults(format: Format) -> &'static [(&'static str, &'static str)] {
    match format {
        Format::Generic => &[],
        Format::ZendeskCsv | Format::ZendeskJson => &[
            ("urgent", "1"),
            ("high", "2"),
            ("normal", "3"),
            ("low", "4"),
        ],
        Format::Freshdesk => &[
            ("Urgent", "1"),
            ("High", "2"),
            ("Medium", "3"),
            ("Low", "4"),
        ],
        Format::Jira => &[
            ("Highest", "1"),
            ("High", "2"),
            ("Medium", "3"),
            ("Low", "4"),
            ("Lowest", "4"),
        ],
        Format::ServiceNow => &[
            ("1 - Critical", "1"),
            ("2 - High", "2"),
            ("3 - Moderate", "3"),
            ("4 - Low", "4"),
            ("5 - Planning", "4"),
        ],
    }
}

/// File values to severity indices in the policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeverityMap {
    /// (value as written, severity index); later entries win.
    entries: Vec<(String, usize)>,
}

impl SeverityMap {
    /// The policy's severity ids and labels, then the format's defaults
    /// (those naming a severity id the policy has).
    pub fn defaults(format: Format, policy: &Policy) -> SeverityMap {
        let mut entries = Vec::new();
        for (index, severity) in policy.severities().iter().enumerate() {
            entries.push((severity.id().to_string(), index));
            entries.push((severity.label().to_string(), index));
        }
        for (value, id) in format_defaults(format) {
            if let Some(index) = policy.severity_index(id) {
                entries.push((value.to_string(), index));
            }
        }
        SeverityMap { entries }
    }

    /// Maps `value` to the severity whose id (or label) is `severity`.
    pub fn set(&mut self, value: &str, severity: &str, policy: &Policy) -> Result<(), AuditError> {
        let index = policy
            .severities()
            .iter()
            .position(|s| s.id() == severity || s.label().eq_ignore_ascii_case(severity))
            .ok_or_else(|| AuditError::Choice {
                field: format!("severity map {value:?}"),
                message: format!(
                    "unknown severity {severity:?}: expected one of {}",
                    crate::engine::join(
                        &policy
                            .severities()
                            .iter()
                            .map(|s| s.id())
                            .collect::<Vec<_>>(),
                        ", "
                    )
                ),
            })?;
        self.entries.push((value.trim().to_string(), index));
        Ok(())
    }

    /// Drops the entry of `value`, leaving it unmapped.
    pub fn unset(&mut self, value: &str) {
        self.entries
            .retain(|(v, _)| !v.eq_ignore_ascii_case(value.trim()));
    }

    /// The severity index of a file value.
    pub fn get(&self, value: &str) -> Option<usize> {
        let value = value.trim();
        self.entries
            .iter()
            .rev()
            .find(|(v, _)| v.eq_ignore_ascii_case(value))
            .map(|(_, index)| *index)
    }

    /// Every entry (value, severity index), later edits last.
    pub fn entries(&self) -> impl Iterator<Item = (&str, usize)> {
        self.entries.iter().map(|(v, i)| (v.as_str(), *i))
    }
}

/// Distinct values of a column with their counts, in order of first sight.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValueCounts {
    values: Vec<(String, u64)>,
    /// Value to its index in `values` (a wrongly mapped column can hold
    /// many values; each row looks its own up once).
    index: BTreeMap<String, usize>,
}

/// More distinct values than any priority column has: past this, new
/// values are counted together as "(other values)" (a wrongly mapped
/// column must not grow without bound).
const MAX_VALUES: usize = 1000;

impl ValueCounts {
    pub fn add(&mut self, value: &str) {
        let value = value.trim();
        if let Some(&at) = self.index.get(value) {
            self.values[at].1 += 1;
        } else if self.values.len() + 1 < MAX_VALUES {
            self.index.insert(value.to_string(), self.values.len());
            self.values.push((value.to_string(), 1));
        } else if self.values.len() + 1 == MAX_VALUES {
            self.values.push(("(other values)".into(), 1));
        } else if let Some(last) = self.values.last_mut() {
            last.1 += 1;
        }
    }
    /// (value, count) in order of first sight.
    pub fn values(&self) -> &[(String, u64)] {
        &self.values
    }
    /// The values `map` does not map, with their counts.
    pub fn unmapped(&self, map: &SeverityMap) -> Vec<(String, u64)> {
        self.values
            .iter()
            .filter(|(v, _)| map.get(v).is_none())
            .cloned()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::load;

    #[test]
    fn defaults_cover_each_format_and_the_policy_words() {
        let catalog = load::embedded();
        let threepbx = catalog.policy("threepbx").unwrap();
        let zendesk = SeverityMap::defaults(Format::ZendeskCsv, threepbx);
        // urgent/high/normal/low to 1/2/3/4, any case; ids and labels too.
        for (value, index) in [
            ("urgent", 0),
            ("High", 1),
            (" NORMAL ", 2),
            ("low", 3),
            ("4", 3),
            ("Priority 2", 1),
        ] {
            assert_eq!(zendesk.get(value), Some(index), "{value}");
        }
        assert_eq!(zendesk.get("Medium"), None);
        let servicenow = SeverityMap::defaults(Format::ServiceNow, threepbx);
        assert_eq!(servicenow.get("5 - Planning"), Some(3));
        assert_eq!(servicenow.get("3 - Moderate"), Some(2));
        let jira = SeverityMap::defaults(Format::Jira, threepbx);
        assert_eq!(jira.get("Lowest"), Some(3));
        assert_eq!(jira.get("Highest"), Some(0));
        let freshdesk = SeverityMap::defaults(Format::Freshdesk, threepbx);
        assert_eq!(freshdesk.get("Medium"), Some(2));
    }

    #[test]
    fn edits_win_and_unknown_severities_are_refused() {
        let catalog = load::embedded();
        let threepbx = catalog.policy("threepbx").unwrap();
        let mut map = SeverityMap::defaults(Format::Jira, threepbx);
        map.set("Lowest", "3", threepbx).unwrap();
        map.set("Blocker", "Priority 1", threepbx).unwrap();
        assert_eq!(map.get("lowest"), Some(2));
        assert_eq!(map.get("Blocker"), Some(0));
        map.unset("Highest");
        assert_eq!(map.get("Highest"), None);
        assert_eq!(
            map.set("Trivial", "5", threepbx).unwrap_err().to_string(),
            "severity map \"Trivial\": unknown severity \"5\": expected one of 1, 2, 3, 4"
        );
    }

    #[test]
    fn a_column_of_many_values_is_bounded() {
        let mut counts = ValueCounts::default();
        for i in 0..5000 {
            counts.add(&format!("T{}", i % 2500));
        }
        let values = counts.values();
        assert_eq!(values.len(), MAX_VALUES);
        // 999 values seen twice each; the other 1501 values, twice each, together.
        assert_eq!(values[0], ("T0".to_string(), 2));
        assert_eq!(values[MAX_VALUES - 1], ("(other values)".to_string(), 3002));
    }

    #[test]
    fn unmapped_values_keep_their_counts() {
        let catalog = load::embedded();
        let threepbx = catalog.policy("threepbx").unwrap();
        let map = SeverityMap::defaults(Format::ZendeskCsv, threepbx);
        let mut counts = ValueCounts::default();
        for value in ["high", "", "Blocker", "high", "", "", "low"] {
            counts.add(value);
        }
        assert_eq!(
            counts.unmapped(&map),
            vec![("".to_string(), 3), ("Blocker".to_string(), 1)]
        );
    }
}
