//! The seeded services, their definitions and a few service requests, with the odd
//! corners real GeoReport v2 servers have: a `service_code` that is a JSON number, a
//! service with `metadata: false`, one without the optional fields, a service whose
//! filings answer only a token, a request `in_progress` and one whose
//! `expected_datetime` has no time zone.

use serde::Serialize;
use serde_json::{json, Value};

/// One allowed value of a list attribute.
#[derive(Debug, Clone, Serialize)]
pub struct AttributeValue {
    pub key: &'static str,
    pub name: &'static str,
}

/// One attribute of a service definition, as GeoReport v2 names its fields.
#[derive(Debug, Clone, Serialize)]
pub struct Attribute {
    /// `false`: text shown to the person, never a question (nothing is sent back).
    pub variable: bool,
    pub code: &'static str,
    /// `string`, `number`, `datetime`, `text`, `singlevaluelist` or `multivaluelist`.
    pub datatype: &'static str,
    pub required: bool,
    pub datatype_description: Option<&'static str>,
    pub order: u32,
    pub description: &'static str,
    /// Only list attributes have values; the spec leaves the element out otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<AttributeValue>,
}

impl Attribute {
    pub fn is_list(&self) -> bool {
        matches!(self.datatype, "singlevaluelist" | "multivaluelist")
    }
}

/// A service type and what the server does with its filings.
#[derive(Debug, Clone)]
pub struct Service {
    /// A string, or (odd corner) a JSON number: kept as the server sends it.
    pub code: Value,
    pub name: &'static str,
    pub description: Option<&'static str>,
    pub keywords: Option<&'static str>,
    pub group: Option<&'static str>,
    pub metadata: bool,
    pub attributes: Vec<Attribute>,
    /// Filings answer `[{"token": …}]` without an id (the server "queues" them).
    pub token_only: bool,
    pub notice: &'static str,
    pub agency: &'static str,
    /// Days until the request is expected to be dealt with; `None`: no estimate.
    pub expected_days: Option<i64>,
}

