//! The page title and what the tool does (left out when embedded).

use leptos::prelude::*;

#[component]
pub fn PageHeader() -> impl IntoView {
    view! {
        <header class="page-header">
            <h1>"SLA calculator"</h1>
            <p class="lede">
                "What a support contract entitles you to right now: deadlines for a ticket, whether support is open, "
                "charges, and how the packages compare. Everything is computed in your browser."
            </p>
        </header>
    }
}
