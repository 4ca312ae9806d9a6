//! The `sla` command: `batch` answers exactly one JSON line per input line,
//! in order, with `{"error": ...}` naming the field for a bad line, exit
//! status 0 when every line was answered and 1 otherwise; times must carry
//! an offset; `due` is RFC 3339 UTC with `Z`.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{json, Value};
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

fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l:?}: {e}")))
        .collect()
}

/// "YYYY-MM-DDTHH:MM:SSZ" exactly.
fn is_utc_rfc3339(text: &str) -> bool {
    let b = text.as_bytes();
    text.len() == 20
        && text.ends_with('Z')
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && chrono::DateTime::parse_from_rfc3339(text).is_ok()
}

fn dues(answer: &Value) -> Vec<(String, String, Option<String>)> {
    answer["targets"]
        .as_array()
        .unwrap_or_else(|| panic!("no targets in {answer}"))
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap().to_string(),
                t["outcome"].as_str().unwrap().to_string(),
                t["due"].as_str().map(str::to_string),
            )
        })
        .collect()
}

fn s(id: &str, outcome: &str, due: Option<&str>) -> (String, String, Option<String>) {
    (id.into(), outcome.into(), due.map(str::to_string))
}

// --------------------------------------------------------------------- batch

#[test]
fn batch_answers_every_line_in_order() {
    let input = [
        // Numonix S3: 72 clock hours from 08:00Z (09:00+01:00).
        json!({"vendor": "numonix", "package": "saas", "severity": "3", "opened": "2026-03-02T09:00:00+01:00"}),
        // Business EMEA P4 from Thu 04-02 15:00 CEST: see engine_targets.rs.
        json!({"vendor": "nextplane", "package": "business", "region": "emea", "severity": "4", "opened": "2026-04-02T15:00:00+02:00"}),
        // ThreePBX P3 from Thu 07-02 15:00 EDT.
        json!({"vendor": "threepbx", "package": "standard", "severity": "3", "opened": "2026-07-02T15:00:00-04:00"}),
        // Unnamed EU gold S2 from Mon 02-09 10:00 CET with Tue 10-12 CET paused.
        json!({"vendor": "unnamed-eu", "package": "gold", "severity": "2", "opened": "2026-02-09T09:00:00Z",
               "pauses": [{"from": "2026-02-10T10:00:00+01:00", "until": "2026-02-10T12:00:00+01:00"}]}),
    ];
    let text: String = input.iter().map(|v| format!("{v}\n")).collect();
    let (status, stdout, stderr) = run(&["batch"], text.as_bytes());
    assert_eq!(status, 0, "stderr: {stderr}");
    let answers = lines(&stdout);
    assert_eq!(answers.len(), 4, "{stdout}");
    assert_eq!(
        dues(&answers[0]),
        [
            s("response", "deadline", Some("2026-03-05T08:00:00Z")),
            s("resolution", "next_release", None),
            s("status_reports", "none_stated", None),
        ]
    );
    assert_eq!(
        dues(&answers[1]),
        [
            s("first_response", "deadline", Some("2026-04-07T12:00:00Z")),
            s("next_update", "deadline", Some("2026-04-14T15:00:00Z")),
        ]
    );
    assert_eq!(
        dues(&answers[2]),
        [
            s("response", "deadline", Some("2026-07-02T23:00:00Z")),
            s("resolution", "deadline", Some("2026-07-06T17:00:00Z")),
            s("reason_for_outage", "none_stated", None),
        ]
    );
    assert_eq!(
        dues(&answers[3]),
        [
            s("first_response", "deadline", Some("2026-02-10T09:00:00Z")),
            s("resolution", "deadline", Some("2026-02-13T10:00:00Z")),
        ]
    );
    for answer in &answers {
        for (_, _, due) in dues(answer) {
            if let Some(due) = due {
                assert!(is_utc_rfc3339(&due), "{due}");
            }
        }
    }
}

