//! What else the policy says: package entitlements, facts, and the source.

use leptos::prelude::*;

use crate::engine::charge::format_money;
use crate::engine::join;

use super::state::Ctx;
use super::CollectAny;

#[component]
pub fn PolicyFacts(
    /// Shared state; reads the selection.
    ctx: Ctx,
) -> impl IntoView {
    let content = move || {
        let s = ctx.selection.get().0;
        let package = s.package();
        let price = match package.price() {
            Some(p) => {
                let terms = p
                    .terms
                    .as_deref()
                    .map(|t| format!(", {t}"))
                    .unwrap_or_default();
                format!("{} per {}{terms}", format_money(p.amount), p.period)
            }
            None => package
                .price_note()
                .unwrap_or("Not stated in the policy")
                .to_string(),
        };
        let facts = s
            .policy
            .facts()
            .iter()
            .map(|f| {
                view! {
                    <div>
                        <dt>{f.topic.as_ref()}</dt>
                        <dd>
                            {f.text.as_ref()}
                            <span class="source">{format!(" ({})", f.provenance.source)}</span>
                        </dd>
                    </div>
                }
            })
            .collect_any();
        let source = s.policy.source();
        view! {
            <dl class="facts">
                <div>
                    <dt>{"Channels"}</dt>
                    <dd>{join(package.channels(), ", ")}</dd>
                </div>
                {package
                    .incidents_per_month()
                    .map(|n| {
                        view! {
                            <div>
                                <dt>{"Incidents per month"}</dt>
                                <dd>{n.to_string()}</dd>
                            </div>
                        }
                    })}
                <div>
                    <dt>{"Price"}</dt>
                    <dd>{price}</dd>
                </div>
                {facts}
            </dl>
            <p class="hint">{format!("Source: {} ({})", source.title, source.file)}</p>
        }
        .into_any()
    };
    view! {
        <section class="panel about" aria-labelledby="h-about">
            <h2 id="h-about">"Your package and policy"</h2>
            {move || content()}
        </section>
    }
}
