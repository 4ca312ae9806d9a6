//! `sla audit`: the results CSV on stdout and the summary on stderr, or one
//! JSON line per input row in order (`{"line","error"}` for a bad row);
//! exit 0 when the file was read (bad rows included), 1 when the file as
//! a whole cannot be used, 2 for a usage error; FILE `-` is stdin.

use serde_json::Value;
use sla::cli;

/// The one helper: runs `sla ARGS` in-process with `stdin`, returning the
/// exit status, stdout and stderr.
fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let mut input = stdin;
    let mut out = Vec::new();
    let mut err = Vec::new();
    let status = cli::run(&args, &mut input, &mut out, &mut err);
    (
        status,
        String::from_utf8(out).expect("stdout is UTF-8"),
        String::from_utf8(err).expect("stderr is UTF-8"),
    )
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/audit/{name}", env!("CARGO_MANIFEST_DIR"))
}

const EU: [&str; 6] = [
    "audit",
    "--vendor",
    "unnamed-eu",
    "--package",
    "enterprise",
    "--as-of=2026-04-30T00:00:00Z",
];

fn args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut all: Vec<&str> = EU.to_vec();
    all.extend_from_slice(extra);
    all
}

#[test]
fn csv_on_stdout_summary_and_bad_rows_on_stderr() {
    let file = fixture("generic.csv");
    let (status, out, err) = run(&args(&["--tz", "Europe/Berlin", &file]), b"");
    assert_eq!(status, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "line,ticket,severity,target,state,due,actual,margin_minutes,paused_minutes"
    );
    // 6 good tickets x 2 targets (tests/audit.rs works them out).
    assert_eq!(lines.len(), 1 + 12);
    assert_eq!(
        lines[1],
        "2,G1,1,first_response,met,2026-03-30T13:00:00Z,2026-03-30T12:30:00Z,30,0"
    );
    assert!(
        err.starts_with("Unnamed EU vendor: 6 ticket(s) audited, 2 bad row(s)\n"),
        "{err}"
    );
    assert!(
        err.contains("\nline 8: column \"severity\": unknown severity \"Critical\""),
        "{err}"
    );
}

#[test]
fn json_lines_follow_the_input_rows() {
    let csv = "id,severity,opened,first_response,resolved\n\
               A,1,2026-04-13T07:00:00Z,2026-04-13T08:00:00Z,\n\
               ,1,2026-04-13T07:00:00Z,,\n\
               C,Blocker,2026-04-13T07:00:00Z,,\n";
    let (status, out, err) = run(
        &args(&["--json", "--map", "Blocker=2", "-"]),
        csv.as_bytes(),
    );
    assert_eq!(status, 0, "{err}");
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    // Severity 1: 8 business hours from Mon 13 Apr 09:00 CEST -> 17:00 CEST
    // = 15:00Z; replied 10:00 CEST, 420 minutes early. Not resolved: 32
    // business hours -> Thu 16 Apr 17:00 CEST, passed by the as-of instant.
    assert_eq!(
        lines[0],
        serde_json::json!({"ticket": "A", "severity": "1", "targets": [
            {"id": "first_response", "due": "2026-04-13T15:00:00Z", "actual": "2026-04-13T08:00:00Z", "state": "met", "margin_minutes": 420},
            {"id": "resolution", "due": "2026-04-16T15:00:00Z", "actual": null, "state": "breached", "margin_minutes": null},
        ]})
    );
    assert_eq!(
        lines[1],
        serde_json::json!({"line": 3, "error": "column \"id\": the ticket id is missing: expected e.g. 1234"})
    );
    // --map Blocker=2: 16 business hours -> Tue 14 Apr 17:00 CEST.
    assert_eq!(lines[2]["severity"], "2");
    assert_eq!(lines[2]["targets"][0]["due"], "2026-04-14T15:00:00Z");
}

#[test]
fn events_and_pauses_are_checked_per_row() {
    let csv = "id,severity,opened,first_response,resolved,pauses\n\
               A,1,2026-04-13T07:00:00Z,2026-04-13T06:00:00Z,,\n\
               B,1,2026-04-13T07:00:00Z,,,2026-04-13T09:00:00Z-2026-04-13T10:00:00Z\n\
               C,1,2026-04-13T07:00:00Z,,,2026-04-13T10:00:00Z/2026-04-13T09:00:00Z\n\
               D,1,2026-04-13T07:00:00Z,,,2026-04-13 09:00/2026-04-13 10:00;2026-04-14 09:00/2026-04-14 09:30\n";
    let (status, out, err) = run(
        &args(&["--json", "--tz", "Europe/Berlin", "-"]),
        csv.as_bytes(),
    );
    assert_eq!(status, 0, "{err}");
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines[0]["error"],
        "column \"first_response\": 2026-04-13T06:00:00Z is before the opened time 2026-04-13T07:00:00Z: expected an event after the opening"
    );
    assert_eq!(
        lines[1]["error"],
        "column \"pauses\": \"2026-04-13T09:00:00Z-2026-04-13T10:00:00Z\" is not a pause: expected FROM/UNTIL, e.g. 2026-03-02T10:00:00Z/2026-03-02T12:00:00Z (several separated by ;)"
    );
    assert_eq!(
        lines[2]["error"],
        "column \"pauses\": pause \"2026-04-13T10:00:00Z/2026-04-13T09:00:00Z\" does not end after it starts: expected FROM before UNTIL"
    );
    // D: pauses in wall time (Berlin) 09:00-10:00 Mon and 09:00-09:30 Tue.
    // 8 business hours from Mon 09:00 CEST: Mon 10:00-17:00 counts 7 h;
    // Tue the pause holds until 09:30, then 1 h -> 10:30 CEST = 08:30Z.
    assert_eq!(
        lines[3]["targets"][0]["due"], "2026-04-14T08:30:00Z",
        "{}",
        lines[3]
    );
}

