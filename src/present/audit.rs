//! What the ticket audit page shows, without a browser: the results as the
//! worker sends them (a line per ticket, [`encode_row`] / [`decode_row`]),
//! the table's order and filter, the summary table, the chart's bars and
//! margin histogram, and the link that opens one ticket in the calculator.
//!
//! The audit itself (reading the export, deadlines, states) is
//! `crate::audit`'s; this module only carries and arranges its results.

use chrono::DateTime;

use crate::engine::join;
use crate::engine::policy::Catalog;
use crate::engine::time::Instant;
use crate::request;

use super::query::{encode, push};

pub use crate::audit::State;

/// How urgent a state is for the table: breached before open before met,
/// then the states without a verdict.
pub fn urgency(state: State) -> u8 {
    match state {
        State::Breached => 0,
        State::Open => 1,
        State::Met => 2,
        State::NotMeasured => 3,
        State::NoDeadline => 4,
    }
}

/// One target of one ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Index into [`Results::targets`].
    pub target: u16,
    pub state: State,
    /// Unix seconds.
    pub due: Option<i64>,
    pub actual: Option<i64>,
    /// Whole minutes, due minus actual (positive: early).
    pub margin: Option<i64>,
}

/// One audited ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The line the row starts on in the file.
    pub line: u64,
    pub ticket: Box<str>,
    /// The policy severity id it was mapped to.
    pub severity: Box<str>,
    /// Unix seconds.
    pub opened: i64,
    /// Pauses as the calculator's `pause` parameter takes them (`FROM/UNTIL`, RFC 3339 UTC).
    pub pauses: Vec<Box<str>>,
    pub outcomes: Vec<Outcome>,
}

impl Row {
    /// The ticket's worst state: breached before open before met.
    pub fn state(&self) -> Option<State> {
        self.outcomes
            .iter()
            .map(|o| o.state)
            .min_by_key(|&s| urgency(s))
    }
    /// The margin that decides the row: the smallest among the targets in
    /// its state, so a breached ticket never shows a met target's margin.
    /// `None` when a breached target is still open: no margin yet, and
    /// more late than any that has one.
    pub fn margin(&self) -> Option<i64> {
        let d = self.deciding();
        (!d.still_open).then_some(d.margin).flatten()
    }
    /// The table's margin cell: "2 h late", "still open" for a target
    /// breached with no event yet, else empty.
    pub fn margin_words(&self) -> String {
        let d = self.deciding();
        match d.margin {
            _ if d.still_open => "still open".into(),
            Some(m) => margin_text(m),
            None => String::new(),
        }
    }
    /// What the targets in the row's state say, in one pass over them.
    fn deciding(&self) -> Deciding {
        let state = self.state();
        let mut d = Deciding {
            state,
            ..Deciding::default()
        };
        for o in self.outcomes.iter().filter(|o| Some(o.state) == state) {
            match o.margin {
                Some(m) => d.margin = Some(d.margin.map_or(m, |was: i64| was.min(m))),
                None => {
                    d.still_open |= o.state == State::Breached;
                    if let Some(due) = o.due {
                        d.first_due = Some(d.first_due.map_or(due, |was: i64| was.min(due)));
                    }
                }
            }
        }
        d
    }
}

/// The targets that decide a row (those in its state): the smallest
/// margin among them, whether one is breached with no event yet, and the
/// earliest deadline of those without a margin (how long a still-open
/// breach has run, or how soon an open ticket is due).
#[derive(Default)]
struct Deciding {
    state: Option<State>,
    margin: Option<i64>,
    still_open: bool,
    first_due: Option<i64>,
}

impl Deciding {
    /// The key of "smallest margin first": still-open breaches first, the
    /// longest overdue leading; then by margin; then the rows without one
    /// (open tickets, the soonest due leading).
    fn margin_key(&self) -> (u64, u64) {
        let due = self.first_due.map_or(u64::MAX, unsigned);
        match self.margin {
            _ if self.still_open => (0, due),
            Some(m) => (1, unsigned(m)),
            None => (2, due),
        }
    }
}

/// A row that could not be audited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub line: u64,
    pub reason: String,
}

/// Everything received so far: the target ids (in first-seen order), the
/// tickets, the first bad rows and how many there were in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    pub targets: Vec<String>,
    /// The policy's severity ids as it lists them, most severe first: the
    /// order of a sort by severity. Only the worker, which sorts, sets it.
    pub severities: Vec<String>,
    pub rows: Vec<Row>,
    pub bad: Vec<BadRow>,
    pub bad_count: u64,
}

/// How many bad rows are kept to be listed (all are counted).
pub const BAD_SHOWN: usize = 100;

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '|' => out.push_str("\\p"),
            c => out.push(c),
        }
    }
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('p') => out.push('|'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

fn opt(value: Option<i64>, out: &mut String) {
    if let Some(v) = value {
        out.push_str(&v.to_string());
    }
}

/// One ticket as a line of the worker's batches: `T` line, ticket,
/// severity, opened, pauses (`;`-separated), then per target
/// `id|state|due|actual|margin`, tab-separated, text escaped.
pub fn encode_row(out: &mut String, row: &Row, targets: &[String]) {
    out.push('T');
    out.push_str(&row.line.to_string());
    out.push('\t');
    escape(&row.ticket, out);
    out.push('\t');
    escape(&row.severity, out);
    out.push('\t');
    out.push_str(&row.opened.to_string());
    out.push('\t');
    for (i, p) in row.pauses.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        escape(p, out);
    }
    for o in &row.outcomes {
        out.push('\t');
        escape(
            targets
                .get(usize::from(o.target))
                .map_or("", String::as_str),
            out,
        );
        out.push('|');
        out.push_str(o.state.id());
        out.push('|');
        opt(o.due, out);
        out.push('|');
        opt(o.actual, out);
        out.push('|');
        opt(o.margin, out);
    }
    out.push('\n');
}

/// A bad row as a line of the worker's batches: `B` line, reason.
pub fn encode_bad(out: &mut String, line: u64, reason: &str) {
    out.push('B');
    out.push_str(&line.to_string());
    out.push('\t');
    escape(reason, out);
    out.push('\n');
}

fn number(text: &str) -> Option<Option<i64>> {
    if text.is_empty() {
        Some(None)
    } else {
        text.parse().ok().map(Some)
    }
}

/// Adds a batch of lines ([`encode_row`], [`encode_bad`]) to the results.
/// A line that does not decode is a bug between page and worker: it is
/// skipped, and its count returned.
pub fn decode_batch(results: &mut Results, batch: &str) -> usize {
    let mut broken = 0;
    for line in batch.lines().filter(|l| !l.is_empty()) {
        let ok = match line.as_bytes()[0] {
            b'T' => decode_row(results, &line[1..]).is_some(),
            b'B' => match line[1..].split_once('\t') {
                Some((n, reason)) => match n.parse() {
                    Ok(n) => {
                        results.bad_count += 1;
                        if results.bad.len() < BAD_SHOWN {
                            results.bad.push(BadRow {
                                line: n,
                                reason: unescape(reason),
                            });
                        }
                        true
                    }
                    Err(_) => false,
                },
                None => false,
            },
            _ => false,
        };
        if !ok {
            broken += 1;
        }
    }
    broken
}

