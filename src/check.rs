//! `sla check`: every problem of policy files at once, each with where it
//! is (`FILE:LINE:COLUMN: JSON.PATH`), what is wrong and what is expected.
//! Errors make a file invalid; warnings (a target without a source, a
//! business schedule without holidays or an assumption saying why, a zone
//! this build does not compile)
//! do not. After its own checks find no error, a file is also loaded with
//! [`load::load_policy`], so a file `check` accepts is one the engine loads.
//! Pure: texts in, problems out (the command reads the files).

use std::collections::HashMap;
use std::fmt;

use serde_json::Value;

use crate::engine::holidays::HolidayCalendar;
use crate::engine::load::{self, raw};
use crate::engine::policy::{Currency, Event};
use crate::engine::time::Window;
use crate::engine::zone::Zone;
use crate::engine::Error;

/// Every IANA zone and link name (tzdata 2025b), one per line after the
/// `#` header.
const IANA_ZONES: &str = include_str!("iana_zones.txt");

/// Whether `name` is an IANA zone or link name.
pub fn is_iana_zone(name: &str) -> bool {
    IANA_ZONES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .any(|l| l == name)
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// JSON path (`schedules[0].weekly.mon-fri[1]`), `$` for the whole file.
    pub path: String,
    pub message: String,
    pub warning: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "$"
        } else {
            &self.path
        };
        let kind = if self.warning { "warning: " } else { "" };
        write!(
            f,
            "{}:{}:{}: {path}: {kind}{}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Checks policy files and calendar files (`{"calendars": ...}`), given as
/// `(name, json)`. Policies are checked against the calendars among the
/// files, else against `calendars` (the embedded ones). Problems come in
/// file order, then by position.
pub fn check(files: &[(String, String)], calendars: &[HolidayCalendar]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for (file, json) in files {
        match serde_json::from_str::<Value>(json) {
            Ok(value) => parsed.push((file, json, value)),
            Err(e) => problems.push(Problem {
                file: file.clone(),
                line: e.line(),
                column: e.column(),
                path: String::new(),
                message: format!("{}: expected a JSON object", load::json_what(&e)),
                warning: false,
            }),
        }
    }
    let mut own_calendars = None;
    for (file, json, value) in &parsed {
        if value.get("calendars").is_some() {
            match load::load_calendars(file, json) {
                Ok(loaded) => own_calendars = Some(loaded),
                Err(e) => problems.push(from_error(file, &Positions::of(json), e)),
            }
        }
    }
    let calendars = own_calendars.as_deref().unwrap_or(calendars);
    let mut vendors: Vec<(&str, String)> = Vec::new();
    for (file, json, value) in &parsed {
        if value.get("calendars").is_some() || is_json_schema(value) {
            continue;
        }
        let positions = Positions::of(json);
        let mut found = Findings::new(file, &positions);
        policy(&mut found, value, calendars);
        if let Some(id) = value.get("id").and_then(Value::as_str) {
            match vendors.iter().find(|(_, v)| v == id) {
                Some((other, _)) => found.error(
                    "id",
                    format!(
                        "duplicate vendor id {id:?} (also in {other}): expected an id of its own"
                    ),
                ),
                None => vendors.push((file, id.to_string())),
            }
        }
        found.problems.sort_by_key(|p| (p.line, p.column));
        problems.append(&mut found.problems);
    }
    problems
}

/// `policies/*.json` holds the schemas too: they are not policies.
fn is_json_schema(value: &Value) -> bool {
    value
        .get("$schema")
        .and_then(Value::as_str)
        .is_some_and(|s| s.starts_with("https://json-schema.org/"))
}

/// Problems of one file, positioned.
struct Findings<'a> {
    file: &'a str,
    positions: &'a Positions,
    problems: Vec<Problem>,
}

