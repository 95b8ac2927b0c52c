//! The app shell: router, header, footer, and the contexts every screen shares.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::catalog::HomePage;
use crate::components::{NavigatedFlag, SiteNotices};
use crate::context::{provide_shared_contexts, use_deployment, use_site_name};
use crate::i18n::{t, tr, Lang, LanguageChoice};
use crate::intake::DraftStore;
use crate::storage;

/// Every page but `/` (which stays in the main module: nothing would preload its chunk)
/// is one route here. Without the `split` feature (tests, `trunk serve`) the route shows
/// the page itself; with it (the release build, scripts/build-app.sh) the page's code is
/// in a wasm chunk of its own, downloaded on the first visit (see [`split`]).
#[cfg(not(feature = "split"))]
mod pages {
    pub use crate::assisted::{AssistedConfirmationPage, SignInPage};
    pub use crate::catalog::{ProcedurePage, SearchPage};
    pub use crate::components::NotFound;
    pub use crate::embed::{EmbedEntry, IntegratePage};
    pub use crate::intake::{ConfirmationPage, PrivacyPage, ResolvedPage, StartPage, StepPage};
    pub use crate::service_points::ServicePointsPage;
    pub use crate::tracking::{CasePage, LookupPage, MyCasesPage};
    pub use crate::transparency::TransparencyPage;
}

#[cfg(not(feature = "split"))]
macro_rules! page {
    ($page:ident) => {
        pages::$page
    };
}

#[cfg(feature = "split")]
macro_rules! page {
    ($page:ident) => {
        leptos_router::Lazy::<split::$page>::new()
    };
}

#[cfg(not(feature = "split"))]
fn not_found() -> impl IntoView {
    view! { <pages::NotFound /> }
}

#[cfg(feature = "split")]
fn not_found() -> impl IntoView {
    split::not_found()
}

const LANG_KEY: &str = "cc-lang";

/// Spanish unless the person chose another language on this device. The browser's
/// language is not used: on shared and second-hand phones it is often not the
/// person's, and a state service should open in its official language.
pub fn stored_lang() -> Lang {
    storage::get_string(LANG_KEY)
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or(Lang::Es)
}

/// The stored language if its texts are here (`main` fetched them before mounting);
/// Spanish when they could not be fetched.
fn initial_lang() -> Lang {
    Some(stored_lang())
        .filter(|l| texts_loader::is_ready(*l))
        .unwrap_or(Lang::Es)
}

/// Fetches a language's texts when needed, then switches; a language that cannot be
/// fetched (offline before it was ever used) leaves the current one and says so.
fn language_choice(lang: RwSignal<Lang>) -> LanguageChoice {
    let unavailable = RwSignal::new(false);
    let choose = Callback::new(move |l: Lang| {
        unavailable.set(false);
        if texts_loader::is_ready(l) {
            lang.set(l);
            return;
        }
        leptos::task::spawn_local(async move {
            if texts_loader::ensure(l).await {
                lang.set(l);
            } else {
                unavailable.set(true);
            }
        });
    });
    LanguageChoice {
        choose,
        unavailable,
    }
}

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(initial_lang());
    provide_context(lang);
    // Keep <html lang> right so screen readers pronounce the text correctly.
    Effect::new(move |_| {
        let code = lang.get().code();
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", code);
        }
        storage::set_string(LANG_KEY, code);
    });

    provide_context(language_choice(lang));
    provide_shared_contexts();
    crate::display::provide_display();
    let first_path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    provide_context(NavigatedFlag::new(first_path));
    provide_context(DraftStore::load());

    view! {
        <Router>
            {crate::embed::install_bridge()}
            <SkipLink />
            <Header />
            <display_slot::DisplaySlot />
            <SiteNotices />
            <outbox::OutboxSlot />
            <main id="contenido" class="cc-main" tabindex="-1">
                <Routes fallback=not_found>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/tramites") view=page!(SearchPage) />
                    <Route path=path!("/tramites/:slug") view=page!(ProcedurePage) />
                    <Route path=path!("/contacto") view=page!(StartPage) />
                    <Route path=path!("/contacto/enviado/:ticket") view=page!(ConfirmationPage) />
                    <Route path=path!("/contacto/resuelto/:slug") view=page!(ResolvedPage) />
                    <Route path=path!("/contacto/:step") view=page!(StepPage) />
                    <Route path=path!("/seguimiento") view=page!(LookupPage) />
                    <Route path=path!("/seguimiento/:ticket") view=page!(CasePage) />
                    <Route path=path!("/mis-casos") view=page!(MyCasesPage) />
                    <Route path=path!("/integrar") view=page!(IntegratePage) />
                    <Route path=path!("/embed/*rest") view=page!(EmbedEntry) />
                    <Route path=path!("/privacidad") view=page!(PrivacyPage) />
                    <Route path=path!("/transparencia") view=page!(TransparencyPage) />
                    <Route path=path!("/atencion") view=page!(SignInPage) />
                    <Route path=path!("/atencion/enviado/:ticket") view=page!(AssistedConfirmationPage) />
                    <Route path=path!("/puntos-de-atencion") view=page!(ServicePointsPage) />
                </Routes>
            </main>
            <Show when=move || !crate::embed::is_embedded()>
                <Footer />
            </Show>
        </Router>
    }
}

/// "Skip to main content". The router would treat `#contenido` as a navigation, so
/// the link moves focus itself (GOV.UK skip link: focus lands on `<main>`, and the
/// next Tab goes to the first thing in it).
#[component]
fn SkipLink() -> impl IntoView {
    view! {
        <a
            href="#contenido"
            class="cc-skip-link"
            on:click=|ev| {
                ev.prevent_default();
                if let Some(main) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("contenido"))
                {
                    let main: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(main);
                    let _ = main.focus();
                    main.scroll_into_view();
                }
            }
        >
            {tr(|t| t.skip_to_content)}
        </a>
    }
}

