//! The page's `h1`, which also owns the document title and focus after navigation.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::context::use_site_name;

/// Whether the person has moved inside the app. On the very first load focus stays
/// at the top of the document (as screen readers expect); after each client-side
/// navigation it moves to the new page's heading, as a full page load would announce.
#[derive(Clone, Copy)]
pub struct NavigatedFlag {
    navigated: RwSignal<bool>,
    /// The path the app was opened at.
    first_path: StoredValue<String>,
}

impl NavigatedFlag {
    pub fn new(first_path: String) -> Self {
        NavigatedFlag {
            navigated: RwSignal::new(false),
            first_path: StoredValue::new(first_path),
        }
    }
}

/// Returns a check for "the person has moved inside the app", to call once the new
/// page is on screen (in an animation frame: the router writes the new address after
/// rendering, and the new page's own effects run before any watcher's). Captures the
/// context now, so the check can run outside the reactive owner.
pub fn navigation_check() -> impl Fn() -> bool + Clone + 'static {
    let flag = expect_context::<NavigatedFlag>();
    move || {
        if flag.navigated.get_untracked() {
            return true;
        }
        let now = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default();
        let moved = flag.first_path.with_value(|first| *first != now);
        if moved {
            flag.navigated.set(true);
        }
        moved
    }
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
    /// Language of the title when it is content (a procedure's name), not interface.
    #[prop(optional, into)]
    lang: MaybeProp<String>,
) -> impl IntoView {
    use_page_title(title, title_prefix);
    view! {
        <h1 class="cc-heading-xl" tabindex="-1" lang=move || lang.get()>
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
    let navigated = navigation_check();
    // What had focus while the new page was being built: the previous page's. The
    // wizard's pages are one view whose elements are reused from question to question,
    // so the "Continuar" just pressed is still there, still focused, on the next page.
    let focused_before = active_element();
    // Runs after the view is mounted (effects are scheduled after rendering), and
    // looks at the address one frame later, when the router has written it. A page
    // that already put focus on something of its own (a notice that says what just
    // happened) keeps it.
    Effect::new(move |_| {
        let navigated = navigated.clone();
        let focused_before = focused_before.clone();
        request_animation_frame(move || {
            if navigated() && !focus_is_new_pages_own(focused_before.as_ref()) {
                focus_heading();
            }
        });
    });
}

fn active_element() -> Option<web_sys::Element> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
}

/// Whether the new page put focus on something of its own inside `<main>`: focus is in
/// `<main>` and did not stay where it was on the previous page.
fn focus_is_new_pages_own(before: Option<&web_sys::Element>) -> bool {
    active_element()
        .is_some_and(|el| before != Some(&el) && el.closest("main").ok().flatten().is_some())
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
