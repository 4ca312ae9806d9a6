//! The app's shared state, provided as context: one signal of plain inputs
//! ([`Query`]), the ticking clock, and the memos every panel reads.

use leptos::prelude::*;

use crate::engine::deadline::{deadlines, Due, Selection, Timing};
use crate::engine::load;
use crate::engine::policy::Catalog;
use crate::engine::time::{Instant, Pauses};
use crate::engine::zone::Zone as CompiledZone;
use crate::present::cards::{cards, standings, Card, Standing};
use crate::present::estimate::{charges, work, Charges};
use crate::present::query::{default_service, Problem, Query};
use crate::present::support::{support, Support};

use super::browser::Zone;

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
    /// The targets without the clock pauses, when there are pauses, so a
    /// card can say what they moved.
    pub unpaused: Option<Vec<Due<'static>>>,
}

/// Everything components share, from [`use_ctx`]. `Copy`: signals and
/// memos are handles.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub catalog: &'static Catalog,
    /// Every input, as the URL carries it.
    pub query: RwSignal<Query>,
    /// The current instant, ticking every second.
    pub now: RwSignal<Instant>,
    /// Link parameters that could not be used.
    pub problems: RwSignal<Vec<Problem>>,
    /// A short polite status message ("Link copied").
    pub notice: RwSignal<String>,
    /// The browser's own zone name.
    pub browser_zone: &'static str,
    pub selection: Memo<Chosen>,
    /// The chosen vendor's id: changes only with the vendor.
    pub vendor: Memo<&'static str>,
    pub ticket: Memo<Ticket>,
    /// The zone times are shown in.
    pub zone: Memo<Zone>,
    /// The zone the opened time, the work start and pauses are typed in.
    pub typed_zone: Memo<Zone>,
    /// The zone the chosen coverage runs in.
    pub vendor_zone: Memo<CompiledZone>,
    /// The deadline cards: change with the inputs and the zone.
    pub cards: Memo<Vec<Card>>,
    /// Where every dated target stands: changes with every tick.
    pub standings: Memo<Vec<Standing>>,
    /// "Support now" at the ticking clock.
    pub support: Memo<Support>,
    /// The charges panel, also summed up in the answer strip.
    pub charges: Memo<Charges>,
    /// The error of the hours or days as typed: while there is one, no
    /// total is shown anywhere.
    pub work_error: RwSignal<Option<String>>,
}

/// The shared state, provided by [`provide_ctx`] at the app's root.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
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

/// Builds the state from the first inputs and provides it to every component.
pub fn provide_ctx(query: Query, problems: Vec<Problem>, now: Instant, browser_zone: String) {
    let catalog = load::embedded();
    let browser_zone: &'static str = Box::leak(browser_zone.into_boxed_str());
    let query = RwSignal::new(query);
    let selection = Memo::new(move |_| query.with(|q| Chosen(select(catalog, q))));
    let vendor = Memo::new(move |_| selection.with(|s| s.0.policy.id()));
    let timing = Memo::new(move |_| {
        query.with(|q| Timing {
            pauses: Pauses::new(q.pauses.clone()).unwrap_or_default(),
            holidays: q.holidays.clone(),
        })
    });
    let opened = Memo::new(move |_| query.with(|q| q.opened));
    // Recomputed only when an input it reads changed, so always news.
    let ticket = Memo::new_with_compare(
        move |_| {
            let selection = selection.get().0;
            let opened = opened.get();
            let timing = timing.get();
            let dues = deadlines(&selection, opened, &timing).map_err(|e| e.to_string());
            let unpaused = (!timing.pauses.is_empty())
                .then(|| {
                    let holidays = Timing {
                        holidays: timing.holidays.clone(),
                        ..Timing::default()
                    };
                    deadlines(&selection, opened, &holidays).ok()
                })
                .flatten();
            Ticket {
                selection,
                opened,
                timing,
                dues,
                unpaused,
            }
        },
        |_, _| true,
    );
    let zone_of = move |name: Option<&str>| {
        name.and_then(Zone::named)
            .or_else(|| Zone::named(browser_zone))
            .unwrap_or(Zone::Compiled(CompiledZone::UTC))
    };
    let zone = Memo::new(move |_| query.with(|q| zone_of(q.tz.as_deref())));
    let typed_zone = Memo::new(move |_| query.with(|q| zone_of(q.opened_tz.as_deref())));
    let vendor_zone = Memo::new(move |_| selection.with(|s| s.0.coverage().schedule().zone()));
    let now = RwSignal::new(now);
    let cards = Memo::new(move |_| {
        ticket.with(|t| {
            let Ok(dues) = &t.dues else {
                return Vec::new();
            };
            let unpaused = t.unpaused.as_deref().unwrap_or(dues);
            zone.with(|z| cards(&t.selection, dues, unpaused, z, &vendor_zone.get()))
        })
    });
    let standings = Memo::new(move |_| {
        let now = now.get();
        ticket.with(|t| match &t.dues {
            Ok(dues) => standings(&t.selection, dues, now, &t.timing),
            Err(_) => Vec::new(),
        })
    });
    let support = Memo::new(move |_| {
        let now = now.get();
        selection.with(|s| timing.with(|t| support(&s.0, now, &t.holidays)))
    });
    let charges = Memo::new(move |_| {
        let s = selection.get().0;
        query.with(|q| {
            let service = q.service.clone().or_else(|| default_service(catalog, q));
            zone.with(|z| charges(&s, service.as_deref(), q.opened, &work(q), &q.holidays, z))
        })
    });
    provide_context(Ctx {
        catalog,
        query,
        now,
        problems: RwSignal::new(problems),
        notice: RwSignal::new(String::new()),
        browser_zone,
        selection,
        vendor,
        ticket,
        zone,
        typed_zone,
        vendor_zone,
        cards,
        standings,
        support,
        charges,
        work_error: RwSignal::new(None),
    });
}