#[test]
fn formats_and_date_orders_can_be_forced() {
    let csv = b"number,priority,opened_at,resolved_at\nINC1,1 - Critical,2/4/2026 09:00,?\n";
    // All dates fit both orders: the file cannot be audited without a choice.
    let (status, _, err) = run(&args(&["--tz", "Europe/Berlin", "-"]), csv);
    assert_eq!(status, 1);
    assert!(
        err.contains("the date order must be chosen (dmy or mdy): give --date-order dmy or mdy"),
        "{err}"
    );
    // Day-first: Thu 2 Apr 09:00 CEST, 32 business hours: Thu 8, Tue 7 Apr 8,
    // Wed 8, Thu 8 -> Thu 9 Apr 17:00 CEST = 15:00Z (Easter closed).
    let (status, out, err) = run(
        &args(&[
            "--tz",
            "Europe/Berlin",
            "--date-order",
            "dmy",
            "--format",
            "servicenow",
            "-",
        ]),
        csv,
    );
    assert_eq!(status, 0, "{err}");
    assert!(
        out.contains("\n2,INC1,1,resolution,breached,2026-04-09T15:00:00Z,,,0\n"),
        "{out}"
    );
    // `zendesk` is the JSON form for JSON input.
    let json = fixture("zendesk.json");
    let (status, out, err) = run(
        &[
            "audit",
            "--vendor",
            "threepbx",
            "--package",
            "standard",
            "--format",
            "zendesk",
            "--as-of",
            "2026-07-31T00:00:00Z",
            &json,
        ],
        b"",
    );
    assert_eq!(status, 0, "{err}");
    assert!(
        out.contains("\n3,202,1,response,met,2026-03-09T13:00:00Z,2026-03-09T12:45:00Z,15,0\n"),
        "{out}"
    );
    // A forced format the header is not.
    let (status, _, err) = run(&args(&["--format", "jira", "-"]), csv);
    assert_eq!(status, 1);
    assert!(err.contains("the header is not a Jira Service Management CSV header: it lacks Issue key, Created (expected"), "{err}");
}

#[test]
fn unusable_files_exit_1() {
    for (input, message) in [
        (&b""[..], "the file is empty"),
        (&b"\x00\x01\x02binary\n"[..], "the file is not text"),
        (
            &b"ticket,when\n1,2\n"[..],
            "no known export format has the columns ticket, when",
        ),
        (&b"[{\"id\": 1}"[..], "the JSON array is not closed"),
    ] {
        let (status, out, err) = run(&args(&["-"]), input);
        assert_eq!((status, out.as_str()), (1, ""), "{err}");
        assert!(err.contains(message), "{err}");
    }
    let (status, _, err) = run(&args(&["/no/such/file.csv"]), b"");
    assert_eq!(status, 1);
    assert!(
        err.starts_with("sla audit: cannot read /no/such/file.csv"),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_2() {
    for (extra, message) in [
        (vec![], "FILE: missing"),
        (
            vec!["--tz", "Mars/Olympus", "-"],
            "--tz: unknown or not compiled-in zone",
        ),
        (
            vec!["--format", "excel", "-"],
            "--format: unknown format \"excel\"",
        ),
        (
            vec!["--date-order", "ymd", "-"],
            "--date-order: \"ymd\": expected dmy or mdy",
        ),
        (
            vec!["--map", "Blocker", "-"],
            "--map: \"Blocker\": expected VALUE=SEVERITY",
        ),
        (vec!["--as-of", "yesterday", "-"], "--as-of"),
        (vec!["--colour", "red", "-"], "unknown option --colour"),
    ] {
        let (status, _, err) = run(
            &args(&extra),
            b"id,severity,opened,first_response,resolved\n",
        );
        assert_eq!(status, 2, "{extra:?}: {err}");
        assert!(err.contains(message), "{extra:?}: {err}");
    }
    let (status, _, err) = run(&["audit", "--vendor", "acme", "--package", "x", "-"], b"");
    assert_eq!(status, 2);
    assert!(err.contains("unknown vendor \"acme\""), "{err}");
    let (status, _, err) = run(
        &args(&["--map", "Blocker=9", "-"]),
        b"id,severity,opened,first_response,resolved\n",
    );
    assert_eq!(status, 2);
    assert!(err.contains("unknown severity \"9\""), "{err}");
}
