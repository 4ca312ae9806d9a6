//! Packages side by side for one severity: the rule and the concrete
//! deadline of every target, coverage, channels, incidents and price, with
//! the cells that differ from the package in view marked.

use crate::engine::charge::format_money;
use crate::engine::deadline::{deadlines, Selection, Timing};
use crate::engine::join;
use crate::engine::policy::{Catalog, Outcome, Policy};
use crate::engine::time::Instant;

use super::ticket::rule_words;

/// A package (in one coverage region) as a column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tier {
    pub package: &'static str,
    pub region: Option<&'static str>,
    /// "Business (EMEA (CET) hours)".
    pub name: String,
    /// The package (and region) currently chosen.
    pub chosen: bool,
}

/// One cell of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    /// The target's date for the chosen opening, if it has one.
    pub due: Option<Instant>,
    pub outcome: Option<Outcome>,
    /// Differs from the chosen package's cell in the same row.
    pub differs: bool,
}

/// One row: a target or a property of the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Target id, or "coverage", "channels", "incidents", "price".
    pub id: &'static str,
    pub label: &'static str,
    pub cells: Vec<Cell>,
    /// Not every package has the same value.
    pub varies: bool,
}

/// A vendor's packages for one severity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tiers {
    pub vendor: &'static str,
    pub vendor_name: &'static str,
    pub severity_label: &'static str,
    pub tiers: Vec<Tier>,
    pub rows: Vec<Row>,
}

