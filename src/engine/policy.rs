//! Validated policy types. Built once by [`super::load`] from the raw JSON
//! mirror; every reference inside is an index that the loader has checked.

use std::borrow::Cow;

use super::holidays::HolidayCalendar;
use super::time::Schedule;

/// Text of a policy: borrowed from the binary in the embedded catalog
/// (a `static`, so the wasm builds nothing at start), owned when loaded.
pub type Text = Cow<'static, str>;
/// A list in a policy, borrowed or owned like [`Text`].
pub type List<T> = Cow<'static, [T]>;

/// Where a fact comes from and, when the reading is ours, the assumption.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Provenance {
    /// Section of the source document.
    pub source: Text,
    /// One sentence, present when the policy is silent and we decided.
    pub assumption: Option<Text>,
}

/// A result that is not a deadline, or the kind of deadline it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    Deadline,
    /// A lower bound: "not before".
    Earliest,
    BestEffort,
    Asap,
    AsNeeded,
    NextRelease,
    /// Worked around the clock until resolved.
    Continuous,
    NoneStated,
    NotOffered,
    /// Recurring reports whose cadence the policy does not state.
    Periodic,
}

impl Outcome {
    pub const ALL: [Outcome; 10] = [
        Outcome::Deadline,
        Outcome::Earliest,
        Outcome::BestEffort,
        Outcome::Asap,
        Outcome::AsNeeded,
        Outcome::NextRelease,
        Outcome::Continuous,
        Outcome::NoneStated,
        Outcome::NotOffered,
        Outcome::Periodic,
    ];
    /// The identifier used in JSON, URLs, data attributes and `sla batch`.
    pub fn id(self) -> &'static str {
        match self {
            Outcome::Deadline => "deadline",
            Outcome::Earliest => "earliest",
            Outcome::BestEffort => "best_effort",
            Outcome::Asap => "asap",
            Outcome::AsNeeded => "as_needed",
            Outcome::NextRelease => "next_release",
            Outcome::Continuous => "continuous",
            Outcome::NoneStated => "none_stated",
            Outcome::NotOffered => "not_offered",
            Outcome::Periodic => "periodic",
        }
    }
    pub fn from_id(id: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.id() == id)
    }
    /// How the outcome reads to a user when there is no date.
    pub fn describe(self) -> &'static str {
        match self {
            Outcome::Deadline => "due by a date",
            Outcome::Earliest => "not before a date",
            Outcome::BestEffort => "best effort, no committed time",
            Outcome::Asap => "as soon as possible, no committed time",
            Outcome::AsNeeded => "as needed",
            Outcome::NextRelease => "in the next release",
            Outcome::Continuous => "worked around the clock until resolved",
            Outcome::NoneStated => "the policy sets no target",
            Outcome::NotOffered => "not included in this package",
            Outcome::Periodic => "periodic, cadence not stated",
        }
    }
}

/// The unit a target is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Elapsed hours; the schedule does not matter.
    ClockHours,
    /// "N days" in a 24x7 policy: N x 24 elapsed hours.
    ClockDays,
    /// Hours inside the schedule's open windows.
    BusinessHours,
    /// Close of the Nth business day after the opening day.
    BusinessDays,
}

impl Unit {
    pub const ALL: [Unit; 4] = [
        Unit::ClockHours,
        Unit::ClockDays,
        Unit::BusinessHours,
        Unit::BusinessDays,
    ];
    pub fn id(self) -> &'static str {
        match self {
            Unit::ClockHours => "clock_hours",
            Unit::ClockDays => "clock_days",
            Unit::BusinessHours => "business_hours",
            Unit::BusinessDays => "business_days",
        }
    }
    pub fn from_id(id: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.id() == id)
    }
    /// "business hours", "clock hour"...
    pub fn words(self, value: u32) -> &'static str {
        let one = value == 1;
        match self {
            Unit::ClockHours if one => "clock hour",
            Unit::ClockHours => "clock hours",
            Unit::ClockDays if one => "day (24 clock hours)",
            Unit::ClockDays => "days (24 clock hours each)",
            Unit::BusinessHours if one => "business hour",
            Unit::BusinessHours => "business hours",
            Unit::BusinessDays if one => "business day",
            Unit::BusinessDays => "business days",
        }
    }
    /// True when the schedule's windows and holidays matter.
    pub fn is_business(self) -> bool {
        matches!(self, Unit::BusinessHours | Unit::BusinessDays)
    }
}

