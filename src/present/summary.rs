//! What leaves the page with the user: a plain-text summary to paste into a
//! ticket, and the calendar events of the dated targets.

use crate::engine::charge::format_money;
use crate::engine::deadline::{progress, support_state, Due, Selection, Timing};
use crate::engine::join;
use crate::engine::policy::Outcome;
use crate::engine::time::Instant;
use crate::request::format_instant;

use super::ics::{self, Event};
use super::text;
use super::ticket::{explain, support_words, when};
use super::zone::Offsets;

/// Everything a summary is made of.
pub struct Ticket<'a> {
    pub selection: &'a Selection<'static>,
    pub dues: &'a [Due<'static>],
    pub opened: Instant,
    pub timing: &'a Timing,
    pub now: Instant,
    /// The zone the user reads times in.
    pub zone: &'a dyn Offsets,
    /// The link that reopens this view.
    pub link: &'a str,
}

/// "ThreePBX, Standard support, Priority 1".
pub fn title(selection: &Selection<'_>) -> String {
    let region = selection
        .region()
        .map(|r| format!(" ({})", r.name()))
        .unwrap_or_default();
    format!(
        "{}, {}{region}, {}",
        selection.policy.name(),
        selection.package().name(),
        selection.severity().label()
    )
}

fn instant_words(zone: &dyn Offsets, at: Instant) -> String {
    format!("{} ({})", when(zone, at), format_instant(at))
}

/// The plain-text summary of the ticket's entitlements and deadlines.
pub fn summary(t: &Ticket<'_>) -> String {
    let s = t.selection;
    let package = s.package();
    let mut out = format!("SLA summary: {}\n", title(s));
    out += &format!(
        "Severity: {}. {}\n",
        s.severity().label(),
        s.severity().definition()
    );
    out += &format!("Opened: {}\n", instant_words(t.zone, t.opened));
    for (from, until) in t.timing.pauses.intervals() {
        out += &format!(
            "Clock paused: {} to {}\n",
            when(t.zone, *from),
            when(t.zone, *until)
        );
    }
    let holidays = &t.timing.holidays;
    if !holidays.is_empty() {
        let closed: Vec<String> = holidays.added.iter().map(|d| text::date(*d)).collect();
        let open: Vec<String> = holidays.removed.iter().map(|d| text::date(*d)).collect();
        if !closed.is_empty() {
            out += &format!("Extra closed dates: {}\n", join(&closed, ", "));
        }
        if !open.is_empty() {
            out += &format!("Holidays worked as normal days: {}\n", join(&open, ", "));
        }
    }
    let coverage = s.coverage();
    let (_, open) = support_words(
        support_state(s, t.now, holidays),
        t.now,
        &coverage.schedule().zone(),
    );
    out += &format!("Support hours: {} ({open})\n", coverage.name());
    out += &format!("Channels: {}\n", join(package.channels(), ", "));
    if let Some(n) = package.incidents_per_month() {
        out += &format!("Incidents per month: {n}\n");
    }
    match package.price() {
        Some(p) => out += &format!("Price: {} per {}\n", format_money(p.amount), p.period),
        None => {
            if let Some(note) = package.price_note() {
                out += &format!("Price: {note}\n");
            }
        }
    }
    out += &format!("\nTargets (times in {}):\n", t.zone.name());
    let mut assumptions: Vec<&str> = Vec::new();
    for due in t.dues {
        let explained = explain(s, due);
        let qualifier = explained
            .qualifier
            .map(|q| format!(", {q}"))
            .unwrap_or_default();
        let line = match due.due {
            Some(at) => {
                let verb = if due.outcome == Outcome::Earliest {
                    "not before"
                } else {
                    "due"
                };
                let state = progress(s, due, t.now, t.timing)
                    .map(|p| {
                        format!(
                            "; {}, {}",
                            p.state.words().to_ascii_lowercase(),
                            text::countdown(p.seconds_left, due.outcome == Outcome::Earliest)
                        )
                    })
                    .unwrap_or_default();
                format!(
                    "{verb} {} [{}{qualifier}]{state}",
                    instant_words(t.zone, at),
                    explained.rule
                )
            }
            None => format!("{}{qualifier}", explained.rule),
        };
        out += &format!("- {}: {line}\n", due.target.label());
        for a in explained.assumptions {
            if !assumptions.contains(&a) {
                assumptions.push(a);
            }
        }
    }
    if !assumptions.is_empty() {
        out += "\nAssumptions (the policy is silent; this is our reading):\n";
        for a in assumptions {
            out += &format!("- {a}\n");
        }
    }
    out += &format!("\n{}\n", super::ticket::source_line(s.policy, None));
    if !t.link.is_empty() {
        out += &format!("Link: {}\n", t.link);
    }
    out
}

