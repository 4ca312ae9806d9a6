//! The chosen vendor's packages side by side for the chosen severity, with
//! the concrete deadlines for the chosen opening and the differences marked.

use leptos::prelude::*;

use crate::present::compare::{tiers, Cell, Tiers};
use crate::present::query::View;
use crate::present::ticket::when;
use crate::request::format_instant;

use super::state::Ctx;
use super::CollectAny;

/// A cell's text and, for a dated target, its date in the display zone.
pub fn cell_view(ctx: &Ctx, cell: Cell) -> impl IntoView {
    let due = cell.due.map(|at| {
        let local = ctx.zone.with_untracked(|z| when(z, at));
        view! { <time datetime=format_instant(at)>{local}</time> }
    });
    let mark = cell.differs.then(|| {
        view! {
            <span class="diff-mark" aria-hidden="true">"\u{2260} "</span>
            <span class="sr-only">"Differs: "</span>
        }
    });
    view! {
        <td data-differs=cell.differs.then_some("") data-outcome=cell.outcome.map(|o| o.id())>
            {mark}
            <span class="cell-text">{cell.text}</span>
            {due}
        </td>
    }
}

/// The table of one vendor's tiers; `choose` switches the ticket to a package.
pub fn tiers_table(ctx: Ctx, t: Tiers, caption: String) -> AnyView {
    let query = ctx.query;
    let vendor = t.vendor;
    let heads = t
        .tiers
        .iter()
        .map(|tier| {
            let (package, region) = (tier.package, tier.region);
            let name = tier.name.clone();
            let chosen = tier.chosen;
            view! {
                <th scope="col" data-chosen=chosen.then_some("") data-package=package>
                    <span>{name.clone()}</span>
                    {if chosen {
                        view! { <span class="badge">"Your package"</span> }.into_any()
                    } else {
                        view! {
                            <button
                                type="button"
                                class="quiet"
                                aria-label=format!("Use {name}")
                                on:click=move |_| {
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
                                }
                            >
                                "Use"
                            </button>
                        }
                            .into_any()
                    }}
                </th>
            }
        })
        .collect_any();
    let rows = t
        .rows
        .into_iter()
        .map(|row| {
            let cells = row
                .cells
                .into_iter()
                .map(|c| cell_view(&ctx, c))
                .collect_any();
            view! {
                <tr data-row=row.id data-varies=row.varies.then_some("")>
                    <th scope="row">{row.label}</th>
                    {cells}
                </tr>
            }
        })
        .collect_any();
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
    .into_any()
}

#[component]
pub fn TierTable(
    /// Shared state; reads the ticket, may switch the package.
    ctx: Ctx,
) -> impl IntoView {
    let table = move || {
        let ticket = ctx.ticket.get();
        let s = ticket.selection;
        let chosen = (s.package().id(), s.region().map(|r| r.id()));
        let t = tiers(
            s.catalog,
            s.policy,
            s.severity().id(),
            ticket.opened,
            &ticket.timing,
            Some(chosen),
            false,
        );
        let caption = format!("{}: packages for {}", t.vendor_name, t.severity_label);
        ctx.zone.track();
        tiers_table(ctx, t, caption)
    };
    let intro = move || {
        ctx.ticket.with(|t| {
            ctx.zone.with(|z| {
                format!(
                    "Deadlines for a ticket opened {}. Cells marked \u{2260} differ from your package.",
                    when(z, t.opened)
                )
            })
        })
    };
    view! {
        <section class="panel compare-panel" aria-labelledby="h-compare">
            <h2 id="h-compare">"Compare packages"</h2>
            <p class="hint">{move || intro()}</p>
            {move || table()}
        </section>
    }
}
