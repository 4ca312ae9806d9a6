//! Every ticket, breached first by default, sortable and filterable. The
//! worker that audited the tickets orders them (`client::request_order`),
//! so sorting 100,000 tickets never blocks the page; only the rows on
//! screen are in the DOM (rows have a fixed height; spacers stand for the
//! rest), so they scroll as fast as 100. A row opens its ticket in the
//! calculator with the same inputs.

use leptos::prelude::*;

use crate::engine::zone::Zone;
use crate::present::audit::{shown_text, table_row, SortKey, State, TableContext, TableView};

use super::client::request_order;
use super::state::use_audit;
use super::summary_table::target_name;
use super::ticket_row::TicketRow;

/// Row height in CSS pixels (style/audit.css: `.tickets tbody tr`).
const ROW_PX: usize = 36;
/// Height of the scrolling box in rows (style/audit.css: `.ticket-scroll`).
const SHOWN: usize = 14;
/// Rows rendered beyond each edge of the box.
const SPARE: usize = 6;

#[component]
pub fn TicketTable() -> impl IntoView {
    let ctx = use_audit();
    let scroll = RwSignal::new(0usize);
    // The worker holds the rows too: sorting and filtering happen there.
    Effect::new(move |_| {
        let (key, descending) = ctx.sort.get();
        let filter = ctx.filter.get();
        request_order(TableView {
            key,
            descending,
            filter,
        });
    });
    let shown = move || ctx.order.with(|o| o.as_ref().map(Vec::len));
    let window = Memo::new(move |_| {
        let n = shown().unwrap_or(0);
        let first = (scroll.get() / ROW_PX).saturating_sub(SPARE).min(n);
        let last = (first + SHOWN + 2 * SPARE).min(n);
        (first, last, n)
    });
    let severities = move || ctx.severities();
    // The rows on screen, as they read (`present::audit::table_row`); the
    // window memo above already stops a scroll within the same rows.
    let rows = move || {
        let (first, last, _) = window.get();
        let target_names: Vec<String> = ctx
            .results
            .with_value(|r| r.targets.iter().map(|t| target_name(ctx, t)).collect());
        ctx.settings.with(|s| {
            let zone = Zone::named(&s.zone).unwrap_or(Zone::UTC);
            let cx = TableContext {
                vendor: &s.vendor,
                package: &s.package,
                region: s.region.as_deref(),
                zone_name: &s.zone,
                zone: &zone,
                target_names: &target_names,
            };
            ctx.order.with(|o| {
                let o = o.as_deref().unwrap_or_default();
                ctx.results.with_value(|r| {
                    (first..last)
                        .filter_map(|k| Some(table_row(k + 1, r.rows.get(o[k] as usize)?, &cx)))
                        .collect::<Vec<_>>()
                })
            })
        })
    };
    let spacer = |h: usize| view! { <tr aria-hidden="true" class="spacer" style:height=format!("{}px", h * ROW_PX)></tr> };
    view! {
        <div class="table-controls">
            <div class="field">
                <label for="f-sort">"Sort by"</label>
                <select id="f-sort" name="sort" on:change=move |e| {
                    let key = SortKey::from_id(&event_target_value(&e)).unwrap_or_default();
                    ctx.sort.update(|s| s.0 = key);
                }>
                    {SortKey::ALL.into_iter().map(|k| view! {
                        <option value=k.id() prop:selected=move || ctx.sort.get().0 == k>{k.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <label class="check">
                <input type="checkbox" name="descending" prop:checked=move || ctx.sort.get().1
                    on:change=move |e| ctx.sort.update(|s| s.1 = event_target_checked(&e)) />
                "reversed"
            </label>
            <div class="field">
                <label for="f-state">"Show"</label>
                <select id="f-state" name="state" on:change=move |e| {
                    let v = event_target_value(&e);
                    ctx.filter.update(|f| f.state = State::from_id(&v));
                }>
                    <option value="" prop:selected=move || ctx.filter.with(|f| f.state.is_none())>"every ticket"</option>
                    {[State::Breached, State::Open, State::Met].into_iter().map(|s| view! {
                        <option value=s.id() prop:selected=move || ctx.filter.with(|f| f.state == Some(s))>{s.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-severity">"Severity"</label>
                <select id="f-severity" name="severity" on:change=move |e| {
                    let v = event_target_value(&e);
                    ctx.filter.update(|f| f.severity = (!v.is_empty()).then_some(v));
                }>
                    <option value="" prop:selected=move || ctx.filter.with(|f| f.severity.is_none())>"all"</option>
                    {move || severities().into_iter().map(|(id, label)| view! {
                        <option value=id prop:selected=move || ctx.filter.with(|f| f.severity.as_deref() == Some(id))>{format!("{id}: {label}")}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-search">"Ticket id contains"</label>
                <input id="f-search" name="search" type="search"
                    prop:value=move || ctx.filter.with(|f| f.text.clone())
                    on:input=move |e| {
                        let v = event_target_value(&e);
                        ctx.filter.update(|f| f.text = v);
                    } />
            </div>
        </div>
        <p class="hint" data-shown=shown>
            {move || shown_text(shown())}
        </p>
        <div
            class="ticket-scroll"
            role="region"
            aria-label="Ticket table"
            tabindex="0"
            on:scroll=move |e| {
                let top = event_target::<web_sys::Element>(&e).scroll_top();
                scroll.set(usize::try_from(top).unwrap_or(0));
            }
        >
            <table class="tickets" data-tickets aria-rowcount=move || window.get().2 + 1>
                <thead>
                    <tr aria-rowindex="1">
                        <th scope="col">"Ticket"</th>
                        <th scope="col">"State"</th>
                        <th scope="col">"Margin"</th>
                        <th scope="col">"Severity"</th>
                        <th scope="col">"Opened"</th>
                        <th scope="col">"Targets"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || spacer(window.get().0)}
                    // Rebuilt as the window moves: 26 rows of text. A keyed
                    // <For> would bring its diffing into this page's wasm
                    // (+5.2 KB brotli, past the page's 150,000 B budget).
                    {move || rows().into_iter().map(|row| view! { <TicketRow row=row /> }).collect_view()}
                    {move || { let (_, last, n) = window.get(); spacer(n - last) }}
                </tbody>
            </table>
        </div>
    }
}
