//! Writes `catalog_data.rs`: the embedded policies as a `static` validated
//! [`Catalog`], so the wasm neither parses nor builds anything at start. The JSON files stay the source of
//! truth; this exists so the shipped wasm carries neither a JSON parser nor
//! the validation code (about 30 KB brotli). Test-only: the test below
//! regenerates the file and fails when it was stale, rust-analyzer style
//! (`check_generated`, which `engine::zone`'s generated tables use too).

use chrono::{Datelike, NaiveDate, Weekday};

use super::holidays::{Holiday, HolidayCalendar, HolidayRule, Observed};
use super::policy::*;
use super::time::{Schedule, Window};
use super::zone::Zone;

/// Rust source being written, with indentation.
struct Out {
    text: String,
    depth: usize,
}

impl Out {
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
    fn emit(&self, out: &mut Out);
}

macro_rules! emit_display {
    ($($t:ty),*) => {$(
        impl Emit for $t {
            fn emit(&self, out: &mut Out) {
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
            fn emit(&self, out: &mut Out) {
                out.raw(&format!(concat!(stringify!($t), "::{:?}"), self));
            }
        }
    )*};
}
emit_variant!(Weekday, Observed, Currency, Outcome, Unit, Increment, Moment);

impl Emit for Text {
    fn emit(&self, out: &mut Out) {
        out.raw(&format!("s({self:?})"));
    }
}

impl<T: Emit> Emit for Option<T> {
    fn emit(&self, out: &mut Out) {
        match self {
            None => out.raw("None"),
            Some(value) => out.call("Some", &[value]),
        }
    }
}

impl<T: Emit + Clone> Emit for List<T> {
    fn emit(&self, out: &mut Out) {
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
    fn emit(&self, out: &mut Out) {
        out.call("date", &[&self.year(), &self.month(), &self.day()]);
    }
}

impl Emit for Zone {
    fn emit(&self, out: &mut Out) {
        out.raw(&format!("Zone::known({:?})", self.name()));
    }
}

impl Emit for Window {
    fn emit(&self, out: &mut Out) {
        out.call("window", &[&self.start(), &self.end()]);
    }
}

impl Emit for Schedule {
    fn emit(&self, out: &mut Out) {
        out.open("Schedule::new(");
        out.line();
        Text::from(self.id().to_string()).emit(out);
        out.raw(",");
        out.line();
        self.zone().emit(out);
        out.raw(",");
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
    fn emit(&self, out: &mut Out) {
        out.record(
            "Catalog",
            &[("policies", &self.policies), ("calendars", &self.calendars)],
        );
    }
}

impl Emit for HolidayCalendar {
    fn emit(&self, out: &mut Out) {
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
    fn emit(&self, out: &mut Out) {
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
    fn emit(&self, out: &mut Out) {
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
    fn emit(&self, out: &mut Out) {
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
    fn emit(&self, out: &mut Out) {
        out.record(
            "SourceDocument",
            &[("file", &self.file), ("title", &self.title)],
        );
    }
}

impl Emit for Provenance {
    fn emit(&self, out: &mut Out) {
        out.record(
            "Provenance",
            &[("source", &self.source), ("assumption", &self.assumption)],
        );
    }
}

impl Emit for Severity {
    fn emit(&self, out: &mut Out) {
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
    fn emit(&self, out: &mut Out) {
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
    fn emit(&self, out: &mut Out) {
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
    fn emit(&self, out: &mut Out) {
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
    fn emit(&self, out: &mut Out) {
        out.record(
            "Money",
            &[("minor", &self.minor), ("currency", &self.currency)],
        );
    }
}

impl Emit for Region {
    fn emit(&self, out: &mut Out) {
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
    fn emit(&self, out: &mut Out) {
        out.record(
            "TargetSpec",
            &[
                ("id", &self.id),
                ("label", &self.label),
                ("clock", &self.clock),
                ("after", &self.after),
                ("qualifier", &self.qualifier),
                ("provenance", &self.provenance),
                ("cells", &self.cells),
            ],
        );
    }
}

impl Emit for ClockRef {
    fn emit(&self, out: &mut Out) {
        match self {
            ClockRef::Coverage => out.raw("ClockRef::Coverage"),
            ClockRef::Schedule(index) => out.call("ClockRef::Schedule", &[index]),
        }
    }
}

impl Emit for Cell {
    fn emit(&self, out: &mut Out) {
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
    fn emit(&self, out: &mut Out) {
        match self {
            Rule::Due(amount) => out.call("Rule::Due", &[amount]),
            Rule::Earliest(amount) => out.call("Rule::Earliest", &[amount]),
            Rule::Other(outcome) => out.call("Rule::Other", &[outcome]),
        }
    }
}

impl Emit for Amount {
    fn emit(&self, out: &mut Out) {
        out.raw("Amount { value: ");
        self.value.emit(out);
        out.raw(", unit: ");
        self.unit.emit(out);
        out.raw(" }");
    }
}

impl Emit for ChargeRule {
    fn emit(&self, out: &mut Out) {
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
    fn emit(&self, out: &mut Out) {
        match self {
            RateUnit::Hour(increment) => out.call("RateUnit::Hour", &[increment]),
            RateUnit::Day => out.raw("RateUnit::Day"),
        }
    }
}

impl Emit for Condition {
    fn emit(&self, out: &mut Out) {
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
    fn emit(&self, out: &mut Out) {
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
    fn emit(&self, out: &mut Out) {
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
    fn emit(&self, out: &mut Out) {
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
//! GENERATED by `cargo test` (engine::codegen) from `policies/*.json`; do
//! not edit. The test that writes it fails when it changed, so a stale
//! copy cannot land.

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

/// Compares a generated file (`path` from the crate root) with what it
/// should hold; when they differ, rewrites it and fails, so a stale copy
/// cannot land and one more `cargo test` run picks the new one up.
pub(super) fn check_generated(path: &str, want: &str) {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let have = std::fs::read_to_string(&full).unwrap_or_default();
    if have != want {
        std::fs::write(&full, want).unwrap_or_else(|e| panic!("{path}: {e}"));
        panic!("{path} was stale and has been rewritten; run cargo test again");
    }
}

/// The text of `catalog_data.rs` for a catalog.
fn source(catalog: &Catalog) -> String {
    let mut out = Out {
        text: HEADER.to_string(),
        depth: 0,
    };
    catalog.emit(&mut out);
    out.raw(";\n");
    out.text
}

#[cfg(test)]
mod tests {
    use super::super::load;
    use super::*;

    const PATH: &str = "src/engine/catalog_data.rs";

    /// The embedded JSON, loaded and validated the slow way.
    fn from_json() -> Catalog {
        load::load_catalog(load::EMBEDDED_CALENDARS, &load::EMBEDDED_POLICIES)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn generated_catalog_is_fresh() {
        check_generated(PATH, &source(&from_json()));
    }

    #[test]
    fn generated_catalog_equals_the_json() {
        assert_eq!(
            format!("{:#?}", super::super::catalog_data::CATALOG),
            format!("{:#?}", from_json()),
        );
    }
}
