//! Packages side by side for one severity: the rule and the concrete
//! deadline of every target, coverage, channels, incidents and price, with
//! the cells that differ from the package in view marked better, worse or
//! not comparable, in words.
//!
//! The rule for "better" (also in docs/policy-reading.md): a target is
//! judged by its concrete date for the ticket in view (same opening,
//! pauses and holidays), so business and clock hours compare honestly:
//! sooner is better, for a deadline and for a "not before" date alike. A
//! date and an undated promise ("best effort", "continuous") are not
//! comparable; any promise is better than none ("not offered", "none
//! stated"). More incidents a month is better, and no limit best; a lower
//! price is better only in the same currency and period. Support hours
//! and channels differ without an order: not comparable.

use std::fmt::Write as _;

/// The rule above, as the comparison states it to its readers.
pub const RULE: &str =
    "Cells that differ from your package say Better, Worse, Same date or Not comparable. \
Deadlines compare by their date for this ticket, so business and clock hours compare fairly; \
a date and a promise without one (best effort, as soon as possible) are not comparable; \
any promise beats none; more incidents and a lower price (same currency and period) are better.";

use crate::engine::charge::format_money;
use crate::engine::deadline::{deadlines, Selection, Timing};
use crate::engine::join;
use crate::engine::policy::{Catalog, Event, Outcome, Policy, TargetSpec};
use crate::engine::time::Instant;

use super::ticket::{rule_words, when};
use super::zone::Offsets;

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

/// How a cell compares with your package's in the same row (or, across
/// vendors, of the same kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Better,
    Worse,
    /// Different words, the same date for this ticket.
    Same,
    /// Differs, but no honest order exists (see the module's rule).
    NotComparable,
}

impl Verdict {
    /// The `data-verdict` hook.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Better => "better",
            Verdict::Worse => "worse",
            Verdict::Same => "same",
            Verdict::NotComparable => "not-comparable",
        }
    }
    /// What the cell says, so the mark is never colour alone.
    pub fn words(self) -> &'static str {
        match self {
            Verdict::Better => "Better",
            Verdict::Worse => "Worse",
            Verdict::Same => "Same date",
            Verdict::NotComparable => "Differs, not comparable",
        }
    }
    pub fn symbol(self) -> &'static str {
        match self {
            Verdict::Better => "\u{25b2}",
            Verdict::Worse => "\u{25bc}",
            Verdict::Same => "=",
            Verdict::NotComparable => "\u{2260}",
        }
    }
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
    /// Against your package's cell, when it differs.
    pub verdict: Option<Verdict>,
    /// Incidents a month (`u32::MAX`: not limited), or the price with its
    /// currency and period, for the order of those rows.
    order: Option<(i64, String)>,
}

/// What a target is for, so vendors' rows line up across tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    FirstResponse,
    Update,
    Resolution,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::FirstResponse, Kind::Update, Kind::Resolution];
    /// The `data-kind` hook.
    pub fn id(self) -> &'static str {
        match self {
            Kind::FirstResponse => "first-response",
            Kind::Update => "update",
            Kind::Resolution => "resolution",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Kind::FirstResponse => "First response",
            Kind::Update => "Updates",
            Kind::Resolution => "Resolution",
        }
    }
    /// What a target is for, read from the policy data: the event that
    /// meets it (`measured_by`), or a recurrence (`after`, or a periodic
    /// cell) for updates (policies/README.md, decision 20). A target that
    /// is none of these (IPcelerate's level 2 response and action plan,
    /// ThreePBX's reason for outage, a patch or workaround) keeps its own row.
    pub fn of(target: &TargetSpec) -> Option<Kind> {
        match target.measured_by() {
            Some(Event::FirstResponse) => Some(Kind::FirstResponse),
            Some(Event::Resolution) => Some(Kind::Resolution),
            None if target.recurs() => Some(Kind::Update),
            None => None,
        }
    }
}

/// One row: a target or a property of the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Target id, or "coverage", "channels", "incidents", "price".
    pub id: &'static str,
    /// The vendor's name for the row; across vendors, led by its kind:
    /// "First response (Level 1 response)".
    pub label: String,
    pub cells: Vec<Cell>,
    /// Not every package has the same value.
    pub varies: bool,
    /// What the target is for, when it is one of the kinds vendors share.
    pub kind: Option<Kind>,
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

