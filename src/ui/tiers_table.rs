//! One vendor's packages as table columns, the rows its targets and terms,
//! the cells that differ from the chosen package marked; a "Use" button
//! switches the ticket to a package.

use leptos::prelude::*;

use crate::present::compare::{Cell, Tiers};
use crate::present::query::View;
use crate::present::ticket::when;
use crate::request::format_instant;

use super::state::use_ctx;

#[component]
pub fn TiersTable(
    /// The table's content.
    tiers: Tiers,
    /// Says what the table compares.
    caption: String,
) -> impl IntoView {
    let ctx = use_ctx();
    let query = ctx.query;
    let vendor = tiers.vendor;
    let cell = move |cell: Cell| {
        let due = cell.due.map(|at| {
            let local = ctx.zone.with_untracked(|z| when(z, at));
            view! { <time datetime=format_instant(at)>{local}</time> }
        });
        view! {
            <td
                data-differs=cell.differs.then_some("")
                data-verdict=cell.verdict.map(|v| v.id())
                data-outcome=cell.outcome.map(|o| o.id())
            >
                // In words, not colour alone: "▲ Better", "▼ Worse".
                {cell.verdict.map(|v| view! {
                    <span class="verdict">
                        <span class="diff-mark" aria-hidden="true">{v.symbol()}</span>
                        " "
                        {v.words()}
                        <span class="sr-only">":"</span>
                    </span>
                })}
                <span class="cell-text">{cell.text}</span>
                {due}
            </td>
        }
    };
    let heads = tiers
        .tiers
        .into_iter()
        .map(|tier| {
            let (package, region) = (tier.package, tier.region);
            let choose = move |_| {
                query.update(|q| {
                    if q.vendor != vendor {
                        q.vendor = vendor.to_string();
                        q.flags.clear();
                    }
                    q.package = package.to_string();
                    q.region = region.map(str::to_string);
                    q.service = None;
                    q.view = View::Ticket;
                })
            };
            let use_label = format!("Use {}", tier.name);
            view! {
                <th scope="col" data-chosen=tier.chosen.then_some("") data-package=package>
                    <span>{tier.name}</span>
                    {if tier.chosen {
                        view! { <span class="badge">"Your package"</span> }.into_any()
                    } else {
                        view! {
                            <button type="button" class="quiet" aria-label=use_label on:click=choose>
                                "Use"
                            </button>
                        }
                            .into_any()
                    }}
                </th>
            }
        })
        .collect_view();
    let rows = tiers
        .rows
        .into_iter()
        .map(|row| {
            view! {
                <tr data-row=row.id data-kind=row.kind.map(|k| k.id()) data-varies=row.varies.then_some("")>
                    <th scope="row">{row.label}</th>
                    {row.cells.into_iter().map(cell).collect_view()}
                </tr>
            }
        })
        .collect_view();
    let label = caption.clone();
    view! {
        <div class="table-wrap" role="region" aria-label=label tabindex="0">
            <table class="compare" data-vendor=vendor>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <td></td>
                        {heads}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
