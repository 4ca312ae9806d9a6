//! The `sla` command: a thin layer over the engine. Every command returns
//! its output and exit status instead of printing, so tests can run it.

use std::io::{BufRead, Write};

use serde::Deserialize;
use serde_json::{json, Value};

use crate::audit;
use crate::check;
use crate::engine::charge::{self, Billing, Work};
use crate::engine::deadline::{self, Due, Selection, Timing};
use crate::engine::load;
use crate::engine::policy::Catalog;
use crate::engine::time::Instant;
use crate::engine::Error;
use crate::present::{charges, ticket};
use crate::request::{self, format_instant};

pub const USAGE: &str = "\
usage:
  sla policies [--json]
  sla deadlines --vendor V --package P [--region R] --severity S --opened RFC3339
                [--pause FROM/UNTIL]... [--holiday +DATE|-DATE]... [--json]
  sla charge --vendor V --package P [--region R] --severity S --opened RFC3339
             --service ID [--work-at RFC3339] [--hours H | --days D] [--flag ID]...
             [--holiday +DATE|-DATE]... [--pause FROM/UNTIL]... [--json]
  sla audit --vendor V --package P [--region R] [--tz ZONE]
            [--format auto|generic|zendesk|jira|freshdesk|servicenow] [--date-order dmy|mdy]
            [--map VALUE=SEVERITY]... [--as-of RFC3339] [--json] FILE
            (a helpdesk export, FILE - for stdin: results CSV on stdout, summary on stderr)
  sla batch   (JSON lines on stdin, one JSON line out per line)
  sla check FILE...   (policy files: one line per problem, exit 1 on any error)
  sla init ID         (prints a minimal valid policy to start from)
  sla charge --help   (what the charge options mean)
deadlines and charge take --policy FILE to use a policy file instead of the built-in ones.";

/// `sla charge --help`.
pub const CHARGE_HELP: &str = "\
sla charge: the estimate of one charge rule for a ticket

  --vendor, --package, --region, --severity, --opened   the ticket, as for `sla deadlines`
  --service ID     the charge rule (an unknown one lists those offered on the package)
  --work-at T      when the work starts, RFC 3339 with an offset (default: --opened);
                   after-hours, partner support hours and availability are judged
                   at this instant; conditions on the contact at --opened
  --hours H        hours of work (1.5, 1,5 or 1:30), for hourly rates only
  --days D         whole days of work, for daily rates only
  --flag ID        repeatable: a fact about the ticket the rule asks about
                   (an id the rule does not ask about is an error listing its ids)
  --holiday +DATE  close a date (YYYY-MM-DD); -DATE works a listed holiday: the
                   charge reads the same calendar as the deadlines
  --pause F/U      repeatable waiting-on-customer interval; checked as for
                   `sla deadlines` (no charge rule depends on it)
  --policy FILE    use a policy file instead of the built-in ones
  --json           one JSON object instead of text

Errors (exit status 2) name the option, for example:
  --hours: service \"remote_daily\" is charged per day: give --days instead
  --days: service \"new_install\" is charged per hour: give --hours instead
  --flag: unknown flag \"priority\" for service \"new_install\" (expected priority_handling)
  --work-at: 9999-01-01T00:00:00Z is outside the years 1000 to 9000
  pause: a pause may last at most 10 years
";

/// Runs the command line `args` (without the program name), writing to
/// `stdout` and `stderr`; returns the exit status.
pub fn run(
    args: &[String],
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let catalog = load::embedded();
    let result = match args.first().map(String::as_str) {
        Some("policies") if args.len() == 1 => Ok(policies(catalog)),
        Some("policies") if args.len() == 2 && args[1] == "--json" => Ok(policies_json(catalog)),
        Some("charge") if args[1..].iter().any(|a| a == "--help" || a == "-h") => {
            Ok(CHARGE_HELP.to_string())
        }
        Some("deadlines") => {
            Flags::parse(&args[1..]).and_then(|f| with_catalog(f, deadlines_command))
        }
        Some("charge") => Flags::parse(&args[1..]).and_then(|f| with_catalog(f, charge_command)),
        Some("batch") if args.len() == 1 => return batch(catalog, stdin, stdout, stderr),
        Some("audit") => return audit_command(catalog, &args[1..], stdin, stdout, stderr),
        Some("check") if args.len() > 1 => return check_command(&args[1..], stdout, stderr),
        Some("init") if args.len() == 2 => init(&args[1]),
        Some("help" | "--help" | "-h") => Ok(format!("{USAGE}\n")),
        Some(other) => Err(Error::invalid(
            "command",
            format!("unknown command {other:?}\n{USAGE}"),
        )),
        None => Err(Error::invalid("command", format!("missing\n{USAGE}"))),
    };
    let written = match result {
        Ok(text) => stdout.write_all(text.as_bytes()).map(|_| 0),
        Err(e) => writeln!(stderr, "sla: {e}").map(|_| 2),
    };
    written.unwrap_or(2)
}

