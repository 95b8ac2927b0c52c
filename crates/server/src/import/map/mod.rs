//! gob.bo record → catalog [`Procedure`].
//!
//! Only the name, the slug and the agency name are required; every other field is
//! cleaned up or left empty, so one sloppy field never costs a whole procedure.
//!
//! Layout: this file maps the record and its agency, categories and links;
//! [`modality`] the ways of doing the procedure (costs, steps, hours), [`requirements`]
//! what to bring, [`offices`] where.

mod modality;
mod offices;
mod requirements;

use std::collections::HashSet;

use cc_core::catalog::{plain_text, Agency, Block, Category, Link, Procedure, RichText};
use serde_json::Value;

use crate::import::html::html_to_rich_text;
use crate::import::source::{value_name, RawAgency, RawLink, RawProcedure};
use crate::import::text::{
    fold, initials, item_lines, plain_line, plain_multiline, safe_url, slugify, summarize, web_url,
};
use crate::import::units::iso_date;
use crate::import::ImportError;

use modality::{common_audience, modalities};
use offices::offices;

/// Longest summary shown in result lists, in characters.
pub const SUMMARY_MAX_CHARS: usize = 220;

/// The only `estado` that is imported: drafts and withdrawn procedures must not appear.
const PUBLISHED: &str = "PUBLICADO";

/// Maps one record, or says why it cannot be imported.
pub fn procedure(raw: RawProcedure) -> Result<Procedure, ImportError> {
    check_published(raw.estado.as_deref())?;
    let name = required_line(raw.nombre.as_deref(), "nombre")?;
    let slug = raw.slug.as_deref().map(slugify).filter(|s| !s.is_empty());
    let slug = slug.ok_or(ImportError::MissingField("slug"))?;
    let agency = agency(raw.entidad.ok_or(ImportError::MissingField("entidad"))?)?;
    let description = raw
        .descripcion
        .as_deref()
        .map(html_to_rich_text)
        .unwrap_or_default();
    let result = optional_line(raw.resultado.as_deref());
    let modalities = modalities(raw.modalidades, raw.es_presencial, raw.es_virtual);
    Ok(Procedure {
        summary: summary(&description, result.as_deref(), &name),
        audience: common_audience(&modalities),
        acronym: optional_line(raw.sigla.as_deref()),
        categories: categories(&raw.categorias),
        life_events: names(&raw.eventos_vida),
        keywords: names(&raw.palabras_clave),
        offices: offices(raw.ubicaciones, &agency.name),
        legal_basis: raw
            .marco_legal
            .as_deref()
            .map(item_lines)
            .unwrap_or_default(),
        links: links(raw.enlaces),
        updated: raw.fecha_actualizacion.as_deref().and_then(iso_date),
        slug,
        name,
        description,
        result,
        agency,
        modalities,
    })
}

/// Rejects anything but published records (a missing `estado` included).
fn check_published(estado: Option<&str>) -> Result<(), ImportError> {
    match estado.map(str::trim) {
        Some(estado) if estado.eq_ignore_ascii_case(PUBLISHED) => Ok(()),
        other => Err(ImportError::NotPublished(other.map(String::from))),
    }
}

/// A one-line plain-text field that must not be empty.
fn required_line(text: Option<&str>, field: &'static str) -> Result<String, ImportError> {
    optional_line(text).ok_or(ImportError::MissingField(field))
}

/// A one-line plain-text field; blank becomes `None`.
pub(super) fn optional_line(text: Option<&str>) -> Option<String> {
    text.map(plain_line).filter(|s| !s.is_empty())
}

/// The summary: the first sentences of the description, else the result, else the name.
fn summary(description: &RichText, result: Option<&str>, name: &str) -> String {
    let lines: Vec<String> = plain_text(lead(description))
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(String::from)
        .collect();
    if lines.is_empty() {
        return result.unwrap_or(name).to_string();
    }
    summarize(&lines, SUMMARY_MAX_CHARS)
}

/// The introduction of a description: the blocks before its first list (a list holds
/// details, not a summary), or the list itself when the description starts with one.
fn lead(description: &RichText) -> &[Block] {
    let is_list = |block: &Block| matches!(block, Block::List { .. });
    let end = description
        .iter()
        .skip(1)
        .position(is_list)
        .map_or(description.len(), |i| i + 1);
    &description[..end]
}

/// `entidad` → [`Agency`]; the acronym falls back to the initials of the name because
/// tickets and URLs need one.
fn agency(raw: RawAgency) -> Result<Agency, ImportError> {
    let name = required_line(raw.nombre.as_deref(), "entidad.nombre")?;
    let slug = [raw.slug.as_deref().map(slugify), Some(slugify(&name))]
        .into_iter()
        .flatten()
        .find(|slug| !slug.is_empty())
        .ok_or(ImportError::MissingField("entidad.slug"))?;
    let acronym = optional_line(raw.sigla.as_deref())
        .or_else(|| Some(initials(&name)).filter(|i| !i.is_empty()))
        .unwrap_or_else(|| slug.to_uppercase());
    Ok(Agency {
        slug,
        description: raw
            .descripcion
            .as_deref()
            .map(plain_multiline)
            .filter(|s| !s.is_empty()),
        website: raw.url_sitio_web.as_deref().and_then(web_url),
        phone: optional_line(raw.telefono_contacto.as_deref()),
        email: raw.correo_electronico_contacto.as_deref().and_then(email),
        acronym,
        name,
    })
}

/// A plausible e-mail address (the source sometimes prefixes `mailto:`).
fn email(text: &str) -> Option<String> {
    let text = text.trim();
    let address = text.strip_prefix("mailto:").unwrap_or(text);
    let plausible = address.contains('@') && !address.contains(char::is_whitespace);
    plausible.then(|| address.to_string())
}

/// Names from strings or named objects, trimmed, deduplicated ignoring case and accents.
fn names(values: &[Value]) -> Vec<String> {
    let mut seen = HashSet::new();
    values
        .iter()
        .filter_map(value_name)
        .map(|name| plain_line(&name))
        .filter(|name| !name.is_empty() && seen.insert(fold(name)))
        .collect()
}

/// `categorias` → [`Category`]; a missing slug is derived from the name.
fn categories(values: &[Value]) -> Vec<Category> {
    let mut seen = HashSet::new();
    values
        .iter()
        .filter_map(|value| {
            let name = plain_line(&value_name(value)?);
            let given = value.get("slug").and_then(Value::as_str).map(slugify);
            let slug = given
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| slugify(&name));
            Some(Category { slug, name })
        })
        .filter(|category| !category.slug.is_empty() && seen.insert(category.slug.clone()))
        .collect()
}

/// `enlaces` → [`Link`]s with safe targets, one per URL; a nameless link shows its URL.
fn links(raw: Vec<RawLink>) -> Vec<Link> {
    let mut seen = HashSet::new();
    raw.into_iter()
        .filter_map(|link| {
            let url = safe_url(link.url.as_deref()?)?;
            let name = optional_line(link.nombre.as_deref()).unwrap_or_else(|| url.clone());
            Some(Link { name, url })
        })
        .filter(|link| seen.insert(link.url.clone()))
        .collect()
}

#[cfg(test)]
mod tests;
