//! The audit worker's side (the same wasm as the page, started by
//! `audit-worker.js`; [`client`](super::client) is the page's side). It
//! reads the file a slice at a time (a `Blob` slice, or pasted text) and
//! runs `crate::audit` over it twice: the scan (format, mapping, priority
//! values, date order), then the audit. Results go to the page in batches
//! of text lines (`present::audit`'s wire format), progress after every
//! slice; each slice is awaited, so the worker never blocks for long.
//! After the audit the worker keeps the tickets and orders the page's
//! table on request (`["order", request number, present::audit::TableView]`),
//! answering with a `Uint32Array`: the request number, then the row
//! indices; so sorting 100,000 tickets never blocks the page.
//!
//! A thin adapter over `crate::audit`: it turns the page's [`Settings`]
//! into a mapping, a severity map and [`Choices`], and the results into
//! the page's wire format.

use std::cell::RefCell;

use js_sys::{Array, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::audit::export::{results_rows, summary_text, RESULTS_HEADER};
use crate::audit::{
    AuditError, Choices, DateOrder, Format, Kind, Mapping, Reader, Reading, Response, Scan,
    SeverityMap, Summary,
};
use crate::engine::load;
use crate::engine::zone::Zone;
use crate::present::audit::{
    encode_bad, encode_histogram, encode_row, encode_summary, histogram, Detected, Outcome,
    Results, Row, Settings, SummaryLine, TableView,
};
use crate::present::zone::from_millis;
use crate::request::format_instant;

/// Bytes read per slice.
const SLICE: u64 = 1 << 20;
/// A batch of results goes to the page once it is this long (about 200
/// tickets: decoding one stays far under a 50 ms task on the page, even
/// on a busy machine).
const BATCH: usize = 32 * 1024;

thread_local! {
    /// The audited tickets, as the page holds them, for ordering its table.
    static KEPT: RefCell<Results> = RefCell::new(Results::default());
}

fn post(text: &str) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.post_message(&JsValue::from_str(text));
}

/// Answers an order request with the request number, then the indices.
fn post_order(request: u32, view: &TableView) {
    let mut answer = vec![request];
    KEPT.with(|kept| answer.extend(view.order(&kept.borrow())));
    let array = Uint32Array::from(&answer[..]);
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    // The buffer moves to the page rather than being copied.
    let _ = scope.post_message_with_transfer(&array, &Array::of1(&array.buffer()));
}

/// Starts serving: takes one job (`["run"|"csv", File|string, settings]`),
/// then, after a run, order requests.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
            let job = Array::from(&e.data());
            if job.get(0).as_string().as_deref() == Some("order") {
                let request = job.get(1).as_f64().unwrap_or(0.0) as u32;
                let view = TableView::read(&job.get(2).as_string().unwrap_or_default());
                post_order(request, &view);
                return;
            }
            let csv = job.get(0).as_string().as_deref() == Some("csv");
            let source = job.get(1);
            let settings = Settings::read(&job.get(2).as_string().unwrap_or_default());
            wasm_bindgen_futures::spawn_local(async move {
                match run(csv, Input::new(source), &settings).await {
                    // With the count of tickets kept, which the page checks
                    // against the rows it decoded.
                    Ok(()) => post(&format!("D{}", KEPT.with(|k| k.borrow().rows.len()))),
                    Err(e) => post(&format!("E{e}")),
                }
            });
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives for one job (and, after a run, the table's order
    // requests) and is then ended by the page.
    on_message.forget();
    post("ready");
}

/// The file or the pasted text.
struct Input {
    blob: Option<web_sys::Blob>,
    text: Vec<u8>,
    size: u64,
}

impl Input {
    fn new(source: JsValue) -> Input {
        match source.dyn_into::<web_sys::Blob>() {
            Ok(blob) => Input {
                size: blob.size() as u64,
                blob: Some(blob),
                text: Vec::new(),
            },
            Err(source) => {
                let text = source.as_string().unwrap_or_default().into_bytes();
                Input {
                    size: text.len() as u64,
                    blob: None,
                    text,
                }
            }
        }
    }

    /// Bytes `start..end` of the input.
    async fn slice(&self, start: u64, end: u64) -> Result<Vec<u8>, AuditError> {
        let Some(blob) = &self.blob else {
            return Ok(self.text[start as usize..end as usize].to_vec());
        };
        let unreadable = || AuditError::NoFormat {
            message: "the file could not be read (was it moved or deleted?)".into(),
        };
        let part = blob
            .slice_with_f64_and_f64(start as f64, end as f64)
            .map_err(|_| unreadable())?;
        let buffer = JsFuture::from(part.array_buffer())
            .await
            .map_err(|_| unreadable())?;
        Ok(Uint8Array::new(&buffer).to_vec())
    }
}

