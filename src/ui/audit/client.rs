//! The page's side of the audit worker. The worker runs this page's own
//! wasm (`audit-worker.js`): it is started with the glue's URL and the
//! compiled module, says "ready", then takes one job: the file (or pasted
//! text) and the settings. It answers with text messages, one letter then
//! the body: `P` bytes read of the total (`read/total`: the file is read
//! twice, scan then audit), `H` what it recognised, `R` a batch of results
//! (`present::audit::decode_batch`), `M` the margin histogram, `S` the
//! summary, `T` the summary as text, `E` why the file cannot be audited,
//! `D` done. After `D` the worker stays to order the table: the page asks
//! with [`request_order`] and gets a `Uint32Array` back (the request
//! number, then the row indices). Cancel ends the worker at once; the next
//! run starts a fresh one from the same compiled module.

use std::cell::{Cell, RefCell};

use js_sys::{Array, Object, Reflect, Uint32Array};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::present::audit::{
    decode_batch, decode_histogram, decode_summary, Detected, Results, TableView,
};

use super::super::browser;

use super::state::{AuditCtx, Run};

thread_local! {
    static WORKER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
    /// The number of the latest order request: older answers are dropped.
    static LATEST_ORDER: Cell<u32> = const { Cell::new(0) };
}

/// The glue's URL, from the `modulepreload` link Trunk writes into the page.
fn glue_url() -> Option<String> {
    let link = web_sys::window()?
        .document()?
        .query_selector("link[rel=modulepreload]")
        .ok()??;
    Some(link.dyn_into::<web_sys::HtmlLinkElement>().ok()?.href())
}

fn stop() {
    WORKER.with(|w| {
        if let Some(worker) = w.borrow_mut().take() {
            worker.terminate();
        }
    });
}

/// Cancels the run in progress, if any.
pub fn cancel(ctx: AuditCtx) {
    stop();
    if matches!(ctx.run.get_untracked(), Run::Reading { .. }) {
        ctx.run.set(Run::Cancelled);
        ctx.notice.set("Audit cancelled".into());
    }
}

/// What a job does with each message of its worker but "ready".
type OnMessage = Box<dyn FnMut(&web_sys::Worker, JsValue)>;

/// Starts a worker on the page's own module with a job (`[kind, source,
/// settings]`), sent once it says "ready"; `on_message` gets every other
/// message. `None` where the page lacks its script or workers.
fn spawn(
    job: Array,
    // Boxed: one closure type (and one JS shim) for both kinds of job.
    mut on_message: OnMessage,
) -> Option<web_sys::Worker> {
    let glue = glue_url()?;
    let url = web_sys::Url::new_with_base("audit-worker.js", &glue).ok()?;
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&url.href(), &options).ok()?;
    let sender = worker.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            if data.as_string().as_deref() == Some("ready") {
                let _ = sender.post_message(&job);
            } else {
                on_message(&sender, data);
            }
        });
    worker.set_onmessage(Some(listener.as_ref().unchecked_ref()));
    // Lives as long as the worker; a few per page visit.
    listener.forget();
    let hello = Object::new();
    let _ = Reflect::set(&hello, &"glue".into(), &glue.into());
    let _ = Reflect::set(&hello, &"module".into(), &wasm_bindgen::module());
    let _ = worker.post_message(&hello);
    Some(worker)
}

/// Audits the current source with the current settings, replacing any
/// run in progress and its results.
pub fn start(ctx: AuditCtx) {
    stop();
    let Some(source) = ctx.source.get_value() else {
        return;
    };
    let settings = ctx.settings.with_untracked(|s| s.write());
    ctx.results.set_value(Results::default());
    ctx.summary.set(Vec::new());
    ctx.histogram.set(Vec::new());
    ctx.order.set(None);
    ctx.revision.update(|r| *r += 1);
    ctx.run.set(Run::Reading { read: 0, total: 1 });
    let job = Array::of3(
        &JsValue::from_str("run"),
        &source,
        &JsValue::from_str(&settings),
    );
    match spawn(job, Box::new(move |_, data| receive(ctx, data))) {
        Some(worker) => WORKER.with(|w| *w.borrow_mut() = Some(worker)),
        None => ctx.run.set(Run::Failed(
            "the audit could not start a worker in this browser".into(),
        )),
    }
}

