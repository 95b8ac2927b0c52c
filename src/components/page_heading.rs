//! The page's `h1`, which also owns the document title and focus after navigation.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::use_site_name;

/// Set once the person has moved inside the app. On the very first load focus stays
/// at the top of the document (as screen readers expect); after each client-side
/// navigation it moves to the new page's heading, as a full page load would announce.
#[derive(Clone, Copy)]
pub struct NavigatedFlag(pub RwSignal<bool>);

pub fn use_navigated_flag() -> RwSignal<bool> {
    expect_context::<NavigatedFlag>().0
}

/// The page heading. `title` is also used for `document.title` ("Title — Site"),
/// prefixed with `title_prefix` (e.g. "Error: ") when given.
#[component]
pub fn PageHeading(
    /// Heading text.
    #[prop(into)]
    title: Signal<String>,
    /// Prefix for the document title only, e.g. "Error: " while a form shows errors.
    #[prop(optional, into)]
    title_prefix: Signal<String>,
) -> impl IntoView {
    use_page_title(title, title_prefix);
    view! {
        <h1 class="cc-heading-xl" tabindex="-1">
            {move || title.get()}
        </h1>
    }
}

/// Keeps `document.title` as "Prefix Title — Site" and, after a navigation inside the
/// app, moves focus to the page's `h1` once it is rendered. For pages whose h1 lives
/// inside a legend or label (one-question wizard pages).
pub fn use_page_title(title: Signal<String>, title_prefix: Signal<String>) {
    let site = use_site_name();
    Effect::new(move |_| {
        let text = format!("{}{} — {}", title_prefix.get(), title.get(), site.get());
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&text);
        }
    });
    let navigated = use_navigated_flag();
    // Runs after the view is mounted (effects are scheduled after rendering).
    Effect::new(move |_| {
        if navigated.get_untracked() {
            focus_heading();
        }
    });
}

/// Focuses the page heading (it has `tabindex="-1"`).
pub fn focus_heading() {
    let h1 = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main h1").ok().flatten());
    if let Some(h1) = h1 {
        let el: web_sys::HtmlElement = h1.unchecked_into();
        let _ = el.focus();
    }
}