fn intern(targets: &mut Vec<String>, id: String) -> Option<u16> {
    let at = match targets.iter().position(|t| *t == id) {
        Some(i) => i,
        None => {
            targets.push(id);
            targets.len() - 1
        }
    };
    u16::try_from(at).ok()
}

/// Decodes one ticket line (without its `T`) into `results`.
pub fn decode_row(results: &mut Results, line: &str) -> Option<()> {
    let mut fields = line.split('\t');
    let number_of_line = fields.next()?.parse().ok()?;
    let ticket = unescape(fields.next()?).into_boxed_str();
    let severity = unescape(fields.next()?).into_boxed_str();
    let opened = fields.next()?.parse().ok()?;
    let pauses = fields.next()?;
    let pauses = if pauses.is_empty() {
        Vec::new()
    } else {
        pauses
            .split(';')
            .map(|p| unescape(p).into_boxed_str())
            .collect()
    };
    let mut outcomes = Vec::new();
    for field in fields {
        let mut parts = field.split('|');
        let target = intern(&mut results.targets, unescape(parts.next()?))?;
        let state = State::from_id(parts.next()?)?;
        let due = number(parts.next()?)?;
        let actual = number(parts.next()?)?;
        let margin = number(parts.next()?)?;
        outcomes.push(Outcome {
            target,
            state,
            due,
            actual,
            margin,
        });
    }
    results.rows.push(Row {
        line: number_of_line,
        ticket,
        severity,
        opened,
        pauses,
        outcomes,
    });
    Some(())
}

/// The choices an audit runs with, as the page holds them and sends them
/// to the worker (a URL query, [`Settings::write`] / [`Settings::read`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    pub vendor: String,
    pub package: String,
    pub region: Option<String>,
    /// The zone of timestamps without an offset (IANA name).
    pub zone: String,
    /// A format id; `None`: recognised from the header.
    pub format: Option<String>,
    /// `dmy` or `mdy`; `None`: decided from the column.
    pub order: Option<String>,
    /// Column choices that replace the format's: (field, column index;
    /// `None`: no column).
    pub columns: Vec<(String, Option<usize>)>,
    /// Severity mapping entries that replace the defaults: (file value, severity id).
    pub map: Vec<(String, String)>,
    /// "As of" instant (RFC 3339); `None`: now.
    pub as_of: Option<String>,
}

impl Settings {
    pub fn write(&self) -> String {
        let mut out = contract_query(&self.vendor, &self.package, self.region.as_deref());
        let mut push = |k: &str, v: &str| push(&mut out, k, v);
        push("tz", &self.zone);
        if let Some(f) = &self.format {
            push("format", f);
        }
        if let Some(o) = &self.order {
            push("order", o);
        }
        for (field, column) in &self.columns {
            let column = column.map_or("none".to_string(), |c| c.to_string());
            push("column", &format!("{field}={column}"));
        }
        for (value, severity) in &self.map {
            push("map", &format!("{value}={severity}"));
        }
        if let Some(a) = &self.as_of {
            push("as_of", a);
        }
        out
    }

    pub fn read(text: &str) -> Settings {
        let mut s = Settings::default();
        for (k, v) in super::query::pairs(text) {
            match k.as_str() {
                "vendor" => s.vendor = v,
                "package" => s.package = v,
                "region" => s.region = Some(v),
                "tz" => s.zone = v,
                "format" => s.format = Some(v),
                "order" => s.order = Some(v),
                "column" => {
                    if let Some((f, c)) = v.rsplit_once('=') {
                        if c == "none" {
                            s.columns.push((f.to_string(), None));
                        } else if let Ok(c) = c.parse() {
                            s.columns.push((f.to_string(), Some(c)));
                        }
                    }
                }
                "map" => {
                    if let Some((value, sev)) = v.rsplit_once('=') {
                        s.map.push((value.to_string(), sev.to_string()));
                    }
                }
                "as_of" => s.as_of = Some(v),
                _ => {}
            }
        }
        s
    }
}

/// The fields a column mapping assigns, in the order the page lists them.
pub const FIELDS: [(&str, &str); 7] = [
    ("id", "Ticket id"),
    ("severity", "Priority"),
    ("opened", "Opened"),
    ("first_response", "First response (timestamp)"),
    (
        "first_response_minutes",
        "First response (minutes after opened)",
    ),
    ("resolved", "Resolved"),
    ("pauses", "Pauses"),
];

/// What the worker recognised in a file: its format, header and column
/// mapping, the priority values with their counts and the severity each
/// maps to (`None`: unmapped), and the date order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detected {
    pub format: String,
    pub format_name: String,
    pub header: Vec<String>,
    /// (field id of [`FIELDS`], column index).
    pub columns: Vec<(String, usize)>,
    /// (value as written, rows, severity id).
    pub values: Vec<(String, u64, Option<String>)>,
    /// `dmy` or `mdy` when the file's slashed dates decided it.
    pub order: Option<String>,
    /// Every slashed date of the file fits both orders and none was
    /// chosen: the page asks for one.
    pub dates_fit_both: bool,
    /// The rows the file holds, so the page makes room for them at once.
    pub rows: u64,
}

impl Detected {
    pub fn write(&self) -> String {
        let mut pairs: Vec<(&str, String)> = vec![
            ("format", self.format.clone()),
            ("name", self.format_name.clone()),
        ];
        pairs.extend(self.header.iter().map(|h| ("h", h.clone())));
        pairs.extend(self.columns.iter().map(|(f, c)| ("c", format!("{f}:{c}"))));
        pairs.extend(
            self.values
                .iter()
                .map(|(v, n, s)| ("v", format!("{n}:{}:{v}", s.as_deref().unwrap_or("")))),
        );
        if self.dates_fit_both {
            pairs.push(("both", "1".into()));
        }
        if let Some(o) = &self.order {
            pairs.push(("order", o.clone()));
        }
        pairs.push(("rows", self.rows.to_string()));
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    pub fn read(text: &str) -> Detected {
        let mut d = Detected::default();
        for (k, v) in super::query::pairs(text) {
            match k.as_str() {
                "format" => d.format = v,
                "name" => d.format_name = v,
                "h" => d.header.push(v),
                "c" => {
                    if let Some((f, c)) = v.split_once(':') {
                        if let Ok(c) = c.parse() {
                            d.columns.push((f.to_string(), c));
                        }
                    }
                }
                "v" => {
                    let mut parts = v.splitn(3, ':');
                    if let (Some(n), Some(s), Some(value)) =
                        (parts.next(), parts.next(), parts.next())
                    {
                        if let Ok(n) = n.parse() {
                            let s = (!s.is_empty()).then(|| s.to_string());
                            d.values.push((value.to_string(), n, s));
                        }
                    }
                }
                "order" => d.order = Some(v),
                "both" => d.dates_fit_both = v == "1",
                "rows" => d.rows = v.parse().unwrap_or(0),
                _ => {}
            }
        }
        d
    }

    /// The column of a field, if the mapping has one.
    pub fn column(&self, field: &str) -> Option<usize> {
        self.columns
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, c)| *c)
    }

    /// Rows whose priority value maps to no severity.
    pub fn unmapped(&self) -> u64 {
        self.values
            .iter()
            .filter(|(_, _, s)| s.is_none())
            .map(|(_, n, _)| n)
            .sum()
    }
}

