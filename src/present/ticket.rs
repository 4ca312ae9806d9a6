//! What a ticket shows, in words: the rule behind each target, its schedule,
//! source and assumptions, and whether support is open. Dates come from the
//! engine; this module only names them.

use crate::engine::deadline::{Due, Selection};
use crate::engine::policy::{LeadTime, Outcome, Policy, Provenance, Rule, Unit};
use crate::engine::time::{Instant, OpenState};

use super::text;
use super::zone::{self, Offsets};

/// The rule behind one target, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    /// "4 business hours", "best effort, no committed time".
    pub rule: String,
    /// The word the policy puts beside a dated target ("best effort").
    pub qualifier: Option<&'static str>,
    /// The schedule business units count on, by name.
    pub schedule: Option<&'static str>,
    /// How the unit is read, when that is not obvious.
    pub reading: Option<String>,
    /// "Counted from the First response deadline, then every 2 business hours."
    pub recurring: Option<String>,
    /// "<document title>, <section>".
    pub source: String,
    /// Every assumption behind the result, visibly marked by the UI.
    pub assumptions: Vec<&'static str>,
}

fn push_assumption(out: &mut Vec<&'static str>, provenance: &'static Provenance) {
    if let Some(a) = provenance.assumption.as_deref() {
        if !out.contains(&a) {
            out.push(a);
        }
    }
}

fn push_text(out: &mut Vec<&'static str>, text: Option<&'static str>) {
    if let Some(a) = text {
        if !out.contains(&a) {
            out.push(a);
        }
    }
}

/// The assumptions behind a schedule: its own and its holiday calendar's.
fn push_schedule(out: &mut Vec<&'static str>, selection: &Selection<'static>, index: usize) {
    let named = selection.policy.schedule(index);
    push_assumption(out, named.provenance());
    if let Some(calendar) = named.schedule().calendar() {
        push_text(out, selection.catalog.calendar(calendar).assumption());
    }
}

/// "Source: <the policy document's title>, <section>": users know the
/// document, not our copy's file name.
pub fn source_line(policy: &Policy, section: Option<&str>) -> String {
    format!("Source: {}", cited(policy, section))
}

/// "<the policy document's title>, <section>".
pub fn cited(policy: &Policy, section: Option<&str>) -> String {
    let title = &policy.source().title;
    match section.filter(|s| !s.is_empty()) {
        Some(section) => format!("{title}, {section}"),
        None => title.to_string(),
    }
}

/// Every assumption a target's result rests on: its cell's, its row's,
/// and those of the schedule and calendar it counts on.
pub fn target_assumptions(selection: &Selection<'static>, due: &Due<'static>) -> Vec<&'static str> {
    let mut out = Vec::new();
    push_assumption(&mut out, due.provenance);
    push_assumption(&mut out, due.target.provenance());
    if let Some(index) = due.business {
        push_schedule(&mut out, selection, index);
    }
    out
}

/// The assumptions behind "open now" and the support hours.
pub fn support_assumptions(selection: &Selection<'static>) -> Vec<&'static str> {
    let mut out = Vec::new();
    push_schedule(&mut out, selection, selection.coverage_index());
    out
}

/// The assumptions behind a notice period's date.
pub fn lead_time_assumptions(
    selection: &Selection<'static>,
    lead: &'static LeadTime,
) -> Vec<&'static str> {
    let mut out = Vec::new();
    push_assumption(&mut out, lead.provenance());
    push_schedule(&mut out, selection, lead.clock());
    out
}

/// "due within 4 business hours" reading of a rule, without dates.
pub fn rule_words(rule: Rule) -> String {
    match rule {
        Rule::Due(amount) => amount.to_string(),
        Rule::Earliest(amount) => format!("not before {amount}"),
        Rule::Other(outcome) => outcome.describe().to_string(),
    }
}