impl<'a> Findings<'a> {
    fn new(file: &'a str, positions: &'a Positions) -> Self {
        Findings {
            file,
            positions,
            problems: Vec::new(),
        }
    }
    fn push(&mut self, path: &str, message: String, warning: bool) {
        let (line, column) = self.positions.at(path);
        self.problems.push(Problem {
            file: self.file.to_string(),
            line,
            column,
            path: path.to_string(),
            message,
            warning,
        });
    }
    fn error(&mut self, path: &str, message: String) {
        self.push(path, message, false);
    }
    fn warn(&mut self, path: &str, message: String) {
        self.push(path, message, true);
    }
    fn errors(&self) -> usize {
        self.problems.iter().filter(|p| !p.warning).count()
    }
}

fn from_error(file: &str, positions: &Positions, e: Error) -> Problem {
    let (path, message) = match e {
        Error::Policy { path, message, .. } => (path, message),
        other => (String::new(), other.to_string()),
    };
    let (line, column) = positions.at(&path);
    Problem {
        file: file.to_string(),
        line,
        column,
        path,
        message,
        warning: false,
    }
}

/// Amounts are whole minor units; the paths where the format has one.
fn amounts(value: &Value) -> Vec<(String, f64)> {
    let mut found = Vec::new();
    let mut look = |path: String, v: Option<&Value>| {
        if let Some(n) = v.filter(|n| n.is_f64()).and_then(Value::as_f64) {
            found.push((path, n));
        }
    };
    for (i, p) in list(value, "packages").iter().enumerate() {
        look(
            format!("packages[{i}].price.amount"),
            p.pointer("/price/amount"),
        );
    }
    for (i, c) in list(value, "charges").iter().enumerate() {
        look(format!("charges[{i}].rate"), c.get("rate"));
    }
    found
}

fn list<'v>(value: &'v Value, key: &str) -> &'v [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// Checks one policy file.
fn policy(found: &mut Findings<'_>, value: &Value, calendars: &[HolidayCalendar]) {
    // Amounts with a fraction of a minor unit, before the structure (which
    // needs whole numbers) is read; the copy read on has them zeroed.
    let mut value = value.clone();
    let currency = value
        .get("currency")
        .and_then(Value::as_str)
        .and_then(Currency::from_code);
    for (path, n) in amounts(&value) {
        // Both currencies the format knows have two minor digits.
        let (code, digits) = (currency.map_or("the currency", |c| c.code()), 2);
        found.error(
            &path,
            format!(
                "amount {n} has more minor digits than {code} has: amounts are whole minor units \
                 ({code} has {digits} minor digits), e.g. 12550 for 125.50"
            ),
        );
        let pointer = format!("/{}", path.replace(['.', '['], "/").replace(']', ""));
        if let Some(slot) = value.pointer_mut(&pointer) {
            *slot = Value::from(0);
        }
    }
    let text = value.to_string();
    let parsed: raw::Policy = match load::from_json(&text) {
        Ok(parsed) => parsed,
        Err((at, what)) => {
            return found.error(&at, format!("{what}: see policies/schema.json"));
        }
    };
    semantics(found, &parsed, calendars);
    if found.errors() > 0 {
        return;
    }
    // Anything else the loader rejects; zones this build lacks (a warning
    // above) are read as UTC so the rest is still checked.
    for (i, s) in parsed.schedules.iter().enumerate() {
        if Zone::named(&s.zone).is_none() {
            value["schedules"][i]["zone"] = Value::from("UTC");
        }
    }
    if let Err(e) = load::load_policy(found.file, &value.to_string(), calendars) {
        let problem = from_error(found.file, found.positions, e);
        found.problems.push(problem);
    }
}

