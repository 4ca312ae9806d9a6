//! The ticket audit over the fixtures of every export format
//! (tests/fixtures/audit/), through the library as the page's worker uses
//! it: scan, plan, audit in slices, export. Expected rows are worked out
//! by hand in the comments; each is a results-CSV row
//! `line,ticket,severity,target,state,due,actual,margin_minutes,paused_minutes`.

use chrono::{DateTime, Utc};
use sla::audit::{self, Audit, AuditError, Choices, DateOrder, Scan, SeverityMap};
use sla::engine::load;
use sla::engine::zone::Zone;

struct Case<'a> {
    file: &'a str,
    vendor: &'a str,
    package: &'a str,
    zone: &'a str,
    as_of: &'a str,
    order: Option<DateOrder>,
}

/// The one helper: audits a fixture in slices of `step` bytes; returns
/// the results CSV rows (without header), the bad rows, and the summary
/// text.
fn audit_fixture(
    case: &Case<'_>,
    step: usize,
) -> Result<(Vec<String>, Vec<String>, String), AuditError> {
    let path = format!(
        "{}/tests/fixtures/audit/{}",
        env!("CARGO_MANIFEST_DIR"),
        case.file
    );
    let bytes = std::fs::read(&path).unwrap();
    let mut scan = Scan::new(None);
    for chunk in bytes.chunks(step) {
        scan.push(chunk)?;
    }
    let scanned = scan.finish()?;
    let catalog = load::embedded();
    let policy = catalog.policy(case.vendor).unwrap();
    let choices = Choices {
        vendor: case.vendor,
        package: case.package,
        region: None,
        zone: Zone::named(case.zone).unwrap(),
        date_order: scanned.survey.date_order(&scanned.header, case.order)?,
        as_of: DateTime::parse_from_rfc3339(case.as_of)
            .unwrap()
            .with_timezone(&Utc),
    };
    let severities = SeverityMap::defaults(scanned.format, policy);
    let plan = scanned.plan(catalog, &choices, severities.clone())?;
    let writer = plan.clone();
    let mut run = Audit::new(plan);
    let (mut csv, mut bad) = (String::new(), Vec::new());
    let mut sink = |row: Result<&audit::Ticket, &audit::RowError>| match row {
        Ok(ticket) => audit::export::results_rows(&writer, ticket, &mut csv),
        Err(e) => bad.push(e.to_string()),
    };
    for chunk in bytes.chunks(step) {
        run.push(chunk, &mut sink)?;
    }
    let (_, mut summary) = run.finish(&mut sink)?;
    let text = audit::export::summary_text(
        policy,
        &summary.lines(),
        summary.tickets(),
        summary.bad_rows(),
        &scanned.survey.severity_values().unmapped(&severities),
    );
    Ok((csv.lines().map(str::to_string).collect(), bad, text))
}

/// Audits in two slicings (every byte apart, and whole) and checks both
/// against `expected` rows and `bad` row messages.
fn check(case: &Case<'_>, expected: &[&str], bad: &[&str]) -> String {
    let (rows, errors, text) = audit_fixture(case, 1 << 20).unwrap();
    assert_eq!(rows, expected, "{}", case.file);
    assert_eq!(errors, bad, "{}", case.file);
    let (rows_small, errors_small, _) = audit_fixture(case, 1).unwrap();
    assert_eq!(
        (rows_small, errors_small),
        (rows, errors),
        "{} read a byte at a time",
        case.file
    );
    text
}

