//! Charge rules and estimates in words: the rate, when it applies, and why
//! this ticket is or is not billed.

use crate::engine::charge::{format_minutes, format_money, priced, Billing, Judged, Work};
use crate::engine::deadline::Selection;
use crate::engine::holidays::HolidayEdits;
use crate::engine::join;
use crate::engine::policy::{
    ChargeRule, Condition, Currency, Increment, Moment, Money, Policy, RateUnit,
};
use crate::engine::time::{self, Instant, OpenState};

use super::ticket::when;
use super::zone::Offsets;

/// "US$125.00 per hour, prorated by the minute, 1 h minimum".
pub fn rate_words(rule: &ChargeRule) -> String {
    let Some(rate) = rule.rate() else {
        return "Amount not stated in the policy".into();
    };
    let mut out = format_money(rate);
    match rule.unit() {
        RateUnit::Hour(increment) => {
            out.push_str(" per hour, ");
            out.push_str(match increment {
                Increment::Minute => "prorated by the minute",
                Increment::HalfHour => "billed in half-hour steps (rounded up)",
                Increment::Hour => "billed in whole hours (rounded up)",
            });
        }
        RateUnit::Day => out.push_str(" per day"),
    }
    if rule.minimum_minutes() > 0 {
        out.push_str(", ");
        out.push_str(&format_minutes(rule.minimum_minutes()));
        out.push_str(" minimum");
    }
    out
}

/// The rate arithmetic for the work, whether or not this ticket is billed:
/// "1 h 30 min × US$125.00 an hour, 1 h minimum = US$187.50". `None` when
/// the policy states no amount.
pub fn arithmetic(rule: &ChargeRule, work: &Work, currency: Currency) -> Option<String> {
    let lines = priced(rule, work, currency)?;
    let rate = format_money(rule.rate()?);
    let total = Money {
        minor: lines
            .iter()
            .fold(0i64, |sum, l| sum.saturating_add(l.amount.minor)),
        currency,
    };
    let mut out = match rule.unit() {
        RateUnit::Hour(increment) => {
            let billed = increment.billed(work.minutes);
            let rounded = if billed == work.minutes {
                String::new()
            } else {
                format!(" (billed as {})", format_minutes(billed))
            };
            format!(
                "{}{rounded} \u{d7} {rate} an hour",
                format_minutes(work.minutes)
            )
        }
        RateUnit::Day => {
            let plural = if work.days == 1 { "" } else { "s" };
            format!("{} day{plural} \u{d7} {rate} a day", work.days)
        }
    };
    if rule.minimum_minutes() > 0 {
        out.push_str(&format!(
            ", {} minimum",
            format_minutes(rule.minimum_minutes())
        ));
    }
    out.push_str(" = ");
    out.push_str(&format_money(total));
    Some(out)
}

/// What would make billable a ticket that is not: the rule's condition
/// and, when work starting after hours would be billed, the next such
/// start: "Billed for work starting outside Mon–Fri 09:00–19:00 US Eastern
/// time, or “Priority handling requested”. Work starting from Tue 3 Mar
/// 2026, 19:00 EST would be billed."
pub fn billable_when(
    selection: &Selection<'_>,
    rule: &ChargeRule,
    starts: Instant,
    edits: &HolidayEdits,
) -> String {
    let policy = selection.policy;
    let mut out = format!("Billed for {}.", condition_words(rule.billable(), policy));
    // Only where that start alone would decide: the condition itself, or
    // one of its alternatives.
    let after_hours = match rule.billable() {
        Condition::Any(items) => items.iter().find_map(work_start_outside),
        other => work_start_outside(other),
    };
    if let Some(schedule) = after_hours {
        if let OpenState::Open {
            closes: Some(closes),
        } = time::open_state(selection.hours(schedule, edits), starts)
        {
            let zone = policy.schedule(schedule).schedule().zone();
            out.push_str(&format!(
                " Work starting from {} would be billed.",
                when(&zone, closes)
            ));
        }
    }
    out
}

