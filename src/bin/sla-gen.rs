//! `sla-gen --out DIR [--policies PATH,...] [--vendors ID,...]`: writes the
//! generated catalog and zone tables into DIR (see `sla::generate`), and
//! prints each vendor built in as `ID<TAB>NAME`. Exit 1 with the problems on
//! stderr when a policy is invalid or a vendor unknown. The site build runs
//! it (scripts/lib.sh `generate`).

use std::path::PathBuf;
use std::process::ExitCode;

use sla::generate::{self, Options};

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(lines) => {
            for line in lines {
                eprintln!("{line}");
            }
            ExitCode::FAILURE
        }
    }
}

fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty())
}

fn run(args: Vec<String>) -> Result<(), Vec<String>> {
    let usage =
        || vec!["usage: sla-gen --out DIR [--policies PATH,...] [--vendors ID,...]".to_string()];
    let mut options = Options {
        policies: PathBuf::from("policies"),
        ..Options::default()
    };
    let mut out = None;
    let mut args = args.into_iter();
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(usage)?;
        match flag.as_str() {
            "--out" => out = Some(PathBuf::from(value)),
            "--policies" => options.extra.extend(list(&value).map(PathBuf::from)),
            "--vendors" if !value.trim().is_empty() => {
                options.vendors = Some(list(&value).map(String::from).collect())
            }
            "--vendors" => {}
            _ => return Err(usage()),
        }
    }
    let out = out.ok_or_else(usage)?;
    let built = generate::build(&options)?;
    let (catalog, zones) = built.sources().map_err(|e| vec![e])?;
    for (name, text) in [("catalog_data.rs", catalog), ("zone_data.rs", zones)] {
        let path = out.join(name);
        if generate::write_if_changed(&path, &text).map_err(|e| vec![e])? {
            eprintln!("sla-gen: wrote {}", path.display());
        }
    }
    for policy in built.catalog.policies() {
        println!("{}\t{}", policy.id(), policy.name());
    }
    Ok(())
}
