//! Which view is in front: this ticket, the vendor's packages, all vendors
//! (where the site has more than one).

use leptos::prelude::*;

use crate::present::query::View;

use super::state::use_ctx;

#[component]
pub fn ViewSwitch() -> impl IntoView {
    let ctx = use_ctx();
    let query = ctx.query;
    // A site built for one vendor has no all-vendors view.
    let many = ctx.catalog.policies().len() > 1;
    view! {
        <fieldset class="view-switch">
            <legend class="sr-only">"View"</legend>
            {View::ALL
                .into_iter()
                .filter(|v| many || *v != View::Vendors)
                .map(|v| {
                    view! {
                        <label class="tab">
                            <input
                                type="radio"
                                name="view"
                                value=v.id()
                                prop:checked=move || query.with(|q| q.view == v)
                                on:change=move |_| query.update(|q| q.view = v)
                            />
                            <span>{v.label()}</span>
                        </label>
                    }
                })
                .collect_view()}
            // The ticket audit, a page of its own with the same contract choices.
            <a
                class="tab"
                data-audit-link
                href=move || {
                    query.with(|q| {
                        let mut pairs = vec![("vendor".to_string(), q.vendor.clone()), ("package".to_string(), q.package.clone())];
                        pairs.extend(q.region.clone().map(|r| ("region".to_string(), r)));
                        crate::present::query::audit_address(&pairs)
                    })
                }
            >
                "Audit tickets"
            </a>
        </fieldset>
    }
}
