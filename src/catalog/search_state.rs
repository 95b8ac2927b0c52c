//! The search as it lives in the URL (`/tramites?q=&entidad=…`), shared by the search
//! page, its filters and both ways of showing results.

use cc_core::catalog::ModalityKind;
use cc_core::search::Filters;
use leptos::prelude::*;

use crate::api::encode;

/// Results shown at first and added by each "show more".
pub(super) const PAGE_SIZE: usize = 20;

/// Search state as it lives in the URL.
#[derive(Clone, Default, PartialEq)]
pub(super) struct SearchState {
    pub(super) q: String,
    pub(super) entidad: String,
    pub(super) categoria: String,
    pub(super) modalidad: String,
    pub(super) gratis: bool,
}

impl SearchState {
    pub(super) fn to_url(&self) -> String {
        let mut params = Vec::new();
        for (key, value) in [
            ("q", &self.q),
            ("entidad", &self.entidad),
            ("categoria", &self.categoria),
            ("modalidad", &self.modalidad),
        ] {
            if !value.is_empty() {
                params.push(format!("{key}={}", encode(value)));
            }
        }
        if self.gratis {
            params.push("gratis=true".into());
        }
        if params.is_empty() {
            "/tramites".into()
        } else {
            format!("/tramites?{}", params.join("&"))
        }
    }

    pub(super) fn filters(&self) -> Filters {
        Filters {
            agency: Some(self.entidad.clone()).filter(|s| !s.is_empty()),
            category: Some(self.categoria.clone()).filter(|s| !s.is_empty()),
            modality: match self.modalidad.as_str() {
                "presencial" => Some(ModalityKind::InPerson),
                "en-linea" => Some(ModalityKind::Online),
                _ => None,
            },
            free_only: self.gratis,
        }
    }

    /// The same search asked of the backend (`GET /catalog/search`), first `per_page`
    /// results.
    /// The query string of the backend's search for this state.
    pub(super) fn search_api_query(&self, per_page: usize) -> String {
        let url = self.to_url();
        let query = url.split_once('?').map(|(_, q)| q).unwrap_or("");
        let sep = if query.is_empty() { "" } else { "&" };
        format!("{query}{sep}per_page={per_page}")
    }

    pub(super) fn has_filters(&self) -> bool {
        !(self.entidad.is_empty()
            && self.categoria.is_empty()
            && self.modalidad.is_empty()
            && !self.gratis)
    }
}

/// A change to the search (a filter picked, a letter typed), applied to the URL state.
pub(super) type UpdateSearch = Callback<Box<dyn FnOnce(&mut SearchState)>>;
