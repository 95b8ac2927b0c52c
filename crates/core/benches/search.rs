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

const SYNTHETIC: usize = 10_000;
const BUILDS: usize = 5;
const RUNS_PER_QUERY: usize = 40;

/// Deterministic xorshift64* generator: the catalog must be identical on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const AGENCIES: &[(&str, &str)] = &[
    ("SEGIP", "Servicio General de Identificación Personal"),
    ("SERECI", "Servicio de Registro Cívico"),
    ("DGM", "Dirección General de Migración"),
    ("OPT", "Organismo Operativo de Tránsito"),
    (
        "RUAT",
        "Registro Único para la Administración Tributaria Municipal",
    ),
    ("SIN", "Servicio de Impuestos Nacionales"),
    ("SEPREC", "Servicio Plurinacional de Registro de Comercio"),
    (
        "APS",
        "Autoridad de Fiscalización y Control de Pensiones y Seguros",
    ),
    (
        "GESTORA",
        "Gestora Pública de la Seguridad Social de Largo Plazo",
    ),
    ("MIN-EDU", "Ministerio de Educación"),
    (
        "MIN-TRAB",
        "Ministerio de Trabajo, Empleo y Previsión Social",
    ),
    (
        "AGEMED",
        "Agencia Estatal de Medicamentos y Tecnologías en Salud",
    ),
    (
        "SENASAG",
        "Servicio Nacional de Sanidad Agropecuaria e Inocuidad Alimentaria",
    ),
    ("GAMLP", "Gobierno Autónomo Municipal de La Paz"),
    ("GAMC", "Gobierno Autónomo Municipal de Cochabamba"),
    (
        "GAMSCZ",
        "Gobierno Autónomo Municipal de Santa Cruz de la Sierra",
    ),
    ("FELCC", "Fuerza Especial de Lucha Contra el Crimen"),
    ("REJAP", "Registro Judicial de Antecedentes Penales"),
    ("DDRR", "Derechos Reales"),
    ("CNS", "Caja Nacional de Salud"),
    ("ASFI", "Autoridad de Supervisión del Sistema Financiero"),
    ("AEVIVIENDA", "Agencia Estatal de Vivienda"),
    ("IBMETRO", "Instituto Boliviano de Metrología"),
    (
        "AGETIC",
        "Agencia de Gobierno Electrónico y Tecnologías de Información y Comunicación",
    ),
];

const CATEGORIES: &[(&str, &str)] = &[
    ("identidad", "Identidad y registro civil"),
    ("viajes", "Viajes y migración"),
    ("transporte", "Transporte y vehículos"),
    ("impuestos", "Impuestos y tributos"),
    ("empresas", "Empresas y comercio"),
    ("trabajo", "Trabajo y previsión social"),
    ("educacion", "Educación"),
    ("salud", "Salud"),
    ("vivienda", "Vivienda y propiedad"),
    ("justicia", "Justicia y seguridad"),
    ("municipal", "Servicios municipales"),
    ("finanzas", "Finanzas y seguros"),
];

