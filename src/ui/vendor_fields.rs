//! Vendor, package and (where the package has them) coverage region.

use leptos::prelude::*;

use super::reactive::Derived;
use super::state::Ctx;
use super::CollectAny;

#[component]
pub fn VendorFields(
    /// Shared state; edits `query`.
    ctx: Ctx,
) -> impl IntoView {
    let query = ctx.query;
    let catalog = ctx.catalog;
    // Options are rebuilt per vendor (or package), never while one is picked.
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

    let package = ctx.package;
    let regions = move || {
        let (vendor, package) = package.get();
        catalog
            .policy(vendor)
            .map(|p| p.packages()[package].regions())
            .unwrap_or_default()
    };
    let has_regions = Derived::new(move || !regions().is_empty());
    view! {
        <div class="field">
            <label for="f-vendor">"Vendor"</label>
            <select id="f-vendor" name="vendor" on:change=move |ev| set_vendor(event_target_value(&ev))>
                {catalog
                    .policies()
                    .iter()
                    .map(|p| {
                        let id = p.id();
                        view! {
                            <option value=id prop:selected=move || query.with(|q| q.vendor == id)>
                                {p.name()}
                            </option>
                        }
                    })
                    .collect_any()}
            </select>
        </div>
        <div class="field">
            <label for="f-package">"Package"</label>
            <select
                id="f-package"
                name="package"
                aria-describedby="f-package-hint"
                on:change=move |ev| set_package(event_target_value(&ev))
            >
                {move || {
                    policy()
                        .packages()
                        .iter()
                        .map(|p| {
                            let id = p.id();
                            view! {
                                <option value=id prop:selected=move || query.with(|q| q.package == id)>
                                    {p.name()}
                                </option>
                            }
                        })
                        .collect_any()
                }}
            </select>
            <p id="f-package-hint" class="hint">
                {move || ctx.selection.with(|s| s.0.package().summary().to_string())}
            </p>
        </div>
        {move || has_regions.get().then(|| view! {
            <div class="field">
                <label for="f-region">"Coverage region"</label>
                <select id="f-region" name="region" on:change=move |ev| set_region(event_target_value(&ev))>
                    {move || {
                        regions()
                            .iter()
                            .enumerate()
                            .map(|(i, r)| {
                                let current = move || ctx.selection.with(|s| s.0.region);
                                view! {
                                    <option value=r.id() prop:selected=move || current() == Some(i)>
                                        {r.name()}
                                    </option>
                                }
                            })
                            .collect_any()
                    }}
                </select>
            </div>
        }.into_any())}
    }
}
