//! Serving the built app: SPA fallback, pre-compressed files, cache headers and the
//! security headers.

use std::convert::Infallible;
use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use tower::Service;
use tower_http::services::{ServeDir, ServeFile};

/// Static files of the built app. A browser that accepts brotli (or gzip) gets the
/// `NAME.br` (`NAME.gz`) written beside the file by `cc-server compress`, when there is
/// one. Unknown paths without a file extension get `index.html`, so client routes work
/// on reload and from bookmarks; a missing file (`/favicon.ico`) is a plain 404.
pub fn static_files(dist: &Path) -> ServeDir<SpaFallback> {
    ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(SpaFallback {
            index: ServeFile::new(dist.join("index.html"))
                .precompressed_br()
                .precompressed_gzip(),
        })
}

/// What [`static_files`] answers for a path that is no file of `dist`.
#[derive(Clone, Debug)]
pub struct SpaFallback {
    index: ServeFile,
}

impl<B: Send + 'static> Service<axum::http::Request<B>> for SpaFallback {
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: axum::http::Request<B>) -> Self::Future {
        if names_a_file(request.uri().path()) {
            return Box::pin(std::future::ready(Ok(
                (StatusCode::NOT_FOUND, "Not found").into_response()
            )));
        }
        // ServeFile is always ready.
        let answer = self.index.call(request);
        Box::pin(async move { Ok(answer.await?.into_response()) })
    }
}

/// Whether the path's last segment ends in a file extension (`favicon.ico`,
/// `app.wasm`, `manifest.webmanifest`): such a request wants a file, never the app's
/// page (a missing `sw.js` or `app-config.json` must be a 404, not HTML). Client routes
/// (`/tramites/pasaporte-ordinario`, `/seguimiento/MDT-QUE-2026-00042`) have none.
pub(crate) fn names_a_file(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or("");
    last.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && (1..=11).contains(&ext.len())
            && ext.chars().all(|c| c.is_ascii_alphanumeric())
            && ext.chars().any(|c| c.is_ascii_alphabetic())
    })
}

/// Builds the Content-Security-Policy. Trunk's loader is an inline module script, so
/// instead of `'unsafe-inline'` we allow exactly its hash, read from the built
/// `index.html` at start-up. The service worker (`/sw.js`) and the web app manifest
/// come from this origin only.
pub fn content_security_policy(index_html: Option<&str>, embed_origins: &[String]) -> String {
    let hashes: String = index_html
        .map(inline_script_hashes)
        .unwrap_or_default()
        .iter()
        .map(|h| format!(" 'sha256-{h}'"))
        .collect();
    let ancestors = if embed_origins.is_empty() {
        "'self'".to_string()
    } else {
        format!("'self' {}", embed_origins.join(" "))
    };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; \
         worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; \
         frame-ancestors {ancestors}"
    )
}

/// Base64 SHA-256 of each inline `<script>` body in the page.
fn inline_script_hashes(html: &str) -> Vec<String> {
    use base64::Engine;
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = after[body_start..].find("</script>") else {
            break;
        };
        if !tag.contains("src=") {
            let body = &after[body_start..body_start + close];
            let digest = Sha256::digest(body.as_bytes());
            hashes.push(base64::engine::general_purpose::STANDARD.encode(digest));
        }
        rest = &after[body_start + close..];
    }
    hashes
}

/// Trunk names built assets `name-<16 hex>.ext`, and scripts/build-app.sh puts the split
/// app's files (whose names the loader fixes) in a folder `app-<16 hex>/`; those never
/// change and can be cached for a year. Everything else (index.html, embed.js, the
/// service worker `sw.js`, `manifest.webmanifest`, `app-config.json`) must be
/// revalidated: a browser must see a new build's service worker at once.
fn is_hashed_asset(path: &str) -> bool {
    let mut segments = path.rsplit('/');
    let file = segments.next().unwrap_or("");
    let stem = file.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let hashed = |name: &str| {
        name.rsplit_once('-')
            .map(|(_, hash)| {
                (12..=16).contains(&hash.len()) && hash.chars().all(|c| c.is_ascii_hexdigit())
            })
            .unwrap_or(false)
    };
    hashed(stem) || segments.any(hashed)
}

/// Whether `path` names a trunk-hashed file that really is in `dist`: only those may be
/// cached as immutable. An app page whose last segment merely looks like a hash
/// (`/tramites/foo-0123456789abcdef`) is `index.html` and must be revalidated.
fn is_built_asset(dist: Option<&Path>, path: &str) -> bool {
    let Some(dist) = dist else {
        return false;
    };
    // Plain segments only: no `..`, no empty or dot segments, no backslashes.
    let relative = path.trim_start_matches('/');
    let plain = relative
        .split('/')
        .all(|s| !s.is_empty() && s != "." && s != ".." && !s.contains('\\'));
    plain && is_hashed_asset(path) && dist.join(relative).is_file()
}

