//! `requisitos` → [`Requirement`]s: what to bring, read from names and comments.

use cc_core::catalog::Requirement;

use crate::import::source::RawRequirement;
use crate::import::text::{fold, item_lines, plain_multiline};

use super::optional_line;

/// Catalog names gob.bo uses for "some other requirement", whose substance is the comment.
const GENERIC_REQUIREMENT_NAMES: &[&str] = &["requisito de tramite", "otros requisitos", "otros"];

/// Comments stating there is nothing to bring.
const NO_REQUIREMENT: &[&str] = &["sin requisitos", "ninguno", "no requiere", "no aplica"];

/// `requisitos` plus the free-text `requisitoNoParametrizado`, one requirement per line.
pub(super) fn requirements(raw: &[RawRequirement], free_text: Option<&str>) -> Vec<Requirement> {
    let listed = raw.iter().flat_map(requirement);
    let free = free_text.map(item_lines).unwrap_or_default();
    listed
        .chain(free.into_iter().map(|name| Requirement {
            name,
            comment: None,
        }))
        .collect()
}

/// One listed requirement, which may expand to several or to none:
/// * a generic name ("Requisito de Trámite") gives way to its comment, one requirement
///   per line, because that is where the agency wrote the actual requirement;
/// * a missing name counts as generic;
/// * a generic one without comment, or saying "Sin requisitos", means nothing to bring;
/// * on a named one, a comment saying "Ninguno" or repeating the name is dropped.
pub(super) fn requirement(raw: &RawRequirement) -> Vec<Requirement> {
    let name = optional_line(raw.nombre.as_deref());
    let comment = raw
        .comentario
        .as_deref()
        .map(plain_multiline)
        .filter(|c| !c.is_empty());
    let is_generic = name
        .as_deref()
        .is_none_or(|n| GENERIC_REQUIREMENT_NAMES.contains(&fold(n).as_str()));
    let says_none = comment
        .as_deref()
        .is_some_and(|c| NO_REQUIREMENT.contains(&fold(c).trim_end_matches('.')));
    match (name, comment) {
        (Some(name), comment) if !is_generic => {
            let comment = comment.filter(|c| !says_none && fold(c) != fold(&name));
            vec![Requirement { name, comment }]
        }
        (_, Some(comment)) if !says_none => item_lines(&comment)
            .into_iter()
            .map(|name| Requirement {
                name,
                comment: None,
            })
            .collect(),
        _ => Vec::new(),
    }
}
