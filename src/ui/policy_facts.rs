//! What else the policy says: package entitlements, facts, and the source.

use leptos::prelude::*;

use crate::present::facts::facts;

use super::state::use_ctx;

#[component]
pub fn PolicyFacts() -> impl IntoView {
    let ctx = use_ctx();
    let panel = Memo::new(move |_| ctx.selection.with(|s| facts(&s.0)));
    view! {
        <section class="panel about" aria-labelledby="h-about">
            <h2 id="h-about">"Your package and policy"</h2>
            <dl class="facts">
                {move || {
                    panel
                        .get()
                        .facts
                        .into_iter()
                        .map(|f| {
                            view! {
                                <div>
                                    <dt>{f.term}</dt>
                                    <dd>
                                        {f.value}
                                        {f.source.map(|s| view! { <span class="source">{format!(" ({s})")}</span> })}
                                    </dd>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </dl>
            <p class="hint">{move || panel.with(|p| p.source.clone())}</p>
        </section>
    }
}
