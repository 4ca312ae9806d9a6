//! The charges panel as the page shows it: the services offered on the
//! package, the chosen one's rate and conditions, what the user is asked
//! about the work, the estimate line by line, and the fees whose amount the
//! policy does not state.

use crate::engine::charge::{estimate, format_money, offered, Billing, Work};
use crate::engine::deadline::Selection;
use crate::engine::holidays::HolidayEdits;
use crate::engine::policy::RateUnit;
use crate::engine::time::Instant;
use crate::request;

use super::charges::{applies_words, billing_words, rate_words};
use super::query::Query;
use super::zone::Offsets;

/// A service offered on the package (a `<select>` option).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    pub id: &'static str,
    pub label: &'static str,
}

/// The chosen service's rule in words, and what it asks about the work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub id: &'static str,
    /// "US$125.00 per hour, prorated by the minute, 1 h minimum".
    pub rate: String,
    /// "Charged for tickets opened outside …".
    pub applies: String,
    pub note: Option<&'static str>,
    pub assumption: Option<&'static str>,
    /// "Source: §3 New Install Support".
    pub source: String,
    /// Priced by the hour: ask for hours of work.
    pub asks_hours: bool,
    /// Priced by the day: ask for days of work.
    pub asks_days: bool,
    /// Facts only the user knows (id, label), asked as checkboxes.
    pub flags: Vec<(&'static str, &'static str)>,
}

/// One line of the estimate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub label: String,
    pub rule: String,
    pub amount: String,
}

/// The estimate for the chosen service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Estimate {
    /// The `data-billing` hook: billable, not-billable, unavailable, not-stated.
    pub billing: &'static str,
    /// Why this ticket is or is not billed.
    pub words: String,
    pub lines: Vec<Line>,
    /// The total in minor units and in words; `None` when the policy does
    /// not state the amount.
    pub total: Option<(i64, String)>,
    /// ISO 4217 code (the `data-currency` hook).
    pub currency: &'static str,
}

/// The whole panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Charges {
    pub services: Vec<Service>,
    pub rule: Option<Rule>,
    pub estimate: Option<Estimate>,
    /// Fees the policy names on this package without an amount.
    pub unstated: Vec<String>,
}

/// The work the query describes; unusable text counts as the default
/// (1 hour, 1 day) while the field shows its error.
pub fn work(query: &Query) -> Work {
    Work {
        minutes: request::parse_hours("hours", query.hours.as_deref().unwrap_or("1")).unwrap_or(60),
        days: request::parse_days("days", query.days.as_deref().unwrap_or("1")).unwrap_or(1),
        flags: query.flags.clone(),
        starts: Some(query.work_start()),
    }
}

