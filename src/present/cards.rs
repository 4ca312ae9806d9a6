//! The deadline cards as the page shows them: one [`Card`] per target (what
//! changes with the inputs and the display zone) and one [`Standing`] per
//! dated target (what changes with every tick of the clock). Kept apart so
//! the ticking part never rebuilds the rest.

use crate::engine::deadline::{progress, Due, Selection, State, Timing};
use crate::engine::policy::Outcome;
use crate::engine::time::Instant;
use crate::request::format_instant;

use super::text;
use super::ticket::{due_sentence, explain, is_dated, when};
use super::zone::{self, Offsets};

/// One target of the ticket.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Card {
    /// The target id (the `data-target` hook, and the card's key).
    pub id: &'static str,
    pub label: &'static str,
    /// The word the policy puts beside the target ("best effort").
    pub qualifier: Option<&'static str>,
    /// The outcome id (the `data-outcome` hook).
    pub outcome: &'static str,
    /// The date to count down to, for a dated target.
    pub dated: Option<Dated>,
    /// The outcome in a sentence, for a target without a date.
    pub sentence: Option<String>,
    /// "Rule behind this": term and value, in order.
    pub rule: Vec<(&'static str, String)>,
    /// Every assumption behind the result, shown marked.
    pub assumptions: Vec<&'static str>,
    /// "Moved 2 h later by the pauses (from Tue 3 Mar 2026, 10:00 EST)",
    /// when the clock pauses moved this target's date.
    pub moved: Option<String>,
}

/// A dated target's date, in the display zone and, when it differs, the vendor's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    /// "Due " or, for a date before which nothing happens, "Not before ".
    pub lead: &'static str,
    /// RFC 3339 UTC, for `<time datetime>`.
    pub datetime: String,
    /// "Mon 2 Mar 2026, 13:00 CET".
    pub local: String,
    /// "Mon 2 Mar 2026, 07:00 EST (New York)", when the vendor's zone differs.
    pub vendor_local: Option<String>,
}

/// Where a dated target stands at a moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// The target id.
    pub id: &'static str,
    /// The state id (the `data-state` hook).
    pub state: &'static str,
    pub words: &'static str,
    /// A symbol beside the words, so state is never colour alone.
    pub symbol: &'static str,
    /// "in 3 h 20 min", "2 h ago".
    pub countdown: String,
    /// Thousandths of the countable window used, for `<progress>`.
    pub permille: u32,
    /// "40% of the 4 business hours allowed used": says what the window is.
    pub used: String,
}

/// Counted on: the schedule, or clock time.
const CLOCK_TIME: &str = "Clock time: every hour counts, day and night";

