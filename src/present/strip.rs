//! The answer strip: what a visitor came for, in a few lines at the top of
//! the page (support open or closed, the next deadline and its countdown,
//! the charge estimate). Drawn from the panels' own view-models, so it
//! never says anything they do not.

use super::cards::{Card, Standing};
use super::estimate::Charges;
use super::support::Support;
use crate::engine::join;

/// The strip at one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strip {
    pub open: bool,
    /// "Open, closes in 2 h".
    pub support: String,
    pub next: Next,
    /// "Already breached: Response, Resolution": the breached targets the
    /// strip does not show, so the deadline ahead never hides a miss ("Also
    /// breached" when the one shown is breached too).
    pub missed: Option<String>,
    pub estimate: Estimate,
}

/// The deadline to watch, with the same hooks as its card.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Next {
    /// The target id (the `data-target` hook); `None` when no target of
    /// the ticket has a date.
    pub id: Option<&'static str>,
    /// The outcome id (the `data-outcome` hook).
    pub outcome: Option<&'static str>,
    /// The state id (the `data-state` hook).
    pub state: Option<&'static str>,
    /// "Response", or "Deadlines" when none is dated.
    pub label: &'static str,
    /// "✓ On track" (a symbol, so state is never colour alone).
    pub standing: String,
    /// "due in 3 h 12 min 05 s", as on the card, or "None dated".
    pub countdown: String,
    /// "Due " or "Not before ", or "See the deadlines below".
    pub lead: &'static str,
    /// RFC 3339 UTC, for `<time datetime>`.
    pub datetime: Option<String>,
    /// "Mon 2 Mar 2026, 13:00 CET", as on the card.
    pub local: String,
}

/// The charge estimate, in brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Estimate {
    /// "Estimate: New-install support", or "Charges" when none is offered.
    pub label: String,
    /// "US$187.50", "Not stated", "None listed", "No total".
    pub value: String,
    /// "Billable", "Not billable for this ticket", …
    pub detail: &'static str,
    /// The total in minor units and its ISO 4217 code, when there is one.
    pub total: Option<(i64, &'static str)>,
    /// The `data-billing` id of the estimate, when there is one.
    pub billing: Option<&'static str>,
}

