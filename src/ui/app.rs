//! The app's part of the page, mounted into `<main>` after the static
//! header of `index.html`: the answer strip, then the inputs on one side
//! and the chosen view on the other (one column, inputs first, on narrow
//! screens and in embeds, where a link's inputs start folded away).

use leptos::prelude::*;

use crate::present::query::{self, View};
use crate::present::summary;

use super::answer_strip::AnswerStrip;
use super::browser;
use super::charge_panel::ChargePanel;
use super::deadline_list::DeadlineList;
use super::holiday_editor::HolidayEditor;
use super::opened_field::OpenedField;
use super::page_footer::PageFooter;
use super::pause_list::PauseList;
use super::policy_facts::PolicyFacts;
use super::problem_list::ProblemList;
use super::severity_field::SeverityField;
use super::share_bar::ShareBar;
use super::staged::Staged;
use super::state::use_ctx;
use super::support_status::SupportStatus;
use super::tier_table::TierTable;
use super::vendor_fields::VendorFields;
use super::vendor_overview::VendorOverview;
use super::view_switch::ViewSwitch;
use super::zone_field::ZoneField;

#[component]
pub fn App(
    /// Opened by a link: its answers come first, and on narrow screens and
    /// in embeds its inputs wait behind "Change ticket".
    link: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let query = ctx.query;
    let embed = query.with_untracked(|q| q.embed);

    // The URL, the remembered choices and the title (which names the ticket
    // for tabs, bookmarks and history) follow every input: at once on load,
    // then once input pauses, because setting them costs more than the
    // update itself. The effect only notes the change; the text is made
    // when it is written, outside the update.
    Effect::new(move |first: Option<()>| {
        query.track();
        ctx.selection.track();
        let made = move || {
            let ticket = ctx.selection.with_untracked(|s| summary::title(&s.0));
            query.with_untracked(|q| browser::Synced {
                query: query::write(q),
                stored: (!q.embed).then(|| query::write_stored(q)),
                title: format!("{ticket} \u{2013} SLA calculator"),
            })
        };
        browser::sync(made, first.is_none());
    });

    let view = Memo::new(move |_| query.with(|q| q.view));
    let form_open = RwSignal::new(!link);
    // Each part renders in a task of its own (see `Staged`), in page order.
    view! {
        <ProblemList />
        // Not staged: drawn in the task that removes its placeholder.
        <AnswerStrip form_open />
        <div class="layout">
            <form
                id="ticket-form"
                class="inputs"
                class:folded=move || !form_open.get()
                aria-label="Ticket details"
                on:submit=|ev| ev.prevent_default()
            >
                <Staged><VendorFields /></Staged>
                <Staged><SeverityField /></Staged>
                <Staged><OpenedField /></Staged>
                <Staged><PauseList /></Staged>
                <Staged><ZoneField /></Staged>
                <Staged><HolidayEditor /></Staged>
            </form>
            <div class="results">
                <Staged><SupportStatus /></Staged>
                <Staged><DeadlineList /></Staged>
                <Staged><ShareBar /></Staged>
                <Staged><ViewSwitch /></Staged>
                <Staged>
                    {move || match view.get() {
                        View::Ticket => view! { <ChargePanel /> <PolicyFacts /> }.into_any(),
                        View::Compare => view! { <TierTable /> }.into_any(),
                        View::Vendors => view! { <VendorOverview /> }.into_any(),
                    }}
                </Staged>
            </div>
        </div>
        {(!embed).then(|| view! { <Staged><PageFooter /></Staged> })}
    }
}
