//! End-to-end search tests on a small, realistic Bolivian catalog.

use super::*;
use crate::api::FacetCount;
use crate::catalog::{Agency, Category, ProcedureSummary};

fn agency(acronym: &str, name: &str) -> Agency {
    Agency {
        acronym: acronym.into(),
        slug: acronym.to_lowercase(),
        name: name.into(),
        description: None,
        website: None,
        phone: None,
        email: None,
    }
}

fn category(slug: &str, name: &str) -> Category {
    Category {
        slug: slug.into(),
        name: name.into(),
    }
}

/// A procedure: in person, paid, no keywords unless a builder method says otherwise.
fn procedure(name: &str, agency: &str, category: &str, summary: &str) -> ProcedureSummary {
    ProcedureSummary {
        slug: crate::search::text::fold(name).replace(' ', "-"),
        name: name.into(),
        acronym: None,
        summary: summary.into(),
        agency: agency.into(),
        categories: vec![category.into()],
        keywords: Vec::new(),
        online: false,
        in_person: true,
        free: false,
    }
}

trait Builder {
    fn online(self) -> Self;
    fn only_online(self) -> Self;
    fn free(self) -> Self;
    fn keywords(self, k: &[&str]) -> Self;
}

impl Builder for ProcedureSummary {
    fn online(mut self) -> Self {
        self.online = true;
        self
    }
    fn only_online(mut self) -> Self {
        self.online = true;
        self.in_person = false;
        self
    }
    fn free(mut self) -> Self {
        self.free = true;
        self
    }
    fn keywords(mut self, k: &[&str]) -> Self {
        self.keywords = k.iter().map(|s| s.to_string()).collect();
        self
    }
}

fn catalog() -> CatalogIndex {
    CatalogIndex {
        synonyms: Vec::new(),
        agencies: vec![
            agency("DGM", "Dirección General de Migración"),
            agency("OPT", "Organismo Operativo de Tránsito"),
            agency(
                "APS",
                "Autoridad de Fiscalización y Control de Pensiones y Seguros",
            ),
            agency("SEGIP", "Servicio General de Identificación Personal"),
            agency("SERECI", "Servicio de Registro Cívico"),
            agency("SEPREC", "Servicio Plurinacional de Registro de Comercio"),
            agency("MIN-EDU", "Ministerio de Educación"),
            agency("GAMLP", "Gobierno Autónomo Municipal de La Paz"),
            agency("SIN", "Servicio de Impuestos Nacionales"),
            agency("FELCC", "Fuerza Especial de Lucha Contra el Crimen"),
        ],
        categories: vec![
            category("viajes", "Viajes y migración"),
            category("transporte", "Transporte"),
            category("trabajo", "Trabajo y previsión social"),
            category("identidad", "Identidad y registro civil"),
            category("empresas", "Empresas y comercio"),
            category("educacion", "Educación"),
            category("municipal", "Servicios municipales"),
            category("impuestos", "Impuestos"),
        ],
        procedures: vec![
            /* 0 */
            procedure(
                "Pasaporte",
                "DGM",
                "viajes",
                "Emisión del pasaporte boliviano de lectura mecánica.",
            )
            .online(),
            /* 1 */
            procedure(
                "Renovación de pasaporte",
                "DGM",
                "viajes",
                "Renueve su pasaporte vencido o por vencer.",
            ),
            /* 2 */
            procedure(
                "Licencia de conducir",
                "OPT",
                "transporte",
                "Primera licencia para manejar vehículos.",
            )
            .keywords(&["brevet"]),
            /* 3 */
            procedure(
                "Renovación de licencia de conducir",
                "OPT",
                "transporte",
                "Renueve su licencia antes de que venza.",
            ),
            /* 4 */
            procedure(
                "Licencia de funcionamiento",
                "GAMLP",
                "municipal",
                "Autorización para abrir un negocio o actividad económica.",
            ),
            /* 5 */
            procedure(
                "Jubilación por vejez",
                "APS",
                "trabajo",
                "Solicite su pensión de jubilación al cumplir la edad.",
            )
            .only_online()
            .free(),
            /* 6 */
            procedure(
                "Cédula de identidad",
                "SEGIP",
                "identidad",
                "Emisión del documento de identidad para bolivianos.",
            )
            .keywords(&["carnet", "CI"]),
            /* 7 */
            procedure(
                "Certificado de nacimiento",
                "SERECI",
                "identidad",
                "Obtenga su certificado de nacimiento computarizado.",
            )
            .online()
            .free(),
            /* 8 */
            procedure(
                "Certificado de matrimonio",
                "SERECI",
                "identidad",
                "Certificado del registro civil.",
            )
            .online(),
            /* 9 */
            procedure(
                "REGISTRO DE COMERCIO",
                "SEPREC",
                "empresas",
                "Inscripción de empresas unipersonales.",
            ),
            /* 10 */
            procedure(
                "Tramite de legalizacion de titulo",
                "MIN-EDU",
                "educacion",
                "Legalice su título profesional.",
            ),
            /* 11 */
            procedure(
                "Árbol: permiso de poda",
                "GAMLP",
                "municipal",
                "Permiso para podar un árbol en vía pública.",
            ),
            /* 12 */
            procedure(
                "Consulta de deudas tributarias",
                "SIN",
                "impuestos",
                "Revise los impuestos pendientes de sus vehículos.",
            )
            .only_online()
            .free(),
            /* 13 */
            procedure(
                "Registro de vehículos",
                "OPT",
                "transporte",
                "Alta del vehículo en el registro de propiedad.",
            ),
            /* 14 */
            procedure(
                "Visa de turismo",
                "DGM",
                "viajes",
                "Permiso de ingreso para turistas extranjeros.",
            ),
            /* 15 */
            procedure(
                "Denuncia de robo",
                "FELCC",
                "identidad",
                "Registre la denuncia para reponer sus documentos.",
            )
            .free(),
            /* 16 */
            procedure(
                "Certificación de licencias",
                "OPT",
                "transporte",
                "Constancia de las licencias emitidas a su nombre.",
            ),
        ],
    }
}

