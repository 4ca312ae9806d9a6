//! Every input of the app as a URL query, and back.
//!
//! Reading never fails as a whole: a bad parameter yields a [`Problem`] and
//! that field alone falls back to its default. Values remembered from the
//! last visit (localStorage, same format) fill a page opened without any
//! parameter, and are dropped silently when they no longer fit; a link
//! shows the same to everyone, so with any parameter of its own the fields
//! it leaves out take their defaults.

use chrono::DateTime;

use crate::engine::charge;
use crate::engine::holidays::HolidayEdits;
use crate::engine::policy::{Catalog, Policy};
use crate::engine::time::Instant;
use crate::engine::Error;
use crate::request;

use super::zone;

/// Which panel is in front.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The ticket: deadlines, support hours, charges.
    #[default]
    Ticket,
    /// The chosen vendor's packages side by side.
    Compare,
    /// Every vendor for the same severity.
    Vendors,
}

impl View {
    pub const ALL: [View; 3] = [View::Ticket, View::Compare, View::Vendors];
    pub fn id(self) -> &'static str {
        match self {
            View::Ticket => "ticket",
            View::Compare => "compare",
            View::Vendors => "vendors",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            View::Ticket => "Details",
            View::Compare => "Compare",
            View::Vendors => "All vendors",
        }
    }
}

/// The colour scheme: the visitor's own (`auto`), or the one an embedder
/// chose to match its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];
    pub fn id(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// All inputs. Ids are valid for the catalog whenever a `Query` comes out
/// of [`read`]; the UI keeps them valid when it edits one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub vendor: String,
    pub package: String,
    /// `None`: the package's default region (or it has none).
    pub region: Option<String>,
    pub severity: String,
    pub opened: Instant,
    /// When the work starts, for the charge conditions; `None`: at the opening.
    pub work_at: Option<Instant>,
    /// As entered; the engine merges overlaps.
    pub pauses: Vec<(Instant, Instant)>,
    /// Display zone; `None`: the browser's.
    pub tz: Option<String>,
    /// The zone the opened time (and the work start and pauses) are typed
    /// in; `None`: the browser's. Only how the fields read: the instants
    /// above do not depend on it.
    pub opened_tz: Option<String>,
    /// Hours of work as typed ("1.5", "1:30"); `None`: the default, 1.
    pub hours: Option<String>,
    /// Days of work; `None`: the default, 1.
    pub days: Option<String>,
    /// Charge rule id; `None`: the first priced one offered.
    pub service: Option<String>,
    pub flags: Vec<String>,
    pub holidays: HolidayEdits,
    pub view: View,
    pub embed: bool,
    /// Set by a link only (an embedder's), never remembered.
    pub theme: Theme,
}

impl Query {
    /// The instant charge conditions are judged at: `work_at`, or the opening.
    pub fn work_start(&self) -> Instant {
        self.work_at.unwrap_or(self.opened)
    }
}

/// A parameter that could not be used, and what was shown instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: &'static str,
    pub message: String,
}

/// The minute a ticket opened "now" is taken to have opened.
pub fn this_minute(now: Instant) -> Instant {
    DateTime::from_timestamp(now.timestamp().div_euclid(60) * 60, 0).unwrap_or(now)
}

/// Splits a query string ("?a=1&b=2" or "a=1&b=2") into decoded pairs.
pub fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Percent-decoding. A literal '+' stays '+' (no value here has spaces, and
/// hand-written offsets such as "+01:00" must survive).
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encoding that keeps ':' and '/' readable (both are allowed in a query).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:/".contains(&b) {
            out.push(b as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

fn unknown<'a>(what: &'static str, value: &str, expected: impl Iterator<Item = &'a str>) -> String {
    Error::Unknown {
        what,
        value: value.to_string(),
        expected: expected.map(str::to_string).collect(),
    }
    .to_string()
}

/// Where the value of a field came from.
struct Source<'a> {
    url: &'a [(String, String)],
    stored: &'a [(String, String)],
}