fn work_start_outside(condition: &Condition) -> Option<usize> {
    match condition {
        Condition::Outside {
            schedule,
            at: Moment::WorkStart,
        } => Some(*schedule),
        _ => None,
    }
}

/// When a condition holds, in words.
pub fn condition_words(condition: &Condition, policy: &Policy) -> String {
    match condition {
        Condition::Always => "all work".into(),
        Condition::Within { schedule, at } | Condition::Outside { schedule, at } => {
            let place = if matches!(condition, Condition::Within { .. }) {
                "within"
            } else {
                "outside"
            };
            let subject = match at {
                Moment::Opened => "tickets opened",
                Moment::WorkStart => "work starting",
            };
            format!("{subject} {place} {}", policy.schedule(*schedule).name())
        }
        Condition::Severity(list) => {
            let labels: Vec<&str> = list
                .iter()
                .map(|i| policy.severities()[*i].label())
                .collect();
            format!("{} tickets", join(&labels, " or "))
        }
        Condition::Flag { label, .. } => format!("\u{201c}{label}\u{201d}"),
        Condition::Any(items) | Condition::All(items) => {
            let words: Vec<String> = items.iter().map(|c| condition_words(c, policy)).collect();
            let separator = if matches!(condition, Condition::Any(_)) {
                ", or "
            } else {
                ", and "
            };
            join(&words, separator)
        }
    }
}

/// "Charged for: tickets opened outside …" and the hours it is offered in.
pub fn applies_words(rule: &ChargeRule, policy: &Policy) -> String {
    let mut out = format!("Charged for {}", condition_words(rule.billable(), policy));
    if let Some(s) = rule.available() {
        out.push_str("; only provided ");
        out.push_str(policy.schedule(s).name());
    }
    out.push('.');
    out
}

/// The instant a time condition was judged at, and what it found: "Judged
/// at the work start, Tue 3 Mar 2026, 12:00 EST: within Mon–Fri 09:00–19:00
/// US Eastern time". Times are in the schedule's own zone.
pub fn judged_words(policy: &Policy, judged: &Judged) -> String {
    let named = policy.schedule(judged.schedule);
    let moment = match judged.moment {
        Moment::Opened => "the opening",
        Moment::WorkStart => "the work start",
    };
    let place = if judged.open { "within" } else { "outside" };
    format!(
        "Judged at {moment}, {}: {place} {}",
        when(&named.schedule().zone(), judged.at),
        named.name()
    )
}

/// Every assumption a charge rests on: the rule's own, and those of the
/// schedules (and their holiday calendars) its conditions read.
pub fn charge_assumptions(
    selection: &Selection<'static>,
    rule: &'static ChargeRule,
) -> Vec<&'static str> {
    fn schedules(condition: &Condition, out: &mut Vec<usize>) {
        match condition {
            Condition::Within { schedule, .. } | Condition::Outside { schedule, .. } => {
                out.push(*schedule)
            }
            Condition::Any(items) | Condition::All(items) => {
                items.iter().for_each(|c| schedules(c, out))
            }
            _ => {}
        }
    }
    let mut out: Vec<&'static str> = Vec::new();
    let mut push = |text: Option<&'static str>| {
        if let Some(a) = text {
            if !out.contains(&a) {
                out.push(a);
            }
        }
    };
    push(rule.provenance().assumption.as_deref());
    let mut used = Vec::new();
    used.extend(rule.available());
    schedules(rule.billable(), &mut used);
    for index in used {
        let named = selection.policy.schedule(index);
        push(named.provenance().assumption.as_deref());
        if let Some(calendar) = named.schedule().calendar() {
            push(selection.catalog.calendar(calendar).assumption());
        }
    }
    out
}