fn index() -> SearchIndex {
    SearchIndex::new(&catalog())
}

fn names(outcome: &SearchOutcome) -> Vec<String> {
    let cat = catalog();
    outcome
        .hits
        .iter()
        .map(|h| cat.procedures[h.doc].name.clone())
        .collect()
}

fn search(query: &str) -> Vec<String> {
    names(&index().search(query, &Filters::default()))
}

/// Hits that match the whole query (none when the engine fell back to partial matches).
fn strict(query: &str) -> Vec<String> {
    let outcome = index().search(query, &Filters::default());
    if outcome.partial {
        Vec::new()
    } else {
        names(&outcome)
    }
}

fn first(query: &str) -> Option<String> {
    search(query).into_iter().next()
}

fn facet(list: &[FacetCount], value: &str) -> Option<usize> {
    list.iter().find(|f| f.value == value).map(|f| f.count)
}

#[test]
fn typo_finds_pasaporte() {
    let hits = search("pasaprte");
    assert_eq!(hits, ["Pasaporte", "Renovación de pasaporte"]);
}

#[test]
fn licencia_de_conduccion_ranks_licencia_de_conducir_first() {
    let hits = search("licencia de conduccion");
    assert_eq!(
        hits.first().map(String::as_str),
        Some("Licencia de conducir")
    );
    assert!(hits.contains(&"Renovación de licencia de conducir".to_string()));
    // AND: "Licencia de funcionamiento" has nothing about driving.
    assert!(!hits.contains(&"Licencia de funcionamiento".to_string()));
}

#[test]
fn jubilacion_finds_jubilacion_por_vejez() {
    assert_eq!(first("jubilacion").as_deref(), Some("Jubilación por vejez"));
    // Synonym: people also say "pensión" or "retiro".
    assert_eq!(first("retiro").as_deref(), Some("Jubilación por vejez"));
}

#[test]
fn accents_fold_both_ways() {
    // Query without accents, name with accents.
    assert_eq!(
        first("cedula de identidad").as_deref(),
        Some("Cédula de identidad")
    );
    assert_eq!(
        first("renovacion pasaporte").as_deref(),
        Some("Renovación de pasaporte")
    );
    // Query with accents, name without accents (imported data is messy).
    assert_eq!(
        first("legalización de título").as_deref(),
        Some("Tramite de legalizacion de titulo")
    );
}

#[test]
fn case_folds_including_accented_capitals() {
    assert_eq!(first("PASAPORTE").as_deref(), Some("Pasaporte"));
    assert_eq!(first("CÉDULA").as_deref(), Some("Cédula de identidad"));
    assert_eq!(first("ÁRBOL").as_deref(), Some("Árbol: permiso de poda"));
    assert_eq!(
        first("registro comercio").as_deref(),
        Some("REGISTRO DE COMERCIO")
    );
}

