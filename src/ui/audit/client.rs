//! The page's side of the audit worker. The worker runs this page's own
//! wasm (`audit-worker.js`): it is started with the glue's URL and the
//! compiled module, says "ready", then takes one job: the file (or pasted
//! text) and the settings. It answers with text messages, one letter then
//! the body: `P` bytes read of the total (`read/total`: the file is read
//! twice, scan then audit), `H` what it recognised, `R` a batch of results
//! (`present::audit::decode_batch`), `M` the margin histogram, `S` the
//! summary, `T` the summary as text, `E` why the file cannot be audited,
//! `D` done (with the count of tickets, checked against the rows decoded).
//! After `D` the worker stays to order the table: the page asks with
//! [`request_order`] and gets a `Uint32Array` back (the request number,
//! then the row indices). Cancel ends the worker at once; the next run
//! starts a fresh one from the same compiled module, and messages from an
//! ended worker are ignored.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect, Uint32Array};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::present::audit::{
    decode_batch, decode_histogram, decode_summary, Detected, OrderRequests, Results, TableView,
};

use super::super::browser;

use super::state::{AuditCtx, Run};

thread_local! {
    static WORKER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
    static ORDERS: RefCell<OrderRequests> = RefCell::new(OrderRequests::default());
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
/// message, and an `E` message if the worker itself fails (a trap, or out
/// of memory). `None` where the page lacks its script or workers.
fn spawn(
    job: Array,
    // Boxed: one closure type (and one JS shim) for both kinds of job.
    on_message: OnMessage,
) -> Option<web_sys::Worker> {
    let glue = glue_url()?;
    let url = web_sys::Url::new_with_base("audit-worker.js", &glue).ok()?;
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&url.href(), &options).ok()?;
    let on_message = Rc::new(RefCell::new(on_message));
    let sender = worker.clone();
    let handler = on_message.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            if data.as_string().as_deref() == Some("ready") {
                let _ = sender.post_message(&job);
            } else {
                (handler.borrow_mut())(&sender, data);
            }
        });
    worker.set_onmessage(Some(listener.as_ref().unchecked_ref()));
    let sender = worker.clone();
    let failed = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        let why = "Ethe audit stopped: the browser ended its worker (out of memory?)";
        (on_message.borrow_mut())(&sender, JsValue::from_str(why));
    });
    worker.set_onerror(Some(failed.as_ref().unchecked_ref()));
    // Both live as long as the worker; a few per page visit.
    listener.forget();
    failed.forget();
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
    ORDERS.with(|o| o.borrow_mut().reset());
    // The table's filter stays, but not a severity the vendor now lacks.
    let severities = untrack(|| ctx.severities());
    if ctx.filter.with_untracked(|f| {
        f.severity
            .as_deref()
            .is_some_and(|s| !severities.iter().any(|(id, _)| *id == s))
    }) {
        ctx.filter.update(|f| f.severity = None);
    }
    ctx.revision.update(|r| *r += 1);
    ctx.run.set(Run::Reading { read: 0, total: 1 });
    let job = Array::of3(
        &JsValue::from_str("run"),
        &source,
        &JsValue::from_str(&settings),
    );
    let from_current =
        |sender: &web_sys::Worker| WORKER.with(|w| w.borrow().as_ref() == Some(sender));
    let on_message = move |sender: &web_sys::Worker, data| {
        if from_current(sender) {
            receive(ctx, data);
        }
    };
    match spawn(job, Box::new(on_message)) {
        Some(worker) => WORKER.with(|w| *w.borrow_mut() = Some(worker)),
        None => ctx.run.set(Run::Failed(
            "the audit could not start a worker in this browser".into(),
        )),
    }
}

/// Asks the worker for the table's rows in `view`'s order; the answer
/// replaces `ctx.order` unless a newer choice was made meanwhile
/// ([`OrderRequests`]).
pub fn request_order(view: TableView) {
    if let Some(request) = ORDERS.with(|o| o.borrow_mut().ask(view)) {
        send_order(request);
    }
}

fn send_order((number, view): (u32, String)) {
    WORKER.with(|w| {
        if let Some(worker) = &*w.borrow() {
            let _ = worker.post_message(&Array::of3(
                &JsValue::from_str("order"),
                &JsValue::from(number),
                &JsValue::from_str(&view),
            ));
        }
    });
}

fn receive(ctx: AuditCtx, data: JsValue) {
    let Some(text) = data.as_string() else {
        if let Ok(answer) = data.dyn_into::<Uint32Array>() {
            let (show, next) = ORDERS.with(|o| o.borrow_mut().answered(answer.get_index(0)));
            if show {
                ctx.order
                    .set(Some(answer.subarray(1, answer.length()).to_vec()));
            }
            if let Some(request) = next {
                send_order(request);
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
            let n = ctx.results.with_value(|r| r.rows.len());
            // The table's rows are the worker's by index: they must agree.
            if body.parse::<usize>().is_ok_and(|kept| kept != n) {
                stop();
                ctx.run.set(Run::Failed(format!(
                    "the page received {n} of the audited tickets, not all of them: audit again"
                )));
                return;
            }
            // The worker stays, to order the table.
            ctx.run.set(Run::Done);
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
            } else if text.starts_with('D') || text.starts_with('E') {
                worker.terminate();
                finish(
                    text.starts_with('D')
                        && browser::download_parts("audit-results.csv", "text/csv", &parts),
                );
            }
        }),
    );
    if worker.is_none() {
        done(false);
    }
}
