//! The run: a progress bar of bytes read with a Cancel button while the
//! worker reads, then what came of it.

use leptos::prelude::*;

use super::client;
use super::state::{use_audit, Run};

#[component]
pub fn RunProgress() -> impl IntoView {
    let ctx = use_audit();
    let tickets = move || {
        ctx.revision.track();
        ctx.results.with_value(|r| r.rows.len())
    };
    view! {
        <div class="audit-run" data-run=move || ctx.run.with(Run::id)>
            {move || match ctx.run.get() {
                Run::Idle => None,
                Run::Reading { read, total } => Some(view! {
                    <div class="progress">
                        <label for="audit-progress">
                            {format!("Reading: {} of {} ({} tickets so far)", bytes(read), bytes(total), tickets())}
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

/// `1.5 MB`, `820 KB`, `12 B`.
fn bytes(n: u64) -> String {
    match n {
        n if n >= 1_000_000 => format!("{}.{} MB", n / 1_000_000, n / 100_000 % 10),
        n if n >= 1_000 => format!("{} KB", n / 1_000),
        n => format!("{n} B"),
    }
}