/// The cards of a ticket's targets, times in `zone` (and in `vendor` where
/// that differs). `unpaused` are the same targets without the clock pauses
/// (in the same order), so a card can say what the pauses moved.
pub fn cards(
    selection: &Selection<'static>,
    dues: &[Due<'static>],
    unpaused: &[Due<'static>],
    zone: &dyn Offsets,
    vendor: &dyn Offsets,
) -> Vec<Card> {
    dues.iter()
        .map(|due| {
            let mut card = card(selection, due, zone, vendor);
            let before = unpaused
                .iter()
                .find(|u| u.target.id() == due.target.id())
                .and_then(|u| u.due);
            card.moved = match (before, due.due) {
                (Some(before), Some(after)) if after > before => Some(format!(
                    "Moved {} later by the clock pauses (from {})",
                    text::span((after - before).num_seconds()),
                    when(zone, before)
                )),
                _ => None,
            };
            card
        })
        .collect()
}

fn card(
    selection: &Selection<'static>,
    due: &Due<'static>,
    zone: &dyn Offsets,
    vendor: &dyn Offsets,
) -> Card {
    let explained = explain(selection, due);
    let dated = due.due.map(|at| Dated {
        lead: if due.outcome == Outcome::Earliest {
            "Not before "
        } else {
            "Due "
        },
        datetime: format_instant(at),
        local: when(zone, at),
        vendor_local: (zone.name() != vendor.name())
            .then(|| format!("{} ({})", when(vendor, at), zone::city(vendor.name()))),
    });
    let mut rule = vec![
        ("Target", explained.rule),
        (
            "Counted on",
            explained.schedule.unwrap_or(CLOCK_TIME).to_string(),
        ),
    ];
    rule.extend(explained.reading.map(|r| ("How it is read", r)));
    rule.extend(explained.recurring.map(|r| ("Updates", r)));
    rule.push(("Source", explained.source));
    Card {
        id: due.target.id(),
        label: due.target.label(),
        qualifier: explained.qualifier,
        outcome: due.outcome.id(),
        dated,
        sentence: (!is_dated(due.outcome)).then(|| due_sentence(due)),
        rule,
        assumptions: explained.assumptions,
        moved: None,
    }
}

/// Where every dated target stands at `now`.
pub fn standings(
    selection: &Selection<'static>,
    dues: &[Due<'static>],
    now: Instant,
    timing: &Timing,
) -> Vec<Standing> {
    dues.iter()
        .filter_map(|due| {
            let p = progress(selection, due, now, timing)?;
            let earliest = due.outcome == Outcome::Earliest;
            Some(Standing {
                id: due.target.id(),
                state: p.state.id(),
                words: p.state.words(),
                symbol: symbol(p.state),
                countdown: text::countdown(p.seconds_left, earliest),
                permille: p.used_permille,
                used: used_words(due, p.used_permille, !timing.pauses.is_empty()),
            })
        })
        .collect()
}

/// The share of the window used, saying what the window is: the target's
/// amount ("4 business hours"), counted from its start; paused time does
/// not count.
fn used_words(due: &Due<'_>, permille: u32, paused: bool) -> String {
    let percent = text::percent(permille);
    let paused = if paused {
        ", clock pauses not counted"
    } else {
        ""
    };
    match due.rule.amount() {
        Some(amount) if due.outcome == Outcome::Earliest => {
            format!("{percent} of the {amount} wait passed{paused}")
        }
        Some(amount) => format!("{percent} of the {amount} allowed used{paused}"),
        None => format!("{percent} of the time to the deadline used{paused}"),
    }
}

fn symbol(state: State) -> &'static str {
    match state {
        State::OnTrack | State::Reached => "\u{2713}",
        State::DueSoon => "!",
        State::Breached => "\u{2715}",
        State::NotYet => "\u{2026}",
    }
}

/// What the deadlines' live region says: each dated target's state in
/// words, "Response: On track. Resolution: Breached.". It changes only
/// when a state does, so screen readers hear transitions, not ticks.
pub fn announcement(cards: &[Card], standings: &[Standing]) -> String {
    let states: Vec<String> = standings
        .iter()
        .filter_map(|s| {
            let card = cards.iter().find(|c| c.id == s.id)?;
            Some(format!("{}: {}.", card.label, s.words))
        })
        .collect();
    crate::engine::join(&states, " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::deadline::deadlines;
    use crate::engine::load;
    use crate::engine::zone::Zone;
    use chrono::{TimeZone, Utc};

    fn ticket(
        vendor: &str,
        package: &str,
        region: Option<&str>,
        severity: &str,
    ) -> Selection<'static> {
        load::embedded()
            .select(vendor, package, region, severity)
            .unwrap()
    }

    #[test]
    fn a_business_hour_target_in_two_zones() {
        // NextPlane Business EMEA, severity 1, opened Mon 2 Mar 2026 17:30 CET:
        // the first response (1 business hour on Mon-Fri 09:00-18:00 CET)
        // uses the last 30 min of Monday and 30 min of Tuesday: due Tue 09:30 CET.
        let s = ticket("nextplane", "business", Some("emea"), "1");
        let opened = Utc.with_ymd_and_hms(2026, 3, 2, 16, 30, 0).unwrap();
        let dues = deadlines(&s, opened, &Timing::default()).unwrap();
        let berlin = Zone::known("Europe/Berlin");
        let new_york = Zone::known("America/New_York");
        let cards = cards(&s, &dues, &dues, &new_york, &berlin);
        let first = &cards[0];
        assert_eq!(first.id, dues[0].target.id());
        let dated = first.dated.as_ref().unwrap();
        assert_eq!(dated.lead, "Due ");
        assert_eq!(dated.datetime, "2026-03-03T08:30:00Z");
        assert_eq!(dated.local, "Tue 3 Mar 2026, 03:30 EST");
        assert_eq!(
            dated.vendor_local.as_deref(),
            Some("Tue 3 Mar 2026, 09:30 CET (Berlin)")
        );
        assert_eq!(first.sentence, None);
        assert_eq!(first.rule[0], ("Target", "1 business hour".to_string()));
        assert_eq!(first.rule[1].0, "Counted on");
        assert_eq!(first.rule.last().unwrap().0, "Source");
        // In the vendor's own zone the second time would repeat the first.
        let same = super::cards(&s, &dues, &dues, &berlin, &berlin);
        assert_eq!(same[0].dated.as_ref().unwrap().vendor_local, None);
    }

    #[test]
    fn the_live_region_names_each_dated_targets_state() {
        // The ticket above, at Tue 3 Mar 09:00 UTC: the first response (due
        // 08:30 UTC) has passed; the next update (10:30 UTC) is ahead.
        let s = ticket("nextplane", "business", Some("emea"), "1");
        let opened = Utc.with_ymd_and_hms(2026, 3, 2, 16, 30, 0).unwrap();
        let timing = Timing::default();
        let dues = deadlines(&s, opened, &timing).unwrap();
        let utc = Zone::UTC;
        let cards = cards(&s, &dues, &dues, &utc, &utc);
        let now = Utc.with_ymd_and_hms(2026, 3, 3, 9, 0, 0).unwrap();
        assert_eq!(
            announcement(&cards, &standings(&s, &dues, now, &timing)),
            "First response: Breached. Next update: On track."
        );
    }

    #[test]
    fn an_undated_target_says_its_outcome() {
        // ThreePBX states no reason-for-outage time for priority 3.
        let s = ticket("threepbx", "standard", None, "3");
        let opened = Utc.with_ymd_and_hms(2026, 3, 2, 16, 30, 0).unwrap();
        let dues = deadlines(&s, opened, &Timing::default()).unwrap();
        let utc = Zone::UTC;
        let cards = cards(&s, &dues, &dues, &utc, &utc);
        let resolution = cards.iter().find(|c| c.id == "reason_for_outage").unwrap();
        assert_eq!(resolution.dated, None);
        assert_eq!(resolution.outcome, "none_stated");
        assert_eq!(
            resolution.sentence.as_deref(),
            Some("The policy sets no target.")
        );
    }

    #[test]
    fn standing_follows_the_clock() {
        // ThreePBX Standard severity 1: 1 clock hour to respond. Opened
        // 12:00 UTC; at 12:30 half the window is used, at 12:50 five sixths
        // (833 permille, past the 750 of "due soon"), at 13:10 it is breached.
        let s = ticket("threepbx", "standard", None, "1");
        let opened = Utc.with_ymd_and_hms(2026, 3, 3, 12, 0, 0).unwrap();
        let timing = Timing::default();
        let dues = deadlines(&s, opened, &timing).unwrap();
        let at = |h, m| Utc.with_ymd_and_hms(2026, 3, 3, h, m, 0).unwrap();
        let first_due = dues.iter().find(|d| d.due.is_some()).unwrap();
        assert_eq!(first_due.due, Some(at(13, 0)), "{:?}", first_due.rule);
        let stand = |now| {
            standings(&s, &dues, now, &timing)
                .into_iter()
                .find(|x| x.id == first_due.target.id())
                .unwrap()
        };
        let half = stand(at(12, 30));
        assert_eq!((half.state, half.permille), ("on-track", 500));
        assert_eq!(half.symbol, "\u{2713}");
        assert_eq!(half.used, "50% of the 1 clock hour allowed used");
        let late = stand(at(12, 50));
        assert_eq!(
            (late.state, late.permille, late.symbol),
            ("due-soon", 833, "!")
        );
        let over = stand(at(13, 10));
        assert_eq!((over.state, over.words), ("breached", "Breached"));
        assert_eq!(over.symbol, "\u{2715}");
    }

    #[test]
    fn a_pause_shows_on_the_cards_it_moved() {
        // ThreePBX Standard severity 1 opened Tue 3 Mar 2026 12:00 UTC: the
        // response is due in 1 clock hour, 13:00. Paused 12:15-12:45, it is
        // due 13:30: 30 min later. Targets counted on clock time move; the
        // card says by how much and from when.
        let s = ticket("threepbx", "standard", None, "1");
        let at = |h, m| Utc.with_ymd_and_hms(2026, 3, 3, h, m, 0).unwrap();
        let opened = at(12, 0);
        let plain = deadlines(&s, opened, &Timing::default()).unwrap();
        let timing = Timing {
            pauses: crate::engine::time::Pauses::new(vec![(at(12, 15), at(12, 45))]).unwrap(),
            ..Timing::default()
        };
        let paused = deadlines(&s, opened, &timing).unwrap();
        let utc = Zone::UTC;
        let cards = cards(&s, &paused, &plain, &utc, &utc);
        let response = cards.iter().find(|c| c.id == "response").unwrap();
        assert_eq!(
            response.dated.as_ref().unwrap().datetime,
            "2026-03-03T13:30:00Z"
        );
        assert_eq!(
            response.moved.as_deref(),
            Some("Moved 30 min later by the clock pauses (from Tue 3 Mar 2026, 13:00 UTC)")
        );
        // The reason for outage (24 clock hours) moves by the same 30 min.
        let outage = cards.iter().find(|c| c.id == "reason_for_outage").unwrap();
        assert_eq!(
            outage.moved.as_deref(),
            Some("Moved 30 min later by the clock pauses (from Wed 4 Mar 2026, 12:00 UTC)")
        );
        // Without pauses nothing says it moved.
        let still = super::cards(&s, &plain, &plain, &utc, &utc);
        assert!(still.iter().all(|c| c.moved.is_none()));
        // At 13:00, 12:00-12:15 and 12:45-13:00 count: 30 of 60 minutes.
        let stand = standings(&s, &paused, at(13, 0), &timing)
            .into_iter()
            .find(|x| x.id == "response")
            .unwrap();
        assert_eq!(
            stand.used,
            "50% of the 1 clock hour allowed used, clock pauses not counted"
        );
    }
}