/// The vendor, package and region of the audit page's URL (as the
/// calculator's link writes them), each falling back to the catalog's
/// first choice when missing or unknown; the region stays `None` (the
/// package's default) unless the package has it.
pub fn contract(catalog: &Catalog, url: &[(String, String)]) -> (String, String, Option<String>) {
    let get = |name: &str| {
        url.iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let policy = get("vendor")
        .and_then(|id| catalog.policy(id))
        .unwrap_or(&catalog.policies()[0]);
    let package = get("package")
        .and_then(|id| policy.packages().iter().find(|p| p.id() == id))
        .unwrap_or(&policy.packages()[0]);
    let region = get("region")
        .filter(|id| package.regions().iter().any(|r| r.id() == *id))
        .map(str::to_string);
    (policy.id().to_string(), package.id().to_string(), region)
}

/// What the ticket table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Breached first, then open, then met; within each, smallest margin
    /// first (a breach still open before any margin, the longest overdue
    /// first; open tickets the soonest due first).
    #[default]
    Worst,
    Ticket,
    Severity,
    Opened,
    Margin,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [
        SortKey::Worst,
        SortKey::Ticket,
        SortKey::Severity,
        SortKey::Opened,
        SortKey::Margin,
    ];
    pub fn id(self) -> &'static str {
        match self {
            SortKey::Worst => "worst",
            SortKey::Ticket => "ticket",
            SortKey::Severity => "severity",
            SortKey::Opened => "opened",
            SortKey::Margin => "margin",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Worst => "breached first",
            SortKey::Ticket => "ticket",
            SortKey::Severity => "severity",
            SortKey::Opened => "opened",
            SortKey::Margin => "margin",
        }
    }
    pub fn from_id(id: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// Which tickets the table shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only tickets whose worst state is this.
    pub state: Option<State>,
    /// Only this severity id.
    pub severity: Option<String>,
    /// Only tickets whose id contains this (case-insensitive).
    pub text: String,
}

/// The table's sort and filter, as the page sends them to the worker that
/// orders the rows (a URL query, [`TableView::write`] / [`TableView::read`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableView {
    pub key: SortKey,
    pub descending: bool,
    pub filter: Filter,
}

impl TableView {
    pub fn write(&self) -> String {
        let mut out = format!("sort={}", self.key.id());
        if self.descending {
            out.push_str("&descending=1");
        }
        if let Some(s) = self.filter.state {
            out.push_str("&state=");
            out.push_str(s.id());
        }
        if let Some(s) = &self.filter.severity {
            out.push_str("&severity=");
            out.push_str(&encode(s));
        }
        if !self.filter.text.is_empty() {
            out.push_str("&text=");
            out.push_str(&encode(&self.filter.text));
        }
        out
    }

    pub fn read(text: &str) -> TableView {
        let mut view = TableView::default();
        for (k, v) in super::query::pairs(text) {
            match k.as_str() {
                "sort" => view.key = SortKey::from_id(&v).unwrap_or_default(),
                "descending" => view.descending = v == "1",
                "state" => view.filter.state = State::from_id(&v),
                "severity" => view.filter.severity = Some(v),
                "text" => view.filter.text = v,
                _ => {}
            }
        }
        view
    }

    /// The indices of the rows it shows, in its order ([`order`]).
    pub fn order(&self, results: &Results) -> Vec<u32> {
        order(results, self.key, self.descending, &self.filter)
    }
}

/// The table's order requests to the worker: one in flight at a time (a
/// sort of a million tickets takes half a second, and a search asks once
/// per keystroke), the latest choice sent when the answer comes, and only
/// the answer to the newest choice of the current run shown.
#[derive(Debug, Default)]
pub struct OrderRequests {
    number: u32,
    in_flight: Option<u32>,
    waiting: Option<TableView>,
}

impl OrderRequests {
    /// A new run: no answer asked for before it applies.
    pub fn reset(&mut self) {
        self.in_flight = None;
        self.waiting = None;
    }

    /// The table wants `view`: the request to send now (its number and
    /// [`TableView::write`]), or none while another is in flight.
    pub fn ask(&mut self, view: TableView) -> Option<(u32, String)> {
        if self.in_flight.is_some() {
            self.waiting = Some(view);
            return None;
        }
        Some(self.send(view))
    }

    fn send(&mut self, view: TableView) -> (u32, String) {
        self.number = self.number.wrapping_add(1);
        self.in_flight = Some(self.number);
        (self.number, view.write())
    }

    /// The answer to request `number` arrived: whether to show it, and the
    /// request to send next (the choice made while it was in flight).
    pub fn answered(&mut self, number: u32) -> (bool, Option<(u32, String)>) {
        if self.in_flight != Some(number) {
            return (false, None);
        }
        self.in_flight = None;
        match self.waiting.take() {
            Some(view) => (false, Some(self.send(view))),
            None => (true, None),
        }
    }
}

/// An `i64` as a `u64` in the same order.
fn unsigned(v: i64) -> u64 {
    (v as u64) ^ (1 << 63)
}

/// An id as its text before a trailing number and that number, so that
/// `ZD-9` sorts before `ZD-10` and plain numbers (no text) come first.
fn natural(id: &str) -> (&str, u64) {
    let text = id.trim_end_matches(|c: char| c.is_ascii_digit());
    match id[text.len()..].parse() {
        Ok(number) => (text, number),
        Err(_) => (id, 0),
    }
}

/// The ids in natural order ([`natural`]), as a key per id.
fn natural_keys(ids: &[&str]) -> Vec<(u64, u64)> {
    let mut texts: Vec<&str> = ids.iter().map(|id| natural(id).0).collect();
    texts.sort_unstable();
    texts.dedup();
    ids.iter()
        .map(|id| {
            let (text, number) = natural(id);
            let rank = texts.binary_search(&text).unwrap_or(0);
            (rank as u64, number)
        })
        .collect()
}

