//! The gob.bo open-data record as published: one JSON object per line, Spanish field
//! names (see DESIGN.md, "Catalog data").
//!
//! Deserialisation is deliberately lenient, because the export is hand-filled data:
//! any field may be missing or `null`, scalars may come as strings or numbers, lists may
//! be `null`, and a malformed element of a list (one bad office) is dropped instead of
//! losing the whole procedure. Required fields are checked later, in `map`.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// One line of the export. Fields the catalog does not use (`like`, `logo`…) are ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawProcedure {
    #[serde(deserialize_with = "text")]
    pub estado: Option<String>,
    #[serde(
        rename = "fechaActualización",
        alias = "fechaActualizacion",
        deserialize_with = "text"
    )]
    pub fecha_actualizacion: Option<String>,
    #[serde(deserialize_with = "text")]
    pub nombre: Option<String>,
    #[serde(deserialize_with = "text")]
    pub slug: Option<String>,
    #[serde(deserialize_with = "text")]
    pub sigla: Option<String>,
    #[serde(deserialize_with = "text")]
    pub descripcion: Option<String>,
    #[serde(rename = "marcoLegal", deserialize_with = "text")]
    pub marco_legal: Option<String>,
    /// Strings in the export; objects with a name are accepted too.
    #[serde(rename = "palabrasClave", deserialize_with = "list")]
    pub palabras_clave: Vec<Value>,
    #[serde(rename = "esPresencial", deserialize_with = "flag")]
    pub es_presencial: Option<bool>,
    #[serde(rename = "esVirtual", deserialize_with = "flag")]
    pub es_virtual: Option<bool>,
    #[serde(deserialize_with = "lenient")]
    pub entidad: Option<RawAgency>,
    #[serde(deserialize_with = "text")]
    pub resultado: Option<String>,
    #[serde(deserialize_with = "list")]
    pub enlaces: Vec<RawLink>,
    /// `{nombre, slug}` objects in the export; bare names are accepted too.
    #[serde(deserialize_with = "list")]
    pub categorias: Vec<Value>,
    /// Names in the export; objects with a name are accepted too.
    #[serde(rename = "eventosVida", deserialize_with = "list")]
    pub eventos_vida: Vec<Value>,
    #[serde(deserialize_with = "list")]
    pub modalidades: Vec<RawModality>,
    #[serde(deserialize_with = "list")]
    pub ubicaciones: Vec<RawLocation>,
}

/// `entidad`: the agency in charge.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawAgency {
    #[serde(deserialize_with = "text")]
    pub nombre: Option<String>,
    #[serde(deserialize_with = "text")]
    pub sigla: Option<String>,
    #[serde(deserialize_with = "text")]
    pub slug: Option<String>,
    #[serde(deserialize_with = "text")]
    pub descripcion: Option<String>,
    #[serde(rename = "urlSitioWeb", deserialize_with = "text")]
    pub url_sitio_web: Option<String>,
    #[serde(rename = "telefonoContacto", deserialize_with = "text")]
    pub telefono_contacto: Option<String>,
    #[serde(rename = "correoElectronicoContacto", deserialize_with = "text")]
    pub correo_electronico_contacto: Option<String>,
}

/// `enlaces[]`: related web pages.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawLink {
    #[serde(deserialize_with = "text")]
    pub nombre: Option<String>,
    #[serde(deserialize_with = "text")]
    pub url: Option<String>,
}

/// `modalidades[]`: in person (`PRESENCIAL`) or online (`VIRTUAL`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawModality {
    #[serde(deserialize_with = "text")]
    pub tipo: Option<String>,
    #[serde(deserialize_with = "text")]
    pub url: Option<String>,
    #[serde(rename = "urlSeguimiento", deserialize_with = "text")]
    pub url_seguimiento: Option<String>,
    #[serde(deserialize_with = "list")]
    pub publico: Vec<RawAudience>,
}

/// `publico[]`: the details of a modality for one target audience.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawAudience {
    #[serde(rename = "tieneCosto", deserialize_with = "flag")]
    pub tiene_costo: Option<bool>,
    #[serde(deserialize_with = "text")]
    pub duracion: Option<String>,
    #[serde(rename = "unidadMedidaDuracion", deserialize_with = "text")]
    pub unidad_medida_duracion: Option<String>,
    /// HTML.
    #[serde(deserialize_with = "text")]
    pub procedimiento: Option<String>,
    /// Free-text requirements (text or HTML), beside the structured `requisitos`.
    #[serde(rename = "requisitoNoParametrizado", deserialize_with = "text")]
    pub requisito_no_parametrizado: Option<String>,
    #[serde(rename = "nombrePublicoObjetivo", deserialize_with = "text")]
    pub nombre_publico_objetivo: Option<String>,
    #[serde(deserialize_with = "list")]
    pub horario: Vec<RawHours>,
    #[serde(deserialize_with = "list")]
    pub costos: Vec<RawCost>,
    #[serde(deserialize_with = "list")]
    pub requisitos: Vec<RawRequirement>,
}

/// `costos[]`: `{conceptoPago, costo: "38.00", moneda: "Bs"}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawCost {
    #[serde(rename = "conceptoPago", deserialize_with = "text")]
    pub concepto_pago: Option<String>,
    #[serde(deserialize_with = "text")]
    pub costo: Option<String>,
    #[serde(deserialize_with = "text")]
    pub moneda: Option<String>,
}

