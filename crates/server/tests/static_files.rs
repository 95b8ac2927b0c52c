//! The built app as browsers get it: the `.br`/`.gz` files written by `cc-server
//! compress` (never compressed twice), the index.html fallback of client routes, a plain
//! 404 for missing files, and the same cache and security headers on all of them.

use std::io::Read;
use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};

mod common;
use common::{send_to, Answer};

const WASM: &str = "app-0123456789abcdef_bg.wasm";
const INDEX: &str = "<html><head><link rel=\"icon\" href=\"/favicon.svg\"></head><body>\
    <script type=\"module\">boot()</script></body></html>";

struct Site {
    router: axum::Router,
    dist: PathBuf,
    _dir: tempfile::TempDir,
}

/// A fake built app, compressed as `make app` does.
fn site() -> Site {
    site_with(&INDEX.repeat(4), cc_server::default_deployment())
}

fn site_with(index: &str, deployment: cc_core::config::Deployment) -> Site {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), index).unwrap();
    let mut wasm = b"\0asm\x01\0\0\0".to_vec();
    wasm.extend((0..20_000u32).map(|i| (i % 251) as u8 / 8));
    std::fs::write(dist.join(WASM), wasm).unwrap();
    std::fs::write(
        dist.join("favicon.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">\
         <rect width=\"32\" height=\"32\" fill=\"#0b3d66\"/></svg>"
            .repeat(4),
    )
    .unwrap();
    let report = cc_server::compress::compress_dir(&dist).unwrap();
    assert_eq!(report.files, 3);
    let state = cc_server::build_state(
        &dir.path().join("db.sqlite3"),
        deployment,
        Some(dist.clone()),
    )
    .unwrap();
    Site {
        router: cc_server::app(state),
        dist,
        _dir: dir,
    }
}

async fn send(site: &Site, method: Method, uri: &str, accept_encoding: Option<&str>) -> Answer {
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(accept) = accept_encoding {
        request = request.header(header::ACCEPT_ENCODING, accept);
    }
    send_to(&site.router, request.body(Body::empty()).unwrap()).await
}

fn file(dist: &Path, name: &str) -> Vec<u8> {
    std::fs::read(dist.join(name)).unwrap()
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .unwrap();
    out
}

