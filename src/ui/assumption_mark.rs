//! A marker beside a number that rests on assumptions: a disclosure whose
//! text is one click (or, through `title`, one hover) away; `<details>`
//! gives keyboard and screen-reader access without script.

use leptos::prelude::*;

#[component]
pub fn AssumptionMark(
    /// The assumptions behind the number; nothing is drawn when empty.
    texts: Vec<&'static str>,
) -> impl IntoView {
    (!texts.is_empty()).then(|| {
        let count = texts.len().to_string();
        let title = texts.join(" ");
        let label = if texts.len() == 1 {
            "Assumption".to_string()
        } else {
            format!("{} assumptions", texts.len())
        };
        view! {
            <details class="mark" data-assumption=count>
                <summary class="badge assumption" title=title>
                    {label}
                    <span class="sr-only">" behind this figure"</span>
                </summary>
                <ul class="mark-text">
                    {texts.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                </ul>
            </details>
        }
    })
}
