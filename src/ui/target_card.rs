//! One target: due time, countdown, state and share of the window used, or
//! the outcome in words; and the rule behind it on request.

use leptos::prelude::*;

use crate::present::cards::{Card, Standing};

use super::assumption_mark::AssumptionMark;
use super::assumption_note::AssumptionNote;

#[component]
pub fn TargetCard(
    /// The target's id, the card's key.
    id: &'static str,
    /// Every card of the ticket; this one reads its own.
    cards: Memo<Vec<Card>>,
    /// Where every dated target stands now.
    standings: Memo<Vec<Standing>>,
) -> impl IntoView {
    let card = Memo::new(move |_| {
        cards.with(|all| all.iter().find(|c| c.id == id).cloned().unwrap_or_default())
    });
    let standing =
        Memo::new(move |_| standings.with(|all| all.iter().find(|s| s.id == id).cloned()));
    let dated = Memo::new(move |_| card.with(|c| c.dated.clone()));
    let rows = Memo::new(move |_| card.with(|c| c.rule.clone()));
    let assumptions = Memo::new(move |_| card.with(|c| c.assumptions.clone()));
    let mark = move || view! { <AssumptionMark texts=assumptions.get() /> };
    let date = move |read: fn(&crate::present::cards::Dated) -> String| {
        move || dated.with(|d| d.as_ref().map(read).unwrap_or_default())
    };
    let stand = move |read: fn(&Standing) -> String| {
        move || standing.with(|s| s.as_ref().map(read).unwrap_or_default())
    };
    let used_id = format!("used-{id}");
    view! {
        <li
            class="card"
            data-target=id
            data-outcome=move || card.with(|c| c.outcome)
            data-state=move || standing.with(|s| s.as_ref().map_or("none", |s| s.state))
        >
            <h3>
                {move || card.with(|c| c.label)}
                <span class="badge qualifier">{move || card.with(|c| c.qualifier)}</span>
            </h3>
            <Show
                when=move || dated.with(Option::is_some)
                fallback=move || view! { <div class="outcome">{move || card.with(|c| c.sentence.clone())} " " {mark}</div> }
            >
                <div class="due">
                    <span class="due-label">{date(|d| d.lead.to_string())}</span>
                    <time datetime=date(|d| d.datetime.clone())>{date(|d| d.local.clone())}</time>
                    " "
                    {mark}
                </div>
                <p class="vendor-time hint">{date(|d| d.vendor_local.clone().unwrap_or_default())}</p>
                {move || card.with(|c| c.moved.clone()).map(|m| view! { <p class="hint moved" data-moved="">{m}</p> })}
                <p class="countdown" data-countdown="">{stand(|s| s.countdown.clone())}</p>
                <p class="state" data-state=stand(|s| s.state.to_string())>
                    <span class="state-symbol" aria-hidden="true">{stand(|s| s.symbol.to_string())}</span>
                    {stand(|s| s.words.to_string())}
                </p>
                <div class="used">
                    <progress max="1000" value=stand(|s| s.permille.to_string()) aria-labelledby=used_id.clone()></progress>
                    <span id=used_id.clone()>{stand(|s| s.used.clone())}</span>
                </div>
            </Show>
            // Built once per card: a new rule rewrites only its rows and notes.
            <details class="rule">
                <summary>"Rule behind this"</summary>
                <dl>
                    {move || {
                        rows.with(|rows| {
                            rows.iter()
                                .map(|(term, value)| view! { <dt>{*term}</dt><dd>{value.clone()}</dd> })
                                .collect_view()
                        })
                    }}
                </dl>
                {move || {
                    assumptions.with(|all| {
                        all.iter().map(|a| view! { <AssumptionNote text=*a /> }).collect_view()
                    })
                }}
            </details>
        </li>
    }
}
