//! Charge estimates in integer minor units: rate, rounding increment,
//! minimum, the hours in which a service is available or billable, and the
//! rule behind every line.

use super::deadline::Selection;
use super::holidays::HolidayEdits;
use super::policy::*;
use super::time::{self, Instant, OpenState};

/// What the user says about the work.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Work {
    /// Minutes of work, for hourly rates.
    pub minutes: u32,
    /// Whole days, for daily rates.
    pub days: u32,
    /// Ids of the facts only the user knows that hold for this ticket.
    pub flags: Vec<String>,
    /// When the work starts; `None`: when the ticket was opened.
    pub starts: Option<Instant>,
}

/// A time condition as judged for a ticket: which schedule, at which
/// moment and instant, and whether that instant was inside its hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judged {
    pub schedule: usize,
    pub moment: Moment,
    pub at: Instant,
    pub open: bool,
}

/// One line of an estimate and the rule that produced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub label: String,
    pub amount: Money,
    pub rule: String,
}

/// Whether and why a service is charged for this ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Billing {
    /// Charged; the reason names the condition that made it so.
    Billable { reason: String },
    /// Not charged for this ticket.
    NotBillable { reason: String },
    /// The service is not provided when the work starts.
    Unavailable {
        hours: String,
        opens: Option<Instant>,
    },
    /// The policy says a fee exists but not its amount.
    AmountNotStated,
}

/// The estimate for one service.
#[derive(Debug, Clone)]
pub struct Estimate<'c> {
    pub rule: &'c ChargeRule,
    pub billing: Billing,
    pub lines: Vec<Line>,
    /// Sum of the lines; `None` when the amount is not stated.
    pub total: Option<Money>,
    /// Every time condition judged (availability first), in rule order.
    pub judged: Vec<Judged>,
}

