//! Vendor (where the site has more than one), package and coverage region
//! the tickets are audited against, as the calculator offers them.

use leptos::prelude::*;

use super::client;
use super::state::use_audit;

#[component]
pub fn ContractFields() -> impl IntoView {
    let ctx = use_audit();
    let catalog = ctx.catalog;
    let settings = ctx.settings;
    let policy =
        move || settings.with(|s| catalog.policy(&s.vendor).unwrap_or(&catalog.policies()[0]));
    let rerun = move || {
        if ctx.source.with_value(Option::is_some) {
            client::start(ctx);
        }
    };
    let set_vendor = move |id: String| {
        let Some(p) = catalog.policy(&id) else { return };
        settings.update(|s| {
            s.vendor = id;
            s.package = p.packages()[0].id().to_string();
            s.region = None;
            s.map.clear();
        });
        rerun();
    };
    let set_package = move |id: String| {
        settings.update(|s| {
            s.package = id;
            s.region = None;
        });
        rerun();
    };
    let set_region = move |id: String| {
        settings.update(|s| s.region = Some(id));
        rerun();
    };
    let regions = move || {
        let p = policy();
        settings.with(|s| {
            p.packages()
                .iter()
                .find(|k| k.id() == s.package)
                .map(|k| {
                    k.regions()
                        .iter()
                        .enumerate()
                        .map(|(i, r)| {
                            let chosen = s.region.as_deref().map_or(i == 0, |c| c == r.id());
                            (r.id(), r.name(), chosen)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let many = catalog.policies().len() > 1;
    view! {
        {many.then(|| view! {
            <div class="field">
                <label for="f-vendor">"Vendor"</label>
                <select id="f-vendor" name="vendor" on:change=move |e| set_vendor(event_target_value(&e))>
                    {catalog.policies().iter().map(|p| {
                        let id = p.id();
                        view! {
                            <option value=id prop:selected=move || settings.with(|s| s.vendor == id)>
                                {p.name()}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </div>
        })}
        <div class="field">
            <label for="f-package">"Package"</label>
            <select id="f-package" name="package" on:change=move |e| set_package(event_target_value(&e))>
                {move || {
                    let p = policy();
                    p.packages().iter().map(|k| {
                        let id = k.id();
                        view! {
                            <option value=id prop:selected=move || settings.with(|s| s.package == id)>
                                {k.name()}
                            </option>
                        }
                    }).collect_view()
                }}
            </select>
        </div>
        <Show when=move || !regions().is_empty()>
            <div class="field">
                <label for="f-region">"Coverage region"</label>
                <select id="f-region" name="region" on:change=move |e| set_region(event_target_value(&e))>
                    {move || regions().into_iter().map(|(id, name, chosen)| {
                        view! { <option value=id prop:selected=chosen>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
        </Show>
    }
}
