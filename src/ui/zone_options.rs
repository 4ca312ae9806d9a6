//! The options of a zone list (`present::zone::choices`): each zone once,
//! keyed by value and label, the chosen one selected. Shared by "Show times
//! in" and the opened time's zone.

use leptos::prelude::*;

use crate::present::zone::Choice;

#[component]
pub fn ZoneOptions(
    /// The zones offered, in order.
    choices: Memo<Vec<Choice>>,
    /// The value of the option to select (none matches: none selected).
    chosen: Signal<String>,
) -> impl IntoView {
    view! {
        <For
            each=move || choices.get()
            key=|c| (c.value.clone(), c.label.clone())
            children=move |c| {
                let value = c.value.clone();
                view! {
                    <option value=c.value prop:selected=move || chosen.with(|v| *v == value)>
                        {c.label}
                    </option>
                }
            }
        />
    }
}
