//! A reading the policy does not state, visibly marked as ours.

use leptos::prelude::*;

#[component]
pub fn AssumptionNote(
    /// The assumption, one sentence.
    text: &'static str,
) -> impl IntoView {
    // The badge's text is an expression, not a literal: notes are rebuilt
    // with every rule, and literal-only elements are slow to rebuild (see
    // `target_card::rule`).
    view! {
        <p class="assumption">
            <span class="badge assumption">{"Assumption"}</span>
            " "
            {text}
        </p>
    }
}
