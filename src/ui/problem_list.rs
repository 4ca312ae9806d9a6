//! Link parameters that could not be used, announced as an alert.

use leptos::prelude::*;

use super::reactive::Derived;
use super::state::Ctx;
use super::CollectAny;

#[component]
pub fn ProblemList(
    /// Shared state; reads `problems`.
    ctx: Ctx,
) -> impl IntoView {
    let problems = ctx.problems;
    let any = Derived::new(move || problems.with(|p| !p.is_empty()));
    let list = move || {
        any.get().then(|| {
            view! {
                <p class="problems-title">"Part of this link could not be used:"</p>
                <ul>
                    {move || {
                        problems
                            .get()
                            .into_iter()
                            .map(|p| view! { <li data-problem=p.field>{p.message}</li> })
                            .collect_any()
                    }}
                </ul>
                <button type="button" class="quiet" on:click=move |_| problems.set(Vec::new())>
                    "Dismiss"
                </button>
            }
            .into_any()
        })
    };
    view! {
        // Hidden by CSS while it holds no problems (`.problems:empty`).
        <div role="alert" class="problems">
            {move || list()}
        </div>
    }
}