/// One bad line among good ones: every line still gets exactly one answer,
/// in place, the bad one an error naming the field; the status is 1.
#[test]
fn batch_reports_bad_lines_in_place_and_exits_1() {
    let good =
        r#"{"vendor":"numonix","package":"saas","severity":"1","opened":"2026-03-02T09:00:00Z"}"#;
    let cases: Vec<(&str, &str)> = vec![
        (
            r#"{"vendor":"acme","package":"saas","severity":"1","opened":"2026-03-02T09:00:00Z"}"#,
            "vendor",
        ),
        (
            r#"{"vendor":"numonix","package":"gold","severity":"1","opened":"2026-03-02T09:00:00Z"}"#,
            "package",
        ),
        (
            r#"{"vendor":"numonix","package":"saas","severity":"9","opened":"2026-03-02T09:00:00Z"}"#,
            "severity",
        ),
        (
            r#"{"vendor":"numonix","package":"saas","region":"us","severity":"1","opened":"2026-03-02T09:00:00Z"}"#,
            "region",
        ),
        (
            r#"{"vendor":"nextplane","package":"business","region":"apac","severity":"1","opened":"2026-03-02T09:00:00Z"}"#,
            "region",
        ),
        (
            r#"{"vendor":"numonix","package":"saas","opened":"2026-03-02T09:00:00Z"}"#,
            "severity",
        ),
        (
            r#"{"vendor":"numonix","package":"saas","severity":"1"}"#,
            "opened",
        ),
        (
            r#"{"vendor":"numonix","package":"saas","severity":1,"opened":"2026-03-02T09:00:00Z"}"#,
            "severity",
        ),
        (
            r#"{"vendor":"numonix","package":"saas","severity":"1","opened":"2026-03-02T09:00:00"}"#,
            "opened",
        ),
        (
            r#"{"vendor":"numonix","package":"saas","severity":"1","opened":"2026-03-02 09:00"}"#,
            "opened",
        ),
        (
            r#"{"vendor":"numonix","package":"saas","severity":"1","opened":"yesterday"}"#,
            "opened",
        ),
        (
            r#"{"vendor":"numonix","package":"saas","severity":"1","opened":"2026-03-02T09:00:00Z","colour":"red"}"#,
            "colour",
        ),
        (
            r#"{"vendor":"numonix","package":"saas","severity":"1","opened":"2026-03-02T09:00:00Z","pauses":[{"from":"2026-03-02T10:00:00Z","until":"2026-03-02T10:00:00Z"}]}"#,
            "pauses[0]",
        ),
        (
            r#"{"vendor":"numonix","package":"saas","severity":"1","opened":"2026-03-02T09:00:00Z","pauses":[{"from":"2026-03-02T10:00:00Z","until":"2026-03-02T11:00:00Z"},{"from":"2026-03-02T10:00:00Z","until":"2026-03-02T11:00:00"}]}"#,
            "pauses[1].until",
        ),
        (
            r#"{"vendor":"numonix","package":"saas","severity":"1","opened":"2026-03-02T09:00:00Z","pauses":[{"from":"2026-03-02T12:00:00Z"}]}"#,
            "until",
        ),
        (
            r#"{"vendor":"numonix","package":"saas","severity":"1","opened":null}"#,
            "opened",
        ),
        (
            r#"{"vendor":"numonix","package":"saas","severity":"1","opened":"2026-03-02T09:00:00Z","pauses":"none"}"#,
            "pauses",
        ),
        (
            r#"{"vendor":"numonix","package":"saas","severity":"1","opened":"2026-03-02T09:00:00Z","pauses":[{"from":5,"until":"2026-03-02T11:00:00Z"}]}"#,
            "from",
        ),
        ("not json at all", ""),
        ("", ""),
    ];
    let mut unnamed = Vec::new();
    for (bad, field) in cases {
        let text = format!("{good}\n{bad}\n{good}\n");
        let (status, stdout, _) = run(&["batch"], text.as_bytes());
        assert_eq!(status, 1, "{bad}");
        let answers = lines(&stdout);
        assert_eq!(answers.len(), 3, "{bad}: {stdout}");
        assert_eq!(dues(&answers[0]), dues(&answers[2]));
        assert_eq!(answers[0]["targets"][0]["due"], "2026-03-02T10:00:00Z");
        let object = answers[1]
            .as_object()
            .unwrap_or_else(|| panic!("{bad}: {}", answers[1]));
        assert_eq!(object.len(), 1, "{bad}: only the error: {}", answers[1]);
        let error = object["error"]
            .as_str()
            .unwrap_or_else(|| panic!("{bad}: {}", answers[1]));
        assert!(!error.is_empty());
        if !error.contains(field) {
            unnamed.push(format!(
                "{bad}\n    error {error:?} does not name {field:?}"
            ));
        }
    }
    assert!(unnamed.is_empty(), "{}", unnamed.join("\n"));
}