/// What a procedure acts on: (object, usual agency, category, keywords).
const OBJECTS: &[(&str, &str, &str, &[&str])] = &[
    (
        "pasaporte",
        "DGM",
        "viajes",
        &["viaje", "documento de viaje"],
    ),
    (
        "cédula de identidad",
        "SEGIP",
        "identidad",
        &["carnet", "CI"],
    ),
    (
        "cédula de identidad para extranjeros",
        "SEGIP",
        "identidad",
        &["carnet de extranjero"],
    ),
    ("licencia de conducir", "SEGIP", "transporte", &["brevet"]),
    (
        "certificado de nacimiento",
        "SERECI",
        "identidad",
        &["partida"],
    ),
    (
        "certificado de matrimonio",
        "SERECI",
        "identidad",
        &["casamiento"],
    ),
    (
        "certificado de defunción",
        "SERECI",
        "identidad",
        &["fallecimiento"],
    ),
    (
        "certificado de antecedentes penales",
        "REJAP",
        "justicia",
        &["antecedentes"],
    ),
    (
        "visa de residencia temporal",
        "DGM",
        "viajes",
        &["residencia", "extranjeros"],
    ),
    (
        "permanencia de extranjeros",
        "DGM",
        "viajes",
        &["residencia"],
    ),
    (
        "autorización de viaje de menores",
        "DGM",
        "viajes",
        &["menores", "viaje"],
    ),
    (
        "placa de vehículo",
        "RUAT",
        "transporte",
        &["placas", "motorizado"],
    ),
    (
        "transferencia de vehículo",
        "RUAT",
        "transporte",
        &["compra venta", "auto"],
    ),
    (
        "impuesto a la propiedad de vehículos",
        "RUAT",
        "impuestos",
        &["tributo"],
    ),
    (
        "impuesto a la propiedad de inmuebles",
        "RUAT",
        "impuestos",
        &["tributo", "casa"],
    ),
    (
        "número de identificación tributaria",
        "SIN",
        "impuestos",
        &["NIT"],
    ),
    ("factura electrónica", "SIN", "impuestos", &["facturación"]),
    (
        "declaración jurada de impuestos",
        "SIN",
        "impuestos",
        &["formulario"],
    ),
    (
        "matrícula de comercio",
        "SEPREC",
        "empresas",
        &["registro de comercio"],
    ),
    ("empresa unipersonal", "SEPREC", "empresas", &["negocio"]),
    (
        "sociedad de responsabilidad limitada",
        "SEPREC",
        "empresas",
        &["SRL", "sociedad"],
    ),
    (
        "pensión de vejez",
        "GESTORA",
        "trabajo",
        &["jubilación", "renta"],
    ),
    ("renta dignidad", "GESTORA", "trabajo", &["adulto mayor"]),
    ("jubilación", "GESTORA", "trabajo", &["retiro", "pensión"]),
    (
        "reclamo a la aseguradora",
        "APS",
        "finanzas",
        &["seguros", "reclamo"],
    ),
    ("contrato de trabajo", "MIN-TRAB", "trabajo", &["empleo"]),
    (
        "finiquito laboral",
        "MIN-TRAB",
        "trabajo",
        &["beneficios sociales"],
    ),
    ("título profesional", "MIN-EDU", "educacion", &["diploma"]),
    (
        "diploma de bachiller",
        "MIN-EDU",
        "educacion",
        &["título de bachiller"],
    ),
    ("libreta escolar", "MIN-EDU", "educacion", &["notas"]),
    (
        "registro sanitario de medicamentos",
        "AGEMED",
        "salud",
        &["medicamentos"],
    ),
    (
        "registro sanitario de alimentos",
        "SENASAG",
        "salud",
        &["alimentos"],
    ),
    ("certificado médico", "CNS", "salud", &["salud"]),
    (
        "afiliación al seguro de salud",
        "CNS",
        "salud",
        &["asegurado"],
    ),
    (
        "licencia de funcionamiento",
        "GAMLP",
        "municipal",
        &["patente", "negocio"],
    ),
    (
        "permiso de construcción",
        "GAMLP",
        "municipal",
        &["planos", "obra"],
    ),
    (
        "patente municipal",
        "GAMC",
        "municipal",
        &["impuesto municipal"],
    ),
    ("línea y nivel", "GAMSCZ", "municipal", &["terreno"]),
    ("folio real", "DDRR", "vivienda", &["propiedad", "inmueble"]),
    ("hipoteca", "DDRR", "vivienda", &["gravamen"]),
    (
        "vivienda social",
        "AEVIVIENDA",
        "vivienda",
        &["casa propia"],
    ),
    (
        "denuncia por robo",
        "FELCC",
        "justicia",
        &["denuncia", "robo"],
    ),
    (
        "información crediticia",
        "ASFI",
        "finanzas",
        &["central de riesgos"],
    ),
    (
        "verificación de balanzas",
        "IBMETRO",
        "empresas",
        &["metrología"],
    ),
    (
        "ciudadanía digital",
        "AGETIC",
        "identidad",
        &["registro digital"],
    ),
];

