//! The contexts every screen shares, provided once by the shell (`app.rs`): the
//! deployment settings and the catalog with its search engine. A leaf: it imports no
//! feature, so features and components can use it without cycles.

use std::sync::Arc;

use cc_core::catalog::CatalogIndex;
use cc_core::config::Deployment;
use cc_core::search::SearchIndex;
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

/// The downloaded catalog with its search index, built once per visit.
pub struct CatalogEngine {
    pub index: CatalogIndex,
    pub search: SearchIndex,
}

impl CatalogEngine {
    pub fn new(index: CatalogIndex) -> Self {
        // The deployment's own synonyms come with the index.
        let search = SearchIndex::with_synonyms(&index, &index.synonyms);
        CatalogEngine { index, search }
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

pub fn use_catalog() -> CatalogResource {
    expect_context::<CatalogResource>()
}

/// Provides both contexts (called once by the shell).
pub fn provide_shared_contexts() {
    let deployment_res = LocalResource::new(|| api::get::<Deployment>("/config"));
    let deployment = Signal::derive(move || deployment_res.get().and_then(Result::ok));
    provide_context(deployment);
    provide_context(CatalogResource(LocalResource::new(|| async {
        let index = api::get::<CatalogIndex>("/catalog/index").await?;
        Ok(Arc::new(CatalogEngine::new(index)))
    })));
}
