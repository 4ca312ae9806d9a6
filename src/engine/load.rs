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

pub(crate) mod raw {
    //! The JSON as written; see `policies/README.md`. The doc comments are
    //! the `description`s of `policies/schema.json`, which the tests
    //! generate from these types (`engine::schema`).
    use std::collections::BTreeMap;

    use serde::Deserialize;

    /// The shared holiday calendars (`policies/calendars.json`).
    #[derive(Deserialize)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Calendars {
        /// The JSON Schema this file follows, for editors: "calendars.schema.json".
        #[serde(rename = "$schema", default)]
        #[allow(dead_code)] // for editors; the loader ignores it
        pub schema: Option<String>,
        /// The holiday calendars that schedules name by id.
        pub calendars: Vec<Calendar>,
    }

    /// A named set of holidays; a schedule that names it is closed on them.
    #[derive(Deserialize)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Calendar {
        /// Calendar id, named by a schedule's "holidays", e.g. "us-federal".
        pub id: String,
        /// Display name, e.g. "US federal holidays".
        pub name: String,
        /// What we assumed where the vendor's document is silent (shown in the app); null when nothing was assumed.
        #[serde(default)]
        pub assumption: Option<String>,
        /// The holidays, each closing a whole local date.
        pub holidays: Vec<Holiday>,
    }

    /// A holiday: a name and exactly one rule (fixed, nth, last, easter or date).
    #[derive(Deserialize)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Holiday {
        /// Display name, e.g. "Independence Day".
        pub name: String,
        /// Rule: the same date every year, "MM-DD", e.g. "07-04".
        #[serde(default)]
        #[cfg_attr(test, schemars(regex(pattern = r"^\d\d-\d\d$")))]
        pub fixed: Option<String>,
        /// With "fixed": "on_date" (default, the date itself) or "nearest_weekday" (Saturday to the Friday before, Sunday to the Monday after).
        #[serde(default)]
        #[cfg_attr(test, schemars(extend("enum" = ["on_date", "nearest_weekday", null])))]
        pub observed: Option<String>,
        /// Rule: the nth (1 to 5) "weekday" of "month", e.g. 4 for the 4th Thursday of November.
        #[serde(default)]
        pub nth: Option<u8>,
        /// Rule: true for the last "weekday" of "month", e.g. the last Monday of May.
        #[serde(default)]
        pub last: Option<bool>,
        /// With "nth" or "last": mon, tue, wed, thu, fri, sat or sun.
        #[serde(default)]
        #[cfg_attr(test, schemars(extend("enum" = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", null])))]
        pub weekday: Option<String>,
        /// With "nth" or "last": the month, 1 to 12.
        #[serde(default)]
        pub month: Option<u32>,
        /// Rule: days from Gregorian Easter Sunday (-100 to 100), e.g. -2 for Good Friday.
        #[serde(default)]
        pub easter: Option<i32>,
        /// Rule: one explicit date, "YYYY-MM-DD".
        #[serde(default)]
        #[cfg_attr(test, schemars(regex(pattern = r"^\d{4}-\d\d-\d\d$")))]
        pub date: Option<String>,
        /// Keep this holiday only from this year on, e.g. 2021 for Juneteenth.
        #[serde(default)]
        pub from_year: Option<i32>,
    }

    /// One vendor's support policy (`policies/<id>.json`); see policies/README.md and docs/authoring-policies.md.
    #[derive(Deserialize)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Policy {
        /// The JSON Schema this file follows, for editors: "schema.json".
        #[serde(rename = "$schema", default)]
        #[allow(dead_code)] // for editors; the loader ignores it
        pub schema: Option<String>,
        /// Vendor id, used in URLs and by `sla`: letters, digits, '-' or '_', e.g. "acme".
        pub id: String,
        /// Vendor display name, e.g. "Acme Cloud".
        pub name: String,
        /// The vendor's document this policy is read from.
        pub source: Source,
        /// Currency of every amount: "USD" or "EUR" (amounts are in minor units, cents).
        #[cfg_attr(test, schemars(extend("enum" = ["USD", "EUR"])))]
        pub currency: String,
        /// Severity levels, most urgent first; at least one.
        pub severities: Vec<Severity>,
        /// Weekly schedules (support hours, business hours, maintenance windows) that packages, targets and charges name by id.
        pub schedules: Vec<Schedule>,
        /// Support packages (tiers) the buyer chooses from; at least one.
        pub packages: Vec<Package>,
        /// The target table: one row per target (response, resolution...), a cell per package and severity.
        pub targets: Vec<Target>,
        /// Billable services and when they are charged.
        #[serde(default)]
        pub charges: Vec<Charge>,
        /// Scheduled maintenance windows, if the document states them.
        #[serde(default)]
        pub downtime: Option<Downtime>,
        /// Notice periods, e.g. "3 business days in advance".
        #[serde(default)]
        pub lead_times: Vec<LeadTime>,
        /// Any other entitlement the document states (escalation, account standing, exclusions).
        #[serde(default)]
        pub facts: Vec<Fact>,
    }

    /// The vendor's source document.
    #[derive(Deserialize)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Source {
        /// File name of the document as received, e.g. "acme-support-2026.pdf".
        pub file: String,
        /// The document's title and version or date, e.g. "Acme Support Policy (rev. 3, 2026-01-15)".
        pub title: String,
    }

    /// A severity (priority) level.
    #[derive(Deserialize)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Severity {
        /// Severity id, used in URLs and as a key in target rows, e.g. "1".
        pub id: String,
        /// The vendor's name for it, e.g. "Priority 1 (Critical)".
        pub label: String,
        /// What qualifies, in our words.
        pub definition: String,
    }

    /// A weekly schedule in one time zone, optionally closed on a calendar's holidays.
    #[derive(Deserialize)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Schedule {
        /// Schedule id, named by packages ("coverage"), targets ("clock"), charges and lead times, e.g. "business".
        pub id: String,
        /// Display name, e.g. "Mon-Fri 09:00-17:00 Eastern".
        pub name: String,
        /// IANA time zone the windows are in, e.g. "America/New_York".
        pub zone: String,
        /// Day ("mon") or day range ("mon-fri", "sat-sun", "mon-sun") to open windows "HH:MM-HH:MM" in local time (end may be 24:00); windows must not overlap.
        #[cfg_attr(test, schemars(extend("propertyNames" = {"pattern": "^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?$"}, "additionalProperties" = {"type": "array", "items": {"type": "string", "pattern": "^\\d\\d:\\d\\d-\\d\\d:\\d\\d$"}})))]
        pub weekly: BTreeMap<String, Vec<String>>,
        /// Holiday calendar id (from calendars.json) whose dates close this schedule, e.g. "us-federal"; leave out for none.
        #[serde(default)]
        pub holidays: Option<String>,
        /// Where the document states these hours, e.g. "§2 Support Hours".
        pub source: String,
        /// What we assumed where the document is silent (shown in the app).
        #[serde(default)]
        pub assumption: Option<String>,
    }

    /// A support package (tier).
    #[derive(Deserialize)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Package {
        /// Package id, used in URLs and as a key in target rows, e.g. "standard".
        pub id: String,
        /// Display name, e.g. "Standard support".
        pub name: String,
        /// One sentence on what the package offers.
        pub summary: String,
        /// The price, when the document states one.
        #[serde(default)]
        pub price: Option<Price>,
        /// Price in words when there is no amount, e.g. "Included with the service".
        #[serde(default)]
        pub price_note: Option<String>,
        /// Support channels, e.g. ["Email", "Telephone"].
        pub channels: Vec<String>,
        /// Incidents included per month, when limited.
        #[serde(default)]
        pub incidents_per_month: Option<u32>,
        /// Schedule id of the support hours; exactly one of "coverage" or "regions".
        #[serde(default)]
        pub coverage: Option<String>,
        /// Regions the buyer picks from, each with its own coverage (the first is the default); exactly one of "coverage" or "regions".
        #[serde(default)]
        pub regions: Vec<Region>,
    }

    /// A package's price.
    #[derive(Deserialize)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Price {
        /// Amount in minor units (cents), a whole number: 1250000 for 12,500.00.
        pub amount: i64,
        /// What the amount is for, e.g. "year" or "month".
        pub period: String,
        /// Terms in words, e.g. "billed annually".
        #[serde(default)]
        pub terms: Option<String>,
    }

    /// A coverage region of a package.
    #[derive(Deserialize)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Region {
        /// Region id, used in URLs, e.g. "emea".
        pub id: String,
        /// Display name, e.g. "Europe, Middle East and Africa".
        pub name: String,
        /// Schedule id of this region's support hours.
        pub coverage: String,
    }

    /// A cell of the target table: a rule, alone or with its own provenance.
    #[derive(Deserialize)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(untagged)]
    pub enum Cell {
        /// "<n> <unit>", "not_before <n> <unit>" or an outcome id (best_effort, asap, as_needed, next_release, continuous, none_stated, not_offered, periodic); units: clock_hours, clock_days, business_hours, business_days.
        Text(String),
        /// A rule with its own source or assumption.
        Detailed {
            /// "<n> <unit>", "not_before <n> <unit>" or an outcome id, as in a plain cell.
            rule: String,
            /// Where the document states this cell (default: the target's source).
            #[serde(default)]
            source: Option<String>,
            /// What we assumed for this cell (shown in the app).
            #[serde(default)]
            assumption: Option<String>,
            /// The policy's own words for a result without a date.
            #[serde(default)]
            words: Option<String>,
        },
    }

    /// A package's row: one rule for every severity, or one per severity id.
    #[derive(Deserialize)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(untagged)]
    pub enum Row {
        /// The same cell for every severity.
        All(Cell),
        /// A cell per severity id (every severity needs one).
        BySeverity(BTreeMap<String, Cell>),
    }

    /// A row of the target table: one target (response, resolution, update...).
    #[derive(Deserialize)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Target {
        /// Target id, e.g. "response".
        pub id: String,
        /// Display name, e.g. "First response".
        pub label: String,
        /// "coverage" (default: the package's or region's support hours) or a schedule id; business units count on it.
        #[serde(default)]
        pub clock: Option<String>,
        /// Id of a target earlier in the list: the value then counts from that target's due time (a cadence such as updates).
        #[serde(default)]
        pub after: Option<String>,
        /// A word shown beside dated results, e.g. "best effort".
        #[serde(default)]
        pub qualifier: Option<String>,
        /// The ticket event that meets the target in an audit of tickets: "first_response" or "resolution"; absent when no event in a helpdesk export measures it. Not allowed with "after".
        #[serde(default)]
        #[cfg_attr(test, schemars(extend("enum" = ["first_response", "resolution", null])))]
        pub measured_by: Option<String>,
        /// Where the document states this target, e.g. "§4 Response Times"; `sla check` warns when it is empty.
        #[serde(default)]
        pub source: String,
        /// What we assumed where the document is silent (shown in the app).
        #[serde(default)]
        pub assumption: Option<String>,
        /// Package id to its row: one cell for all severities, or an object with a cell per severity id.
        pub values: BTreeMap<String, Row>,
    }

    /// A billable service.
    #[derive(Deserialize)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Charge {
        /// Service id, e.g. "after_hours".
        pub id: String,
        /// Display name, e.g. "After-hours support".
        pub label: String,
        /// Package ids where the service is offered (empty: all).
        #[serde(default)]
        pub packages: Vec<String>,
        /// Minor units (cents) per "per", a whole number, e.g. 12500 for 125.00 an hour; null when the policy says a fee exists but not its amount.
        pub rate: Option<i64>,
        /// "hour" or "day"; may be left out when the rate is null.
        #[serde(default)]
        #[cfg_attr(test, schemars(extend("enum" = ["hour", "day", null])))]
        pub per: Option<String>,
        /// Hourly rates only: billed time is rounded up to "minute", "half_hour" or "hour".
        #[serde(default)]
        #[cfg_attr(test, schemars(extend("enum" = ["minute", "half_hour", "hour", null])))]
        pub increment: Option<String>,
        /// The minimum billed time, in minutes (0: none).
        #[serde(default)]
        pub minimum_minutes: u32,
        /// Schedule id outside which the service is not provided at all.
        #[serde(default)]
        pub available: Option<String>,
        /// When the work is charged (default "always"), time conditions judged when the work starts unless they say "at": "opened".
        #[serde(default)]
        #[cfg_attr(test, schemars(schema_with = "super::super::schema::condition"))]
        pub billable: Option<serde_json::Value>,
        /// A note shown with the estimate.
        #[serde(default)]
        pub note: Option<String>,
        /// Where the document states this charge.
        pub source: String,
        /// What we assumed where the document is silent (shown in the app).
        #[serde(default)]
        pub assumption: Option<String>,
    }

    /// Scheduled maintenance windows.
    #[derive(Deserialize)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Downtime {
        /// Display name, e.g. "Scheduled maintenance".
        pub label: String,
        /// Schedule id whose windows are the maintenance windows.
        pub schedule: String,
        /// Where the document states them.
        pub source: String,
        /// What we assumed where the document is silent (shown in the app).
        #[serde(default)]
        pub assumption: Option<String>,
    }

    /// A notice period, such as "3 business days in advance".
    #[derive(Deserialize)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct LeadTime {
        /// Lead time id, e.g. "new_install".
        pub id: String,
        /// Display name, e.g. "Earliest new-install session".
        pub label: String,
        /// "<n> <unit>", e.g. "3 business_days".
        pub value: String,
        /// Schedule id the business units count on.
        pub clock: String,
        /// Where the document states it.
        pub source: String,
        /// What we assumed where the document is silent (shown in the app).
        #[serde(default)]
        pub assumption: Option<String>,
    }

    /// Any other entitlement the document states.
    #[derive(Deserialize)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct Fact {
        /// Short topic, e.g. "Escalation".
        pub topic: String,
        /// The fact in our words.
        pub text: String,
        /// Where the document states it.
        pub source: String,
        /// What we assumed where the document is silent (shown in the app).
        #[serde(default)]
        pub assumption: Option<String>,
    }
}

/// What went wrong in a JSON error, without the position serde_json appends.
pub(crate) fn json_what(e: &serde_json::Error) -> String {
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

pub(crate) fn window(text: &str) -> Result<Window, String> {
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
pub(crate) fn day_range(key: &str) -> Result<Vec<usize>, String> {
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
            if !is_id(id) {
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

/// An id is non-empty letters, digits, '-' or '_'.
pub(crate) fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
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
        let measured_by = match t.measured_by.as_deref() {
            None => None,
            Some(id) => {
                let event = Event::from_id(id).ok_or_else(|| {
                    cx.err(
                        &format!("{at}.measured_by"),
                        format!("unknown event {id:?} (expected first_response or resolution)"),
                    )
                })?;
                if after.is_some() {
                    return Err(cx.err(
                        &format!("{at}.measured_by"),
                        "a recurring target (\"after\") is not measured by one event: leave measured_by out",
                    ));
                }
                Some(event)
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
            measured_by,
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
pub(crate) fn condition(
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