impl Tiers {
    /// The compare view's caption: "ThreePBX: packages for Priority 2".
    pub fn packages_caption(&self) -> String {
        format!("{}: packages for {}", self.vendor_name, self.severity_label)
    }
    /// A vendor's caption among all vendors: "ThreePBX: Priority 2".
    pub fn vendor_caption(&self) -> String {
        format!("{}: {}", self.vendor_name, self.severity_label)
    }
}

/// Above the compare view: "Deadlines for a ticket opened Mon 2 Mar 2026,
/// 09:00 EST."
pub fn packages_intro(opened: Instant, zone: &dyn Offsets) -> String {
    format!("Deadlines for a ticket opened {}.", when(zone, opened))
}

/// Above the all-vendors view: which severity, when, against which package,
/// and the caveat that severities are named differently.
pub fn vendors_intro(selection: &Selection<'_>, opened: Instant, zone: &dyn Offsets) -> String {
    format!(
        "Severity {} at every vendor, for a ticket opened {}, against your package ({}). \
         Each vendor names its severities differently; check their definitions before comparing.",
        selection.severity().id(),
        when(zone, opened),
        selection.package().name()
    )
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
                        verdict: None,
                        order: None,
                    }
                }
                Err(e) => Cell {
                    text: e.to_string(),
                    due: None,
                    outcome: None,
                    differs: false,
                    verdict: None,
                    order: None,
                },
            })
            .collect();
        rows.push(Row {
            id: target.id(),
            label: target.label().to_string(),
            cells,
            varies: false,
            kind: Kind::of(target),
        });
    }
    // The shared kinds first, in one order, so tables line up.
    let mut ordered = Vec::with_capacity(rows.len() + 4);
    for kind in Kind::ALL {
        if let Some(at) = rows.iter().position(|r| r.kind == Some(kind)) {
            ordered.push(rows.remove(at));
        }
    }
    ordered.append(&mut rows);
    let mut rows = ordered;
    let property =
        |id: &'static str, label: &'static str, f: &dyn Fn(&Selection<'static>) -> String| Row {
            id,
            label: label.to_string(),
            cells: columns
                .iter()
                .map(|s| Cell {
                    text: f(s),
                    due: None,
                    outcome: None,
                    differs: false,
                    verdict: None,
                    order: order_of(id, s),
                })
                .collect(),
            varies: false,
            kind: None,
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
            let mine = row.cells[r].clone();
            for cell in &mut row.cells {
                judge(cell, &mine);
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

/// The order of a property row's cell, where it has one.
fn order_of(row: &str, s: &Selection<'static>) -> Option<(i64, String)> {
    match row {
        "incidents" => Some((
            s.package()
                .incidents_per_month()
                .map_or(i64::from(u32::MAX), i64::from),
            String::new(),
        )),
        // Lower is better: negated, so that more is better in every row.
        "price" => s.package().price().map(|p| {
            (
                -p.amount.minor,
                format!("{} {}", p.amount.currency.code(), p.period),
            )
        }),
        _ => None,
    }
}

/// Marks `cell` against `mine` (your package's cell): the module's rule.
fn judge(cell: &mut Cell, mine: &Cell) {
    cell.differs = (&cell.text, cell.due) != (&mine.text, mine.due);
    cell.verdict = cell.differs.then(|| verdict(cell, mine));
}

fn verdict(cell: &Cell, mine: &Cell) -> Verdict {
    use std::cmp::Ordering::*;
    let promise = |c: &Cell| {
        c.outcome
            .map(|o| !matches!(o, Outcome::NotOffered | Outcome::NoneStated))
    };
    let by = |order: std::cmp::Ordering| match order {
        Less => Verdict::Better,
        Greater => Verdict::Worse,
        Equal => Verdict::NotComparable,
    };
    match (cell.outcome, mine.outcome) {
        // Both dated the same way: the sooner date is better.
        (Some(a), Some(b)) if a == b && cell.due.is_some() && mine.due.is_some() => {
            match cell.due.cmp(&mine.due) {
                Equal => Verdict::Same,
                order => by(order),
            }
        }
        (Some(_), Some(_)) => match (promise(cell), promise(mine)) {
            (Some(true), Some(false)) => Verdict::Better,
            (Some(false), Some(true)) => Verdict::Worse,
            _ => Verdict::NotComparable,
        },
        (None, None) => match (&cell.order, &mine.order) {
            (Some((a, unit_a)), Some((b, unit_b))) if unit_a == unit_b => by(b.cmp(a)),
            _ => Verdict::NotComparable,
        },
        _ => Verdict::NotComparable,
    }
}

/// Every vendor's packages for one severity, lined up for comparing across
/// vendors: each table has a row for every kind (first response, updates,
/// resolution) in the same order, "Not in this policy" where a vendor has
/// none, and every cell is judged against your package's cell of the same
/// kind (or row: incidents, price).
pub fn vendors(
    catalog: &'static Catalog,
    severity: &str,
    opened: Instant,
    timing: &Timing,
    chosen: (&str, &str, Option<&str>),
) -> Vec<Tiers> {
    let mut tables: Vec<Tiers> = catalog
        .policies()
        .iter()
        .map(|policy| {
            let mine = (policy.id() == chosen.0).then_some((chosen.1, chosen.2));
            let mut t = tiers(catalog, policy, severity, opened, timing, mine, true);
            for (at, kind) in Kind::ALL.into_iter().enumerate() {
                if !t.rows.iter().any(|r| r.kind == Some(kind)) {
                    let missing = Cell {
                        text: "Not in this policy".into(),
                        due: None,
                        outcome: Some(Outcome::NoneStated),
                        differs: false,
                        verdict: None,
                        order: None,
                    };
                    let row = Row {
                        id: kind.id(),
                        label: kind.label().to_string(),
                        cells: vec![missing; t.tiers.len()],
                        varies: false,
                        kind: Some(kind),
                    };
                    t.rows.insert(at.min(t.rows.len()), row);
                }
            }
            for row in &mut t.rows {
                if let Some(kind) = row.kind {
                    if !row.label.eq_ignore_ascii_case(kind.label()) {
                        row.label = format!("{} ({})", kind.label(), row.label);
                    }
                }
            }
            t
        })
        .collect();
    // Your package's cell of each kind and property row.
    let reference = |tables: &[Tiers], key: &dyn Fn(&Row) -> bool| -> Option<Cell> {
        let table = tables.iter().find(|t| t.vendor == chosen.0)?;
        let column = table.tiers.iter().position(|t| t.chosen)?;
        table
            .rows
            .iter()
            .find(|r| key(r))
            .map(|r| r.cells[column].clone())
    };
    let mut marks: Vec<(usize, usize, Option<Cell>)> = Vec::new();
    for (ti, table) in tables.iter().enumerate() {
        for (ri, row) in table.rows.iter().enumerate() {
            let mine = match row.kind {
                Some(kind) => reference(&tables, &|r| r.kind == Some(kind)),
                None if matches!(row.id, "incidents" | "price") => {
                    reference(&tables, &|r| r.id == row.id)
                }
                // A vendor's own targets and terms: within its table only.
                None => None,
            };
            marks.push((ti, ri, mine));
        }
    }
    for (ti, ri, mine) in marks {
        let Some(mine) = mine else {
            if tables[ti].vendor != chosen.0 {
                for cell in &mut tables[ti].rows[ri].cells {
                    cell.differs = false;
                    cell.verdict = None;
                }
            }
            continue;
        };
        for cell in &mut tables[ti].rows[ri].cells {
            judge(cell, &mine);
        }
    }
    tables
}

/// The comparison as plain text, for the clipboard: each table's caption,
/// then one line per row with every package's cell and its verdict.
/// `when` writes a date in the display zone.
pub fn plain_text(
    intro: &str,
    tables: &[(String, Tiers)],
    when: &dyn Fn(Instant) -> String,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{intro}");
    for (caption, t) in tables {
        let _ = writeln!(out, "\n{caption}");
        let names: Vec<String> = t
            .tiers
            .iter()
            .map(|tier| {
                if tier.chosen {
                    format!("{} (your package)", tier.name)
                } else {
                    tier.name.clone()
                }
            })
            .collect();
        let _ = writeln!(out, "Packages: {}", join(&names, " | "));
        for row in &t.rows {
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|c| {
                    let mut text = c.text.clone();
                    if let Some(at) = c.due {
                        text.push_str(&format!(", {}", when(at)));
                    }
                    if let Some(v) = c.verdict {
                        text = format!("{} {}: {text}", v.symbol(), v.words());
                    }
                    text
                })
                .collect();
            let _ = writeln!(out, "{}: {}", row.label, join(&cells, " | "));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::load;
    use chrono::{TimeZone, Utc};

    #[test]
    fn captions_and_intros_in_words() {
        let catalog = load::embedded();
        let s = catalog.select("threepbx", "standard", None, "2").unwrap();
        let opened = Utc.with_ymd_and_hms(2026, 3, 2, 14, 0, 0).unwrap();
        let new_york = crate::engine::zone::Zone::known("America/New_York");
        let t = tiers(
            catalog,
            s.policy,
            "2",
            opened,
            &Timing::default(),
            None,
            false,
        );
        assert_eq!(t.packages_caption(), "ThreePBX: packages for Priority 2");
        assert_eq!(t.vendor_caption(), "ThreePBX: Priority 2");
        // 14:00 UTC is 09:00 in New York (EST).
        assert_eq!(
            packages_intro(opened, &new_york),
            "Deadlines for a ticket opened Mon 2 Mar 2026, 09:00 EST."
        );
        assert_eq!(
            vendors_intro(&s, opened, &new_york),
            "Severity 2 at every vendor, for a ticket opened Mon 2 Mar 2026, 09:00 EST, against your package \
             (Standard support). Each vendor names its severities differently; check their definitions before comparing."
        );
    }

    /// One vendor's table for a ticket opened Mon 2 Mar 2026 at `hour`:00
    /// UTC, without pauses, following `mine` (package, region).
    fn table_at(
        vendor: &str,
        severity: &str,
        hour: u32,
        mine: Option<(&str, Option<&str>)>,
        all_regions: bool,
    ) -> Tiers {
        let catalog = load::embedded();
        let policy = catalog.policy(vendor).unwrap();
        let opened = Utc.with_ymd_and_hms(2026, 3, 2, hour, 0, 0).unwrap();
        tiers(
            catalog,
            policy,
            severity,
            opened,
            &Timing::default(),
            mine,
            all_regions,
        )
    }

    #[test]
    fn unnamed_eu_tiers_differ_where_the_table_does() {
        let t = table_at("unnamed-eu", "1", 8, Some(("enterprise", None)), false);
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
        let t = table_at("numonix", "3", 8, None, false);
        let resolution = t.rows.iter().find(|r| r.id == "resolution").unwrap();
        assert_eq!(
            resolution.cells[0].text,
            "commercially reasonable efforts to include in the next major release"
        );
    }

    #[test]
    fn regions_can_be_listed_or_followed() {
        let all = table_at("nextplane", "1", 8, None, true);
        assert_eq!(all.tiers.len(), 6);
        assert_eq!(all.tiers[2].name, "Business (EMEA (CET) hours)");
        let followed = table_at("nextplane", "1", 8, Some(("business", Some("emea"))), false);
        assert_eq!(followed.tiers.len(), 4);
        assert_eq!(followed.tiers[1].region, Some("emea"));
        assert_eq!(followed.tiers[2].region, Some("emea"));
        assert!(followed.tiers[1].chosen && !followed.tiers[2].chosen);
    }

    /// NextPlane severity 1 opened Mon 2 Mar 2026 14:00 UTC, your package
    /// Business (US Eastern, 08:00-20:00): the first response is due in 1
    /// business hour, 15:00 UTC. Startup's 4 business hours on Pacific
    /// hours (09:00-17:00 PST = 17:00-01:00 UTC) end 21:00 UTC: worse.
    /// Enterprise promises the same hour: no mark. Support hours differ
    /// without an order: not comparable.
    #[test]
    fn cells_say_better_or_worse_in_words() {
        let t = table_at("nextplane", "1", 14, Some(("business", Some("us"))), false);
        let first = &t.rows[0];
        assert_eq!(
            (first.id, first.kind),
            ("first_response", Some(Kind::FirstResponse))
        );
        assert_eq!(first.cells[0].verdict, Some(Verdict::Worse));
        assert_eq!(Verdict::Worse.words(), "Worse");
        assert_eq!(first.cells[1].verdict, None, "your own package");
        assert_eq!(first.cells[2].verdict, None, "the same promise");
        let hours = t.rows.iter().find(|r| r.id == "coverage").unwrap();
        assert_eq!(hours.cells[0].verdict, Some(Verdict::NotComparable));
        // With Startup as yours, Business is better.
        let t = table_at("nextplane", "1", 14, Some(("startup", None)), false);
        assert_eq!(t.rows[0].cells[1].verdict, Some(Verdict::Better));
    }

    /// Across vendors, the rows line up by kind and are judged against your
    /// package's row of the same kind. Your package: ThreePBX Standard,
    /// severity 1, response in 1 clock hour (15:00 UTC for a ticket opened
    /// Mon 2 Mar 2026 14:00 UTC).
    #[test]
    fn vendors_line_up_by_kind() {
        let catalog = load::embedded();
        let opened = Utc.with_ymd_and_hms(2026, 3, 2, 14, 0, 0).unwrap();
        let tables = vendors(
            catalog,
            "1",
            opened,
            &Timing::default(),
            ("threepbx", "standard", None),
        );
        assert_eq!(tables.len(), catalog.policies().len());
        for t in &tables {
            let kinds: Vec<Option<Kind>> = t.rows.iter().take(3).map(|r| r.kind).collect();
            assert_eq!(
                kinds,
                Kind::ALL.map(Some),
                "{}: the kinds come first, in one order",
                t.vendor
            );
        }
        let table = |id: &str| tables.iter().find(|t| t.vendor == id).unwrap();
        // NextPlane Business: 1 business hour on 08:00-20:00 Eastern, also
        // 15:00 UTC: a different rule, the same date.
        let np = table("nextplane");
        assert_eq!(np.rows[0].label, "First response");
        assert_eq!(np.rows[0].cells[1].verdict, Some(Verdict::Same));
        // Startup (4 business hours, 21:00 UTC) is worse; no resolution
        // target against ThreePBX's "as soon as possible" is worse too.
        assert_eq!(np.rows[0].cells[0].verdict, Some(Verdict::Worse));
        assert_eq!(np.rows[2].cells[0].text, "Not in this policy");
        assert_eq!(np.rows[2].cells[0].verdict, Some(Verdict::Worse));
        // IPcelerate's level 1 response lines up as a first response.
        let ipc = table("ipcelerate");
        assert_eq!(ipc.rows[0].label, "First response (Level 1 response)");
        // Unnamed EU Gold: 16 business hours against "as soon as possible":
        // a date and an undated promise are not comparable; 4 incidents a
        // month against no limit is worse.
        let eu = table("unnamed-eu");
        assert_eq!(eu.rows[2].cells[2].verdict, Some(Verdict::NotComparable));
        let incidents = eu.rows.iter().find(|r| r.id == "incidents").unwrap();
        assert_eq!(incidents.cells[2].verdict, Some(Verdict::Worse));
        // The vendor's own rows (ThreePBX's reason for outage) are judged
        // only within its table.
        let ipc_plan = ipc.rows.iter().find(|r| r.id == "action_plan").unwrap();
        assert!(ipc_plan.cells.iter().all(|c| c.verdict.is_none()));
    }

    #[test]
    fn prices_compare_only_in_the_same_currency_and_period() {
        let mine = Cell {
            text: "US$100.00 per month".into(),
            due: None,
            outcome: None,
            differs: false,
            verdict: None,
            order: Some((-10_000, "USD month".into())),
        };
        let cheaper = Cell {
            text: "US$80.00 per month".into(),
            order: Some((-8_000, "USD month".into())),
            ..mine.clone()
        };
        assert_eq!(verdict(&cheaper, &mine), Verdict::Better);
        assert_eq!(verdict(&mine, &cheaper), Verdict::Worse);
        let yearly = Cell {
            text: "US$80.00 per year".into(),
            order: Some((-8_000, "USD year".into())),
            ..mine.clone()
        };
        assert_eq!(verdict(&yearly, &mine), Verdict::NotComparable);
    }

    #[test]
    fn the_comparison_copies_as_text() {
        let t = table_at("unnamed-eu", "1", 8, Some(("enterprise", None)), false);
        let text = plain_text(
            "Deadlines for a ticket opened Mon 2 Mar 2026, 09:00 CET.",
            &[("Unnamed EU vendor: packages".into(), t)],
            &|at| crate::request::format_instant(at),
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "Deadlines for a ticket opened Mon 2 Mar 2026, 09:00 CET."
        );
        assert_eq!(lines[2], "Unnamed EU vendor: packages");
        assert_eq!(
            lines[3],
            "Packages: Professional | Enterprise (your package) | Gold"
        );
        // Enterprise and Gold: 8 business hours from Mon 09:00 CET, Mon-Fri
        // 09:00-17:00, fill Monday: due Mon 17:00 CET (16:00 UTC).
        assert_eq!(
            lines[4],
            "First response: \u{25bc} Worse: not included in this package | \
             8 business hours, 2026-03-02T16:00:00Z | 8 business hours, 2026-03-02T16:00:00Z"
        );
    }
}
