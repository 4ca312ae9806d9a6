//! `policies/schema.json` and `policies/calendars.schema.json`: JSON Schema
//! (2020-12) of the policy files, generated from the serde types of the raw
//! format (`load::raw`, whose doc comments are the descriptions) with
//! schemars. Test-only: the tests below rewrite a stale file and fail
//! (`codegen::check_generated`), and validate the embedded files against
//! the schema with an independent validator (the `jsonschema` crate).

use schemars::{json_schema, Schema, SchemaGenerator};
use serde_json::json;

/// The schema of a charge's `billable` condition (a `serde_json::Value` in
/// the raw types, parsed by `load::condition`), defined once in `$defs`
/// since it nests.
pub(super) fn condition(generator: &mut SchemaGenerator) -> Schema {
    let reference = json!({ "$ref": "#/$defs/Condition" });
    let text = |description: &str| json!({ "type": "string", "description": description });
    let one = |key: &str, description: &str, value: serde_json::Value| {
        json!({
            "type": "object",
            "description": description,
            "properties": { key: value },
            "required": [key],
            "additionalProperties": false,
        })
    };
    // within and outside take the moment judged beside the schedule.
    let timed = |key: &str, description: &str| {
        let mut schema = one(key, description, text("Schedule id, e.g. \"business\"."));
        schema["properties"]["at"] = json!({
            "enum": ["opened", "work"],
            "description": "The moment judged: \"opened\" (the ticket's opening) or \"work\" (when the work starts).",
        });
        schema
    };
    let definition = json!({
        "description": "When work is charged: \"always\", or an object with one key (within, outside, severity, flag, any, all).",
        "oneOf": [
            { "const": "always", "description": "Always charged." },
            timed("within", "Charged when the moment judged falls inside a schedule."),
            timed("outside", "Charged when the moment judged falls outside a schedule (after hours)."),
            one("severity", "Charged for these severities.", json!({
                "type": "array", "items": { "type": "string" },
                "description": "Severity ids, e.g. [\"1\", \"2\"]."
            })),
            one("flag", "Charged when the user says this fact about the ticket holds (asked in the app).", json!({
                "type": "object",
                "description": "The fact asked about.",
                "properties": {
                    "id": text("Flag id, used in URLs (flag=...) and by `sla charge --flag`, e.g. \"priority_handling\"."),
                    "label": text("The question in words, e.g. \"Priority handling requested\"."),
                },
                "required": ["id", "label"],
                "additionalProperties": false,
            })),
            one("any", "Charged when any of these holds.", json!({
                "type": "array", "items": reference, "description": "Conditions, one of which must hold."
            })),
            one("all", "Charged when all of these hold.", json!({
                "type": "array", "items": reference, "description": "Conditions, all of which must hold."
            })),
        ],
    });
    generator
        .definitions_mut()
        .insert("Condition".into(), definition);
    json_schema!({ "anyOf": [ { "$ref": "#/$defs/Condition" }, { "type": "null" } ] })
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::super::codegen::check_generated;
    use super::super::load::{raw, EMBEDDED_CALENDARS, EMBEDDED_POLICIES};

    const POLICY_SCHEMA: &str = "policies/schema.json";
    const CALENDARS_SCHEMA: &str = "policies/calendars.schema.json";

    fn generate<T: schemars::JsonSchema>() -> Value {
        serde_json::to_value(schemars::schema_for!(T)).expect("a schema is JSON")
    }

    fn text(schema: &Value) -> String {
        serde_json::to_string_pretty(schema).expect("a schema is JSON") + "\n"
    }

    #[test]
    fn schemas_are_fresh() {
        check_generated(POLICY_SCHEMA, &text(&generate::<raw::Policy>()));
        check_generated(CALENDARS_SCHEMA, &text(&generate::<raw::Calendars>()));
    }

    /// Every `properties` entry anywhere in `schema`, with its path.
    fn properties<'a>(at: &str, schema: &'a Value, out: &mut Vec<(String, &'a Value)>) {
        match schema {
            Value::Object(map) => {
                for (key, value) in map {
                    if key == "properties" {
                        for (name, property) in value.as_object().into_iter().flatten() {
                            out.push((format!("{at}.{name}"), property));
                        }
                    }
                    properties(&format!("{at}/{key}"), value, out);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    properties(&format!("{at}[{i}]"), item, out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn every_property_has_a_description() {
        for schema in [generate::<raw::Policy>(), generate::<raw::Calendars>()] {
            let mut found = Vec::new();
            properties("", &schema, &mut found);
            assert!(found.len() > 10, "only {} properties", found.len());
            let missing: Vec<&str> = found
                .iter()
                .filter(|(_, p)| {
                    p.get("description")
                        .and_then(Value::as_str)
                        .is_none_or(|d| d.trim().is_empty())
                })
                .map(|(at, _)| at.as_str())
                .collect();
            assert!(missing.is_empty(), "no description: {missing:?}");
        }
    }

    fn validator(path: &str) -> jsonschema::Validator {
        let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(full).unwrap()).unwrap();
        jsonschema::draft202012::new(&schema).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn errors(validator: &jsonschema::Validator, json: &str) -> Vec<String> {
        let instance: Value = serde_json::from_str(json).unwrap();
        validator
            .iter_errors(&instance)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect()
    }

    #[test]
    fn embedded_files_validate_and_name_the_schema() {
        let policy = validator(POLICY_SCHEMA);
        for (file, json) in EMBEDDED_POLICIES {
            assert_eq!(errors(&policy, json), Vec::<String>::new(), "{file}");
            let value: Value = serde_json::from_str(json).unwrap();
            assert_eq!(value["$schema"], "schema.json", "{file}");
        }
        let (file, json) = EMBEDDED_CALENDARS;
        assert_eq!(
            errors(&validator(CALENDARS_SCHEMA), json),
            Vec::<String>::new(),
            "{file}"
        );
        let value: Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["$schema"], "calendars.schema.json", "{file}");
    }

    type Change = fn(&mut Value);

    #[test]
    fn the_schema_rejects_what_the_loader_rejects() {
        let policy = validator(POLICY_SCHEMA);
        let base: Value = serde_json::from_str(EMBEDDED_POLICIES[4].1).unwrap();
        let cases: [(&str, Change); 6] = [
            ("unknown key", |p| p["colour"] = "red".into()),
            ("missing id", |p| {
                p.as_object_mut().unwrap().remove("id");
            }),
            ("currency", |p| p["currency"] = "GBP".into()),
            ("weekday range", |p| {
                p["schedules"][0]["weekly"] = serde_json::json!({"monday": ["09:00-17:00"]})
            }),
            ("condition key", |p| {
                p["charges"][0]["billable"] = serde_json::json!({"inside": "business"})
            }),
            ("fractional rate", |p| {
                p["charges"][0]["rate"] = serde_json::json!(125.5)
            }),
        ];
        for (what, change) in cases {
            let mut bad = base.clone();
            change(&mut bad);
            assert!(
                !errors(&policy, &bad.to_string()).is_empty(),
                "{what} accepted"
            );
        }
    }
}