#[test]
fn generic_csv() {
    // Unnamed EU vendor, enterprise: business hours Mon-Fri 09:00-17:00
    // Berlin, common EMEA holidays; first response 8/16/24/24 business
    // hours, resolution 32 business hours / 7 / 14 business days / best effort.
    let text = check(
        &Case { file: "generic.csv", vendor: "unnamed-eu", package: "enterprise", zone: "Europe/Berlin", as_of: "2026-04-30T00:00:00Z", order: None },
        &[
            // G1, DST weekend: opened Fri 27 Mar 15:00 CET (14:00Z). 8 h: Fri 2 h,
            // Mon 30 Mar (now CEST) 6 h -> 15:00 CEST = 13:00Z; reply 14:30 CEST
            // = 12:30Z, 30 min early. 32 h: Fri 2, Mon-Wed 24, Thu 6 -> Thu 2 Apr
            // 15:00 CEST = 13:00Z; resolved 16:00 CEST, 60 min late.
            "2,G1,1,first_response,met,2026-03-30T13:00:00Z,2026-03-30T12:30:00Z,30,0",
            "2,G1,1,resolution,breached,2026-04-02T13:00:00Z,2026-04-02T14:00:00Z,-60,0",
            // G2, Easter: opened Thu 2 Apr 16:00 CEST (severity by its label).
            // 16 h: Thu 1, Good Friday and Easter Monday closed, Tue 7 Apr 8,
            // Wed 7 -> 16:00 CEST = 14:00Z; reply 13:00Z, 60 early. 7 business
            // days: Apr 7, 8, 9, 10, 13, 14, 15 -> Wed 15 Apr 17:00 CEST = 15:00Z;
            // never resolved and passed by the as-of instant: breached.
            "3,G2,2,first_response,met,2026-04-08T14:00:00Z,2026-04-08T13:00:00Z,60,0",
            "3,G2,2,resolution,breached,2026-04-15T15:00:00Z,,,0",
            // G3, opened outside hours (Sat 11 Apr 10:00): 24 h from Mon 09:00
            // -> Wed 15 Apr 17:00 = 15:00Z; reply Mon 09:05 CEST = 07:05Z, early
            // by 2 days 7 h 55 min = 3355 min. 14 business days -> Thu 30 Apr
            // 17:00 CEST = 15:00Z, after the as-of instant: open.
            "4,G3,3,first_response,met,2026-04-15T15:00:00Z,2026-04-13T07:05:00Z,3355,0",
            "4,G3,3,resolution,open,2026-04-30T15:00:00Z,,,0",
            // G4, never responded: opened Mon 13 Apr 09:00; 8 h -> 17:00 CEST;
            // 32 h -> Thu 16 Apr 17:00 CEST; both passed by the as-of instant.
            "5,G4,1,first_response,breached,2026-04-13T15:00:00Z,,,0",
            "5,G4,1,resolution,breached,2026-04-16T15:00:00Z,,,0",
            // G5, a pause 11:00-13:00 CEST on the opening day: Tue 6 h count,
            // Wed 2 h -> Wed 11:00 CEST = 09:00Z; reply Tue 16:00Z, early by 17 h
            // = 1020 min, with 120 paused minutes before it. 32 h: Tue 6, Wed 8,
            // Thu 8, Fri 8, Mon 20 Apr 2 -> 11:00 CEST = 09:00Z; resolved Fri
            // 14:00Z, early by 67 h = 4020 min.
            "6,G5,1,first_response,met,2026-04-15T09:00:00Z,2026-04-14T16:00:00Z,1020,120",
            "6,G5,1,resolution,met,2026-04-20T09:00:00Z,2026-04-17T14:00:00Z,4020,120",
            // A formula-like id is written inert. Severity 4: 24 h from Mon 20
            // Apr 09:00 -> Wed 22 Apr 17:00 CEST; reply Mon 10:00 CEST, 3300 min
            // early; resolution is best effort: no deadline.
            "7,'=2+3,4,first_response,met,2026-04-22T15:00:00Z,2026-04-20T08:00:00Z,3300,0",
            "7,'=2+3,4,resolution,no_deadline,,,,0",
        ],
        &[
            "line 8: column \"severity\": unknown severity \"Critical\": map it to one of the policy's severities (1, 2, 3, 4)",
            "line 9: column \"opened\": \"2026-02-30 10:00\" is not a timestamp: expected e.g. 2026-03-02T09:00:00Z, 2026-03-02 09:00, 25/Feb/26 10:17 PM or 2/3/2026 09:00",
        ],
    );
    // Severity 1 first response: margins 30 and 1020 met, G4 breached without
    // an event: 2 of 3 = 67 %, median the lower middle (30).
    assert!(text.contains("Severity 1 (Urgent)      first_response                  3        2        1        0    67%         30         30"), "{text}");
    assert!(
        text.starts_with("Unnamed EU vendor: 6 ticket(s) audited, 2 bad row(s)\n"),
        "{text}"
    );
    assert!(
        text.contains("unmapped priority \"Critical\": 1 row(s)"),
        "{text}"
    );
}

