//! How the installed app looks comes from the deployment, not the build: cc-server
//! answers `/manifest.webmanifest` with dist's file and the deployment's name, short
//! name, theme and background colours written in, and, when the deployment's theme
//! colour is not the build's, gives the pages (`index.html`) its
//! `<meta name="theme-color">` too. Both are revalidated like every unhashed file
//! (`web::headers`); the CSP's `manifest-src 'self'` is unchanged.
//!
//! A static host has no such step: there `manifest.webmanifest` and the meta are
//! edited per deployment, like `app-config.json` (README).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use cc_core::config::{is_hex_colour, Deployment};

use crate::AppState;

pub const PATH: &str = "/manifest.webmanifest";

/// dist's manifest (`file`) with the deployment's fields in place of the build's.
/// Colours that are not hex colours are left as built. `None`: not a JSON object.
pub fn themed_manifest(file: &str, deployment: &Deployment) -> Option<String> {
    let mut manifest: serde_json::Value = serde_json::from_str(file).ok()?;
    let fields = manifest.as_object_mut()?;
    fields.insert("name".into(), deployment.name.clone().into());
    fields.insert("short_name".into(), deployment.short_name.clone().into());
    for (field, colour) in [
        ("theme_color", &deployment.theme_color),
        ("background_color", &deployment.background_color),
    ] {
        if is_hex_colour(colour) {
            fields.insert(field.into(), colour.clone().into());
        }
    }
    serde_json::to_string_pretty(&manifest).ok()
}

/// `GET /manifest.webmanifest`: read from dist on every request (a few hundred bytes),
/// so an edited file needs no restart.
pub async fn serve(State(state): State<AppState>) -> Response {
    let file = match &state.dist {
        Some(dist) => tokio::fs::read_to_string(dist.join(PATH.trim_start_matches('/')))
            .await
            .ok(),
        None => None,
    };
    match file.and_then(|f| themed_manifest(&f, &state.deployment)) {
        Some(body) => ([(header::CONTENT_TYPE, "application/manifest+json")], body).into_response(),
        None => (StatusCode::NOT_FOUND, "Not found").into_response(),
    }
}

/// The built page (`index_html`) with the deployment's theme colour in its
/// `<meta name="theme-color">` (quoted or, as the minified build writes it, not);
/// `None` when it already has it (the pages are then served from dist as they are),
/// has no such meta, or the colour is not a hex colour.
pub fn themed_index(index_html: &str, deployment: &Deployment) -> Option<String> {
    let colour = &deployment.theme_color;
    if !is_hex_colour(colour) {
        return None;
    }
    let mut from = 0;
    let (tag_start, tag) = loop {
        let start = from + index_html[from..].find("<meta")?;
        let end = start + index_html[start..].find('>')?;
        let tag = &index_html[start..end];
        if tag.contains("name=theme-color") || tag.contains("name=\"theme-color\"") {
            break (start, tag);
        }
        from = end;
    };
    let value_start = tag.find("content=")? + "content=".len();
    let rest = &tag[value_start..];
    let value_len = match rest.strip_prefix('"') {
        Some(quoted) => quoted.find('"')? + 2,
        None => rest.find([' ', '/']).unwrap_or(rest.len()),
    };
    let value = rest[..value_len].trim_matches('"');
    if value.eq_ignore_ascii_case(colour) {
        return None;
    }
    let at = tag_start + value_start;
    Some(format!(
        "{}\"{colour}\"{}",
        &index_html[..at],
        &index_html[at + value_len..]
    ))
}

/// Answers the app's pages (`/`, `/index.html`, client routes: what the static files
/// would answer with `index.html`) with `page`, the themed `index.html`.
pub async fn pages(page: Arc<str>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let is_page = path == "/"
        || path == "/index.html"
        || !(path.starts_with("/api/")
            || path.starts_with("/open311/")
            || crate::web::names_a_file(path));
    if !is_page || !matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page.to_string(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deployment(theme: &str) -> Deployment {
        let mut d = crate::default_deployment();
        d.theme_color = theme.into();
        d
    }

    #[test]
    fn the_manifest_gets_the_deployments_name_and_colours() {
        let file = include_str!("../../../public/manifest.webmanifest");
        let mut d = deployment("#1d5e2f");
        d.name = "Atención Municipal".into();
        d.short_name = "Municipio".into();
        d.background_color = "#fafafa".into();
        let m: serde_json::Value =
            serde_json::from_str(&themed_manifest(file, &d).unwrap()).unwrap();
        assert_eq!(m["name"], "Atención Municipal");
        assert_eq!(m["short_name"], "Municipio");
        assert_eq!(m["theme_color"], "#1d5e2f");
        assert_eq!(m["background_color"], "#fafafa");
        // The rest is the build's.
        assert_eq!(m["start_url"], "/");
        assert_eq!(m["icons"].as_array().unwrap().len(), 3);
        // Not a colour: the build's stays.
        let m: serde_json::Value =
            serde_json::from_str(&themed_manifest(file, &deployment("red")).unwrap()).unwrap();
        assert_eq!(m["theme_color"], "#0b3d66");
        assert_eq!(themed_manifest("[]", &d), None);
    }

    #[test]
    fn the_page_gets_the_theme_colour_only_when_it_differs() {
        let html = "<head><meta name=\"theme-color\" content=\"#0b3d66\"></head>";
        assert_eq!(
            themed_index(html, &deployment("#1d5e2f")).as_deref(),
            Some("<head><meta name=\"theme-color\" content=\"#1d5e2f\"></head>")
        );
        // As the release build writes it (minified).
        let built =
            "<meta content=\"a b\" name=description><meta content=#0b3d66 name=theme-color><title>";
        assert_eq!(
            themed_index(built, &deployment("#1d5e2f")).as_deref(),
            Some("<meta content=\"a b\" name=description><meta content=\"#1d5e2f\" name=theme-color><title>")
        );
        assert_eq!(themed_index(built, &deployment("#0b3d66")), None);
        assert_eq!(themed_index(html, &deployment("#0B3D66")), None);
        assert_eq!(themed_index(html, &deployment("\"><script>")), None);
        assert_eq!(themed_index("<head></head>", &deployment("#1d5e2f")), None);
    }
}
