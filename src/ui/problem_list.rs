//! Link parameters that could not be used, announced as an alert.

use leptos::prelude::*;

use super::state::use_ctx;

#[component]
pub fn ProblemList() -> impl IntoView {
    let problems = use_ctx().problems;
    view! {
        // Hidden by CSS while empty (`.problems:empty`), so the alert region
        // is in the page from the start and screen readers announce additions.
        <div role="alert" class="problems">
            <Show when=move || problems.with(|p| !p.is_empty())>
                <p class="problems-title">"Part of this link could not be used:"</p>
                <ul>
                    {move || {
                        problems
                            .get()
                            .into_iter()
                            .map(|p| view! { <li data-problem=p.field>{p.message}</li> })
                            .collect_view()
                    }}
                </ul>
                <button type="button" class="quiet" on:click=move |_| problems.set(Vec::new())>
                    "Dismiss"
                </button>
            </Show>
        </div>
    }
}
