//! GOV.UK error message: the message under a field's label, with a visually hidden
//! "Error:" so it is not identified by colour alone. Its id (`{id}-error`) is what the
//! field's `aria-describedby` points to.

use leptos::prelude::*;

use crate::i18n::t;

#[component]
pub fn ErrorMessage(id: String, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|msg| {
            view! {
                <p class="cc-error-message" id=format!("{id}-error")>
                    <span class="cc-visually-hidden">{t().error_prefix}</span>
                    {msg}
                </p>
            }
        })
    }
}
