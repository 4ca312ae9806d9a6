//! The audit page's layout: the file and the choices, the run, then the results.

use leptos::prelude::*;

use crate::present::audit::calculator_address;

use super::audit_chart::AuditChart;
use super::bad_rows::BadRows;
use super::column_mapping::ColumnMapping;
use super::contract_fields::ContractFields;
use super::export_bar::ExportBar;
use super::reading_fields::ReadingFields;
use super::run_progress::RunProgress;
use super::severity_mapping::SeverityMapping;
use super::source_input::SourceInput;
use super::state::{use_audit, Run};
use super::summary_table::SummaryTable;
use super::ticket_table::TicketTable;

#[component]
pub fn AuditPage() -> impl IntoView {
    let ctx = use_audit();
    let done = move || ctx.run.with(|r| *r == Run::Done);
    let back = move || {
        ctx.settings
            .with(|s| calculator_address(&s.vendor, &s.package, s.region.as_deref()))
    };
    view! {
        <p class="audit-nav">
            <a href=back data-calculator-link>"← Back to the calculator"</a>
        </p>
        <section class="panel audit-input" aria-labelledby="h-audit-input">
            <h2 id="h-audit-input">"Tickets and contract"</h2>
            <SourceInput />
            <div class="audit-fields">
                <ContractFields />
                <ReadingFields />
            </div>
        </section>
        <RunProgress />
        <Show when=move || ctx.detected.with(Option::is_some)>
            <section class="panel" aria-labelledby="h-audit-reading">
                <h2 id="h-audit-reading">"How the file is read"</h2>
                <ColumnMapping />
                <SeverityMapping />
            </section>
        </Show>
        <BadRows />
        <Show when=done>
            <section class="panel" aria-labelledby="h-audit-summary">
                <h2 id="h-audit-summary">"Summary"</h2>
                <SummaryTable />
                <AuditChart />
                <ExportBar />
            </section>
        </Show>
        <Show when=done>
            <section class="panel" aria-labelledby="h-audit-tickets">
                <h2 id="h-audit-tickets">"Tickets"</h2>
                <TicketTable />
            </section>
        </Show>
        <p class="sr-only" role="status" aria-live="polite" data-notice>
            {move || ctx.notice.get()}
        </p>
        <footer class="page-footer">
            <p>
                "Deadlines follow the vendor's published support policy, as in the calculator. The file is read in this browser only: it is never uploaded or stored."
            </p>
        </footer>
    }
}
