//! Search speed on a realistic 10,000-procedure catalog (std only, no criterion).
//!
//! `cargo bench -p cc-core --bench search`
//!
//! Builds 10,000 synthetic Bolivian procedures from lists of actions, objects, agencies
//! and qualifiers (deterministic), mixes in the real gob.bo procedures of
//! `shared/datasets/tramites-bo.jsonl` when that file exists, then times index
//! building and ~60 realistic queries (typos, accents, prefixes, several words).

use std::hint::black_box;
use std::time::{Duration, Instant};

use cc_core::catalog::{Agency, CatalogIndex, Category, ModalityKind, ProcedureSummary};
use cc_core::search::{Filters, SearchIndex};

#[allow(dead_code)]
#[path = "common/synthetic.rs"]
mod synthetic;
use synthetic::{synthetic, Rng, AGENCIES, CATEGORIES};

const SYNTHETIC: usize = 10_000;
const BUILDS: usize = 5;
const RUNS_PER_QUERY: usize = 40;

/// The real procedures of the shared dataset, if it is there.
fn real_dataset() -> Option<(Vec<ProcedureSummary>, Vec<Agency>, Vec<Category>)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/datasets/tramites-bo.jsonl"
    );
    let text = std::fs::read_to_string(path).ok()?;
    let mut procedures = Vec::new();
    let mut agencies: Vec<Agency> = Vec::new();
    let mut categories: Vec<Category> = Vec::new();
    for (i, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().trim().to_string();
        let entidad = &v["entidad"];
        let acronym = match s(&entidad["sigla"]) {
            a if a.is_empty() => "SIN-SIGLA".to_string(),
            a => a,
        };
        if !agencies.iter().any(|a| a.acronym == acronym) {
            agencies.push(Agency {
                acronym: acronym.clone(),
                slug: s(&entidad["slug"]),
                name: s(&entidad["nombre"]),
                description: None,
                website: None,
                phone: None,
                email: None,
            });
        }
        let mut cats = Vec::new();
        for c in v["categorias"].as_array().into_iter().flatten() {
            let slug = s(&c["slug"]);
            if !categories.iter().any(|k| k.slug == slug) {
                categories.push(Category {
                    slug: slug.clone(),
                    name: s(&c["nombre"]),
                });
            }
            cats.push(slug);
        }
        let online = v["esVirtual"].as_bool().unwrap_or(false);
        procedures.push(ProcedureSummary {
            slug: format!("gobbo-{i}"),
            name: s(&v["nombre"]),
            acronym: v["sigla"].as_str().map(str::to_string),
            summary: s(&v["descripcion"]),
            agency: acronym,
            categories: cats,
            keywords: v["palabrasClave"]
                .as_array()
                .into_iter()
                .flatten()
                .map(s)
                .collect(),
            online,
            in_person: v["esPresencial"].as_bool().unwrap_or(!online),
            free: false,
        });
    }
    Some((procedures, agencies, categories))
}

fn catalog() -> (CatalogIndex, usize) {
    let (agencies, categories) = synthetic::agencies_and_categories();
    let mut index = CatalogIndex {
        synonyms: Vec::new(),
        agencies,
        categories,
        procedures: synthetic(SYNTHETIC),
    };
    let mut real = 0;
    if let Some((procedures, agencies, categories)) = real_dataset() {
        real = procedures.len();
        // Interleave them so they are not all at the end of the postings.
        let step = (index.procedures.len() / real.max(1)).max(1);
        for (k, p) in procedures.into_iter().enumerate() {
            index
                .procedures
                .insert((k * step + k).min(index.procedures.len()), p);
        }
        index.agencies.extend(
            agencies
                .into_iter()
                .filter(|a| !AGENCIES.iter().any(|b| b.0 == a.acronym)),
        );
        index.categories.extend(
            categories
                .into_iter()
                .filter(|c| !CATEGORIES.iter().any(|b| b.0 == c.slug)),
        );
    }
    (index, real)
}

