//! Loading policies: serde structs that mirror the JSON (`raw`), validated
//! once into the domain types of [`super::policy`]. Every error names the
//! file, the JSON path inside it and the problem.

use std::collections::HashSet;

use chrono::Weekday;
use serde::Deserialize;

use super::error::Error;
use super::holidays::{Holiday, HolidayCalendar, HolidayRule, Observed};
use super::policy::*;
use super::time::{Schedule, Window, DAY_MINUTES};
use super::zone::Zone;

/// The policy files compiled into every binary, with the name errors use.
pub const EMBEDDED_CALENDARS: (&str, &str) = (
    "policies/calendars.json",
    include_str!("../../policies/calendars.json"),
);
pub const EMBEDDED_POLICIES: [(&str, &str); 5] = [
    (
        "policies/nextplane.json",
        include_str!("../../policies/nextplane.json"),
    ),
    (
        "policies/numonix.json",
        include_str!("../../policies/numonix.json"),
    ),
    (
        "policies/ipcelerate.json",
        include_str!("../../policies/ipcelerate.json"),
    ),
    (
        "policies/unnamed-eu.json",
        include_str!("../../policies/unnamed-eu.json"),
    ),
    (
        "policies/threepbx.json",
        include_str!("../../policies/threepbx.json"),
    ),
];

/// The embedded catalog, built on first use from code generated out of the
/// embedded files (`catalog_data.rs`), so no binary parses JSON to start.
/// Tests check that the generated code is fresh and equals what
/// [`load_catalog`] makes of the files.
pub fn embedded() -> &'static Catalog {
    &super::catalog_data::CATALOG
}

/// Loads a calendars file and policy files, given as `(name, json)`.
pub fn load_catalog(calendars: (&str, &str), policies: &[(&str, &str)]) -> Result<Catalog, Error> {
    let calendars = load_calendars(calendars.0, calendars.1)?;
    let mut loaded = Vec::with_capacity(policies.len());
    for (file, json) in policies {
        let policy = load_policy(file, json, &calendars)?;
        if loaded.iter().any(|p: &Policy| p.id == policy.id) {
            return Err(Error::policy(
                file,
                "id",
                format!("duplicate vendor id {:?}", policy.id),
            ));
        }
        loaded.push(policy);
    }
    Ok(Catalog {
        policies: loaded.into(),
        calendars: calendars.into(),
    })
}

mod raw {
    //! The JSON as written; see `policies/README.md`.
    use std::collections::BTreeMap;