#[test]
fn short_words_get_no_typo_tolerance() {
    // 4 letters: "viza" is one edit from "visa" but must not match.
    assert!(search("viza ").is_empty());
    assert!(search("vsia").is_empty());
    assert_eq!(search("visa"), ["Visa de turismo"]);
}

#[test]
fn typo_budget_grows_with_word_length() {
    // 10 letters: up to 2 edits.
    let hits = search("certificdo");
    assert!(
        hits.contains(&"Certificado de nacimiento".to_string()),
        "{hits:?}"
    );
    assert!(hits.contains(&"Certificado de matrimonio".to_string()));
    assert!(!search("certifcdo").is_empty(), "9 letters allow 2 edits");
    // 9 letters: 2 edits allowed.
    assert_eq!(first("pasapurto").as_deref(), Some("Pasaporte"));
    // 8 letters: 1 edit only, so 2 edits do not match.
    assert!(search("pasaprto ").is_empty());
    // Transpositions count as one edit.
    assert_eq!(first("psaaporte").as_deref(), Some("Pasaporte"));
}

#[test]
fn last_word_matches_as_prefix_while_typing() {
    assert_eq!(first("pasap").as_deref(), Some("Pasaporte"));
    assert_eq!(
        first("licencia de cond").as_deref(),
        Some("Licencia de conducir")
    );
    // Once a space follows, the word is complete.
    assert!(search("pasap ").is_empty());
    // Only the last word: "pasap" inside the query is not a prefix (what remains are
    // partial matches for "renovacion" alone).
    assert!(strict("pasap renovacion").is_empty());
    // Not for a single letter.
    assert!(search("p").is_empty());
}

#[test]
fn every_query_word_must_match_for_a_strict_match() {
    assert_eq!(search("pasaporte renovacion"), ["Renovación de pasaporte"]);
    // No procedure has both: only partial matches remain (see natural_tests.rs).
    assert!(strict("pasaporte licencia").is_empty());
    assert!(strict("pasaporte zzzz").is_empty());
}

#[test]
fn stems_match_plurals_and_verbs() {
    let hits = search("licencias");
    // The exact word beats the other form.
    assert_eq!(hits[0], "Certificación de licencias");
    for name in [
        "Licencia de conducir",
        "Renovación de licencia de conducir",
        "Licencia de funcionamiento",
    ] {
        assert!(hits.contains(&name.to_string()), "{name} in {hits:?}");
    }
    assert!(search("empresa").contains(&"REGISTRO DE COMERCIO".to_string()));
    assert_eq!(
        first("legalizar titulos").as_deref(),
        Some("Tramite de legalizacion de titulo")
    );
}

#[test]
fn synonyms_reach_other_words() {
    assert_eq!(first("brevet").as_deref(), Some("Licencia de conducir"));
    assert_eq!(first("manejar").as_deref(), Some("Licencia de conducir"));
    assert_eq!(first("carnet").as_deref(), Some("Cédula de identidad"));
    assert_eq!(
        first("documento de identidad").as_deref(),
        Some("Cédula de identidad")
    );
    assert_eq!(
        first("casamiento").as_deref(),
        Some("Certificado de matrimonio")
    );
    assert_eq!(
        first("partida de nacimiento").as_deref(),
        Some("Certificado de nacimiento")
    );
    assert_eq!(
        first("constancia nacimiento").as_deref(),
        Some("Certificado de nacimiento")
    );
    assert_eq!(
        first("impuestos").as_deref(),
        Some("Consulta de deudas tributarias")
    );
    // Synonym matches rank below exact ones: "licencia" is exact in these names.
    let hits = search("permiso");
    assert_eq!(hits[0], "Árbol: permiso de poda");
}

#[test]
fn agency_acronym_and_name_are_searchable() {
    assert_eq!(search("segip"), ["Cédula de identidad"]);
    let migracion = search("migracion");
    assert_eq!(migracion.len(), 3, "{migracion:?}");
}

#[test]
fn name_matches_rank_above_summary_matches() {
    // "vehículos" is in the name of one and the summary of two others.
    let hits = search("vehiculos");
    assert_eq!(hits[0], "Registro de vehículos");
    assert!(hits.contains(&"Consulta de deudas tributarias".to_string()));
    let idx = index();
    let outcome = idx.search("renueve", &Filters::default());
    assert!(
        outcome.hits.iter().all(|h| h.score < 2.0),
        "summary-only matches score low"
    );
}