#[test]
fn zendesk_csv() {
    // ThreePBX standard: response 1/2/4/8 clock hours; resolution asap,
    // asap, 8 and 48 business hours Mon-Fri 09:00-19:00 New York with US
    // federal holidays; the reason for outage is measured by no column.
    // Dates are month-first (3/13/2026 settles it); first reply = Created
    // at + First reply time in minutes.
    check(
        &Case { file: "zendesk.csv", vendor: "threepbx", package: "standard", zone: "America/New_York", as_of: "2026-07-31T00:00:00Z", order: None },
        &[
            // 101, DST weekend (8 Mar): opened Fri 6 Mar 16:30 EST = 21:30Z;
            // reply 600 min later = 07:30Z vs 8 h = 05:30Z: 120 late. 48 h:
            // Fri 2.5, Mon 9 Mar (EDT) to Thu 40, Fri 5.5 -> 14:30 EDT =
            // 18:30Z; solved 2:00 PM EDT = 18:00Z, 30 early.
            "2,101,4,response,breached,2026-03-07T05:30:00Z,2026-03-07T07:30:00Z,-120,0",
            "2,101,4,resolution,met,2026-03-13T18:30:00Z,2026-03-13T18:00:00Z,30,0",
            "2,101,4,reason_for_outage,not_measured,,,,0",
            // 102, Memorial Day: opened Fri 22 May 17:00 EDT = 21:00Z; reply
            // 200 min = 00:20Z vs 4 h = 01:00Z, 40 early. 8 h: Fri 2, Mon 25
            // closed, Tue 26 09:00 + 6 -> 15:00 EDT = 19:00Z; solved 3:30 PM.
            "3,102,3,response,met,2026-05-23T01:00:00Z,2026-05-23T00:20:00Z,40,0",
            "3,102,3,resolution,breached,2026-05-26T19:00:00Z,2026-05-26T19:30:00Z,-30,0",
            "3,102,3,reason_for_outage,not_measured,,,,0",
            // 103, never replied: Sat 23 May 23:00 EDT = 03:00Z + 2 h; asap
            // has no date; the reason for outage has one (96 h) but no column.
            "4,103,2,response,breached,2026-05-24T05:00:00Z,,,0",
            "4,103,2,resolution,no_deadline,,,,0",
            "4,103,2,reason_for_outage,not_measured,2026-05-28T03:00:00Z,,,0",
            // 104, opened outside business hours (Sat 6 Jun 08:00 EDT): 4
            // clock hours -> 16:00Z, reply after 30 min, 210 early; 8 business
            // hours from Mon 8 Jun 09:00 -> 17:00 EDT = 21:00Z; solved 10:00 AM
            // EDT = 14:00Z, 420 early.
            "5,104,3,response,met,2026-06-06T16:00:00Z,2026-06-06T12:30:00Z,210,0",
            "5,104,3,resolution,met,2026-06-08T21:00:00Z,2026-06-08T14:00:00Z,420,0",
            "5,104,3,reason_for_outage,not_measured,,,,0",
        ],
        &["line 6: column \"Priority\": unknown severity \"\": map it to one of the policy's severities (1, 2, 3, 4)"],
    );
}

#[test]
fn zendesk_api_json() {
    // The API's {"tickets": [...]} answer: instants in UTC, first reply from
    // metric_set.reply_time_in_minutes.calendar, resolution from
    // metric_set.solved_at. Tickets start on lines 2 to 5.
    check(
        &Case { file: "zendesk.json", vendor: "threepbx", package: "standard", zone: "UTC", as_of: "2026-07-31T00:00:00Z", order: None },
        &[
            // 201 is 101 above, written in UTC.
            "2,201,4,response,breached,2026-03-07T05:30:00Z,2026-03-07T07:30:00Z,-120,0",
            "2,201,4,resolution,met,2026-03-13T18:30:00Z,2026-03-13T18:00:00Z,30,0",
            "2,201,4,reason_for_outage,not_measured,,,,0",
            // 202 urgent: 12:00Z + 1 h; reply after 45 min, 15 early; resolution
            // asap (no date, the solve time is still shown).
            "3,202,1,response,met,2026-03-09T13:00:00Z,2026-03-09T12:45:00Z,15,0",
            "3,202,1,resolution,no_deadline,,2026-03-09T15:00:00Z,,0",
            "3,202,1,reason_for_outage,not_measured,2026-03-10T12:00:00Z,,,0",
            // 204 normal, never replied nor solved: 4 h -> 16:00Z; 8 business
            // hours from Tue 10 Mar 08:00 EDT: 09:00-17:00 EDT = 21:00Z.
            "5,204,3,response,breached,2026-03-10T16:00:00Z,,,0",
            "5,204,3,resolution,breached,2026-03-10T21:00:00Z,,,0",
            "5,204,3,reason_for_outage,not_measured,,,,0",
        ],
        // 203 has "priority": null.
        &["line 4: [2].priority: unknown severity \"\": map it to one of the policy's severities (1, 2, 3, 4)"],
    );
}

