//! Severity, each option with the policy's own definition so the user can
//! pick the right one.

use leptos::prelude::*;

use super::state::Ctx;

#[component]
pub fn SeverityField(
    /// Shared state; edits `query.severity`.
    ctx: Ctx,
) -> impl IntoView {
    let query = ctx.query;
    // Rebuilt per vendor only: picking a severity must keep keyboard focus.
    let vendor = Memo::new(move |_| ctx.selection.with(|s| s.0.policy.id()));
    let options = move || {
        let Some(policy) = ctx.catalog.policy(vendor.get()) else {
            return ().into_any();
        };
        policy
            .severities()
            .iter()
            .map(|s| {
                let id = s.id();
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
                            <span class="choice-label">{s.label()}</span>
                            <span class="choice-hint">
                                {s.definition()}
                            </span>
                        </label>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <fieldset class="field severity">
            <legend>"Severity"</legend>
            {options}
        </fieldset>
    }
}