    use serde::Deserialize;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Calendars {
        pub calendars: Vec<Calendar>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Calendar {
        pub id: String,
        pub name: String,
        #[serde(default)]
        pub assumption: Option<String>,
        pub holidays: Vec<Holiday>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Holiday {
        pub name: String,
        #[serde(default)]
        pub fixed: Option<String>,
        #[serde(default)]
        pub observed: Option<String>,
        #[serde(default)]
        pub nth: Option<u8>,
        #[serde(default)]
        pub last: Option<bool>,
        #[serde(default)]
        pub weekday: Option<String>,
        #[serde(default)]
        pub month: Option<u32>,
        #[serde(default)]
        pub easter: Option<i32>,
        #[serde(default)]
        pub date: Option<String>,
        #[serde(default)]
        pub from_year: Option<i32>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Policy {
        pub id: String,
        pub name: String,
        pub source: Source,
        pub currency: String,
        pub severities: Vec<Severity>,
        pub schedules: Vec<Schedule>,
        pub packages: Vec<Package>,
        pub targets: Vec<Target>,
        #[serde(default)]
        pub charges: Vec<Charge>,
        #[serde(default)]
        pub downtime: Option<Downtime>,
        #[serde(default)]
        pub lead_times: Vec<LeadTime>,
        #[serde(default)]
        pub facts: Vec<Fact>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Source {
        pub file: String,
        pub title: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Severity {
        pub id: String,
        pub label: String,
        pub definition: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Schedule {
        pub id: String,
        pub name: String,
        pub zone: String,
        /// Day or day range ("mon", "mon-fri") to windows ("09:00-17:00").
        pub weekly: BTreeMap<String, Vec<String>>,
        #[serde(default)]
        pub holidays: Option<String>,
        pub source: String,
        #[serde(default)]
        pub assumption: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Package {
        pub id: String,
        pub name: String,
        pub summary: String,
        #[serde(default)]
        pub price: Option<Price>,
        #[serde(default)]
        pub price_note: Option<String>,
        pub channels: Vec<String>,
        #[serde(default)]
        pub incidents_per_month: Option<u32>,
        #[serde(default)]
        pub coverage: Option<String>,
        #[serde(default)]
        pub regions: Vec<Region>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Price {
        /// Minor units (cents).
        pub amount: i64,
        pub period: String,
        #[serde(default)]
        pub terms: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Region {
        pub id: String,
        pub name: String,
        pub coverage: String,
    }

    #[derive(Deserialize)]
    #[serde(untagged)]
    pub enum Cell {
        Text(String),
        Detailed {
            rule: String,
            #[serde(default)]
            source: Option<String>,
            #[serde(default)]
            assumption: Option<String>,
            /// The policy's own words for a result without a date.
            #[serde(default)]
            words: Option<String>,
        },
    }

    /// A package's row: one rule for every severity, or one per severity id.
    #[derive(Deserialize)]
    #[serde(untagged)]
    pub enum Row {
        All(Cell),
        BySeverity(BTreeMap<String, Cell>),
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Target {
        pub id: String,
        pub label: String,
        #[serde(default)]
        pub clock: Option<String>,
        #[serde(default)]
        pub after: Option<String>,
        #[serde(default)]
        pub qualifier: Option<String>,
        pub source: String,
        #[serde(default)]
        pub assumption: Option<String>,
        pub values: BTreeMap<String, Row>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Charge {
        pub id: String,
        pub label: String,
        #[serde(default)]
        pub packages: Vec<String>,
        /// Minor units per unit; null when the policy states no amount.
        pub rate: Option<i64>,
        /// "hour" or "day"; may be left out when the rate is not stated.
        #[serde(default)]
        pub per: Option<String>,
        #[serde(default)]
        pub increment: Option<String>,
        #[serde(default)]
        pub minimum_minutes: u32,
        #[serde(default)]
        pub available: Option<String>,
        #[serde(default)]
        pub billable: Option<serde_json::Value>,
        #[serde(default)]
        pub note: Option<String>,
        pub source: String,
        #[serde(default)]
        pub assumption: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Downtime {
        pub label: String,
        pub schedule: String,
        pub source: String,
        #[serde(default)]
        pub assumption: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct LeadTime {
        pub id: String,
        pub label: String,
        pub value: String,
        pub clock: String,
        pub source: String,
        #[serde(default)]
        pub assumption: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Fact {
        pub topic: String,
        pub text: String,
        pub source: String,
        #[serde(default)]
        pub assumption: Option<String>,
    }
}

/// What went wrong in a JSON error, without the position serde_json appends.
fn json_what(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.find(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message,
    }
}

fn json_position(e: &serde_json::Error) -> String {
    format!("line {} column {}", e.line(), e.column())
}

/// Parses JSON; an error is `(where, what)`, where is the JSON path of the
/// offending value, or the line and column of a syntax error.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn from_json<'de, T: Deserialize<'de>>(json: &'de str) -> Result<T, (String, String)> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let parsed: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let at = if path.is_empty() || path == "." {
            json_position(&inner)
        } else {
            path
        };
        (at, json_what(&inner))
    })?;
    deserializer
        .end()
        .map_err(|e| (json_position(&e), json_what(&e)))?;
    Ok(parsed)
}

/// In the browser the only JSON is the embedded catalog, which the native
/// tests load with full paths; tracking paths there would double the
/// deserializer code shipped in the wasm.
#[cfg(target_arch = "wasm32")]
pub(crate) fn from_json<'de, T: Deserialize<'de>>(json: &'de str) -> Result<T, (String, String)> {
    serde_json::from_str(json).map_err(|e| (json_position(&e), json_what(&e)))
}

fn parse_json<'de, T: Deserialize<'de>>(file: &str, json: &'de str) -> Result<T, Error> {
    from_json(json).map_err(|(at, what)| Error::policy(file, &at, what))
}

/// Loads the shared holiday calendars file.
pub fn load_calendars(file: &str, json: &str) -> Result<Vec<HolidayCalendar>, Error> {
    let raw: raw::Calendars = parse_json(file, json)?;
    let mut ids = HashSet::new();
    raw.calendars
        .into_iter()
        .enumerate()
        .map(|(i, calendar)| {
            let at = format!("calendars[{i}]");
            if !ids.insert(calendar.id.clone()) {
                return Err(Error::policy(
                    file,
                    &format!("{at}.id"),
                    format!("duplicate calendar id {:?}", calendar.id),
                ));
            }
            let holidays = calendar
                .holidays
                .into_iter()
                .enumerate()
                .map(|(j, h)| {
                    holiday(h).map_err(|m| Error::policy(file, &format!("{at}.holidays[{j}]"), m))
                })
                .collect::<Result<_, _>>()?;
            Ok(HolidayCalendar {
                id: calendar.id.into(),
                name: calendar.name.into(),
                assumption: calendar.assumption.map(Into::into),
                holidays,
            })
        })
        .collect()
}

fn weekday(name: &str) -> Result<Weekday, String> {
    const DAYS: [(&str, Weekday); 7] = [
        ("mon", Weekday::Mon),
        ("tue", Weekday::Tue),
        ("wed", Weekday::Wed),
        ("thu", Weekday::Thu),
        ("fri", Weekday::Fri),
        ("sat", Weekday::Sat),
        ("sun", Weekday::Sun),
    ];
    DAYS.iter()
        .find(|(n, _)| *n == name)
        .map(|(_, d)| *d)
        .ok_or_else(|| {
            format!("unknown weekday {name:?} (expected mon, tue, wed, thu, fri, sat or sun)")
        })
}

fn holiday(raw: raw::Holiday) -> Result<Holiday, String> {
    let month = || -> Result<u32, String> {
        match raw.month {
            Some(m @ 1..=12) => Ok(m),
            Some(m) => Err(format!("month {m} is not 1 to 12")),
            None => Err("this rule needs a \"month\"".into()),
        }
    };
    let day = || {
        weekday(
            raw.weekday
                .as_deref()
                .ok_or("this rule needs a \"weekday\"")?,
        )
    };
    let kinds = [
        raw.fixed.is_some(),
        raw.nth.is_some(),
        raw.last == Some(true),
        raw.easter.is_some(),
        raw.date.is_some(),
    ];
    if kinds.iter().filter(|k| **k).count() != 1 {
        return Err(format!(
            "holiday {:?} needs exactly one of \"fixed\", \"nth\", \"last\", \"easter\", \"date\"",
            raw.name
        ));
    }
    let rule = if let Some(fixed) = &raw.fixed {
        let date = super::civil::parse_date(&format!("2000-{fixed}"))
            .ok_or_else(|| format!("fixed date {fixed:?} is not MM-DD"))?;
        let observed = match raw.observed.as_deref() {
            None | Some("on_date") => Observed::OnDate,
            Some("nearest_weekday") => Observed::NearestWeekday,
            Some(other) => {
                return Err(format!(
                    "unknown observed rule {other:?} (expected on_date or nearest_weekday)"
                ))
            }
        };
        use chrono::Datelike;
        HolidayRule::Fixed {
            month: date.month(),
            day: date.day(),
            observed,
        }
    } else if let Some(n) = raw.nth {
        if !(1..=5).contains(&n) {
            return Err(format!("nth {n} is not 1 to 5"));
        }
        HolidayRule::NthWeekday {
            month: month()?,
            weekday: day()?,
            n,
        }
    } else if raw.last == Some(true) {
        HolidayRule::LastWeekday {
            month: month()?,
            weekday: day()?,
        }
    } else if let Some(offset) = raw.easter {
        if offset.abs() > 100 {
            return Err(format!("easter offset {offset} is more than 100 days"));
        }
        HolidayRule::Easter { offset }
    } else {
        let text = raw.date.as_deref().unwrap_or_default();
        HolidayRule::Date(
            super::civil::parse_date(text)
                .ok_or_else(|| format!("date {text:?} is not YYYY-MM-DD"))?,
        )
    };
    Ok(Holiday {
        name: raw.name.into(),
        rule,
        from_year: raw.from_year,
    })
}

/// Parses "HH:MM" (00:00 to 24:00) into minutes after midnight.
fn clock_time(text: &str) -> Option<u16> {
    let (h, m) = text.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    let minutes = h.checked_mul(60)?.checked_add(m)?;
    (m < 60 && minutes <= DAY_MINUTES).then_some(minutes)
}

fn window(text: &str) -> Result<Window, String> {
    let (start, end) = text
        .split_once('-')
        .ok_or_else(|| format!("window {text:?} is not HH:MM-HH:MM"))?;
    let (Some(start), Some(end)) = (clock_time(start), clock_time(end)) else {
        return Err(format!(
            "window {text:?} is not HH:MM-HH:MM (00:00 to 24:00)"
        ));
    };
    Window::new(start, end).ok_or_else(|| format!("window {text:?} ends before it starts"))
}

/// Parses a day ("mon") or range ("mon-fri", wrapping allowed) into Monday-based indices.
fn day_range(key: &str) -> Result<Vec<usize>, String> {
    let index = |name: &str| weekday(name).map(|d| d.num_days_from_monday() as usize);
    match key.split_once('-') {
        None => Ok(vec![index(key)?]),
        Some((a, b)) => {
            let (a, b) = (index(a)?, index(b)?);
            let len = (b + 7 - a) % 7 + 1;
            Ok((0..len).map(|i| (a + i) % 7).collect())
        }
    }
}

/// Parses a zone name; only zones compiled into this build are accepted.
pub fn parse_zone(name: &str) -> Option<Zone> {
    Zone::named(name)
}

/// Parses `"<n> <unit>"` into an amount.
pub fn amount(text: &str) -> Result<Amount, String> {
    let (value, unit) = text
        .trim()
        .split_once(' ')
        .ok_or_else(|| format!("{text:?} is not \"<number> <unit>\""))?;
    let value: u32 = value
        .parse()
        .map_err(|_| format!("{value:?} in {text:?} is not a whole number"))?;
    if value == 0 || value > 100_000 {
        return Err(format!("{value} in {text:?} is not between 1 and 100000"));
    }
    let unit = Unit::from_id(unit.trim()).ok_or_else(|| {
        let known: Vec<&str> = Unit::ALL.iter().map(|u| u.id()).collect();
        format!(
            "unknown unit {unit:?} (expected one of {})",
            known.join(", ")
        )
    })?;
    Ok(Amount { value, unit })
}

/// Parses a cell: `"<n> <unit>"`, `"not_before <n> <unit>"` or an outcome id.
pub fn rule(text: &str) -> Result<Rule, String> {
    if let Some(rest) = text.strip_prefix("not_before ") {
        return amount(rest).map(Rule::Earliest);
    }
    match Outcome::from_id(text) {
        Some(Outcome::Deadline | Outcome::Earliest) => Err(format!(
            "{text:?} needs an amount: write \"<n> <unit>\" or \"not_before <n> <unit>\""
        )),
        Some(outcome) => Ok(Rule::Other(outcome)),
        None if text.starts_with(|c: char| c.is_ascii_digit()) => amount(text).map(Rule::Due),
        None => {
            let known: Vec<&str> = Outcome::ALL[2..].iter().map(|o| o.id()).collect();
            Err(format!(
                "{text:?} is not \"<n> <unit>\", \"not_before <n> <unit>\" or one of {}",
                known.join(", ")
            ))
        }
    }
}

fn provenance(source: String, assumption: Option<String>) -> Provenance {
    Provenance {
        source: source.into(),
        assumption: assumption.filter(|a| !a.trim().is_empty()).map(Into::into),
    }
}

/// Validation context for one policy file.
struct Ctx<'a> {
    file: &'a str,
}

impl Ctx<'_> {
    fn err(&self, path: &str, message: impl Into<String>) -> Error {
        Error::policy(self.file, path, message.into())
    }
    fn unique<'b>(&self, path: &str, ids: impl Iterator<Item = &'b str>) -> Result<(), Error> {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                return Err(self.err(
                    &format!("{path}[{i}].id"),
                    format!("id {id:?} must be non-empty letters, digits, '-' or '_'"),
                ));
            }
            if !seen.insert(id) {
                return Err(self.err(&format!("{path}[{i}].id"), format!("duplicate id {id:?}")));
            }
        }
        Ok(())
    }
}

fn find(ids: &[&str], id: &str, what: &str) -> Result<usize, String> {
    ids.iter()
        .position(|x| *x == id)
        .ok_or_else(|| format!("unknown {what} {id:?} (expected one of {})", ids.join(", ")))
}

/// Loads and validates one vendor file against the shared calendars.
pub fn load_policy(file: &str, json: &str, calendars: &[HolidayCalendar]) -> Result<Policy, Error> {
    let raw: raw::Policy = parse_json(file, json)?;
    let cx = Ctx { file };
    cx.unique("severities", raw.severities.iter().map(|s| s.id.as_str()))?;
    cx.unique("schedules", raw.schedules.iter().map(|s| s.id.as_str()))?;
    cx.unique("packages", raw.packages.iter().map(|p| p.id.as_str()))?;
    cx.unique("targets", raw.targets.iter().map(|t| t.id.as_str()))?;
    cx.unique("charges", raw.charges.iter().map(|c| c.id.as_ref()))?;
    cx.unique("lead_times", raw.lead_times.iter().map(|c| c.id.as_str()))?;
    if raw.severities.is_empty() || raw.packages.is_empty() {
        return Err(cx.err("", "a policy needs at least one severity and one package"));
    }
    let currency = Currency::from_code(&raw.currency).ok_or_else(|| {
        cx.err(
            "currency",
            format!("unknown currency {:?} (expected USD or EUR)", raw.currency),
        )
    })?;

    let calendar_ids: Vec<&str> = calendars.iter().map(|c| c.id.as_ref()).collect();
    let schedules = raw
        .schedules
        .into_iter()
        .enumerate()
        .map(|(i, s)| schedule(&cx, i, s, &calendar_ids))
        .collect::<Result<Vec<_>, _>>()?;
    let schedule_ids: Vec<&str> = schedules.iter().map(|s| s.id()).collect();
    let severity_ids: Vec<&str> = raw.severities.iter().map(|s| s.id.as_str()).collect();
    let package_ids: Vec<&str> = raw.packages.iter().map(|p| p.id.as_str()).collect();
    let target_names: Vec<String> = raw.targets.iter().map(|t| t.id.clone()).collect();
    let target_ids: Vec<&str> = target_names.iter().map(String::as_str).collect();
    let schedule_ref =
        |path: &str, id: &str| find(&schedule_ids, id, "schedule").map_err(|m| cx.err(path, m));

    let mut packages = Vec::with_capacity(raw.packages.len());
    for (i, p) in raw.packages.iter().enumerate() {
        let at = format!("packages[{i}]");
        let regions = p
            .regions
            .iter()
            .enumerate()
            .map(|(j, r)| {
                Ok(Region {
                    id: r.id.clone().into(),
                    name: r.name.clone().into(),
                    coverage: schedule_ref(&format!("{at}.regions[{j}].coverage"), &r.coverage)?,
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        cx.unique(
            &format!("{at}.regions"),
            regions.iter().map(|r| r.id.as_ref()),
        )?;
        let coverage = match (&p.coverage, regions.first()) {
            (Some(id), None) => schedule_ref(&format!("{at}.coverage"), id)?,
            (None, Some(first)) => first.coverage,
            _ => {
                return Err(cx.err(
                    &at,
                    "a package needs exactly one of \"coverage\" or \"regions\"",
                ))
            }
        };
        let price = match &p.price {
            Some(price) if price.amount < 0 => {
                return Err(cx.err(&format!("{at}.price.amount"), "a price cannot be negative"))
            }
            Some(price) => Some(Price {
                amount: Money {
                    minor: price.amount,
                    currency,
                },
                period: price.period.clone().into(),
                terms: price.terms.clone().map(Into::into),
            }),
            None => None,
        };
        packages.push(Package {
            id: p.id.clone().into(),
            name: p.name.clone().into(),
            summary: p.summary.clone().into(),
            price,
            price_note: p.price_note.clone().map(Into::into),
            channels: p.channels.iter().cloned().map(Text::from).collect(),
            incidents_per_month: p.incidents_per_month,
            coverage,
            regions: regions.into(),
        });
    }

    let mut targets: Vec<TargetSpec> = Vec::with_capacity(raw.targets.len());
    for (i, t) in raw.targets.into_iter().enumerate() {
        let at = format!("targets[{i}]");
        let clock = match t.clock.as_deref() {
            None | Some("coverage") => ClockRef::Coverage,
            Some(id) => ClockRef::Schedule(schedule_ref(&format!("{at}.clock"), id)?),
        };
        let after = match &t.after {
            None => None,
            Some(id) => {
                let index = find(&target_ids, id, "target")
                    .map_err(|m| cx.err(&format!("{at}.after"), m))?;
                if index >= i {
                    return Err(cx.err(
                        &format!("{at}.after"),
                        format!("target {id:?} must come before {:?}", t.id),
                    ));
                }
                Some(index)
            }
        };
        for key in t.values.keys() {
            find(&package_ids, key, "package")
                .map_err(|m| cx.err(&format!("{at}.values.{key}"), m))?;
        }
        let mut cells = Vec::with_capacity(package_ids.len());
        for package in &package_ids {
            let row_at = format!("{at}.values.{package}");
            let row = t.values.get(*package).ok_or_else(|| {
                cx.err(
                    &format!("{at}.values"),
                    format!("missing a row for package {package:?}"),
                )
            })?;
            let mut row_cells = Vec::with_capacity(severity_ids.len());
            for severity in &severity_ids {
                let (cell, cell_at) = match row {
                    raw::Row::All(cell) => (cell, row_at.clone()),
                    raw::Row::BySeverity(map) => {
                        for key in map.keys() {
                            find(&severity_ids, key, "severity")
                                .map_err(|m| cx.err(&format!("{row_at}.{key}"), m))?;
                        }
                        let cell = map.get(*severity).ok_or_else(|| {
                            cx.err(
                                &row_at,
                                format!("missing a value for severity {severity:?}"),
                            )
                        })?;
                        (cell, format!("{row_at}.{severity}"))
                    }
                };
                let (text, cell_provenance, words) = match cell {
                    raw::Cell::Text(text) => (text, None, None),
                    raw::Cell::Detailed {
                        rule,
                        source,
                        assumption,
                        words,
                    } => (
                        rule,
                        Some(provenance(
                            source.clone().unwrap_or_else(|| t.source.clone()),
                            assumption.clone(),
                        )),
                        words.clone(),
                    ),
                };
                let rule = rule(text).map_err(|m| cx.err(&cell_at, m))?;
                if words.is_some() && rule.amount().is_some() {
                    return Err(cx.err(
                        &format!("{cell_at}.words"),
                        "words are for results without a date (such as \"next_release\"), not for a dated rule",
                    ));
                }
                row_cells.push(Cell {
                    rule,
                    provenance: cell_provenance,
                    words: words.map(Into::into),
                });
            }
            cells.push(row_cells);
        }
        targets.push(TargetSpec {
            id: t.id.into(),
            label: t.label.into(),
            clock,
            after,
            qualifier: t.qualifier.map(Into::into),
            provenance: provenance(t.source, t.assumption),
            cells: cells.into_iter().map(List::from).collect(),
        });
    }

    let mut charges = Vec::with_capacity(raw.charges.len());
    for (i, c) in raw.charges.into_iter().enumerate() {
        let at = format!("charges[{i}]");
        let packages = c
            .packages
            .iter()
            .enumerate()
            .map(|(j, id)| {
                find(&package_ids, id, "package")
                    .map_err(|m| cx.err(&format!("{at}.packages[{j}]"), m))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if c.rate.is_some_and(|r| r < 0) {
            return Err(cx.err(&format!("{at}.rate"), "a rate cannot be negative"));
        }
        let per = match (&c.per, c.rate) {
            (Some(per), _) => per.as_str(),
            (None, None) => "day",
            (None, Some(_)) => {
                return Err(cx.err(
                    &format!("{at}.per"),
                    "a stated rate needs \"per\": hour or day",
                ))
            }
        };
        let unit = match (per, c.increment.as_deref()) {
            ("hour", Some(inc)) => RateUnit::Hour(Increment::from_id(inc).ok_or_else(|| {
                cx.err(
                    &format!("{at}.increment"),
                    format!("unknown increment {inc:?} (expected minute, half_hour or hour)"),
                )
            })?),
            ("hour", None) => {
                return Err(cx.err(
                    &format!("{at}.increment"),
                    "an hourly rate needs an increment",
                ))
            }
            ("day", None) => RateUnit::Day,
            ("day", Some(_)) => {
                return Err(cx.err(
                    &format!("{at}.increment"),
                    "a daily rate is charged per whole day: remove the increment",
                ))
            }
            (other, _) => {
                return Err(cx.err(
                    &format!("{at}.per"),
                    format!("unknown rate unit {other:?} (expected hour or day)"),
                ))
            }
        };
        let available = c
            .available
            .as_deref()
            .map(|id| schedule_ref(&format!("{at}.available"), id))
            .transpose()?;
        let billable = match &c.billable {
            None => Condition::Always,
            Some(value) => condition(value, &schedule_ids, &severity_ids)
                .map_err(|(p, m)| cx.err(&format!("{at}.billable{p}"), m))?,
        };
        charges.push(ChargeRule {
            id: c.id.into(),
            label: c.label.into(),
            packages: packages.into(),
            rate: c.rate.map(|minor| Money { minor, currency }),
            unit,
            minimum_minutes: c.minimum_minutes,
            available,
            billable,
            note: c.note.map(Into::into),
            provenance: provenance(c.source, c.assumption),
        });
    }

    let downtime = raw
        .downtime
        .map(|d| {
            Ok::<_, Error>(Downtime {
                label: d.label.into(),
                schedule: schedule_ref("downtime.schedule", &d.schedule)?,
                provenance: provenance(d.source, d.assumption),
            })
        })
        .transpose()?;
    let lead_times = raw
        .lead_times
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let at = format!("lead_times[{i}]");
            Ok(LeadTime {
                amount: amount(&l.value).map_err(|m| cx.err(&format!("{at}.value"), m))?,
                clock: schedule_ref(&format!("{at}.clock"), &l.clock)?,
                id: l.id.into(),
                label: l.label.into(),
                provenance: provenance(l.source, l.assumption),
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;

    let severities = raw
        .severities
        .into_iter()
        .map(|s| Severity {
            id: s.id.into(),
            label: s.label.into(),
            definition: s.definition.into(),
        })
        .collect();
    let facts = raw
        .facts
        .into_iter()
        .map(|f| Fact {
            topic: f.topic.into(),
            text: f.text.into(),
            provenance: provenance(f.source, f.assumption),
        })
        .collect();
    Ok(Policy {
        id: raw.id.into(),
        name: raw.name.into(),
        source: SourceDocument {
            file: raw.source.file.into(),
            title: raw.source.title.into(),
        },
        currency,
        severities,
        schedules: schedules.into(),
        packages: packages.into(),
        targets: targets.into(),
        charges: charges.into(),
        downtime,
        lead_times: lead_times.into(),
        facts,
    })
}

fn schedule(
    cx: &Ctx<'_>,
    index: usize,
    raw: raw::Schedule,
    calendar_ids: &[&str],
) -> Result<NamedSchedule, Error> {
    let at = format!("schedules[{index}]");
    let zone = parse_zone(&raw.zone).ok_or_else(|| {
        cx.err(
            &format!("{at}.zone"),
            format!("unknown or unsupported time zone {:?} (expected an IANA name such as Europe/Berlin)", raw.zone),
        )
    })?;
    let calendar = raw
        .holidays
        .as_deref()
        .map(|id| {
            find(calendar_ids, id, "holiday calendar")
                .map_err(|m| cx.err(&format!("{at}.holidays"), m))
        })
        .transpose()?;
    let mut week: [Vec<Window>; 7] = Default::default();
    for (key, texts) in &raw.weekly {
        let days = day_range(key).map_err(|m| cx.err(&format!("{at}.weekly.{key}"), m))?;
        for (j, text) in texts.iter().enumerate() {
            let w = window(text).map_err(|m| cx.err(&format!("{at}.weekly.{key}[{j}]"), m))?;
            for &day in &days {
                week[day].push(w);
            }
        }
    }
    for (day, windows) in week.iter_mut().enumerate() {
        windows.sort_by_key(|w| w.start());
        if let Some(pair) = windows
            .windows(2)
            .find(|pair| pair[1].start() < pair[0].end())
        {
            let name = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][day];
            return Err(cx.err(
                &format!("{at}.weekly"),
                format!(
                    "windows overlap on {name}: {} and {}",
                    format_window(pair[0]),
                    format_window(pair[1])
                ),
            ));
        }
    }
    if week.iter().all(|d| d.is_empty()) {
        return Err(cx.err(
            &format!("{at}.weekly"),
            "a schedule needs at least one open window",
        ));
    }
    Ok(NamedSchedule {
        name: raw.name.into(),
        schedule: Schedule::new(raw.id.into(), zone, week.map(List::from), calendar),
        provenance: provenance(raw.source, raw.assumption),
    })
}

/// "09:00-17:00".
pub fn format_window(w: Window) -> String {
    format!(
        "{:02}:{:02}-{:02}:{:02}",
        w.start() / 60,
        w.start() % 60,
        w.end() / 60,
        w.end() % 60
    )
}

/// Parses a billable condition; errors carry a JSON path suffix.
fn condition(
    value: &serde_json::Value,
    schedules: &[&str],
    severities: &[&str],
) -> Result<Condition, (String, String)> {
    use serde_json::Value;
    let bad = |m: String| (String::new(), m);
    match value {
        Value::String(s) if s == "always" => Ok(Condition::Always),
        // One key, plus "at" (the moment judged) beside within/outside.
        Value::Object(map)
            if map.len() - usize::from(map.contains_key("at")) == 1
                && (!map.contains_key("at")
                    || map.contains_key("within")
                    || map.contains_key("outside")) =>
        {
            let Some((key, inner)) = map.iter().find(|(k, _)| *k != "at") else {
                return Err(bad("\"at\" goes beside within or outside".into()));
            };
            let nested = |items: &Value| -> Result<Vec<Condition>, (String, String)> {
                let list = items.as_array().ok_or_else(|| bad(format!("\"{key}\" needs a list")))?;
                list.iter()
                    .enumerate()
                    .map(|(i, v)| condition(v, schedules, severities).map_err(|(p, m)| (format!(".{key}[{i}]{p}"), m)))
                    .collect()
            };
            let text = || inner.as_str().ok_or_else(|| (format!(".{key}"), "expected a string".to_string()));
            match key.as_str() {
                "within" | "outside" => {
                    let schedule = find(schedules, text()?, "schedule").map_err(|m| (format!(".{key}"), m))?;
                    let at = match map.get("at") {
                        None => Moment::WorkStart,
                        Some(v) => v.as_str().and_then(Moment::from_id).ok_or_else(|| {
                            (".at".to_string(), "expected \"opened\" or \"work\"".to_string())
                        })?,
                    };
                    Ok(if key == "within" {
                        Condition::Within { schedule, at }
                    } else {
                        Condition::Outside { schedule, at }
                    })
                }
                "severity" => {
                    let list = inner.as_array().ok_or_else(|| bad("\"severity\" needs a list of severity ids".into()))?;
                    list.iter()
                        .enumerate()
                        .map(|(i, v)| {
                            let id = v.as_str().unwrap_or_default();
                            find(severities, id, "severity").map_err(|m| (format!(".severity[{i}]"), m))
                        })
                        .collect::<Result<Vec<_>, _>>()
                        .map(|list| Condition::Severity(list.into()))
                }
                "flag" => {
                    let id = inner.get("id").and_then(Value::as_str);
                    let label = inner.get("label").and_then(Value::as_str);
                    match (id, label) {
                        (Some(id), Some(label)) => Ok(Condition::Flag {
                            id: id.to_string().into(),
                            label: label.to_string().into(),
                        }),
                        _ => Err((".flag".into(), "a flag needs \"id\" and \"label\" strings".into())),
                    }
                }
                "any" => nested(inner).map(|list| Condition::Any(list.into())),
                "all" => nested(inner).map(|list| Condition::All(list.into())),
                other => Err(bad(format!(
                    "unknown condition {other:?} (expected within, outside, severity, flag, any or all)"
                ))),
            }
        }
        _ => Err(bad(
            "a condition is \"always\" or an object with one key: within, outside (each with an optional \"at\": opened or work), severity, flag, any or all".into(),
        )),
    }
}
