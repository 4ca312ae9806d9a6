//! The audit page's shared state, provided as context at its root: the
//! choices ([`Settings`]), the file, where the run stands, and the results
//! received from the worker.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::engine::policy::Catalog;
use crate::present::audit::{Bucket, Detected, Filter, Results, Settings, SortKey, SummaryLine};

/// Where the current audit stands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Run {
    /// Nothing dropped yet.
    #[default]
    Idle,
    /// The worker is reading: bytes read of the total.
    Reading {
        read: u64,
        total: u64,
    },
    Done,
    Cancelled,
    /// The file as a whole cannot be audited.
    Failed(String),
}

impl Run {
    pub fn id(&self) -> &'static str {
        match self {
            Run::Idle => "idle",
            Run::Reading { .. } => "reading",
            Run::Done => "done",
            Run::Cancelled => "cancelled",
            Run::Failed(_) => "failed",
        }
    }
}

/// Everything the audit's components share. `Copy`: signals are handles.
#[derive(Clone, Copy)]
pub struct AuditCtx {
    pub catalog: &'static Catalog,
    pub settings: RwSignal<Settings>,
    /// The browser's zone name.
    pub browser_zone: &'static str,
    /// The dropped `File` or pasted text (a JS string).
    pub source: StoredValue<Option<JsValue>, LocalStorage>,
    /// The file's name, or "pasted text".
    pub source_name: RwSignal<Option<String>>,
    pub run: RwSignal<Run>,
    /// What the worker recognised in the file.
    pub detected: RwSignal<Option<Detected>>,
    /// The tickets received so far; `revision` changes with them.
    pub results: StoredValue<Results>,
    pub revision: RwSignal<u64>,
    /// The summary (`crate::audit::Summary`), once the run is done.
    pub summary: RwSignal<Vec<SummaryLine>>,
    /// The same as text (`crate::audit::export::summary_text`), for download.
    pub summary_text: StoredValue<String>,
    /// How the measured targets' margins are distributed, from the worker.
    pub histogram: RwSignal<Vec<Bucket>>,
    /// The rows the table shows, in its order, as the worker last sent
    /// them; `None` until the first answer of a run.
    pub order: RwSignal<Option<Vec<u32>>>,
    pub sort: RwSignal<(SortKey, bool)>,
    pub filter: RwSignal<Filter>,
    /// A short polite status message.
    pub notice: RwSignal<String>,
}

impl AuditCtx {
    /// The chosen vendor's severities, `(id, label)`, for the choices that
    /// map to them and filter by them (tracks the settings).
    pub fn severities(self) -> Vec<(&'static str, &'static str)> {
        self.settings.with(|s| {
            self.catalog
                .policy(&s.vendor)
                .map(|p| p.severities().iter().map(|v| (v.id(), v.label())).collect())
                .unwrap_or_default()
        })
    }
}

pub fn use_audit() -> AuditCtx {
    expect_context::<AuditCtx>()
}
