//! One priority value of the file: how many rows carry it, and the policy
//! severity it maps to, which the user may change (the file is then audited
//! again).

use leptos::prelude::*;

use super::client;
use super::state::use_audit;

#[component]
pub fn MappingRow(
    /// Its place in the table, for the select's id.
    index: usize,
    /// The value as the file writes it.
    value: String,
    /// Rows that carry it.
    count: u64,
    /// The vendor's severities, `(id, label)`.
    severities: Memo<Vec<(&'static str, &'static str)>>,
) -> impl IntoView {
    let ctx = use_audit();
    let value = StoredValue::new(value);
    // What the last audit mapped it to (read as it changes, so the row
    // itself stays while the file is audited again).
    let mapped = move || {
        ctx.detected.with(|d| {
            value.with_value(|value| {
                d.as_ref()
                    .and_then(|d| d.values.iter().find(|(v, _, _)| v == value))
                    .and_then(|(_, _, m)| m.clone())
            })
        })
    };
    let set = move |severity: String| {
        ctx.settings.update(|s| {
            let value = value.get_value();
            s.map.retain(|(v, _)| *v != value);
            s.map.push((value, severity));
        });
        client::start(ctx);
    };
    let id = format!("f-sev-{index}");
    let shown = value.with_value(|v| {
        if v.is_empty() {
            "(empty)".to_string()
        } else {
            v.clone()
        }
    });
    view! {
        <tr data-value=value.get_value() data-unmapped=move || mapped().is_none().then_some("")>
            <th scope="row"><label for=id.clone()>{shown}</label></th>
            <td data-count>{count}</td>
            <td>
                <select id=id on:change=move |e| set(event_target_value(&e))>
                    <option value="" prop:selected=move || mapped().is_none()>"unmapped: choose"</option>
                    {move || severities.get().into_iter().map(|(sid, label)| view! {
                        <option value=sid prop:selected=move || mapped().as_deref() == Some(sid)>{format!("{sid}: {label}")}</option>
                    }).collect_view()}
                </select>
            </td>
        </tr>
    }
}
