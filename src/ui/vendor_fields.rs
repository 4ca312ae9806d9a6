//! Vendor (where the site has more than one), package and (where the
//! package has them) coverage region.

use leptos::prelude::*;

use super::state::use_ctx;

#[component]
pub fn VendorFields() -> impl IntoView {
    let ctx = use_ctx();
    let query = ctx.query;
    let catalog = ctx.catalog;
    let vendor = ctx.vendor;
    let policy = move || {
        catalog
            .policy(vendor.get())
            .unwrap_or(&catalog.policies()[0])
    };

    let set_vendor = move |id: String| {
        let Some(policy) = catalog.policy(&id) else {
            return;
        };
        query.update(|q| {
            q.vendor = id;
            q.package = policy.packages()[0].id().to_string();
            q.region = None;
            if policy.severity_index(&q.severity).is_none() {
                q.severity = policy.severities()[0].id().to_string();
            }
            q.service = None;
            q.flags.clear();
        });
    };
    let set_package = move |id: String| {
        if policy().package_index(&id).is_none() {
            return;
        }
        query.update(|q| {
            q.package = id;
            q.region = None;
            q.service = None;
        });
    };
    let set_region = move |id: String| query.update(|q| q.region = Some(id));

    // (vendor id, package id, name): package ids repeat across vendors.
    let packages = Memo::new(move |_| {
        let policy = policy();
        policy
            .packages()
            .iter()
            .map(|p| (policy.id(), p.id(), p.name()))
            .collect::<Vec<_>>()
    });
    // (region id, name, chosen) of the chosen package.
    let regions = Memo::new(move |_| {
        ctx.selection.with(|s| {
            let s = s.0;
            s.package()
                .regions()
                .iter()
                .enumerate()
                .map(|(i, r)| (r.id(), r.name(), s.region == Some(i)))
                .collect::<Vec<_>>()
        })
    });
    // A site built for one vendor (SLA_VENDORS) offers no choice of vendor.
    let many = catalog.policies().len() > 1;
    view! {
        {many.then(|| view! {
        <div class="field">
            <label for="f-vendor">"Vendor"</label>
            <select id="f-vendor" name="vendor" on:change=move |ev| set_vendor(event_target_value(&ev))>
                {catalog
                    .policies()
                    .iter()
                    .map(|p| {
                        let id = p.id();
                        view! {
                            <option value=id prop:selected=move || vendor.get() == id>
                                {p.name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
        })}
        <div class="field">
            <label for="f-package">"Package"</label>
            <select
                id="f-package"
                name="package"
                aria-describedby="f-package-hint"
                on:change=move |ev| set_package(event_target_value(&ev))
            >
                <For
                    each=move || packages.get()
                    key=|(vendor, id, _)| (*vendor, *id)
                    children=move |(_, id, name)| {
                        let chosen = move || ctx.selection.with(|s| s.0.package().id() == id);
                        view! { <option value=id prop:selected=chosen>{name}</option> }
                    }
                />
            </select>
            <p id="f-package-hint" class="hint">
                {move || ctx.selection.with(|s| s.0.package().summary().to_string())}
            </p>
        </div>
        <Show when=move || regions.with(|r| !r.is_empty())>
            <div class="field">
                <label for="f-region">"Coverage region"</label>
                <select id="f-region" name="region" on:change=move |ev| set_region(event_target_value(&ev))>
                    {move || {
                        regions
                            .get()
                            .into_iter()
                            .map(|(id, name, chosen)| {
                                view! { <option value=id prop:selected=chosen>{name}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </Show>
    }
}