/// Every package of `policy`; packages with regions appear once per region
/// when `all_regions`, else once, in the chosen region if it has it.
pub fn tiers(
    catalog: &'static Catalog,
    policy: &'static Policy,
    severity: &str,
    opened: Instant,
    timing: &Timing,
    chosen: Option<(&str, Option<&str>)>,
    all_regions: bool,
) -> Tiers {
    let severity_index = policy.severity_index(severity).unwrap_or(0);
    let severity_id = policy.severities()[severity_index].id();
    let mut columns: Vec<Selection<'static>> = Vec::new();
    let mut tiers = Vec::new();
    for package in policy.packages() {
        let regions: Vec<Option<&'static str>> = if package.regions().is_empty() {
            vec![None]
        } else if all_regions {
            package.regions().iter().map(|r| Some(r.id())).collect()
        } else {
            let wanted = chosen
                .and_then(|c| c.1)
                .filter(|r| package.regions().iter().any(|x| x.id() == *r));
            let region = package
                .regions()
                .iter()
                .find(|x| Some(x.id()) == wanted)
                .unwrap_or(&package.regions()[0]);
            vec![Some(region.id())]
        };
        for region in regions {
            let Ok(selection) = catalog.select(policy.id(), package.id(), region, severity_id)
            else {
                continue;
            };
            let name = match selection.region() {
                Some(r) if package.regions().len() > 1 => {
                    format!("{} ({})", package.name(), r.name())
                }
                _ => package.name().to_string(),
            };
            let is_chosen = chosen.is_some_and(|(p, r)| {
                p == package.id()
                    && (region.is_none()
                        || r.unwrap_or(package.regions()[0].id()) == region.unwrap_or(""))
            });
            tiers.push(Tier {
                package: package.id(),
                region,
                name,
                chosen: is_chosen,
            });
            columns.push(selection);
        }
    }

    let mut rows = Vec::new();
    let results: Vec<_> = columns
        .iter()
        .map(|s| deadlines(s, opened, timing))
        .collect();
    for (t, target) in policy.targets().iter().enumerate() {
        let cells = results
            .iter()
            .map(|result| match result {
                Ok(dues) => {
                    let due = &dues[t];
                    let text = if due.outcome != due.rule.outcome() {
                        due.outcome.describe().to_string()
                    } else if let Some(words) = due.words {
                        words.to_string()
                    } else {
                        rule_words(due.rule)
                    };
                    Cell {
                        text,
                        due: due.due,
                        outcome: Some(due.outcome),
                        differs: false,
                    }
                }
                Err(e) => Cell {
                    text: e.to_string(),
                    due: None,
                    outcome: None,
                    differs: false,
                },
            })
            .collect();
        rows.push(Row {
            id: target.id(),
            label: target.label(),
            cells,
            varies: false,
        });
    }
    let property =
        |id: &'static str, label: &'static str, f: &dyn Fn(&Selection<'static>) -> String| Row {
            id,
            label,
            cells: columns
                .iter()
                .map(|s| Cell {
                    text: f(s),
                    due: None,
                    outcome: None,
                    differs: false,
                })
                .collect(),
            varies: false,
        };
    rows.push(property("coverage", "Support hours", &|s| {
        s.coverage().name().to_string()
    }));
    rows.push(property("channels", "Channels", &|s| {
        join(s.package().channels(), ", ")
    }));
    rows.push(property("incidents", "Incidents per month", &|s| match s
        .package()
        .incidents_per_month()
    {
        Some(n) => n.to_string(),
        None => "Not limited in the policy".into(),
    }));
    rows.push(property("price", "Price", &|s| match s.package().price() {
        Some(p) => {
            let terms = p
                .terms
                .as_deref()
                .map(|t| format!(", {t}"))
                .unwrap_or_default();
            format!("{} per {}{terms}", format_money(p.amount), p.period)
        }
        None => s
            .package()
            .price_note()
            .unwrap_or("Not stated in the policy")
            .to_string(),
    }));

    let reference = tiers.iter().position(|t| t.chosen);
    for row in &mut rows {
        let first = row.cells.first().map(|c| (c.text.clone(), c.due));
        row.varies = row
            .cells
            .iter()
            .any(|c| Some((c.text.clone(), c.due)) != first);
        if let Some(r) = reference {
            let key = (row.cells[r].text.clone(), row.cells[r].due);
            for cell in &mut row.cells {
                cell.differs = (cell.text.clone(), cell.due) != key;
            }
        }
    }
    Tiers {
        vendor: policy.id(),
        vendor_name: policy.name(),
        severity_label: policy.severities()[severity_index].label(),
        tiers,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::load;
    use chrono::{TimeZone, Utc};

    #[test]
    fn unnamed_eu_tiers_differ_where_the_table_does() {
        let catalog = load::embedded();
        let policy = catalog.policy("unnamed-eu").unwrap();
        let opened = Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap();
        let t = tiers(
            catalog,
            policy,
            "1",
            opened,
            &Timing::default(),
            Some(("enterprise", None)),
            false,
        );
        assert_eq!(t.tiers.len(), 3);
        assert!(t.tiers[1].chosen);
        let first = &t.rows[0];
        assert_eq!(first.id, "first_response");
        assert_eq!(first.cells[0].outcome, Some(Outcome::NotOffered));
        assert!(first.cells[0].differs);
        assert!(!first.cells[1].differs);
        // Enterprise and Gold both promise 8 business hours: same date.
        assert_eq!(first.cells[1].due, first.cells[2].due);
        assert!(!first.cells[2].differs);
        assert!(first.varies);
        let price = t.rows.iter().find(|r| r.id == "price").unwrap();
        assert_eq!(price.cells[2].text, "€1,499.00 per month, billed annually");
        let incidents = t.rows.iter().find(|r| r.id == "incidents").unwrap();
        assert_eq!(
            incidents
                .cells
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>(),
            ["1", "2", "4"]
        );
    }

    /// Numonix severity 3: the comparison keeps the policy's words.
    #[test]
    fn dateless_cells_keep_the_policy_words() {
        let catalog = load::embedded();
        let policy = catalog.policy("numonix").unwrap();
        let opened = Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap();
        let t = tiers(
            catalog,
            policy,
            "3",
            opened,
            &Timing::default(),
            None,
            false,
        );
        let resolution = t.rows.iter().find(|r| r.id == "resolution").unwrap();
        assert_eq!(
            resolution.cells[0].text,
            "commercially reasonable efforts to include in the next major release"
        );
    }

    #[test]
    fn regions_can_be_listed_or_followed() {
        let catalog = load::embedded();
        let policy = catalog.policy("nextplane").unwrap();
        let opened = Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap();
        let all = tiers(catalog, policy, "1", opened, &Timing::default(), None, true);
        assert_eq!(all.tiers.len(), 6);
        assert_eq!(all.tiers[2].name, "Business (EMEA (CET) hours)");
        let followed = tiers(
            catalog,
            policy,
            "1",
            opened,
            &Timing::default(),
            Some(("business", Some("emea"))),
            false,
        );
        assert_eq!(followed.tiers.len(), 4);
        assert_eq!(followed.tiers[1].region, Some("emea"));
        assert_eq!(followed.tiers[2].region, Some("emea"));
        assert!(followed.tiers[1].chosen && !followed.tiers[2].chosen);
    }
}