/// The browser features the app may use: the microphone (dictation) and the phone's
/// position (the wizard's "use my location"), for this origin only; never the camera.
/// (`interest-cohort` is gone: FLoC was dropped, and browsers warn about a feature
/// they do not know.)
pub const PERMISSIONS_POLICY: &str = "camera=(), microphone=(self), geolocation=(self)";

/// Adds security and cache headers to every response.
pub async fn headers(
    csp: HeaderValue,
    dist: Option<Arc<Path>>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    // Every file may go out as `.br`, `.gz` or plain, as the client accepts. The
    // compression layer adds `Vary` only to what it compresses itself, never to a
    // pre-compressed file: a shared cache must not give the brotli body to a client
    // that did not ask for it.
    if !h.get_all(header::VARY).iter().any(|v| {
        v.to_str()
            .is_ok_and(|v| v.to_ascii_lowercase().contains("accept-encoding"))
    }) {
        h.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    h.insert(header::CONTENT_SECURITY_POLICY, csp);
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static(PERMISSIONS_POLICY),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control(dist.as_deref(), &path)),
    );
    response
}

/// The Cache-Control of a path: the API is never stored by HTTP caches (the service
/// worker keeps its own copies of public answers), built hashed files are immutable,
/// everything else (pages, `sw.js`, the manifest, `app-config.json`) is revalidated.
fn cache_control(dist: Option<&Path>, path: &str) -> &'static str {
    if path.starts_with("/api/") {
        "no-store"
    } else if is_built_asset(dist, path) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_trunk_hashed_assets() {
        assert!(is_hashed_asset(
            "/contacto-ciudadano-3f2a1b4c5d6e7f80_bg.wasm"
        ));
        assert!(is_hashed_asset("/contacto-ciudadano-3f2a1b4c5d6e7f80.js"));
        assert!(is_hashed_asset("/style-0123456789abcdef.css"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/embed.js"));
        assert!(!is_hashed_asset("/tramites/pasaporte-ordinario"));
        // The split app: fixed file names in a build folder.
        assert!(is_hashed_asset("/app-3f2a1b4c5d6e7f80/__wasm_split.js"));
        assert!(is_hashed_asset("/app-3f2a1b4c5d6e7f80/split_tracking.wasm"));
        assert!(!is_hashed_asset("/app/__wasm_split.js"));
    }

    #[test]
    fn only_paths_ending_in_an_extension_name_files() {
        for file in [
            "/favicon.ico",
            "/app-0123456789abcdef_bg.wasm",
            "/x/style.css",
            "/robots.txt",
            "/.well-known/security.txt",
            "/manifest.webmanifest",
            "/sw.js",
            "/app-config.json",
        ] {
            assert!(names_a_file(file), "{file}");
        }
        for route in [
            "/",
            "/tramites",
            "/tramites/pasaporte-ordinario",
            "/seguimiento/MDT-QUE-2026-00042",
            "/tramites/ley-1.178",
            "/.hidden",
            "/tramites/",
        ] {
            assert!(!names_a_file(route), "{route}");
        }
    }

    #[test]
    fn microphone_and_location_only_for_this_origin_and_no_camera() {
        let policy: Vec<&str> = PERMISSIONS_POLICY.split(", ").collect();
        assert_eq!(
            policy,
            ["camera=()", "microphone=(self)", "geolocation=(self)"]
        );
    }

    #[test]
    fn csp_allows_only_the_inline_loader_hash() {
        let html =
            "<html><script type=\"module\">init()</script><script src=\"/x.js\"></script></html>";
        let csp = content_security_policy(Some(html), &["https://agency.example".into()]);
        let expected = base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            Sha256::digest(b"init()"),
        );
        assert!(csp.contains(&format!("'sha256-{expected}'")));
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.contains("frame-ancestors 'self' https://agency.example"));
        assert!(csp.contains("worker-src 'self'"), "{csp}");
        assert!(csp.contains("manifest-src 'self'"), "{csp}");
    }

    #[test]
    fn the_service_worker_manifest_and_config_are_revalidated() {
        let dir = std::env::temp_dir().join(format!("cc-web-{}", std::process::id()));
        let app = dir.join("app-0123456789abcdef");
        std::fs::create_dir_all(&app).unwrap();
        for file in [
            "sw.js",
            "manifest.webmanifest",
            "app-config.json",
            "index.html",
        ] {
            std::fs::write(dir.join(file), "x").unwrap();
        }
        std::fs::write(app.join("split_intake.wasm"), "x").unwrap();
        for path in [
            "/sw.js",
            "/manifest.webmanifest",
            "/app-config.json",
            "/index.html",
            "/",
            "/contacto/tipo",
        ] {
            assert_eq!(cache_control(Some(&dir), path), "no-cache", "{path}");
        }
        assert_eq!(
            cache_control(Some(&dir), "/app-0123456789abcdef/split_intake.wasm"),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(cache_control(Some(&dir), "/api/v1/config"), "no-store");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