/// A quantity of time in a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Amount {
    pub value: u32,
    pub unit: Unit,
}

impl std::fmt::Display for Amount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.value, self.unit.words(self.value))
    }
}

/// What one cell of a target table says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Due(Amount),
    Earliest(Amount),
    Other(Outcome),
}

impl Rule {
    pub fn outcome(self) -> Outcome {
        match self {
            Rule::Due(_) => Outcome::Deadline,
            Rule::Earliest(_) => Outcome::Earliest,
            Rule::Other(outcome) => outcome,
        }
    }
    pub fn amount(self) -> Option<Amount> {
        match self {
            Rule::Due(a) | Rule::Earliest(a) => Some(a),
            Rule::Other(_) => None,
        }
    }
}

/// One cell: the rule, plus provenance that overrides the target's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub rule: Rule,
    pub provenance: Option<Provenance>,
    /// The policy's own words for a result without a date, where the
    /// outcome's generic words would lose a condition it states.
    pub words: Option<Text>,
}

/// Which schedule business units of a target count on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockRef {
    /// The package's (or region's) coverage schedule.
    Coverage,
    /// A named schedule of the policy (index).
    Schedule(usize),
}

/// The ticket event that meets a target, for an audit of tickets
/// (`"measured_by"` in the policy data).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Event {
    /// The first reply to the customer.
    FirstResponse,
    /// The ticket marked resolved (solved).
    Resolution,
}

impl Event {
    pub const ALL: [Event; 2] = [Event::FirstResponse, Event::Resolution];
    /// The identifier used in the policy files.
    pub fn id(self) -> &'static str {
        match self {
            Event::FirstResponse => "first_response",
            Event::Resolution => "resolution",
        }
    }
    pub fn from_id(id: &str) -> Option<Event> {
        Event::ALL.into_iter().find(|e| e.id() == id)
    }
}

/// A target row (first response, resolution...) across packages and severities.
#[derive(Debug, Clone)]
pub struct TargetSpec {
    pub(crate) id: Text,
    pub(crate) label: Text,
    pub(crate) clock: ClockRef,
    /// Recurring: counted from the due time of this earlier target (index).
    pub(crate) after: Option<usize>,
    /// A word the UI shows beside a dated target ("best effort").
    pub(crate) qualifier: Option<Text>,
    /// The ticket event an audit measures it by; `None`: not measured.
    pub(crate) measured_by: Option<Event>,
    pub(crate) provenance: Provenance,
    /// `cells[package][severity]`.
    pub(crate) cells: List<List<Cell>>,
}