/// Realistic queries: typos, missing and extra accents, capitals, words being typed.
fn queries() -> Vec<(&'static str, Filters)> {
    let none = Filters::default;
    let mut q: Vec<(&'static str, Filters)> = [
        "pasaporte",
        "pasaprte",
        "pasap",
        "PASAPORTE",
        "renovacion de pasaporte",
        "licencia de conduccion",
        "licencia de conducir",
        "licensia conducir",
        "brevet",
        "manejar",
        "jubilacion",
        "jubilación",
        "pension vejez",
        "renta dignidad",
        "cedula de identidad",
        "cédula",
        "carnet",
        "ci",
        "documento de identidad",
        "duplicado cedula",
        "certificado de nacimiento",
        "certificdo nacimiento",
        "partida de nacimiento",
        "certificado de matrimonio",
        "casamiento",
        "defuncion",
        "antecedentes penales",
        "antesedentes",
        "registro de comercio",
        "empresa unipersonal",
        "inscripcion empresa",
        "nit",
        "impuestos",
        "impuesto vehiculos",
        "tributo municipal",
        "legalizacion de titulo",
        "legalisacion titulo profesional",
        "diploma de bachiller",
        "permiso de construccion",
        "licencia de funcionamiento",
        "registro sanitario",
        "visa",
        "residencia extranjeros",
        "viaje de menores",
        "denuncia",
        "reclamo seguros",
        "placa vehiculo",
        "transferencia de vehiculo",
        "re",
        "cert",
        "reg",
        "inscrip",
        "solicitud de",
        "registro provisional de buque",
        "inspeccion de vehiculos",
        "xyzzy",
    ]
    .into_iter()
    .map(|s| (s, none()))
    .collect();
    q.push(("", none()));
    q.push((
        "certificado",
        Filters {
            agency: Some("SERECI".into()),
            ..none()
        },
    ));
    q.push((
        "licencia",
        Filters {
            modality: Some(ModalityKind::Online),
            free_only: true,
            ..none()
        },
    ));
    q.push((
        "registro",
        Filters {
            category: Some("empresas".into()),
            ..none()
        },
    ));
    q
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() {
    let (catalog, real) = catalog();
    let queries = queries();
    println!(
        "catalog: {} procedures ({} synthetic + {} from tramites-bo.jsonl)",
        catalog.procedures.len(),
        SYNTHETIC,
        real
    );
    let index = run(&catalog, &queries);
    if std::env::var_os("SEARCH_BENCH_SHOW").is_some() {
        show_results(&index, &catalog, &queries);
    }

    // The synthetic catalog repeats a few hundred words, while real descriptions use tens
    // of thousands; typo and prefix scans grow with the vocabulary, so measure that too.
    println!();
    println!(
        "same catalog, each summary padded with {NOISE_PER_DOC} words from a pool of {NOISE_POOL} made-up words:"
    );
    let padded = with_large_vocabulary(catalog);
    run(&padded, &queries);
}

/// Times index building and every query; prints the figures and returns the index.
fn run(catalog: &CatalogIndex, queries: &[(&str, Filters)]) -> SearchIndex {
    let mut builds = Vec::new();
    let mut index = None;
    for _ in 0..BUILDS {
        let t = Instant::now();
        index = Some(black_box(SearchIndex::new(catalog)));
        builds.push(t.elapsed());
    }
    builds.sort();
    let index = index.expect("built");

    // Warm up caches and the allocator.
    for (q, f) in queries {
        black_box(index.search(q, f));
    }
    let mut all = Vec::with_capacity(queries.len() * RUNS_PER_QUERY);
    let mut per_query = vec![Vec::with_capacity(RUNS_PER_QUERY); queries.len()];
    let started = Instant::now();
    for _ in 0..RUNS_PER_QUERY {
        for (k, (q, f)) in queries.iter().enumerate() {
            let t = Instant::now();
            black_box(index.search(black_box(q), f));
            let d = t.elapsed();
            all.push(d);
            per_query[k].push(d);
        }
    }
    let total = started.elapsed();
    all.sort();

    println!("index: {index:?}");
    println!(
        "index build: median {:.1} ms (min {:.1} ms, {} builds)",
        micros(builds[BUILDS / 2]) / 1e3,
        micros(builds[0]) / 1e3,
        BUILDS
    );
    println!(
        "queries: {} distinct x {} runs = {} searches",
        queries.len(),
        RUNS_PER_QUERY,
        all.len()
    );
    println!(
        "query time: median {:.0} µs, p95 {:.0} µs, max {:.0} µs",
        micros(percentile(&all, 0.5)),
        micros(percentile(&all, 0.95)),
        micros(all[all.len() - 1])
    );
    println!(
        "throughput: {:.0} queries/s (one thread)",
        all.len() as f64 / total.as_secs_f64()
    );

    // The slowest queries and what they return, to judge speed and relevance together.
    let mut medians: Vec<(Duration, usize)> = per_query
        .iter_mut()
        .enumerate()
        .map(|(k, v)| {
            v.sort();
            (v[v.len() / 2], k)
        })
        .collect();
    medians.sort_by_key(|m| std::cmp::Reverse(m.0));
    println!("slowest queries (median):");
    for &(d, k) in medians.iter().take(5) {
        let (q, f) = &queries[k];
        let outcome = index.search(q, f);
        let top = outcome
            .hits
            .first()
            .map_or("-", |h| catalog.procedures[h.doc].name.as_str());
        println!(
            "  {:>6.0} µs  {:<26} {:>5} hits  top: {}",
            micros(d),
            format!("{q:?}"),
            outcome.hits.len(),
            top
        );
    }
    index
}

const NOISE_POOL: usize = 30_000;
const NOISE_PER_DOC: usize = 12;

/// Pads every summary with made-up but Spanish-looking words, so the vocabulary has the
/// size of a real catalog's (tens of thousands of distinct words).
fn with_large_vocabulary(mut catalog: CatalogIndex) -> CatalogIndex {
    const SYLLABLES: &[&str] = &[
        "ca", "mi", "to", "ra", "le", "sa", "pe", "du", "lo", "ni", "tri", "bu", "go", "fe", "sen",
        "mar", "cor", "ven", "dis", "pla", "ción", "es", "al", "ter",
    ];
    let mut rng = Rng(0x0dd_ba11_5eed);
    let pool: Vec<String> = (0..NOISE_POOL)
        .map(|_| {
            let syllables = 2 + rng.below(3);
            (0..syllables).map(|_| *rng.pick(SYLLABLES)).collect()
        })
        .collect();
    for p in &mut catalog.procedures {
        for _ in 0..NOISE_PER_DOC {
            p.summary.push(' ');
            let word: &String = rng.pick(&pool);
            p.summary.push_str(word);
        }
    }
    catalog
}

/// With `SEARCH_BENCH_SHOW=1`: the top results of every query, to judge relevance.
fn show_results(index: &SearchIndex, catalog: &CatalogIndex, queries: &[(&str, Filters)]) {
    for (q, f) in queries {
        let outcome = index.search(q, f);
        println!("{q:?} {f:?}: {} hits", outcome.hits.len());
        for hit in outcome.hits.iter().take(3) {
            let p = &catalog.procedures[hit.doc];
            println!("    {:6.2}  {}  [{}]", hit.score, p.name, p.agency);
        }
    }
}
