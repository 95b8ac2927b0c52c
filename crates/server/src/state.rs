//! Shared application state handed to every handler.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use cc_core::catalog::{CatalogIndex, Category, Procedure};
use cc_core::config::Deployment;
use cc_core::search::SearchIndex;
use rusqlite::Connection;

use crate::problem::{ApiError, ApiResult};
use crate::ratelimit::LookupLimiter;

/// The catalog as served: loaded from SQLite at start-up and searched in memory
/// (it changes only through the importer, which runs as a separate command).
pub struct Catalog {
    pub procedures: Vec<Procedure>,
    pub index: CatalogIndex,
    pub search: SearchIndex,
}

impl Catalog {
    /// The catalog of `procedures`, searched with the engine's synonyms plus the
    /// deployment's own `synonyms`.
    pub fn new(mut procedures: Vec<Procedure>, synonyms: &[Vec<String>]) -> Self {
        procedures.sort_by(|a, b| a.name.cmp(&b.name));
        let mut agencies: Vec<_> = procedures.iter().map(|p| p.agency.clone()).collect();
        agencies.sort_by(|a, b| a.name.cmp(&b.name));
        agencies.dedup_by(|a, b| a.acronym == b.acronym);
        let mut categories: Vec<Category> = procedures
            .iter()
            .flat_map(|p| p.categories.iter().cloned())
            .collect();
        categories.sort_by(|a, b| a.name.cmp(&b.name));
        categories.dedup_by(|a, b| a.slug == b.slug);
        let index = CatalogIndex {
            synonyms: synonyms.to_vec(),
            agencies,
            categories,
            procedures: procedures.iter().map(Procedure::summary_entry).collect(),
        };
        let search = SearchIndex::with_synonyms(&index, &index.synonyms);
        Catalog {
            procedures,
            index,
            search,
        }
    }

    pub fn by_slug(&self, slug: &str) -> Option<&Procedure> {
        self.procedures.iter().find(|p| p.slug == slug)
    }
}

#[derive(Clone)]
pub struct AppState {
    pub catalog: Arc<Catalog>,
    pub deployment: Arc<Deployment>,
    /// rusqlite is synchronous: one connection behind a mutex, used from
    /// `spawn_blocking`, is plenty for a reference backend and keeps writes serial.
    pub db: Arc<Mutex<Connection>>,
    pub dist: Option<PathBuf>,
    /// [`crate::staff_members::token_hash`] of the bootstrap staff token
    /// (`serve --staff-token`); the token itself is not kept. Members' tokens are in
    /// the database.
    pub staff_bootstrap_hash: Option<Arc<str>>,
    /// Failed access-code attempts, for the limit on guessing (per client).
    pub limiter: Arc<LookupLimiter>,
    /// The reverse proxy whose `X-Forwarded-For` names the client; none by default.
    pub trusted_proxy: Option<std::net::IpAddr>,
    /// Bytes uploaded per client and in total (`--upload-quota-*`).
    pub uploads: Arc<crate::quota::UploadQuota>,
    /// The Open311 server `/open311/v2/…` forwards to (`--open311-gateway`); none by
    /// default, and then those paths do not exist.
    pub open311_gateway: Option<Arc<crate::gateway::Gateway>>,
    /// Computed transparency aggregates (a few minutes) and the self-service limit.
    pub transparency: Arc<crate::transparency::cache::Transparency>,
    /// Sends a case's receipt to the person for staff (the logged stub
    /// [`crate::notify::LogNotifier`] unless a deployment sets its own).
    pub notifier: Arc<dyn crate::notify::Notifier>,
}

impl AppState {
    /// Runs a closure on the database off the async runtime.
    pub async fn with_db<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> ApiResult<T> + Send + 'static,
    {
        let db = self.db.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = db
                .lock()
                .map_err(|_| ApiError::Internal("database lock poisoned".into()))?;
            f(&mut conn)
        })
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
    }
}
