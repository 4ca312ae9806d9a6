//! The app's part of the page, mounted into `<main>` after the static
//! header of `index.html`: inputs on one side, the chosen view on the other.

use leptos::prelude::*;

use crate::present::query::{self, View};
use crate::present::summary;

use super::browser;
use super::charge_panel::ChargePanel;
use super::deadline_list::DeadlineList;
use super::holiday_editor::HolidayEditor;
use super::opened_field::OpenedField;
use super::page_footer::PageFooter;
use super::pause_list::PauseList;
use super::policy_facts::PolicyFacts;
use super::problem_list::ProblemList;
use super::reactive::Derived;
use super::severity_field::SeverityField;
use super::share_bar::ShareBar;
use super::staged::Staged;
use super::state::Ctx;
use super::support_status::SupportStatus;
use super::tier_table::TierTable;
use super::vendor_fields::VendorFields;
use super::vendor_overview::VendorOverview;
use super::view_switch::ViewSwitch;
use super::zone_field::ZoneField;

#[component]
pub fn App(
    /// Shared state.
    ctx: Ctx,
) -> impl IntoView {
    let query = ctx.query;
    let embed = query.with_untracked(|q| q.embed);

    // The URL, the remembered choices and the title (which names the ticket
    // for tabs, bookmarks and history) follow every input: at once on load,
    // then once input pauses, because setting them costs more than the
    // update itself.
    Effect::new(move |first: Option<()>| {
        let ticket = ctx.selection.with(|s| summary::title(&s.0));
        query.with(|q| {
            let stored = (!q.embed).then(|| query::write_stored(q));
            let title = format!("{ticket} \u{2013} SLA calculator");
            browser::sync(query::write(q), stored, title, first.is_none());
        })
    });

    // A memo, so the panel is rebuilt only when the view itself changes.
    let view = Derived::new(move || query.with(|q| q.view));
    // Each part renders in a task of its own (see `Staged`), in page order.
    view! {
        <ProblemList ctx=ctx />
        <div class="layout">
            <form class="inputs" aria-label="Ticket details" on:submit=|ev| ev.prevent_default()>
                <Staged><VendorFields ctx=ctx /></Staged>
                <Staged><SeverityField ctx=ctx /></Staged>
                <Staged><OpenedField ctx=ctx /></Staged>
                <Staged><PauseList ctx=ctx /></Staged>
                <Staged><ZoneField ctx=ctx /></Staged>
                <Staged><HolidayEditor ctx=ctx /></Staged>
            </form>
            <div class="results">
                <Staged><SupportStatus ctx=ctx /></Staged>
                <Staged><DeadlineList ctx=ctx /></Staged>
                <Staged><ShareBar ctx=ctx /></Staged>
                <Staged><ViewSwitch ctx=ctx /></Staged>
                <Staged>
                    {move || match view.get() {
                        View::Ticket => view! {
                            <ChargePanel ctx=ctx />
                            <PolicyFacts ctx=ctx />
                        }
                            .into_any(),
                        View::Compare => view! { <TierTable ctx=ctx /> }.into_any(),
                        View::Vendors => view! { <VendorOverview ctx=ctx /> }.into_any(),
                    }}
                </Staged>
            </div>
        </div>
        {(!embed).then(|| view! { <Staged><PageFooter /></Staged> })}
    }
}