#[test]
fn match_kinds_rank_exact_stem_prefix_typo() {
    let cat = CatalogIndex {
        procedures: vec![
            procedure("Permisos especiales", "X", "c", ""), // stem
            procedure("Permisorio fiscal", "X", "c", ""),   // prefix
            procedure("Premiso de obra", "X", "c", ""),     // typo (transposition)
            procedure("Permiso de construcción", "X", "c", ""), // exact
        ],
        ..CatalogIndex::default()
    };
    let idx = SearchIndex::new(&cat);
    let order: Vec<usize> = idx
        .search("permiso", &Filters::default())
        .hits
        .iter()
        .map(|h| h.doc)
        .collect();
    assert_eq!(order, [3, 0, 1, 2]);
}

#[test]
fn highlights_are_byte_ranges_of_the_original_name() {
    let idx = index();
    let cat = catalog();
    let outcome = idx.search("renovacion licencia conducir", &Filters::default());
    let hit = &outcome.hits[0];
    let name = &cat.procedures[hit.doc].name;
    assert_eq!(name, "Renovación de licencia de conducir");
    let words: Vec<&str> = hit.highlights.iter().map(|[a, b]| &name[*a..*b]).collect();
    assert_eq!(words, ["Renovación", "licencia", "conducir"]);
    assert_eq!(hit.highlights[0], [0, "Renovación".len()]);

    // Typos, prefixes and accents highlight the whole original word.
    let outcome = idx.search("CEDULA", &Filters::default());
    let name = &cat.procedures[outcome.hits[0].doc].name;
    let [a, b] = outcome.hits[0].highlights[0];
    assert_eq!(&name[a..b], "Cédula");

    // A prefix highlights the whole word.
    let outcome = idx.search("pasap", &Filters::default());
    assert_eq!(outcome.hits[0].highlights, [[0, 9]]);
}

#[test]
fn phrase_synonyms_highlight_as_one_range() {
    let cat = CatalogIndex {
        procedures: vec![procedure(
            "Duplicado de documento de identidad",
            "SEGIP",
            "identidad",
            "",
        )],
        ..CatalogIndex::default()
    };
    let idx = SearchIndex::new(&cat);
    let outcome = idx.search("carnet", &Filters::default());
    let name = &cat.procedures[0].name;
    let ranges: Vec<&str> = outcome.hits[0]
        .highlights
        .iter()
        .map(|[a, b]| &name[*a..*b])
        .collect();
    assert_eq!(ranges, ["documento de identidad"]);
}

#[test]
fn empty_query_lists_everything_by_folded_name() {
    let idx = index();
    let outcome = idx.search("", &Filters::default());
    let hits = names(&outcome);
    assert_eq!(hits.len(), catalog().procedures.len());
    // "Árbol" sorts with the a's, not after "Z" as raw code points would.
    assert_eq!(hits[0], "Árbol: permiso de poda");
    let folded: Vec<String> = hits.iter().map(|n| text::fold(n)).collect();
    let mut sorted = folded.clone();
    sorted.sort();
    assert_eq!(folded, sorted);
    assert!(outcome
        .hits
        .iter()
        .all(|h| h.score == 0.0 && h.highlights.is_empty()));
    // Only stop words or spaces is the same as empty.
    assert_eq!(names(&idx.search("  de la ", &Filters::default())), hits);
}

#[test]
fn filters_restrict_hits() {
    let idx = index();
    let by = |f: Filters| names(&idx.search("certificado", &f));
    assert_eq!(by(Filters::default()).len(), 3);
    assert_eq!(
        by(Filters {
            agency: Some("SERECI".into()),
            ..Filters::default()
        }),
        ["Certificado de matrimonio", "Certificado de nacimiento"]
    );
    assert_eq!(
        by(Filters {
            free_only: true,
            ..Filters::default()
        }),
        ["Certificado de nacimiento"]
    );
    assert_eq!(
        by(Filters {
            category: Some("transporte".into()),
            ..Filters::default()
        }),
        ["Certificación de licencias"]
    );
    assert_eq!(
        by(Filters {
            modality: Some(ModalityKind::Online),
            ..Filters::default()
        })
        .len(),
        2
    );
    assert!(by(Filters {
        agency: Some("NOPE".into()),
        ..Filters::default()
    })
    .is_empty());
}

