//! Writes `catalog_data.rs`: the embedded policies as a `static` validated
//! [`Catalog`], so the wasm neither parses nor builds anything at start. The JSON files stay the source of
//! truth; this exists so the shipped wasm carries neither a JSON parser nor
//! the validation code (about 30 KB brotli). And `zone_data.rs`: the
//! tables of the zones the policies name, from chrono-tz ([`zone_source`]).
//! Pure (texts out); `sla-gen` (`crate::generate`) reads and writes the
//! files, and the tests below fail when the committed ones are stale,
//! rust-analyzer style (`check_generated`). Built for tests and with the
//! `gen` feature only: no shipped binary links it.

use chrono::{Datelike, NaiveDate, Weekday};

use super::holidays::{Holiday, HolidayCalendar, HolidayRule, Observed};
use super::policy::*;
use super::time::{Schedule, Window};
use super::zone::Zone;

/// Rust source being written, with indentation.
struct Out<'z> {
    text: String,
    depth: usize,
    /// The vendor being written, for `zones`.
    policy: String,
    /// Zone names by (vendor id, schedule id) that replace the loaded
    /// schedule's zone (a zone the generator itself does not compile is
    /// loaded as UTC).
    zones: &'z [ZoneName],
}

/// A schedule's real zone: (vendor id, schedule id, IANA name).
pub type ZoneName = (String, String, String);

impl Out<'_> {
    fn raw(&mut self, s: &str) {
        self.text.push_str(s);
    }
    fn line(&mut self) {
        self.text.push('\n');
        self.text.push_str(&"    ".repeat(self.depth));
    }
    fn open(&mut self, head: &str) {
        self.raw(head);
        self.depth += 1;
    }
    fn close(&mut self, tail: &str) {
        self.depth -= 1;
        self.line();
        self.raw(tail);
    }
    /// `name: value,` on its own line.
    fn field(&mut self, name: &str, value: &dyn Emit) {
        self.line();
        self.raw(name);
        self.raw(": ");
        value.emit(self);
        self.raw(",");
    }
    /// `Name { field: value, ... }` for a struct whose fields the crate sees.
    fn record(&mut self, name: &str, fields: &[(&str, &dyn Emit)]) {
        self.open(name);
        self.raw(" {");
        for (field, value) in fields {
            self.field(field, *value);
        }
        self.close("}");
    }
    /// `head(arg, ...)` on one line.
    fn call(&mut self, head: &str, args: &[&dyn Emit]) {
        self.raw(head);
        self.raw("(");
        for (i, arg) in args.iter().enumerate() {
            if i > 0 {
                self.raw(", ");
            }
            arg.emit(self);
        }
        self.raw(")");
    }
}

