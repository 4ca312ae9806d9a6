//! Where the numbers come from (left out when embedded).

use leptos::prelude::*;

#[component]
pub fn PageFooter() -> impl IntoView {
    view! {
        <footer class="page-footer">
            <p>
                "Deadlines follow each vendor's published support policy. Where a policy is silent, the reading used is marked "
                <span class="badge assumption">"Assumption"</span>
                ". Nothing you enter leaves this page; your last choices are remembered in this browser only."
            </p>
        </footer>
    }
}