/// The checks that need the parsed structure; each finds every instance.
fn semantics(found: &mut Findings<'_>, p: &raw::Policy, calendars: &[HolidayCalendar]) {
    ids(
        found,
        "severities",
        p.severities.iter().map(|s| s.id.as_str()),
    );
    ids(
        found,
        "schedules",
        p.schedules.iter().map(|s| s.id.as_str()),
    );
    ids(found, "packages", p.packages.iter().map(|s| s.id.as_str()));
    ids(found, "targets", p.targets.iter().map(|s| s.id.as_str()));
    ids(found, "charges", p.charges.iter().map(|s| s.id.as_str()));
    ids(
        found,
        "lead_times",
        p.lead_times.iter().map(|s| s.id.as_str()),
    );
    for (i, package) in p.packages.iter().enumerate() {
        let path = format!("packages[{i}].regions");
        ids(found, &path, package.regions.iter().map(|r| r.id.as_str()));
    }
    if p.severities.is_empty() {
        found.error(
            "severities",
            "no severities: expected at least one, e.g. {\"id\": \"1\", \"label\": \"Severity 1\", \"definition\": \"...\"}".into(),
        );
    }
    if p.packages.is_empty() {
        found.error(
            "packages",
            "no packages: expected at least one, e.g. {\"id\": \"standard\", ..., \"coverage\": \"business\"}".into(),
        );
    }

    let schedule_ids: Vec<&str> = p.schedules.iter().map(|s| s.id.as_str()).collect();
    let severity_ids: Vec<&str> = p.severities.iter().map(|s| s.id.as_str()).collect();
    let package_ids: Vec<&str> = p.packages.iter().map(|s| s.id.as_str()).collect();
    let target_ids: Vec<&str> = p.targets.iter().map(|s| s.id.as_str()).collect();
    let downtime = p.downtime.as_ref().map(|d| d.schedule.as_str());
    for (i, s) in p.schedules.iter().enumerate() {
        schedule(found, i, s, calendars, downtime == Some(s.id.as_str()));
    }

    let reference = |found: &mut Findings<'_>, path: String, id: &str| {
        if !schedule_ids.contains(&id) {
            found.error(
                &path,
                format!(
                    "unknown schedule {id:?} (expected one of {})",
                    schedule_ids.join(", ")
                ),
            );
        }
    };
    for (i, package) in p.packages.iter().enumerate() {
        if let Some(id) = &package.coverage {
            reference(found, format!("packages[{i}].coverage"), id);
        }
        for (j, region) in package.regions.iter().enumerate() {
            reference(
                found,
                format!("packages[{i}].regions[{j}].coverage"),
                &region.coverage,
            );
        }
    }
    for (i, target) in p.targets.iter().enumerate() {
        let at = format!("targets[{i}]");
        match target.clock.as_deref() {
            None | Some("coverage") => {}
            Some(id) => reference(found, format!("{at}.clock"), id),
        }
        if let Some(after) = &target.after {
            if !target_ids[..i].contains(&after.as_str()) {
                found.error(
                    &format!("{at}.after"),
                    format!("unknown target {after:?} (expected one of the targets before this one: {})", target_ids[..i].join(", ")),
                );
            }
        }
        if let Some(event) = &target.measured_by {
            if Event::from_id(event).is_none() {
                found.error(
                    &format!("{at}.measured_by"),
                    format!("unknown event {event:?} (expected first_response or resolution)"),
                );
            } else if target.after.is_some() {
                found.error(
                    &format!("{at}.measured_by"),
                    "a recurring target (\"after\") is not measured by one event: leave measured_by out".to_string(),
                );
            }
        }
        if target.source.trim().is_empty() {
            found.warn(
                &format!("{at}.source"),
                format!("target {:?} has no source: expected where the document states it, e.g. \"source\": \"§4 Response times\"", target.id),
            );
        }
        target_values(found, &at, target, &package_ids, &severity_ids);
    }
    if p.targets.is_empty() {
        for (i, s) in p.severities.iter().enumerate() {
            found.error(
                &format!("severities[{i}]"),
                format!("severity {:?} has no targets: expected at least one target with a value for it, e.g. \"response\"", s.id),
            );
        }
    }
    for (i, charge) in p.charges.iter().enumerate() {
        let at = format!("charges[{i}]");
        for (j, id) in charge.packages.iter().enumerate() {
            if !package_ids.contains(&id.as_str()) {
                found.error(
                    &format!("{at}.packages[{j}]"),
                    format!(
                        "unknown package {id:?} (expected one of {})",
                        package_ids.join(", ")
                    ),
                );
            }
        }
        if let Some(id) = &charge.available {
            reference(found, format!("{at}.available"), id);
        }
        if let Some(billable) = &charge.billable {
            if let Err((path, message)) = load::condition(billable, &schedule_ids, &severity_ids) {
                found.error(&format!("{at}.billable{path}"), message);
            }
        }
    }
    if let Some(d) = &p.downtime {
        reference(found, "downtime.schedule".into(), &d.schedule);
    }
    for (i, lead) in p.lead_times.iter().enumerate() {
        let at = format!("lead_times[{i}]");
        reference(found, format!("{at}.clock"), &lead.clock);
        if let Err(message) = load::amount(&lead.value) {
            found.error(&format!("{at}.value"), message);
        }
    }
}