impl TargetSpec {
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn label(&self) -> &str {
        &self.label
    }
    pub fn clock(&self) -> ClockRef {
        self.clock
    }
    pub fn after(&self) -> Option<usize> {
        self.after
    }
    pub fn qualifier(&self) -> Option<&str> {
        self.qualifier.as_deref()
    }
    /// The ticket event an audit measures this target by (never set on a
    /// recurring target); `None` when no event measures it.
    pub fn measured_by(&self) -> Option<Event> {
        self.measured_by
    }
    /// Recurring: counted from an earlier target, or periodic in some cell.
    pub fn recurs(&self) -> bool {
        self.after.is_some()
            || self
                .cells
                .iter()
                .flat_map(|row| row.iter())
                .any(|cell| cell.rule.outcome() == Outcome::Periodic)
    }
    pub fn provenance(&self) -> &Provenance {
        &self.provenance
    }
    pub fn cell(&self, package: usize, severity: usize) -> &Cell {
        &self.cells[package][severity]
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Severity {
    pub(crate) id: Text,
    pub(crate) label: Text,
    pub(crate) definition: Text,
}

impl Severity {
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn label(&self) -> &str {
        &self.label
    }
    pub fn definition(&self) -> &str {
        &self.definition
    }
}

/// A coverage region of a package (NextPlane: US or EMEA hours).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub(crate) id: Text,
    pub(crate) name: Text,
    pub(crate) coverage: usize,
}

impl Region {
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn name(&self) -> &str {
        &self.name
    }
    /// Index of the coverage schedule.
    pub fn coverage(&self) -> usize {
        self.coverage
    }
}

/// An amount of money in minor units (cents) of a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

/// The currencies the policies use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Currency {
    Usd,
    Eur,
}

impl Currency {
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
        }
    }
    pub fn from_code(code: &str) -> Option<Currency> {
        match code {
            "USD" => Some(Currency::Usd),
            "EUR" => Some(Currency::Eur),
            _ => None,
        }
    }
    /// The prefix written before amounts ("US$", "€").
    pub fn symbol(self) -> &'static str {
        match self {
            Currency::Usd => "US$",
            Currency::Eur => "€",
        }
    }
}

/// A package's list price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Price {
    pub amount: Money,
    /// "month", "year"...
    pub period: Text,
    /// Extra terms ("billed annually").
    pub terms: Option<Text>,
}

/// A support package or tier.
#[derive(Debug, Clone)]
pub struct Package {
    pub(crate) id: Text,
    pub(crate) name: Text,
    pub(crate) summary: Text,
    pub(crate) price: Option<Price>,
    pub(crate) price_note: Option<Text>,
    pub(crate) channels: List<Text>,
    pub(crate) incidents_per_month: Option<u32>,
    pub(crate) coverage: usize,
    pub(crate) regions: List<Region>,
}

impl Package {
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn summary(&self) -> &str {
        &self.summary
    }
    pub fn price(&self) -> Option<&Price> {
        self.price.as_ref()
    }
    pub fn price_note(&self) -> Option<&str> {
        self.price_note.as_deref()
    }
    pub fn channels(&self) -> &[Text] {
        &self.channels
    }
    pub fn incidents_per_month(&self) -> Option<u32> {
        self.incidents_per_month
    }
    /// Coverage regions; empty when the package has one schedule.
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }
    /// The coverage schedule for a region (index into `regions`), or the
    /// package's own when it has no regions. The first region is the default.
    pub fn coverage(&self, region: Option<usize>) -> usize {
        match self.regions.get(region.unwrap_or(0)) {
            Some(r) => r.coverage,
            None => self.coverage,
        }
    }
}

/// A named schedule with its display name and provenance.
#[derive(Debug, Clone)]
pub struct NamedSchedule {
    pub(crate) name: Text,
    pub(crate) schedule: Schedule,
    pub(crate) provenance: Provenance,
}

impl NamedSchedule {
    pub fn id(&self) -> &str {
        self.schedule.id()
    }
    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }
    pub fn provenance(&self) -> &Provenance {
        &self.provenance
    }
}

/// The instant a time condition is judged at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// When the ticket was opened (the customer's contact).
    Opened,
    /// When the work starts (default: the opening).
    WorkStart,
}

impl Moment {
    /// The identifier used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Moment::Opened => "opened",
            Moment::WorkStart => "work",
        }
    }
    pub fn from_id(id: &str) -> Option<Moment> {
        [Moment::Opened, Moment::WorkStart]
            .into_iter()
            .find(|m| m.id() == id)
    }
}

