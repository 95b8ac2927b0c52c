//! The contexts every screen shares, provided once by the shell (`app.rs`): the
//! deployment settings and the catalog with its search engine. A leaf: it imports no
//! feature, so features and components can use it without cycles.

use std::sync::Arc;

use cc_core::catalog::CatalogIndex;
use cc_core::config::Deployment;
use cc_core::search::{SearchIndex, SearchMode};
use leptos::prelude::*;

use crate::api::{self, ApiError};

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

/// The catalog as this visit searches it. A small catalog is downloaded whole and
/// searched in the browser (`mode` Local: instant, works offline); a large one is
/// searched by the backend (`mode` Server), and only its agencies and categories are
/// downloaded, for names and filters.
pub struct CatalogEngine {
    pub index: CatalogIndex,
    pub search: SearchIndex,
    pub mode: SearchMode,
}

impl CatalogEngine {
    pub fn with_mode(index: CatalogIndex, mode: SearchMode) -> Self {
        // The deployment's own synonyms come with the index.
        let search = SearchIndex::with_synonyms(&index, &index.synonyms);
        CatalogEngine {
            index,
            search,
            mode,
        }
    }

    pub fn agency_name(&self, acronym: &str) -> String {
        self.index
            .agency(acronym)
            .map(|a| a.name.clone())
            .unwrap_or_else(|| acronym.to_string())
    }
}

/// The catalog index, downloaded once and searched in the browser.
#[derive(Clone, Copy)]
pub struct CatalogResource(pub LocalResource<Result<Arc<CatalogEngine>, ApiError>>);

/// Where the catalog comes from: the resource is made on the first screen that asks
/// for it, so pages that do not search (the home page, a procedure page, tracking)
/// never download the index.
#[derive(Clone)]
struct CatalogSource {
    /// The shell's owner: the resource outlives the page that first asked for it.
    owner: Owner,
    deployment: LocalResource<Result<Deployment, ApiError>>,
    made: StoredValue<Option<CatalogResource>>,
}

pub fn use_catalog() -> CatalogResource {
    let source = expect_context::<CatalogSource>();
    if let Some(made) = source.made.get_value() {
        return made;
    }
    let deployment = source.deployment;
    let made = source.owner.with(|| {
        CatalogResource(LocalResource::new(move || async move {
            // Chosen once the settings say how large the catalog is; without settings
            // (another backend, or the settings failed) the whole index, as before.
            let mode = match deployment.await {
                Ok(d) => d.search_mode(),
                Err(_) => SearchMode::Local,
            };
            let local = mode == SearchMode::Local;
            let index = api::backend().catalog_index(local).await?;
            Ok(Arc::new(CatalogEngine::with_mode(index, mode)))
        }))
    });
    source.made.set_value(Some(made));
    made
}

/// Provides both contexts (called once by the shell).
pub fn provide_shared_contexts() {
    let deployment_res = LocalResource::new(|| api::backend().deployment());
    let deployment = Signal::derive(move || deployment_res.get().and_then(Result::ok));
    provide_context(deployment);
    provide_context(CatalogSource {
        owner: Owner::current().expect("called inside the app"),
        deployment: deployment_res,
        made: StoredValue::new(None),
    });
}
