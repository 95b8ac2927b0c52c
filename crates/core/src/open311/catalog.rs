//! Open311 services as the app's catalog: each service a topic people can find with
//! the catalog's search engine (its name, description and the server's keywords),
//! grouped by the server's `group`.

use crate::catalog::{Agency, CatalogIndex, Category, Procedure, ProcedureSummary};
use crate::search::fold;

use super::Service;

/// A group's slug for filters and URLs: folded, spaces as dashes.
fn group_slug(group: &str) -> String {
    fold(group)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

fn categories(service: &Service) -> Vec<Category> {
    service
        .group
        .as_deref()
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .map(|g| Category {
            slug: group_slug(g),
            name: g.to_string(),
        })
        .into_iter()
        .collect()
}

/// The catalog index of a server's services; `agency` is who runs the server (Open311
/// names none per service).
pub fn catalog_index(services: &[Service], agency: &Agency) -> CatalogIndex {
    let mut all_categories: Vec<Category> = Vec::new();
    let procedures = services
        .iter()
        .map(|s| {
            let cats = categories(s);
            for c in &cats {
                if !all_categories.iter().any(|x| x.slug == c.slug) {
                    all_categories.push(c.clone());
                }
            }
            ProcedureSummary {
                slug: s.code.clone(),
                name: s.name.clone(),
                acronym: None,
                summary: s.description.clone(),
                agency: agency.acronym.clone(),
                categories: cats.into_iter().map(|c| c.slug).collect(),
                keywords: s.keywords.clone(),
                online: true,
                in_person: false,
                free: true,
            }
        })
        .collect();
    CatalogIndex {
        synonyms: Vec::new(),
        agencies: vec![agency.clone()],
        categories: all_categories,
        procedures,
    }
}

/// The page of one service: what it is for, and the way to report it.
pub fn procedure(service: &Service, agency: &Agency) -> Procedure {
    Procedure {
        slug: service.code.clone(),
        name: service.name.clone(),
        acronym: None,
        summary: service.description.clone(),
        description: Default::default(),
        result: None,
        audience: None,
        agency: agency.clone(),
        categories: categories(service),
        life_events: Vec::new(),
        keywords: service.keywords.clone(),
        modalities: Vec::new(),
        offices: Vec::new(),
        legal_basis: Vec::new(),
        links: Vec::new(),
        updated: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service(code: &str, name: &str, group: Option<&str>, keywords: &[&str]) -> Service {
        Service {
            code: code.into(),
            name: name.into(),
            description: format!("Reporte de {name}"),
            group: group.map(Into::into),
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            metadata: false,
        }
    }

    fn city() -> Agency {
        Agency {
            acronym: "CIUDAD".into(),
            slug: "ciudad".into(),
            name: "Alcaldía de Prueba".into(),
            description: None,
            website: None,
            phone: None,
            email: None,
        }
    }

    #[test]
    fn services_become_searchable_topics_grouped_by_their_group() {
        let services = [
            service(
                "001",
                "Bache en la vía",
                Some("Vías y Tránsito"),
                &["hueco", "calle"],
            ),
            service("002", "Luminaria apagada", Some("Alumbrado"), &["luz"]),
            service("003", "Semáforo dañado", Some("Vías y Tránsito"), &[]),
            service("004", "Otro", None, &[]),
        ];
        let index = catalog_index(&services, &city());
        assert_eq!(index.agencies, vec![city()]);
        assert_eq!(
            index.categories,
            vec![
                Category {
                    slug: "vias-y-transito".into(),
                    name: "Vías y Tránsito".into()
                },
                Category {
                    slug: "alumbrado".into(),
                    name: "Alumbrado".into()
                },
            ]
        );
        let first = &index.procedures[0];
        assert_eq!(first.slug, "001");
        assert_eq!(first.agency, "CIUDAD");
        assert_eq!(first.categories, vec!["vias-y-transito".to_string()]);
        assert_eq!(
            first.keywords,
            vec!["hueco".to_string(), "calle".to_string()]
        );
        assert!(index.procedures[3].categories.is_empty());
        // The catalog's engine finds a topic by a keyword the server gave.
        let engine = crate::search::SearchIndex::new(&index);
        let hits = engine.search("hueco", &Default::default()).hits;
        assert_eq!(hits.first().map(|h| h.doc), Some(0));
    }

    #[test]
    fn a_service_page_names_the_city_and_its_group() {
        let s = service("002", "Luminaria apagada", Some("Alumbrado"), &["luz"]);
        let p = procedure(&s, &city());
        assert_eq!(
            (p.slug.as_str(), p.name.as_str()),
            ("002", "Luminaria apagada")
        );
        assert_eq!(p.summary, "Reporte de Luminaria apagada");
        assert_eq!(p.agency, city());
        assert_eq!(p.categories[0].slug, "alumbrado");
        assert_eq!(p.keywords, vec!["luz".to_string()]);
        assert!(p.modalities.is_empty());
    }
}
