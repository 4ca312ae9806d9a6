//! `sla-gen`: the catalog and zone tables a build compiles in, from policy
//! files. Reads `policies/*.json` (not the schemas or `calendars.json`) and
//! any extra files or folders, checks them all as `sla check` does (an
//! error stops it, with `sla check`'s lines), keeps the chosen vendors, and
//! writes `catalog_data.rs` and `zone_data.rs` (the zones the policies name,
//! UTC and the listed display zones) where `SLA_GENERATED` will point,
//! rewriting a file only when it changed. Built with the `gen` feature.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::check;
use crate::engine::codegen::{self, ZoneName};
use crate::engine::load;
use crate::engine::policy::Catalog;
use crate::engine::zone::Zone;

/// What to build from.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The folder of built-in policies (`policies`).
    pub policies: PathBuf,
    /// More policy files, or folders of them (`SLA_POLICIES`).
    pub extra: Vec<PathBuf>,
    /// The vendor ids to keep, in the order the site lists them
    /// (`SLA_VENDORS`); `None` keeps every vendor.
    pub vendors: Option<Vec<String>>,
}

/// Whether a file in a policy folder is a policy (not a schema or the
/// holiday calendars).
fn is_policy_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".json") && !name.ends_with("schema.json") && name != "calendars.json"
}

/// The policy files of a folder: the built-in ones in their order
/// (`load::EMBEDDED_POLICIES`, the order the site lists them), then any
/// other by name. A file is itself, and must be a policy.
pub fn policy_files(path: &Path) -> Result<Vec<PathBuf>, String> {
    if !path.is_dir() {
        if !is_policy_file(path) {
            return Err(format!(
                "{}: not a policy file (the schemas and calendars.json are read from policies/); expected e.g. tests/fixtures/acme.json",
                path.display()
            ));
        }
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = std::fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| is_policy_file(p))
        .collect();
    let rank = |p: &PathBuf| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        load::EMBEDDED_POLICIES
            .iter()
            .position(|(f, _)| f.rsplit('/').next() == Some(name))
            .unwrap_or(usize::MAX)
    };
    files.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
    Ok(files)
}

/// The checked, chosen policies loaded into a catalog, and the real zones
/// of schedules loaded as UTC (zones this generator does not compile).
pub struct Built {
    pub catalog: Catalog,
    pub zones: Vec<ZoneName>,
}

impl Built {
    /// `catalog_data.rs` and `zone_data.rs`.
    pub fn sources(&self) -> Result<(String, String), String> {
        // Schedules loaded as UTC add UTC, which every build has anyway.
        let mut names: Vec<&str> = codegen::catalog_zones(&self.catalog);
        names.extend(self.zones.iter().map(|(_, _, z)| z.as_str()));
        let zones = codegen::zone_source(&codegen::zone_names(names))?;
        Ok((codegen::catalog_source(&self.catalog, &self.zones), zones))
    }
}