/// `requisitos[]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawRequirement {
    #[serde(deserialize_with = "text")]
    pub nombre: Option<String>,
    #[serde(deserialize_with = "text")]
    pub comentario: Option<String>,
}

/// `horario[]`: one weekday, either continuous (morning fields only) or split in a
/// morning and an afternoon shift.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawHours {
    #[serde(deserialize_with = "text")]
    pub dia: Option<String>,
    #[serde(deserialize_with = "flag")]
    pub continuo: Option<bool>,
    #[serde(rename = "inicioManiana", deserialize_with = "text")]
    pub inicio_maniana: Option<String>,
    #[serde(rename = "finManiana", deserialize_with = "text")]
    pub fin_maniana: Option<String>,
    #[serde(rename = "inicioTarde", deserialize_with = "text")]
    pub inicio_tarde: Option<String>,
    #[serde(rename = "finTarde", deserialize_with = "text")]
    pub fin_tarde: Option<String>,
}

/// `ubicaciones[]`: an office.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawLocation {
    #[serde(deserialize_with = "text")]
    pub nombre: Option<String>,
    #[serde(deserialize_with = "lenient")]
    pub ubicacion: Option<RawPlace>,
}

/// `ubicacion`: coordinates come as strings in the export.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawPlace {
    #[serde(deserialize_with = "text")]
    pub latitud: Option<String>,
    #[serde(deserialize_with = "text")]
    pub longitud: Option<String>,
    #[serde(rename = "dirección", alias = "direccion", deserialize_with = "text")]
    pub direccion: Option<String>,
}

/// The display name of a list element that is a string or an object with a name field.
pub fn value_name(value: &Value) -> Option<String> {
    const NAME_KEYS: &[&str] = &["nombre", "palabraClave", "palabra", "valor", "name"];
    let name = match value {
        Value::String(s) => Some(s.as_str()),
        Value::Object(map) => NAME_KEYS.iter().find_map(|key| map.get(*key)?.as_str()),
        _ => None,
    };
    name.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

/// Text from a string, number or boolean; `None` for null, blank or non-scalar values.
fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    let text = match Value::deserialize(deserializer)? {
        Value::String(s) => s,
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => return Ok(None),
    };
    Ok(Some(text).filter(|s| !s.trim().is_empty()))
}

/// A boolean from `true`/`false`, `"true"`/`"si"`/`"no"` or `1`/`0`; `None` otherwise.
fn flag<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<bool>, D::Error> {
    let flag = match Value::deserialize(deserializer)? {
        Value::Bool(b) => Some(b),
        Value::Number(n) => n.as_i64().map(|n| n != 0),
        Value::String(s) => match s.trim().to_lowercase().as_str() {
            "true" | "si" | "sí" | "1" => Some(true),
            "false" | "no" | "0" => Some(false),
            _ => None,
        },
        _ => None,
    };
    Ok(flag)
}

/// An object of the expected shape, or `None` when null or malformed.
fn lenient<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    Ok(T::deserialize(Value::deserialize(deserializer)?).ok())
}

/// The well-formed elements of an array; null or a non-array gives an empty list.
fn list<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    let Value::Array(items) = Value::deserialize(deserializer)? else {
        return Ok(Vec::new());
    };
    Ok(items
        .into_iter()
        .filter_map(|item| T::deserialize(item).ok())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nulls_numbers_and_wrong_types_are_tolerated() {
        let raw: RawProcedure = serde_json::from_value(json!({
            "nombre": 42,
            "slug": "  ",
            "sigla": null,
            "palabrasClave": null,
            "esVirtual": "si",
            "entidad": "not an object",
            "categorias": {"nombre": "not a list"},
            "ubicaciones": [7, {"nombre": "Oficina", "ubicacion": {"latitud": -16.5}}],
            "fechaActualizacion": "01/02/2025"
        }))
        .unwrap();
        assert_eq!(raw.nombre.as_deref(), Some("42"));
        assert_eq!(raw.slug, None);
        assert!(raw.palabras_clave.is_empty());
        assert_eq!(raw.es_virtual, Some(true));
        assert!(raw.entidad.is_none());
        assert!(raw.categorias.is_empty());
        assert_eq!(raw.ubicaciones.len(), 1);
        let place = raw.ubicaciones[0].ubicacion.as_ref().unwrap();
        assert_eq!(place.latitud.as_deref(), Some("-16.5"));
        assert_eq!(raw.fecha_actualizacion.as_deref(), Some("01/02/2025"));
    }

    #[test]
    fn names_from_strings_or_objects() {
        assert_eq!(
            value_name(&json!(" registro ")).as_deref(),
            Some("registro")
        );
        assert_eq!(
            value_name(&json!({"nombre": "Empleo"})).as_deref(),
            Some("Empleo")
        );
        assert_eq!(
            value_name(&json!({"palabraClave": "dual"})).as_deref(),
            Some("dual")
        );
        assert_eq!(value_name(&json!({"id": 3})), None);
        assert_eq!(value_name(&json!("")), None);
        assert_eq!(value_name(&json!(null)), None);
    }
}
