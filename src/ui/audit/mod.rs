//! The ticket audit page (`audit.html`, its own wasm; `src/bin/audit.rs`):
//! drop a helpdesk export, choose how to read it, and see every target of
//! every ticket met or breached. The reading and auditing run in a Web
//! Worker ([`worker`], driven by [`client`]); what the page shows comes
//! from `present::audit`. One component per file.

mod audit_chart;
mod audit_page;
mod bad_rows;
mod client;
mod column_mapping;
mod contract_fields;
mod export_bar;
mod mapping_row;
mod reading_fields;
mod run_progress;
mod severity_mapping;
mod source_input;
mod state;
mod summary_table;
mod ticket_row;
mod ticket_table;
pub mod worker;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::engine::load;
use crate::engine::zone::Zone;
use crate::present::audit::{contract, Settings};
use crate::present::query;

use super::browser;
use state::{AuditCtx, Run};

/// The settings a visit starts with: vendor, package and region from the
/// URL (as the calculator writes them), else the catalog's first; the
/// browser's zone where this page can read times in it, else UTC.
fn initial_settings(browser_zone: &str) -> Settings {
    let url = query::pairs(&browser::search());
    let (vendor, package, region) = contract(load::embedded(), &url);
    Settings {
        vendor,
        package,
        region,
        zone: Zone::named(browser_zone)
            .map_or("UTC", |z| z.name())
            .to_string(),
        ..Settings::default()
    }
}

/// Mounts the audit page into `<main>`, after its static header.
pub fn mount() {
    let document = web_sys::window().and_then(|w| w.document());
    let Some(main) = document
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let browser_zone: &'static str = Box::leak(browser::browser_zone().into_boxed_str());
    let settings = initial_settings(browser_zone);
    let app = move || {
        provide_context(AuditCtx {
            catalog: load::embedded(),
            settings: RwSignal::new(settings),
            browser_zone,
            source: StoredValue::new_local(None),
            source_name: RwSignal::new(None),
            run: RwSignal::new(Run::Idle),
            detected: RwSignal::new(None),
            results: StoredValue::new(Default::default()),
            revision: RwSignal::new(0),
            summary: RwSignal::new(Vec::new()),
            summary_text: StoredValue::new(String::new()),
            histogram: RwSignal::new(Vec::new()),
            order: RwSignal::new(None),
            sort: RwSignal::new(Default::default()),
            filter: RwSignal::new(Default::default()),
            notice: RwSignal::new(String::new()),
        });
        view! { <audit_page::AuditPage /> }
    };
    leptos::mount::mount_to(main, app).forget();
}