/// The mapping the page's column choices describe (the page sends every
/// field once the user edits one; a field it leaves out has no column).
fn mapping_of(settings: &Settings) -> Mapping {
    let mut m = Mapping {
        id: 0,
        severity: 0,
        opened: 0,
        first_response: None,
        resolved: None,
        pauses: None,
    };
    for (field, column) in &settings.columns {
        match (field.as_str(), *column) {
            ("id", Some(c)) => m.id = c,
            ("severity", Some(c)) => m.severity = c,
            ("opened", Some(c)) => m.opened = c,
            ("first_response", Some(c)) => m.first_response = Some(Response::At(c)),
            ("first_response_minutes", Some(c)) => {
                m.first_response = Some(Response::MinutesAfterOpened(c))
            }
            ("resolved", c) => m.resolved = c,
            ("pauses", c) => m.pauses = c,
            _ => {}
        }
    }
    m
}

fn columns_of(m: &Mapping) -> Vec<(String, usize)> {
    let mut out = vec![
        ("id".to_string(), m.id),
        ("severity".to_string(), m.severity),
        ("opened".to_string(), m.opened),
    ];
    match m.first_response {
        Some(Response::At(c)) => out.push(("first_response".into(), c)),
        Some(Response::MinutesAfterOpened(c)) => out.push(("first_response_minutes".into(), c)),
        None => {}
    }
    if let Some(c) = m.resolved {
        out.push(("resolved".into(), c));
    }
    if let Some(c) = m.pauses {
        out.push(("pauses".into(), c));
    }
    out
}

