//! Robustness: the embedded policy files load; malformed policy text,
//! mutated policy files, arbitrary batch lines and arbitrary instants never
//! panic (errors are fine); and a policy error names the file and the JSON
//! path of the problem.

use chrono::{DateTime, TimeDelta, Utc};
use proptest::prelude::*;
use serde_json::{json, Value};
use sla::cli;
use sla::engine::charge::{estimate, offered, Work};
use sla::engine::deadline::{self, Timing};
use sla::engine::holidays::HolidayEdits;
use sla::engine::load;
use sla::engine::policy::Catalog;
use sla::engine::time::{Instant, Pauses};

const CASES: u32 = 256;

// ------------------------------------------------------------ the real files

/// A bad edit to a shipped policy file fails here, before it can ship.
#[test]
fn embedded_policy_files_load() {
    let catalog = load::load_catalog(load::EMBEDDED_CALENDARS, &load::EMBEDDED_POLICIES)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(catalog.policies().len(), 5);
    assert_eq!(catalog.calendars().len(), 3);
    // The same files on disk as compiled in (the loader embeds them).
    let root = env!("CARGO_MANIFEST_DIR");
    for (file, text) in load::EMBEDDED_POLICIES
        .iter()
        .chain([&load::EMBEDDED_CALENDARS])
    {
        let on_disk = std::fs::read_to_string(format!("{root}/{file}")).unwrap();
        assert_eq!(&on_disk, text, "{file}");
    }
    // Every policy names its source document as in docs/policy-reading.md
    // (Sources).
    let sources: Vec<(&str, &str)> = catalog
        .policies()
        .iter()
        .map(|p| (p.id(), p.source().file.as_ref()))
        .collect();
    assert_eq!(
        sources,
        [
            ("nextplane", "000_addeb1c4ad172f24.txt"),
            ("numonix", "001_bf599086bdf042d7.txt"),
            ("ipcelerate", "002_6ef43bc74b825592.txt"),
            ("unnamed-eu", "003_c76e3af285bb6887.txt"),
            ("threepbx", "004_a1a92fc5b891f3a4.txt"),
        ]
    );
    // embedded() is the same catalog.
    assert_eq!(load::embedded().policies().len(), 5);
}

// ------------------------------------------------------ targeted mutations

fn original(file: &str) -> Value {
    let text = if file == load::EMBEDDED_CALENDARS.0 {
        load::EMBEDDED_CALENDARS.1
    } else {
        load::EMBEDDED_POLICIES
            .iter()
            .find(|(name, _)| *name == file)
            .unwrap_or_else(|| panic!("no embedded file {file}"))
            .1
    };
    serde_json::from_str(text).unwrap()
}

/// The one helper: loads the catalog with `file` replaced by its mutation
/// and returns the error message (or panics if it loaded).
fn mutated(file: &str, mutate: impl FnOnce(&mut Value)) -> String {
    let mut value = original(file);
    mutate(&mut value);
    let text = serde_json::to_string_pretty(&value).unwrap();
    let calendars = if file == load::EMBEDDED_CALENDARS.0 {
        (file, text.as_str())
    } else {
        load::EMBEDDED_CALENDARS
    };
    let policies: Vec<(&str, &str)> = load::EMBEDDED_POLICIES
        .iter()
        .map(|&(name, json)| {
            if name == file {
                (name, text.as_str())
            } else {
                (name, json)
            }
        })
        .collect();
    match load::load_catalog(calendars, &policies) {
        Ok(_) => panic!("the mutation of {file} loaded without error"),
        Err(e) => e.to_string(),
    }
}

fn obj(v: &mut Value) -> &mut serde_json::Map<String, Value> {
    v.as_object_mut().expect("an object")
}

const THREEPBX: &str = "policies/threepbx.json";
const NEXTPLANE: &str = "policies/nextplane.json";
const CALENDARS: &str = "policies/calendars.json";