trait Emit {
    fn emit(&self, out: &mut Out<'_>);
}

macro_rules! emit_display {
    ($($t:ty),*) => {$(
        impl Emit for $t {
            fn emit(&self, out: &mut Out<'_>) {
                out.raw(&self.to_string());
            }
        }
    )*};
}
emit_display!(u8, u16, u32, i32, i64, usize, bool);

/// Fieldless enums: their `Debug` is the variant name.
macro_rules! emit_variant {
    ($($t:ident),*) => {$(
        impl Emit for $t {
            fn emit(&self, out: &mut Out<'_>) {
                out.raw(&format!(concat!(stringify!($t), "::{:?}"), self));
            }
        }
    )*};
}
emit_variant!(Weekday, Observed, Currency, Outcome, Unit, Increment, Moment);

impl Emit for Text {
    fn emit(&self, out: &mut Out<'_>) {
        out.raw(&format!("s({self:?})"));
    }
}

impl<T: Emit> Emit for Option<T> {
    fn emit(&self, out: &mut Out<'_>) {
        match self {
            None => out.raw("None"),
            Some(value) => out.call("Some", &[value]),
        }
    }
}

impl<T: Emit + Clone> Emit for List<T> {
    fn emit(&self, out: &mut Out<'_>) {
        if self.is_empty() {
            return out.raw("Cow::Borrowed(&[])");
        }
        out.open("Cow::Borrowed(&[");
        for item in self.iter() {
            out.line();
            item.emit(out);
            out.raw(",");
        }
        out.close("])");
    }
}

impl Emit for NaiveDate {
    fn emit(&self, out: &mut Out<'_>) {
        out.call("date", &[&self.year(), &self.month(), &self.day()]);
    }
}

impl Emit for Zone {
    fn emit(&self, out: &mut Out<'_>) {
        out.raw(&format!("Zone::known({:?})", self.name()));
    }
}

impl Emit for Window {
    fn emit(&self, out: &mut Out<'_>) {
        out.call("window", &[&self.start(), &self.end()]);
    }
}

impl Emit for Schedule {
    fn emit(&self, out: &mut Out<'_>) {
        out.open("Schedule::new(");
        out.line();
        Text::from(self.id().to_string()).emit(out);
        out.raw(",");
        out.line();
        let zone = out
            .zones
            .iter()
            .find(|(p, s, _)| *p == out.policy && **s == *self.id())
            .map_or(self.zone().name(), |(_, _, zone)| zone.as_str());
        out.raw(&format!("Zone::known({zone:?}),"));
        out.open("[");
        for day in 0..7 {
            out.line();
            List::from(self.windows(day).to_vec()).emit(out);
            out.raw(",");
        }
        out.close("],");
        out.line();
        self.calendar().emit(out);
        out.raw(",");
        out.close(")");
    }
}

impl Emit for Catalog {
    fn emit(&self, out: &mut Out<'_>) {
        out.record(
            "Catalog",
            &[("policies", &self.policies), ("calendars", &self.calendars)],
        );
    }
}

impl Emit for HolidayCalendar {
    fn emit(&self, out: &mut Out<'_>) {
        out.record(
            "HolidayCalendar",
            &[
                ("id", &self.id),
                ("name", &self.name),
                ("assumption", &self.assumption),
                ("holidays", &self.holidays),
            ],
        );
    }
}

impl Emit for Holiday {
    fn emit(&self, out: &mut Out<'_>) {
        out.record(
            "Holiday",
            &[
                ("name", &self.name),
                ("rule", &self.rule),
                ("from_year", &self.from_year),
            ],
        );
    }
}

impl Emit for HolidayRule {
    fn emit(&self, out: &mut Out<'_>) {
        match self {
            HolidayRule::Fixed {
                month,
                day,
                observed,
            } => out.record(
                "HolidayRule::Fixed",
                &[("month", month), ("day", day), ("observed", observed)],
            ),
            HolidayRule::NthWeekday { month, weekday, n } => out.record(
                "HolidayRule::NthWeekday",
                &[("month", month), ("weekday", weekday), ("n", n)],
            ),
            HolidayRule::LastWeekday { month, weekday } => out.record(
                "HolidayRule::LastWeekday",
                &[("month", month), ("weekday", weekday)],
            ),
            HolidayRule::Easter { offset } => {
                out.record("HolidayRule::Easter", &[("offset", offset)])
            }
            HolidayRule::Date(date) => out.call("HolidayRule::Date", &[date]),
        }
    }
}

impl Emit for Policy {
    fn emit(&self, out: &mut Out<'_>) {
        out.policy = self.id.to_string();
        out.record(
            "Policy",
            &[
                ("id", &self.id),
                ("name", &self.name),
                ("source", &self.source),
                ("currency", &self.currency),
                ("severities", &self.severities),
                ("schedules", &self.schedules),
                ("packages", &self.packages),
                ("targets", &self.targets),
                ("charges", &self.charges),
                ("downtime", &self.downtime),
                ("lead_times", &self.lead_times),
                ("facts", &self.facts),
            ],
        );
    }
}

impl Emit for SourceDocument {
    fn emit(&self, out: &mut Out<'_>) {
        out.record(
            "SourceDocument",
            &[("file", &self.file), ("title", &self.title)],
        );
    }
}

impl Emit for Provenance {
    fn emit(&self, out: &mut Out<'_>) {
        out.record(
            "Provenance",
            &[("source", &self.source), ("assumption", &self.assumption)],
        );
    }
}

impl Emit for Severity {
    fn emit(&self, out: &mut Out<'_>) {
        out.record(
            "Severity",
            &[
                ("id", &self.id),
                ("label", &self.label),
                ("definition", &self.definition),
            ],
        );
    }
}

impl Emit for NamedSchedule {
    fn emit(&self, out: &mut Out<'_>) {
        out.record(
            "NamedSchedule",
            &[
                ("name", &self.name),
                ("schedule", &self.schedule),
                ("provenance", &self.provenance),
            ],
        );
    }
}

impl Emit for Package {
    fn emit(&self, out: &mut Out<'_>) {
        out.record(
            "Package",
            &[
                ("id", &self.id),
                ("name", &self.name),
                ("summary", &self.summary),
                ("price", &self.price),
                ("price_note", &self.price_note),
                ("channels", &self.channels),
                ("incidents_per_month", &self.incidents_per_month),
                ("coverage", &self.coverage),
                ("regions", &self.regions),
            ],
        );
    }
}

impl Emit for Price {
    fn emit(&self, out: &mut Out<'_>) {
        out.record(
            "Price",
            &[
                ("amount", &self.amount),
                ("period", &self.period),
                ("terms", &self.terms),
            ],
        );
    }
}

impl Emit for Money {
    fn emit(&self, out: &mut Out<'_>) {
        out.record(
            "Money",
            &[("minor", &self.minor), ("currency", &self.currency)],
        );
    }
}

impl Emit for Region {
    fn emit(&self, out: &mut Out<'_>) {
        out.record(
            "Region",
            &[
                ("id", &self.id),
                ("name", &self.name),
                ("coverage", &self.coverage),
            ],
        );
    }
}

impl Emit for TargetSpec {
    fn emit(&self, out: &mut Out<'_>) {
        out.record(
            "TargetSpec",
            &[
                ("id", &self.id),
                ("label", &self.label),
                ("clock", &self.clock),
                ("after", &self.after),
                ("qualifier", &self.qualifier),
                ("measured_by", &self.measured_by),
                ("provenance", &self.provenance),
                ("cells", &self.cells),
            ],
        );
    }
}

impl Emit for Event {
    fn emit(&self, out: &mut Out<'_>) {
        out.raw(match self {
            Event::FirstResponse => "Event::FirstResponse",
            Event::Resolution => "Event::Resolution",
        });
    }
}

impl Emit for ClockRef {
    fn emit(&self, out: &mut Out<'_>) {
        match self {
            ClockRef::Coverage => out.raw("ClockRef::Coverage"),
            ClockRef::Schedule(index) => out.call("ClockRef::Schedule", &[index]),
        }
    }
}

impl Emit for Cell {
    fn emit(&self, out: &mut Out<'_>) {
        out.record(
            "Cell",
            &[
                ("rule", &self.rule),
                ("provenance", &self.provenance),
                ("words", &self.words),
            ],
        );
    }
}

impl Emit for Rule {
    fn emit(&self, out: &mut Out<'_>) {
        match self {
            Rule::Due(amount) => out.call("Rule::Due", &[amount]),
            Rule::Earliest(amount) => out.call("Rule::Earliest", &[amount]),
            Rule::Other(outcome) => out.call("Rule::Other", &[outcome]),
        }
    }
}

impl Emit for Amount {
    fn emit(&self, out: &mut Out<'_>) {
        out.raw("Amount { value: ");
        self.value.emit(out);
        out.raw(", unit: ");
        self.unit.emit(out);
        out.raw(" }");
    }
}

impl Emit for ChargeRule {
    fn emit(&self, out: &mut Out<'_>) {
        out.record(
            "ChargeRule",
            &[
                ("id", &self.id),
                ("label", &self.label),
                ("packages", &self.packages),
                ("rate", &self.rate),
                ("unit", &self.unit),
                ("minimum_minutes", &self.minimum_minutes),
                ("available", &self.available),
                ("billable", &self.billable),
                ("note", &self.note),
                ("provenance", &self.provenance),
            ],
        );
    }
}

impl Emit for RateUnit {
    fn emit(&self, out: &mut Out<'_>) {
        match self {
            RateUnit::Hour(increment) => out.call("RateUnit::Hour", &[increment]),
            RateUnit::Day => out.raw("RateUnit::Day"),
        }
    }
}

impl Emit for Condition {
    fn emit(&self, out: &mut Out<'_>) {
        match self {
            Condition::Always => out.raw("Condition::Always"),
            Condition::Within { schedule, at } => {
                out.record("Condition::Within", &[("schedule", schedule), ("at", at)])
            }
            Condition::Outside { schedule, at } => {
                out.record("Condition::Outside", &[("schedule", schedule), ("at", at)])
            }
            Condition::Severity(indices) => out.call("Condition::Severity", &[indices]),
            Condition::Flag { id, label } => {
                out.record("Condition::Flag", &[("id", id), ("label", label)])
            }
            Condition::Any(items) => out.call("Condition::Any", &[items]),
            Condition::All(items) => out.call("Condition::All", &[items]),
        }
    }
}

impl Emit for Downtime {
    fn emit(&self, out: &mut Out<'_>) {
        out.record(
            "Downtime",
            &[
                ("label", &self.label),
                ("schedule", &self.schedule),
                ("provenance", &self.provenance),
            ],
        );
    }
}

impl Emit for LeadTime {
    fn emit(&self, out: &mut Out<'_>) {
        out.record(
            "LeadTime",
            &[
                ("id", &self.id),
                ("label", &self.label),
                ("amount", &self.amount),
                ("clock", &self.clock),
                ("provenance", &self.provenance),
            ],
        );
    }
}

impl Emit for Fact {
    fn emit(&self, out: &mut Out<'_>) {
        out.record(
            "Fact",
            &[
                ("topic", &self.topic),
                ("text", &self.text),
                ("provenance", &self.provenance),
            ],
        );
    }
}

const HEADER: &str = "\
// GENERATED by `sla-gen` (engine::codegen) from `policies/*.json`; do not
// edit. `scripts/build-site.sh` rewrites it, and a test fails when it is
// stale. (Included by engine/mod.rs, hence no inner doc comments.)

use std::borrow::Cow;

use chrono::{NaiveDate, Weekday};

use super::holidays::{Holiday, HolidayCalendar, HolidayRule, Observed};
use super::policy::*;
use super::time::{Schedule, Window};
use super::zone::Zone;

const fn s(text: &'static str) -> Text {
    Cow::Borrowed(text)
}

// Unused while no calendar lists an explicit date.
#[allow(dead_code)]
const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!(\"generated date\"),
    }
}

