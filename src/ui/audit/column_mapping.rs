//! The format recognised from the header and the column of each field,
//! both editable; a change audits the file again.

use leptos::prelude::*;

use crate::present::audit::FIELDS;

use super::client;
use super::state::use_audit;

#[component]
pub fn ColumnMapping() -> impl IntoView {
    let ctx = use_audit();
    let settings = ctx.settings;
    let detected = ctx.detected;
    let set_format = move |id: String| {
        settings.update(|s| {
            s.format = (!id.is_empty()).then_some(id);
            s.columns.clear();
        });
        client::start(ctx);
    };
    let set_column = move |field: &'static str, value: String| {
        let column = value.parse().ok();
        // The whole mapping as shown, with this change, in the format shown.
        let (format, shown) = detected.with_untracked(|d| {
            d.as_ref().map_or((None, Vec::new()), |d| {
                let shown = d
                    .columns
                    .iter()
                    .map(|(f, c)| (f.clone(), Some(*c)))
                    .collect();
                (Some(d.format.clone()), shown)
            })
        });
        settings.update(|s| {
            if s.format.is_none() {
                s.format = format;
            }
            if s.columns.is_empty() {
                s.columns = shown;
            }
            s.columns.retain(|(f, _)| f != field);
            s.columns.push((field.to_string(), column));
        });
        client::start(ctx);
    };
    let formats = move || {
        crate::audit::detect::Format::ALL
            .into_iter()
            // One entry for Zendesk: `zendesk` is the CSV or the JSON form by the file.
            .filter(|f| *f != crate::audit::Format::ZendeskJson)
            .map(|f| (f.id(), f.name()))
            .collect::<Vec<_>>()
    };
    view! {
        <div class="field" data-format=move || detected.with(|d| d.as_ref().map(|d| d.format.clone()))>
            <label for="f-format">"Format"</label>
            <select id="f-format" name="format" on:change=move |e| set_format(event_target_value(&e))>
                <option value="" prop:selected=move || settings.with(|s| s.format.is_none())>
                    {move || detected.with(|d| format!("recognised: {}", d.as_ref().map_or("", |d| d.format_name.as_str())))}
                </option>
                {formats().into_iter().map(|(id, name)| view! {
                    <option value=id prop:selected=move || settings.with(|s| s.format.as_deref() == Some(id))>{name}</option>
                }).collect_view()}
            </select>
        </div>
        <table class="mapping" data-mapping>
            <caption>"Columns"</caption>
            <thead><tr><th scope="col">"Field"</th><th scope="col">"Column in the file"</th></tr></thead>
            <tbody>
                {FIELDS.into_iter().map(|(field, label)| {
                    let id = format!("f-col-{field}");
                    view! {
                        <tr data-field=field>
                            <th scope="row"><label for=id.clone()>{label}</label></th>
                            <td>
                                <select id=id name=format!("column-{field}") on:change=move |e| set_column(field, event_target_value(&e))>
                                    {move || detected.with(|d| {
                                        let Some(d) = d else { return Vec::new() };
                                        let chosen = d.column(field);
                                        let mut options = vec![view! {
                                            <option value="none" selected=chosen.is_none()>"(none)"</option>
                                        }.into_any()];
                                        options.extend(d.header.iter().enumerate().map(|(i, name)| view! {
                                            <option value=i.to_string() selected=chosen == Some(i)>
                                                {format!("{}: {name}", i + 1)}
                                            </option>
                                        }.into_any()));
                                        options
                                    })}
                                </select>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