/// Asks the worker for the table's rows in `view`'s order; the answer
/// replaces `ctx.order` unless a newer request was made meanwhile.
pub fn request_order(view: &TableView) {
    let request = LATEST_ORDER.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    WORKER.with(|w| {
        if let Some(worker) = &*w.borrow() {
            let _ = worker.post_message(&Array::of3(
                &JsValue::from_str("order"),
                &JsValue::from(request),
                &JsValue::from_str(&view.write()),
            ));
        }
    });
}

fn receive(ctx: AuditCtx, data: JsValue) {
    let Some(text) = data.as_string() else {
        if let Ok(answer) = data.dyn_into::<Uint32Array>() {
            let answer = answer.to_vec();
            if answer.first() == Some(&LATEST_ORDER.with(Cell::get)) {
                ctx.order.set(Some(answer[1..].to_vec()));
            }
        }
        return;
    };
    let text = text.as_str();
    let (kind, body) = text.split_at(text.char_indices().nth(1).map_or(text.len(), |(i, _)| i));
    match kind {
        "P" => {
            let parsed = body
                .split_once('/')
                .and_then(|(r, t)| Some((r.parse().ok()?, t.parse().ok()?)));
            if let Some((read, total)) = parsed {
                ctx.run.set(Run::Reading { read, total });
            }
        }
        "M" => ctx.histogram.set(decode_histogram(body)),
        "S" => ctx.summary.set(decode_summary(body)),
        "T" => ctx.summary_text.set_value(body.to_string()),
        "H" => {
            let detected = Detected::read(body);
            // Room for every ticket at once: growing a Vec of a million
            // rows would copy them all in one long task.
            let rows = usize::try_from(detected.rows).unwrap_or(0);
            ctx.results.update_value(|r| r.rows.reserve_exact(rows));
            ctx.detected.set(Some(detected));
        }
        "R" => {
            ctx.results.update_value(|r| {
                decode_batch(r, body);
            });
            ctx.revision.update(|r| *r += 1);
        }
        "E" => {
            stop();
            ctx.run.set(Run::Failed(body.to_string()));
        }
        "D" => {
            // The worker stays, to order the table.
            ctx.run.set(Run::Done);
            let n = ctx.results.with_value(|r| r.rows.len());
            ctx.notice.set(format!("Audit done: {n} tickets"));
        }
        _ => {}
    }
}

/// Builds the results CSV (`crate::audit`'s columns, one row per ticket
/// and target) in a worker of its own from the same file and settings,
/// and offers it as a download. `done` receives whether it worked.
pub fn export_csv(ctx: AuditCtx, done: impl Fn(bool) + 'static) {
    let Some(source) = ctx.source.get_value() else {
        done(false);
        return;
    };
    let settings = ctx.settings.with_untracked(|s| s.write());
    let job = Array::of3(
        &JsValue::from_str("csv"),
        &source,
        &JsValue::from_str(&settings),
    );
    // The CSV stays in JS strings until it becomes a Blob.
    let parts = Array::new();
    let done = std::rc::Rc::new(done);
    let finish = done.clone();
    let worker = spawn(
        job,
        Box::new(move |worker: &web_sys::Worker, data: JsValue| {
            let text = data.as_string().unwrap_or_default();
            if let Some(chunk) = text.strip_prefix('C') {
                parts.push(&JsValue::from_str(chunk));
            } else if text == "D" || text.starts_with('E') {
                worker.terminate();
                finish(
                    text == "D" && browser::download_parts("audit-results.csv", "text/csv", &parts),
                );
            }
        }),
    );
    if worker.is_none() {
        done(false);
    }
}
