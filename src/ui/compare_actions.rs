//! Taking a comparison elsewhere: copied as plain text, or printed.

use leptos::prelude::*;

use super::browser;

#[component]
pub fn CompareActions(
    /// The comparison as plain text, built when the button is pressed.
    text: Callback<(), String>,
) -> impl IntoView {
    // Its own status line, beside the buttons (the share bar's is far up).
    let notice = RwSignal::new(String::new());
    let copy = move |_| {
        browser::copy(&text.run(()), move |ok| {
            notice.set(if ok {
                "Comparison copied to the clipboard.".to_string()
            } else {
                "The browser did not allow copying.".to_string()
            });
        });
    };
    view! {
        <div class="buttons compare-actions">
            <button type="button" data-action="copy-comparison" on:click=copy>
                "Copy comparison"
            </button>
            <button type="button" data-action="print" on:click=move |_| browser::print()>
                "Print"
            </button>
            <p class="hint" role="status" data-compare-notice="">{move || notice.get()}</p>
        </div>
    }
}