/// When a charge applies, as a tree of conditions on the ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    Always,
    /// Inside this schedule's open hours (index) at the moment.
    Within {
        schedule: usize,
        at: Moment,
    },
    /// Outside this schedule's open hours (index) at the moment.
    Outside {
        schedule: usize,
        at: Moment,
    },
    /// The ticket's severity is one of these (indices).
    Severity(List<usize>),
    /// A fact only the user knows ("priority handling requested").
    Flag {
        id: Text,
        label: Text,
    },
    Any(List<Condition>),
    All(List<Condition>),
}

/// How billed time is rounded up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Increment {
    Minute,
    HalfHour,
    Hour,
}

impl Increment {
    pub fn minutes(self) -> u32 {
        match self {
            Increment::Minute => 1,
            Increment::HalfHour => 30,
            Increment::Hour => 60,
        }
    }
    /// Minutes of work as billed: rounded up to a whole increment.
    ///
    /// ```
    /// use sla::engine::policy::Increment;
    /// assert_eq!(Increment::HalfHour.billed(31), 60);
    /// assert_eq!(Increment::HalfHour.billed(30), 30);
    /// assert_eq!(Increment::Hour.billed(0), 0);
    /// ```
    pub fn billed(self, minutes: u32) -> u32 {
        let step = self.minutes();
        minutes.div_ceil(step) * step
    }
    pub fn id(self) -> &'static str {
        match self {
            Increment::Minute => "minute",
            Increment::HalfHour => "half_hour",
            Increment::Hour => "hour",
        }
    }
    pub fn from_id(id: &str) -> Option<Increment> {
        [Increment::Minute, Increment::HalfHour, Increment::Hour]
            .into_iter()
            .find(|i| i.id() == id)
    }
}

/// What a rate is charged per.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateUnit {
    /// Per hour of work, rounded up to the increment.
    Hour(Increment),
    /// Per whole day.
    Day,
}

/// A billable service and how it is charged.
#[derive(Debug, Clone)]
pub struct ChargeRule {
    pub(crate) id: Text,
    pub(crate) label: Text,
    /// Package indices it is offered on; empty means all.
    pub(crate) packages: List<usize>,
    /// `None` when the policy says a fee exists but not its amount.
    pub(crate) rate: Option<Money>,
    pub(crate) unit: RateUnit,
    pub(crate) minimum_minutes: u32,
    /// The service is only provided inside this schedule (index).
    pub(crate) available: Option<usize>,
    pub(crate) billable: Condition,
    pub(crate) note: Option<Text>,
    pub(crate) provenance: Provenance,
}

impl ChargeRule {
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn label(&self) -> &str {
        &self.label
    }
    pub fn rate(&self) -> Option<Money> {
        self.rate
    }
    pub fn unit(&self) -> RateUnit {
        self.unit
    }
    pub fn minimum_minutes(&self) -> u32 {
        self.minimum_minutes
    }
    pub fn available(&self) -> Option<usize> {
        self.available
    }
    pub fn billable(&self) -> &Condition {
        &self.billable
    }
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
    pub fn provenance(&self) -> &Provenance {
        &self.provenance
    }
    pub fn offered_on(&self, package: usize) -> bool {
        self.packages.is_empty() || self.packages.contains(&package)
    }
    /// True when an instant decides the charge (availability, or hours
    /// within or outside a schedule): then the work start matters.
    pub fn judges_time(&self) -> bool {
        fn timed(condition: &Condition) -> bool {
            match condition {
                Condition::Within { .. } | Condition::Outside { .. } => true,
                Condition::Any(items) | Condition::All(items) => items.iter().any(timed),
                _ => false,
            }
        }
        self.available.is_some() || timed(&self.billable)
    }
    /// The user flags this rule's condition mentions, in order.
    pub fn flags(&self) -> Vec<(&str, &str)> {
        fn collect<'a>(condition: &'a Condition, out: &mut Vec<(&'a str, &'a str)>) {
            match condition {
                Condition::Flag { id, label } => out.push((id, label)),
                Condition::Any(items) | Condition::All(items) => {
                    items.iter().for_each(|c| collect(c, out))
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        collect(&self.billable, &mut out);
        out
    }
}

/// A recurring window in which the vendor performs maintenance.
#[derive(Debug, Clone)]
pub struct Downtime {
    pub(crate) label: Text,
    pub(crate) schedule: usize,
    pub(crate) provenance: Provenance,
}

impl Downtime {
    pub fn label(&self) -> &str {
        &self.label
    }
    pub fn schedule(&self) -> usize {
        self.schedule
    }
    pub fn provenance(&self) -> &Provenance {
        &self.provenance
    }
}

/// A notice period counted from the request ("3 business days in advance").
#[derive(Debug, Clone)]
pub struct LeadTime {
    pub(crate) id: Text,
    pub(crate) label: Text,
    pub(crate) amount: Amount,
    pub(crate) clock: usize,
    pub(crate) provenance: Provenance,
}

impl LeadTime {
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn label(&self) -> &str {
        &self.label
    }
    pub fn amount(&self) -> Amount {
        self.amount
    }
    pub fn clock(&self) -> usize {
        self.clock
    }
    pub fn provenance(&self) -> &Provenance {
        &self.provenance
    }
}

/// Any other entitlement fact the document states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub topic: Text,
    pub text: Text,
    pub provenance: Provenance,
}

/// Where the policy was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDocument {
    pub file: Text,
    pub title: Text,
}

