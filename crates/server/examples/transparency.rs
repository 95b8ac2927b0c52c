//! What the transparency aggregates cost to serve: the demo history (a year of
//! synthetic cases) on a fresh temporary database, then `GET /api/v1/transparency`
//! through the router, cold (cache emptied before each request: the SQL and the
//! suppression run) and cached. Prints the median and the slowest of each.
//!
//! ```text
//! cargo run --release -p cc-server --example transparency
//! ```

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

const ROUNDS: usize = 30;

async fn request(router: &axum::Router, query: &str) -> (Duration, usize) {
    let started = Instant::now();
    let response = router
        .clone()
        .oneshot(
            Request::builder()
                .uri(format!("/api/v1/transparency{query}"))
                .body(Body::empty())
                .expect("request"),
        )
        .await
        .expect("answer");
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (started.elapsed(), bytes.len())
}

fn summary(mut times: Vec<Duration>) -> String {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    format!(
        "median {:.2} ms, slowest {:.2} ms",
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1])
    )
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let state = cc_server::build_state(
        &dir.path().join("db.sqlite3"),
        cc_server::default_deployment(),
        None,
    )?;
    let today = cc_core::intake::dates::Date::from_unix_seconds(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .as_secs() as i64,
    );
    let cases = {
        let mut conn = state.db.lock().map_err(|_| anyhow::anyhow!("lock"))?;
        cc_server::transparency::demo::seed_history(
            &mut conn,
            &state.deployment,
            &state.catalog,
            today,
        )?
    };
    let router = cc_server::app(state.clone());
    let agency = state.catalog.index.agencies[0].slug.clone();
    println!(
        "demo history: {cases} cases, {} agencies",
        state.catalog.index.agencies.len()
    );
    for (label, query) in [
        ("deployment, last 12 months", String::new()),
        ("one agency, last 12 months", format!("?agency={agency}")),
    ] {
        let mut cold = Vec::new();
        let mut size = 0;
        for _ in 0..ROUNDS {
            state.transparency.clear();
            let (time, bytes) = request(&router, &query).await;
            cold.push(time);
            size = bytes;
        }
        let mut cached = Vec::new();
        for _ in 0..ROUNDS {
            cached.push(request(&router, &query).await.0);
        }
        println!("{label} ({size} bytes, {ROUNDS} requests each):");
        println!("  cold   {}", summary(cold));
        println!("  cached {}", summary(cached));
    }
    Ok(())
}
