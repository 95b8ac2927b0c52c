//! Pure-Rust core of Contacto Ciudadano.
//!
//! Everything here compiles both natively (reference backend, tests, benches) and to
//! wasm (the Leptos app), so the app and the backend share one definition of the wire
//! types, the validation rules and the catalog search engine.

pub mod api;
pub mod app_config;
pub mod catalog;
pub mod channel;
pub mod config;
pub mod display;
pub mod intake;
pub mod links;
pub mod open311;
pub mod quick_exit;
pub mod search;
pub mod service_points;
pub mod tracking;
pub mod transparency;
