//! Severity, each option with the policy's own definition so the user can
//! pick the right one.

use leptos::prelude::*;

use super::state::use_ctx;

#[component]
pub fn SeverityField() -> impl IntoView {
    let ctx = use_ctx();
    let query = ctx.query;
    let catalog = ctx.catalog;
    let vendor = ctx.vendor;
    let severities = move || {
        catalog
            .policy(vendor.get())
            .map(|p| p.severities())
            .unwrap_or_default()
    };
    let ids = Memo::new(move |_| severities().iter().map(|s| s.id()).collect::<Vec<_>>());
    // Keyed by id: switching between vendors with the same ids rewrites the
    // words and keeps the radios (and keyboard focus).
    let words = move |id: &str, pick: fn(&crate::engine::policy::Severity) -> &str| {
        severities()
            .iter()
            .find(|s| s.id() == id)
            .map(|s| pick(s).to_string())
    };
    view! {
        <fieldset class="field severity">
            <legend>"Severity"</legend>
            <For
                each=move || ids.get()
                key=|id| *id
                children=move |id| {
                    let input_id = format!("f-severity-{id}");
                    view! {
                        <div class="choice">
                            <input
                                type="radio"
                                name="severity"
                                id=input_id.clone()
                                value=id
                                prop:checked=move || query.with(|q| q.severity == id)
                                on:change=move |_| query.update(|q| q.severity = id.to_string())
                            />
                            <label for=input_id>
                                <span class="choice-label">{move || words(id, |s| s.label())}</span>
                                <span class="choice-hint">{move || words(id, |s| s.definition())}</span>
                            </label>
                        </div>
                    }
                }
            />
        </fieldset>
    }
}