fn ids<'b>(found: &mut Findings<'_>, list: &str, ids: impl Iterator<Item = &'b str>) {
    let mut seen: Vec<&str> = Vec::new();
    for (i, id) in ids.enumerate() {
        let path = format!("{list}[{i}].id");
        if !load::is_id(id) {
            found.error(
                &path,
                format!("id {id:?} is not an id: expected letters, digits, '-' or '_', e.g. \"standard\""),
            );
        }
        match seen.iter().position(|s| *s == id) {
            Some(first) => found.error(
                &path,
                format!("duplicate id {id:?} (also at {list}[{first}]): expected an id of its own"),
            ),
            None => seen.push(id),
        }
    }
}

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn schedule(
    found: &mut Findings<'_>,
    index: usize,
    s: &raw::Schedule,
    calendars: &[HolidayCalendar],
    downtime: bool,
) {
    let at = format!("schedules[{index}]");
    if Zone::named(&s.zone).is_none() {
        if is_iana_zone(&s.zone) {
            found.warn(
                &format!("{at}.zone"),
                format!(
                    "{:?} is an IANA zone but is not compiled into this build: put the file in \
                     policies/ and run scripts/build-site.sh, which compiles the zones the policies name",
                    s.zone
                ),
            );
        } else {
            let near = IANA_ZONES
                .lines()
                .find(|l| l.eq_ignore_ascii_case(&s.zone))
                .map(|l| format!(" (did you mean {l:?}?)"))
                .unwrap_or_default();
            found.error(
                &format!("{at}.zone"),
                format!(
                    "{:?} is not an IANA time zone{near}: expected a name such as \"Europe/Berlin\" or \"America/New_York\"",
                    s.zone
                ),
            );
        }
    }
    if let Some(id) = &s.holidays {
        if !calendars.iter().any(|c| c.id.as_ref() == id) {
            let known: Vec<&str> = calendars.iter().map(|c| c.id.as_ref()).collect();
            found.error(
                &format!("{at}.holidays"),
                format!(
                    "unknown holiday calendar {id:?} (expected one of {})",
                    known.join(", ")
                ),
            );
        }
    }
    // Every window with where it came from, per day.
    let mut week: [Vec<(Window, String)>; 7] = Default::default();
    let mut any = false;
    for (key, texts) in &s.weekly {
        let key_at = format!("{at}.weekly.{key}");
        let days = match load::day_range(key) {
            Ok(days) => days,
            Err(m) => {
                found.error(&key_at, format!("{m}, or a range such as \"mon-fri\""));
                continue;
            }
        };
        if texts.is_empty() {
            found.error(
                &key_at,
                format!("no windows for {key:?}: expected windows such as [\"09:00-17:00\"], or leave {key:?} out"),
            );
        }
        for (j, text) in texts.iter().enumerate() {
            let path = format!("{key_at}[{j}]");
            match load::window(text) {
                Ok(w) => {
                    any = true;
                    for &day in &days {
                        week[day].push((w, path.clone()));
                    }
                }
                Err(_) if empty_window(text) => found.error(
                    &path,
                    format!("window {text:?} is empty: expected an end after the start, e.g. \"09:00-17:00\""),
                ),
                Err(m) => found.error(&path, format!("{m}: expected e.g. \"09:00-17:00\"")),
            }
        }
    }
    let mut reported = Vec::new();
    for (day, windows) in week.iter_mut().enumerate() {
        windows.sort_by_key(|(w, _)| (w.start(), w.end()));
        for pair in windows.windows(2) {
            let ((a, a_at), (b, b_at)) = (&pair[0], &pair[1]);
            if b.start() < a.end() && !reported.contains(&(a_at.clone(), b_at.clone())) {
                reported.push((a_at.clone(), b_at.clone()));
                let (later, earlier) = if b_at > a_at {
                    (b_at, a_at)
                } else {
                    (a_at, b_at)
                };
                found.error(
                    later,
                    format!(
                        "windows overlap on {}: {} and {} ({earlier}): expected windows that do not overlap, e.g. \"09:00-12:00\" and \"13:00-17:00\"",
                        DAYS[day],
                        load::format_window(*a),
                        load::format_window(*b),
                    ),
                );
            }
        }
    }
    if !any && !s.weekly.values().any(|t| !t.is_empty()) {
        found.error(
            &format!("{at}.weekly"),
            "no open windows: expected at least one, e.g. {\"mon-fri\": [\"09:00-17:00\"]}".into(),
        );
    }
    let always = week
        .iter()
        .all(|d| d.len() == 1 && d[0].0.start() == 0 && d[0].0.end() == 24 * 60);
    // Without holidays and without an assumption saying why: likely forgotten.
    if s.holidays.is_none() && s.assumption.is_none() && !always && !downtime && any {
        found.warn(
            &at,
            format!(
                "schedule {:?} has no holidays, so holidays count as open time: add \"holidays\": \"<calendar id>\", or an \"assumption\" saying why not",
                s.id
            ),
        );
    }
}