/// The indices of the rows the table shows, in order. Each shown row gets
/// its key once and the keys are sorted with the row index, so 100,000
/// rows sort in milliseconds, ties keep the file's order (rows arrive in
/// it) and the order is total; descending reverses it whole.
pub fn order(results: &Results, key: SortKey, descending: bool, filter: &Filter) -> Vec<u32> {
    let needle = filter.text.trim().to_lowercase();
    let shown: Vec<(u32, &Row)> = results
        .rows
        .iter()
        .zip(0u32..)
        .filter(|(r, _)| {
            filter.state.is_none_or(|s| r.state() == Some(s))
                && filter.severity.as_deref().is_none_or(|s| *r.severity == *s)
                && (needle.is_empty() || r.ticket.to_lowercase().contains(&needle))
        })
        .map(|(r, i)| (i, r))
        .collect();
    let mut keyed: Vec<(u64, u64, u32)> = match key {
        SortKey::Ticket => {
            let ids: Vec<&str> = shown.iter().map(|(_, r)| &*r.ticket).collect();
            natural_keys(&ids)
                .into_iter()
                .zip(&shown)
                .map(|((a, b), (i, _))| (a, b, *i))
                .collect()
        }
        // In the policy's order ("critical" before "high" before "low"),
        // which ids alone do not give; an id it does not list comes last.
        SortKey::Severity => shown
            .iter()
            .map(|&(i, r)| {
                let rank = results.severities.iter().position(|s| **s == *r.severity);
                (rank.map_or(u64::MAX, |n| n as u64), 0, i)
            })
            .collect(),
        _ => shown
            .iter()
            .map(|&(i, r)| {
                let (a, b) = match key {
                    SortKey::Worst => {
                        let d = r.deciding();
                        let (tier, value) = d.margin_key();
                        let urgency = d.state.map_or(u64::MAX >> 2, |s| u64::from(urgency(s)));
                        (urgency << 2 | tier, value)
                    }
                    SortKey::Opened => (unsigned(r.opened), 0),
                    _ => r.deciding().margin_key(),
                };
                (a, b, i)
            })
            .collect(),
    };
    keyed.sort_unstable();
    if descending {
        keyed.reverse();
    }
    keyed.into_iter().map(|(_, _, i)| i).collect()
}

/// The calculator's address (relative to the audit page) with the audit's
/// vendor, package and region: "./?vendor=threepbx&package=standard".
pub fn calculator_address(vendor: &str, package: &str, region: Option<&str>) -> String {
    format!("./?{}", contract_query(vendor, package, region))
}

/// `vendor=…&package=…[&region=…]`: the contract, as the calculator's and
/// the audit page's queries both begin.
fn contract_query(vendor: &str, package: &str, region: Option<&str>) -> String {
    let mut out = String::new();
    push(&mut out, "vendor", vendor);
    push(&mut out, "package", package);
    if let Some(r) = region {
        push(&mut out, "region", r);
    }
    out
}

/// The first line of the downloaded summary: the file and the choices it
/// was audited with, by the policy's names.
pub fn summary_title(catalog: &Catalog, settings: &Settings, source: &str) -> String {
    let policy = catalog.policy(&settings.vendor);
    let package = policy.and_then(|p| p.packages().iter().find(|k| k.id() == settings.package));
    let region = settings.region.as_deref().map(|r| {
        let region = package.and_then(|k| k.regions().iter().find(|g| g.id() == r));
        format!(" ({})", region.map_or(r, |g| g.name()))
    });
    format!(
        "SLA audit of {source} against {}, {}{}; times without an offset read in {}",
        policy.map_or(settings.vendor.as_str(), |p| p.name()),
        package.map_or(settings.package.as_str(), |k| k.name()),
        region.unwrap_or_default(),
        settings.zone
    )
}

/// The calculator's address (relative to the audit page) for one ticket:
/// the same vendor, package and region, the ticket's severity, opening and
/// pauses (`present::query`'s parameters), in the audit's zone.
pub fn ticket_link(
    vendor: &str,
    package: &str,
    region: Option<&str>,
    zone: Option<&str>,
    row: &Row,
) -> String {
    let mut out = contract_query(vendor, package, region);
    let mut push = |k: &str, v: &str| push(&mut out, k, v);
    push("severity", &row.severity);
    push("opened", &instant_text(row.opened));
    for p in &row.pauses {
        push("pause", p);
    }
    if let Some(z) = zone {
        push("tz", z);
    }
    format!("./?{out}")
}

/// One row of the ticket table, as it reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// Its place in the table, 1 for the first ticket (`aria-rowindex` is
    /// one more: the header is row 1).
    pub position: usize,
    pub ticket: String,
    pub state: Option<State>,
    /// "2 h late", "still open" ([`Row::margin_words`]).
    pub margin: String,
    pub severity: String,
    /// The opening in the audit's zone, "2026-03-02 09:00".
    pub opened: String,
    /// Every target: "First response met (40 min early) · Resolution breached".
    pub detail: String,
    /// The ticket in the calculator ([`ticket_link`]).
    pub href: String,
}

/// What every row of a table shares: the contract, the zone, the target names.
pub struct TableContext<'a> {
    pub vendor: &'a str,
    pub package: &'a str,
    pub region: Option<&'a str>,
    pub zone_name: &'a str,
    pub zone: &'a crate::engine::zone::Zone,
    /// Names by [`Outcome::target`].
    pub target_names: &'a [String],
}

/// The row at `position` of the table.
pub fn table_row(position: usize, row: &Row, cx: &TableContext) -> TableRow {
    let detail: Vec<String> = row
        .outcomes
        .iter()
        .map(|o| {
            let name = cx
                .target_names
                .get(usize::from(o.target))
                .map_or("", String::as_str);
            match o.margin {
                Some(m) => format!("{name} {} ({})", o.state.label(), margin_text(m)),
                None => format!("{name} {}", o.state.label()),
            }
        })
        .collect();
    TableRow {
        position,
        ticket: row.ticket.to_string(),
        state: row.state(),
        margin: row.margin_words(),
        severity: row.severity.to_string(),
        opened: instant(row.opened)
            .map(|t| local_text(t.with_timezone(cx.zone).naive_local()))
            .unwrap_or_default(),
        detail: join(&detail, " \u{b7} "),
        href: ticket_link(cx.vendor, cx.package, cx.region, Some(cx.zone_name), row),
    }
}

/// A wall time as `2026-03-27 15:00`: unambiguous in every locale.
pub fn local_text(local: chrono::NaiveDateTime) -> String {
    use chrono::{Datelike, Timelike};
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        local.year(),
        local.month(),
        local.day(),
        local.hour(),
        local.minute()
    )
}

/// An instant as RFC 3339 UTC (whole seconds).
pub fn instant_text(seconds: i64) -> String {
    DateTime::from_timestamp(seconds, 0)
        .map(request::format_instant)
        .unwrap_or_default()
}

/// The instant of Unix seconds.
pub fn instant(seconds: i64) -> Option<Instant> {
    DateTime::from_timestamp(seconds, 0)
}

/// A margin in words: `2 h 5 min early`, `40 min late`, `on time`.
pub fn margin_text(minutes: i64) -> String {
    if minutes == 0 {
        return "on time".into();
    }
    let m = minutes.unsigned_abs();
    let (d, h, min) = (m / 1440, m / 60 % 24, m % 60);
    let mut parts = Vec::new();
    if d > 0 {
        parts.push(format!("{d} d"));
    }
    if h > 0 {
        parts.push(format!("{h} h"));
    }
    if min > 0 || parts.is_empty() {
        parts.push(format!("{min} min"));
    }
    let side = if minutes > 0 { "early" } else { "late" };
    format!("{} {side}", parts.join(" "))
}

