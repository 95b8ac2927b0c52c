//! A deterministic synthetic catalog of Bolivian-looking procedures, shared by the
//! speed bench (`benches/search.rs`) and the relevance bench (`bench/` at the repo root).

use cc_core::catalog::{Agency, CatalogIndex, Category, ProcedureSummary};

/// Deterministic xorshift64* generator: the catalog must be identical on every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

pub const AGENCIES: &[(&str, &str)] = &[
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

pub const CATEGORIES: &[(&str, &str)] = &[
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
pub fn synthetic(count: usize) -> Vec<ProcedureSummary> {
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

/// The synthetic agencies and categories, as catalog entries.
pub fn agencies_and_categories() -> (Vec<Agency>, Vec<Category>) {
    let agencies = AGENCIES
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
        .collect();
    let categories = CATEGORIES
        .iter()
        .map(|&(slug, name)| Category {
            slug: slug.into(),
            name: name.into(),
        })
        .collect();
    (agencies, categories)
}

/// `catalog` padded with synthetic procedures up to `size` (agencies and categories
/// added as needed), the real procedures spread evenly among them.
pub fn expand(catalog: &CatalogIndex, size: usize) -> CatalogIndex {
    let (agencies, categories) = agencies_and_categories();
    let mut out = CatalogIndex {
        synonyms: Vec::new(),
        agencies: catalog.agencies.clone(),
        categories: catalog.categories.clone(),
        procedures: synthetic(size.saturating_sub(catalog.procedures.len())),
    };
    out.agencies.extend(
        agencies
            .into_iter()
            .filter(|a| catalog.agency(&a.acronym).is_none()),
    );
    out.categories.extend(
        categories
            .into_iter()
            .filter(|c| catalog.category(&c.slug).is_none()),
    );
    let real = catalog.procedures.len().max(1);
    let step = out.procedures.len() / real + 1;
    for (k, p) in catalog.procedures.iter().enumerate() {
        out.procedures
            .insert((k * step).min(out.procedures.len()), p.clone());
    }
    out
}
