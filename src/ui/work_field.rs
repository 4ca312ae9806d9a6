//! A quantity of work (hours or days) for a charge, checked as it is typed.

use leptos::prelude::*;

#[component]
pub fn WorkField(
    /// The field's name: the URL parameter it edits ("hours", "days").
    name: &'static str,
    /// The visible label.
    label: &'static str,
    /// Shown under the field while its text is usable.
    hint: &'static str,
    /// The on-screen keyboard to offer (`inputmode`: "decimal", "numeric").
    mode: &'static str,
    /// The text the field starts with.
    value: String,
    /// Checks and stores the text; its error replaces the hint, and the
    /// text stays as typed.
    store: Callback<String, Result<(), String>>,
    /// The error of the text as typed, shared with the panel (which shows
    /// no total meanwhile); it goes with the field.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    on_cleanup(move || error.set(None));
    let id = format!("f-{name}");
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type="text"
                inputmode=mode
                autocomplete="off"
                aria-describedby=hint_id.clone()
                aria-invalid=move || error.with(Option::is_some).to_string()
                value=value
                on:input=move |ev| error.set(store.run(event_target_value(&ev)).err())
            />
            <p id=hint_id class="hint" aria-live="polite">
                {move || error.get().unwrap_or_else(|| hint.to_string())}
            </p>
        </div>
    }
}