impl<'a> Source<'a> {
    fn url(&self, name: &str) -> Option<&'a str> {
        self.url
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    fn stored(&self, name: &str) -> Option<&'a str> {
        self.stored
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    fn url_all(&self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.url
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    fn stored_all(&self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.stored
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Flag ids a policy's charge rules ask about.
fn flag_ids(policy: &Policy) -> Vec<&str> {
    let mut ids: Vec<&str> = policy
        .charges()
        .iter()
        .flat_map(|c| c.flags())
        .map(|(id, _)| id)
        .collect();
    ids.dedup();
    ids
}

/// The charge rule shown when none is chosen: the first offered with an
/// amount, else the first offered.
pub fn default_service(catalog: &Catalog, query: &Query) -> Option<String> {
    let selection = catalog
        .select(
            &query.vendor,
            &query.package,
            query.region.as_deref(),
            &query.severity,
        )
        .ok()?;
    let mut offered = charge::offered(&selection).map(|(_, r)| r).peekable();
    let first = offered.peek().map(|r| r.id().to_string());
    offered
        .find(|r| r.rate().is_some())
        .map(|r| r.id().to_string())
        .or(first)
}

/// The parameters a link may carry: a URL with any of them is a link, and
/// remembered choices are not read.
pub const PARAMS: [&str; 17] = [
    "vendor",
    "package",
    "region",
    "severity",
    "opened",
    "work_at",
    "pause",
    "tz",
    "opened_tz",
    "hours",
    "days",
    "service",
    "flag",
    "holiday",
    "view",
    "embed",
    "theme",
];

/// True when the URL's pairs carry any of the app's parameters: a link,
/// which decides alone.
pub fn is_link(url: &[(String, String)]) -> bool {
    url.iter().any(|(k, _)| PARAMS.contains(&k.as_str()))
}

/// Reads the URL's pairs, or the remembered ones when the URL carries no
/// parameter (see [`PARAMS`]). `zone_ok` says whether
/// the browser knows a zone name. Never fails: problems are returned with
/// the query, each field falling back on its own.
pub fn read(
    catalog: &Catalog,
    url: &[(String, String)],
    stored: &[(String, String)],
    now: Instant,
    zone_ok: &dyn Fn(&str) -> bool,
) -> (Query, Vec<Problem>) {
    let stored = if is_link(url) { &[] } else { stored };
    let src = Source { url, stored };
    let mut problems = Vec::new();
    let mut problem =
        |field: &'static str, message: String| problems.push(Problem { field, message });
    let policies = catalog.policies();

    // Vendor, then what depends on it; remembered values only count while
    // the vendor (and package) they were chosen for is still in front.
    let stored_vendor = src.stored("vendor").filter(|v| catalog.policy(v).is_some());
    // A link whose vendor is unknown meant its package, region, service
    // and flags for that vendor: they are dropped without more messages.
    let vendor_bad = src
        .url("vendor")
        .is_some_and(|v| catalog.policy(v).is_none());
    let policy = match src.url("vendor") {
        Some(v) => catalog.policy(v).unwrap_or_else(|| {
            problem(
                "vendor",
                format!(
                    "{}; showing {}",
                    unknown("vendor", v, policies.iter().map(|p| p.id())),
                    policies[0].name()
                ),
            );
            &policies[0]
        }),
        None => stored_vendor
            .and_then(|v| catalog.policy(v))
            .unwrap_or(&policies[0]),
    };
    let same_vendor = stored_vendor == Some(policy.id());
    let packages = policy.packages();
    let stored_package = src
        .stored("package")
        .filter(|p| same_vendor && policy.package_index(p).is_some());
    let package = match src.url("package") {
        Some(p) => policy.package_index(p).unwrap_or_else(|| {
            problem(
                "package",
                format!(
                    "{}; showing {}",
                    unknown("package", p, packages.iter().map(|p| p.id())),
                    packages[0].name()
                ),
            );
            0
        }),
        None => stored_package
            .and_then(|p| policy.package_index(p))
            .unwrap_or(0),
    };
    let same_package = same_vendor && stored_package == Some(packages[package].id());
    let regions = packages[package].regions();
    let region = match src.url("region") {
        Some(r) if regions.is_empty() => {
            problem(
                "region",
                format!(
                    "region: {} has no coverage regions, so region \"{r}\" does not apply",
                    packages[package].name()
                ),
            );
            None
        }
        Some(r) => match regions.iter().find(|x| x.id() == r) {
            Some(x) => Some(x.id().to_string()),
            None => {
                problem(
                    "region",
                    format!(
                        "{}; showing {}",
                        unknown("region", r, regions.iter().map(|x| x.id())),
                        regions[0].name()
                    ),
                );
                None
            }
        },
        None => src
            .stored("region")
            .filter(|r| same_package && regions.iter().any(|x| x.id() == *r))
            .map(str::to_string),
    };
    let severity_ok = |s: &str| policy.severity_index(s).is_some();
    let severity = match src.url("severity") {
        Some(s) if severity_ok(s) => s.to_string(),
        Some(s) => {
            let first = &policy.severities()[0];
            // Say which severity is shown, with its id when the label lacks it.
            let shown = if first.label().contains(first.id()) {
                first.label().to_string()
            } else {
                format!("severity {} ({})", first.id(), first.label())
            };
            problem(
                "severity",
                format!(
                    "{}; showing {shown} instead",
                    unknown("severity", s, policy.severities().iter().map(|x| x.id()))
                ),
            );
            first.id().to_string()
        }
        None => src
            .stored("severity")
            .filter(|s| severity_ok(s))
            .unwrap_or(policy.severities()[0].id())
            .to_string(),
    };

    let default_opened = this_minute(now);
    let opened = match src.url("opened") {
        Some(text) => request::parse_instant("opened", text).unwrap_or_else(|e| {
            problem("opened", format!("{e}; showing the current time"));
            default_opened
        }),
        None => default_opened,
    };
    let work_at = src.url("work_at").and_then(|text| {
        request::parse_instant("work_at", text)
            .map_err(|e| {
                problem(
                    "work_at",
                    format!("{e}; judging charges at the opening time"),
                )
            })
            .ok()
    });
    let mut pauses = Vec::new();
    for text in src.url_all("pause") {
        match request::parse_pause("pause", text)
            .and_then(|p| request::check_pause_after_opening("pause", p, opened).map(|()| p))
        {
            Ok(p) => pauses.push(p),
            Err(e) => problem("pause", format!("{e}; this pause is left out")),
        }
    }

    let zone_valid = |name: &str| {
        zone::looks_like_zone(name) && (zone::compiled(name).is_some() || zone_ok(name))
    };
    // A zone parameter: the link's, else the remembered one; a bad one is
    // reported with an example and what is used instead.
    let mut zone_param = |param: &'static str, example: &str, instead: &str| match src.url(param) {
        Some("") => None,
        Some(name) if zone_valid(name) => Some(name.to_string()),
        Some(name) => {
            problem(
                param,
                format!(
                    "{param}: \"{name}\" is not an IANA time zone (such as {example}); {instead}"
                ),
            );
            None
        }
        None => src
            .stored(param)
            .filter(|n| zone_valid(n))
            .map(str::to_string),
    };
    let tz = zone_param("tz", "Europe/Berlin", "showing your browser's zone");
    let opened_tz = zone_param(
        "opened_tz",
        "Europe/London",
        "reading typed times in your browser's zone",
    );

    let hours = match src.url("hours") {
        Some(text) => match request::parse_hours("hours", text) {
            Ok(_) => Some(text.trim().to_string()),
            Err(e) => {
                problem("hours", format!("{e}; showing 1 hour"));
                None
            }
        },
        None => src
            .stored("hours")
            .filter(|t| request::parse_hours("hours", t).is_ok())
            .map(str::to_string),
    };
    let days = match src.url("days") {
        Some(text) => match request::parse_days("days", text) {
            Ok(_) => Some(text.trim().to_string()),
            Err(e) => {
                problem("days", format!("{e}; showing 1 day"));
                None
            }
        },
        None => src
            .stored("days")
            .filter(|t| request::parse_days("days", t).is_ok())
            .map(str::to_string),
    };

    let offered: Vec<&str> = policy
        .charges()
        .iter()
        .filter(|c| c.offered_on(package))
        .map(|c| c.id())
        .collect();
    let service = match src.url("service") {
        Some(s) if offered.contains(&s) => Some(s.to_string()),
        Some(s) => {
            let message = if offered.is_empty() {
                format!(
                    "service: {} has no chargeable services, so \"{s}\" does not apply",
                    packages[package].name()
                )
            } else {
                unknown("service", s, offered.iter().copied())
            };
            problem("service", message);
            None
        }
        None => src
            .stored("service")
            .filter(|s| same_package && offered.contains(s))
            .map(str::to_string),
    };
    let known_flags = flag_ids(policy);
    let mut flags: Vec<String> = Vec::new();
    let url_flags: Vec<&str> = src.url_all("flag").collect();
    if url_flags.is_empty() {
        if same_vendor {
            flags.extend(
                src.stored_all("flag")
                    .filter(|f| known_flags.contains(f))
                    .map(str::to_string),
            );
        }
    } else {
        for f in url_flags {
            if known_flags.contains(&f) {
                if !flags.iter().any(|x| x == f) {
                    flags.push(f.to_string());
                }
            } else if known_flags.is_empty() {
                problem(
                    "flag",
                    format!(
                        "flag: {} asks no questions about charges, so \"{f}\" does not apply",
                        policy.name()
                    ),
                );
            } else {
                problem("flag", unknown("flag", f, known_flags.iter().copied()));
            }
        }
    }

    let mut holidays = HolidayEdits::default();
    let url_holidays: Vec<&str> = src.url_all("holiday").collect();
    if url_holidays.is_empty() {
        if same_vendor {
            for text in src.stored_all("holiday") {
                let _ = request::parse_holiday_edit("holiday", text, &mut holidays);
            }
        }
    } else {
        for text in url_holidays {
            if let Err(e) = request::parse_holiday_edit("holiday", text, &mut holidays) {
                problem("holiday", format!("{e}; this date is left out"));
            }
        }
    }

    // A site built for one vendor (SLA_VENDORS) has no all-vendors view,
    // the last of them.
    let views = &View::ALL[..View::ALL.len() - usize::from(policies.len() == 1)];
    let view_of = |id: &str| views.iter().copied().find(|v| v.id() == id);
    let view = match src.url("view") {
        Some(v) => view_of(v).unwrap_or_else(|| {
            problem("view", unknown("view", v, views.iter().map(|v| v.id())));
            View::Ticket
        }),
        None => src.stored("view").and_then(view_of).unwrap_or_default(),
    };
    let embed = match src.url("embed") {
        None | Some("0") | Some("false") => false,
        Some("1") | Some("true") | Some("") => true,
        Some(other) => {
            problem(
                "embed",
                format!("embed: \"{other}\" is not 1 or 0; showing the full page"),
            );
            false
        }
    };
    let theme = match src.url("theme") {
        None | Some("") => Theme::Auto,
        Some(t) => Theme::ALL
            .into_iter()
            .find(|x| x.id() == t)
            .unwrap_or_else(|| {
                problem(
                    "theme",
                    format!("theme: \"{t}\" is not light, dark or auto; showing your browser's colour scheme"),
                );
                Theme::Auto
            }),
    };

    if vendor_bad {
        problems.retain(|p| !matches!(p.field, "package" | "region" | "service" | "flag"));
    }
    let query = Query {
        vendor: policy.id().to_string(),
        package: packages[package].id().to_string(),
        region,
        severity,
        opened,
        work_at,
        pauses,
        tz,
        opened_tz,
        hours,
        days,
        service,
        flags,
        holidays,
        view,
        embed,
        theme,
    };
    (query, problems)
}

/// Appends `name=value` (encoded) to a query string, with `&` after the first.
pub(super) fn push(out: &mut String, name: &str, value: &str) {
    if !out.is_empty() {
        out.push('&');
    }
    out.push_str(name);
    out.push('=');
    out.push_str(&encode(value));
}

/// Choices worth remembering between visits (no ticket-specific times).
fn write_choices(out: &mut String, query: &Query) {
    if let Some(tz) = &query.tz {
        push(out, "tz", tz);
    }
    if let Some(tz) = &query.opened_tz {
        push(out, "opened_tz", tz);
    }
    if let Some(h) = &query.hours {
        push(out, "hours", h);
    }
    if let Some(d) = &query.days {
        push(out, "days", d);
    }
    if let Some(s) = &query.service {
        push(out, "service", s);
    }
    for f in &query.flags {
        push(out, "flag", f);
    }
    for d in &query.holidays.added {
        push(out, "holiday", &format!("+{d}"));
    }
    for d in &query.holidays.removed {
        push(out, "holiday", &format!("-{d}"));
    }
    if query.view != View::Ticket {
        push(out, "view", query.view.id());
    }
}

fn write_selection(out: &mut String, query: &Query) {
    push(out, "vendor", &query.vendor);
    push(out, "package", &query.package);
    if let Some(r) = &query.region {
        push(out, "region", r);
    }
    push(out, "severity", &query.severity);
}

/// The audit page's address for a calculator URL that asks for it
/// (`view=audit`), keeping the vendor, package and region; `None` for
/// any other view.
pub fn audit_redirect(url: &[(String, String)]) -> Option<String> {
    let last = |name: &str| url.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v);
    (last("view")? == "audit").then(|| audit_address(url))
}

/// The audit page's address (relative to the calculator) with the
/// vendor, package and region of these pairs.
pub fn audit_address(url: &[(String, String)]) -> String {
    let mut query = String::new();
    for name in ["vendor", "package", "region"] {
        if let Some((_, v)) = url.iter().rev().find(|(k, _)| k == name) {
            push(&mut query, name, v);
        }
    }
    if query.is_empty() {
        "audit.html".into()
    } else {
        format!("audit.html?{query}")
    }
}

/// The whole query, as the URL carries it (without '?').
pub fn write(query: &Query) -> String {
    let mut out = String::with_capacity(160);
    write_selection(&mut out, query);
    push(&mut out, "opened", &request::format_instant(query.opened));
    if let Some(at) = query.work_at {
        push(&mut out, "work_at", &request::format_instant(at));
    }
    for (from, until) in &query.pauses {
        let pause = format!(
            "{}/{}",
            request::format_instant(*from),
            request::format_instant(*until)
        );
        push(&mut out, "pause", &pause);
    }
    write_choices(&mut out, query);
    if query.embed {
        push(&mut out, "embed", "1");
    }
    if query.theme != Theme::Auto {
        push(&mut out, "theme", query.theme.id());
    }
    out
}

/// What is remembered between visits: the choices, not the ticket's times.
pub fn write_stored(query: &Query) -> String {
    let mut out = String::with_capacity(96);
    write_selection(&mut out, query);
    write_choices(&mut out, query);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::load;
    use chrono::{NaiveDate, TimeZone, Utc};

    fn now() -> Instant {
        Utc.with_ymd_and_hms(2026, 3, 4, 10, 30, 17).unwrap()
    }

    fn url(q: &str) -> Vec<(String, String)> {
        pairs(q)
    }

    #[test]
    fn this_minute_drops_seconds_and_fractions() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().to_utc();
        assert_eq!(
            this_minute(at("2026-03-04T10:30:17.5Z")),
            at("2026-03-04T10:30:00Z")
        );
        assert_eq!(
            this_minute(at("2026-03-04T10:30:00Z")),
            at("2026-03-04T10:30:00Z")
        );
        // Before 1970 the timestamp is negative: still the minute's start.
        assert_eq!(
            this_minute(at("1969-12-31T23:59:30Z")),
            at("1969-12-31T23:59:00Z")
        );
    }