fn policies(catalog: &Catalog) -> String {
    let mut out = String::new();
    for policy in catalog.policies() {
        out += &format!(
            "{} ({}), from {}\n",
            policy.id(),
            policy.name(),
            policy.source().title
        );
        for package in policy.packages() {
            let regions: Vec<&str> = package.regions().iter().map(|r| r.id()).collect();
            let regions = if regions.is_empty() {
                String::new()
            } else {
                format!(" [regions: {}]", regions.join(", "))
            };
            out += &format!("  package {}: {}{regions}\n", package.id(), package.name());
        }
        for severity in policy.severities() {
            out += &format!("  severity {}: {}\n", severity.id(), severity.label());
        }
    }
    out
}

/// Every vendor, package, region and severity id, for scripts and tests.
fn policies_json(catalog: &Catalog) -> String {
    let policies: Vec<Value> = catalog
        .policies()
        .iter()
        .map(|policy| {
            let packages: Vec<Value> = policy
                .packages()
                .iter()
                .map(|p| {
                    let regions: Vec<&str> = p.regions().iter().map(|r| r.id()).collect();
                    json!({ "id": p.id(), "name": p.name(), "regions": regions })
                })
                .collect();
            let severities: Vec<&str> = policy.severities().iter().map(|s| s.id()).collect();
            json!({
                "id": policy.id(),
                "name": policy.name(),
                "source": policy.source().title,
                "packages": packages,
                "severities": severities,
            })
        })
        .collect();
    format!("{}\n", json!({ "policies": policies }))
}

/// `--name value` pairs; repeatable flags keep every value.
struct Flags {
    pairs: Vec<(String, String)>,
    json: bool,
}

const VALUED: [&str; 14] = [
    "vendor", "package", "region", "severity", "opened", "pause", "holiday", "service", "hours",
    "days", "flag", "now", "work-at", "policy",
];

/// The options of `sla audit`.
const AUDIT_VALUED: [&str; 8] = [
    "vendor",
    "package",
    "region",
    "tz",
    "format",
    "date-order",
    "map",
    "as-of",
];

impl Flags {
    fn parse(args: &[String]) -> Result<Flags, Error> {
        Flags::parse_with(args, &VALUED)
    }
    fn parse_with(args: &[String], valued: &[&str]) -> Result<Flags, Error> {
        let mut pairs = Vec::new();
        let mut json = false;
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            let name = arg
                .strip_prefix("--")
                .ok_or_else(|| Error::invalid("arguments", format!("unexpected {arg:?}")))?;
            if name == "json" {
                json = true;
                continue;
            }
            let (name, inline) = match name.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (name, None),
            };
            if !valued.contains(&name) {
                return Err(Error::invalid(
                    "arguments",
                    format!("unknown option --{name}"),
                ));
            }
            let value = match inline {
                Some(v) => v,
                None => iter
                    .next()
                    .cloned()
                    .ok_or_else(|| Error::invalid(&format!("--{name}"), "needs a value"))?,
            };
            pairs.push((name.to_string(), value));
        }
        Ok(Flags { pairs, json })
    }
    fn one(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
    fn required(&self, name: &str) -> Result<&str, Error> {
        self.one(name)
            .ok_or_else(|| Error::invalid(&format!("--{name}"), "is required"))
    }
    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.pairs
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
    fn select<'c>(&self, catalog: &'c Catalog) -> Result<(Selection<'c>, Instant), Error> {
        let selection = catalog.select(
            self.required("vendor")?,
            self.required("package")?,
            self.one("region"),
            self.required("severity")?,
        )?;
        let opened = request::parse_instant("--opened", self.required("opened")?)?;
        Ok((selection, opened))
    }
}