/// Explains one target of a selection.
pub fn explain(selection: &Selection<'static>, due: &Due<'static>) -> Explained {
    let assumptions = target_assumptions(selection, due);
    let schedule = due
        .business
        .map(|index| selection.policy.schedule(index).name());
    let reading = due.rule.amount().and_then(|amount| match amount.unit {
        Unit::BusinessDays => Some(format!(
            "Due at the close of the {} business day after the day the ticket was opened; the opening day never counts.",
            text::ordinal(amount.value)
        )),
        Unit::ClockDays => Some("Days of a 24 x 7 service are counted as 24 clock hours each.".into()),
        Unit::BusinessHours => Some("Only time inside the schedule's open hours counts; a ticket opened while closed starts at the next opening.".into()),
        Unit::ClockHours => None,
    });
    let recurring = due.target.after().map(|anchor| {
        let anchor = selection.policy.targets()[anchor].label();
        match due.cadence {
            Some(every) => format!("Counted from the {anchor} deadline, then every {every}."),
            None => format!("Follows the {anchor}."),
        }
    });
    // Inherited outcomes ("as needed" anchor) describe the outcome, not the
    // cell; the policy's own words win over the outcome's generic ones.
    let rule = if due.outcome != due.rule.outcome() {
        due.outcome.describe().to_string()
    } else if let Some(words) = due.words {
        words.to_string()
    } else {
        rule_words(due.rule)
    };
    Explained {
        rule,
        qualifier: due.target.qualifier(),
        schedule,
        reading,
        recurring,
        source: cited(selection.policy, Some(&due.provenance.source)),
        assumptions,
    }
}

/// True when a target has a date to count down to.
pub fn is_dated(outcome: Outcome) -> bool {
    matches!(outcome, Outcome::Deadline | Outcome::Earliest)
}

/// A sentence for an outcome without a date: "Not included in this package."
pub fn outcome_sentence(outcome: Outcome) -> String {
    sentence(outcome.describe())
}

/// A target without a date as a sentence, in the policy's own words where
/// the data gives them.
pub fn due_sentence(due: &Due<'_>) -> String {
    match due.words.filter(|_| due.outcome == due.rule.outcome()) {
        Some(words) => sentence(words),
        None => outcome_sentence(due.outcome),
    }
}

/// Words as a sentence: the first letter upper case, a final stop.
fn sentence(words: &str) -> String {
    let mut out = String::with_capacity(words.len() + 1);
    let mut chars = words.chars();
    if let Some(first) = chars.next() {
        // Outcome phrases are ASCII; the Unicode case tables cost 10 KB of wasm.
        out.push(first.to_ascii_uppercase());
    }
    out.push_str(chars.as_str());
    out.push('.');
    out
}

/// Above the deadline cards: "NextPlane ConverseCloud, Business (EMEA (CET)
/// hours), Priority One. Opened Mon 2 Mar 2026, 17:30 CET; times in
/// Europe/Berlin."
pub fn context(selection: &Selection<'_>, opened: Instant, zone: &dyn Offsets) -> String {
    format!(
        "{}. Opened {}; times in {}.",
        super::summary::title(selection),
        when(zone, opened),
        zone.name()
    )
}

/// A time in a zone, with the zone's marker: "Mon 2 Mar 2026, 09:00 CET".
pub fn when(zone: &dyn Offsets, at: Instant) -> String {
    let mut out = text::date_time(zone::local(zone, at));
    out.push(' ');
    out.push_str(&zone::marker(zone, at));
    out
}

/// A moment in the coming week in a zone: "Mon 09:00".
fn soon(zone: &dyn Offsets, at: Instant, now: Instant) -> String {
    let local = zone::local(zone, at);
    if (at - now).num_days() >= 6 {
        text::date_time(local)
    } else {
        text::weekday_time(local)
    }
}

/// The same with the place: "Mon 09:00 Berlin time".
fn soon_in(zone: &dyn Offsets, at: Instant, now: Instant) -> String {
    let mut out = soon(zone, at, now);
    out.push(' ');
    out.push_str(&place_time(zone));
    out
}

/// "Berlin time", "UTC".
pub fn place_time(zone: &dyn Offsets) -> String {
    let city = zone::city(zone.name());
    if city == "UTC" {
        city
    } else {
        format!("{city} time")
    }
}