/// "09:00-09:00": two valid times, the same.
fn empty_window(text: &str) -> bool {
    text.split_once('-')
        .is_some_and(|(a, b)| a == b && load::window(&format!("{a}-24:00")).is_ok())
}

fn target_values(
    found: &mut Findings<'_>,
    at: &str,
    target: &raw::Target,
    packages: &[&str],
    severities: &[&str],
) {
    for key in target.values.keys() {
        if !packages.contains(&key.as_str()) {
            found.error(
                &format!("{at}.values.{key}"),
                format!(
                    "unknown package {key:?} (expected one of {})",
                    packages.join(", ")
                ),
            );
        }
    }
    for package in packages {
        let row_at = format!("{at}.values.{package}");
        match target.values.get(*package) {
            None => found.error(
                &format!("{at}.values"),
                format!("no row for package {package:?}: expected \"{package}\": \"<rule>\" or a rule per severity"),
            ),
            Some(raw::Row::All(cell)) => cell_rule(found, &row_at, cell),
            Some(raw::Row::BySeverity(map)) => {
                for (key, cell) in map {
                    let cell_at = format!("{row_at}.{key}");
                    if severities.contains(&key.as_str()) {
                        cell_rule(found, &cell_at, cell);
                    } else {
                        found.error(
                            &cell_at,
                            format!("unknown severity {key:?} (expected one of {})", severities.join(", ")),
                        );
                    }
                }
                for severity in severities.iter().filter(|s| !map.contains_key(**s)) {
                    found.error(
                        &row_at,
                        format!(
                            "severity {severity:?} has no value for target {:?}: expected \"{severity}\": \"<rule>\", e.g. \"8 business_hours\" or \"none_stated\"",
                            target.id
                        ),
                    );
                }
            }
        }
    }
}

fn cell_rule(found: &mut Findings<'_>, path: &str, cell: &raw::Cell) {
    let text = match cell {
        raw::Cell::Text(text) => text,
        raw::Cell::Detailed { rule, .. } => rule,
    };
    if let Err(message) = load::rule(text) {
        found.error(path, message);
    }
}