async fn run(csv: bool, input: Input, settings: &Settings) -> Result<(), AuditError> {
    let catalog = load::embedded();
    let total = input.size.max(1) * 2;
    // `zendesk` is the CSV or the JSON form as the file is (audit::Scan).
    let forced = settings
        .format
        .as_deref()
        .and_then(|id| Format::from_id(id, Kind::Csv { delimiter: b',' }));

    // The user's columns, once edited, in the format shown with them.
    let mut scan = match forced {
        Some(format) if !settings.columns.is_empty() => {
            Scan::with_mapping(format, mapping_of(settings))
        }
        _ => Scan::new(forced),
    };
    let mut at = 0;
    while at < input.size {
        let end = (at + SLICE).min(input.size);
        scan.push(&input.slice(at, end).await?)?;
        at = end;
        post(&format!("P{at}/{total}"));
    }
    let scanned = scan.finish()?;

    let policy = catalog
        .policy(&settings.vendor)
        .unwrap_or(&catalog.policies()[0]);
    let mut severities = SeverityMap::defaults(scanned.format, policy);
    for (value, severity) in &settings.map {
        if severity.is_empty() {
            severities.unset(value);
        } else {
            severities.set(value, severity, policy)?;
        }
    }
    let chosen_order = settings.order.as_deref().and_then(DateOrder::parse);
    let order = scanned.survey.date_order(&scanned.header, chosen_order);
    let detected = Detected {
        format: scanned.format.id().to_string(),
        format_name: scanned.format.name().to_string(),
        header: scanned.header.clone(),
        columns: columns_of(&scanned.mapping),
        values: scanned
            .survey
            .severity_values()
            .values()
            .iter()
            .map(|(v, n)| {
                let mapped = severities
                    .get(v)
                    .map(|i| policy.severities()[i].id().to_string());
                (v.clone(), *n, mapped)
            })
            .collect(),
        order: order
            .as_ref()
            .ok()
            .copied()
            .flatten()
            .map(|o| o.id().to_string()),
        dates_fit_both: matches!(order, Err(AuditError::AmbiguousDates { .. })),
        rows: scanned.survey.rows(),
    };
    post(&format!("H{}", detected.write()));
    let order = order?;

    let zone = Zone::named(&settings.zone).unwrap_or(Zone::UTC);
    // "As of" is read as the file's timestamps are (an offset, else the
    // zone; slashed dates in the file's order).
    let as_of = match settings.as_of.as_deref() {
        Some(text) => {
            crate::audit::stamp::parse(text, Reading { zone, order }).map_err(|message| {
                AuditError::Choice {
                    field: "as of".into(),
                    message,
                }
            })?
        }
        None => from_millis(js_sys::Date::now()).unwrap_or_default(),
    };
    let choices = Choices {
        vendor: &settings.vendor,
        package: &settings.package,
        region: settings.region.as_deref(),
        zone,
        date_order: order,
        as_of,
    };
    let unmapped = scanned.survey.severity_values().unmapped(&severities);
    let plan = scanned.plan(catalog, &choices, severities)?;
    let targets: Vec<String> = plan.targets().iter().map(|t| t.id().to_string()).collect();
    let target_count = u16::try_from(targets.len()).unwrap_or(u16::MAX);

    // Pass 2: the audit.
    let mut kept = Results {
        targets: targets.clone(),
        severities: policy
            .severities()
            .iter()
            .map(|s| s.id().to_string())
            .collect(),
        // The CSV export keeps none.
        rows: Vec::with_capacity(if csv {
            0
        } else {
            usize::try_from(detected.rows).unwrap_or(0)
        }),
        ..Results::default()
    };
    let mut reader = Reader::new();
    let mut summary = Summary::new(policy.severities().len(), targets.len());
    let mut batch = String::new();
    let handle = |row: Result<crate::audit::Row<'_>, crate::audit::RowError>,
                  batch: &mut String,
                  summary: &mut Summary,
                  kept: &mut Results| {
        match row.and_then(|r| plan.audit(&r)) {
            Ok(ticket) => {
                summary.add(&ticket);
                if csv {
                    results_rows(&plan, &ticket, batch);
                    return;
                }
                let row = Row {
                    line: ticket.line,
                    ticket: ticket.id.clone().into_boxed_str(),
                    severity: policy.severities()[ticket.severity].id().into(),
                    opened: ticket.opened.timestamp(),
                    // As the calculator's `pause` parameter takes them.
                    pauses: ticket
                        .pauses
                        .intervals()
                        .iter()
                        .map(|(from, until)| {
                            format!("{}/{}", format_instant(*from), format_instant(*until))
                                .into_boxed_str()
                        })
                        .collect(),
                    outcomes: ticket
                        .targets
                        .iter()
                        .zip(0..target_count)
                        .map(|(t, i)| Outcome {
                            target: i,
                            state: t.state,
                            due: t.due.map(|d| d.timestamp()),
                            actual: t.actual.map(|a| a.timestamp()),
                            margin: t.margin_minutes,
                        })
                        .collect(),
                };
                encode_row(batch, &row, &targets);
                kept.rows.push(row);
                // Posted as it fills, not per slice: the page decodes each
                // batch in one task.
                if batch.len() >= BATCH {
                    post(&format!("R{batch}"));
                    batch.clear();
                }
            }
            Err(error) => {
                summary.add_bad();
                if !csv {
                    encode_bad(batch, error.line, &error.reason);
                }
            }
        }
    };
    if csv {
        batch.push_str(RESULTS_HEADER);
    }
    let kind = if csv { 'C' } else { 'R' };
    let mut at = 0;
    while at < input.size {
        let end = (at + SLICE).min(input.size);
        let chunk = input.slice(at, end).await?;
        reader.push(&chunk, &mut |row| {
            handle(row, &mut batch, &mut summary, &mut kept)
        })?;
        at = end;
        if csv {
            post(&format!("{kind}{batch}"));
            batch.clear();
        }
        if !csv {
            post(&format!("P{}/{total}", input.size + at));
        }
    }
    reader.finish(&mut |row| handle(row, &mut batch, &mut summary, &mut kept))?;
    post(&format!("{kind}{batch}"));
    if csv {
        return Ok(());
    }

    let lines = summary.lines();
    let summary_lines: Vec<SummaryLine> = lines
        .iter()
        .map(|l| SummaryLine {
            severity: policy.severities()[l.severity].id().to_string(),
            target: policy.targets()[l.target].id().to_string(),
            tickets: l.tickets,
            met: l.met,
            breached: l.breached,
            open: l.open,
            met_percent: l.met_percent,
            median: l.median_margin,
            worst: l.worst_margin,
        })
        .collect();
    post(&format!("M{}", encode_histogram(&histogram(&kept))));
    KEPT.with(|k| *k.borrow_mut() = kept);
    post(&format!("S{}", encode_summary(&summary_lines)));
    let text = summary_text(
        policy,
        &lines,
        summary.tickets(),
        summary.bad_rows(),
        &unmapped,
    );
    post(&format!("T{text}"));
    Ok(())
}
