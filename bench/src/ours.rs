//! This engine on one catalog: build time, index size, the top ten of every judged
//! query, query time, and time per keystroke (every prefix of every query, as the app
//! searches on each input event).

use std::hint::black_box;
use std::time::{Duration, Instant};

use cc_core::catalog::CatalogIndex;
use cc_core::search::{Filters, SearchIndex};

use crate::judged::Judged;

pub struct Run {
    pub build: Duration,
    /// Approximate heap size of the built index.
    pub index_bytes: Option<usize>,
    pub results: Vec<Vec<String>>,
    pub query: Percentiles,
    pub keystroke: Percentiles,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Percentiles {
    pub p50_us: f64,
    pub p95_us: f64,
    pub count: usize,
}

pub fn percentiles(mut times: Vec<f64>) -> Percentiles {
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    Percentiles {
        p50_us: at(0.5),
        p95_us: at(0.95),
        count: times.len(),
    }
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

pub fn run(catalog: &CatalogIndex, queries: &[Judged], runs: usize) -> Run {
    let mut builds = Vec::new();
    let mut index = None;
    for _ in 0..3 {
        let t = Instant::now();
        index = Some(black_box(SearchIndex::new(catalog)));
        builds.push(t.elapsed());
    }
    builds.sort();
    let index = index.expect("built");
    let none = Filters::default();
    let results = queries
        .iter()
        .map(|j| {
            index
                .search(&j.query, &none)
                .hits
                .iter()
                .take(10)
                .map(|h| catalog.procedures[h.doc].slug.clone())
                .collect()
        })
        .collect();

    let mut query_times = Vec::new();
    for _ in 0..runs {
        for j in queries {
            let t = Instant::now();
            black_box(index.search(black_box(&j.query), &none));
            query_times.push(micros(t.elapsed()));
        }
    }
    let mut keystrokes = Vec::new();
    let mut slowest = Vec::new();
    for j in queries {
        for (end, _) in j.query.char_indices().skip(1).chain([(j.query.len(), ' ')]) {
            let t = Instant::now();
            black_box(index.search(black_box(&j.query[..end]), &none));
            let us = micros(t.elapsed());
            keystrokes.push(us);
            slowest.push((us, &j.query[..end]));
        }
    }
    if std::env::var_os("BENCH_SLOW").is_some() {
        slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (us, q) in slowest.iter().take(12) {
            let hits = index.search(q, &none).hits.len();
            println!("  slow keystroke {us:>7.0} µs {q:?} ({hits} hits)");
        }
    }
    Run {
        build: builds[1],
        index_bytes: heap_bytes(&index),
        results,
        query: percentiles(query_times),
        keystroke: percentiles(keystrokes),
    }
}

#[cfg(not(feature = "before"))]
fn heap_bytes(index: &SearchIndex) -> Option<usize> {
    Some(index.heap_bytes())
}

#[cfg(feature = "before")]
fn heap_bytes(_: &SearchIndex) -> Option<usize> {
    None
}
