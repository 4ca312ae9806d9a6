//! A reading the policy does not state, visibly marked as ours.

use leptos::prelude::*;

#[component]
pub fn AssumptionNote(
    /// The assumption, one sentence.
    text: &'static str,
) -> impl IntoView {
    view! {
        <p class="assumption">
            <span class="badge assumption">"Assumption"</span>
            " "
            {text}
        </p>
    }
}