/// Reads, checks, chooses and loads. Errors are lines to print: `sla
/// check`'s for invalid files, else one naming what is wrong.
pub fn build(options: &Options) -> Result<Built, Vec<String>> {
    let one = |e: String| vec![e];
    let mut paths = policy_files(&options.policies).map_err(one)?;
    for extra in &options.extra {
        paths.extend(policy_files(extra).map_err(one)?);
    }
    let mut files = Vec::new();
    for path in &paths {
        let text =
            std::fs::read_to_string(path).map_err(|e| vec![format!("{}: {e}", path.display())])?;
        files.push((path.display().to_string(), text));
    }
    let calendars = load::load_calendars(load::EMBEDDED_CALENDARS.0, load::EMBEDDED_CALENDARS.1)
        .map_err(|e| vec![e.to_string()])?;
    let errors: Vec<String> = check::check(&files, &calendars)
        .into_iter()
        .filter(|p| !p.warning)
        .map(|p| p.to_string())
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut values: Vec<(String, Value)> = Vec::new();
    for (file, text) in &files {
        let value: Value = serde_json::from_str(text).map_err(|e| vec![format!("{file}: {e}")])?;
        values.push((file.clone(), value));
    }
    let id_of = |v: &Value| {
        v.get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    if let Some(wanted) = &options.vendors {
        let known: Vec<String> = values.iter().map(|(_, v)| id_of(v)).collect();
        let mut chosen = Vec::new();
        for id in wanted {
            match values.iter().position(|(_, v)| id_of(v) == *id) {
                Some(i) => chosen.push(values[i].clone()),
                None => {
                    return Err(one(format!(
                    "SLA_VENDORS: unknown vendor id {id:?} (known: {}; SLA_POLICIES adds files)",
                    known.join(", ")
                )))
                }
            }
        }
        if chosen.is_empty() {
            return Err(one(
                "SLA_VENDORS: no vendor named (expected ids separated by commas, e.g. acme,threepbx)"
                    .into(),
            ));
        }
        values = chosen;
    }
    // Zones this binary does not compile are loaded as UTC, and written by
    // their real name (the build compiles them).
    let mut zones = Vec::new();
    for (_, value) in values.iter_mut() {
        let id = id_of(value);
        if let Some(Value::Array(schedules)) = value.get_mut("schedules") {
            for s in schedules {
                let zone = s
                    .get("zone")
                    .and_then(Value::as_str)
                    .unwrap_or("UTC")
                    .to_string();
                if Zone::named(&zone).is_none() {
                    let schedule = s
                        .get("id")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string();
                    zones.push((id.clone(), schedule, zone));
                    s["zone"] = Value::from("UTC");
                }
            }
        }
    }
    let texts: Vec<(String, String)> = values
        .iter()
        .map(|(f, v)| (f.clone(), v.to_string()))
        .collect();
    let borrowed: Vec<(&str, &str)> = texts
        .iter()
        .map(|(f, t)| (f.as_str(), t.as_str()))
        .collect();
    let catalog =
        load::load_catalog(load::EMBEDDED_CALENDARS, &borrowed).map_err(|e| vec![e.to_string()])?;
    Ok(Built { catalog, zones })
}

/// Writes `text` to `path` unless it already holds it (so a watching dev
/// server does not rebuild for nothing); whether it wrote.
pub fn write_if_changed(path: &Path, text: &str) -> Result<bool, String> {
    if std::fs::read_to_string(path).is_ok_and(|have| have == text) {
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(extra: &[&str], vendors: Option<&str>) -> Options {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        Options {
            policies: root.join("policies"),
            extra: extra.iter().map(|e| root.join(e)).collect(),
            vendors: vendors.map(|v| v.split(',').map(String::from).collect()),
        }
    }

    fn ids(built: &Built) -> Vec<&str> {
        built.catalog.policies().iter().map(|p| p.id()).collect()
    }

    #[test]
    fn the_built_in_policies_come_in_their_order() {
        let built = build(&options(&[], None)).unwrap();
        assert_eq!(
            ids(&built),
            [
                "nextplane",
                "numonix",
                "ipcelerate",
                "unnamed-eu",
                "threepbx"
            ]
        );
        assert!(built.zones.is_empty());
    }

    #[test]
    fn a_calendar_or_schema_file_is_not_taken_for_a_policy() {
        for file in ["policies/calendars.json", "policies/schema.json"] {
            let message = build(&options(&[file], None)).err().unwrap().join("\n");
            assert!(message.contains("not a policy file"), "{file}: {message}");
        }
    }

    #[test]
    fn chosen_vendors_come_in_the_order_named() {
        let built = build(&options(
            &["tests/fixtures/acme.json"],
            Some("acme,threepbx"),
        ))
        .unwrap();
        assert_eq!(ids(&built), ["acme", "threepbx"]);
        let (catalog, zones) = built.sources().unwrap();
        assert!(catalog.contains("Zone::known(\"Australia/Sydney\")"));
        assert!(zones.contains("(\"Australia/Sydney\", "));
    }

    #[test]
    fn an_unknown_vendor_is_named_with_the_known_ones() {
        let Err(lines) = build(&options(&[], Some("threepbx,acme"))) else {
            panic!("acme is not built in");
        };
        assert_eq!(
            lines,
            ["SLA_VENDORS: unknown vendor id \"acme\" (known: nextplane, numonix, ipcelerate, unnamed-eu, threepbx; SLA_POLICIES adds files)"]
        );
    }

    #[test]
    fn an_invalid_policy_stops_with_the_check_lines() {
        let Err(lines) = build(&options(&["tests/fixtures/check/unknown-unit.json"], None)) else {
            panic!("the fixture is invalid");
        };
        assert!(lines[0].contains("unknown-unit.json:"), "{lines:?}");
        assert!(lines[0].contains("unknown unit"), "{lines:?}");
    }

    /// A zone the generator lacks is loaded as UTC and written by name.
    #[test]
    fn any_iana_zone_is_compiled_in() {
        let dir = std::env::temp_dir().join(format!("sla-gen-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let acme = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/acme.json"),
        )
        .unwrap();
        let file = dir.join("kiwi.json");
        let text = acme
            .replace("Australia/Sydney", "Pacific/Auckland")
            .replace("\"id\": \"acme\"", "\"id\": \"kiwi\"");
        std::fs::write(&file, text).unwrap();
        let built = build(&options(&[file.to_str().unwrap()], Some("kiwi"))).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(!built.zones.is_empty());
        let (catalog, zones) = built.sources().unwrap();
        assert!(catalog.contains("Zone::known(\"Pacific/Auckland\")"));
        assert!(!catalog.contains("Zone::known(\"UTC\")"));
        assert!(zones.contains("(\"Pacific/Auckland\", "));
    }
}
