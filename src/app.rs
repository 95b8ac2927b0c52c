//! The app shell: router, header, footer, and the contexts every screen shares.

use std::sync::Arc;

use cc_core::catalog::CatalogIndex;
use cc_core::config::Deployment;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::api::{self, ApiError};
use crate::catalog::{CatalogEngine, HomePage, ProcedurePage, SearchPage};
use crate::components::{NavigatedFlag, PageHeading};
use crate::i18n::{t, tr, tr_signal, Lang};
use crate::intake::{ConfirmationPage, DraftStore, StartPage, StepPage};
use crate::storage;
use crate::tracking::{CasePage, LookupPage, MyCasesPage};

const LANG_KEY: &str = "cc-lang";
const DEFAULT_SITE_NAME: &str = "Contacto Ciudadano";

/// Deployment settings, `None` until loaded (the shell works without them).
pub fn use_deployment() -> Signal<Option<Deployment>> {
    expect_context::<Signal<Option<Deployment>>>()
}

pub fn use_site_name() -> Signal<String> {
    let deployment = use_deployment();
    Signal::derive(move || {
        deployment
            .get()
            .map(|d| d.name)
            .unwrap_or_else(|| DEFAULT_SITE_NAME.into())
    })
}

/// The catalog index, downloaded once and searched in the browser.
#[derive(Clone, Copy)]
pub struct CatalogResource(pub LocalResource<Result<Arc<CatalogEngine>, ApiError>>);

pub fn use_catalog() -> CatalogResource {
    expect_context::<CatalogResource>()
}

/// Spanish unless the person chose another language on this device. The browser's
/// language is not used: on shared and second-hand phones it is often not the
/// person's, and a state service should open in its official language.
fn initial_lang() -> Lang {
    storage::get_string(LANG_KEY)
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or(Lang::Es)
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

    let deployment_res = LocalResource::new(|| api::get::<Deployment>("/config"));
    let deployment = Signal::derive(move || deployment_res.get().and_then(Result::ok));
    provide_context(deployment);
    provide_context(CatalogResource(LocalResource::new(|| async {
        let index = api::get::<CatalogIndex>("/catalog/index").await?;
        Ok(Arc::new(CatalogEngine::new(index)))
    })));
    provide_context(NavigatedFlag(RwSignal::new(false)));
    provide_context(DraftStore::load());

    view! {
        <Router>
            <NavigationWatcher />
            {crate::embed::install_bridge()}
            <a href="#contenido" class="cc-skip-link">{tr(|t| t.skip_to_content)}</a>
            <Header />
            <main id="contenido" class="cc-main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/tramites") view=SearchPage />
                    <Route path=path!("/tramites/:slug") view=ProcedurePage />
                    <Route path=path!("/contacto") view=StartPage />
                    <Route path=path!("/contacto/enviado/:ticket") view=ConfirmationPage />
                    <Route path=path!("/contacto/:step") view=StepPage />
                    <Route path=path!("/seguimiento") view=LookupPage />
                    <Route path=path!("/seguimiento/:ticket") view=CasePage />
                    <Route path=path!("/mis-casos") view=MyCasesPage />
                    <Route path=path!("/integrar") view=crate::embed::IntegratePage />
                    <Route path=path!("/embed/*rest") view=crate::embed::EmbedEntry />
                    <Route path=path!("/privacidad") view=crate::intake::PrivacyPage />
                </Routes>
            </main>
            <Show when=move || !crate::embed::is_embedded()>
                <Footer />
            </Show>
        </Router>
    }
}

/// Marks that the person navigated inside the app, so headings take focus from now on.
#[component]
fn NavigationWatcher() -> impl IntoView {
    let location = use_location();
    let navigated = crate::components::use_navigated_flag();
    let first_path = location.pathname.get_untracked();
    Effect::new(move |_| {
        if location.pathname.get() != first_path {
            navigated.set(true);
        }
    });
}

#[component]
fn Header() -> impl IntoView {
    let site = use_site_name();
    let lang = crate::i18n::use_lang();
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
                                            on:click=move |_| lang.set(l)
                                        >
                                            {l.native_name()}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
            </div>
            <Show when=move || !crate::embed::is_embedded() fallback=crate::embed::EmbedNav>
            <nav class="cc-nav" aria-label=tr(|t| t.main_nav)>
                <ul class="cc-width cc-nav__list">
                    <li><A href="/tramites" attr:class="cc-nav__link">{tr(|t| t.nav_procedures)}</A></li>
                    <li><A href="/contacto" attr:class="cc-nav__link">{tr(|t| t.nav_contact)}</A></li>
                    <li><A href="/seguimiento" attr:class="cc-nav__link">{tr(|t| t.nav_track)}</A></li>
                    <li><A href="/mis-casos" attr:class="cc-nav__link">{tr(|t| t.nav_my_cases)}</A></li>
                </ul>
            </nav>
            </Show>
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
                    deployment
                        .get()
                        .map(|d| {
                            let tel = format!("tel:{}", d.channels.phone.replace(' ', ""));
                            let mail = format!("mailto:{}", d.channels.email);
                            view! {
                                <ul class="cc-footer__channels">
                                    <li>
                                        {t().footer_phone} ": " <a class="cc-link" href=tel>{d.channels.phone.clone()}</a>
                                        " (" {d.channels.phone_hours.clone()} ")"
                                    </li>
                                    <li>
                                        {t().footer_email} ": " <a class="cc-link" href=mail>{d.channels.email.clone()}</a>
                                    </li>
                                    <li>
                                        {t().footer_offices} ": "
                                        <A href=d.channels.offices_url.clone() attr:class="cc-link">{d.channels.offices_text.clone()}</A>
                                    </li>
                                </ul>
                                <p class="cc-footer__owner">{d.owner.clone()}</p>
                            }
                        })
                }}
                <ul class="cc-footer__links">
                    <li><A href="/privacidad" attr:class="cc-link">{tr(|t| t.footer_privacy)}</A></li>
                    <li><A href="/integrar" attr:class="cc-link">{tr(|t| t.footer_for_agencies)}</A></li>
                </ul>
            </div>
        </footer>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <div class="cc-width cc-page">
            <PageHeading title=tr_signal(|t| t.not_found_title) />
            <p class="cc-body-l">{tr(|t| t.not_found_text)}</p>
            <p><A href="/" attr:class="cc-link">{tr(|t| t.not_found_home)}</A></p>
        </div>
    }
}