#[test]
fn jira_csv() {
    // Unnamed EU vendor, gold: first response 8/8/8/24 business hours (no
    // Jira column measures it), resolution 16 business hours / 3 / 7
    // business days / best effort, Berlin hours. Highest/High/Medium/Low/
    // Lowest are 1/2/3/4/4. A description spans lines 2-4.
    check(
        &Case {
            file: "jira.csv",
            vendor: "unnamed-eu",
            package: "gold",
            zone: "Europe/Berlin",
            as_of: "2026-04-30T00:00:00Z",
            order: None,
        },
        &[
            // SUP-11, DST weekend: Fri 27 Mar 3:00 PM CET; 16 h: Fri 2, Mon 8,
            // Tue 6 -> 15:00 CEST = 13:00Z; resolved 11:00 AM CEST, 240 early.
            "2,SUP-11,1,first_response,not_measured,2026-03-30T13:00:00Z,,,0",
            "2,SUP-11,1,resolution,met,2026-03-31T13:00:00Z,2026-03-31T09:00:00Z,240,0",
            // SUP-12, Easter: Wed 1 Apr; 3 business days: Thu 2, (Fri 3 and
            // Mon 6 closed) Tue 7, Wed 8 -> 17:00 CEST = 15:00Z; resolved Thu 9
            // 9:30 AM CEST = 07:30Z: 16 h 30 min late.
            "5,SUP-12,2,first_response,not_measured,2026-04-02T08:00:00Z,,,0",
            "5,SUP-12,2,resolution,breached,2026-04-08T15:00:00Z,2026-04-09T07:30:00Z,-990,0",
            // SUP-13, Lowest = 4, opened Saturday evening: best effort.
            "6,SUP-13,4,first_response,not_measured,2026-04-15T15:00:00Z,,,0",
            "6,SUP-13,4,resolution,no_deadline,,,,0",
            // SUP-14, unresolved: 7 business days from Mon 13 Apr -> Wed 22.
            "7,SUP-14,3,first_response,not_measured,2026-04-13T15:00:00Z,,,0",
            "7,SUP-14,3,resolution,breached,2026-04-22T15:00:00Z,,,0",
        ],
        &[],
    );
}

#[test]
fn freshdesk_csv() {
    // ThreePBX standard as for Zendesk; first response from "Initial
    // response time"; naive timestamps in New York.
    check(
        &Case { file: "freshdesk.csv", vendor: "threepbx", package: "standard", zone: "America/New_York", as_of: "2026-07-31T00:00:00Z", order: None },
        &[
            // 301, DST weekend: as 101, but replied at 00:00 EST = 05:00Z
            // (30 early) and resolved 15:00 EDT = 19:00Z (30 late).
            "2,301,4,response,met,2026-03-07T05:30:00Z,2026-03-07T05:00:00Z,30,0",
            "2,301,4,resolution,breached,2026-03-13T18:30:00Z,2026-03-13T19:00:00Z,-30,0",
            "2,301,4,reason_for_outage,not_measured,,,,0",
            // 302: 10:00 EDT + 1 h = 15:00Z; reply 30 s early: margin 0 (whole
            // minutes, rounded down), met.
            "3,302,1,response,met,2026-07-03T15:00:00Z,2026-07-03T14:59:30Z,0,0",
            "3,302,1,resolution,no_deadline,,2026-07-03T17:00:00Z,,0",
            "3,302,1,reason_for_outage,not_measured,2026-07-04T14:00:00Z,,,0",
            // 303, Independence Day observed Fri 3 Jul: opened Thu 18:00 EDT;
            // never replied (4 h -> 02:00Z); 8 business hours: Thu 1, Mon 6 Jul
            // 09:00 + 7 -> 16:00 EDT = 20:00Z; resolved 12:00 EDT, 240 early.
            "4,303,3,response,breached,2026-07-03T02:00:00Z,,,0",
            "4,303,3,resolution,met,2026-07-06T20:00:00Z,2026-07-06T16:00:00Z,240,0",
            "4,303,3,reason_for_outage,not_measured,,,,0",
        ],
        &["line 5: column \"Created time\": \"2026-07-32 10:00:00\" is not a timestamp: expected e.g. 2026-03-02T09:00:00Z, 2026-03-02 09:00, 25/Feb/26 10:17 PM or 2/3/2026 09:00"],
    );
}

