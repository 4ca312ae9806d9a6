//! Rows that could not be audited: line and reason, the first hundred
//! listed, all counted.

use leptos::prelude::*;

use crate::present::audit::bad_rows_text;

use super::state::use_audit;

#[component]
pub fn BadRows() -> impl IntoView {
    let ctx = use_audit();
    let bad_count = move || {
        ctx.revision.track();
        ctx.results.with_value(|r| r.bad_count)
    };
    let bad = move || {
        ctx.revision.track();
        ctx.results.with_value(|r| r.bad.clone())
    };
    view! {
        <Show when=move || { bad_count() > 0 }>
            <section class="panel" aria-labelledby="h-audit-bad" data-bad-rows=bad_count>
                <h2 id="h-audit-bad">"Rows that could not be audited"</h2>
                <p>{move || bad_rows_text(bad_count())}</p>
                <ul class="bad-rows">
                    {move || bad().into_iter().map(|b| view! {
                        <li data-bad-line=b.line>
                            <strong>{format!("line {}", b.line)}</strong>": "{b.reason}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
