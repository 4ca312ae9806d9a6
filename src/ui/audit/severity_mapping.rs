//! The file's priority values, how many rows carry each, and the policy
//! severity each maps to: editable, and an unmapped value says so (its
//! rows are listed as bad rows, never guessed).

use leptos::prelude::*;

use crate::present::audit::unmapped_text;

use super::mapping_row::MappingRow;
use super::state::use_audit;

#[component]
pub fn SeverityMapping() -> impl IntoView {
    let ctx = use_audit();
    // The rows are the file's values and counts, and the choices the
    // vendor's severities: an edit, which audits again, keeps both, so the
    // rows (and the focus in them) stay; only what is selected follows.
    let severities = Memo::new(move |_| ctx.severities());
    let values = Memo::new(move |_| {
        ctx.detected.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.values
                        .iter()
                        .map(|(v, n, _)| (v.clone(), *n))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <table class="mapping" data-severity-map>
            <caption>"Priorities"</caption>
            <thead>
                <tr>
                    <th scope="col">"In the file"</th>
                    <th scope="col">"Tickets"</th>
                    <th scope="col">"Policy severity"</th>
                </tr>
            </thead>
            <tbody>
                {move || values.get().into_iter().enumerate().map(|(i, (value, count))| view! {
                    <MappingRow index=i value=value count=count severities=severities />
                }).collect_view()}
            </tbody>
        </table>
        {move || ctx.detected.with(|d| {
            let n = d.as_ref().map_or(0, |d| d.unmapped());
            (n > 0).then(|| view! {
                <p class="hint warn" data-unmapped-count=n>
                    {unmapped_text(n)}
                </p>
            })
        })}
    }
}
