//! Charge estimate: the service, the work, each line with the rule that
//! produced it, and the total in the policy's currency.

use leptos::prelude::*;

use crate::request;

use super::assumption_mark::AssumptionMark;
use super::assumption_note::AssumptionNote;
use super::state::use_ctx;
use super::work_field::WorkField;
use super::work_start_field::WorkStartField;

#[component]
pub fn ChargePanel() -> impl IntoView {
    let ctx = use_ctx();
    let query = ctx.query;
    let panel = ctx.charges;
    // Each part in a memo of its own, so typing hours rebuilds only the estimate.
    let services = Memo::new(move |_| panel.with(|p| p.services.clone()));
    let rule = Memo::new(move |_| panel.with(|p| p.rule.clone()));
    let estimate = Memo::new(move |_| panel.with(|p| p.estimate.clone()));
    let unstated = Memo::new(move |_| panel.with(|p| p.unstated.clone()));
    let chosen = Memo::new(move |_| rule.with(|r| r.as_ref().map(|r| r.id)));
    let assumptions = Memo::new(move |_| {
        rule.with(|r| {
            r.as_ref()
                .map(|r| r.assumptions.clone())
                .unwrap_or_default()
        })
    });
    let asks_hours = Memo::new(move |_| rule.with(|r| r.as_ref().is_some_and(|r| r.asks_hours)));
    let asks_days = Memo::new(move |_| rule.with(|r| r.as_ref().is_some_and(|r| r.asks_days)));
    let flags =
        Memo::new(move |_| rule.with(|r| r.as_ref().map(|r| r.flags.clone()).unwrap_or_default()));

    let store_hours = Callback::new(move |text: String| {
        request::parse_hours("hours", &text).map_err(|e| e.to_string())?;
        query.update(|q| q.hours = Some(text.trim().to_string()));
        Ok(())
    });
    let store_days = Callback::new(move |text: String| {
        request::parse_days("days", &text).map_err(|e| e.to_string())?;
        query.update(|q| q.days = Some(text.trim().to_string()));
        Ok(())
    });
    // The error of the hours or days as typed (one field at a time): while
    // there is one, the estimate and its total are withheld (here and in
    // the answer strip).
    let work_error = ctx.work_error;
    let none = move || {
        let name = ctx.selection.with(|s| s.0.package().name());
        format!("The policy lists no chargeable services for {name}.")
    };

    view! {
        <section class="panel charges" aria-labelledby="h-charges">
            <h2 id="h-charges">"Charges"</h2>
            <Show
                when=move || services.with(|s| !s.is_empty())
                fallback=move || view! { <p data-charges="none">{none}</p> }
            >
                <div class="field">
                    <label for="f-service">"Service"</label>
                    <select
                        id="f-service"
                        name="service"
                        on:change=move |ev| {
                            let id = event_target_value(&ev);
                            query.update(|q| q.service = Some(id));
                        }
                    >
                        <For
                            each=move || services.get()
                            key=|s| (s.id, s.label)
                            children=move |s| {
                                view! {
                                    <option value=s.id prop:selected=move || chosen.get() == Some(s.id)>
                                        {s.label}
                                    </option>
                                }
                            }
                        />
                    </select>
                </div>
                {move || {
                    rule.get()
                        .map(|r| {
                            view! {
                                <div class="rate">
                                    {r.rate} " " <AssumptionMark texts=r.assumptions.clone() />
                                </div>
                                <p class="hint">{r.applies}</p>
                                {r.note.map(|n| view! { <p class="hint">{n}</p> })}
                                {r
                                    .assumptions
                                    .into_iter()
                                    .map(|a| view! { <AssumptionNote text=a /> })
                                    .collect_view()}
                                <p class="hint">{r.source}</p>
                            }
                        })
                }}
                <Show when=move || rule.with(|r| r.as_ref().is_some_and(|r| r.asks_work_start))>
                    <WorkStartField />
                </Show>
                <Show when=move || asks_hours.get()>
                    <WorkField
                        name="hours"
                        label="Hours of work"
                        hint="For example 1.5 or 1:30"
                        mode="decimal"
                        value=query.with_untracked(|q| q.hours.clone().unwrap_or_else(|| "1".into()))
                        store=store_hours
                        error=work_error
                    />
                </Show>
                <Show when=move || asks_days.get()>
                    <WorkField
                        name="days"
                        label="Days of work"
                        hint="Whole days, for example 2"
                        mode="numeric"
                        value=query.with_untracked(|q| q.days.clone().unwrap_or_else(|| "1".into()))
                        store=store_days
                        error=work_error
                    />
                </Show>
                <Show when=move || flags.with(|f| !f.is_empty())>
                    <fieldset class="field">
                        <legend>"What applies to this ticket"</legend>
                        <For
                            each=move || flags.get()
                            key=|(id, _)| *id
                            children=move |(id, label)| {
                                let input_id = format!("f-flag-{id}");
                                view! {
                                    <div class="choice">
                                        <input
                                            type="checkbox"
                                            name="flag"
                                            value=id
                                            id=input_id.clone()
                                            prop:checked=move || query.with(|q| q.flags.iter().any(|f| f == id))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                query.update(|q| {
                                                    q.flags.retain(|f| f != id);
                                                    if on {
                                                        q.flags.push(id.to_string());
                                                    }
                                                })
                                            }
                                        />
                                        <label for=input_id>{label}</label>
                                    </div>
                                }
                            }
                        />
                    </fieldset>
                </Show>
                {move || {
                    estimate
                        .get()
                        .filter(|_| work_error.with(Option::is_none))
                        .map(|e| {
                            let not_stated = e.total.is_none();
                            let total_text = e
                                .total
                                .as_ref()
                                .map_or_else(|| "Not stated".to_string(), |t| t.1.clone());
                            view! {
                                <p class="billing" data-billing=e.billing>{e.words}</p>
                                {e.judged
                                    .into_iter()
                                    .map(|j| view! { <p class="hint" data-judged=j.moment>{j.words}</p> })
                                    .collect_view()}
                                <table class="lines">
                                    <caption class="sr-only">"Charge lines"</caption>
                                    <tbody>
                                        {e.lines
                                            .into_iter()
                                            .map(|l| {
                                                view! {
                                                    <tr>
                                                        <th scope="row">
                                                            {l.label}
                                                            <span class="line-rule">{l.rule}</span>
                                                        </th>
                                                        <td class="money">{l.amount}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                    <tfoot>
                                        <tr>
                                            <th scope="row">"Total"</th>
                                            <td class="money total">
                                                <span
                                                    data-charge-total=e.total.as_ref().map(|t| t.0.to_string())
                                                    data-charge-status=not_stated.then_some("not-stated")
                                                    data-currency=e.currency
                                                >
                                                    {total_text}
                                                </span>
                                                " "
                                                <AssumptionMark texts=assumptions.get() />
                                            </td>
                                        </tr>
                                    </tfoot>
                                </table>
                                // Beside the total: what the work costs at the rate, and
                                // for a 0, what would make it billable.
                                {e.arithmetic.map(|a| view! { <p class="arithmetic" data-charge-arithmetic="">{a}</p> })}
                                {e.billable_when.map(|w| view! { <p class="hint" data-billable-when="">{w}</p> })}
                                {not_stated
                                    .then(|| {
                                        view! { <p class="hint">"Ask the vendor for the amount before the work starts."</p> }
                                    })}
                            }
                        })
                }}
                <ul class="unstated">
                    {move || {
                        unstated.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()
                    }}
                </ul>
            </Show>
        </section>
    }
}