/// The panel for a selection, the chosen service id (`None`: none offered
/// matches), the opening and the work; times in `zone`.
pub fn charges(
    selection: &Selection<'static>,
    service: Option<&str>,
    opened: Instant,
    work: &Work,
    edits: &HolidayEdits,
    zone: &dyn Offsets,
) -> Charges {
    let policy = selection.policy;
    let services = offered(selection)
        .map(|(_, r)| Service {
            id: r.id(),
            label: r.label(),
        })
        .collect();
    let chosen = offered(selection).find(|(_, r)| Some(r.id()) == service);
    let rule = chosen.map(|(_, r)| Rule {
        id: r.id(),
        rate: rate_words(r),
        applies: applies_words(r, policy),
        note: r.note(),
        assumption: r.provenance().assumption.as_deref(),
        source: format!("Source: {}", r.provenance().source),
        asks_hours: r.rate().is_some() && matches!(r.unit(), RateUnit::Hour(_)),
        asks_days: r.rate().is_some() && r.unit() == RateUnit::Day,
        flags: r.flags(),
    });
    let estimate = chosen.map(|(_, r)| {
        let e = estimate(selection, r, opened, work, edits);
        Estimate {
            billing: match e.billing {
                Billing::Billable { .. } => "billable",
                Billing::NotBillable { .. } => "not-billable",
                Billing::Unavailable { .. } => "unavailable",
                Billing::AmountNotStated => "not-stated",
            },
            words: billing_words(&e.billing, zone),
            lines: e
                .lines
                .into_iter()
                .map(|l| Line {
                    label: l.label,
                    rule: l.rule,
                    amount: format_money(l.amount),
                })
                .collect(),
            total: e.total.map(|t| (t.minor, format_money(t))),
            currency: policy.currency().code(),
        }
    });
    let unstated = offered(selection)
        .filter(|(_, r)| r.rate().is_none())
        .map(|(_, r)| {
            let note = r.note().map(|n| format!(" {n}")).unwrap_or_default();
            format!(
                "{}: the policy says this fee exists but not its amount.{note}",
                r.label()
            )
        })
        .collect();
    Charges {
        services,
        rule,
        estimate,
        unstated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::load;
    use crate::engine::zone::Zone;
    use chrono::{TimeZone, Utc};

    fn threepbx() -> Selection<'static> {
        load::embedded()
            .select("threepbx", "standard", None, "2")
            .unwrap()
    }

    #[test]
    fn after_hours_install_is_billed_by_the_minute() {
        // New install work on a ticket opened Mon 2 Mar 2026 23:00 Eastern
        // (04:00 UTC Tuesday), outside 09:00-19:00: billable. 1 h 30 min at
        // US$125.00 an hour, prorated by the minute: US$187.50.
        let opened = Utc.with_ymd_and_hms(2026, 3, 3, 4, 0, 0).unwrap();
        let work = Work {
            minutes: 90,
            ..Work::default()
        };
        let zone = Zone::known("America/New_York");
        let panel = charges(
            &threepbx(),
            Some("new_install"),
            opened,
            &work,
            HolidayEdits::none(),
            &zone,
        );
        let ids: Vec<&str> = panel.services.iter().map(|s| s.id).collect();
        assert_eq!(ids[0], "new_install");
        let rule = panel.rule.unwrap();
        assert!(rule.asks_hours && !rule.asks_days);
        assert_eq!(
            rule.rate,
            "US$125.00 per hour, prorated by the minute, 1 h minimum"
        );
        assert_eq!(
            rule.flags,
            [("priority_handling", "Priority handling requested")]
        );
        let estimate = panel.estimate.unwrap();
        assert_eq!(estimate.billing, "billable");
        assert_eq!(estimate.total, Some((18750, "US$187.50".to_string())));
        assert_eq!(estimate.currency, "USD");
        assert_eq!(estimate.lines.len(), 1);
        assert_eq!(estimate.lines[0].amount, "US$187.50");
    }

    #[test]
    fn within_hours_install_costs_nothing() {
        // Tue 3 Mar 2026 12:00 Eastern (17:00 UTC): within hours, no flag.
        let opened = Utc.with_ymd_and_hms(2026, 3, 3, 17, 0, 0).unwrap();
        let work = Work {
            minutes: 90,
            ..Work::default()
        };
        let zone = Zone::known("America/New_York");
        let estimate = charges(
            &threepbx(),
            Some("new_install"),
            opened,
            &work,
            HolidayEdits::none(),
            &zone,
        )
        .estimate
        .unwrap();
        assert_eq!(estimate.billing, "not-billable");
        assert_eq!(estimate.total, Some((0, "US$0.00".to_string())));
        assert!(estimate.lines.is_empty());
    }

    #[test]
    fn no_service_chosen_shows_no_estimate() {
        let opened = Utc.with_ymd_and_hms(2026, 3, 3, 17, 0, 0).unwrap();
        let panel = charges(
            &threepbx(),
            None,
            opened,
            &Work::default(),
            HolidayEdits::none(),
            &Zone::UTC,
        );
        assert!(!panel.services.is_empty());
        assert_eq!((panel.rule, panel.estimate), (None, None));
    }

    #[test]
    fn fees_without_an_amount_are_listed() {
        // IPcelerate names fees whose amount it does not state.
        let catalog = load::embedded();
        let policy = catalog.policy("ipcelerate").unwrap();
        let package = policy.packages()[0].id();
        let s = catalog.select("ipcelerate", package, None, "1").unwrap();
        let opened = Utc.with_ymd_and_hms(2026, 3, 3, 17, 0, 0).unwrap();
        let panel = charges(
            &s,
            None,
            opened,
            &Work::default(),
            HolidayEdits::none(),
            &Zone::UTC,
        );
        assert!(!panel.unstated.is_empty());
        for line in &panel.unstated {
            assert!(
                line.contains(": the policy says this fee exists but not its amount."),
                "{line}"
            );
        }
    }

    #[test]
    fn work_falls_back_to_one_unit() {
        let mut q = crate::present::query::read(
            load::embedded(),
            &[],
            &[],
            Utc.with_ymd_and_hms(2026, 3, 3, 17, 0, 0).unwrap(),
            &|_| false,
        )
        .0;
        assert_eq!((work(&q).minutes, work(&q).days), (60, 1));
        q.hours = Some("1:30".into());
        q.days = Some("3".into());
        assert_eq!((work(&q).minutes, work(&q).days), (90, 3));
        q.hours = Some("abc".into());
        assert_eq!(work(&q).minutes, 60);
    }
}