#[test]
fn batch_error_messages() {
    let answer = |line: &str| run(&["batch"], format!("{line}\n").as_bytes()).1;
    // A time without an offset says so.
    let out = answer(
        r#"{"vendor":"numonix","package":"saas","severity":"1","opened":"2026-03-02T09:00:00"}"#,
    );
    let error = lines(&out)[0]["error"].as_str().unwrap().to_string();
    assert!(error.starts_with("opened"), "{error}");
    assert!(error.contains("offset"), "{error}");
    // An unknown vendor lists the known ones.
    let out = answer(
        r#"{"vendor":"acme","package":"saas","severity":"1","opened":"2026-03-02T09:00:00Z"}"#,
    );
    let error = lines(&out)[0]["error"].as_str().unwrap().to_string();
    assert!(error.starts_with("vendor"), "{error}");
    for vendor in [
        "nextplane",
        "numonix",
        "ipcelerate",
        "unnamed-eu",
        "threepbx",
    ] {
        assert!(error.contains(vendor), "{error}");
    }
}

#[test]
fn batch_exit_status_and_line_handling() {
    let good = r#"{"vendor":"threepbx","package":"standard","severity":"4","opened":"2026-02-09T20:00:00Z"}"#;
    // No input: no output, success.
    assert_eq!(run(&["batch"], b""), (0, String::new(), String::new()));
    // CRLF endings and a last line without a newline are still lines.
    let (status, stdout, _) = run(&["batch"], format!("{good}\r\n{good}").as_bytes());
    assert_eq!(status, 0);
    let answers = lines(&stdout);
    assert_eq!(answers.len(), 2);
    for answer in &answers {
        assert_eq!(answer["targets"][0]["due"], "2026-02-10T04:00:00Z");
    }
    // Blank lines and invalid UTF-8 are bad lines, answered in place.
    let mut input = format!("{good}\n\n").into_bytes();
    input.extend_from_slice(b"\xff\xfe\n");
    input.extend_from_slice(format!("{good}\n").as_bytes());
    let (status, stdout, _) = run(&["batch"], &input);
    assert_eq!(status, 1);
    let answers = lines(&stdout);
    assert_eq!(answers.len(), 4, "{stdout}");
    assert!(answers[0]["targets"].is_array());
    assert!(answers[1]["error"].is_string());
    assert!(answers[2]["error"].is_string());
    assert!(answers[3]["targets"].is_array());
    // Many lines keep their order.
    let many: String = (0..50)
        .map(|h| {
            json!({"vendor": "numonix", "package": "saas", "severity": "1",
                        "opened": format!("2026-03-{:02}T{:02}:00:00Z", 1 + h / 24, h % 24)})
            .to_string()
                + "\n"
        })
        .collect();
    let (status, stdout, _) = run(&["batch"], many.as_bytes());
    assert_eq!(status, 0);
    let answers = lines(&stdout);
    assert_eq!(answers.len(), 50);
    for (h, answer) in answers.iter().enumerate() {
        let hour = h + 1;
        let want = format!("2026-03-{:02}T{:02}:00:00Z", 1 + hour / 24, hour % 24);
        assert_eq!(answer["targets"][0]["due"], want.as_str(), "line {h}");
    }
}

