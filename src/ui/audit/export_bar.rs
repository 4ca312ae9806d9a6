//! Downloads: the results CSV (one row per ticket and target) and the
//! summary as text. Nothing is uploaded: both are files made in the page.

use leptos::prelude::*;

use crate::present::audit::summary_title;

use super::super::browser;
use super::client;
use super::state::use_audit;

#[component]
pub fn ExportBar() -> impl IntoView {
    let ctx = use_audit();
    let busy = RwSignal::new(false);
    let csv = move |_| {
        busy.set(true);
        client::export_csv(ctx, move |ok| {
            busy.set(false);
            ctx.notice.set(if ok {
                "Results CSV downloaded".into()
            } else {
                "The results CSV could not be made".into()
            });
        });
    };
    let summary = move |_| {
        let title = ctx.settings.with_untracked(|s| {
            summary_title(
                ctx.catalog,
                s,
                &ctx.source_name.get_untracked().unwrap_or_default(),
            )
        });
        // The audit layer's summary text, under a line naming the file and choices.
        let text = format!("{title}\n\n{}", ctx.summary_text.get_value());
        let ok = browser::download("audit-summary.txt", "text/plain", &text);
        ctx.notice.set(if ok {
            "Summary downloaded".into()
        } else {
            "The summary could not be downloaded".into()
        });
    };
    view! {
        <div class="share-bar">
            <button type="button" data-action="export-csv" on:click=csv prop:disabled=move || busy.get()>
                {move || if busy.get() { "Making the CSV…" } else { "Download results (CSV)" }}
            </button>
            <button type="button" data-action="export-summary" on:click=summary>
                "Download summary (text)"
            </button>
        </div>
    }
}