const ACTIONS: &[&str] = &[
    "Solicitud de",
    "Renovación de",
    "Emisión de",
    "Duplicado de",
    "Registro de",
    "Inscripción de",
    "Legalización de",
    "Modificación de",
    "Cancelación de",
    "Reposición de",
    "Actualización de",
    "Consulta de",
    "Pago de",
    "Certificación de",
    "Baja de",
    "Rectificación de",
    "Verificación de",
    "Homologación de",
    "Reclamo sobre",
    "Trámite de",
    "Corrección de datos en",
    "Apostilla de",
];

const QUALIFIERS: &[&str] = &[
    "",
    "",
    "",
    " para personas naturales",
    " para personas jurídicas",
    " en línea",
    " por extravío",
    " para extranjeros",
    " para menores de edad",
    " por primera vez",
    " de emergencia",
    " para adultos mayores",
    " en el exterior",
    " con Ciudadanía Digital",
];

const SUMMARY_TAILS: &[&str] = &[
    "Presente los requisitos en ventanilla y reciba su comprobante.",
    "El trámite se realiza en línea con Ciudadanía Digital.",
    "Debe pagar el arancel en cualquier entidad financiera autorizada.",
    "El plazo de entrega es de cinco días hábiles.",
    "Necesita fotocopia de su documento de identidad vigente.",
    "Puede hacer seguimiento con el código de su solicitud.",
    "Atención de lunes a viernes en oficinas departamentales.",
    "Es gratuito para adultos mayores y personas con discapacidad.",
    "Si tiene observaciones, subsane dentro de los diez días.",
    "Reserve una cita previa para evitar filas.",
];

/// `count` synthetic procedures, identical on every run.
fn synthetic(count: usize) -> Vec<ProcedureSummary> {
    let mut rng = Rng(0x5eed_cafe_f00d_beef);
    (0..count)
        .map(|i| {
            let action = rng.pick(ACTIONS);
            let &(object, usual_agency, category, keywords) = rng.pick(OBJECTS);
            let qualifier = rng.pick(QUALIFIERS);
            // Mostly the usual agency; sometimes a municipality or another office.
            let agency = if rng.chance(80) {
                usual_agency
            } else {
                rng.pick(AGENCIES).0
            };
            let agency_name = AGENCIES.iter().find(|a| a.0 == agency).map_or("", |a| a.1);
            let name = format!("{action} {object}{qualifier}");
            let summary = format!(
                "{} {} ante {}. {} {}",
                action,
                object,
                agency_name,
                rng.pick(SUMMARY_TAILS),
                rng.pick(SUMMARY_TAILS)
            );
            let online = rng.chance(40);
            ProcedureSummary {
                slug: format!("tramite-{i}"),
                name,
                acronym: None,
                summary,
                agency: agency.to_string(),
                categories: vec![category.to_string()],
                keywords: keywords
                    .iter()
                    .take(rng.below(keywords.len() + 1))
                    .map(|k| k.to_string())
                    .collect(),
                online,
                in_person: !online || rng.chance(50),
                free: rng.chance(25),
            }
        })
        .collect()
}

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
    let mut index = CatalogIndex {
        agencies: AGENCIES
            .iter()
            .map(|&(acronym, name)| Agency {
                acronym: acronym.into(),
                slug: acronym.to_lowercase(),
                name: name.into(),
                description: None,
                website: None,
                phone: None,
                email: None,
            })
            .collect(),
        categories: CATEGORIES
            .iter()
            .map(|&(slug, name)| Category {
                slug: slug.into(),
                name: name.into(),
            })
            .collect(),
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