/// One calendar event per dated target.
pub fn events(t: &Ticket<'_>) -> Vec<Event> {
    let s = t.selection;
    let title = title(s);
    t.dues
        .iter()
        .filter_map(|due| {
            let at = due.due?;
            let explained = explain(s, due);
            let verb = if due.outcome == Outcome::Earliest {
                "earliest"
            } else {
                "due"
            };
            let mut description = format!(
                "{title}\nOpened {}\nRule: {} ({})",
                format_instant(t.opened),
                explained.rule,
                explained.source
            );
            for a in &explained.assumptions {
                description += &format!("\nAssumption: {a}");
            }
            if !t.link.is_empty() {
                description += &format!("\n{}", t.link);
            }
            Some(Event {
                uid: format!(
                    "{}-{}-{}-{}-{}@sla-calculator",
                    s.policy.id(),
                    s.package().id(),
                    s.severity().id(),
                    due.target.id(),
                    t.opened.timestamp()
                ),
                summary: format!("{} {verb}: {}", due.target.label(), title),
                description,
                at,
                remind_minutes: ics::remind_minutes((at - due.start).num_seconds()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::deadline::deadlines;
    use crate::engine::load;
    use crate::request;
    use chrono::{TimeZone, Utc};

    #[test]
    fn summary_lists_entitlements_and_deadlines() {
        let catalog = load::embedded();
        let selection = catalog.select("threepbx", "standard", None, "3").unwrap();
        let opened = Utc.with_ymd_and_hms(2026, 3, 2, 14, 0, 0).unwrap();
        let timing = request::timing(
            opened,
            ["2026-03-02T15:00:00Z/2026-03-02T16:00:00Z"].into_iter(),
            ["+2026-03-03"].into_iter(),
        )
        .unwrap();
        let dues = deadlines(&selection, opened, &timing).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 3, 2, 15, 30, 0).unwrap();
        let ticket = Ticket {
            selection: &selection,
            dues: &dues,
            opened,
            timing: &timing,
            now,
            zone: &crate::engine::zone::Zone::known("America/New_York"),
            link: "https://example.test/sla/?vendor=threepbx",
        };
        let text = summary(&ticket);
        assert!(
            text.starts_with("SLA summary: ThreePBX, Standard support, Priority 3\n"),
            "{text}"
        );
        assert!(
            text.contains("Opened: Mon 2 Mar 2026, 09:00 EST (2026-03-02T14:00:00Z)"),
            "{text}"
        );
        assert!(
            text.contains("Clock paused: Mon 2 Mar 2026, 10:00 EST to Mon 2 Mar 2026, 11:00 EST"),
            "{text}"
        );
        assert!(
            text.contains("Extra closed dates: Tue 3 Mar 2026"),
            "{text}"
        );
        // Response: 4 clock hours plus the 1-hour pause.
        assert!(text.contains("- Response: due Mon 2 Mar 2026, 14:00 EST (2026-03-02T19:00:00Z) [4 clock hours]; on track, due in 3 h 30 min 00 s"), "{text}");
        assert!(
            text.contains("- Reason for outage: the policy sets no target"),
            "{text}"
        );
        assert!(text.contains("best effort"), "{text}");
        assert!(text.contains("Assumptions"), "{text}");
        assert!(text.ends_with("Link: https://example.test/sla/?vendor=threepbx\n"));

        let events = events(&ticket);
        assert_eq!(events.len(), 2);
        assert_eq!(Some(events[0].at), dues[0].due);
        assert_eq!(
            events[0].uid,
            format!(
                "threepbx-standard-3-response-{}@sla-calculator",
                opened.timestamp()
            )
        );
        assert!(events[1].summary.starts_with("Resolution due: ThreePBX"));
    }
}