/// Runs `command` on the built-in catalog, or with `--policy FILE` on that
/// file alone (checked against the built-in holiday calendars; `--vendor`
/// then defaults to its id).
fn with_catalog(
    mut flags: Flags,
    command: fn(&'static Catalog, &Flags) -> Result<String, Error>,
) -> Result<String, Error> {
    let Some(file) = flags.one("policy").map(str::to_string) else {
        return command(load::embedded(), &flags);
    };
    let json = std::fs::read_to_string(&file)
        .map_err(|e| Error::invalid("--policy", format!("cannot read {file}: {e}")))?;
    let catalog = load::load_catalog(load::EMBEDDED_CALENDARS, &[(&file, &json)]).map_err(|e| {
        Error::invalid(
            "--policy",
            format!("{e} (sla check {file} lists every problem)"),
        )
    })?;
    // Lives as long as the built-in catalog would: `sla` runs one command.
    let catalog: &'static Catalog = Box::leak(Box::new(catalog));
    if flags.one("vendor").is_none() {
        let id = catalog.policies()[0].id().to_string();
        flags.pairs.push(("vendor".into(), id));
    }
    command(catalog, &flags)
}

/// `sla check FILE...`: one line per problem on stdout, a summary on
/// stderr; 0 when no file has an error, 1 otherwise, 2 when a file cannot
/// be read.
fn check_command(files: &[String], stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let mut texts = Vec::with_capacity(files.len());
    for file in files {
        match std::fs::read_to_string(file) {
            Ok(text) => texts.push((file.clone(), text)),
            Err(e) => {
                let _ = writeln!(stderr, "sla: cannot read {file}: {e}");
                return 2;
            }
        }
    }
    let problems = check::check(&texts, load::embedded().calendars());
    let errors = problems.iter().filter(|p| !p.warning).count();
    for problem in &problems {
        if writeln!(stdout, "{problem}").is_err() {
            return 2;
        }
    }
    let _ = writeln!(
        stderr,
        "sla check: {} file(s), {errors} error(s), {} warning(s)",
        files.len(),
        problems.len() - errors
    );
    i32::from(errors > 0)
}

/// `sla init ID`: a minimal policy that `sla check` accepts as it is.
fn init(id: &str) -> Result<String, Error> {
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(Error::invalid(
            "ID",
            format!("{id:?} is not an id: expected letters, digits, '-' or '_', e.g. acme"),
        ));
    }
    Ok(INIT.replace("{ID}", id))
}

/// The policy `sla init` prints; `{ID}` is replaced by the vendor id.
const INIT: &str = r#"{
  "$schema": "schema.json",
  "id": "{ID}",
  "name": "{ID}",
  "source": { "file": "{ID}-support-policy.pdf", "title": "Title and date of the vendor's support document" },
  "currency": "USD",
  "severities": [
    { "id": "1", "label": "Severity 1", "definition": "Production is down or unusable and there is no workaround." },
    { "id": "2", "label": "Severity 2", "definition": "Anything else: degraded service, questions, requests." }
  ],
  "schedules": [
    {
      "id": "business", "name": "Mon-Fri 09:00-17:00 US Eastern time",
      "zone": "America/New_York", "weekly": { "mon-fri": ["09:00-17:00"] }, "holidays": "us-federal",
      "source": "§1 Support hours"
    }
  ],
  "packages": [
    {
      "id": "standard", "name": "Standard support",
      "summary": "Email support during business hours.",
      "channels": ["Email"], "coverage": "business"
    }
  ],
  "targets": [
    {
      "id": "response", "label": "First response", "clock": "coverage", "measured_by": "first_response",
      "source": "§2 Response times",
      "values": { "standard": { "1": "4 business_hours", "2": "2 business_days" } }
    }
  ]
}
"#;

/// The JSON form of one target, as `sla batch` and `--json` print it.
pub fn due_json(due: &Due<'_>) -> Value {
    json!({
        "id": due.target.id(),
        "label": due.target.label(),
        "outcome": due.outcome.id(),
        "due": due.due.map(format_instant),
    })
}

