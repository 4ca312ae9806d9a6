//! The run: a progress bar of bytes read (the file is read twice: the
//! scan, then the audit) with a Cancel button while the worker reads, then
//! what came of it.

use leptos::prelude::*;

use super::client;
use super::state::{use_audit, Run};

#[component]
pub fn RunProgress() -> impl IntoView {
    let ctx = use_audit();
    view! {
        <div class="audit-run" data-run=move || ctx.run.with(Run::id)>
            {move || match ctx.run.get() {
                Run::Idle => None,
                Run::Reading { read, total } => Some(view! {
                    <div class="progress">
                        <label for="audit-progress">
                            {format!("Reading the file: {}%", read * 100 / total.max(1))}
                        </label>
                        <progress id="audit-progress" max=total.max(1) value=read data-progress></progress>
                        <button type="button" data-action="cancel" on:click=move |_| client::cancel(ctx)>
                            "Cancel"
                        </button>
                    </div>
                }.into_any()),
                Run::Done => None,
                Run::Cancelled => Some(view! {
                    <p class="hint" data-cancelled>"Cancelled. Drop the file again, or change a choice, to audit it."</p>
                }.into_any()),
                Run::Failed(message) => Some(view! {
                    <p class="problem" role="alert" data-file-error>{message}</p>
                }.into_any()),
            }}
        </div>
    }
}
