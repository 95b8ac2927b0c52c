//! The "page not found" screen, shown for unknown addresses and missing records.

use leptos::prelude::*;
use leptos_router::components::A;

use super::PageHeading;
use crate::i18n::{tr, tr_signal};

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <div class="cc-width cc-page">
            <PageHeading title=tr_signal(|t| t.not_found_title) />
            <p class="cc-body-l">{tr(|t| t.not_found_text)}</p>
            <p><A href="/" attr:class="cc-link cc-link--alone">{tr(|t| t.not_found_home)}</A></p>
        </div>
    }
}