fn describe(selection: &Selection<'_>, due: &Due<'_>) -> String {
    let mut rule = match due.rule.amount() {
        Some(amount) => amount.to_string(),
        None => due
            .words
            .filter(|_| due.outcome == due.rule.outcome())
            .unwrap_or(due.outcome.describe())
            .to_string(),
    };
    if let Some(schedule) = due.business {
        rule += &format!(", {}", selection.policy.schedule(schedule).name());
    }
    if let Some(q) = due.target.qualifier() {
        rule += &format!(", {q}");
    }
    rule
}

fn deadlines_command(catalog: &'static Catalog, flags: &Flags) -> Result<String, Error> {
    let (selection, opened) = flags.select(catalog)?;
    let timing = request::timing(flags.all("pause"), flags.all("holiday"))?;
    let dues = deadline::deadlines(&selection, opened, &timing)?;
    if flags.json {
        let targets: Vec<Value> = dues
            .iter()
            .map(|due| {
                let mut value = due_json(due);
                value["source"] = json!(ticket::source_line(
                    selection.policy,
                    Some(&due.provenance.source)
                ));
                value["assumptions"] = json!(ticket::target_assumptions(&selection, due));
                value
            })
            .collect();
        return Ok(format!("{}\n", json!({ "targets": targets })));
    }
    let region = selection
        .region()
        .map(|r| format!(" ({})", r.name()))
        .unwrap_or_default();
    let mut out = format!(
        "{}: {}{region}, {}\nopened {}\n",
        selection.policy.name(),
        selection.package().name(),
        selection.severity().label(),
        format_instant(opened)
    );
    for due in &dues {
        let when = due.due.map(format_instant).unwrap_or_else(|| "-".into());
        let not_before = if due.outcome == crate::engine::policy::Outcome::Earliest {
            "not before "
        } else {
            ""
        };
        out += &format!(
            "  {:<22} {:<13} {not_before}{when}  ({})\n",
            due.target.id(),
            due.outcome.id(),
            describe(&selection, due)
        );
        out += &format!(
            "    {}\n",
            ticket::source_line(selection.policy, Some(&due.provenance.source))
        );
        for assumption in ticket::target_assumptions(&selection, due) {
            out += &format!("    assumption: {assumption}\n");
        }
    }
    Ok(out)
}

fn charge_command(catalog: &'static Catalog, flags: &Flags) -> Result<String, Error> {
    let (selection, opened) = flags.select(catalog)?;
    // Checked like `sla deadlines`; the holidays are the charge's calendar.
    let timing = request::timing(flags.all("pause"), flags.all("holiday"))?;
    let starts = flags
        .one("work-at")
        .map(|t| request::parse_instant("--work-at", t))
        .transpose()?;
    let service = flags.required("service")?;
    let rule = charge::offered(&selection)
        .map(|(_, r)| r)
        .find(|r| r.id() == service)
        .ok_or_else(|| {
            Error::unknown(
                "service",
                service,
                charge::offered(&selection).map(|(_, r)| r.id()),
            )
        })?;
    let work = Work {
        minutes: flags
            .one("hours")
            .map(|h| request::parse_hours("--hours", h))
            .transpose()?
            .unwrap_or(0),
        days: flags
            .one("days")
            .map(|d| request::parse_days("--days", d))
            .transpose()?
            .unwrap_or(0),
        flags: flags.all("flag").map(str::to_string).collect(),
        starts,
    };
    request::check_work(
        rule,
        flags.one("hours").is_some(),
        flags.one("days").is_some(),
        &work.flags,
    )?;
    let estimate = charge::estimate(&selection, rule, opened, &work, &timing.holidays);
    let status = match &estimate.billing {
        Billing::Billable { reason } => format!("billable: {reason}"),
        Billing::NotBillable { reason } => format!("not billable: {reason}"),
        Billing::Unavailable { hours, opens } => format!(
            "not available when the work starts; offered {hours}{}",
            opens
                .map(|o| format!(", next from {}", format_instant(o)))
                .unwrap_or_default()
        ),
        Billing::AmountNotStated => "the policy does not state the amount".into(),
    };
    let judged: Vec<String> = estimate
        .judged
        .iter()
        .map(|j| charges::judged_words(selection.policy, j))
        .collect();
    let assumptions = charges::charge_assumptions(&selection, rule);
    if flags.json {
        let lines: Vec<Value> = estimate
            .lines
            .iter()
            .map(|l| json!({"label": l.label, "amount_minor": l.amount.minor, "rule": l.rule}))
            .collect();
        return Ok(format!(
            "{}\n",
            json!({
                "service": rule.id(),
                "status": status,
                "work_at": format_instant(starts.unwrap_or(opened)),
                "judged": judged,
                "lines": lines,
                "total_minor": estimate.total.map(|t| t.minor),
                "currency": selection.policy.currency().code(),
                "source": ticket::source_line(selection.policy, Some(&rule.provenance().source)),
                "assumptions": assumptions,
            })
        ));
    }
    let mut out = format!("{}: {status}\n", rule.label());
    for words in &judged {
        out += &format!("  {words}\n");
    }
    for line in &estimate.lines {
        out += &format!(
            "  {:<60} {:>14}\n    {}\n",
            line.label,
            charge::format_money(line.amount),
            line.rule
        );
    }
    match estimate.total {
        Some(total) => out += &format!("  total {}\n", charge::format_money(total)),
        None => out += "  total: not stated\n",
    }
    out += &format!(
        "  {}\n",
        ticket::source_line(selection.policy, Some(&rule.provenance().source))
    );
    for assumption in assumptions {
        out += &format!("  assumption: {assumption}\n");
    }
    Ok(out)
}