/// One line of the summary (`crate::audit::Summary`'s, with ids): a severity and a target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryLine {
    pub severity: String,
    pub target: String,
    pub tickets: u64,
    pub met: u64,
    pub breached: u64,
    pub open: u64,
    /// Met among met and breached, whole percent (`crate::audit::summary`);
    /// `None` when neither.
    pub met_percent: Option<u32>,
    pub median: Option<i64>,
    pub worst: Option<i64>,
}

/// A target's label in the policy ("Response"), or its id when the policy
/// has no such target.
pub fn target_label(catalog: &Catalog, vendor: &str, id: &str) -> String {
    catalog
        .policy(vendor)
        .and_then(|p| p.targets().iter().find(|t| t.id() == id))
        .map_or(id.to_string(), |t| t.label().to_string())
}

/// "1 ticket", "2 tickets".
pub fn tickets_text(n: u64) -> String {
    if n == 1 {
        "1 ticket".into()
    } else {
        format!("{n} tickets")
    }
}

/// Under the severity mapping, when some priority values map to nothing.
pub fn unmapped_text(n: u64) -> String {
    let (count, verb) = (tickets_text(n), if n == 1 { "has" } else { "have" });
    format!("{count} {verb} a priority mapped to no severity: they are listed below as rows that could not be audited.")
}

/// Under the summary: how many tickets were audited and how many rows not.
pub fn counts_text(audited: u64, bad: u64) -> String {
    let rows = if bad == 1 { "row" } else { "rows" };
    format!(
        "{} audited; {bad} {rows} could not be audited. Margin: deadline minus the actual time (positive: early).",
        tickets_text(audited)
    )
}

/// Above the list of bad rows: how many, and how many are listed.
pub fn bad_rows_text(bad: u64) -> String {
    let rows = if bad == 1 { "row" } else { "rows" };
    let listed = if bad > BAD_SHOWN as u64 {
        format!("; the first {BAD_SHOWN} are listed")
    } else {
        String::new()
    };
    format!("{bad} {rows} could not be audited{listed}. The other rows were audited.")
}

/// Above the ticket table: how many tickets its filter shows, or that the
/// worker is still ordering them.
pub fn shown_text(shown: Option<usize>) -> String {
    match shown {
        Some(n) => format!(
            "{} shown. Select a ticket to open it in the calculator.",
            tickets_text(n as u64)
        ),
        None => "Sorting the tickets\u{2026}".into(),
    }
}

/// `75%`, or a dash without met or breached tickets.
pub fn percent_text(percent: Option<u32>) -> String {
    percent.map_or("–".into(), |p| format!("{p}%"))
}

/// The summary lines as the worker sends them (one per line, tab-separated).
pub fn encode_summary(lines: &[SummaryLine]) -> String {
    let mut out = String::new();
    let n = |v: Option<i64>| v.map_or(String::new(), |v| v.to_string());
    for l in lines {
        let mut sev = String::new();
        escape(&l.severity, &mut sev);
        let mut target = String::new();
        escape(&l.target, &mut target);
        out.push_str(&format!(
            "{sev}\t{target}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            l.tickets,
            l.met,
            l.breached,
            l.open,
            n(l.met_percent.map(i64::from)),
            n(l.median),
            n(l.worst)
        ));
    }
    out
}

/// The summary lines from [`encode_summary`]; a line that does not decode is left out.
pub fn decode_summary(text: &str) -> Vec<SummaryLine> {
    text.lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let [sev, target, tickets, met, breached, open, percent, median, worst] = f[..] else {
                return None;
            };
            Some(SummaryLine {
                severity: unescape(sev),
                target: unescape(target),
                tickets: tickets.parse().ok()?,
                met: met.parse().ok()?,
                breached: breached.parse().ok()?,
                open: open.parse().ok()?,
                met_percent: number(percent)?.and_then(|p| u32::try_from(p).ok()),
                median: number(median)?,
                worst: number(worst)?,
            })
        })
        .collect()
}

/// A bar of the chart: met and breached of one severity and target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub met: u64,
    pub breached: u64,
    /// Widths in per mille of the widest bar's total.
    pub met_width: u32,
    pub breached_width: u32,
    /// What a screen reader reads for it.
    pub text: String,
}

/// The chart's bars, one per summary line with met or breached tickets.
pub fn bars(
    lines: &[SummaryLine],
    severity_name: &dyn Fn(&str) -> String,
    target_name: &dyn Fn(&str) -> String,
) -> Vec<Bar> {
    let widest = lines
        .iter()
        .map(|l| l.met + l.breached)
        .max()
        .unwrap_or(0)
        .max(1);
    let width = |n: u64| u32::try_from(n * 1000 / widest).unwrap_or(1000);
    lines
        .iter()
        .filter(|l| l.met + l.breached > 0)
        .map(|l| {
            let label = format!("{}, {}", severity_name(&l.severity), target_name(&l.target));
            Bar {
                text: format!(
                    "{label}: {} met, {} breached ({} met)",
                    l.met,
                    l.breached,
                    percent_text(l.met_percent)
                ),
                label,
                met: l.met,
                breached: l.breached,
                met_width: width(l.met),
                breached_width: width(l.breached),
            }
        })
        .collect()
}

/// A bucket of the margin histogram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    pub label: &'static str,
    pub count: u64,
    /// Whether these margins are breaches (negative).
    pub late: bool,
}

impl Bucket {
    /// For screen readers: "1 to 4 h late: 3 targets".
    pub fn text(&self) -> String {
        let targets = if self.count == 1 { "target" } else { "targets" };
        format!("{}: {} {targets}", self.label, self.count)
    }
}

/// Margin buckets, from most late to most early (minutes; lower bound inclusive).
const BUCKETS: [(i64, &str, bool); 8] = [
    (i64::MIN, "over 1 day late", true),
    (-1439, "4 h to 1 day late", true),
    (-239, "1 to 4 h late", true),
    (-59, "under 1 h late", true),
    (0, "under 1 h early", false),
    (60, "1 to 4 h early", false),
    (240, "4 h to 1 day early", false),
    (1440, "over 1 day early", false),
];

/// How many target margins fall in each bucket.
pub fn histogram(results: &Results) -> Vec<Bucket> {
    let mut counts = [0u64; BUCKETS.len()];
    for m in results
        .rows
        .iter()
        .flat_map(|r| r.outcomes.iter().filter_map(|o| o.margin))
    {
        let i = BUCKETS
            .iter()
            .rposition(|(low, _, _)| m >= *low)
            .unwrap_or(0);
        counts[i] += 1;
    }
    BUCKETS
        .iter()
        .zip(counts)
        .map(|(&(_, label, late), count)| Bucket { label, count, late })
        .collect()
}

/// The histogram as the worker sends it: the bucket counts, comma-separated.
pub fn encode_histogram(buckets: &[Bucket]) -> String {
    let counts: Vec<String> = buckets.iter().map(|b| b.count.to_string()).collect();
    counts.join(",")
}