const fn window(start: u16, end: u16) -> Window {
    match Window::new(start, end) {
        Some(window) => window,
        None => panic!(\"generated window\"),
    }
}

/// The embedded catalog, as validated when this file was generated.
pub(super) static CATALOG: Catalog = ";

/// The zones every build compiles besides the policies' own: UTC and the
/// display zones the app lists (`present::zone::LISTED`, which the tests
/// use too).
pub fn zone_names<'a>(catalog_zones: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut names: Vec<&str> = ["UTC"]
        .into_iter()
        .chain(crate::present::zone::LISTED)
        .chain(catalog_zones)
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// chrono-tz has no transition before 1800 or after 2099.
const SCAN_FROM: i64 = -5_364_662_400; // 1800-01-01
const SCAN_TO: i64 = 4_133_980_800; // 2101-01-01
/// No two transitions of a zone are this close (the zone tests check each
/// compiled transition against chrono-tz).
const STEP: i64 = 6 * 3600;

/// chrono-tz's offset (seconds east, abbreviation) at a UTC timestamp.
pub fn chrono_tz_offset(tz: chrono_tz::Tz, utc: i64) -> (i32, String) {
    use chrono_tz::{OffsetComponents, OffsetName};
    let at = chrono::DateTime::from_timestamp(utc, 0)
        .unwrap_or_default()
        .with_timezone(&tz);
    let offset = at.offset();
    let seconds = (offset.base_utc_offset() + offset.dst_offset()).num_seconds() as i32;
    (
        seconds,
        offset.abbreviation().unwrap_or_default().to_string(),
    )
}

/// The offset before the first transition, then each transition.
type History = ((i32, String), Vec<(i64, (i32, String))>);

fn history(tz: chrono_tz::Tz) -> History {
    let before = chrono_tz_offset(tz, SCAN_FROM);
    let mut changes = Vec::new();
    let mut current = before.clone();
    let mut at = SCAN_FROM;
    while at < SCAN_TO {
        let next = at + STEP;
        let there = chrono_tz_offset(tz, next);
        if there != current {
            // The first second with the new offset.
            let (mut low, mut high) = (at, next);
            while high - low > 1 {
                let mid = low + (high - low) / 2;
                if chrono_tz_offset(tz, mid) == current {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            changes.push((high, there.clone()));
            current = there;
        }
        at = next;
    }
    (before, changes)
}

/// The text of `zone_data.rs` for these IANA names (sorted, distinct): one
/// table per distinct history, and every name with its table. Errors name
/// a zone chrono-tz lacks.
pub fn zone_source(names: &[&str]) -> Result<String, String> {
    let mut histories: Vec<(History, &str)> = Vec::new();
    let mut named = Vec::new();
    for name in names {
        let tz: chrono_tz::Tz = name.parse().map_err(|_| {
            format!("unknown time zone {name:?} (expected an IANA name such as Europe/Berlin)")
        })?;
        let h = history(tz);
        let index = match histories.iter().position(|(seen, _)| *seen == h) {
            Some(i) => i,
            None => {
                histories.push((h, name));
                histories.len() - 1
            }
        };
        named.push((name, index));
    }
    if named.len() > 256 {
        return Err(format!(
            "{} time zones: at most 256 fit a build (zone indices are u8)",
            named.len()
        ));
    }
    let mut out = String::from(
        "// GENERATED by `sla-gen` (engine::codegen) from chrono-tz, for the zones\n\
         // the policies name plus UTC and the listed display zones; do not edit.\n\
         // A test fails when it is stale.\n\n\
         use super::zone::Table;\n\n",
    );
    out += &format!(
        "pub(super) const TABLES: [Table; {}] = [\n",
        histories.len()
    );
    for ((before, changes), name) in &histories {
        let mut offsets = vec![before.clone()];
        for (_, o) in changes {
            if !offsets.contains(o) {
                offsets.push(o.clone());
            }
        }
        let index = |o: &(i32, String)| offsets.iter().position(|x| x == o).unwrap_or(0);
        let spans: Vec<String> = std::iter::once(before)
            .chain(changes.iter().map(|(_, o)| o))
            .map(|o| index(o).to_string())
            .collect();
        let mut gaps = Vec::new();
        for w in changes.windows(2) {
            let gap = i32::try_from(w[1].0 - w[0].0)
                .map_err(|_| format!("{name}: a gap between transitions exceeds i32"))?;
            gaps.push(gap.to_string());
        }
        let offsets: Vec<String> = offsets
            .iter()
            .map(|(s, a)| format!("({s}, {a:?})"))
            .collect();
        let wrap = |items: &[String]| {
            items
                .chunks(10)
                .map(|c| format!("            {},\n", c.join(", ")))
                .collect::<String>()
        };
        out += &format!("    // {name}\n    Table {{\n");
        out += &format!("        offsets: &[\n{}        ],\n", wrap(&offsets));
        out += &format!("        first: {},\n", changes.first().map_or(0, |c| c.0));
        out += &format!("        gaps: &[\n{}        ],\n", wrap(&gaps));
        out += &format!("        spans: &[\n{}        ],\n", wrap(&spans));
        out += "    },\n";
    }
    out += "];\n\n";
    out += &format!(
        "pub(super) const NAMES: [(&str, u8); {}] = [\n",
        named.len()
    );
    for (name, index) in &named {
        out += &format!("    ({name:?}, {index}),\n");
    }
    out += "];\n";
    Ok(out)
}

/// Every zone a catalog's schedules name.
pub fn catalog_zones(catalog: &Catalog) -> Vec<&'static str> {
    catalog
        .policies()
        .iter()
        .flat_map(|p| p.schedules.iter().map(|s| s.schedule.zone().name()))
        .collect()
}

/// Compares a generated file (`path` from the crate root) with what it
/// should hold; when they differ, rewrites it and fails, so a stale copy
/// cannot land and one more `cargo test` run picks the new one up.
#[cfg(test)]
pub(super) fn check_generated(path: &str, want: &str) {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let have = std::fs::read_to_string(&full).unwrap_or_default();
    if have != want {
        std::fs::write(&full, want).unwrap_or_else(|e| panic!("{path}: {e}"));
        panic!("{path} was stale and has been rewritten; run cargo test again");
    }
}

/// The text of `catalog_data.rs` for a catalog; `zones` name the zones
/// of schedules that were loaded as UTC.
pub fn catalog_source(catalog: &Catalog, zones: &[ZoneName]) -> String {
    let mut out = Out {
        text: HEADER.to_string(),
        depth: 0,
        policy: String::new(),
        zones,
    };
    catalog.emit(&mut out);
    out.raw(";\n");
    out.text
}

#[cfg(test)]
mod tests {
    use super::*;

    const PATH: &str = "src/engine/catalog_data.rs";

    /// policies/*.json, read, checked and loaded as the site build does
    /// (`sla-gen`), so a file put in place and built is what the committed
    /// catalog must hold.
    fn built() -> crate::generate::Built {
        let options = crate::generate::Options {
            policies: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("policies"),
            ..Default::default()
        };
        crate::generate::build(&options).unwrap_or_else(|lines| panic!("{}", lines.join("\n")))
    }

    fn from_json() -> Catalog {
        built().catalog
    }

    #[test]
    fn generated_catalog_is_fresh() {
        check_generated(PATH, &built().sources().unwrap().0);
    }

    /// The committed tables hold exactly the zones the committed catalog
    /// names, UTC and the listed display zones.
    #[test]
    fn generated_zones_are_fresh() {
        check_generated("src/engine/zone_data.rs", &built().sources().unwrap().1);
    }

    #[test]
    fn a_zone_chrono_tz_lacks_is_named() {
        assert_eq!(
            zone_source(&["Mars/Olympus_Mons"]).unwrap_err(),
            "unknown time zone \"Mars/Olympus_Mons\" (expected an IANA name such as Europe/Berlin)"
        );
    }

    /// A zone replaced for loading is written by its real name.
    #[test]
    fn replaced_zones_are_written_by_name() {
        let catalog = from_json();
        let policy = &catalog.policies()[0];
        let schedule = policy.schedules[0].schedule.id().to_string();
        let text = catalog_source(
            &catalog,
            &[(policy.id.to_string(), schedule, "Pacific/Auckland".into())],
        );
        assert_eq!(text.matches("Zone::known(\"Pacific/Auckland\")").count(), 1);
    }

    #[test]
    fn generated_catalog_equals_the_json() {
        assert_eq!(
            format!("{:#?}", super::super::catalog_data::CATALOG),
            format!("{:#?}", from_json()),
        );
    }
}
