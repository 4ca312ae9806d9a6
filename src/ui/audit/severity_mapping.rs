//! The file's priority values, how many rows carry each, and the policy
//! severity each maps to: editable, and an unmapped value says so (its
//! rows are listed as bad rows, never guessed).

use leptos::prelude::*;

use crate::present::audit::unmapped_text;

use super::client;
use super::state::use_audit;

#[component]
pub fn SeverityMapping() -> impl IntoView {
    let ctx = use_audit();
    let settings = ctx.settings;
    let severities = move || ctx.severities();
    let set = move |value: String, severity: String| {
        settings.update(|s| {
            s.map.retain(|(v, _)| *v != value);
            s.map.push((value, severity));
        });
        client::start(ctx);
    };
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
                {move || ctx.detected.with(|d| {
                    let values = d.as_ref().map(|d| d.values.clone()).unwrap_or_default();
                    values.into_iter().enumerate().map(|(i, (value, count, mapped))| {
                        let id = format!("f-sev-{i}");
                        let unmapped = mapped.is_none();
                        let v = value.clone();
                        view! {
                            <tr data-value=value.clone() data-unmapped=unmapped.then_some("")>
                                <th scope="row"><label for=id.clone()>{if value.is_empty() { "(empty)".to_string() } else { value.clone() }}</label></th>
                                <td data-count>{count}</td>
                                <td>
                                    <select id=id on:change=move |e| set(v.clone(), event_target_value(&e))>
                                        <option value="" selected=unmapped>"unmapped: choose"</option>
                                        {severities().into_iter().map(|(sid, label)| view! {
                                            <option value=sid selected=mapped.as_deref() == Some(sid)>{format!("{sid}: {label}")}</option>
                                        }).collect_view()}
                                    </select>
                                </td>
                            </tr>
                        }
                    }).collect_view()
                })}
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
