//! Checks of the service points as `/puntos-de-atencion` reads them: the list conforms
//! to the document, each point's procedures exist in the catalog, its hours are
//! readable and its ids unique.

use std::collections::HashSet;

use cc_core::service_points::{parse_minutes, ServicePoints};

use super::kit::{fail, Kit};

pub(super) fn service_points(kit: &mut Kit) {
    let answer = kit.expect("GET", "/service-points", kit.get("/service-points"), &[200]);
    let points = answer.and_then(|a| {
        let json = a.json().unwrap_or_default();
        serde_json::from_value::<ServicePoints>(json)
            .map_err(|e| format!("not service points: {e}"))
    });
    let points = match points {
        Ok(points) => points,
        Err(e) => {
            kit.record("service points", Err(e));
            return;
        }
    };
    kit.record(
        "service points",
        Ok(format!("{} points", points.points.len())),
    );

    let index = kit.get("/catalog/index").ok().and_then(|a| a.json());
    let slugs: HashSet<String> = index
        .as_ref()
        .and_then(|i| i.pointer("/procedures"))
        .and_then(|p| p.as_array())
        .map(|list| {
            list.iter()
                .filter_map(|p| p["slug"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let unknown: Vec<&str> = points
        .points
        .iter()
        .flat_map(|p| p.procedures.iter())
        .map(|p| p.slug.as_str())
        .filter(|slug| !slugs.contains(*slug))
        .collect();
    kit.record(
        "service points: procedures are in the catalog",
        if unknown.is_empty() {
            Ok(String::new())
        } else {
            fail(format!("not in the catalog: {unknown:?}"))
        },
    );

    let mut ids = HashSet::new();
    let repeated: Vec<&str> = points
        .points
        .iter()
        .map(|p| p.id.as_str())
        .filter(|id| !ids.insert(*id))
        .collect();
    let unreadable: Vec<String> = points
        .points
        .iter()
        .flat_map(|p| p.hours.iter().flat_map(|h| h.ranges.iter()))
        .flat_map(|r| [&r.from, &r.to])
        .filter(|t| parse_minutes(t).is_none())
        .cloned()
        .collect();
    kit.record(
        "service points: unique ids, hours as HH:MM",
        match (repeated.is_empty(), unreadable.is_empty()) {
            (true, true) => Ok(String::new()),
            (false, _) => fail(format!("repeated ids: {repeated:?}")),
            (_, false) => fail(format!("unreadable times: {unreadable:?}")),
        },
    );
}