/// Why this ticket is or is not billed.
pub fn billing_words(billing: &Billing, zone: &dyn Offsets) -> String {
    match billing {
        Billing::Billable { reason } => format!("Billable: {reason}."),
        Billing::NotBillable { reason } => format!("Not billable for this ticket: {reason}."),
        Billing::Unavailable { hours, opens } => {
            let next = opens
                .map(|o: Instant| format!(" The next time it is: {}.", when(zone, o)))
                .unwrap_or_default();
            format!(
                "Not available when the work starts: this service is only provided {hours}.{next}"
            )
        }
        Billing::AmountNotStated => {
            "The policy states that this fee exists but not its amount.".into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::charge::{estimate, offered, Work};
    use crate::engine::holidays::HolidayEdits;
    use crate::engine::load;
    use chrono::{TimeZone, Utc};

    #[test]
    fn threepbx_rules_in_words() {
        let catalog = load::embedded();
        let policy = catalog.policy("threepbx").unwrap();
        let install = &policy.charges()[0];
        assert_eq!(
            rate_words(install),
            "US$125.00 per hour, prorated by the minute, 1 h minimum"
        );
        assert_eq!(
            applies_words(install, policy),
            "Charged for work starting outside Mon–Fri 09:00–19:00 US Eastern time, or \u{201c}Priority handling requested\u{201d}."
        );
        assert_eq!(
            rate_words(&policy.charges()[2]),
            "US$125.00 per hour, billed in half-hour steps (rounded up)"
        );
        let p1 = applies_words(&policy.charges()[1], policy);
        assert!(
            p1.starts_with("Charged for Priority 1 tickets, and tickets opened outside"),
            "{p1}"
        );
    }

    #[test]
    fn billing_names_the_conditions_that_decided_it() {
        // ThreePBX new install, work starting Mon 2 Mar 2026 10:00 EST (in
        // business hours): neither condition holds, so both are named.
        let catalog = load::embedded();
        let selection = catalog.select("threepbx", "standard", None, "3").unwrap();
        let install = &selection.policy.charges()[0];
        let weekday = Utc.with_ymd_and_hms(2026, 3, 2, 15, 0, 0).unwrap();
        let zone = crate::engine::zone::Zone::known("America/New_York");
        let words = |work: &Work| {
            let e = estimate(&selection, install, weekday, work, HolidayEdits::none());
            billing_words(&e.billing, &zone)
        };
        let plain = Work {
            minutes: 90,
            ..Work::default()
        };
        assert_eq!(
            words(&plain),
            "Not billable for this ticket: work starts within Mon\u{2013}Fri 09:00\u{2013}19:00 US Eastern time and \u{201c}Priority handling requested\u{201d} does not apply."
        );
        let flagged = Work {
            flags: vec!["priority_handling".into()],
            ..plain
        };
        assert_eq!(
            words(&flagged),
            "Billable: \u{201c}Priority handling requested\u{201d}."
        );
    }

    #[test]
    fn billing_explains_the_outcome() {
        let catalog = load::embedded();
        let selection = catalog.select("nextplane", "startup", None, "1").unwrap();
        let (_, rule) = offered(&selection).next().unwrap();
        assert_eq!(
            applies_words(rule, selection.policy),
            "Charged for all work; only provided Mon–Fri 09:00–17:00 US Pacific time, holidays included."
        );
        // Saturday: federated partner support is not provided.
        let saturday = Utc.with_ymd_and_hms(2026, 3, 7, 18, 0, 0).unwrap();
        let work = Work {
            minutes: 90,
            ..Work::default()
        };
        let e = estimate(&selection, rule, saturday, &work, HolidayEdits::none());
        let words = billing_words(
            &e.billing,
            &crate::engine::zone::Zone::known("America/Los_Angeles"),
        );
        assert!(
            words.starts_with("Not available when the work starts"),
            "{words}"
        );
        assert!(words.contains("Mon 9 Mar 2026, 09:00 PDT"), "{words}");
        let ipc = catalog.policy("ipcelerate").unwrap();
        assert_eq!(
            rate_words(&ipc.charges()[3]),
            "Amount not stated in the policy"
        );
        assert_eq!(rate_words(&ipc.charges()[2]), "US$8,000.00 per day");
    }
}