/// One `sla batch` request line.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BatchRequest {
    vendor: String,
    package: String,
    #[serde(default)]
    region: Option<String>,
    severity: String,
    opened: String,
    #[serde(default)]
    pauses: Vec<BatchPause>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BatchPause {
    from: String,
    until: String,
}

/// Answers one batch line: the targets, or an error naming the field.
pub fn batch_line(catalog: &Catalog, line: &str) -> Result<Value, String> {
    let req: BatchRequest = load::from_json(line).map_err(|(at, what)| format!("{at}: {what}"))?;
    let selection = catalog
        .select(
            &req.vendor,
            &req.package,
            req.region.as_deref(),
            &req.severity,
        )
        .map_err(|e| match e {
            Error::Unknown { what, .. } => format!("{what}: {e}"),
            other => other.to_string(),
        })?;
    let opened = request::parse_instant("opened", &req.opened).map_err(|e| e.to_string())?;
    let intervals = req
        .pauses
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let field = format!("pauses[{i}]");
            let from = request::parse_instant(&format!("{field}.from"), &p.from)?;
            let until = request::parse_instant(&format!("{field}.until"), &p.until)?;
            request::check_pause(&field, from, until)
        })
        .collect::<Result<Vec<_>, Error>>()
        .map_err(|e| e.to_string())?;
    let timing = Timing {
        pauses: request::pauses(intervals).map_err(|e| e.to_string())?,
        ..Timing::default()
    };
    let dues = deadline::deadlines(&selection, opened, &timing).map_err(|e| e.to_string())?;
    Ok(json!({ "targets": dues.iter().map(due_json).collect::<Vec<_>>() }))
}

fn batch(
    catalog: &Catalog,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let mut status = 0;
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        match stdin.read_until(b'\n', &mut buffer) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                let _ = writeln!(stderr, "sla: reading stdin: {e}");
                return 2;
            }
        }
        let answer = match std::str::from_utf8(&buffer) {
            Err(_) => Err("the line is not valid UTF-8".to_string()),
            Ok(text) => batch_line(catalog, text.trim_end_matches(['\n', '\r'])),
        };
        let value = answer.unwrap_or_else(|error| {
            status = 1;
            json!({ "error": error })
        });
        if writeln!(stdout, "{value}").is_err() {
            return 2;
        }
    }
    status
}