#[component]
fn Header() -> impl IntoView {
    let site = use_site_name();
    let lang = crate::i18n::use_lang();
    let menu_open = RwSignal::new(false);
    let unavailable = expect_context::<LanguageChoice>().unavailable;
    view! {
        <header class="cc-header">
            <div class="cc-width cc-header__inner">
                <A href="/" attr:class="cc-header__brand">
                    <span class="cc-header__logo" aria-hidden="true">"CC"</span>
                    <span>{move || site.get()}</span>
                </A>
                <nav class="cc-lang" aria-label=tr(|t| t.lang_label)>
                    <ul class="cc-lang__list">
                        {Lang::ALL
                            .into_iter()
                            .map(|l| {
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="cc-lang__button"
                                            lang=l.code()
                                            aria-pressed=move || (lang.get() == l).to_string()
                                            on:click=move |_| crate::i18n::choose_lang(l)
                                        >
                                            {l.native_name()}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <p class="cc-lang__status" role="status">
                        {move || unavailable.get().then(|| t().lang_unavailable)}
                    </p>
                </nav>
            </div>
            // The navigation and, at its end, "Pantalla" (the display settings): on a
            // phone they share one row ("Menú" on the left), so the header stays short.
            <div class="cc-navrow">
            <div class="cc-width cc-navrow__inner">
            <Show when=move || !crate::embed::is_embedded() fallback=crate::embed::EmbedNav>
            <nav class="cc-nav" aria-label=tr(|t| t.main_nav)>
                // GOV.UK service navigation: on a phone the links fold behind "Menú",
                // so the page's own content starts higher; wider screens show them all.
                <div class="cc-nav__bar">
                    <button type="button" class="cc-nav__toggle" aria-controls="cc-nav-list"
                        aria-expanded=move || menu_open.get().to_string()
                        on:click=move |_| menu_open.update(|o| *o = !*o)>
                        {tr(|t| t.menu)}
                    </button>
                </div>
                <ul id="cc-nav-list" class="cc-nav__list" class:cc-nav__list--open=move || menu_open.get()>
                    <li on:click=move |_| menu_open.set(false)><A href="/tramites" attr:class="cc-nav__link">{tr(|t| t.nav_procedures)}</A></li>
                    <li on:click=move |_| menu_open.set(false)><A href="/contacto" attr:class="cc-nav__link">{tr(|t| t.nav_contact)}</A></li>
                    <li on:click=move |_| menu_open.set(false)><A href="/seguimiento" attr:class="cc-nav__link">{tr(|t| t.nav_track)}</A></li>
                    <li on:click=move |_| menu_open.set(false)><A href="/mis-casos" attr:class="cc-nav__link">{tr(|t| t.nav_my_cases)}</A></li>
                </ul>
            </nav>
            </Show>
            <crate::display::DisplayToggle />
            </div>
            </div>
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let deployment = use_deployment();
    view! {
        <footer class="cc-footer">
            <div class="cc-width">
                <h2 class="cc-heading-s">{tr(|t| t.footer_other_channels)}</h2>
                {move || {
                    let lang = crate::i18n::use_lang().get().code();
                    deployment
                        .get()
                        .map(|d| {
                            let tel = format!("tel:{}", d.channels.phone.replace(' ', ""));
                            let mail = format!("mailto:{}", d.channels.email);
                            // Deployment texts in the person's language when the
                            // deployment has them; otherwise marked as Spanish (or the
                            // content language) so screen readers switch voice.
                            let texts = d.localized(lang);
                            let mark = |l: &str| (l != lang).then(|| l.to_string());
                            let (hours, hours_lang) = (texts.phone_hours.text.to_string(), mark(texts.phone_hours.lang));
                            let (offices, offices_lang) = (texts.offices_text.text.to_string(), mark(texts.offices_text.lang));
                            let (owner, owner_lang) = (texts.owner.text.to_string(), mark(texts.owner.lang));
                            view! {
                                <ul class="cc-footer__channels">
                                    <li>
                                        {t().footer_phone} ": " <a class="cc-link" href=tel>{d.channels.phone.clone()}</a>
                                        " (" <span lang=hours_lang>{hours}</span> ")"
                                    </li>
                                    <li>
                                        {t().footer_email} ": " <a class="cc-link" href=mail>{d.channels.email.clone()}</a>
                                    </li>
                                    <li>
                                        {t().footer_offices} ": "
                                        <A href=d.channels.offices_url.clone() attr:class="cc-link" attr:lang=offices_lang>{offices}</A>
                                    </li>
                                </ul>
                                <p class="cc-footer__owner" lang=owner_lang>{owner}</p>
                            }
                        })
                }}
                <ul class="cc-footer__links">
                    <li><A href="/privacidad" attr:class="cc-link">{tr(|t| t.footer_privacy)}</A></li>
                    <li><A href="/integrar" attr:class="cc-link">{tr(|t| t.footer_for_agencies)}</A></li>
                    {crate::api::backend().capabilities().transparency.then(|| view! {
                        <li><A href="/transparencia" attr:class="cc-link">{tr(|t| t.footer_transparency)}</A></li>
                    })}
                    {crate::api::backend().capabilities().service_points.then(|| view! {
                        <li><A href="/puntos-de-atencion" attr:class="cc-link">{tr(|t| t.footer_service_points)}</A></li>
                    })}
                </ul>
            </div>
        </footer>
    }
}

mod display_slot;
mod outbox;
#[cfg(feature = "split")]
mod split;
pub mod texts_loader;