/// The built binary: exit statuses as a shell sees them.
#[test]
fn sla_binary_batch_exit_status() {
    let exe = env!("CARGO_BIN_EXE_sla");
    let batch = |input: &str| {
        let mut child = Command::new(exe)
            .arg("batch")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let good = r#"{"vendor":"numonix","package":"saas","severity":"2","opened":"2026-03-02T09:00:00-05:00"}"#;
    let (code, stdout) = batch(&format!("{good}\n{good}\n"));
    assert_eq!(code, Some(0));
    assert_eq!(stdout.lines().count(), 2);
    assert!(
        stdout.contains(r#""due":"2026-03-02T16:00:00Z""#),
        "{stdout}"
    );
    let (code, stdout) = batch(&format!("{good}\n{{}}\n{good}\n"));
    assert_eq!(code, Some(1));
    assert_eq!(stdout.lines().count(), 3);
}

// ----------------------------------------------------------- other commands

#[test]
fn deadlines_command() {
    let (status, stdout, stderr) = run(
        &[
            "deadlines",
            "--vendor",
            "unnamed-eu",
            "--package",
            "gold",
            "--severity",
            "2",
            "--opened",
            "2026-02-09T10:00:00+01:00",
            "--json",
        ],
        b"",
    );
    assert_eq!(status, 0, "{stderr}");
    let answer: Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(
        dues(&answer),
        [
            s("first_response", "deadline", Some("2026-02-10T09:00:00Z")),
            s("resolution", "deadline", Some("2026-02-12T16:00:00Z")),
        ]
    );
    // Pauses and holiday edits: Tue 10-12 CET paused moves the resolution to
    // Fri 11:00 CET; closing Wed 02-11 as well moves it to Mon 02-16 11:00 CET
    // (D0 Fri 02-13 17:00 CET, R = 7+8+8+8 = 31 h, 29 h by Friday's close).
    let (status, stdout, _) = run(
        &[
            "deadlines",
            "--vendor",
            "unnamed-eu",
            "--package",
            "gold",
            "--severity",
            "2",
            "--opened",
            "2026-02-09T09:00:00Z",
            "--pause",
            "2026-02-10T09:00:00Z/2026-02-10T11:00:00Z",
            "--holiday",
            "+2026-02-11",
            "--json",
        ],
        b"",
    );
    assert_eq!(status, 0);
    let answer: Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(
        dues(&answer),
        [
            s("first_response", "deadline", Some("2026-02-10T09:00:00Z")),
            s("resolution", "deadline", Some("2026-02-16T10:00:00Z")),
        ]
    );
    // The text form names the targets and the UTC due times.
    let (status, stdout, _) = run(
        &[
            "deadlines",
            "--vendor",
            "ipcelerate",
            "--package",
            "maintenance",
            "--severity",
            "1",
            "--opened",
            "2026-05-21T17:00:00-05:00",
        ],
        b"",
    );
    assert_eq!(status, 0);
    assert!(stdout.contains("2026-05-27T23:00:00Z"), "{stdout}");
    assert!(
        stdout.contains("not before 2026-06-05T23:00:00Z"),
        "{stdout}"
    );
}

#[test]
fn command_errors_exit_2_and_name_the_problem() {
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec![
                "deadlines",
                "--vendor",
                "numonix",
                "--package",
                "saas",
                "--severity",
                "1",
                "--opened",
                "2026-03-02T09:00:00",
            ],
            "offset",
        ),
        (
            vec![
                "deadlines",
                "--vendor",
                "numonix",
                "--package",
                "saas",
                "--severity",
                "1",
            ],
            "--opened",
        ),
        (
            vec![
                "deadlines",
                "--vendor",
                "numonix",
                "--package",
                "saas",
                "--opened",
                "2026-03-02T09:00:00Z",
            ],
            "--severity",
        ),
        (
            vec![
                "deadlines",
                "--vendor",
                "numonix",
                "--package",
                "saas",
                "--severity",
                "1",
                "--opened",
                "2026-03-02T09:00:00Z",
                "--pause",
                "2026-03-02T11:00:00Z/2026-03-02T10:00:00Z",
            ],
            "pause",
        ),
        (
            vec![
                "deadlines",
                "--vendor",
                "numonix",
                "--package",
                "saas",
                "--severity",
                "1",
                "--opened",
                "2026-03-02T09:00:00Z",
                "--holiday",
                "2026-13-01",
            ],
            "holiday",
        ),
        (vec!["deadlines", "--colour", "red"], "colour"),
        (
            vec![
                "charge",
                "--vendor",
                "threepbx",
                "--package",
                "standard",
                "--severity",
                "1",
                "--opened",
                "2026-03-02T09:00:00Z",
                "--service",
                "massage",
            ],
            "service",
        ),
        (
            vec![
                "charge",
                "--vendor",
                "threepbx",
                "--package",
                "standard",
                "--severity",
                "1",
                "--opened",
                "2026-03-02T09:00:00Z",
                "--service",
                "new_install",
                "--hours",
                "lots",
            ],
            "--hours",
        ),
        (vec!["frobnicate"], "frobnicate"),
        (vec![], "command"),
        (vec!["batch", "extra"], "batch"),
    ];
    for (args, needle) in cases {
        let (status, stdout, stderr) = run(&args, b"");
        assert_eq!(status, 2, "{args:?}: {stdout}{stderr}");
        assert!(stdout.is_empty(), "{args:?}");
        assert!(
            stderr.contains(needle),
            "{args:?}: {stderr:?} does not mention {needle:?}"
        );
    }
}

/// `sla charge <args> --json`, which must succeed, as JSON.
fn charge_json(args: &str) -> Value {
    let mut argv: Vec<&str> = vec!["charge"];
    argv.extend(args.split_whitespace());
    argv.push("--json");
    let (status, stdout, stderr) = run(&argv, b"");
    assert_eq!(status, 0, "sla {argv:?}: {stderr}");
    serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("sla {argv:?}: {e}: {stdout}"))
}

