//! Where the tickets come from: a file dropped on the zone, chosen with
//! the picker, or text pasted. Any of them starts an audit at once.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::client;
use super::state::use_audit;

#[component]
pub fn SourceInput() -> impl IntoView {
    let ctx = use_audit();
    let over = RwSignal::new(false);
    let pasted = RwSignal::new(String::new());
    let take = move |source: JsValue, name: String| {
        ctx.source.set_value(Some(source));
        ctx.source_name.set(Some(name));
        ctx.detected.set(None);
        // A new file: its own format, columns and priorities.
        ctx.settings.update(|s| {
            s.format = None;
            s.columns.clear();
            s.map.clear();
            s.order = None;
        });
        client::start(ctx);
    };
    let take_file = move |file: web_sys::File| {
        let name = file.name();
        take(file.into(), name);
    };
    let on_drop = move |e: web_sys::DragEvent| {
        e.prevent_default();
        over.set(false);
        if let Some(file) = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            take_file(file);
        }
    };
    let on_pick = move |e: web_sys::Event| {
        let input = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        {
            take_file(file);
        }
    };
    let on_paste = move |_| {
        let text = pasted.get_untracked();
        if !text.trim().is_empty() {
            take(JsValue::from_str(&text), "pasted text".into());
        }
    };
    view! {
        <div
            class="drop-zone"
            class:over=move || over.get()
            data-drop-zone
            on:dragover=move |e: web_sys::DragEvent| {
                e.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop
        >
            <p>
                <strong>"Drop a ticket export here"</strong>
                " (CSV, JSON or JSON lines from Zendesk, Jira Service Management, Freshdesk, ServiceNow, or the generic columns id, severity, opened, first_response, resolved), or "
            </p>
            <label class="file-button">
                "choose a file"
                <input type="file" name="file" accept=".csv,.json,.jsonl,.txt,text/csv,application/json" on:change=on_pick />
            </label>
            <p class="hint" data-source-name>
                {move || ctx.source_name.get().map(|n| format!("Auditing {n}"))}
            </p>
        </div>
        <details class="paste">
            <summary>"Paste the export instead"</summary>
            <label for="f-paste" class="sr-only">"Export text"</label>
            <textarea
                id="f-paste"
                name="paste"
                rows="6"
                placeholder="id,severity,opened,first_response,resolved"
                prop:value=move || pasted.get()
                on:input=move |e| pasted.set(event_target_value(&e))
            ></textarea>
            <button type="button" data-action="audit-paste" on:click=on_paste>
                "Audit the pasted text"
            </button>
        </details>
    }
}
