//! "Support now" as the page shows it: open or closed with the next change,
//! the support hours, the scheduled downtime and the notice periods, all
//! at one instant.

use crate::engine::deadline::{lead_time_due, next_downtime, support_state, Selection};
use crate::engine::holidays::HolidayEdits;
use crate::engine::time::{local_date, Instant, OpenState};

use super::text;
use super::ticket::{downtime_words, lead_time_assumptions, support_assumptions, support_words};

/// The support panel at one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Support {
    pub open: bool,
    /// "Open now, closes in 2 h (17:00 Berlin time)".
    pub words: String,
    /// The same in brief, for the answer strip: "Open, closes in 2 h".
    pub brief: String,
    /// "Support hours: Mon–Fri 09:00–18:00 Central European time".
    pub hours: String,
    pub downtime: Option<Downtime>,
    pub lead_times: Vec<LeadTime>,
    /// The assumptions behind the open/closed state and the hours.
    pub assumptions: Vec<&'static str>,
}

/// The scheduled downtime in progress or next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Downtime {
    pub label: &'static str,
    pub words: String,
    pub assumption: Option<&'static str>,
}

/// A notice period counted from now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadTime {
    /// The lead time id (the `data-lead-time` hook, and the row's key).
    pub id: &'static str,
    pub label: &'static str,
    /// "Thu 5 Mar 2026, if requested now (3 business days in advance)".
    pub words: String,
    /// The assumptions behind that date, marked beside it.
    pub assumptions: Vec<&'static str>,
}

/// The support panel for a selection at `now`, with the user's holiday edits.
pub fn support(selection: &Selection<'static>, now: Instant, edits: &HolidayEdits) -> Support {
    let zone = selection.coverage().schedule().zone();
    let state = support_state(selection, now, edits);
    let (open, words) = support_words(state, now, &zone);
    let policy = selection.policy;
    let downtime = policy.downtime().and_then(|d| {
        let window = next_downtime(selection, now)?;
        let zone = policy.schedule(d.schedule()).schedule().zone();
        Some(Downtime {
            label: d.label(),
            words: downtime_words(window, now, &zone),
            assumption: d.provenance().assumption.as_deref(),
        })
    });
    let lead_times = policy
        .lead_times()
        .iter()
        .filter_map(|lead| {
            let due = lead_time_due(selection, lead, now, edits).ok()?;
            let zone = policy.schedule(lead.clock()).schedule().zone();
            let day = text::date(local_date(zone, due));
            Some(LeadTime {
                id: lead.id(),
                label: lead.label(),
                words: format!("{day}, if requested now ({} in advance)", lead.amount()),
                assumptions: lead_time_assumptions(selection, lead),
            })
        })
        .collect();
    Support {
        open,
        words,
        brief: brief(state, now),
        hours: format!("Support hours: {}", selection.coverage().name()),
        downtime,
        lead_times,
        assumptions: support_assumptions(selection),
    }
}

/// Open or closed and the next change, in brief: "Open, closes in 2 h",
/// "Closed, opens in 1 d 14 h".
fn brief(state: OpenState, now: Instant) -> String {
    let left = |at: Instant| text::span((at - now).num_seconds());
    match state {
        OpenState::Open { closes: None } => "Open around the clock".into(),
        OpenState::Open { closes: Some(at) } => format!("Open, closes in {}", left(at)),
        OpenState::Closed { opens: Some(at) } => format!("Closed, opens in {}", left(at)),
        OpenState::Closed { opens: None } => "Closed".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::load;
    use chrono::{TimeZone, Utc};

    #[test]
    fn business_hours_open_and_closed() {
        // NextPlane Business EMEA: Mon-Fri 09:00-18:00 Berlin time.
        let s = load::embedded()
            .select("nextplane", "business", Some("emea"), "1")
            .unwrap();
        let edits = HolidayEdits::default();
        // Mon 2 Mar 2026 10:00 CET (09:00 UTC): open, closes at 18:00, in 8 h.
        let monday = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        let open = support(&s, monday, &edits);
        assert!(open.open);
        assert!(
            open.words.starts_with("Open now, closes in 8 h"),
            "{}",
            open.words
        );
        assert!(open.hours.starts_with("Support hours: "), "{}", open.hours);
        assert_eq!(open.brief, "Open, closes in 8 h");
        // Sat 7 Mar 2026 12:00 CET: closed until Mon 9 Mar 09:00.
        let saturday = Utc.with_ymd_and_hms(2026, 3, 7, 11, 0, 0).unwrap();
        let closed = support(&s, saturday, &edits);
        assert!(!closed.open);
        assert!(
            closed.words.starts_with("Closed, opens Mon"),
            "{}",
            closed.words
        );
        assert!(closed.words.ends_with("in 1 d 21 h"), "{}", closed.words);
        assert_eq!(closed.brief, "Closed, opens in 1 d 21 h");
    }

    #[test]
    fn a_closed_date_keeps_support_closed() {
        // The same Monday, closed by the user: opens Tuesday 09:00 instead.
        let s = load::embedded()
            .select("nextplane", "business", Some("emea"), "1")
            .unwrap();
        let mut edits = HolidayEdits::default();
        edits
            .added
            .insert(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        let monday = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        let closed = support(&s, monday, &edits);
        assert!(!closed.open);
        assert!(
            closed.words.starts_with("Closed, opens Tue"),
            "{}",
            closed.words
        );
    }

    #[test]
    fn notice_periods_are_dated_from_now() {
        let catalog = load::embedded();
        let s = catalog.select("threepbx", "standard", None, "1").unwrap();
        let with_leads = s.policy;
        assert!(!with_leads.lead_times().is_empty());
        let monday = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        let panel = support(&s, monday, &HolidayEdits::default());
        assert_eq!(panel.lead_times.len(), with_leads.lead_times().len());
        for lead in &panel.lead_times {
            assert!(
                lead.words.contains(", if requested now ("),
                "{}",
                lead.words
            );
        }
        // The new-install notice rests on its reading and the assumed
        // business hours; ThreePBX's 24 x 7 coverage on none.
        assert_eq!(
            panel.lead_times[0].assumptions,
            [
                "Three business days in advance means the session can be on the third business day after the request at the earliest.",
                "Business hours are not defined; Mon–Fri 09:00–19:00 Eastern with US federal holidays is assumed."
            ]
        );
        assert!(panel.assumptions.is_empty());
        let custom = catalog.select("nextplane", "custom", None, "1").unwrap();
        let panel = support(&custom, monday, &HolidayEdits::default());
        assert_eq!(panel.assumptions.len(), 2, "{:?}", panel.assumptions);
        assert!(panel.assumptions[0].contains("excludes any USA or EMEA holidays"));
    }
}