/// `sla audit`: the audit of a helpdesk export (see `crate::audit`). The
/// results CSV (or `--json` lines) on stdout, the summary and the bad rows
/// on stderr; 0 when the file was read (bad rows included), 1 when the
/// file as a whole cannot be used, 2 for a usage error.
fn audit_command(
    catalog: &'static Catalog,
    args: &[String],
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let usage = |stderr: &mut dyn Write, e: &dyn std::fmt::Display| {
        let _ = writeln!(stderr, "sla audit: {e}\n{USAGE}");
        2
    };
    let Some((file, options)) = args
        .split_last()
        .filter(|(file, _)| *file == "-" || !file.starts_with("--"))
    else {
        return usage(
            stderr,
            &"FILE: missing (a CSV or JSON export, or - for stdin)",
        );
    };
    let flags = match Flags::parse_with(options, &AUDIT_VALUED) {
        Ok(flags) => flags,
        Err(e) => return usage(stderr, &e),
    };
    let settings = match AuditFlags::read(catalog, &flags) {
        Ok(settings) => settings,
        Err(e) => return usage(stderr, &e),
    };
    let source = if file == "-" {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::Read::read_to_end(stdin, &mut bytes) {
            let _ = writeln!(stderr, "sla audit: cannot read standard input: {e}");
            return 1;
        }
        Source::Memory(bytes)
    } else {
        Source::File(file)
    };
    match audit_source(catalog, &settings, &flags, &source, stdout, stderr) {
        Ok(status) => status,
        Err(AuditFailure::Read(e)) => {
            let _ = writeln!(stderr, "sla audit: {e}");
            1
        }
        Err(AuditFailure::Usage(e)) => usage(stderr, &e),
        Err(AuditFailure::File(e)) => {
            let _ = writeln!(stderr, "sla audit: {file}: {e}");
            1
        }
        Err(AuditFailure::Output) => 2,
    }
}

/// The parsed options of `sla audit`.
struct AuditFlags {
    zone: crate::engine::zone::Zone,
    format: Option<String>,
    date_order: Option<audit::DateOrder>,
    as_of: Instant,
}

impl AuditFlags {
    fn read(catalog: &Catalog, flags: &Flags) -> Result<AuditFlags, Error> {
        let vendor = flags.required("vendor")?;
        let first = catalog
            .policy(vendor)
            .and_then(|p| p.severities().first())
            .map_or("", |s| s.id());
        catalog.select(
            vendor,
            flags.required("package")?,
            flags.one("region"),
            first,
        )?;
        let zone = match flags.one("tz") {
            None => crate::engine::zone::Zone::UTC,
            Some(name) => crate::engine::zone::Zone::named(name).ok_or_else(|| {
                Error::invalid(
                    "--tz",
                    format!("unknown or not compiled-in zone {name:?}: expected an IANA name such as Europe/Berlin or America/New_York"),
                )
            })?,
        };
        let format = match flags.one("format") {
            None | Some("auto") => None,
            Some(id) if ["generic", "zendesk", "jira", "freshdesk", "servicenow"].contains(&id) => {
                Some(id.to_string())
            }
            Some(other) => {
                return Err(Error::invalid(
                    "--format",
                    format!("unknown format {other:?}: expected auto, generic, zendesk, jira, freshdesk or servicenow"),
                ))
            }
        };
        let date_order = flags
            .one("date-order")
            .map(|text| {
                audit::DateOrder::parse(text).ok_or_else(|| {
                    Error::invalid("--date-order", format!("{text:?}: expected dmy or mdy"))
                })
            })
            .transpose()?;
        let as_of = match flags.one("as-of") {
            Some(text) => request::parse_instant("--as-of", text)?,
            None => now(),
        };
        for pair in flags.all("map") {
            if !pair.contains('=') {
                return Err(Error::invalid(
                    "--map",
                    format!("{pair:?}: expected VALUE=SEVERITY, e.g. --map \"Blocker=1\""),
                ));
            }
        }
        Ok(AuditFlags {
            zone,
            format,
            date_order,
            as_of,
        })
    }
}

/// The clock, read here and passed on: the audit layer never reads it.
fn now() -> Instant {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(seconds).unwrap_or(0), 0).unwrap_or_default()
}

enum AuditFailure {
    Read(String),
    Usage(String),
    File(String),
    Output,
}

/// Bytes per slice given to the readers, as a stream would give them.
const AUDIT_SLICE: usize = 1 << 16;
/// Bad rows listed on stderr (all are counted).
const BAD_ROWS_SHOWN: usize = 100;

/// Where `sla audit` reads: standard input is held in memory (it can be
/// read once, and the audit reads twice); a file is read from disk in
/// slices on each pass, so it is never held whole.
enum Source<'a> {
    Memory(Vec<u8>),
    File(&'a str),
}