/// The histogram from [`encode_histogram`]; empty if it does not decode.
pub fn decode_histogram(text: &str) -> Vec<Bucket> {
    let counts: Option<Vec<u64>> = text.split(',').map(|c| c.parse().ok()).collect();
    match counts {
        Some(counts) if counts.len() == BUCKETS.len() => BUCKETS
            .iter()
            .zip(counts)
            .map(|(&(_, label, late), count)| Bucket { label, count, late })
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn counts_and_target_names_read_as_words() {
        assert_eq!(tickets_text(1), "1 ticket");
        assert_eq!(tickets_text(0), "0 tickets");
        assert!(unmapped_text(1).starts_with("1 ticket has a priority"));
        assert!(unmapped_text(3).starts_with("3 tickets have a priority"));
        assert!(counts_text(1, 1).starts_with("1 ticket audited; 1 row could not"));
        assert!(counts_text(100, 2).starts_with("100 tickets audited; 2 rows could not"));
        assert_eq!(
            bad_rows_text(1),
            "1 row could not be audited. The other rows were audited."
        );
        assert_eq!(
            bad_rows_text(150),
            "150 rows could not be audited; the first 100 are listed. The other rows were audited."
        );
        assert_eq!(
            shown_text(Some(1)),
            "1 ticket shown. Select a ticket to open it in the calculator."
        );
        assert_eq!(shown_text(None), "Sorting the tickets\u{2026}");
        let catalog = crate::engine::load::embedded();
        assert_eq!(target_label(catalog, "threepbx", "response"), "Response");
        assert_eq!(
            target_label(catalog, "ipcelerate", "level1_response"),
            "Level 1 response"
        );
        assert_eq!(target_label(catalog, "threepbx", "gone"), "gone");
    }

    use super::*;

    fn row(line: u64, ticket: &str, outcomes: &[(State, Option<i64>)]) -> Row {
        Row {
            line,
            ticket: ticket.into(),
            severity: "1".into(),
            opened: 1_772_442_000, // 2026-03-02T09:00:00Z
            pauses: vec![],
            outcomes: outcomes
                .iter()
                .map(|&(state, margin)| Outcome {
                    target: 0,
                    state,
                    due: None,
                    actual: None,
                    margin,
                })
                .collect(),
        }
    }

    #[test]
    fn rows_survive_the_wire_with_tabs_pipes_and_newlines_in_ids() {
        let targets = vec!["response".to_string(), "resolution".to_string()];
        let mut r = row(7, "a\tb|c\nd\\e", &[]);
        r.pauses = vec!["2026-03-02T10:00:00Z/2026-03-02T12:00:00Z".into()];
        r.outcomes = vec![
            Outcome {
                target: 1,
                state: State::Breached,
                due: Some(10),
                actual: Some(70),
                margin: Some(-1),
            },
            Outcome {
                target: 0,
                state: State::NotMeasured,
                due: None,
                actual: None,
                margin: None,
            },
        ];
        let mut batch = String::new();
        encode_row(&mut batch, &r, &targets);
        encode_bad(&mut batch, 9, "bad\ttimestamp");
        let mut results = Results::default();
        assert_eq!(decode_batch(&mut results, &batch), 0);
        // Targets are interned in the order they arrive.
        assert_eq!(results.targets, ["resolution", "response"]);
        let got = &results.rows[0];
        assert_eq!(got.ticket, r.ticket);
        assert_eq!(got.pauses, r.pauses);
        assert_eq!(got.outcomes[0].target, 0);
        assert_eq!(got.outcomes[0].margin, Some(-1));
        assert_eq!(got.outcomes[1].target, 1);
        assert_eq!(got.outcomes[1].state, State::NotMeasured);
        assert_eq!(
            results.bad,
            [BadRow {
                line: 9,
                reason: "bad\ttimestamp".into()
            }]
        );
        assert_eq!(decode_batch(&mut results, "Tx\tbroken\n"), 1);
    }

    #[test]
    fn bad_rows_are_all_counted_and_the_first_hundred_kept() {
        let mut batch = String::new();
        for n in 0..150 {
            encode_bad(&mut batch, n + 2, "missing id");
        }
        let mut results = Results::default();
        decode_batch(&mut results, &batch);
        assert_eq!(results.bad_count, 150);
        assert_eq!(results.bad.len(), BAD_SHOWN);
        assert_eq!(results.bad[99].line, 101);
    }

    #[test]
    fn default_order_puts_breached_first_then_open_then_met_smallest_margin_first() {
        let results = Results {
            rows: vec![
                row(2, "10", &[(State::Met, Some(30))]),
                row(3, "9", &[(State::Breached, Some(-5))]),
                row(4, "8", &[(State::Open, None)]),
                row(
                    5,
                    "7",
                    &[(State::Met, Some(30)), (State::Breached, Some(-90))],
                ),
                row(6, "6", &[(State::Met, Some(5))]),
            ],
            ..Results::default()
        };
        let all = Filter::default();
        // Breached: line 5 (-90) before line 3 (-5); open: line 4; met: 6 (5) before 2 (30).
        assert_eq!(
            order(&results, SortKey::Worst, false, &all),
            [3, 1, 2, 4, 0]
        );
        // Ids compare as numbers: 6, 7, 8, 9, 10.
        assert_eq!(
            order(&results, SortKey::Ticket, false, &all),
            [4, 3, 2, 1, 0]
        );
        assert_eq!(
            order(&results, SortKey::Ticket, true, &all),
            [0, 1, 2, 3, 4]
        );
        let breached = Filter {
            state: Some(State::Breached),
            ..Filter::default()
        };
        assert_eq!(order(&results, SortKey::Opened, false, &breached), [1, 3]);
        let text = Filter {
            text: "1".into(),
            ..Filter::default()
        };
        assert_eq!(order(&results, SortKey::Worst, false, &text), [0]);
    }

    #[test]
    fn the_table_view_and_the_histogram_survive_the_trip_to_the_worker() {
        let view = TableView {
            key: SortKey::Opened,
            descending: true,
            filter: Filter {
                state: Some(State::Breached),
                severity: Some("P1 & P2".into()),
                text: "zd-1 ".into(),
            },
        };
        assert_eq!(TableView::read(&view.write()), view);
        assert_eq!(TableView::read(""), TableView::default());
        let results = Results {
            rows: vec![
                row(
                    2,
                    "1",
                    &[(State::Met, Some(30)), (State::Breached, Some(-90))],
                ),
                row(3, "2", &[(State::Breached, Some(-2000))]),
            ],
            ..Results::default()
        };
        let buckets = histogram(&results);
        assert_eq!(decode_histogram(&encode_histogram(&buckets)), buckets);
        assert_eq!(encode_histogram(&buckets), "1,0,1,0,1,0,0,0");
        assert_eq!(decode_histogram("1,2"), []);
    }

    #[test]
    fn one_order_request_in_flight_and_only_the_newest_answer_shown() {
        let by = |key| TableView {
            key,
            ..TableView::default()
        };
        let mut requests = OrderRequests::default();
        let (first, text) = requests.ask(by(SortKey::Ticket)).unwrap();
        assert_eq!(text, "sort=ticket");
        // Two choices while it is in flight: only the last is sent, after it.
        assert_eq!(requests.ask(by(SortKey::Opened)), None);
        assert_eq!(requests.ask(by(SortKey::Margin)), None);
        let (show, next) = requests.answered(first);
        assert!(!show, "an answer to an older choice is not shown");
        let (second, text) = next.unwrap();
        assert_eq!(text, "sort=margin");
        assert_eq!(requests.answered(second), (true, None));
        // An answer nobody waits for (a repeat) is dropped.
        assert_eq!(requests.answered(second), (false, None));
        // A new run: the old worker's answer to a request in flight is dropped.
        let (third, _) = requests.ask(by(SortKey::Worst)).unwrap();
        requests.reset();
        assert_eq!(requests.answered(third), (false, None));
        let (fourth, _) = requests.ask(by(SortKey::Worst)).unwrap();
        assert_ne!(fourth, third);
        assert_eq!(requests.answered(fourth), (true, None));
    }

    #[test]
    fn the_calculator_and_the_summary_name_the_audits_contract() {
        assert_eq!(
            calculator_address("nextplane", "business", Some("emea")),
            "./?vendor=nextplane&package=business&region=emea"
        );
        let catalog = crate::engine::load::embedded();
        let settings = Settings {
            vendor: "nextplane".into(),
            package: "business".into(),
            region: Some("emea".into()),
            zone: "Europe/Berlin".into(),
            ..Settings::default()
        };
        assert_eq!(
            summary_title(catalog, &settings, "tickets.csv"),
            "SLA audit of tickets.csv against NextPlane ConverseCloud, Business (EMEA (CET) hours); \
             times without an offset read in Europe/Berlin"
        );
        let one = Bucket {
            label: "under 1 h late",
            count: 1,
            late: true,
        };
        assert_eq!(one.text(), "under 1 h late: 1 target");
        assert_eq!(
            Bucket { count: 3, ..one }.text(),
            "under 1 h late: 3 targets"
        );
    }

    #[test]
    fn a_table_row_reads_in_the_audits_zone_with_every_target() {
        let mut r = row(
            7,
            "ZD-10",
            &[(State::Met, Some(40)), (State::Breached, None)],
        );
        r.outcomes[1].target = 1;
        let names = ["First response".to_string(), "Resolution".to_string()];
        let berlin = crate::engine::zone::Zone::known("Europe/Berlin");
        let cx = TableContext {
            vendor: "unnamed-eu",
            package: "enterprise",
            region: None,
            zone_name: "Europe/Berlin",
            zone: &berlin,
            target_names: &names,
        };
        let shown = table_row(3, &r, &cx);
        assert_eq!(shown.position, 3);
        assert_eq!(shown.ticket, "ZD-10");
        assert_eq!(shown.state, Some(State::Breached));
        assert_eq!(shown.margin, "still open");
        assert_eq!(shown.severity, "1");
        // 09:00 UTC is 10:00 in Berlin (CET).
        assert_eq!(shown.opened, "2026-03-02 10:00");
        assert_eq!(
            shown.detail,
            "First response met (40 min early) \u{b7} Resolution breached"
        );
        assert_eq!(
            shown.href,
            ticket_link("unnamed-eu", "enterprise", None, Some("Europe/Berlin"), &r)
        );
        assert!(shown.href.contains("tz=Europe"), "{}", shown.href);
    }

    #[test]
    fn the_margin_shown_is_the_one_that_decides_the_state() {
        // Response met an hour early, resolution past due with no event.
        let still_open = row(2, "G2", &[(State::Met, Some(60)), (State::Breached, None)]);
        assert_eq!(still_open.state(), Some(State::Breached));
        assert_eq!(still_open.margin(), None);
        assert_eq!(still_open.margin_words(), "still open");
        let late = row(
            3,
            "G1",
            &[(State::Met, Some(600)), (State::Breached, Some(-120))],
        );
        assert_eq!(
            (late.margin(), late.margin_words().as_str()),
            (Some(-120), "2 h late")
        );
        let met = row(4, "G5", &[(State::Met, Some(600)), (State::Met, Some(30))]);
        assert_eq!(met.margin_words(), "30 min early");
        let open = row(5, "G9", &[(State::Met, Some(60)), (State::Open, None)]);
        assert_eq!((open.margin(), open.margin_words().as_str()), (None, ""));
        // Breached first, and the one still open before the one 2 h late.
        let results = Results {
            rows: vec![met, late, open, still_open],
            ..Results::default()
        };
        assert_eq!(
            order(&results, SortKey::Worst, false, &Filter::default()),
            [3, 1, 2, 0]
        );
    }

    #[test]
    fn a_breach_still_open_is_never_hidden_by_a_late_one() {
        // Answered 5 min late, resolution overdue with no event.
        let r = row(
            2,
            "A",
            &[(State::Breached, Some(-5)), (State::Breached, None)],
        );
        assert_eq!(
            (r.margin(), r.margin_words().as_str()),
            (None, "still open")
        );
    }

    #[test]
    fn open_tickets_and_still_open_breaches_sort_by_their_deadline() {
        let due = |mut r: Row, at: i64| {
            for o in &mut r.outcomes {
                if o.margin.is_none() {
                    o.due = Some(at);
                }
            }
            r
        };
        let results = Results {
            rows: vec![
                due(row(2, "open, due late", &[(State::Open, None)]), 9_000),
                row(3, "2 h late", &[(State::Breached, Some(-120))]),
                row(4, "early", &[(State::Met, Some(30))]),
                due(
                    row(5, "overdue since 5,000", &[(State::Breached, None)]),
                    5_000,
                ),
                due(row(6, "open, due soon", &[(State::Open, None)]), 1_000),
                due(
                    row(7, "overdue since 2,000", &[(State::Breached, None)]),
                    2_000,
                ),
                row(8, "not measured", &[(State::NotMeasured, None)]),
            ],
            ..Results::default()
        };
        let all = Filter::default();
        // Breached (the longest overdue first, then by margin), open (the
        // soonest due first), met, not measured.
        assert_eq!(
            order(&results, SortKey::Worst, false, &all),
            [5, 3, 1, 4, 0, 2, 6]
        );
        // By margin: still-open breaches, then every margin, then the rows
        // without one (the soonest due first).
        assert_eq!(
            order(&results, SortKey::Margin, false, &all),
            [5, 3, 1, 2, 4, 0, 6]
        );
    }

    #[test]
    fn severities_sort_in_the_policys_order_not_by_their_ids() {
        let mut results = Results {
            severities: ["critical", "high", "medium", "low"]
                .map(String::from)
                .to_vec(),
            ..Results::default()
        };
        for (line, severity) in
            (2..).zip(["low", "critical", "medium", "unknown", "high", "critical"])
        {
            let mut r = row(line, &line.to_string(), &[]);
            r.severity = severity.into();
            results.rows.push(r);
        }
        let all = Filter::default();
        // critical (lines 3 and 7, file order), high, medium, low, then the unlisted id.
        assert_eq!(
            order(&results, SortKey::Severity, false, &all),
            [1, 5, 4, 2, 0, 3]
        );
        assert_eq!(
            order(&results, SortKey::Severity, true, &all),
            [3, 0, 2, 4, 5, 1]
        );
    }

    #[test]
    fn ids_sort_in_natural_order_numbers_first() {
        let ids = [
            "ZD-10", "ZD-9", "42", "7", "INC0012", "ZD-", "INC0011", "ZD-9",
        ];
        let results = Results {
            rows: ids
                .iter()
                .zip(2..)
                .map(|(id, line)| row(line, id, &[]))
                .collect(),
            ..Results::default()
        };
        let sorted: Vec<&str> = order(&results, SortKey::Ticket, false, &Filter::default())
            .into_iter()
            .map(|i| ids[i as usize])
            .collect();
        // Plain numbers by value, then by the text before the number ("INC"
        // before "ZD-"), then by the number ("ZD-" has none: 0); the two
        // ZD-9 in file order.
        assert_eq!(
            sorted,
            ["7", "42", "INC0011", "INC0012", "ZD-", "ZD-9", "ZD-9", "ZD-10"]
        );
    }

    #[test]
    fn a_ticket_opens_in_the_calculator_with_its_inputs() {
        let mut r = row(2, "ZD-1", &[]);
        r.severity = "2".into();
        r.pauses = vec!["2026-03-02T10:00:00Z/2026-03-02T12:00:00Z".into()];
        assert_eq!(
            ticket_link("threepbx", "standard", None, Some("America/New_York"), &r),
            "./?vendor=threepbx&package=standard&severity=2&opened=2026-03-02T09:00:00Z\
             &pause=2026-03-02T10:00:00Z/2026-03-02T12:00:00Z&tz=America/New_York"
        );
        assert_eq!(
            ticket_link("numonix", "premium", Some("emea"), None, &r),
            "./?vendor=numonix&package=premium&region=emea&severity=2&opened=2026-03-02T09:00:00Z\
             &pause=2026-03-02T10:00:00Z/2026-03-02T12:00:00Z"
        );
    }

    #[test]
    fn margins_and_percentages_in_words() {
        assert_eq!(margin_text(0), "on time");
        assert_eq!(margin_text(125), "2 h 5 min early");
        assert_eq!(margin_text(-40), "40 min late");
        assert_eq!(margin_text(-1500), "1 d 1 h late");
        assert_eq!(percent_text(Some(75)), "75%");
        assert_eq!(percent_text(None), "–");
    }

    #[test]
    fn margins_fall_in_buckets_by_lower_bound() {
        let results = Results {
            rows: vec![
                row(2, "1", &[(State::Breached, Some(-1440))]),
                row(3, "2", &[(State::Breached, Some(-1439))]),
                row(4, "3", &[(State::Breached, Some(-1))]),
                row(5, "4", &[(State::Met, Some(0))]),
                row(6, "5", &[(State::Met, Some(59)), (State::Met, Some(60))]),
                row(7, "6", &[(State::Open, None)]),
            ],
            ..Results::default()
        };
        let counts: Vec<u64> = histogram(&results).iter().map(|b| b.count).collect();
        // -1440 is over a day late; -1439 within 4 h to 1 day; -1 under 1 h
        // late; 0 and 59 under 1 h early; 60 in 1 to 4 h early.
        assert_eq!(counts, [1, 1, 0, 1, 2, 1, 0, 0]);
    }

    #[test]
    fn bars_scale_to_the_widest_and_read_as_text() {
        let line = |sev: &str, met, breached| SummaryLine {
            severity: sev.into(),
            target: "response".into(),
            tickets: met + breached,
            met,
            breached,
            open: 0,
            met_percent: (met + breached > 0)
                .then(|| u32::try_from(met * 100 / (met + breached)).unwrap()),
            median: None,
            worst: None,
        };
        let lines = [line("1", 3, 1), line("2", 1, 1), line("3", 0, 0)];
        let bars = bars(&lines, &|s| format!("Severity {s}"), &|t| t.to_uppercase());
        assert_eq!(bars.len(), 2);
        assert_eq!((bars[0].met_width, bars[0].breached_width), (750, 250));
        assert_eq!((bars[1].met_width, bars[1].breached_width), (250, 250));
        assert_eq!(
            bars[0].text,
            "Severity 1, RESPONSE: 3 met, 1 breached (75% met)"
        );
        let back = decode_summary(&encode_summary(&lines));
        assert_eq!(back, lines);
    }

    #[test]
    fn settings_survive_the_trip_to_the_worker() {
        let s = Settings {
            vendor: "threepbx".into(),
            package: "standard".into(),
            region: Some("emea".into()),
            zone: "Europe/Berlin".into(),
            format: Some("zendesk".into()),
            order: Some("dmy".into()),
            columns: vec![("opened".into(), Some(16)), ("pauses".into(), None)],
            // A file value may hold '=' and '&'.
            map: vec![("a=b & c".into(), "1".into())],
            as_of: Some("2026-04-01T00:00:00Z".into()),
        };
        assert_eq!(Settings::read(&s.write()), s);
    }

    #[test]
    fn what_was_detected_survives_the_trip_from_the_worker() {
        let d = Detected {
            format: "zendesk_csv".into(),
            format_name: "Zendesk (CSV)".into(),
            header: vec!["Id".into(), "Priority".into(), "Created at".into()],
            columns: vec![("id".into(), 0), ("severity".into(), 1)],
            values: vec![
                ("urgent".into(), 12, Some("1".into())),
                // A value may hold ':' and '='.
                ("p: a=b".into(), 3, None),
            ],
            order: Some("dmy".into()),
            dates_fit_both: false,
            rows: 15,
        };
        let back = Detected::read(&d.write());
        assert_eq!(back, d);
        let both = Detected {
            order: None,
            dates_fit_both: true,
            ..d.clone()
        };
        assert_eq!(Detected::read(&both.write()), both);
        assert_eq!(back.column("severity"), Some(1));
        assert_eq!(back.column("resolved"), None);
        assert_eq!(back.unmapped(), 3);
    }

    #[test]
    fn the_contract_comes_from_the_url_or_falls_back_on_the_first_choices() {
        let catalog = crate::engine::load::embedded();
        let pairs = |q: &str| super::super::query::pairs(q);
        assert_eq!(
            contract(
                catalog,
                &pairs("vendor=nextplane&package=business&region=emea")
            ),
            ("nextplane".into(), "business".into(), Some("emea".into()))
        );
        let first = catalog.policies()[0].id().to_string();
        let first_package = catalog.policies()[0].packages()[0].id().to_string();
        assert_eq!(
            contract(catalog, &pairs("vendor=nobody&package=x&region=mars")),
            (first, first_package, None)
        );
        // A known vendor keeps its first package when the package is unknown.
        let (v, p, _) = contract(catalog, &pairs("vendor=threepbx&package=nope"));
        assert_eq!((v.as_str(), p.as_str()), ("threepbx", "standard"));
    }

    #[test]
    fn wall_times_read_the_same_in_every_locale() {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 3, 7)
            .unwrap()
            .and_hms_opt(9, 5, 59)
            .unwrap();
        assert_eq!(local_text(at), "2026-03-07 09:05");
    }
}