#[test]
fn charge_command() {
    // ThreePBX P1 after hours (Tue 20:00 EST), not their fault, 1.5 h.
    let p1 = "--vendor threepbx --package standard --severity 1 --opened 2026-02-10T20:00:00-05:00 --service p1_after_hours";
    let answer = charge_json(&format!("{p1} --hours 1.5 --flag not_vendor_fault"));
    assert_eq!(answer["total_minor"], 18_750);
    assert_eq!(answer["currency"], "USD");
    // A decimal comma, as typed in Europe, reads the same as the point.
    let comma = charge_json(&format!("{p1} --hours 1,5 --flag not_vendor_fault"));
    assert_eq!(comma["total_minor"], 18_750);
    // Without the flag: nothing to pay.
    let answer = charge_json(&format!("{p1} --hours 1:30"));
    assert_eq!(answer["total_minor"], 0);
    // IPcelerate on-site, 2 days; the work-around fee is not stated.
    let tm = "--vendor ipcelerate --package time-and-materials --severity 2 --opened 2026-05-26T10:00:00-05:00";
    let answer = charge_json(&format!("{tm} --service onsite_daily --days 2"));
    assert_eq!(answer["total_minor"], 1_600_000);
    let answer = charge_json(&format!("{tm} --service workaround_fee"));
    assert!(answer["total_minor"].is_null(), "{answer}");
    // NextPlane federated partner support 2.25 h on a Tuesday morning: 3 h.
    let answer = charge_json(
        "--vendor nextplane --package startup --severity 3 --opened 2026-04-14T10:00:00-07:00 \
         --service federated_partner --hours 2.25",
    );
    assert_eq!(answer["total_minor"], 75_000);
}

#[test]
fn help_and_policies() {
    let (status, stdout, _) = run(&["help"], b"");
    assert_eq!(status, 0);
    assert!(stdout.contains("sla batch"));
    let (status, stdout, _) = run(&["policies"], b"");
    assert_eq!(status, 0);
    for vendor in [
        "nextplane",
        "numonix",
        "ipcelerate",
        "unnamed-eu",
        "threepbx",
    ] {
        assert!(stdout.contains(vendor), "{stdout}");
    }
    assert!(stdout.contains("[regions: us, emea]"), "{stdout}");
}

// --------------------------------------------------------------------- check

/// Each fixture holds one problem: (fixture, exit status, exact output).
const CHECK_CASES: [(&str, i32, &str); 13] = [
    ("unknown-unit", 1, "29:38: targets[0].values.standard.1: unknown unit \"hrs\" (expected one of clock_hours, clock_days, business_hours, business_days)"),
    ("unknown-schedule", 1, "27:61: targets[0].clock: unknown schedule \"support_hours\" (expected one of business)"),
    ("severity-without-targets", 1, "29:31: targets[0].values.standard: severity \"2\" has no value for target \"response\": expected \"2\": \"<rule>\", e.g. \"8 business_hours\" or \"none_stated\""),
    ("overlapping-windows", 1, "14:74: schedules[0].weekly.mon-fri[1]: windows overlap on mon: 09:00-13:00 and 12:00-17:00 (schedules[0].weekly.mon-fri[0]): expected windows that do not overlap, e.g. \"09:00-12:00\" and \"13:00-17:00\""),
    ("empty-window", 1, "14:83: schedules[0].weekly.sat[0]: window \"10:00-10:00\" is empty: expected an end after the start, e.g. \"09:00-17:00\""),
    ("empty-weekly", 1, "14:45: schedules[0].weekly: no open windows: expected at least one, e.g. {\"mon-fri\": [\"09:00-17:00\"]}\n\
      {}14:58: schedules[0].weekly.mon-fri: no windows for \"mon-fri\": expected windows such as [\"09:00-17:00\"], or leave \"mon-fri\" out"),
    ("not-an-iana-zone", 1, "14:15: schedules[0].zone: \"America/NewYork\" is not an IANA time zone: expected a name such as \"Europe/Berlin\" or \"America/New_York\""),
    ("zone-not-compiled", 0, "14:15: schedules[0].zone: warning: \"Asia/Tokyo\" is an IANA zone but is not compiled into this build: put the file in policies/ and run scripts/build-site.sh, which compiles the zones the policies name"),
    ("charge-condition-schedule", 1, "35:66: charges[0].billable.any[1].outside: unknown schedule \"bussiness\" (expected one of business)"),
    ("measured-by", 1, "27:88: targets[0].measured_by: unknown event \"first_reply\" (expected first_response or resolution)\n\
      {}32:86: targets[1].measured_by: a recurring target (\"after\") is not measured by one event: leave measured_by out"),
    ("duplicate-id", 1, "31:13: targets[1].id: duplicate id \"response\" (also at targets[0]): expected an id of its own"),
    ("minor-digits", 1, "33:65: charges[0].rate: amount 150.005 has more minor digits than USD has: amounts are whole minor units (USD has 2 minor digits), e.g. 12550 for 125.50"),
    ("warnings", 0, "12:5: schedules[0]: warning: schedule \"business\" has no holidays, so holidays count as open time: add \"holidays\": \"<calendar id>\", or an \"assumption\" saying why not\n\
      {}26:5: targets[0].source: warning: target \"response\" has no source: expected where the document states it, e.g. \"source\": \"§4 Response times\""),
];

