//! Deadline computations per second over the full vendor x package x
//! region x severity matrix, for tickets opened at spread-out instants.
//! Run with `cargo bench --bench deadlines`; the README records the figure.

use std::hint::black_box;
use std::time::{Duration, Instant as Clock};

use chrono::{TimeDelta, TimeZone, Utc};
use sla::engine::deadline::{deadlines, Selection, Timing};
use sla::engine::load;
use sla::engine::policy::{Amount, Unit};

fn matrix() -> Vec<Selection<'static>> {
    let catalog = load::embedded();
    let mut out = Vec::new();
    for policy in catalog.policies() {
        for package in policy.packages() {
            let regions: Vec<Option<&str>> = if package.regions().is_empty() {
                vec![None]
            } else {
                package.regions().iter().map(|r| Some(r.id())).collect()
            };
            for region in regions {
                for severity in policy.severities() {
                    out.push(
                        catalog
                            .select(policy.id(), package.id(), region, severity.id())
                            .expect("valid selection"),
                    );
                }
            }
        }
    }
    out
}

/// Runs `work` repeatedly for about `budget` and returns calls per second.
fn rate(budget: Duration, mut work: impl FnMut() -> usize) -> (f64, usize) {
    let start = Clock::now();
    let mut calls = 0usize;
    while start.elapsed() < budget {
        calls += work();
    }
    (calls as f64 / start.elapsed().as_secs_f64(), calls)
}

fn main() {
    let selections = matrix();
    let base = Utc.with_ymd_and_hms(2026, 3, 2, 0, 0, 0).unwrap();
    // 97 openings spread over a year, at odd minutes, so weekends, nights,
    // holidays and DST weeks all occur.
    let openings: Vec<_> = (0..97)
        .map(|i| base + TimeDelta::minutes(i * 5437))
        .collect();
    let timing = Timing::default();
    let targets: usize = selections
        .iter()
        .map(|s| {
            deadlines(s, base, &timing)
                .unwrap()
                .iter()
                .filter(|d| d.due.is_some())
                .count()
        })
        .sum();

    let (per_second, calls) = rate(Duration::from_secs(3), || {
        for opened in &openings {
            for selection in &selections {
                black_box(deadlines(black_box(selection), *opened, &timing).unwrap());
            }
        }
        openings.len() * selections.len()
    });
    println!(
        "matrix: {} selections ({targets} dated targets per opening), {calls} ticket computations",
        selections.len()
    );
    println!("deadline computations (whole ticket, all targets): {per_second:.0} per second");

    // Cost must not grow with the target: 1 vs 1,000 business days and hours.
    let catalog = load::embedded();
    let gold = catalog.select("unnamed-eu", "gold", None, "2").unwrap();
    for (value, unit) in [
        (1, Unit::BusinessDays),
        (1000, Unit::BusinessDays),
        (1, Unit::BusinessHours),
        (1000, Unit::BusinessHours),
    ] {
        let amount = Amount { value, unit };
        let none = sla::engine::time::Pauses::none();
        let edits = sla::engine::holidays::HolidayEdits::none();
        let schedule = gold.coverage_index();
        let (per_second, _) = rate(Duration::from_millis(700), || {
            for opened in &openings {
                black_box(
                    sla::engine::deadline::due_after(
                        &gold, schedule, amount, *opened, &none, edits,
                    )
                    .unwrap(),
                );
            }
            openings.len()
        });
        println!(
            "single target {value:>4} {}: {per_second:.0} per second",
            unit.id()
        );
    }
}