#[test]
fn facet_counts_are_disjunctive() {
    let idx = index();
    let filters = Filters {
        agency: Some("SERECI".into()),
        modality: Some(ModalityKind::Online),
        ..Filters::default()
    };
    let outcome = idx.search("certificado", &filters);
    assert_eq!(outcome.hits.len(), 2);
    let f = &outcome.facets;
    // Agencies ignore the agency filter but keep the modality one: the OPT certificate
    // is in person only, so OPT does not appear.
    assert_eq!(
        f.agencies,
        [FacetCount {
            value: "SERECI".into(),
            count: 2
        }]
    );
    assert_eq!(
        f.categories,
        [FacetCount {
            value: "identidad".into(),
            count: 2
        }]
    );
    // Modality counts ignore the modality filter: both SERECI certificates.
    assert_eq!((f.online, f.in_person), (2, 2));
    assert_eq!(f.free, 1);

    // Without the modality filter, the other agencies show with their counts.
    let outcome = idx.search(
        "certificado",
        &Filters {
            modality: None,
            ..filters.clone()
        },
    );
    let f = &outcome.facets;
    assert_eq!(facet(&f.agencies, "SERECI"), Some(2));
    assert_eq!(facet(&f.agencies, "OPT"), Some(1));
    assert_eq!(f.agencies[0].value, "SERECI", "by count, then value");
    assert_eq!((f.online, f.in_person), (2, 2));
}

#[test]
fn facets_without_query_count_the_whole_catalog() {
    let outcome = index().search(
        "",
        &Filters {
            free_only: true,
            ..Filters::default()
        },
    );
    let f = &outcome.facets;
    assert_eq!(outcome.hits.len(), 4);
    assert_eq!(f.free, 4);
    assert_eq!(f.online, 3);
    assert_eq!(facet(&f.agencies, "OPT"), None, "OPT has nothing free");
    assert_eq!(facet(&f.agencies, "SERECI"), Some(1));
    let counts: Vec<usize> = f.agencies.iter().map(|a| a.count).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn selected_values_stay_in_facets_at_zero() {
    let filters = Filters {
        agency: Some("OPT".into()),
        category: Some("viajes".into()),
        ..Filters::default()
    };
    let outcome = index().search("pasaporte", &filters);
    assert!(outcome.hits.is_empty());
    let f = &outcome.facets;
    assert_eq!(facet(&f.agencies, "OPT"), Some(0));
    assert_eq!(facet(&f.agencies, "DGM"), Some(2));
    assert_eq!(facet(&f.categories, "viajes"), Some(0));
    assert_eq!(f.agencies.last().map(|a| a.value.as_str()), Some("OPT"));
    // Even a value the catalog has never seen.
    let outcome = index().search(
        "",
        &Filters {
            agency: Some("XYZ".into()),
            ..Filters::default()
        },
    );
    assert_eq!(facet(&outcome.facets.agencies, "XYZ"), Some(0));
}

#[test]
fn unmatched_query_has_empty_facets() {
    let outcome = index().search("zzzzzz", &Filters::default());
    assert!(outcome.hits.is_empty());
    assert_eq!(outcome.facets, FacetCounts::default());
}

#[test]
fn empty_catalog_is_fine() {
    let idx = SearchIndex::new(&CatalogIndex::default());
    assert!(idx.is_empty());
    assert_eq!(
        idx.search("pasaporte", &Filters::default()),
        SearchOutcome::default()
    );
    assert_eq!(
        idx.search("", &Filters::default()),
        SearchOutcome::default()
    );
}

#[test]
fn synonyms_stay_out_of_summaries_but_phrases_match_word_for_word() {
    let cat = CatalogIndex {
        procedures: vec![
            procedure(
                "Legalización de título",
                "MIN-EDU",
                "educacion",
                "Presente su documento de identidad.",
            ),
            procedure(
                "Duplicado de documento de identidad",
                "SEGIP",
                "identidad",
                "",
            ),
            procedure("Pasaporte", "DGM", "viajes", "Para su próximo viaje."),
        ],
        ..CatalogIndex::default()
    };
    let idx = SearchIndex::new(&cat);
    let docs = |q: &str| -> Vec<usize> {
        idx.search(q, &Filters::default())
            .hits
            .iter()
            .map(|h| h.doc)
            .collect()
    };
    // The phrase itself matches anywhere, best in the name.
    assert_eq!(docs("documento de identidad"), [1, 0]);
    // Its synonyms only reach names and keywords.
    assert_eq!(docs("carnet"), [1]);
    // "viaje" in a summary does not make a passport procedure, only the word itself.
    assert_eq!(docs("viaje"), [2]);
    assert_eq!(docs("pasaporte"), [2]);
}

#[test]
fn empty_filter_values_select_nothing() {
    let idx = index();
    let empty = Filters {
        agency: Some(String::new()),
        category: Some(String::new()),
        ..Filters::default()
    };
    assert_eq!(
        idx.search("certificado", &empty),
        idx.search("certificado", &Filters::default())
    );
}