/// The code as text, whichever JSON type the server uses: what paths and forms carry.
pub fn code_text(code: &Value) -> String {
    match code {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl Service {
    pub fn code_text(&self) -> String {
        code_text(&self.code)
    }

    /// The entry of `services.json`; absent optional fields are left out, not null.
    pub fn list_entry(&self) -> Value {
        let mut entry = json!({
            "service_code": self.code,
            "service_name": self.name,
            "metadata": self.metadata,
            "type": "realtime",
        });
        let optional = [
            ("description", self.description),
            ("keywords", self.keywords),
            ("group", self.group),
        ];
        for (key, value) in optional {
            if let Some(value) = value {
                entry[key] = json!(value);
            }
        }
        entry
    }

    /// The body of `services/{code}.json`.
    pub fn definition(&self) -> Value {
        json!({ "service_code": self.code, "attributes": self.attributes })
    }
}

fn values(pairs: &[(&'static str, &'static str)]) -> Vec<AttributeValue> {
    pairs
        .iter()
        .map(|&(key, name)| AttributeValue { key, name })
        .collect()
}

#[allow(clippy::too_many_arguments)] // one line per attribute reads best in the seed
fn attribute(
    code: &'static str,
    datatype: &'static str,
    required: bool,
    order: u32,
    description: &'static str,
    datatype_description: Option<&'static str>,
    list: &[(&'static str, &'static str)],
) -> Attribute {
    Attribute {
        variable: true,
        code,
        datatype,
        required,
        datatype_description,
        order,
        description,
        values: values(list),
    }
}

/// The seeded services, in the order `services.json` lists them.
pub fn services() -> Vec<Service> {
    vec![
        Service {
            code: json!("bache"),
            name: "Baches y huecos en la vía",
            description: Some(
                "Huecos en calles y avenidas que dañan vehículos o ponen en peligro a peatones.",
            ),
            keywords: Some("bache,hueco,pavimento,calle,asfalto"),
            group: Some("Vías y tránsito"),
            metadata: true,
            attributes: vec![
                Attribute {
                    variable: false,
                    code: "aviso_peligro",
                    datatype: "text",
                    required: false,
                    datatype_description: None,
                    order: 1,
                    description:
                        "Si el hueco causó un accidente o hay personas heridas, llame al 911.",
                    values: Vec::new(),
                },
                attribute(
                    "tamano",
                    "singlevaluelist",
                    true,
                    2,
                    "¿Qué tamaño tiene el hueco?",
                    None,
                    &[
                        ("pequeno", "Pequeño (menos de 30 cm)"),
                        ("mediano", "Mediano (30 cm a 1 m)"),
                        ("grande", "Grande (más de 1 m)"),
                    ],
                ),
                attribute(
                    "profundidad_cm",
                    "number",
                    false,
                    3,
                    "Profundidad aproximada",
                    Some("En centímetros, por ejemplo 15"),
                    &[],
                ),
                attribute(
                    "desde",
                    "datetime",
                    false,
                    4,
                    "¿Desde cuándo está el hueco?",
                    Some("Fecha y hora aproximadas"),
                    &[],
                ),
            ],
            token_only: false,
            notice: "Los baches se reparan en un plazo de 5 días hábiles.",
            agency: "Secretaría de Obras Públicas",
            expected_days: Some(5),
        },
        Service {
            code: json!("alumbrado"),
            name: "Alumbrado público apagado",
            description: Some("Postes de luz apagados, intermitentes o encendidos de día."),
            keywords: Some("luz,poste,farola,lámpara,alumbrado"),
            group: Some("Servicios públicos"),
            metadata: true,
            attributes: vec![
                attribute(
                    "numero_poste",
                    "string",
                    true,
                    1,
                    "Número del poste",
                    Some("Está pintado en el poste, por ejemplo AP-1234"),
                    &[],
                ),
                attribute(
                    "horario",
                    "multivaluelist",
                    false,
                    2,
                    "¿Cuándo está apagado?",
                    None,
                    &[
                        ("noche", "De noche"),
                        ("madrugada", "De madrugada"),
                        ("todo_el_dia", "Todo el día"),
                    ],
                ),
                attribute("detalle", "text", false, 3, "Otros detalles", None, &[]),
            ],
            token_only: false,
            notice: "La empresa de energía revisa los postes reportados en 48 horas.",
            agency: "Empresa Municipal de Energía",
            expected_days: Some(2),
        },
        Service {
            // Odd corner: the code is a JSON number, not a string.
            code: json!(4),
            name: "Basura no recogida",
            description: Some("El camión recolector no pasó en el día y horario de su barrio."),
            keywords: Some("basura,residuos,recolección,camión"),
            group: Some("Aseo"),
            metadata: true,
            attributes: vec![
                attribute(
                    "ultima_recoleccion",
                    "datetime",
                    true,
                    1,
                    "¿Cuándo pasó el camión por última vez?",
                    None,
                    &[],
                ),
                attribute(
                    "tipo_residuo",
                    "multivaluelist",
                    true,
                    2,
                    "¿Qué basura quedó sin recoger?",
                    None,
                    &[
                        ("organico", "Orgánica"),
                        ("reciclable", "Reciclable"),
                        ("voluminoso", "Objetos grandes"),
                    ],
                ),
            ],
            token_only: false,
            notice: "El servicio de aseo programará una recolección adicional.",
            agency: "Empresa de Aseo",
            expected_days: None,
        },
        Service {
            // Odd corners: `metadata: false`, and filings answer only a token.
            code: json!("grafiti"),
            name: "Grafiti en espacio público",
            description: Some("Pintadas en fachadas, muros o mobiliario público."),
            keywords: Some("grafiti,pintada,muro,fachada"),
            group: Some("Espacio público"),
            metadata: false,
            attributes: Vec::new(),
            token_only: true,
            notice: "Las solicitudes de limpieza de grafiti se revisan una vez por semana.",
            agency: "Dirección de Espacio Público",
            expected_days: Some(10),
        },
        Service {
            // Odd corner: no description, keywords or group.
            code: json!("arbol_caido"),
            name: "Árbol caído",
            description: None,
            keywords: None,
            group: None,
            metadata: true,
            attributes: vec![attribute(
                "bloquea_via",
                "singlevaluelist",
                true,
                1,
                "¿El árbol bloquea la vía?",
                None,
                &[("si", "Sí"), ("no", "No")],
            )],
            token_only: false,
            notice: "Una cuadrilla retirará el árbol.",
            agency: "Dirección de Parques",
            expected_days: Some(1),
        },
        Service {
            code: json!("fuga_agua"),
            name: "Fuga de agua",
            description: Some("Agua que sale de tuberías, medidores o alcantarillas en la calle."),
            keywords: Some("agua,fuga,tubería,alcantarilla"),
            group: Some("Servicios públicos"),
            metadata: true,
            attributes: vec![
                attribute(
                    "tipo_agua",
                    "singlevaluelist",
                    true,
                    1,
                    "¿Qué tipo de agua sale?",
                    None,
                    &[("limpia", "Agua limpia"), ("servida", "Agua servida")],
                ),
                attribute(
                    "medidor",
                    "string",
                    false,
                    2,
                    "Número del medidor más cercano",
                    None,
                    &[],
                ),
            ],
            token_only: false,
            notice: "La empresa de agua atiende las fugas en 24 horas.",
            agency: "Empresa Municipal de Agua",
            expected_days: Some(1),
        },
    ]
}

/// The requests the server starts with (they are not counted as filings).
pub fn requests() -> Vec<Value> {
    vec![
        json!({
            "service_request_id": "SR-2026-0101",
            "status": "open",
            "status_notes": null,
            "service_name": "Baches y huecos en la vía",
            "service_code": "bache",
            "description": "Hueco grande frente al mercado central.",
            "agency_responsible": "Secretaría de Obras Públicas",
            "service_notice": "Los baches se reparan en un plazo de 5 días hábiles.",
            "requested_datetime": "2026-11-26T10:00:00-05:00",
            "updated_datetime": "2026-11-26T10:00:00-05:00",
            "expected_datetime": "2026-12-03T10:00:00-05:00",
            "address": "Calle Comercio 123",
            "lat": -16.4955,
            "long": -68.1336,
            "media_url": "https://municipio.example/media/sr-0101.jpg",
        }),
        json!({
            "service_request_id": "SR-2026-0102",
            "status": "closed",
            "status_notes": "Se cambió la luminaria del poste AP-2210.",
            "service_name": "Alumbrado público apagado",
            "service_code": "alumbrado",
            "description": "El poste de la esquina está apagado hace una semana.",
            "agency_responsible": "Empresa Municipal de Energía",
            "service_notice": null,
            "requested_datetime": "2026-11-20T19:30:00-05:00",
            "updated_datetime": "2026-11-22T08:15:00-05:00",
            "expected_datetime": null,
            "address": "Av. Arce y calle 6",
            "lat": null,
            "long": null,
            "media_url": null,
        }),
        json!({
            // Odd corners: a status outside the spec's two, and a date without a zone.
            "service_request_id": "SR-2026-0103",
            "status": "in_progress",
            "status_notes": "Cuadrilla asignada.",
            "service_name": "Fuga de agua",
            "service_code": "fuga_agua",
            "description": "Sale agua limpia de la acera.",
            "agency_responsible": "Empresa Municipal de Agua",
            "service_notice": "La empresa de agua atiende las fugas en 24 horas.",
            "requested_datetime": "2026-11-25T07:45:00-05:00",
            "updated_datetime": "2026-11-25T09:00:00-05:00",
            "expected_datetime": "2026-11-26T17:00:00",
            "address": null,
            "lat": -16.5,
            "long": -68.15,
            "media_url": null,
        }),
    ]
}
