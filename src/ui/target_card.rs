//! One target: due time, countdown, state and share of the window used, or
//! the outcome in words; and the rule behind it on request.

use leptos::prelude::*;

use crate::engine::deadline::{Progress, State};
use crate::engine::policy::Outcome;
use crate::present::text;
use crate::present::ticket::{explain, is_dated, outcome_sentence, when};
use crate::present::zone::{self, Offsets};
use crate::request::format_instant;

use super::assumption_note::AssumptionNote;
use super::reactive::Derived;
use super::state::Ctx;
use super::CollectAny;

/// A symbol beside the state's words, so state is never colour alone.
fn state_symbol(state: State) -> &'static str {
    match state {
        State::OnTrack => "\u{2713}",
        State::DueSoon => "!",
        State::Breached => "\u{2715}",
        State::NotYet => "\u{2026}",
        State::Reached => "\u{2713}",
    }
}

#[component]
pub fn TargetCard(
    /// Shared state; reads the ticket and zones.
    ctx: Ctx,
    /// Position of the target in the policy.
    index: usize,
    /// Where every target stands now (one entry per target).
    standing: Derived<Vec<Option<Progress>>>,
) -> impl IntoView {
    let ticket = ctx.ticket;
    let outcome = Derived::new(move || {
        ticket.with(|t| {
            t.due(index)
                .map(|d| d.outcome)
                .unwrap_or(Outcome::NoneStated)
        })
    });
    let due = Derived::new(move || ticket.with(|t| t.due(index).and_then(|d| d.due)));
    let here = Derived::new(move || standing.with(|s| s.get(index).copied().flatten()));
    let label = move || {
        ticket.with(|t| {
            t.due(index)
                .map(|d| d.target.label().to_string())
                .unwrap_or_default()
        })
    };
    let explained =
        Derived::new(move || ticket.with(|t| t.due(index).map(|d| explain(&t.selection, d))));

    let state = move || here.get().map(|p| p.state).unwrap_or(State::OnTrack);
    let permille = move || here.get().map(|p| p.used_permille).unwrap_or(0);
    // Whether the target is dated, and if so whether it is a "not before";
    // the block below is rebuilt only when that changes, and the parts that
    // move (the due instant with each edit, the countdown every second) are
    // bound one by one.
    let dated_kind = Derived::new(move || due.get().map(|_| outcome.get() == Outcome::Earliest));
    let at = move || due.get().unwrap_or_default();
    let dated = move || {
        let earliest = dated_kind.get()?;
        let vendor = move || {
            let vendor = ctx.vendor_zone();
            let differs = ctx.zone.with(|z| z.name() != vendor.name());
            differs.then(|| format!("{} ({})", when(&vendor, at()), zone::city(vendor.name())))
        };
        Some(view! {
            <p class="due">
                <span class="due-label">{if earliest { "Not before " } else { "Due " }}</span>
                <time datetime=move || format_instant(at())>{move || ctx.zone.with(|z| when(z, at()))}</time>
            </p>
            <p class="vendor-time hint">{move || vendor()}</p>
            <p class="countdown" data-countdown="">
                {move || here.get().map(|p| text::countdown(p.seconds_left, earliest))}
            </p>
            <p class="state" data-state=move || state().id().to_string()>
                <span class="state-symbol" aria-hidden="true">{move || state_symbol(state()).to_string()}</span>
                {move || state().words().to_string()}
            </p>
            <div class="used">
                <progress max="1000" value=move || permille().to_string() aria-labelledby=format!("used-{index}")></progress>
                <span id=format!("used-{index}")>
                    {move || format!("{} of the window used", text::percent(permille()))}
                </span>
            </div>
        }.into_any())
    };
    let undated = move || {
        let o = outcome.get();
        (!is_dated(o)).then(|| outcome_sentence(o).to_string())
    };
    // Rebuilt with every change of the rule, so no element here is pure
    // literal markup (see the `ui` module docs).
    let rule = move || {
        explained.get().map(|e| {
            let assumptions = e
                .assumptions
                .iter()
                .map(|a| view! { <AssumptionNote text=*a /> })
                .collect_any();
            let row = |term: &'static str, value: Option<String>| {
                value.map(|v| view! { <dt>{term}</dt><dd>{v}</dd> })
            };
            let counted_on = e
                .schedule
                .unwrap_or("Clock time: every hour counts, day and night");
            view! {
                <details class="rule">
                    <summary>{"Rule behind this"}</summary>
                    <dl>
                        {row("Target", Some(e.rule))}
                        {row("Counted on", Some(counted_on.to_string()))}
                        {row("How it is read", e.reading)}
                        {row("Updates", e.recurring)}
                        {row("Source", Some(e.source.to_string()))}
                    </dl>
                    {assumptions}
                </details>
            }
            .into_any()
        })
    };
    let qualifier =
        move || explained.with(|e| e.as_ref().and_then(|e| e.qualifier).map(str::to_string));
    view! {
        <li
            class="card"
            data-target=move || ticket.with(|t| t.due(index).map(|d| d.target.id().to_string()).unwrap_or_default())
            data-outcome=move || outcome.get().id().to_string()
            data-state=move || here.get().map_or("none", |p| p.state.id()).to_string()
        >
            <h3>
                {move || label()}
                <span class="badge qualifier">{move || qualifier()}</span>
            </h3>
            {move || dated()}
            <p class="outcome">{move || undated()}</p>
            {move || rule()}
        </li>
    }
}