/// Validation errors: file, JSON path, problem.
#[test]
fn semantic_errors_name_the_file_and_json_path() {
    let cases: Vec<(String, &str)> = vec![
        (
            mutated(THREEPBX, |v| {
                v["targets"][0]["values"]["standard"]["1"] =
                    json!({ "rule": "1 clock_hours", "words": "within the hour" })
            }),
            "policies/threepbx.json: at targets[0].values.standard.1.words: words are for results without a date",
        ),
        (
            mutated(THREEPBX, |v| {
                v["charges"][0]["billable"] = json!({ "outside": "business", "at": "lunch" })
            }),
            "policies/threepbx.json: at charges[0].billable.at: expected \"opened\" or \"work\"",
        ),
        (
            mutated(THREEPBX, |v| {
                v["charges"][0]["billable"] = json!({ "severity": ["1"], "at": "opened" })
            }),
            "policies/threepbx.json: at charges[0].billable: a condition is",
        ),
        (
            mutated(THREEPBX, |v| {
                v["targets"][1]["values"]["standard"]["5"] = json!("8 business_hours")
            }),
            "policies/threepbx.json: at targets[1].values.standard.5: ",
        ),
        (
            mutated(THREEPBX, |v| {
                v["targets"][1]["values"]["standard"]["3"] = json!("8 business_weeks")
            }),
            "policies/threepbx.json: at targets[1].values.standard.3: ",
        ),
        (
            mutated(THREEPBX, |v| {
                v["targets"][1]["values"]["standard"]["3"] = json!("0 business_hours")
            }),
            "policies/threepbx.json: at targets[1].values.standard.3: ",
        ),
        (
            mutated(THREEPBX, |v| {
                v["targets"][1]["values"]["standard"]["3"] = json!("deadline")
            }),
            "policies/threepbx.json: at targets[1].values.standard.3: ",
        ),
        (
            mutated(THREEPBX, |v| {
                obj(&mut v["targets"][0]["values"]["standard"]).remove("4");
            }),
            "policies/threepbx.json: at targets[0].values.standard: ",
        ),
        (
            mutated(THREEPBX, |v| {
                obj(&mut v["targets"][2]["values"]).remove("standard");
            }),
            "policies/threepbx.json: at targets[2].values: ",
        ),
        (
            mutated(THREEPBX, |v| {
                v["targets"][2]["values"]["premium"] = json!("asap")
            }),
            "policies/threepbx.json: at targets[2].values.premium: ",
        ),
        (
            mutated(THREEPBX, |v| {
                v["schedules"][1]["zone"] = json!("America/Nowhere")
            }),
            "policies/threepbx.json: at schedules[1].zone: ",
        ),
        (
            mutated(THREEPBX, |v| v["schedules"][1]["zone"] = json!("Eastern")),
            "policies/threepbx.json: at schedules[1].zone: ",
        ),
        (
            mutated(THREEPBX, |v| {
                v["schedules"][1]["weekly"]["wed"] = json!(["18:00-20:00"])
            }),
            "policies/threepbx.json: at schedules[1].weekly: windows overlap on wed",
        ),
        (
            mutated(THREEPBX, |v| {
                v["schedules"][1]["weekly"]["mon-fri"] = json!(["09:00-19:00", "12:00-13:00"])
            }),
            "policies/threepbx.json: at schedules[1].weekly: windows overlap on mon",
        ),
        (
            mutated(THREEPBX, |v| {
                v["schedules"][1]["weekly"]["mon-fri"] = json!(["19:00-09:00"])
            }),
            "policies/threepbx.json: at schedules[1].weekly.mon-fri[0]: ",
        ),
        (
            mutated(THREEPBX, |v| {
                v["schedules"][1]["weekly"]["mon-fri"] = json!(["09:00-25:00"])
            }),
            "policies/threepbx.json: at schedules[1].weekly.mon-fri[0]: ",
        ),
        (
            mutated(THREEPBX, |v| {
                v["schedules"][1]["weekly"] = json!({ "moon-fri": ["09:00-19:00"] })
            }),
            "policies/threepbx.json: at schedules[1].weekly.moon-fri: ",
        ),
        (
            mutated(THREEPBX, |v| v["schedules"][1]["weekly"] = json!({})),
            "policies/threepbx.json: at schedules[1].weekly: ",
        ),
        (
            mutated(THREEPBX, |v| {
                v["schedules"][1]["holidays"] = json!("uk-bank")
            }),
            "policies/threepbx.json: at schedules[1].holidays: ",
        ),
        (
            mutated(THREEPBX, |v| v["targets"][1]["clock"] = json!("nights")),
            "policies/threepbx.json: at targets[1].clock: ",
        ),
        (
            mutated(THREEPBX, |v| v["packages"][0]["coverage"] = json!("nights")),
            "policies/threepbx.json: at packages[0].coverage: ",
        ),
        (
            mutated(THREEPBX, |v| v["lead_times"][0]["clock"] = json!("nights")),
            "policies/threepbx.json: at lead_times[0].clock: ",
        ),
        (
            mutated(THREEPBX, |v| {
                v["lead_times"][0]["value"] = json!("three days")
            }),
            "policies/threepbx.json: at lead_times[0].value: ",
        ),
        (
            mutated(THREEPBX, |v| {
                v["charges"][0]["billable"]["any"][0]["outside"] = json!("nights")
            }),
            "policies/threepbx.json: at charges[0].billable.any[0].outside: ",
        ),
        (
            mutated(THREEPBX, |v| {
                v["charges"][1]["billable"]["all"][0]["severity"] = json!(["9"])
            }),
            "policies/threepbx.json: at charges[1].billable.all[0].severity[0]: ",
        ),
        (
            mutated(THREEPBX, |v| {
                v["charges"][1]["billable"]["all"][2] = json!({ "flag": { "id": "x" } })
            }),
            "policies/threepbx.json: at charges[1].billable.all[2].flag: ",
        ),
        (
            mutated(THREEPBX, |v| {
                v["charges"][2]["increment"] = json!("quarter_hour")
            }),
            "policies/threepbx.json: at charges[2].increment: ",
        ),
        (
            mutated(THREEPBX, |v| v["charges"][2]["rate"] = json!(-12500)),
            "policies/threepbx.json: at charges[2].rate: ",
        ),
        (
            mutated(THREEPBX, |v| v["currency"] = json!("GBP")),
            "policies/threepbx.json: at currency: ",
        ),
        (
            mutated(THREEPBX, |v| v["severities"][3]["id"] = json!("1")),
            "policies/threepbx.json: at severities[3].id: ",
        ),
        (
            mutated(THREEPBX, |v| v["charges"][2]["id"] = json!("new install")),
            "policies/threepbx.json: at charges[2].id: ",
        ),
        (
            mutated(NEXTPLANE, |v| {
                v["targets"][0]["after"] = json!("next_update")
            }),
            "policies/nextplane.json: at targets[0].after: ",
        ),
        (
            mutated(NEXTPLANE, |v| {
                v["packages"][1]["regions"][1]["coverage"] = json!("apac")
            }),
            "policies/nextplane.json: at packages[1].regions[1].coverage: ",
        ),
        (
            mutated(NEXTPLANE, |v| v["downtime"]["schedule"] = json!("sundays")),
            "policies/nextplane.json: at downtime.schedule: ",
        ),
        (
            mutated(NEXTPLANE, |v| {
                v["charges"][0]["packages"] = json!(["startup", "gold"])
            }),
            "policies/nextplane.json: at charges[0].packages[1]: ",
        ),
        (
            mutated(CALENDARS, |v| {
                v["calendars"][0]["holidays"][1]["month"] = json!(13)
            }),
            "policies/calendars.json: at calendars[0].holidays[1]: ",
        ),
        (
            mutated(CALENDARS, |v| v["calendars"][1]["id"] = json!("us-federal")),
            "policies/calendars.json: at calendars[1].id: ",
        ),
        (
            mutated(CALENDARS, |v| {
                v["calendars"][0]["holidays"][0]["fixed"] = json!("02-30")
            }),
            "policies/calendars.json: at calendars[0].holidays[0]: ",
        ),
    ];
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(message, prefix)| !message.starts_with(prefix))
        .map(|(message, prefix)| format!("expected {prefix:?}...\n     got {message:?}"))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Structural errors (a required key deleted, a value of the wrong type, a
/// key that does not exist) must name the file and the JSON path too, as
/// every other policy error does (see the loader's module documentation).
#[test]
fn structural_errors_name_the_file_and_json_path() {
    let cases: Vec<(String, &str)> = vec![
        (
            mutated(THREEPBX, |v| {
                obj(&mut v["targets"][1]).remove("label");
            }),
            "policies/threepbx.json: at targets[1]",
        ),
        (
            mutated(THREEPBX, |v| {
                obj(&mut v["schedules"][1]).remove("zone");
            }),
            "policies/threepbx.json: at schedules[1]",
        ),
        (
            mutated(THREEPBX, |v| v["severities"][0]["id"] = json!(1)),
            "policies/threepbx.json: at severities[0].id",
        ),
        (
            mutated(THREEPBX, |v| {
                v["targets"][1]["values"]["standard"]["3"] = json!(8)
            }),
            "policies/threepbx.json: at targets[1].values.standard",
        ),
        (
            mutated(THREEPBX, |v| v["charges"][0]["colour"] = json!("red")),
            "policies/threepbx.json: at charges[0]",
        ),
    ];
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(message, prefix)| !message.starts_with(prefix))
        .map(|(message, prefix)| format!("expected {prefix:?}...\n     got {message:?}"))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Whatever the structural problem, the file is named and the problem said.
#[test]
fn structural_errors_name_the_file_and_the_problem() {
    let message = mutated(THREEPBX, |v| {
        obj(&mut v["targets"][1]).remove("label");
    });
    assert!(message.starts_with("policies/threepbx.json: "), "{message}");
    assert!(message.contains("label"), "{message}");
    let message = mutated(THREEPBX, |v| v["severities"][0]["id"] = json!(1));
    assert!(message.starts_with("policies/threepbx.json: "), "{message}");
    assert!(message.contains("expected a string"), "{message}");
    let broken = load::load_policy(THREEPBX, "{ \"id\": ", &[])
        .unwrap_err()
        .to_string();
    assert!(broken.starts_with("policies/threepbx.json: "), "{broken}");
    let calendars = load::load_calendars(CALENDARS, "[]")
        .unwrap_err()
        .to_string();
    assert!(
        calendars.starts_with("policies/calendars.json: "),
        "{calendars}"
    );
}

#[test]
fn a_duplicate_vendor_is_rejected() {
    let (file, text) = load::EMBEDDED_POLICIES[1];
    let error = load::load_catalog(
        load::EMBEDDED_CALENDARS,
        &[(file, text), ("policies/copy.json", text)],
    )
    .unwrap_err()
    .to_string();
    assert!(error.starts_with("policies/copy.json: at id: "), "{error}");
}

// ------------------------------------------------------------- fuzzing

/// JSON built from the policy format's own words, so that parsing gets deep.
fn json_ish() -> impl Strategy<Value = Value> {
    let words = prop::sample::select(vec![
        "id",
        "name",
        "label",
        "zone",
        "weekly",
        "values",
        "targets",
        "schedules",
        "packages",
        "severities",
        "charges",
        "rule",
        "clock",
        "after",
        "coverage",
        "regions",
        "holidays",
        "rate",
        "per",
        "increment",
        "billable",
        "any",
        "all",
        "within",
        "outside",
        "severity",
        "flag",
        "mon-fri",
        "sat",
        "sun-mon",
        "1",
        "4",
        "09:00-17:00",
        "00:00-24:00",
        "24:00-24:00",
        "23:59-24:00",
        "1 business_hours",
        "3 business_days",
        "not_before 10 business_days",
        "100001 clock_hours",
        "4294967295 clock_days",
        "asap",
        "deadline",
        "Europe/Berlin",
        "America/New_York",
        "UTC",
        "us-federal",
        "emea-common",
        "always",
        "hour",
        "day",
        "minute",
        "half_hour",
        "USD",
        "EUR",
        "",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-5i64..30).prop_map(|n| json!(n)),
        words.clone().prop_map(|w| json!(w)),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((words.clone(), inner), 0..6).prop_map(|kv| Value::Object(
                kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}

/// Every path to a value inside `v`.
fn paths(v: &Value, prefix: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    out.push(prefix.clone());
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                prefix.push(PathStep::Key(k.clone()));
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                prefix.push(PathStep::Index(i));
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

#[derive(Debug, Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn at_path<'v>(v: &'v mut Value, path: &[PathStep]) -> &'v mut Value {
    path.iter().fold(v, |v, step| match step {
        PathStep::Key(k) => &mut v[k.as_str()],
        PathStep::Index(i) => &mut v[*i],
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete,
    Replace(Value),
    DuplicateInParent,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        Just(Mutation::Delete),
        Just(Mutation::DuplicateInParent),
        json_ish().prop_map(Mutation::Replace),
    ]
}

fn apply(value: &mut Value, path: &[PathStep], m: &Mutation) {
    match (m, path.split_last()) {
        (Mutation::Replace(new), _) => *at_path(value, path) = new.clone(),
        (Mutation::Delete, Some((last, parent))) => match (at_path(value, parent), last) {
            (Value::Object(map), PathStep::Key(k)) => {
                map.remove(k);
            }
            (Value::Array(items), PathStep::Index(i)) => {
                items.remove(*i);
            }
            _ => {}
        },
        (Mutation::DuplicateInParent, Some((last, parent))) => {
            let copy = at_path(value, path).clone();
            match (at_path(value, parent), last) {
                (Value::Array(items), PathStep::Index(i)) => items.insert(*i, copy),
                (Value::Object(map), PathStep::Key(k)) => {
                    map.insert(format!("{k}-copy"), copy);
                }
                _ => {}
            }
        }
        (_, None) => *value = Value::Null,
    }
}

fn instant(seconds: i64) -> Instant {
    DateTime::from_timestamp(seconds, 0).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// Years 1900-2200, or anywhere RFC 3339 input can reach (0000-9999).
fn any_instant() -> impl Strategy<Value = Instant> {
    let year_0000 = -62_167_219_200i64;
    let year_10000 = 253_402_300_800i64;
    prop_oneof![
        (-2_208_988_800i64..7_258_118_400).prop_map(instant),
        (year_0000..year_10000).prop_map(instant),
        Just(instant(year_0000)),
        Just(instant(year_10000 - 1)),
    ]
}

/// Runs every target, progress, support state and charge of every
/// selection and returns the calls that panicked (errors are fine).
fn exercise(catalog: &Catalog, opened: Instant, pauses: &[(Instant, Instant)]) -> Vec<String> {
    use std::panic::{catch_unwind, AssertUnwindSafe};
    let timing = Timing {
        pauses: Pauses::new(pauses.to_vec()).unwrap_or_default(),
        ..Timing::default()
    };
    let mut panics = Vec::new();
    for policy in catalog.policies() {
        for package in policy.packages() {
            let regions: Vec<Option<&str>> = if package.regions().is_empty() {
                vec![None]
            } else {
                package.regions().iter().map(|r| Some(r.id())).collect()
            };
            for region in regions {
                for severity in policy.severities() {
                    let s = catalog
                        .select(policy.id(), package.id(), region, severity.id())
                        .unwrap();
                    let what = format!(
                        "{}/{}/{region:?}/{}",
                        policy.id(),
                        package.id(),
                        severity.id()
                    );
                    let run = catch_unwind(AssertUnwindSafe(|| {
                        if let Ok(dues) = deadline::deadlines(&s, opened, &timing) {
                            for due in &dues {
                                let _ = deadline::progress(&s, due, opened, &timing);
                            }
                        }
                    }));
                    if run.is_err() {
                        panics.push(format!("deadlines {what} at {opened:?}"));
                    }
                    let run = catch_unwind(AssertUnwindSafe(|| {
                        deadline::support_state(&s, opened, HolidayEdits::none())
                    }));
                    if run.is_err() {
                        panics.push(format!("support_state {what} at {opened:?}"));
                    }
                    for (_, rule) in offered(&s) {
                        let work = Work {
                            minutes: 61,
                            days: 1,
                            flags: vec!["priority_handling".into()],
                            starts: opened.checked_add_signed(chrono::Duration::hours(5)),
                        };
                        let edits = sla::engine::holidays::HolidayEdits::none();
                        if catch_unwind(AssertUnwindSafe(|| {
                            estimate(&s, rule, opened, &work, edits)
                        }))
                        .is_err()
                        {
                            panics.push(format!("estimate {} {what} at {opened:?}", rule.id()));
                        }
                    }
                }
            }
        }
    }
    panics
}

/// The very ends of the instant type: the engine may refuse them, but with
/// an error, not a panic.
#[test]
fn extreme_instants_do_not_panic() {
    let mut panics = Vec::new();
    for opened in [
        DateTime::<Utc>::MIN_UTC,
        DateTime::<Utc>::MIN_UTC + TimeDelta::days(3),
        DateTime::<Utc>::MAX_UTC - TimeDelta::days(3),
        DateTime::<Utc>::MAX_UTC,
    ] {
        let found = exercise(load::embedded(), opened, &[]);
        panics.push(format!(
            "{} panicking calls at {opened:?}, e.g. {:?}",
            found.len(),
            found.first()
        ));
        if found.is_empty() {
            panics.pop();
        }
    }
    assert!(panics.is_empty(), "{}", panics.join("\n"));
}

/// `due` is RFC 3339 (four-digit years) or the line is an error: a ticket
/// opened at the very end of year 9999 cannot have a due date in 10000.
#[test]
fn batch_due_times_are_always_valid_rfc3339() {
    let mut bad = Vec::new();
    for opened in [
        "9999-12-31T23:59:59Z",
        "9999-12-28T12:00:00-05:00",
        "0000-01-01T00:00:00+23:59",
    ] {
        for (vendor, package) in [
            ("nextplane", "startup"),
            ("nextplane", "custom"),
            ("numonix", "saas"),
            ("unnamed-eu", "gold"),
            ("threepbx", "standard"),
        ] {
            let line =
                json!({ "vendor": vendor, "package": package, "severity": "1", "opened": opened })
                    .to_string();
            if let Ok(answer) = cli::batch_line(load::embedded(), &line) {
                for target in answer["targets"].as_array().unwrap() {
                    if let Some(due) = target["due"].as_str() {
                        if DateTime::parse_from_rfc3339(due).is_err() || !due.ends_with('Z') {
                            bad.push(format!("{vendor}/{package} opened {opened}: due {due:?}"));
                        }
                    }
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics_the_loader(text in ".{0,400}") {
        let calendars = load::embedded().calendars();
        if let Err(e) = load::load_policy("policies/x.json", &text, calendars) {
            prop_assert!(e.to_string().starts_with("policies/x.json: "), "{}", e);
        }
        let _ = load::load_calendars("policies/c.json", &text);
        let _ = load::load_catalog(("policies/c.json", &text), &[("policies/x.json", &text)]);
    }

    #[test]
    fn arbitrary_json_never_panics_the_loader(value in json_ish()) {
        let text = value.to_string();
        let calendars = load::embedded().calendars();
        if let Err(e) = load::load_policy("policies/x.json", &text, calendars) {
            prop_assert!(e.to_string().starts_with("policies/x.json: "), "{}", e);
        }
        let _ = load::load_calendars("policies/c.json", &text);
    }

    /// Any one mutation of a shipped file either loads (and then works
    /// without panicking) or fails with an error that names the file.
    #[test]
    fn mutated_policy_files_never_panic(
        file in 0usize..6, pick in any::<prop::sample::Index>(), m in mutation(),
        opened in (1_577_836_800i64..1_956_528_000).prop_map(instant),
    ) {
        let (name, text) = if file == 5 { load::EMBEDDED_CALENDARS } else { load::EMBEDDED_POLICIES[file] };
        let mut value: Value = serde_json::from_str(text).unwrap();
        let mut all = Vec::new();
        paths(&value, &mut Vec::new(), &mut all);
        let path = pick.get(&all).clone();
        apply(&mut value, &path, &m);
        let text = value.to_string();
        let calendars = if file == 5 { (name, text.as_str()) } else { load::EMBEDDED_CALENDARS };
        let policies: Vec<(&str, &str)> = load::EMBEDDED_POLICIES
            .iter()
            .map(|&(n, j)| if n == name { (n, text.as_str()) } else { (n, j) })
            .collect();
        match load::load_catalog(calendars, &policies) {
            Ok(catalog) => {
                let panics = exercise(&catalog, opened, &[]);
                prop_assert!(panics.is_empty(), "{:?} after {:?} at {:?}", panics, m, path);
            }
            Err(e) => {
                // A calendar mutation may surface in a policy that uses it.
                let message = e.to_string();
                let named = if file == 5 {
                    load::EMBEDDED_POLICIES
                        .iter()
                        .map(|(n, _)| *n)
                        .chain([name])
                        .any(|n| message.starts_with(&format!("{n}: ")))
                } else {
                    message.starts_with(&format!("{name}: "))
                };
                prop_assert!(named, "{}", message);
            }
        }
    }

    #[test]
    fn arbitrary_instants_and_pauses_never_panic(
        opened in any_instant(),
        raw in prop::collection::vec((any_instant(), 0i64..10 * 86_400), 0..3),
    ) {
        let pauses: Vec<(Instant, Instant)> = raw
            .iter()
            .filter_map(|&(from, len)| Some((from, from.checked_add_signed(TimeDelta::seconds(len))?)))
            .collect();
        let panics = exercise(load::embedded(), opened, &pauses);
        prop_assert!(panics.is_empty(), "{:?}", panics);
    }

    #[test]
    fn arbitrary_batch_lines_never_panic(line in ".{0,200}") {
        let _ = cli::batch_line(load::embedded(), &line);
    }

    /// Batch requests with the real field names and wild values: an answer
    /// or an error, never a panic.
    #[test]
    fn batch_requests_with_wild_values_never_panic(
        vendor in prop::sample::select(vec!["nextplane", "numonix", "ipcelerate", "unnamed-eu", "threepbx", "x", ""]),
        package in prop::sample::select(vec!["startup", "business", "custom", "saas", "maintenance",
            "time-and-materials", "gold", "standard", "?"]),
        region in prop::option::of(prop::sample::select(vec!["us", "emea", "apac"])),
        severity in prop::sample::select(vec!["1", "2", "3", "4", "0", "P1"]),
        year in 1900i32..=2200, rest in "-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9](Z|[+-][01][0-9]:[0-5][0-9])?",
        pauses in prop::collection::vec((1900i32..=2200, 1900i32..=2200), 0..3),
    ) {
        let opened = format!("{year:04}{rest}");
        let pauses: Vec<Value> = pauses
            .iter()
            .map(|(a, b)| json!({ "from": format!("{a:04}-06-01T00:00:00Z"), "until": format!("{b:04}-06-02T00:00:00+02:00") }))
            .collect();
        let mut request = json!({ "vendor": vendor, "package": package, "severity": severity, "opened": opened, "pauses": pauses });
        if let Some(r) = region {
            request["region"] = json!(r);
        }
        match cli::batch_line(load::embedded(), &request.to_string()) {
            Ok(answer) => {
                for target in answer["targets"].as_array().unwrap() {
                    if let Some(due) = target["due"].as_str() {
                        prop_assert!(due.ends_with('Z') && DateTime::parse_from_rfc3339(due).is_ok(), "{}", due);
                    }
                }
            }
            Err(message) => prop_assert!(!message.is_empty()),
        }
    }
}