/// The strip from the support panel, the cards with their standings and
/// the charges panel; `work_invalid` while the hours or days as typed are
/// not usable (no total is shown then, as in the charges panel).
///
/// The deadline shown is the soonest one still ahead (on track or due
/// soon); when none is, the first breached one in the cards' order (a link
/// to an old ticket shows its first missed deadline); else the first dated
/// target. Any other breached target is named in [`Strip::missed`].
pub fn strip(
    support: &Support,
    cards: &[Card],
    standings: &[Standing],
    charges: &Charges,
    work_invalid: bool,
) -> Strip {
    let dated: Vec<(&Card, &Standing)> = cards
        .iter()
        .filter(|c| c.dated.is_some())
        .filter_map(|c| Some((c, standings.iter().find(|s| s.id == c.id)?)))
        .collect();
    let due = |c: &Card| c.dated.as_ref().map(|d| d.datetime.clone());
    let ahead = dated
        .iter()
        .filter(|(_, s)| matches!(s.state, "on-track" | "due-soon"))
        .min_by_key(|(c, _)| due(c));
    let chosen = ahead
        .or_else(|| dated.iter().find(|(_, s)| s.state == "breached"))
        .or_else(|| dated.first());
    let missed: Vec<&str> = dated
        .iter()
        .filter(|(c, s)| s.state == "breached" && chosen.is_none_or(|(shown, _)| shown.id != c.id))
        .map(|(c, _)| c.label)
        .collect();
    // "Also" beside a deadline that is itself breached, else "already".
    let shown_breached = chosen.is_some_and(|(_, s)| s.state == "breached");
    let lead = if shown_breached { "Also" } else { "Already" };
    let missed = (!missed.is_empty()).then(|| format!("{lead} breached: {}", join(&missed, ", ")));
    let next = chosen
        .and_then(|(card, standing)| {
            let d = card.dated.as_ref()?;
            Some(Next {
                id: Some(card.id),
                outcome: Some(card.outcome),
                state: Some(standing.state),
                label: card.label,
                standing: format!("{} {}", standing.symbol, standing.words),
                countdown: standing.countdown.clone(),
                lead: d.lead,
                datetime: Some(d.datetime.clone()),
                local: d.local.clone(),
            })
        })
        .unwrap_or_else(|| Next {
            label: "Deadlines",
            countdown: "None dated".into(),
            lead: "See the deadlines below",
            ..Next::default()
        });
    let estimate = match charges.rule.as_ref().zip(charges.estimate.as_ref()) {
        None => Estimate {
            label: "Charges".into(),
            value: "None listed".into(),
            detail: "for this package",
            total: None,
            billing: None,
        },
        Some((rule, e)) => {
            let service = charges
                .services
                .iter()
                .find(|s| s.id == rule.id)
                .map_or("", |s| s.label);
            let label = format!("Estimate: {service}");
            match &e.total {
                _ if work_invalid => Estimate {
                    label,
                    value: "No total".into(),
                    detail: "Correct the work below to see it",
                    total: None,
                    billing: None,
                },
                total => Estimate {
                    label,
                    value: total
                        .as_ref()
                        .map_or_else(|| "Not stated".into(), |t| t.1.clone()),
                    detail: match e.billing {
                        "billable" => "Billable",
                        "not-billable" => "Not billable for this ticket",
                        "unavailable" => "Not available when the work starts",
                        _ => "Amount not stated in the policy",
                    },
                    total: total.as_ref().map(|t| (t.0, e.currency)),
                    billing: Some(e.billing),
                },
            }
        }
    };
    Strip {
        open: support.open,
        support: support.brief.clone(),
        next,
        missed,
        estimate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::deadline::{deadlines, Timing};
    use crate::engine::holidays::HolidayEdits;
    use crate::engine::load;
    use crate::engine::time::Instant;
    use crate::engine::zone::Zone;
    use crate::present::cards::{cards, standings};
    use crate::present::estimate::{charges, work};
    use crate::present::query::read;
    use crate::present::support::support;
    use chrono::{TimeZone, Utc};

    /// The strip of a link at `now`, times in UTC, as the page computes it.
    fn strip_of(link: &str, now: Instant) -> Strip {
        strip_with(link, now, false)
    }

    /// The same, with the hours or days as typed unusable or not.
    fn strip_with(link: &str, now: Instant, work_invalid: bool) -> Strip {
        let catalog = load::embedded();
        let (q, problems) = read(
            catalog,
            &crate::present::query::pairs(link),
            &[],
            now,
            &|_| false,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let s = catalog
            .select(&q.vendor, &q.package, q.region.as_deref(), &q.severity)
            .unwrap();
        let timing = Timing::default();
        let dues = deadlines(&s, q.opened, &timing).unwrap();
        let zone = Zone::UTC;
        let vendor = s.coverage().schedule().zone();
        let service = q
            .service
            .clone()
            .or_else(|| crate::present::query::default_service(catalog, &q));
        super::strip(
            &support(&s, now, &HolidayEdits::default()),
            &cards(&s, &dues, &dues, &zone, &vendor),
            &standings(&s, &dues, now, &timing),
            &charges(
                &s,
                service.as_deref(),
                q.opened,
                &work(&q),
                &q.holidays,
                &zone,
            ),
            work_invalid,
        )
    }

    #[test]
    fn the_soonest_deadline_ahead_with_its_card_hooks() {
        // NextPlane Business EMEA, severity 1, opened Mon 2 Mar 2026 16:30 UTC
        // (17:30 CET): first response 1 business hour on Mon-Fri 09:00-18:00
        // CET, so due Tue 09:30 CET (08:30 UTC). At 17:00 UTC support has
        // closed (18:00 CET) and opens Tue 09:00 CET, in 15 h.
        let now = Utc.with_ymd_and_hms(2026, 3, 2, 17, 0, 0).unwrap();
        let strip = strip_of(
            "vendor=nextplane&package=business&region=emea&severity=1&opened=2026-03-02T16:30:00Z",
            now,
        );
        assert!(!strip.open);
        assert_eq!(strip.support, "Closed, opens in 15 h");
        let next = strip.next;
        assert_eq!(next.id, Some("first_response"));
        assert_eq!(next.outcome, Some("deadline"));
        assert_eq!(next.label, "First response");
        assert_eq!(next.lead, "Due ");
        assert_eq!(next.datetime.as_deref(), Some("2026-03-03T08:30:00Z"));
        assert_eq!(next.local, "Tue 3 Mar 2026, 08:30 UTC");
        // 15 h 30 min left, the window (1 business hour) not started yet.
        assert_eq!(next.countdown, "due in 15 h 30 min 00 s");
        assert_eq!(next.state, Some("on-track"));
        assert_eq!(next.standing, "\u{2713} On track");
        assert_eq!(strip.missed, None);
        // NextPlane Business lists no chargeable services.
        assert_eq!(
            (strip.estimate.label.as_str(), strip.estimate.value.as_str()),
            ("Charges", "None listed")
        );
        assert_eq!((strip.estimate.total, strip.estimate.billing), (None, None));
    }

    #[test]
    fn a_link_to_an_old_ticket_shows_its_first_missed_deadline() {
        // Every target of a March ticket has passed by December: the first
        // card's (first response, due Tue 3 Mar 08:30 UTC) is shown.
        let now = Utc.with_ymd_and_hms(2026, 12, 6, 12, 0, 0).unwrap();
        let strip = strip_of(
            "vendor=nextplane&package=business&region=emea&severity=1&opened=2026-03-02T16:30:00Z",
            now,
        );
        // The other target, missed too, is named beside it.
        assert_eq!(strip.missed.as_deref(), Some("Also breached: Next update"));
        let next = strip.next;
        assert_eq!(next.id, Some("first_response"));
        assert_eq!(next.state, Some("breached"));
        assert_eq!(next.standing, "\u{2715} Breached");
        assert!(
            next.countdown.starts_with("breached "),
            "{}",
            next.countdown
        );
    }

    #[test]
    fn a_passed_deadline_gives_way_to_the_next_one() {
        // The same ticket on Tue 3 Mar 09:00 UTC: the first response (08:30
        // UTC) has passed; the next update, 2 business hours after it
        // (10:30 UTC), is still ahead and is shown.
        let now = Utc.with_ymd_and_hms(2026, 3, 3, 9, 0, 0).unwrap();
        let strip = strip_of(
            "vendor=nextplane&package=business&region=emea&severity=1&opened=2026-03-02T16:30:00Z",
            now,
        );
        let next = strip.next;
        assert_eq!(
            (next.id, next.state),
            (Some("next_update"), Some("on-track"))
        );
        assert_eq!(next.datetime.as_deref(), Some("2026-03-03T10:30:00Z"));
        assert_eq!(next.countdown, "due in 1 h 30 min 00 s");
        // The miss is not hidden by the deadline ahead.
        assert_eq!(
            strip.missed.as_deref(),
            Some("Already breached: First response")
        );
        // Support opened at 08:00 UTC (09:00 CET) and closes at 17:00 UTC.
        assert!(strip.open);
        assert_eq!(strip.support, "Open, closes in 8 h");
    }

    #[test]
    fn the_estimate_in_brief() {
        // ThreePBX Standard, new install for 1.5 h, opened Mon 2 Mar 2026
        // 14:00 UTC (09:00 EST, inside business hours): not billable, US$0.00.
        // Support is 24 x 7 for severity 1.
        let now = Utc.with_ymd_and_hms(2026, 3, 2, 14, 30, 0).unwrap();
        let link = "vendor=threepbx&package=standard&severity=1&opened=2026-03-02T14:00:00Z&service=new_install&hours=1.5";
        let strip = strip_of(link, now);
        assert!(strip.open);
        assert_eq!(strip.support, "Open around the clock");
        let e = strip.estimate;
        assert_eq!(e.label, "Estimate: New-install support");
        assert_eq!(e.value, "US$0.00");
        assert_eq!(e.total, Some((0, "USD")));
        assert_eq!(e.billing, Some("not-billable"));
        assert_eq!(e.detail, "Not billable for this ticket");
        // Priority handling requested: billed at US$125 an hour, 1.5 h = US$187.50.
        let e = strip_of(&format!("{link}&flag=priority_handling"), now).estimate;
        assert_eq!(e.value, "US$187.50");
        assert_eq!(e.total, Some((18750, "USD")));
        assert_eq!((e.billing, e.detail), (Some("billable"), "Billable"));
        // While the hours as typed are unusable, no total (as in the panel).
        let e = strip_with(link, now, true).estimate;
        assert_eq!(
            (e.value.as_str(), e.total, e.billing),
            ("No total", None, None)
        );
        assert_eq!(e.detail, "Correct the work below to see it");
    }

    #[test]
    fn no_dated_target_no_deadline() {
        let support = Support {
            open: false,
            words: String::new(),
            brief: "Closed".into(),
            hours: String::new(),
            downtime: None,
            lead_times: Vec::new(),
            assumptions: Vec::new(),
        };
        let card = Card {
            id: "resolution",
            outcome: "best_effort",
            ..Card::default()
        };
        let none = Charges {
            services: Vec::new(),
            rule: None,
            estimate: None,
            unstated: Vec::new(),
        };
        let strip = strip(&support, &[card], &[], &none, false);
        assert_eq!((strip.next.id, strip.next.datetime), (None, None));
        assert_eq!(
            (strip.next.label, strip.next.countdown.as_str()),
            ("Deadlines", "None dated")
        );
        assert_eq!(strip.estimate.value, "None listed");
        assert_eq!((strip.open, strip.support.as_str()), (false, "Closed"));
    }
}