/// One vendor's support policy.
#[derive(Debug, Clone)]
pub struct Policy {
    pub(crate) id: Text,
    pub(crate) name: Text,
    pub(crate) source: SourceDocument,
    pub(crate) currency: Currency,
    pub(crate) severities: List<Severity>,
    pub(crate) schedules: List<NamedSchedule>,
    pub(crate) packages: List<Package>,
    pub(crate) targets: List<TargetSpec>,
    pub(crate) charges: List<ChargeRule>,
    pub(crate) downtime: Option<Downtime>,
    pub(crate) lead_times: List<LeadTime>,
    pub(crate) facts: List<Fact>,
}

impl Policy {
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn source(&self) -> &SourceDocument {
        &self.source
    }
    pub fn currency(&self) -> Currency {
        self.currency
    }
    pub fn severities(&self) -> &[Severity] {
        &self.severities
    }
    pub fn schedules(&self) -> &[NamedSchedule] {
        &self.schedules
    }
    pub fn schedule(&self, index: usize) -> &NamedSchedule {
        &self.schedules[index]
    }
    pub fn packages(&self) -> &[Package] {
        &self.packages
    }
    pub fn targets(&self) -> &[TargetSpec] {
        &self.targets
    }
    pub fn charges(&self) -> &[ChargeRule] {
        &self.charges
    }
    pub fn downtime(&self) -> Option<&Downtime> {
        self.downtime.as_ref()
    }
    pub fn lead_times(&self) -> &[LeadTime] {
        &self.lead_times
    }
    pub fn facts(&self) -> &[Fact] {
        &self.facts
    }
    pub fn package_index(&self, id: &str) -> Option<usize> {
        self.packages.iter().position(|p| p.id == id)
    }
    pub fn severity_index(&self, id: &str) -> Option<usize> {
        self.severities.iter().position(|s| s.id == id)
    }
}

/// All policies and the holiday calendars they share.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub(crate) policies: List<Policy>,
    pub(crate) calendars: List<HolidayCalendar>,
}

impl Catalog {
    pub fn policies(&self) -> &[Policy] {
        &self.policies
    }
    pub fn calendars(&self) -> &[HolidayCalendar] {
        &self.calendars
    }
    pub fn calendar(&self, index: usize) -> &HolidayCalendar {
        &self.calendars[index]
    }
    pub fn policy(&self, id: &str) -> Option<&Policy> {
        self.policies.iter().find(|p| p.id == id)
    }
}
