//! Relevance and speed of the catalog search, side by side with MiniSearch, FlexSearch
//! and Fuse.js (run in Node on the same data and queries). See ../README.md.
//!
//! `cargo run --release --manifest-path bench/Cargo.toml` (what `make bench` runs).
//! `BENCH_FULL=1` times more runs and runs Fuse.js at 10,000 and 50,000 procedures too
//! (about half an hour); `BENCH_SHOW_MISSES=1` lists every miss of every engine.

mod catalogs;
mod js;
mod judged;
mod ours;
#[cfg(not(feature = "before"))]
mod session;

use std::path::PathBuf;

use cc_core::catalog::CatalogIndex;
use judged::{first_answer, quality, Judged};

struct Case {
    name: String,
    catalog: CatalogIndex,
    queries: Vec<Judged>,
}

fn queries(file: &str) -> Vec<Judged> {
    judged::load(&PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/queries")).join(file))
}

fn cases() -> Vec<Case> {
    let demo = queries("demo.tsv");
    let gobbo = queries("gobbo.tsv");
    let all: Vec<Judged> = demo.iter().chain(&gobbo).cloned().collect();
    let both = catalogs::both();
    let mut cases = vec![
        Case {
            name: "demo".into(),
            catalog: catalogs::demo(),
            queries: demo,
        },
        Case {
            name: "gob.bo".into(),
            catalog: catalogs::gobbo(),
            queries: gobbo,
        },
    ];
    for size in [10_000, 50_000] {
        cases.push(Case {
            name: format!("{}k", size / 1000),
            catalog: catalogs::expand(&both, size),
            queries: all.clone(),
        });
    }
    cases
}

fn main() {
    // `BENCH_LOOP=<query>`: search it 300 times at 50,000 procedures (for a profiler).
    if let Ok(q) = std::env::var("BENCH_LOOP") {
        let catalog = catalogs::expand(&catalogs::both(), 50_000);
        let index = cc_core::search::SearchIndex::new(&catalog);
        for _ in 0..300 {
            std::hint::black_box(index.search(&q, &Default::default()));
        }
        return;
    }
    let full = std::env::var_os("BENCH_FULL").is_some();
    let cases = cases();
    let sets: Vec<js::Set> = cases
        .iter()
        .map(|c| {
            let large = c.catalog.procedures.len() > 1_000;
            js::Set {
                name: c.name.clone(),
                catalog: &c.catalog,
                queries: &c.queries,
                runs: if full {
                    10
                } else if large {
                    1
                } else {
                    5
                },
                budget_ms: if full { 60_000 } else { 5_000 },
                // Fuse.js scans every document for every query: ~1.6 s a query at
                // 10,000 procedures, so only the full run waits for it there.
                engines: (large && !full).then_some(&["MiniSearch", "FlexSearch"][..]),
            }
        })
        .collect();
    let work = PathBuf::from(std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into()))
        .join("search-bench");
    let js_runs = js::run(&sets, &work).unwrap_or_default();

    println!("recall@5: share of queries with an answering procedure in the first 5 results;");
    println!("MRR@10: mean 1/rank of the first answering procedure (0 past rank 10).");
    println!("index: this engine = heap estimate of the built index; JS = serialized index.");
    println!("query: every judged query; keystroke: every prefix of every query (this engine).");
    for case in &cases {
        let ours = ours::run(&case.catalog, &case.queries, if full { 50 } else { 10 });
        println!();
        println!(
            "== {}: {} procedures, {} judged queries ==",
            case.name,
            case.catalog.procedures.len(),
            case.queries.len()
        );
        println!(
            "{:<12} {:>9} {:>7} {:>10} {:>10} {:>9} {:>9}",
            "engine", "recall@5", "MRR@10", "build ms", "index KB", "p50 µs", "p95 µs"
        );
        let q = quality(&case.queries, &ours.results);
        let kb = |b: usize| format!("{:.0}", b as f64 / 1024.0);
        println!(
            "{:<12} {:>8.1}% {:>7.3} {:>10.1} {:>10} {:>9.0} {:>9.0}",
            "this engine",
            q.recall_at_5 * 100.0,
            q.mrr_at_10,
            ours.build.as_secs_f64() * 1e3,
            ours.index_bytes.map_or("-".into(), kb),
            ours.query.p50_us,
            ours.query.p95_us
        );
        for r in js_runs.iter().filter(|r| r.set == case.name) {
            let q = quality(&case.queries, &r.results);
            println!(
                "{:<12} {:>8.1}% {:>7.3} {:>10.1} {:>10} {:>9.0} {:>9.0}",
                r.engine,
                q.recall_at_5 * 100.0,
                q.mrr_at_10,
                r.build_ms,
                kb(r.index_bytes),
                r.p50_us,
                r.p95_us
            );
        }
        println!(
            "this engine per keystroke: p50 {:.0} µs, p95 {:.0} µs over {} keystrokes",
            ours.keystroke.p50_us, ours.keystroke.p95_us, ours.keystroke.count
        );
        print_misses(case, "this engine", &ours.results);
        if std::env::var_os("BENCH_SHOW_MISSES").is_some() {
            for r in js_runs.iter().filter(|r| r.set == case.name) {
                print_misses(case, &r.engine, &r.results);
            }
        }
    }
    #[cfg(not(feature = "before"))]
    session::report(&catalogs::both());
}

/// Queries whose answer is not in the first five, with what came first instead.
fn print_misses(case: &Case, engine: &str, results: &[Vec<String>]) {
    let misses: Vec<String> = case
        .queries
        .iter()
        .zip(results)
        .filter(|(j, r)| first_answer(j, r).is_none_or(|rank| rank > 5))
        .map(|(j, r)| {
            let rank = first_answer(j, r).map_or("-".to_string(), |r| r.to_string());
            let top = r.first().map_or("nothing", String::as_str);
            format!("  {:?} (answer at {rank}; first: {top})", j.query)
        })
        .collect();
    if !misses.is_empty() {
        println!("{engine} misses ({}):", misses.len());
        for m in misses {
            println!("{m}");
        }
    }
}