/// The charge rules offered on the selection's package, with their index.
pub fn offered<'c>(
    selection: &Selection<'c>,
) -> impl Iterator<Item = (usize, &'c ChargeRule)> + 'c {
    let package = selection.package;
    selection
        .policy
        .charges()
        .iter()
        .enumerate()
        .filter(move |(_, rule)| rule.offered_on(package))
}

/// The ticket's moments and calendar, as charge conditions read them.
struct Ctx<'a, 'c> {
    selection: &'a Selection<'c>,
    opened: Instant,
    starts: Instant,
    edits: &'a HolidayEdits,
    flags: &'a [String],
    judged: Vec<Judged>,
}

impl Ctx<'_, '_> {
    fn instant(&self, moment: Moment) -> Instant {
        match moment {
            Moment::Opened => self.opened,
            Moment::WorkStart => self.starts,
        }
    }
    /// Whether the schedule is open at the moment, on the same calendar
    /// (holidays and the user's edits) as the deadlines; remembered.
    fn judge(&mut self, schedule: usize, moment: Moment) -> (bool, OpenState) {
        let at = self.instant(moment);
        let state = time::open_state(self.selection.hours(schedule, self.edits), at);
        let open = matches!(state, OpenState::Open { .. });
        let judged = Judged {
            schedule,
            moment,
            at,
            open,
        };
        if !self.judged.contains(&judged) {
            self.judged.push(judged);
        }
        (open, state)
    }
}

/// Evaluates a condition and says why, in words.
fn evaluate(condition: &Condition, cx: &mut Ctx<'_, '_>) -> (bool, String) {
    let selection = cx.selection;
    let hours_name = |s: usize| selection.policy.schedule(s).name().to_string();
    match condition {
        Condition::Always => (true, "charged for all work".into()),
        Condition::Within { schedule, at } | Condition::Outside { schedule, at } => {
            let (open, _) = cx.judge(*schedule, *at);
            let place = if open { "within" } else { "outside" };
            let holds = open == matches!(condition, Condition::Within { .. });
            let subject = match at {
                Moment::Opened => "opened",
                Moment::WorkStart => "work starts",
            };
            (
                holds,
                format!("{subject} {place} {}", hours_name(*schedule)),
            )
        }
        Condition::Severity(list) => {
            let label = selection.severity().label();
            let holds = list.contains(&selection.severity);
            (holds, format!("severity is {label}"))
        }
        Condition::Flag { id, label } => {
            let holds = cx.flags.iter().any(|f| f == id);
            let text = if holds {
                format!("\u{201c}{label}\u{201d}")
            } else {
                format!("\u{201c}{label}\u{201d} does not apply")
            };
            (holds, text)
        }
        Condition::Any(items) | Condition::All(items) => {
            let any = matches!(condition, Condition::Any(_));
            let results: Vec<(bool, String)> = items.iter().map(|c| evaluate(c, cx)).collect();
            let holds = if any {
                results.iter().any(|r| r.0)
            } else {
                results.iter().all(|r| r.0)
            };
            // Explain with the items that decided the result.
            let deciding: Vec<&str> = results
                .iter()
                .filter(|r| r.0 == holds)
                .map(|r| r.1.as_str())
                .collect();
            let joiner = if any == holds { " or " } else { " and " };
            let reasons: Vec<&str> = if any == holds {
                deciding.into_iter().take(1).collect()
            } else {
                deciding
            };
            (holds, super::join(&reasons, joiner))
        }
    }
}

/// `rate` per hour for `minutes`, rounded half up to the minor unit. Rates
/// are never negative (validated). With `rate` = 60 q + r the product is
/// 60 q m + r m, so only r m (under 2^38) is divided: exact in `i64`,
/// without the 128-bit division routine in the wasm.
fn hourly(rate: i64, minutes: u32) -> i64 {
    let minutes = i64::from(minutes);
    let (whole, rest) = (rate / 60, rate % 60);
    whole
        .saturating_mul(minutes)
        .saturating_add((rest * minutes + 30) / 60)
}

/// "1 h 30 min", "45 min", "2 h".
pub fn format_minutes(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// Formats minor units with the currency's symbol: "US$1,250.00".
pub fn format_money(money: Money) -> String {
    let sign = if money.minor < 0 { "-" } else { "" };
    let abs = money.minor.unsigned_abs();
    let units = (abs / 100).to_string();
    let mut grouped = String::with_capacity(units.len() + units.len() / 3);
    for (i, c) in units.chars().enumerate() {
        if i > 0 && (units.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!(
        "{sign}{}{grouped}.{:02}",
        money.currency.symbol(),
        abs % 100
    )
}

fn increment_words(increment: Increment) -> &'static str {
    match increment {
        Increment::Minute => "prorated by the minute",
        Increment::HalfHour => "rounded up to the next half hour",
        Increment::Hour => "rounded up to the next full hour",
    }
}

/// The lines the rule's rate gives for the work, whether or not this
/// ticket is billed (what it would cost); `None` when the policy states no
/// amount.
pub fn priced(rule: &ChargeRule, work: &Work, currency: Currency) -> Option<Vec<Line>> {
    let rate = rule.rate()?;
    let source = &rule.provenance().source;
    let mut lines = Vec::new();
    match rule.unit() {
        RateUnit::Hour(increment) => {
            if work.minutes > 0 {
                let billed = increment.billed(work.minutes);
                let rounding = if billed == work.minutes {
                    String::new()
                } else {
                    format!(", billed as {}", format_minutes(billed))
                };
                lines.push(Line {
                    label: format!(
                        "{}: {} of work{rounding}",
                        rule.label(),
                        format_minutes(work.minutes)
                    ),
                    amount: Money {
                        minor: hourly(rate.minor, billed),
                        currency,
                    },
                    rule: format!(
                        "{} per hour, {} ({source})",
                        format_money(rate),
                        increment_words(increment)
                    ),
                });
                if billed < rule.minimum_minutes() {
                    let top_up = rule.minimum_minutes() - billed;
                    lines.push(Line {
                        label: format!(
                            "Minimum charge: {} more to reach {}",
                            format_minutes(top_up),
                            format_minutes(rule.minimum_minutes())
                        ),
                        amount: Money {
                            minor: hourly(rate.minor, top_up),
                            currency,
                        },
                        rule: format!(
                            "{} minimum ({source})",
                            format_minutes(rule.minimum_minutes())
                        ),
                    });
                }
            }
        }
        RateUnit::Day => {
            if work.days > 0 {
                let plural = if work.days == 1 { "" } else { "s" };
                lines.push(Line {
                    label: format!("{}: {} day{plural}", rule.label(), work.days),
                    amount: Money {
                        minor: rate.minor.saturating_mul(i64::from(work.days)),
                        currency,
                    },
                    rule: format!("{} per day ({source})", format_money(rate)),
                });
            }
        }
    }
    Some(lines)
}

/// Estimates the charge of one service for the selection's ticket. Time
/// conditions read the same calendar as the deadlines (`edits`), each at
/// its moment: availability and after-hours work when the work starts.
pub fn estimate<'c>(
    selection: &Selection<'c>,
    rule: &'c ChargeRule,
    opened: Instant,
    work: &Work,
    edits: &HolidayEdits,
) -> Estimate<'c> {
    let currency = selection.policy.currency();
    let mut cx = Ctx {
        selection,
        opened,
        starts: work.starts.unwrap_or(opened),
        edits,
        flags: &work.flags,
        judged: Vec::new(),
    };
    let nothing = |billing, judged| Estimate {
        rule,
        billing,
        lines: Vec::new(),
        total: Some(Money { minor: 0, currency }),
        judged,
    };
    if let Some(schedule) = rule.available() {
        if let (false, state) = cx.judge(schedule, Moment::WorkStart) {
            let opens = match state {
                OpenState::Closed { opens } => opens,
                OpenState::Open { .. } => None,
            };
            let billing = Billing::Unavailable {
                hours: selection.policy.schedule(schedule).name().to_string(),
                opens,
            };
            return nothing(billing, cx.judged);
        }
    }
    let (billable, reason) = evaluate(rule.billable(), &mut cx);
    if !billable {
        return nothing(Billing::NotBillable { reason }, cx.judged);
    }
    let Some(lines) = priced(rule, work, currency) else {
        return Estimate {
            rule,
            billing: Billing::AmountNotStated,
            lines: Vec::new(),
            total: None,
            judged: cx.judged,
        };
    };
    let total = lines
        .iter()
        .fold(0i64, |sum, l| sum.saturating_add(l.amount.minor));
    Estimate {
        rule,
        billing: Billing::Billable { reason },
        lines,
        total: Some(Money {
            minor: total,
            currency,
        }),
        judged: cx.judged,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn hourly_rounds_as_exact_arithmetic_does(
            rate in 0i64..=i64::MAX / 4_294_967_295,
            minutes in any::<u32>(),
        ) {
            let exact = (i128::from(rate) * i128::from(minutes) + 30) / 60;
            prop_assert_eq!(i128::from(super::hourly(rate, minutes)), exact);
        }
    }

    #[test]
    fn hourly_rounds_half_up_and_saturates() {
        assert_eq!(super::hourly(100, 1), 2); // 1.67 -> 2
        assert_eq!(super::hourly(90, 1), 2); // 1.5 -> 2
        assert_eq!(super::hourly(89, 1), 1); // 1.48 -> 1
        assert_eq!(super::hourly(12_000, 90), 18_000);
        assert_eq!(super::hourly(i64::MAX, u32::MAX), i64::MAX);
    }
}
