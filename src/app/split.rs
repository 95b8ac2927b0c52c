//! Route-level code splitting (feature `split`): each page's code goes to the wasm
//! chunk named after `in`, which the splitter (wasm-split-cli, run by
//! scripts/build-app.sh) cuts out of the main module; pages sharing a chunk load together.
//! A chunk that cannot be downloaded (offline, or removed by a deploy since the page
//! opened) shows a message with "try again" instead of the page, never a blank one.

use std::future::Future;

use leptos::prelude::*;
use leptos_router::LazyRoute;

use crate::components::PageHeading;
use crate::context::use_deployment;
use crate::i18n::{t, tr, tr_signal};

/// A chunk failed to download or to start; the loader logged why to the console.
pub struct ChunkLoadError;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkLoadError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkLoadError
    }
}

/// For each page: a route type named like the page (for `Lazy::<T>`) and a split
/// function building the page inside its chunk. `fallible` makes a failed download an
/// `Err` (leptos' `#[lazy]` panics instead, which aborts the whole app).
macro_rules! lazy_pages {
    ($($page:ident: $load:ident in $chunk:ident => $component:path;)*) => {$(
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $load() -> Result<AnyView, ChunkLoadError> {
            use $component as Page;
            Ok(view! { <Page /> }.into_any())
        }

        pub struct $page;

        impl LazyRoute for $page {
            fn data() -> Self {
                $page
            }

            async fn view(_: Self) -> AnyView {
                page_or_failure($load).await
            }
        }
    )*};
}

lazy_pages! {
    SearchPage: load_search in catalog_search => crate::catalog::SearchPage;
    ProcedurePage: load_procedure in catalog_procedure => crate::catalog::ProcedurePage;
    StartPage: load_start in intake => crate::intake::StartPage;
    StepPage: load_step in intake => crate::intake::StepPage;
    ConfirmationPage: load_confirmation in intake => crate::intake::ConfirmationPage;
    ResolvedPage: load_resolved in intake => crate::intake::ResolvedPage;
    PrivacyPage: load_privacy in privacy => crate::intake::PrivacyPage;
    LookupPage: load_lookup in tracking => crate::tracking::LookupPage;
    CasePage: load_case in tracking => crate::tracking::CasePage;
    MyCasesPage: load_my_cases in tracking => crate::tracking::MyCasesPage;
    IntegratePage: load_integrate in embed => crate::embed::IntegratePage;
    EmbedEntry: load_embed in embed => crate::embed::EmbedEntry;
    TransparencyPage: load_transparency in transparency => crate::transparency::TransparencyPage;
    SignInPage: load_assisted_sign_in in assisted => crate::assisted::SignInPage;
    AssistedConfirmationPage: load_assisted_confirmation in assisted => crate::assisted::AssistedConfirmationPage;
    ServicePointsPage: load_service_points in service_points => crate::service_points::ServicePointsPage;
}

#[leptos::wasm_split::wasm_split(intake, wasm_split_path = ::leptos::wasm_split, fallible)]
fn load_outbox_notice() -> Result<AnyView, ChunkLoadError> {
    use crate::intake::OutboxNotice;
    Ok(view! { <OutboxNotice /> }.into_any())
}

/// The outbox notice, from the wizard's chunk (without the chunk the case simply
/// keeps waiting, and the wizard's own page says so).
pub fn outbox_notice() -> impl IntoView {
    when_ready(async { load_outbox_notice().await.unwrap_or_else(|_| ().into_any()) })
}

#[leptos::wasm_split::wasm_split(display, wasm_split_path = ::leptos::wasm_split, fallible)]
fn load_display_panel() -> Result<AnyView, ChunkLoadError> {
    use crate::display::DisplayPanel;
    Ok(view! { <DisplayPanel /> }.into_any())
}

/// The display panel, from its own chunk (downloaded on the first "Pantalla").
pub fn display_panel() -> impl IntoView {
    when_ready(async { load_display_panel().await.unwrap_or_else(|_| ().into_any()) })
}