#[test]
fn servicenow_csv() {
    // Unnamed EU vendor, enterprise; `;`-separated, day-first dates (27/3
    // settles it), `?` for none; 5 - Planning maps to 4.
    check(
        &Case {
            file: "servicenow.csv",
            vendor: "unnamed-eu",
            package: "enterprise",
            zone: "Europe/Berlin",
            as_of: "2026-04-30T00:00:00Z",
            order: None,
        },
        &[
            // INC..45 as G1 above: due Thu 2 Apr 13:00Z; resolved 14:00 CEST
            // = 12:00Z, 60 early.
            "2,INC0000045,1,first_response,not_measured,2026-03-30T13:00:00Z,,,0",
            "2,INC0000045,1,resolution,met,2026-04-02T13:00:00Z,2026-04-02T12:00:00Z,60,0",
            // INC..47 as G2: due 15 Apr 15:00Z; resolved_at ? -> breached.
            "3,INC0000047,2,first_response,not_measured,2026-04-08T14:00:00Z,,,0",
            "3,INC0000047,2,resolution,breached,2026-04-15T15:00:00Z,,,0",
            "4,INC0000052,4,first_response,not_measured,2026-04-09T15:00:00Z,,,0",
            "4,INC0000052,4,resolution,no_deadline,,2026-04-09T08:00:00Z,,0",
            // INC..60 as G3: due 30 Apr 15:00Z; resolved Wed 29 Apr 10:00 CEST
            // = 08:00Z, 31 h = 1860 min early.
            "5,INC0000060,3,first_response,not_measured,2026-04-15T15:00:00Z,,,0",
            "5,INC0000060,3,resolution,met,2026-04-30T15:00:00Z,2026-04-29T08:00:00Z,1860,0",
        ],
        &[],
    );
}

#[test]
fn a_column_of_ambiguous_dates_needs_a_choice() {
    // The ServiceNow fixture with its day-first dates, read as a scan sees
    // a file whose values all fit both orders.
    let csv =
        b"number,priority,opened_at,resolved_at\nINC1,1 - Critical,2/4/2026 09:00,3/4/2026 10:00\n";
    let mut scan = Scan::new(None);
    scan.push(csv).unwrap();
    let scanned = scan.finish().unwrap();
    assert!(scanned.survey.needs_date_order());
    assert_eq!(
        scanned
            .survey
            .date_order(&scanned.header, None)
            .unwrap_err()
            .to_string(),
        "column \"opened_at\": every date fits both day-first and month-first \
         (e.g. \"2/4/2026 09:00\"): the date order must be chosen (dmy or mdy)"
    );
    assert_eq!(
        scanned
            .survey
            .date_order(&scanned.header, Some(DateOrder::MonthFirst)),
        Ok(Some(DateOrder::MonthFirst))
    );
}

#[test]
fn policies_say_which_event_measures_each_target() {
    use sla::engine::policy::Event;
    let catalog = load::embedded();
    let measured = |vendor: &str| -> Vec<(String, Option<Event>)> {
        catalog
            .policy(vendor)
            .unwrap()
            .targets()
            .iter()
            .map(|t| (t.id().to_string(), t.measured_by()))
            .collect()
    };
    let fr = Some(Event::FirstResponse);
    let res = Some(Event::Resolution);
    assert_eq!(
        measured("threepbx"),
        [
            ("response".into(), fr),
            ("resolution".into(), res),
            ("reason_for_outage".into(), None)
        ]
    );
    // The recurring update is not measured (policies/README.md, decision 19).
    assert_eq!(
        measured("nextplane"),
        [("first_response".into(), fr), ("next_update".into(), None)]
    );
    let levels = measured("ipcelerate");
    assert_eq!(levels[0], ("level1_response".into(), fr));
    assert!(levels[1..].iter().all(|(_, e)| e.is_none()), "{levels:?}");
    // The loader refuses what `sla check` refuses (tests/cli.rs), at the
    // first problem, naming the JSON path.
    let file = "tests/fixtures/check/measured-by.json";
    let json = std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let error = load::load_catalog(load::EMBEDDED_CALENDARS, &[(file, &json)]).unwrap_err();
    assert!(
        error.to_string().contains("targets[0].measured_by: unknown event \"first_reply\" (expected first_response or resolution)"),
        "{error}"
    );
    let fixed = json.replace("first_reply", "first_response");
    let error = load::load_catalog(load::EMBEDDED_CALENDARS, &[(file, &fixed)]).unwrap_err();
    assert!(
        error.to_string().contains(
            "targets[1].measured_by: a recurring target (\"after\") is not measured by one event"
        ),
        "{error}"
    );
}