#[test]
fn check_reports_each_problem_with_its_position() {
    for (name, status, lines) in CHECK_CASES {
        let file = format!("tests/fixtures/check/{name}.json");
        let want: String = lines
            .split("\n{}")
            .map(|line| format!("{file}:{line}\n"))
            .collect();
        let (got, out, err) = run(&["check", &file], b"");
        assert_eq!(
            (got, out.as_str()),
            (status, want.as_str()),
            "{name}: {err}"
        );
        assert!(err.starts_with("sla check: 1 file(s)"), "{name}: {err}");
    }
}

#[test]
fn check_accepts_the_shipped_policies_without_a_warning() {
    let mut args = vec!["check".to_string()];
    for entry in std::fs::read_dir("policies").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            args.push(path.to_string_lossy().into_owned());
        }
    }
    assert!(args.len() >= 7, "{args:?}");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (status, out, err) = run(&args, b"");
    assert_eq!((status, out.as_str()), (0, ""), "{err}");
}

#[test]
fn check_reports_syntax_errors_unreadable_files_and_duplicate_vendors() {
    let dir = std::env::temp_dir().join(format!("sla-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\n  \"id\": \"x\",\n  \"name\" \"x\"\n}\n").unwrap();
    let broken = broken.to_string_lossy().into_owned();
    let (status, out, _) = run(&["check", &broken], b"");
    assert_eq!(
        (status, out),
        (
            1,
            format!("{broken}:3:10: $: expected `:`: expected a JSON object\n")
        )
    );
    let (status, _, err) = run(&["check", "tests/fixtures/check/no-such-file.json"], b"");
    assert_eq!(status, 2);
    assert!(
        err.contains("cannot read tests/fixtures/check/no-such-file.json"),
        "{err}"
    );
    let file = "tests/fixtures/check/warnings.json";
    let (status, out, _) = run(&["check", file, file], b"");
    assert_eq!(status, 1);
    assert!(
        out.contains(&format!("{file}:3:9: id: duplicate vendor id \"fixture\" (also in {file}): expected an id of its own")),
        "{out}"
    );
}

#[test]
fn init_prints_a_policy_that_check_accepts_and_deadlines_uses() {
    let (status, policy, err) = run(&["init", "acme-2"], b"");
    assert_eq!(status, 0, "{err}");
    assert!(policy.contains("\"id\": \"acme-2\""), "{policy}");
    let file = std::env::temp_dir().join(format!("sla-init-{}.json", std::process::id()));
    std::fs::write(&file, &policy).unwrap();
    let file = file.to_string_lossy().into_owned();
    let (status, out, err) = run(&["check", &file], b"");
    assert_eq!((status, out.as_str()), (0, ""), "{err}");
    // Severity 1: 4 business hours from Monday 16:00 New York (1 today, 3 on Tuesday).
    let (status, out, err) = run(
        &[
            "deadlines",
            "--policy",
            &file,
            "--package",
            "standard",
            "--severity",
            "1",
            "--opened",
            "2026-03-02T16:00:00-05:00",
            "--json",
        ],
        b"",
    );
    assert_eq!(status, 0, "{err}");
    assert_eq!(
        dues(&lines(&out)[0]),
        [s("response", "deadline", Some("2026-03-03T17:00:00Z"))]
    );
    let (status, _, err) = run(&["init", "no spaces"], b"");
    assert_eq!(status, 2);
    assert!(err.contains("\"no spaces\" is not an id"), "{err}");
}

/// The worked example of docs/authoring-policies.md: a fictional vendor in
/// Sydney (a zone no shipped policy uses), opened on a Friday before the
/// end of daylight saving (Sunday 2026-04-05, +11:00 to +10:00).
#[test]
fn the_authoring_example_checks_and_computes() {
    let file = "tests/fixtures/acme.json";
    let (status, out, err) = run(&["check", file], b"");
    assert_eq!((status, out.as_str()), (0, ""), "{err}");
    // Friday 16:00 AEDT: 2 business hours that day, 2 more from Monday
    // 08:00 AEST; the update is due at the close of the next business day.
    let (status, out, err) = run(
        &[
            "deadlines",
            "--policy",
            file,
            "--package",
            "standard",
            "--severity",
            "2",
            "--opened",
            "2026-04-03T16:00:00+11:00",
            "--json",
        ],
        b"",
    );
    assert_eq!(status, 0, "{err}");
    assert_eq!(
        dues(&lines(&out)[0]),
        [
            s("response", "deadline", Some("2026-04-06T00:00:00Z")),
            s("update", "deadline", Some("2026-04-07T08:00:00Z")),
            s("resolution", "best_effort", None),
        ]
    );
    // Opened at 19:00, after hours: 1 h 15 min billed as 1 h 30 min at 180.00.
    let (status, out, err) = run(
        &[
            "charge",
            "--policy",
            file,
            "--vendor",
            "acme",
            "--package",
            "standard",
            "--severity",
            "2",
            "--opened",
            "2026-04-03T19:00:00+11:00",
            "--service",
            "after_hours",
            "--hours",
            "1:15",
            "--json",
        ],
        b"",
    );
    assert_eq!(status, 0, "{err}");
    assert_eq!(lines(&out)[0]["total_minor"], 27000, "{out}");
    // The built-in catalog does not know the vendor.
    let (status, _, err) = run(
        &[
            "deadlines",
            "--vendor",
            "acme",
            "--package",
            "standard",
            "--severity",
            "2",
            "--opened",
            "2026-04-03T16:00:00+11:00",
        ],
        b"",
    );
    assert_eq!(status, 2);
    assert!(err.contains("unknown vendor \"acme\""), "{err}");
}

/// `sla charge` with `args`, which must fail: its stderr.
fn charge_error(args: &str) -> String {
    let mut argv: Vec<&str> = vec!["charge"];
    argv.extend(args.split_whitespace());
    let (status, stdout, stderr) = run(&argv, b"");
    assert_eq!(status, 2, "sla {argv:?} should fail: {stdout}");
    stderr
}

#[test]
fn charge_rejects_options_that_would_silently_cost_nothing() {
    let install = "--vendor threepbx --package standard --severity 4 --opened 2026-03-03T12:00:00-05:00 --service new_install";
    let tm = "--vendor ipcelerate --package time-and-materials --severity 2 --opened 2026-05-26T10:00:00-05:00";
    let cases = [
        (
            format!("{install} --hours 1 --flag priority"),
            "sla: --flag: unknown flag \"priority\" for service \"new_install\" (expected priority_handling)\n",
        ),
        (
            format!("{install} --days 2"),
            "sla: --days: service \"new_install\" is charged per hour: give --hours instead\n",
        ),
        (
            format!("{tm} --service remote_daily --hours 3"),
            "sla: --hours: service \"remote_daily\" is charged per day: give --days instead\n",
        ),
        (
            format!("{tm} --service remote_daily --days 1 --flag urgent"),
            "sla: --flag: unknown flag \"urgent\" for service \"remote_daily\" (it asks about no flag)\n",
        ),
        (
            format!("{install} --work-at 2026-03-03T20:00:00"),
            "sla: --work-at: \"2026-03-03T20:00:00\" is not a valid time: it has no UTC offset; add one such as Z or +01:00\n",
        ),
        // The app's checks, with the app's words.
        (
            format!("{install} --work-at 9999-01-01T00:00:00Z"),
            "sla: --work-at: 9999-01-01T00:00:00Z is outside the years 1000 to 9000\n",
        ),
        (
            format!("{install} --pause 2026-01-01T00:00:00Z/2037-01-01T00:00:00Z"),
            "sla: pause: a pause may last at most 10 years\n",
        ),
    ];
    for (args, expected) in cases {
        assert_eq!(charge_error(&args), expected, "sla charge {args}");
    }
}

#[test]
fn charge_honors_work_at_and_holidays() {
    // Opened Tue 3 Mar 12:00 EST, work at 20:00 EST: after hours, billed.
    let install = "--vendor threepbx --package standard --severity 4 --opened 2026-03-03T12:00:00-05:00 --service new_install --hours 1";
    let answer = charge_json(install);
    assert_eq!(answer["total_minor"], 0, "{answer}");
    assert_eq!(answer["work_at"], "2026-03-03T17:00:00Z");
    let answer = charge_json(&format!("{install} --work-at 2026-03-03T20:00:00-05:00"));
    assert_eq!(answer["total_minor"], 12_500, "{answer}");
    assert_eq!(
        answer["judged"][0],
        "Judged at the work start, Tue 3 Mar 2026, 20:00 EST: outside Mon–Fri 09:00–19:00 US Eastern time"
    );
    // The same noon with the day closed by the user: billed.
    let answer = charge_json(&format!("{install} --holiday +2026-03-03"));
    assert_eq!(answer["total_minor"], 12_500, "{answer}");
    // Thanksgiving noon is billed, unless the holiday is worked.
    let thanksgiving = "--vendor threepbx --package standard --severity 4 --opened 2026-11-26T12:00:00-05:00 --service new_install --hours 1";
    assert_eq!(charge_json(thanksgiving)["total_minor"], 12_500);
    let answer = charge_json(&format!("{thanksgiving} --holiday -2026-11-26"));
    assert_eq!(answer["total_minor"], 0, "{answer}");
    assert!(answer["source"]
        .as_str()
        .unwrap()
        .starts_with("Source: ThreePBX Support Policy (updated 12/01/21), §3"));
    assert!(
        answer["assumptions"].as_array().unwrap().len() >= 2,
        "{answer}"
    );
    let (status, help, _) = run(&["charge", "--help"], b"");
    assert_eq!(status, 0);
    for option in ["--work-at", "--holiday", "--pause", "unknown flag"] {
        assert!(help.contains(option), "{help}");
    }
}

#[test]
fn deadlines_print_each_targets_source_and_assumptions() {
    let args = [
        "deadlines",
        "--vendor",
        "ipcelerate",
        "--package",
        "maintenance",
        "--severity",
        "1",
        "--opened",
        "2026-03-02T09:00:00-06:00",
    ];
    let (status, text, stderr) = run(&args, b"");
    assert_eq!(status, 0, "{stderr}");
    assert!(text.contains("    Source: IPcelerate Maintenance Policy, Exhibit A: Problem Resolution procedure, Exhibit A: response and escalation table"), "{text}");
    assert!(
        text.contains("    assumption: Counted from the ticket's opened time."),
        "{text}"
    );
    assert!(!text.contains(".txt"), "{text}");
    let mut json_args = args.to_vec();
    json_args.push("--json");
    let (_, out, _) = run(&json_args, b"");
    let answer: Value = serde_json::from_str(out.trim()).unwrap();
    let first = &answer["targets"][0];
    assert_eq!(first["id"], "level1_response");
    assert!(first["source"]
        .as_str()
        .unwrap()
        .starts_with("Source: IPcelerate Maintenance Policy"));
    assert!(first["assumptions"][0]
        .as_str()
        .unwrap()
        .contains("the support team acknowledges"));
}

#[test]
fn batch_checks_pauses_like_the_app() {
    let line = json!({"vendor": "numonix", "package": "saas", "severity": "1", "opened": "2026-03-02T09:00:00Z",
        "pauses": [{"from": "2026-03-02T11:00:00Z", "until": "2026-03-02T10:00:00Z"},
                   {"from": "2026-03-02T10:00:00Z", "until": "2040-03-02T10:00:00Z"}]});
    let answer = cli::batch_line(sla::engine::load::embedded(), &line.to_string()).unwrap_err();
    assert_eq!(
        answer,
        "pauses[0]: the pause 2026-03-02T11:00:00Z/2026-03-02T10:00:00Z ends before it starts"
    );
    let line = json!({"vendor": "numonix", "package": "saas", "severity": "1", "opened": "2026-03-02T09:00:00Z",
        "pauses": [{"from": "2026-03-02T10:00:00Z", "until": "2040-03-02T10:00:00Z"}]});
    let answer = cli::batch_line(sla::engine::load::embedded(), &line.to_string()).unwrap_err();
    assert_eq!(answer, "pauses[0]: a pause may last at most 10 years");
    let line = json!({"vendor": "numonix", "package": "saas", "severity": "1", "opened": "0999-03-02T09:00:00Z"});
    let answer = cli::batch_line(sla::engine::load::embedded(), &line.to_string()).unwrap_err();
    assert_eq!(
        answer,
        "opened: 0999-03-02T09:00:00Z is outside the years 1000 to 9000"
    );
}

#[test]
fn policies_json_lists_every_vendor_package_region_and_severity() {
    let (status, out, _) = run(&["policies", "--json"], b"");
    assert_eq!(status, 0);
    let answer: Value = serde_json::from_str(out.trim()).unwrap();
    let policies = answer["policies"].as_array().unwrap();
    assert_eq!(policies.len(), 5);
    let nextplane = &policies[0];
    assert_eq!(nextplane["id"], "nextplane");
    assert_eq!(nextplane["packages"][2]["id"], "enterprise");
    assert_eq!(nextplane["packages"][2]["regions"], json!(["us", "emea"]));
    assert_eq!(nextplane["severities"], json!(["1", "2", "3", "4"]));
}