#[leptos::wasm_split::wasm_split(not_found, wasm_split_path = ::leptos::wasm_split, fallible)]
fn load_not_found() -> Result<AnyView, ChunkLoadError> {
    use crate::components::NotFound;
    Ok(view! { <NotFound /> }.into_any())
}

/// The router's fallback (unknown addresses) is not a route: it shows the chunk
/// once it is there.
pub fn not_found() -> impl IntoView {
    when_ready(page_or_failure(load_not_found))
}

/// The page, or the failure screen whose button tries the same chunk again.
async fn page_or_failure<Fut>(load: fn() -> Fut) -> AnyView
where
    Fut: Future<Output = Result<AnyView, ChunkLoadError>> + 'static,
{
    match load().await {
        Ok(page) => page,
        // Built when shown, so its state belongs to the page on screen (the owner
        // current here is the router's, gone once the route has rendered).
        Err(ChunkLoadError) => (move || load_failed(load)).into_any(),
    }
}

/// Shows what `view` yields once it is ready (nothing before).
fn when_ready(view: impl Future<Output = AnyView> + 'static) -> impl IntoView {
    let page = StoredValue::new_local(None::<AnyView>);
    let ready = RwSignal::new(false);
    leptos::task::spawn_local_scoped_with_cancellation(async move {
        let view = view.await;
        page.try_set_value(Some(view));
        ready.try_set(true);
    });
    move || {
        ready
            .get()
            .then(|| page.try_update_value(Option::take).flatten())
    }
}

fn load_failed<Fut>(load: fn() -> Fut) -> AnyView
where
    Fut: Future<Output = Result<AnyView, ChunkLoadError>> + 'static,
{
    let deployment = use_deployment();
    let page = StoredValue::new_local(None::<AnyView>);
    let loaded = RwSignal::new(false);
    let busy = RwSignal::new(false);
    // An event handler runs under no owner: the page the retry builds needs this
    // screen's (for its contexts, and to live as long as it is shown).
    let owner = StoredValue::new_local(Owner::current());
    let retry = move |_| {
        busy.set(true);
        let task = async move {
            match load().await {
                Ok(view) => {
                    page.try_set_value(Some(view));
                    loaded.try_set(true);
                }
                // The server answers but the chunk still does not come: a deploy
                // replaced it since this page opened, and only a fresh page knows
                // the new one. Offline, the page stays, with the button.
                Err(ChunkLoadError) if server_answers().await => reload(),
                Err(ChunkLoadError) => {
                    busy.try_set(false);
                }
            }
        };
        match owner.try_get_value().flatten() {
            Some(owner) => owner.with(|| leptos::task::spawn_local_scoped_with_cancellation(task)),
            None => leptos::task::spawn_local_scoped_with_cancellation(task),
        }
    };
    (move || {
        if loaded.get() {
            return page.try_update_value(Option::take).flatten().into_any();
        }
        view! {
            <div class="cc-width cc-page">
                <PageHeading title=tr_signal(|t| t.error_title) />
                <div class="cc-error-panel" role="alert">
                    <p>{tr(|t| t.error_app_part)}</p>
                    {move || {
                        deployment.get().map(|d| {
                            view! {
                                <p>{t().error_other_channels(&d.channels.phone, &d.channels.phone_hours)}</p>
                            }
                        })
                    }}
                    <button
                        type="button"
                        class="cc-button"
                        aria-disabled=move || busy.get().then_some("true")
                        on:click=move |ev| {
                            if !busy.get_untracked() {
                                retry(ev)
                            }
                        }
                    >
                        {tr(|t| t.retry)}
                    </button>
                </div>
            </div>
        }
        .into_any()
    })
    .into_any()
}

async fn server_answers() -> bool {
    gloo_net::http::Request::get("/")
        .send()
        .await
        .is_ok_and(|r| r.ok())
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
