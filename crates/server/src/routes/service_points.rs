//! `GET /service-points`: every office of the catalog once, with its hours and the
//! procedures done there (`cc_core::service_points::gather`).
//!
//! Computed from the catalog the server loaded at start-up and kept while that
//! catalog is served, like the catalog's own index: the catalog only changes through
//! the importer, which runs as a separate command before a restart.

use std::sync::{Arc, Mutex, Weak};

use axum::extract::State;
use axum::Json;
use cc_core::service_points::{gather, ServicePoints};

use crate::state::{AppState, Catalog};

/// The points of the catalog being served. Kept beside a weak handle on that catalog
/// (not inside it: the catalog's type does not know about points), so a server, or a
/// test, that builds another catalog never gets the points of the last one; the
/// handle also keeps the catalog's address from being reused while it is held.
static COMPUTED: Mutex<Option<(Weak<Catalog>, Arc<ServicePoints>)>> = Mutex::new(None);

/// The points of `catalog`, computed on first use.
pub fn points_of(catalog: &Arc<Catalog>) -> Arc<ServicePoints> {
    let mut computed = COMPUTED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((of, points)) = computed.as_ref() {
        if of.ptr_eq(&Arc::downgrade(catalog)) {
            return points.clone();
        }
    }
    let points = Arc::new(ServicePoints {
        points: gather(&catalog.procedures),
    });
    *computed = Some((Arc::downgrade(catalog), points.clone()));
    points
}

/// Every service point: address, place, coordinates, weekly hours (in the
/// deployment's `time_zone`; closed on its `holidays`), phone and the procedures done
/// there, by place and name.
#[utoipa::path(get, path = "/api/v1/service-points", tag = "catalog",
    responses((status = 200, body = ServicePoints)))]
pub async fn service_points(State(state): State<AppState>) -> Json<ServicePoints> {
    Json((*points_of(&state.catalog)).clone())
}
