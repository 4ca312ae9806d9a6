//! Charge estimate: the service, the work, each line with the rule that
//! produced it, and the total in the policy's currency.

use leptos::prelude::*;

use crate::engine::charge::{estimate, format_money, offered, Billing, Work};
use crate::engine::policy::RateUnit;
use crate::present::charges::{applies_words, billing_words, rate_words};
use crate::present::query::default_service;
use crate::request;

use super::assumption_note::AssumptionNote;
use super::reactive::Derived;
use super::state::Ctx;
use super::work_field::WorkField;
use super::CollectAny;

#[component]
pub fn ChargePanel(
    /// Shared state; edits `query.service`, `hours`, `days` and `flags`.
    ctx: Ctx,
) -> impl IntoView {
    let query = ctx.query;
    let catalog = ctx.catalog;

    // The chosen (or default) rule offered on the package, by index.
    let rule = Derived::new(move || {
        let s = ctx.selection.get().0;
        let wanted = query.with(|q| q.service.clone().or_else(|| default_service(catalog, q)));
        offered(&s)
            .find(|(_, r)| Some(r.id()) == wanted.as_deref())
            .map(|(i, _)| i)
    });
    let has_rules = Derived::new(move || ctx.selection.with(|s| offered(&s.0).next().is_some()));
    let work = Derived::new(move || {
        query.with(|q| Work {
            minutes: request::parse_hours("hours", q.hours.as_deref().unwrap_or("1")).unwrap_or(60),
            days: request::parse_days("days", q.days.as_deref().unwrap_or("1")).unwrap_or(1),
            flags: q.flags.clone(),
        })
    });
    let result = Derived::new(move || {
        let s = ctx.selection.get().0;
        let index = rule.get()?;
        let r = &s.policy.charges()[index];
        let opened = query.with(|q| q.opened);
        let e = work.with(|w| estimate(&s, r, opened, w));
        Some((e.billing, e.lines, e.total))
    });
    let current = move || {
        rule.get()
            .map(|i| ctx.selection.with(|s| &s.0.policy.charges()[i]))
    };

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

    // Options per package; the choice itself is a property, so picking one keeps focus.
    let package = ctx.package;
    let service_field = move || {
        package.track();
        let s = ctx.selection.with_untracked(|s| s.0);
        view! {
            <div class="field">
                <label for="f-service">{"Service"}</label>
                <select
                    id="f-service"
                    name="service"
                    on:change=move |ev| {
                        let id = event_target_value(&ev);
                        query.update(|q| q.service = Some(id));
                    }
                >
                    {offered(&s)
                        .map(|(i, r)| {
                            view! { <option value=r.id() prop:selected=move || rule.get() == Some(i)>{r.label()}</option> }
                        })
                        .collect_any()}
                </select>
            </div>
        }
        .into_any()
    };
    let work_fields = move || {
        let r = current()?;
        let unit = r.unit();
        let flags: Vec<(&'static str, &'static str)> = r.flags();
        let priced = r.rate().is_some();
        Some(view! {
            {(priced && matches!(unit, RateUnit::Hour(_)))
                .then(|| {
                    view! {
                        <WorkField
                            name="hours"
                            label="Hours of work"
                            hint="For example 1.5 or 1:30"
                            mode="decimal"
                            value=query.with_untracked(|q| q.hours.clone().unwrap_or_else(|| "1".into()))
                            store=store_hours
                        />
                    }
                })}
            {(priced && unit == RateUnit::Day)
                .then(|| {
                    view! {
                        <WorkField
                            name="days"
                            label="Days of work"
                            hint="Whole days, for example 2"
                            mode="numeric"
                            value=query.with_untracked(|q| q.days.clone().unwrap_or_else(|| "1".into()))
                            store=store_days
                        />
                    }
                })}
            {(!flags.is_empty())
                .then(|| {
                    view! {
                        <fieldset class="field">
                            <legend>{"What applies to this ticket"}</legend>
                            {flags
                                .into_iter()
                                .map(|(id, label)| {
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
                                })
                                .collect_any()}
                        </fieldset>
                    }
                })}
        }
        .into_any())
    };
    let about = move || {
        let r = current()?;
        let policy = ctx.selection.with(|s| s.0.policy);
        Some(
            view! {
                <p class="rate">{rate_words(r)}</p>
                <p class="hint">{applies_words(r, policy)}</p>
                {r.note().map(|n| view! { <p class="hint">{n}</p> })}
                {r.provenance()
                    .assumption
                    .as_deref()
                    .map(|a| {
                        view! { <AssumptionNote text=a /> }
                    })}
                <p class="hint">{format!("Source: {}", r.provenance().source)}</p>
            }
            .into_any(),
        )
    };
    let estimate_view = move || {
        let (billing, lines, total) = result.get()?;
        let currency = ctx.selection.with(|s| s.0.policy.currency());
        let words = ctx.zone.with(|z| billing_words(&billing, z));
        let not_stated = billing == Billing::AmountNotStated;
        let rows = lines
            .into_iter()
            .map(|l| {
                view! {
                    <tr>
                        <th scope="row">
                            {l.label}
                            <span class="line-rule">{l.rule}</span>
                        </th>
                        <td class="money">{format_money(l.amount)}</td>
                    </tr>
                }
            })
            .collect_any();
        Some(view! {
            <p class="billing" data-billing=match billing {
                Billing::Billable { .. } => "billable",
                Billing::NotBillable { .. } => "not-billable",
                Billing::Unavailable { .. } => "unavailable",
                Billing::AmountNotStated => "not-stated",
            }>{words}</p>
            <table class="lines">
                <caption class="sr-only">{"Charge lines"}</caption>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{"Total"}</th>
                        {match total {
                            Some(t) => {
                                view! {
                                    <td class="money total" data-charge-total=t.minor.to_string() data-currency=currency.code()>
                                        {format_money(t)}
                                    </td>
                                }
                                    .into_any()
                            }
                            None => {
                                view! {
                                    <td class="money total" data-charge-status="not-stated" data-currency=currency.code()>
                                        "Not stated"
                                    </td>
                                }
                                    .into_any()
                            }
                        }}
                    </tr>
                </tfoot>
            </table>
            {not_stated.then(|| view! { <p class="hint">"Ask the vendor for the amount before the work starts."</p> })}
        }.into_any())
    };
    // Fees the policy mentions for this package without an amount.
    let unstated = move || {
        let s = ctx.selection.get().0;
        let items = offered(&s)
            .filter(|(_, r)| r.rate().is_none())
            .map(|(_, r)| {
                let note = r.note().map(|n| format!(" {n}")).unwrap_or_default();
                view! { <li>{format!("{}: the policy says this fee exists but not its amount.{note}", r.label())}</li> }
            })
            .collect_any();
        view! { <ul class="unstated">{items}</ul> }.into_any()
    };
    let none = move || {
        let name = ctx.selection.with(|s| s.0.package().name());
        format!("The policy lists no chargeable services for {name}.")
    };
    view! {
        <section class="panel charges" aria-labelledby="h-charges">
            <h2 id="h-charges">"Charges"</h2>
            {move || {
                if has_rules.get() {
                    view! {
                        {move || service_field()}
                        {move || about()}
                        {move || work_fields()}
                        {move || estimate_view()}
                        {move || unstated()}
                    }
                        .into_any()
                } else {
                    view! { <p data-charges="none">{move || none()}</p> }.into_any()
                }
            }}
        </section>
    }
}
