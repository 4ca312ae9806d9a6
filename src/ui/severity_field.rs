//! Severity, each option with the policy's own definition so the user can
//! pick the right one.

use leptos::prelude::*;

use super::reactive::Derived;
use super::state::Ctx;
use super::CollectAny;

#[component]
pub fn SeverityField(
    /// Shared state; edits `query.severity`.
    ctx: Ctx,
) -> impl IntoView {
    let query = ctx.query;
    let catalog = ctx.catalog;
    let vendor = ctx.vendor;
    let severity = move |index: usize| {
        catalog
            .policy(vendor.get())
            .and_then(|p| p.severities().get(index))
    };
    // One slot per severity of the policy with the most. A slot is built
    // again only when its severity id changes (or the slot comes or goes);
    // switching between vendors with the same ids rewrites the words only,
    // so the radios keep focus and tachys does not remove and set every
    // attribute of a radio it rebuilds.
    let options = (0..ctx.slots(|p| p.severities().len()))
        .map(|index| {
            let id = Derived::new(move || severity(index).map(|s| s.id()));
            move || {
                id.get().map(|id| {
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
                                <span class="choice-label">
                                    {move || severity(index).map(|s| s.label().to_string())}
                                </span>
                                <span class="choice-hint">
                                    {move || severity(index).map(|s| s.definition().to_string())}
                                </span>
                            </label>
                        </div>
                    }
                    .into_any()
                })
            }
        })
        .collect_any();
    view! {
        <fieldset class="field severity">
            <legend>"Severity"</legend>
            {options}
        </fieldset>
    }
}