fn assert_security_headers(a: &Answer) {
    let csp = a.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(
        csp.contains("img-src 'self'"),
        "the favicon is allowed: {csp}"
    );
    assert_eq!(a.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(a.headers[header::REFERRER_POLICY], "no-referrer");
    assert_eq!(
        a.headers["permissions-policy"],
        "camera=(), microphone=(self), geolocation=(self)"
    );
}

fn header(a: &Answer, name: header::HeaderName) -> Option<&str> {
    a.headers.get(name).map(|v| v.to_str().unwrap())
}

#[tokio::test]
async fn brotli_clients_get_the_br_file_as_it_is() {
    let site = site();
    let a = send(&site, Method::GET, &format!("/{WASM}"), Some("gzip, br")).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(header(&a, header::CONTENT_ENCODING), Some("br"));
    assert_eq!(header(&a, header::CONTENT_TYPE), Some("application/wasm"));
    let br = file(&site.dist, &format!("{WASM}.br"));
    assert_eq!(a.body, br, "the .br file, not compressed once more");
    assert_eq!(unbrotli(&a.body), file(&site.dist, WASM));
    assert_eq!(
        header(&a, header::CACHE_CONTROL),
        Some("public, max-age=31536000, immutable")
    );
    assert!(header(&a, header::VARY)
        .unwrap()
        .to_ascii_lowercase()
        .contains("accept-encoding"));
    assert_security_headers(&a);

    // What `curl -I` asks: the length is the .br file's.
    let head = send(&site, Method::HEAD, &format!("/{WASM}"), Some("br")).await;
    assert_eq!(head.status, StatusCode::OK);
    assert_eq!(header(&head, header::CONTENT_ENCODING), Some("br"));
    assert_eq!(
        header(&head, header::CONTENT_LENGTH),
        Some(br.len().to_string().as_str())
    );
    assert!(head.body.is_empty());
}

#[tokio::test]
async fn gzip_only_clients_get_the_gz_file_and_others_the_plain_one() {
    let site = site();
    let a = send(&site, Method::GET, &format!("/{WASM}"), Some("gzip")).await;
    assert_eq!(header(&a, header::CONTENT_ENCODING), Some("gzip"));
    assert_eq!(a.body, file(&site.dist, &format!("{WASM}.gz")));
    assert_eq!(header(&a, header::CONTENT_TYPE), Some("application/wasm"));

    let a = send(&site, Method::GET, &format!("/{WASM}"), None).await;
    assert_eq!(header(&a, header::CONTENT_ENCODING), None);
    assert_eq!(a.body, file(&site.dist, WASM));
    // A cache keeps the plain answer apart from the compressed ones.
    assert!(header(&a, header::VARY)
        .unwrap()
        .to_ascii_lowercase()
        .contains("accept-encoding"));
    assert_eq!(
        header(&a, header::CACHE_CONTROL),
        Some("public, max-age=31536000, immutable")
    );
}

#[tokio::test]
async fn client_routes_still_get_index_html_compressed() {
    let site = site();
    for route in [
        "/",
        "/tramites/pasaporte-ordinario",
        "/seguimiento/MDT-QUE-2026-00042",
    ] {
        let a = send(&site, Method::GET, route, Some("br")).await;
        assert_eq!(a.status, StatusCode::OK, "{route}");
        assert_eq!(header(&a, header::CONTENT_ENCODING), Some("br"), "{route}");
        assert!(header(&a, header::CONTENT_TYPE)
            .unwrap()
            .starts_with("text/html"));
        assert_eq!(unbrotli(&a.body), file(&site.dist, "index.html"), "{route}");
        assert_eq!(
            header(&a, header::CACHE_CONTROL),
            Some("no-cache"),
            "{route}"
        );
        let csp = header(&a, header::CONTENT_SECURITY_POLICY).unwrap();
        assert!(csp.contains("'sha256-"), "the loader's hash: {csp}");
        assert_security_headers(&a);

        let plain = send(&site, Method::GET, route, None).await;
        assert_eq!(plain.status, StatusCode::OK);
        assert_eq!(plain.body, file(&site.dist, "index.html"));
    }
}

#[tokio::test]
async fn missing_files_are_a_plain_404_not_the_app() {
    let site = site();
    for path in [
        "/favicon.ico",
        "/app-ffffffffffffffff_bg.wasm",
        "/x/app-0123456789abcdef_bg.wasm",
        "/apple-touch-icon.png",
    ] {
        let a = send(&site, Method::GET, path, Some("br, gzip")).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{path}");
        assert!(
            !String::from_utf8_lossy(&a.body).contains("<html"),
            "{path}"
        );
        assert_eq!(
            header(&a, header::CACHE_CONTROL),
            Some("no-cache"),
            "{path}"
        );
        assert_security_headers(&a);
    }
}

#[tokio::test]
async fn the_favicon_is_served_as_svg() {
    let site = site();
    let a = send(&site, Method::GET, "/favicon.svg", Some("br")).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(header(&a, header::CONTENT_TYPE), Some("image/svg+xml"));
    assert_eq!(header(&a, header::CONTENT_ENCODING), Some("br"));
    assert_eq!(unbrotli(&a.body), file(&site.dist, "favicon.svg"));
    assert_eq!(header(&a, header::CACHE_CONTROL), Some("no-cache"));
}

/// The installable app: the service worker, the manifest and the optional runtime
/// config are revalidated on every visit (a new build's worker is seen at once), typed
/// so browsers accept them, and a 404 (never index.html) when absent.
#[tokio::test]
async fn service_worker_manifest_and_config_are_revalidated_files() {
    let site = site();
    for path in ["/sw.js", "/manifest.webmanifest", "/app-config.json"] {
        let a = send(&site, Method::GET, path, Some("br, gzip")).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{path} absent");
        assert!(
            !String::from_utf8_lossy(&a.body).contains("<html"),
            "{path}"
        );
    }
    std::fs::write(
        site.dist.join("sw.js"),
        "self.addEventListener('fetch', () => {});",
    )
    .unwrap();
    std::fs::write(site.dist.join("manifest.webmanifest"), "{\"name\":\"CC\"}").unwrap();
    std::fs::write(site.dist.join("app-config.json"), "{}").unwrap();
    for (path, kind) in [
        ("/sw.js", "javascript"),
        ("/manifest.webmanifest", "manifest+json"),
        ("/app-config.json", "json"),
    ] {
        let a = send(&site, Method::GET, path, Some("br, gzip")).await;
        assert_eq!(a.status, StatusCode::OK, "{path}");
        assert!(
            header(&a, header::CONTENT_TYPE).is_some_and(|t| t.contains(kind)),
            "{path}: {:?}",
            header(&a, header::CONTENT_TYPE)
        );
        assert_eq!(
            header(&a, header::CACHE_CONTROL),
            Some("no-cache"),
            "{path}"
        );
        let csp = header(&a, header::CONTENT_SECURITY_POLICY).unwrap();
        assert!(
            csp.contains("worker-src 'self'") && csp.contains("manifest-src 'self'"),
            "{csp}"
        );
    }
}

#[tokio::test]
async fn files_without_a_compressed_sibling_are_compressed_on_the_fly() {
    let site = site();
    // Written after `compress`: no .br beside it, so the compression layer does it.
    std::fs::write(site.dist.join("late.css"), "a{color:red}\n".repeat(100)).unwrap();
    let a = send(&site, Method::GET, "/late.css", Some("br")).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(header(&a, header::CONTENT_ENCODING), Some("br"));
    assert_eq!(unbrotli(&a.body), file(&site.dist, "late.css"));
}

/// How the installed app looks is the deployment's: the manifest gets its name, short
/// name and colours (the rest as built, still revalidated), and the pages its
/// theme-color; a deployment with the build's colour gets the pages as built.
#[tokio::test]
async fn the_manifest_and_the_pages_carry_the_deployments_look() {
    let index = format!(
        "<html><head><meta name=\"theme-color\" content=\"#0b3d66\"></head>{}",
        INDEX.repeat(4)
    );
    let mut deployment = cc_server::default_deployment();
    deployment.name = "Atención Municipal".into();
    deployment.short_name = "Municipio".into();
    deployment.theme_color = "#1d5e2f".into();
    let site = site_with(&index, deployment);
    std::fs::write(
        site.dist.join("manifest.webmanifest"),
        include_str!("../../../public/manifest.webmanifest"),
    )
    .unwrap();
    let a = send(&site, Method::GET, "/manifest.webmanifest", None).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(
        header(&a, header::CONTENT_TYPE),
        Some("application/manifest+json")
    );
    assert_eq!(header(&a, header::CACHE_CONTROL), Some("no-cache"));
    assert_security_headers(&a);
    let manifest: serde_json::Value = serde_json::from_slice(&a.body).unwrap();
    assert_eq!(manifest["name"], "Atención Municipal");
    assert_eq!(manifest["short_name"], "Municipio");
    assert_eq!(manifest["theme_color"], "#1d5e2f");
    assert_eq!(manifest["background_color"], "#ffffff");
    assert_eq!(manifest["display"], "standalone");
    for path in ["/", "/index.html", "/contacto/tipo"] {
        let a = send(&site, Method::GET, path, Some("br")).await;
        assert_eq!(a.status, StatusCode::OK, "{path}");
        let page = String::from_utf8(unbrotli(&a.body)).unwrap();
        assert!(
            page.contains("<meta name=\"theme-color\" content=\"#1d5e2f\">"),
            "{path}: {page}"
        );
        assert!(page.contains("boot()"), "{path}");
        assert_eq!(header(&a, header::CACHE_CONTROL), Some("no-cache"));
        assert_security_headers(&a);
    }
    // Files and the API are not pages.
    assert_eq!(
        send(&site, Method::GET, "/favicon.ico", None).await.status,
        StatusCode::NOT_FOUND
    );
    let config = send(&site, Method::GET, "/api/v1/config", None).await;
    let config: serde_json::Value = serde_json::from_slice(&config.body).unwrap();
    assert_eq!(config["theme_color"], "#1d5e2f");

    let built = site_with(&index, cc_server::default_deployment());
    let a = send(&built, Method::GET, "/", None).await;
    assert_eq!(
        String::from_utf8(a.body).unwrap(),
        index,
        "the page as built"
    );
}