/// Where each value of a JSON text starts (1-based line and column, in
/// characters), by JSON path in the loader's notation (`a.b[2].c`).
pub struct Positions(HashMap<String, (usize, usize)>);

impl Positions {
    /// Scans a JSON text that parses (anything after an error is left out).
    pub fn of(json: &str) -> Positions {
        let mut scan = Scan {
            bytes: json.as_bytes(),
            i: 0,
            line: 1,
            column: 1,
            found: HashMap::new(),
        };
        scan.value(String::new());
        Positions(scan.found)
    }

    /// The position of `path`, or of its nearest ancestor that exists.
    pub fn at(&self, path: &str) -> (usize, usize) {
        let mut path = path;
        loop {
            if let Some(at) = self.0.get(path) {
                return *at;
            }
            if path.is_empty() {
                return (1, 1);
            }
            let cut = if path.ends_with(']') {
                path.rfind('[')
            } else {
                path.rfind(['.', '['])
            };
            path = &path[..cut.unwrap_or(0)];
        }
    }
}

struct Scan<'a> {
    bytes: &'a [u8],
    i: usize,
    line: usize,
    column: usize,
    found: HashMap<String, (usize, usize)>,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.i).copied()
    }
    fn bump(&mut self) {
        if let Some(b) = self.peek() {
            self.i += 1;
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if b & 0xC0 != 0x80 {
                self.column += 1;
            }
        }
    }
    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.bump();
        }
    }
    /// Skips a string, returning its decoded text.
    fn string(&mut self) -> String {
        let start = self.i;
        self.bump();
        while let Some(b) = self.peek() {
            self.bump();
            match b {
                b'\\' => self.bump(),
                b'"' => break,
                _ => {}
            }
        }
        let text = std::str::from_utf8(&self.bytes[start..self.i]).unwrap_or("\"\"");
        serde_json::from_str(text).unwrap_or_default()
    }
    fn value(&mut self, path: String) {
        self.space();
        self.found.insert(path.clone(), (self.line, self.column));
        match self.peek() {
            Some(b'{') => {
                self.bump();
                loop {
                    self.space();
                    match self.peek() {
                        Some(b'"') => {
                            let key = self.string();
                            self.space();
                            self.bump(); // ':'
                            let child = if path.is_empty() {
                                key
                            } else {
                                format!("{path}.{key}")
                            };
                            self.value(child);
                        }
                        Some(b',') => self.bump(),
                        Some(b'}') => return self.bump(),
                        _ => return,
                    }
                }
            }
            Some(b'[') => {
                self.bump();
                let mut index = 0;
                loop {
                    self.space();
                    match self.peek() {
                        Some(b',') => self.bump(),
                        Some(b']') => return self.bump(),
                        None => return,
                        Some(_) => {
                            self.value(format!("{path}[{index}]"));
                            index += 1;
                        }
                    }
                }
            }
            Some(b'"') => {
                self.string();
            }
            _ => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n')
                ) {
                    self.bump();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_of_values_by_path() {
        let json = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"é\": {\"c.d\": null}, \"z\": 2\n}";
        let p = Positions::of(json);
        let cases = [
            ("", (1, 1)),
            ("a", (2, 8)),
            ("a[0]", (2, 9)),
            ("a[1]", (2, 12)),
            ("a[1].b", (2, 18)),
            ("a[1].b.missing", (2, 18)),
            ("a[7]", (2, 8)),
            ("é", (3, 8)),
            ("z", (3, 28)),
            ("nothing", (1, 1)),
        ];
        for (path, want) in cases {
            assert_eq!(p.at(path), want, "{path}");
        }
    }

    #[test]
    fn iana_names_include_every_compiled_zone() {
        for name in Zone::names() {
            assert!(is_iana_zone(name), "{name}");
        }
        assert!(is_iana_zone("Asia/Tokyo"));
        assert!(!is_iana_zone("Europe/Berln"));
        assert!(!is_iana_zone("# IANA time zone names"));
    }
}
