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

use super::charges::{
    applies_words, arithmetic, billable_when, billing_words, charge_assumptions, judged_words,
    rate_words,
};
use super::query::Query;
use super::ticket::source_line;
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
    /// Every assumption the rule and the hours it reads rest on; marked
    /// beside the rate and the total.
    pub assumptions: Vec<&'static str>,
    /// "Source: ThreePBX Support Policy (updated 12/01/21), §3 New Install Support".
    pub source: String,
    /// Priced by the hour: ask for hours of work.
    pub asks_hours: bool,
    /// Priced by the day: ask for days of work.
    pub asks_days: bool,
    /// Facts only the user knows (id, label), asked as checkboxes.
    pub flags: Vec<(&'static str, &'static str)>,
    /// An instant decides the charge: ask when the work starts.
    pub asks_work_start: bool,
}

/// One line of the estimate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub label: String,
    pub rule: String,
    pub amount: String,
}

/// A time condition and the instant it was judged at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    /// The `data-judged` hook: `opened` or `work`.
    pub moment: &'static str,
    /// "Judged at the work start, Tue 3 Mar 2026, 20:00 EST: outside …".
    pub words: String,
}

/// The estimate for the chosen service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Estimate {
    /// The `data-billing` hook: billable, not-billable, unavailable, not-stated.
    pub billing: &'static str,
    /// Why this ticket is or is not billed.
    pub words: String,
    /// Each time condition with the instant it was judged at.
    pub judged: Vec<Judged>,
    pub lines: Vec<Line>,
    /// The total in minor units and in words; `None` when the policy does
    /// not state the amount.
    pub total: Option<(i64, String)>,
    /// ISO 4217 code (the `data-currency` hook).
    pub currency: &'static str,
    /// The rate arithmetic for the work, billed or not: "1 h 30 min ×
    /// US$125.00 an hour, 1 h minimum = US$187.50", led by "If billed: "
    /// or "When provided: " when this ticket is not charged.
    pub arithmetic: Option<String>,
    /// For a ticket that is not billable, what would make it so.
    pub billable_when: Option<String>,
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
        assumptions: charge_assumptions(selection, r),
        source: source_line(policy, Some(&r.provenance().source)),
        asks_hours: r.rate().is_some() && matches!(r.unit(), RateUnit::Hour(_)),
        asks_days: r.rate().is_some() && r.unit() == RateUnit::Day,
        flags: r.flags(),
        asks_work_start: r.judges_time(),
    });
    let estimate = chosen.map(|(_, r)| {
        let e = estimate(selection, r, opened, work, edits);
        let lead = match e.billing {
            Billing::Billable { .. } => "",
            Billing::Unavailable { .. } => "When provided: ",
            _ => "If billed: ",
        };
        let arithmetic = arithmetic(r, work, policy.currency()).map(|text| format!("{lead}{text}"));
        let billable_when = matches!(e.billing, Billing::NotBillable { .. })
            .then(|| billable_when(selection, r, work.starts.unwrap_or(opened), edits));
        Estimate {
            arithmetic,
            billable_when,
            billing: match e.billing {
                Billing::Billable { .. } => "billable",
                Billing::NotBillable { .. } => "not-billable",
                Billing::Unavailable { .. } => "unavailable",
                Billing::AmountNotStated => "not-stated",
            },
            words: billing_words(&e.billing, zone),
            judged: e
                .judged
                .iter()
                .map(|j| Judged {
                    moment: j.moment.id(),
                    words: judged_words(policy, j),
                })
                .collect(),
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
    // Fees without an amount that apply to this ticket (a flag may decide).
    let unstated = offered(selection)
        .filter(|(_, r)| {
            r.rate().is_none()
                && crate::engine::charge::estimate(selection, r, opened, work, edits).billing
                    == Billing::AmountNotStated
        })
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

    /// The ThreePBX new-install charge, shown in New York time.
    fn new_install(opened: Instant, work: &Work, edits: &HolidayEdits) -> Charges {
        charges(
            &threepbx(),
            Some("new_install"),
            opened,
            work,
            edits,
            &Zone::known("America/New_York"),
        )
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
        let panel = new_install(opened, &work, HolidayEdits::none());
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
        assert_eq!(
            estimate.arithmetic.as_deref(),
            Some("1 h 30 min \u{d7} US$125.00 an hour, 1 h minimum = US$187.50")
        );
        assert_eq!(estimate.billable_when, None);
    }

    #[test]
    fn within_hours_install_costs_nothing() {
        // Tue 3 Mar 2026 12:00 Eastern (17:00 UTC): within hours, no flag.
        let opened = Utc.with_ymd_and_hms(2026, 3, 3, 17, 0, 0).unwrap();
        let work = Work {
            minutes: 90,
            ..Work::default()
        };
        let estimate = new_install(opened, &work, HolidayEdits::none())
            .estimate
            .unwrap();
        assert_eq!(estimate.billing, "not-billable");
        assert_eq!(estimate.total, Some((0, "US$0.00".to_string())));
        assert!(estimate.lines.is_empty());
        // Issue 19: the 0 is not the after-hours price. The same work would
        // cost 1.5 h at US$125.00 = US$187.50, and the panel says what
        // would make it billable: business hours close at 19:00 Eastern.
        assert_eq!(
            estimate.arithmetic.as_deref(),
            Some("If billed: 1 h 30 min \u{d7} US$125.00 an hour, 1 h minimum = US$187.50")
        );
        assert_eq!(
            estimate.billable_when.as_deref(),
            Some(
                "Billed for work starting outside Mon\u{2013}Fri 09:00\u{2013}19:00 US Eastern time, \
                 or \u{201c}Priority handling requested\u{201d}. Work starting from Tue 3 Mar 2026, \
                 19:00 EST would be billed."
            )
        );
    }

    #[test]
    fn the_arithmetic_shows_rounding_minimums_and_days() {
        // 30 min of new-install work: below the 1 h minimum, so US$125.00.
        let opened = Utc.with_ymd_and_hms(2026, 3, 3, 4, 0, 0).unwrap();
        let short = Work {
            minutes: 30,
            ..Work::default()
        };
        let e = new_install(opened, &short, HolidayEdits::none())
            .estimate
            .unwrap();
        assert_eq!(e.total.as_ref().map(|t| t.0), Some(12_500));
        assert_eq!(
            e.arithmetic.as_deref(),
            Some("30 min \u{d7} US$125.00 an hour, 1 h minimum = US$125.00")
        );
        // Professional services round up to half hours: 1 h 10 min is billed
        // as 1 h 30 min, 1.5 x US$125.00 = US$187.50.
        let odd = Work {
            minutes: 70,
            ..Work::default()
        };
        let e = charges(
            &threepbx(),
            Some("professional_services"),
            opened,
            &odd,
            HolidayEdits::none(),
            &Zone::UTC,
        )
        .estimate
        .unwrap();
        assert_eq!(
            e.arithmetic.as_deref(),
            Some("1 h 10 min (billed as 1 h 30 min) \u{d7} US$125.00 an hour = US$187.50")
        );
        // IPcelerate remote support by the day: 2 x US$5,000.00.
        let s = load::embedded()
            .select("ipcelerate", "time-and-materials", None, "2")
            .unwrap();
        let two = Work {
            days: 2,
            ..Work::default()
        };
        let e = charges(
            &s,
            Some("remote_daily"),
            opened,
            &two,
            HolidayEdits::none(),
            &Zone::UTC,
        )
        .estimate
        .unwrap();
        assert_eq!(
            e.arithmetic.as_deref(),
            Some("2 days \u{d7} US$5,000.00 a day = US$10,000.00")
        );
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
        // Professional services are charged at any time: no work start asked.
        let panel = charges(
            &threepbx(),
            Some("professional_services"),
            opened,
            &Work::default(),
            HolidayEdits::none(),
            &Zone::UTC,
        );
        assert!(!panel.rule.unwrap().asks_work_start);
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

    /// Opened Tue 3 Mar 2026 12:00 Eastern for a session at 20:00: judged
    /// at the work start, billed, and the panel says so; the assumptions
    /// behind the rule and its business hours come with it.
    #[test]
    fn conditions_are_judged_at_the_work_start_and_say_so() {
        let opened = Utc.with_ymd_and_hms(2026, 3, 3, 17, 0, 0).unwrap();
        let work = Work {
            minutes: 60,
            starts: Some(Utc.with_ymd_and_hms(2026, 3, 4, 1, 0, 0).unwrap()),
            ..Work::default()
        };
        let panel = new_install(opened, &work, HolidayEdits::none());
        let estimate = panel.estimate.unwrap();
        assert_eq!(estimate.billing, "billable");
        assert_eq!(
            estimate.judged,
            [Judged {
                moment: "work",
                words: "Judged at the work start, Tue 3 Mar 2026, 20:00 EST: outside Mon–Fri 09:00–19:00 US Eastern time".into(),
            }]
        );
        let rule = panel.rule.unwrap();
        assert!(rule.asks_work_start);
        assert_eq!(rule.assumptions.len(), 2, "{:?}", rule.assumptions);
        assert!(rule.assumptions[1].starts_with("Business hours are not defined"));
        assert_eq!(
            rule.source,
            "Source: ThreePBX Support Policy (updated 12/01/21), §3 New Install Support"
        );
        // A closed date (+2026-03-03) makes noon work after hours too.
        let mut edits = HolidayEdits::default();
        crate::request::parse_holiday_edit("holiday", "+2026-03-03", &mut edits).unwrap();
        let noon = Work {
            minutes: 60,
            ..Work::default()
        };
        let panel = new_install(opened, &noon, &edits);
        assert_eq!(panel.estimate.unwrap().billing, "billable");
    }

    /// The software assessment fee is listed only once maintenance lapsed
    /// or was never held; the major release fee is listed on Maintenance.
    #[test]
    fn the_assessment_fee_needs_its_flag() {
        let catalog = load::embedded();
        let s = catalog
            .select("ipcelerate", "maintenance", None, "1")
            .unwrap();
        let opened = Utc.with_ymd_and_hms(2026, 3, 3, 17, 0, 0).unwrap();
        let listed = |flags: Vec<String>| {
            let work = Work {
                flags,
                ..Work::default()
            };
            charges(&s, None, opened, &work, HolidayEdits::none(), &Zone::UTC).unstated
        };
        let without = listed(vec![]);
        assert_eq!(without.len(), 1, "{without:?}");
        assert!(without[0].starts_with("Major release upgrade: "));
        let with = listed(vec!["maintenance_lapsed".into()]);
        assert_eq!(with.len(), 2, "{with:?}");
        assert!(with[0].starts_with("Software assessment fee"));
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
