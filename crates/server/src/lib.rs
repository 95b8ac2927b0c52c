//! Reference backend of Contacto Ciudadano: implements the `/api/v1` contract on
//! SQLite and serves the built app.

pub mod cases;
pub mod compress;
pub mod conformance;
pub mod cors;
pub mod db;
pub mod gateway;
pub mod import;
pub mod maintenance;
pub mod manifest;
pub mod notify;
pub mod problem;
pub mod quota;
pub mod ratelimit;
pub mod routes;
pub mod security;
pub mod serve;
pub mod staff_cli;
pub mod staff_members;
pub mod state;
pub mod transparency;
pub mod uploads;
pub mod web;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::http::HeaderValue;
use axum::Router;
use cc_core::catalog::Procedure;
use cc_core::config::Deployment;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

pub use state::{AppState, Catalog};

/// The demo catalog and deployment, compiled in so the binary needs no data files.
pub const SEED_CATALOG: &str = include_str!("../seed/catalog.json");
pub const SEED_DEPLOYMENT: &str = include_str!("../seed/deployment.json");

pub fn seed_procedures() -> Vec<Procedure> {
    serde_json::from_str(SEED_CATALOG).expect("seed/catalog.json matches the catalog model")
}

/// The built-in deployment. It lets no other site embed the app: a real deployment
/// lists its agencies' origins in its own file (`--deployment`).
pub fn default_deployment() -> Deployment {
    serde_json::from_str(SEED_DEPLOYMENT).expect("seed/deployment.json matches the model")
}

/// The origins of the local embedding demo (agency pages served on port 8081), added
/// to the built-in deployment only by `serve --demo-embed`.
pub const DEMO_EMBED_ORIGINS: &[&str] = &["http://127.0.0.1:8081", "http://localhost:8081"];

/// The built-in deployment with the local embedding demo's origins allowed.
pub fn demo_deployment() -> Deployment {
    let mut deployment = default_deployment();
    deployment
        .embed_origins
        .extend(DEMO_EMBED_ORIGINS.iter().map(|o| o.to_string()));
    deployment
}

/// Opens the database, seeding the demo catalog on first start, and builds the state.
pub fn build_state(
    db_path: &std::path::Path,
    deployment: Deployment,
    dist: Option<PathBuf>,
) -> anyhow::Result<AppState> {
    let mut conn = db::open(db_path)?;
    if db::procedure_count(&conn)? == 0 {
        let seed = seed_procedures();
        tracing::info!(procedures = seed.len(), "seeding the demo catalog");
        db::upsert_procedures(&mut conn, &seed)?;
    }
    let catalog = Catalog::new(db::all_procedures(&conn)?, &deployment.search_synonyms);
    Ok(AppState {
        catalog: Arc::new(catalog),
        deployment: Arc::new(deployment),
        db: Arc::new(Mutex::new(conn)),
        dist,
        // `serve` sets it from `--staff-token`; members need none of it.
        staff_bootstrap_hash: None,
        limiter: Arc::new(ratelimit::LookupLimiter::default()),
        trusted_proxy: None,
        uploads: Arc::new(quota::UploadQuota::new(quota::Quotas::default())),
        open311_gateway: None,
        transparency: Arc::new(transparency::cache::Transparency::default()),
        notifier: Arc::new(notify::LogNotifier),
    })
}

/// The whole HTTP application.
pub fn app(state: AppState) -> Router {
    let index_html = state
        .dist
        .as_ref()
        .and_then(|d| std::fs::read_to_string(d.join("index.html")).ok());
    let csp = web::content_security_policy(index_html.as_deref(), &state.deployment.embed_origins);
    let csp = HeaderValue::from_str(&csp).expect("CSP is ASCII");
    let dist: Option<Arc<std::path::Path>> = state.dist.as_deref().map(Arc::from);
    let mut api = routes::api_router();
    // Only the API answers other origins; the checked origins come from `serve`.
    match cors::layer(&state.deployment.cors_origins) {
        Ok(Some(cors)) => api = api.layer(cors),
        Ok(None) => {}
        Err(e) => tracing::error!(error = %e, "CORS disabled"),
    }
    let mut router = Router::new().nest("/api/v1", api);
    let gateway = state.open311_gateway.is_some();
    if gateway {
        // Same origin as the app, so it works with Open311 servers that send no CORS.
        router = router.route(gateway::ROUTE, axum::routing::any(gateway::forward));
    }
    if let Some(dist) = &state.dist {
        router = router
            .route(manifest::PATH, axum::routing::get(manifest::serve))
            .fallback_service(web::static_files(dist));
    }
    // The deployment's theme colour in the pages, when it is not the build's.
    if let Some(page) = index_html
        .as_deref()
        .and_then(|html| manifest::themed_index(html, &state.deployment))
    {
        let page: Arc<str> = page.into();
        router = router.layer(axum::middleware::from_fn(move |req, next| {
            manifest::pages(page.clone(), req, next)
        }));
    }
    let mut router = router
        .layer(axum::middleware::from_fn(problem::plain_errors_as_problems))
        .layer(axum::middleware::from_fn(move |req, next| {
            web::headers(csp.clone(), dist.clone(), req, next)
        }))
        // Outside the security headers: the aggregates may be kept by HTTP caches.
        .layer(axum::middleware::from_fn(
            routes::transparency::public_cache,
        ));
    if gateway {
        // Outside the security headers, to tighten them on the gateway's answers.
        router = router.layer(axum::middleware::from_fn(gateway::answer_headers));
    }
    router
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