/// Whether support is open, in words: "Open now, closes in 2 h (Mon 17:00
/// Berlin time)" or "Closed, opens Mon 09:00 Berlin time, in 14 h".
pub fn support_words(state: OpenState, now: Instant, zone: &dyn Offsets) -> (bool, String) {
    match state {
        OpenState::Open { closes: None } => (true, "Open now, around the clock".into()),
        OpenState::Open { closes: Some(at) } => (
            true,
            format!(
                "Open now, closes in {} ({})",
                text::span((at - now).num_seconds()),
                soon_in(zone, at, now)
            ),
        ),
        OpenState::Closed { opens: Some(at) } => (
            false,
            format!(
                "Closed, opens {}, in {}",
                soon_in(zone, at, now),
                text::span((at - now).num_seconds())
            ),
        ),
        OpenState::Closed { opens: None } => (
            false,
            "Closed, and not open again within twenty years".into(),
        ),
    }
}

/// The scheduled downtime window in progress or next, in words.
pub fn downtime_words(
    window: (Instant, Option<Instant>),
    now: Instant,
    zone: &dyn Offsets,
) -> String {
    let (start, end) = window;
    if start <= now {
        match end {
            Some(end) => format!(
                "In progress now, ends {} (in {})",
                soon_in(zone, end, now),
                text::span((end - now).num_seconds())
            ),
            None => "In progress now".into(),
        }
    } else {
        let window = match end {
            Some(e) => format!("{} to {}", soon(zone, start, now), soon_in(zone, e, now)),
            None => soon_in(zone, start, now),
        };
        format!(
            "Next: {window}, starts in {}",
            text::span((start - now).num_seconds())
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::deadline::{deadlines, support_state, Timing};
    use crate::engine::load;
    use chrono::{TimeZone, Utc};

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Instant {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn the_context_line_names_the_ticket_its_opening_and_the_zone() {
        let catalog = load::embedded();
        let s = catalog
            .select("nextplane", "business", Some("emea"), "1")
            .unwrap();
        let berlin = crate::engine::zone::Zone::known("Europe/Berlin");
        assert_eq!(
            context(&s, at(2026, 3, 2, 16, 30), &berlin),
            // 16:30 UTC is 17:30 in Berlin (CET).
            "NextPlane ConverseCloud, Business (EMEA (CET) hours), Priority One. \
             Opened Mon 2 Mar 2026, 17:30 CET; times in Europe/Berlin."
        );
    }

    #[test]
    fn explains_business_targets_with_their_assumptions() {
        let catalog = load::embedded();
        let selection = catalog.select("threepbx", "standard", None, "3").unwrap();
        let dues = deadlines(&selection, at(2026, 3, 2, 14, 0), &Timing::default()).unwrap();
        let resolution = explain(&selection, &dues[1]);
        assert_eq!(resolution.rule, "8 business hours");
        assert_eq!(resolution.qualifier, Some("best effort"));
        assert_eq!(
            resolution.schedule,
            Some("Mon–Fri 09:00–19:00 US Eastern time")
        );
        assert!(!resolution.assumptions.is_empty());
        assert!(resolution.reading.is_some());
        let rfo = explain(&selection, &dues[2]);
        assert_eq!(rfo.rule, "the policy sets no target");
    }

    #[test]
    fn explains_business_days_and_recurring_targets() {
        let catalog = load::embedded();
        let selection = catalog.select("unnamed-eu", "gold", None, "2").unwrap();
        let dues = deadlines(&selection, at(2026, 3, 2, 8, 0), &Timing::default()).unwrap();
        let resolution = explain(&selection, &dues[1]);
        assert!(resolution.reading.unwrap().contains("3rd business day"));
        let selection = catalog
            .select("nextplane", "business", Some("emea"), "1")
            .unwrap();
        let dues = deadlines(&selection, at(2026, 3, 2, 8, 0), &Timing::default()).unwrap();
        let update = explain(&selection, &dues[1]);
        assert_eq!(
            update.recurring.as_deref(),
            Some("Counted from the First response deadline, then every 2 business hours.")
        );
        let selection = catalog.select("nextplane", "startup", None, "4").unwrap();
        let dues = deadlines(&selection, at(2026, 3, 2, 8, 0), &Timing::default()).unwrap();
        assert_eq!(explain(&selection, &dues[1]).rule, "as needed");
    }

    #[test]
    fn support_state_in_words() {
        let catalog = load::embedded();
        let selection = catalog.select("unnamed-eu", "gold", None, "2").unwrap();
        let berlin = crate::engine::zone::Zone::known("Europe/Berlin");
        // Monday 2 March 2026, 10:00 Berlin: open until 17:00.
        let now = at(2026, 3, 2, 9, 0);
        let (open, words) = support_words(
            support_state(&selection, now, &Default::default()),
            now,
            &berlin,
        );
        assert!(open);
        assert_eq!(words, "Open now, closes in 7 h (Mon 17:00 Berlin time)");
        // Saturday: closed until Monday 09:00.
        let now = at(2026, 3, 7, 18, 0);
        let (open, words) = support_words(
            support_state(&selection, now, &Default::default()),
            now,
            &berlin,
        );
        assert!(!open);
        assert_eq!(words, "Closed, opens Mon 09:00 Berlin time, in 1 d 14 h");
        let (_, words) = support_words(OpenState::Open { closes: None }, now, &berlin);
        assert_eq!(words, "Open now, around the clock");
    }

    #[test]
    fn downtime_in_words() {
        let la = crate::engine::zone::Zone::known("America/Los_Angeles");
        let now = at(2026, 3, 4, 17, 0);
        let start = at(2026, 3, 7, 8, 0);
        let end = at(2026, 3, 8, 8, 0);
        assert_eq!(
            downtime_words((start, Some(end)), now, &la),
            "Next: Sat 00:00 to Sun 00:00 Los Angeles time, starts in 2 d 15 h"
        );
        assert_eq!(
            downtime_words((start, Some(end)), at(2026, 3, 7, 20, 0), &la),
            "In progress now, ends Sun 00:00 Los Angeles time (in 12 h)"
        );
    }

    /// Numonix: "Periodic reports on the status of the correction" (S1, S2)
    /// with no cadence; "as long as useful progress can be made" and "next
    /// major release" kept in the policy's words. IPcelerate's response
    /// targets count from submission, an assumption (the policy: "from the
    /// time the support team acknowledges"). Sources name the document.
    #[test]
    fn policy_words_and_assumptions_are_kept() {
        let catalog = load::embedded();
        let opened = at(2026, 3, 2, 9, 0);
        let s1 = catalog.select("numonix", "saas", None, "1").unwrap();
        let dues = deadlines(&s1, opened, &Timing::default()).unwrap();
        let resolution = explain(&s1, &dues[1]);
        assert_eq!(
            resolution.rule,
            "worked 24 x 7 until resolved or as long as useful progress can be made"
        );
        assert_eq!(dues[2].target.id(), "status_reports");
        assert_eq!(dues[2].outcome, Outcome::Periodic);
        assert!(explain(&s1, &dues[2])
            .rule
            .starts_with("periodic reports on the status of the correction"));
        let s3 = catalog.select("numonix", "saas", None, "3").unwrap();
        let dues = deadlines(&s3, opened, &Timing::default()).unwrap();
        assert_eq!(
            explain(&s3, &dues[1]).rule,
            "commercially reasonable efforts to include in the next major release"
        );
        let ipc = catalog
            .select("ipcelerate", "maintenance", None, "1")
            .unwrap();
        let dues = deadlines(&ipc, opened, &Timing::default()).unwrap();
        for due in &dues[..2] {
            let assumptions = target_assumptions(&ipc, due);
            assert!(
                assumptions[0].contains("the support team acknowledges"),
                "{assumptions:?}"
            );
        }
        let explained = explain(&ipc, &dues[0]);
        assert!(
            explained
                .source
                .starts_with("IPcelerate Maintenance Policy, Exhibit A"),
            "{}",
            explained.source
        );
        assert_eq!(
            source_line(s1.policy, None),
            "Source: IXCloud SaaS Support Policies (IXCloud and IXCloud Hybrid)"
        );
    }

    #[test]
    fn sentences() {
        assert_eq!(
            outcome_sentence(Outcome::NotOffered),
            "Not included in this package."
        );
        assert_eq!(
            when(&crate::engine::zone::Zone::UTC, at(2026, 3, 2, 14, 0)),
            "Mon 2 Mar 2026, 14:00 UTC"
        );
    }
}
