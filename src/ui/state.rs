//! The app's reactive state: one signal of plain inputs ([`Query`]), one
//! ticking clock, and the memos every panel shares.

use crate::engine::deadline::{deadlines, Due, Selection, Timing};
use crate::engine::load;
use crate::engine::policy::{Catalog, Policy};
use crate::engine::time::{Instant, Pauses};
use crate::engine::zone::Zone as CompiledZone;
use crate::present::query::{Problem, Query};

use super::browser::Zone;
use super::reactive::{Derived, Source};

/// A selection compared by what was chosen, not by address.
#[derive(Clone, Copy)]
pub struct Chosen(pub Selection<'static>);

impl PartialEq for Chosen {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.0, &other.0);
        a.policy.id() == b.policy.id()
            && a.package == b.package
            && a.region == b.region
            && a.severity == b.severity
    }
}

/// The engine's answer for the ticket in view.
#[derive(Clone)]
pub struct Ticket {
    pub selection: Selection<'static>,
    pub opened: Instant,
    pub timing: Timing,
    /// Every target, or why there are none (a schedule closed for good).
    pub dues: Result<Vec<Due<'static>>, String>,
}

impl Ticket {
    /// The target at `index`, if the ticket has it.
    pub fn due(&self, index: usize) -> Option<&Due<'static>> {
        self.dues.as_ref().ok()?.get(index)
    }
}

/// Everything components share. Copy: signals and memos are handles.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub catalog: &'static Catalog,
    /// Every input, as the URL carries it.
    pub query: Source<Query>,
    /// The current instant, ticking every second.
    pub now: Source<Instant>,
    /// Link parameters that could not be used.
    pub problems: Source<Vec<Problem>>,
    /// A short polite status message ("Link copied").
    pub notice: Source<String>,
    /// The browser's own zone name.
    pub browser_zone: &'static str,
    pub selection: Derived<Chosen>,
    /// The chosen vendor's id: changes only with the vendor.
    pub vendor: Derived<&'static str>,
    /// The chosen vendor and package (by index): changes only with them.
    pub package: Derived<(&'static str, usize)>,
    pub timing: Derived<Timing>,
    pub ticket: Derived<Ticket>,
    /// The zone times are shown in.
    pub zone: Derived<Zone>,
}

/// The selection for a query; falls back to the catalog's first choices
/// rather than failing (queries are validated, so this is belt and braces).
pub fn select(catalog: &'static Catalog, q: &Query) -> Selection<'static> {
    catalog
        .select(&q.vendor, &q.package, q.region.as_deref(), &q.severity)
        .or_else(|_| catalog.select(&q.vendor, &q.package, None, "1"))
        .unwrap_or_else(|_| {
            let policy = &catalog.policies()[0];
            Selection {
                catalog,
                policy,
                package: 0,
                region: (!policy.packages()[0].regions().is_empty()).then_some(0),
                severity: 0,
            }
        })
}

impl Ctx {
    pub fn new(query: Query, problems: Vec<Problem>, now: Instant, browser_zone: String) -> Ctx {
        let catalog = load::embedded();
        let browser_zone: &'static str = Box::leak(browser_zone.into_boxed_str());
        let query = Source::new(query);
        let selection = Derived::new(move || Chosen(query.with(|q| select(catalog, q))));
        let vendor = Derived::new(move || selection.with(|s| s.0.policy.id()));
        let package = Derived::new(move || selection.with(|s| (s.0.policy.id(), s.0.package)));
        let timing = Derived::new(move || {
            query.with(|q| Timing {
                pauses: Pauses::new(q.pauses.clone()).unwrap_or_default(),
                holidays: q.holidays.clone(),
            })
        });
        let opened = Derived::new(move || query.with(|q| q.opened));
        // Recomputed only when an input changed, so always news.
        let ticket = Derived::always_new(move || {
            let selection = selection.get().0;
            let opened = opened.get();
            let timing = timing.get();
            let dues = deadlines(&selection, opened, &timing).map_err(|e| e.to_string());
            Ticket {
                selection,
                opened,
                timing,
                dues,
            }
        });
        let zone = Derived::new(move || {
            query.with(|q| {
                q.tz.as_deref()
                    .and_then(Zone::named)
                    .or_else(|| Zone::named(browser_zone))
                    .unwrap_or(Zone::Compiled(CompiledZone::UTC))
            })
        });
        Ctx {
            catalog,
            query,
            now: Source::new(now),
            problems: Source::new(problems),
            notice: Source::new(String::new()),
            browser_zone,
            selection,
            vendor,
            package,
            timing,
            ticket,
            zone,
        }
    }

    /// How many slots a list of `count` things per policy needs: as many as
    /// the policy with the most has (see the severity radios and cards).
    pub fn slots(&self, count: impl Fn(&Policy) -> usize) -> usize {
        self.catalog.policies().iter().map(count).max().unwrap_or(0)
    }

    /// The vendor's zone for the selection: where its support hours run.
    pub fn vendor_zone(&self) -> CompiledZone {
        self.selection.with(|s| s.0.coverage().schedule().zone())
    }
}