impl Source<'_> {
    fn slices(
        &self,
        each: &mut dyn FnMut(&[u8]) -> Result<(), AuditFailure>,
    ) -> Result<(), AuditFailure> {
        match self {
            Source::Memory(bytes) => bytes.chunks(AUDIT_SLICE).try_for_each(each),
            Source::File(path) => {
                let cannot =
                    |e: std::io::Error| AuditFailure::Read(format!("cannot read {path}: {e}"));
                let mut file = std::fs::File::open(path).map_err(cannot)?;
                let mut buffer = vec![0; AUDIT_SLICE];
                loop {
                    let read = std::io::Read::read(&mut file, &mut buffer).map_err(cannot)?;
                    if read == 0 {
                        return Ok(());
                    }
                    each(&buffer[..read])?;
                }
            }
        }
    }
}

fn audit_source(
    catalog: &'static Catalog,
    settings: &AuditFlags,
    flags: &Flags,
    source: &Source<'_>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<i32, AuditFailure> {
    let file = |e: audit::AuditError| AuditFailure::File(e.to_string());
    // `zendesk` is the CSV or the JSON form, as the file turns out.
    let format = settings
        .format
        .as_deref()
        .and_then(|id| audit::Format::from_id(id, audit::Kind::Csv { delimiter: b',' }));
    let mut scan = audit::Scan::new(format);
    source.slices(&mut |chunk| scan.push(chunk).map_err(file))?;
    let scanned = scan.finish().map_err(file)?;
    let vendor = flags.one("vendor").unwrap_or_default();
    let policy = catalog.policy(vendor).ok_or_else(|| {
        AuditFailure::Usage(
            Error::unknown("vendor", vendor, catalog.policies().iter().map(|p| p.id())).to_string(),
        )
    })?;
    let mut severities = audit::SeverityMap::defaults(scanned.format, policy);
    for pair in flags.all("map") {
        let (value, severity) = pair.rsplit_once('=').unwrap_or((pair, ""));
        severities
            .set(value, severity, policy)
            .map_err(|e| AuditFailure::Usage(format!("--map: {e}")))?;
    }
    let date_order = scanned
        .survey
        .date_order(&scanned.header, settings.date_order)
        .map_err(|e| AuditFailure::File(format!("{e}: give --date-order dmy or mdy")))?;
    let choices = audit::Choices {
        vendor,
        package: flags.one("package").unwrap_or_default(),
        region: flags.one("region"),
        zone: settings.zone,
        date_order,
        as_of: settings.as_of,
    };
    let plan = scanned
        .plan(catalog, &choices, severities.clone())
        .map_err(|e| AuditFailure::Usage(e.to_string()))?;
    let json = flags.json;
    let mut out = String::with_capacity(AUDIT_SLICE * 2);
    if !json {
        out.push_str(audit::export::RESULTS_HEADER);
    }
    let mut bad: Vec<audit::RowError> = Vec::new();
    let mut failed = false;
    // The sink writes with the plan's twin: the run owns the plan while
    // the sink runs.
    let writer_plan = plan.clone();
    let mut run = audit::Audit::new(plan);
    let mut sink = |row: Result<&audit::Ticket, &audit::RowError>| {
        match row {
            Ok(ticket) if json => {
                out.push_str(&audit::export::json_line(&writer_plan, ticket));
                out.push('\n');
            }
            Ok(ticket) => audit::export::results_rows(&writer_plan, ticket, &mut out),
            Err(error) => {
                if json {
                    out.push_str(&audit::export::json_error(error));
                    out.push('\n');
                }
                if bad.len() < BAD_ROWS_SHOWN {
                    bad.push(error.clone());
                }
            }
        }
        if out.len() >= AUDIT_SLICE && !failed {
            failed = stdout.write_all(out.as_bytes()).is_err();
            out.clear();
        }
    };
    source.slices(&mut |chunk| run.push(chunk, &mut sink).map_err(file))?;
    let (_, mut summary) = run.finish(&mut sink).map_err(file)?;
    if failed || stdout.write_all(out.as_bytes()).is_err() {
        return Err(AuditFailure::Output);
    }
    let unmapped = scanned.survey.severity_values().unmapped(&severities);
    let mut text = audit::export::summary_text(
        policy,
        &summary.lines(),
        summary.tickets(),
        summary.bad_rows(),
        &unmapped,
    );
    for error in &bad {
        text += &format!("{error}\n");
    }
    if summary.bad_rows() > bad.len() as u64 {
        text += &format!(
            "... and {} more bad row(s)\n",
            summary.bad_rows() - bad.len() as u64
        );
    }
    let _ = stderr.write_all(text.as_bytes());
    Ok(0)
}