    fn read_url(q: &str) -> (Query, Vec<Problem>) {
        read(load::embedded(), &url(q), &[], now(), &|n| {
            n == "Asia/Kathmandu"
        })
    }

    #[test]
    fn a_one_vendor_site_has_no_all_vendors_view() {
        let catalog =
            load::load_catalog(load::EMBEDDED_CALENDARS, &load::EMBEDDED_POLICIES[4..]).unwrap();
        let read_one =
            |q: &str, stored: &str| read(&catalog, &url(q), &url(stored), now(), &|_| false);
        let (query, problems) = read_one("view=vendors", "");
        assert_eq!(query.view, View::Ticket);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "view");
        assert_eq!(
            problems[0].message,
            "unknown view \"vendors\" (expected one of: ticket, compare)"
        );
        // A remembered choice from a many-vendor site is ignored quietly.
        let (query, problems) = read_one("", "view=vendors");
        assert_eq!((query.view, problems.len()), (View::Ticket, 0));
        assert_eq!(read_one("view=compare", "").0.view, View::Compare);
    }

    #[test]
    fn round_trips_every_field() {
        let q = "vendor=nextplane&package=business&region=emea&severity=2&opened=2026-03-02T09:00:00Z\
                 &pause=2026-03-02T10:00:00Z/2026-03-02T11:00:00Z&tz=Asia/Kathmandu&opened_tz=Europe/Berlin&hours=1:30&days=2\
                 &service=federated_partner&holiday=%2B2026-12-24&holiday=-2026-12-25&view=compare&embed=1";
        let (query, problems) = read_url(q);
        // The service is not offered on Business: reported, then dropped.
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].field, "service");
        assert_eq!(query.region.as_deref(), Some("emea"));
        assert_eq!(query.tz.as_deref(), Some("Asia/Kathmandu"));
        assert_eq!(query.opened_tz.as_deref(), Some("Europe/Berlin"));
        assert_eq!(query.hours.as_deref(), Some("1:30"));
        assert_eq!(query.pauses.len(), 1);
        assert!(query
            .holidays
            .added
            .contains(&NaiveDate::from_ymd_opt(2026, 12, 24).unwrap()));
        assert!(query
            .holidays
            .removed
            .contains(&NaiveDate::from_ymd_opt(2026, 12, 25).unwrap()));
        assert_eq!(query.view, View::Compare);
        assert!(query.embed);
        let written = write(&query);
        assert!(written.contains("holiday=%2B2026-12-24"), "{written}");
        let (again, problems) = read_url(&written);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(again, query);
    }

    #[test]
    fn a_bad_field_falls_back_alone() {
        let (query, problems) =
            read_url("vendor=threepbx&package=standard&severity=9&opened=yesterday&tz=Mars/Olympus&hours=lots&embed=maybe&view=x");
        let fields: Vec<&str> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            ["severity", "opened", "tz", "hours", "view", "embed"]
        );
        assert_eq!(query.vendor, "threepbx");
        assert_eq!(query.severity, "1");
        assert_eq!(query.opened, this_minute(now()));
        assert_eq!(query.tz, None);
        assert_eq!(query.hours, None);
        assert_eq!(
            problems[0].message,
            "unknown severity \"9\" (expected one of: 1, 2, 3, 4); showing Priority 1 instead"
        );
        // A label without its id gets it: NextPlane calls 1 "Priority One".
        let (_, problems) = read_url("vendor=nextplane&severity=9");
        assert_eq!(
            problems[0].message,
            "unknown severity \"9\" (expected one of: 1, 2, 3, 4); showing severity 1 (Priority One) instead"
        );
        let (query, problems) = read_url("opened_tz=Mars/Olympus");
        assert_eq!((problems[0].field, query.opened_tz), ("opened_tz", None));
    }

    #[test]
    fn unknown_vendor_and_package() {
        let (query, problems) = read_url("vendor=threepbx&package=gold");
        assert_eq!(query.package, "standard");
        assert!(problems[0].message.starts_with("unknown package \"gold\""));
        let (query, problems) = read_url("vendor=acme&package=gold");
        assert_eq!(query.vendor, "nextplane");
        assert_eq!(query.package, "startup");
        assert_eq!(problems.len(), 1);
        assert!(problems[0]
            .message
            .starts_with("unknown vendor \"acme\" (expected one of: nextplane,"));
        let (_, problems) = read_url("vendor=acme&package=standard&service=x");
        assert_eq!(problems.len(), 1, "{problems:?}");
        let (_, problems) = read_url("vendor=numonix&region=us");
        assert_eq!(problems[0].field, "region");
    }

    #[test]
    fn instants_outside_the_supported_years_are_rejected() {
        let (_, problems) =
            read_url("opened=9999-12-31T23:59:59Z&pause=0001-01-01T00:00:00Z/2026-01-01T00:00:00Z");
        assert_eq!(problems.len(), 2, "{problems:?}");
        let (_, problems) = read_url("pause=2026-03-02T11:00:00Z/2026-03-02T10:00:00Z");
        assert!(problems[0].message.contains("ends before it starts"));
        // A pause over before the opening moves nothing: reported, left out.
        let (query, problems) = read_url(
            "opened=2026-03-02T09:00:00Z&pause=2026-03-01T10:00:00Z/2026-03-01T11:00:00Z\
             &pause=2026-03-02T08:00:00Z/2026-03-02T10:00:00Z",
        );
        assert_eq!(query.pauses.len(), 1, "the one across the opening stays");
        assert_eq!(
            problems[0].message,
            "pause: the pause 2026-03-01T10:00:00Z/2026-03-01T11:00:00Z ends before the ticket \
             opened (2026-03-02T09:00:00Z), so it would move nothing; this pause is left out"
        );
    }

    #[test]
    fn work_at_round_trips_and_defaults_to_the_opening() {
        let (query, problems) =
            read_url("opened=2026-03-03T12:00:00-05:00&work_at=2026-03-03T20:00:00-05:00");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            request::format_instant(query.work_start()),
            "2026-03-04T01:00:00Z"
        );
        assert!(
            write(&query).contains("work_at=2026-03-04T01%3A00%3A00Z")
                || write(&query).contains("work_at=2026-03-04T01:00:00Z"),
            "{}",
            write(&query)
        );
        let (query, _) = read_url("opened=2026-03-03T12:00:00-05:00");
        assert_eq!(query.work_start(), query.opened);
        assert!(!write(&query).contains("work_at"));
        let (query, problems) =
            read_url("opened=2026-03-03T12:00:00-05:00&work_at=9999-01-01T00:00:00Z");
        assert_eq!(query.work_at, None);
        assert_eq!(problems[0].field, "work_at");
        assert_eq!(
            problems[0].message,
            "work_at: 9999-01-01T00:00:00Z is outside the years 1000 to 9000; judging charges at the opening time"
        );
    }

    #[test]
    fn plus_signs_survive_in_offsets() {
        let (query, problems) = read_url("opened=2026-03-02T10:00:00+01:00");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            query.opened,
            Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
        );
        assert_eq!(encode("+01:00 x"), "%2B01:00%20x");
        assert_eq!(decode("%2B01%3A00"), "+01:00");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("caf%C3%A9"), "caf\u{e9}");
        assert_eq!(decode("caf%E9"), "caf\u{fffd}");
    }

    #[test]
    fn the_url_wins_over_remembered_choices() {
        let catalog = load::embedded();
        let stored = pairs("vendor=threepbx&package=standard&severity=2&tz=UTC&opened_tz=Europe/Berlin&hours=3&service=professional_services&flag=priority_handling");
        let (query, problems) = read(catalog, &[], &stored, now(), &|_| false);
        assert!(problems.is_empty());
        assert_eq!(query.opened_tz.as_deref(), Some("Europe/Berlin"));
        assert!(write_stored(&query).contains("opened_tz=Europe/Berlin"));
        assert_eq!(
            (query.vendor.as_str(), query.severity.as_str()),
            ("threepbx", "2")
        );
        assert_eq!(query.service.as_deref(), Some("professional_services"));
        assert_eq!(query.flags, ["priority_handling"]);
        // A link shows the same to everyone: what it leaves out takes the
        // default, not the remembered value (the shared link of issue 19).
        let link = url("vendor=threepbx&package=standard&severity=3&service=new_install");
        let (query, problems) = read(catalog, &link, &stored, now(), &|_| false);
        assert!(problems.is_empty());
        assert_eq!(query.service.as_deref(), Some("new_install"));
        assert!(query.flags.is_empty());
        assert_eq!((query.tz, query.hours), (None, None));
        assert_eq!(query.opened_tz, None);
        let (query, _) = read(catalog, &url("vendor=ipcelerate"), &stored, now(), &|_| {
            false
        });
        assert_eq!(query.package, "maintenance");
        assert_eq!(query.severity, "1");
        assert_eq!(query.tz, None);
        // Parameters that are not the app's do not make a link.
        let (query, _) = read(catalog, &url("utm_source=x"), &stored, now(), &|_| false);
        assert_eq!(query.flags, ["priority_handling"]);
        // Remembered values that no longer fit are dropped silently.
        let stale = pairs("vendor=gone&tz=Nowhere/Land&hours=x");
        let (query, problems) = read(catalog, &[], &stale, now(), &|_| false);
        assert!(problems.is_empty());
        assert_eq!(query.vendor, "nextplane");
        assert_eq!(query.tz, None);
    }

    #[test]
    fn a_theme_comes_from_the_link_only() {
        let (query, problems) = read_url("vendor=threepbx&embed=1&theme=dark");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(query.theme, Theme::Dark);
        assert!(
            write(&query).ends_with("&embed=1&theme=dark"),
            "{}",
            write(&query)
        );
        // Not remembered: a later visit without a link follows the browser.
        assert_eq!(
            write_stored(&query),
            "vendor=threepbx&package=standard&severity=1"
        );
        let (light, _) = read_url("theme=light");
        assert_eq!(light.theme, Theme::Light);
        // The default is auto, and auto is not written.
        let (auto, problems) = read_url("theme=auto");
        assert!(problems.is_empty());
        assert_eq!(auto.theme, Theme::Auto);
        assert!(!write(&auto).contains("theme"), "{}", write(&auto));
        let (bad, problems) = read_url("vendor=threepbx&theme=sepia");
        assert_eq!(bad.theme, Theme::Auto);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "theme");
        assert_eq!(
            problems[0].message,
            "theme: \"sepia\" is not light, dark or auto; showing your browser's colour scheme"
        );
        // A theme alone makes a link.
        assert!(is_link(&url("theme=dark")));
        assert!(!is_link(&url("utm_source=x")));
    }

    #[test]
    fn stored_form_has_no_times() {
        let (query, _) = read_url("vendor=threepbx&package=standard&severity=2&opened=2026-03-02T09:00:00Z&pause=2026-03-02T10:00:00Z/2026-03-02T11:00:00Z&embed=1");
        assert_eq!(
            write_stored(&query),
            "vendor=threepbx&package=standard&severity=2"
        );
        assert_eq!(
            write(&query),
            "vendor=threepbx&package=standard&severity=2&opened=2026-03-02T09:00:00Z\
             &pause=2026-03-02T10:00:00Z/2026-03-02T11:00:00Z&embed=1"
        );
    }

    #[test]
    fn default_service_prefers_a_priced_rule() {
        let (query, _) = read_url("vendor=ipcelerate&package=time-and-materials");
        assert_eq!(
            default_service(load::embedded(), &query).as_deref(),
            Some("remote_hourly")
        );
        let (query, _) = read_url("vendor=ipcelerate&package=maintenance");
        assert_eq!(
            default_service(load::embedded(), &query).as_deref(),
            Some("software_assessment")
        );
        let (query, _) = read_url("vendor=numonix");
        assert_eq!(default_service(load::embedded(), &query), None);
    }

    #[test]
    fn view_audit_leads_to_the_audit_page_with_the_contract_choices() {
        let go = |q: &str| audit_redirect(&url(q));
        assert_eq!(
            go("?vendor=numonix&package=premium&region=emea&severity=2&view=audit"),
            Some("audit.html?vendor=numonix&package=premium&region=emea".to_string())
        );
        assert_eq!(go("?view=audit"), Some("audit.html".to_string()));
        assert_eq!(go("?view=compare&vendor=numonix"), None);
        assert_eq!(go(""), None);
    }
}
