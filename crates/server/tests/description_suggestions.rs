//! How often the wizard's self-service suggestions name the right procedure.
//!
//! Descriptions written as people write them in "¿Qué pasó?" (first person, the
//! problem rather than the procedure's name, missing accents), each with the procedures
//! that would answer it: 20 for the demo catalog (`crates/server/seed/catalog.json`,
//! what `make run` serves) and 20 for the real gob.bo export
//! (`shared/datasets/tramites-bo.jsonl`). Each test prints every description's
//! suggestions and the hit rate, and fails if the rate drops below today's or if a
//! description about nothing in the catalog gets a suggestion.
//!
//! `cargo test -p cc-server --test description_suggestions -- --nocapture --test-threads 1`

use cc_server::import::import_jsonl;
use cc_server::seed_procedures;
use cc_server::state::Catalog;

/// Today's hit rates (out of 20): a change to the engine may raise them, not lower them.
const MIN_DEMO_HITS: usize = 19;
const MIN_GOB_BO_HITS: usize = 19;

const DATASET: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/datasets/tramites-bo.jsonl"
);

/// For the real gob.bo export: (description, slugs of the procedures that answer it;
/// a hit is any of them among the suggestions).
const GOB_BO: [(&str, &[&str]); 20] = [
    (
        "Perdí mi diploma de bachiller y lo necesito para inscribirme en la universidad",
        &["tramite-de-diploma-de-bachiller-supletorio-por-robo-extravio-o-deterioro"],
    ),
    (
        "Me robaron la mochila con mi titulo de bachiller adentro, que hago",
        &["tramite-de-diploma-de-bachiller-supletorio-por-robo-extravio-o-deterioro"],
    ),
    (
        "Mi hijo de 12 años tiene que viajar a Santa Cruz con su abuela, qué permiso necesita",
        &["autorizacion-de-viaje-nacional-para-ninas-ninos-y-adolescentes-gamc"],
    ),
    (
        "Quiero abrir una tienda de barrio a mi nombre y registrarme como comerciante",
        &["tramite-1-inscripcion-de-comerciante-individual-o-empresa-unipersonal"],
    ),
    (
        "El banco dice que tengo una deuda que no es mía y quiero ver mi historial crediticio",
        &["certificado-de-informacion-crediticia"],
    ),
    (
        "La gestora no me paga la jubilación hace tres meses y quiero presentar un reclamo",
        &[
            "atencion-de-reclamos-escritos",
            "atencion-de-consultas-y-reclamos-por-plataformas-digitales-correo-electronico-o-telefonia",
            "atencion-de-reclamos-y-sugerencias-mediante-buzones-instalados-en-la-gestora-publica-de-la-seguridad-social-de-largo-plazo",
            "atencion-de-reclamos-y-consultas-presenciales-relacionados-con-el-mercado-de-seguros-y-o-el-sistema-integral-de-pensiones",
        ],
    ),
    (
        "La aseguradora no quiere pagar el choque de mi auto, quiero reclamar",
        &[
            "atencion-de-reclamos-escritos",
            "atencion-de-consultas-y-reclamos-por-plataformas-digitales-correo-electronico-o-telefonia",
            "atencion-de-reclamos-y-consultas-presenciales-relacionados-con-el-mercado-de-seguros-y-o-el-sistema-integral-de-pensiones",
        ],
    ),
    (
        "Terminé el colegio en Argentina y necesito que me reconozcan los estudios aquí",
        &["emision-de-diploma-a-traves-de-la-convalidacion-u-homologacion-de-estudios-en-el-extranjero"],
    ),
    (
        "Mi apellido está mal escrito en el diploma de bachiller",
        &["modificacion-de-datos-en-el-diploma-de-bachiller"],
    ),
    (
        "Me voy a estudiar a España y me piden el diploma de bachiller legalizado",
        &[
            "legalizacion-de-diploma-de-bachiller-original-para-estudios-en-el-exterior",
            "legalizacion-de-diploma-de-bachiller-original-para-estudios-en-el-exterior-previa-apostilla",
        ],
    ),
    (
        "Necesito legalizar las libretas de notas del colegio de mi hija",
        &["legalizacion-de-libretas-electronicas-o-certificados-de-notas"],
    ),
    (
        "Quiero traer un auto usado de Chile, qué certificado me piden para importarlo",
        &["certificado-de-aceptacion-para-importacion-de-vehiculos-automotores-antiguos-y-nuevos"],
    ),
    (
        "Estamos formando una cooperativa y queremos reservar el nombre",
        &["verificacion-y-reserva-de-denominacion"],
    ),
    (
        "Soy minero cooperativista y necesito un préstamo para comprar maquinaria",
        &[
            "solicitud-de-prestamo-al-fondo-de-financiamiento-para-la-mineria-fofim",
            "solicitud-de-prestamo-al-fondo-de-financiento-para-la-mineria-fofim-para-mecanizacion-hasta-bs500-000-00",
        ],
    ),
    (
        "Quiero tener mi ciudadanía digital para hacer trámites por internet",
        &["registro-en-ciudadania-digital", "registro-de-ciudadanos-digitales"],
    ),
    (
        "Salí sorteado para un departamento en el condominio Wiphala y no sé qué sigue",
        &["departamento-condominio-wiphala"],
    ),
    (
        "La alcaldía de Cochabamba le pide a mi taller un registro ambiental",
        &["certificado-de-registro-ambiental-municipal"],
    ),
    (
        "Soy maestra, trabajé cinco años en una escuela de frontera y no me reconocen esos años",
        &["tramite-de-reconocimiento-de-anos-de-servicio-docente-prestados-en-frontera"],
    ),
    (
        "Acabé la licenciatura en el conservatorio de música y debo legalizar mi título",
        &[
            "legalizacion-de-titulo-profesional-licenciatura-conservatorio-plurinacional-de-musica",
            "legalizacion-de-copia-de-resolucion-ministerial-de-titulo-profesional-licenciatura-conservatorio-plurinacional-de-musica",
        ],
    ),
    (
        "Quiero alquilar un espacio en el campo ferial para vender en la feria de navidad",
        &["arrendamiento-de-espacios-y-o-prestacion-de-servicios-adicionales-del-campo-ferial-chuquiago-marka"],
    ),
];

/// For the demo catalog.
const DEMO: [(&str, &[&str]); 20] = [
    (
        "Me robaron la cartera con el carnet y necesito sacar otro",
        &["duplicado-de-cedula-por-perdida-o-robo"],
    ),
    (
        "Perdí mi pasaporte en el viaje y tengo que volver a viajar el mes que viene",
        &["pasaporte-por-perdida-o-robo"],
    ),
    (
        "Me pusieron una multa de transito injusta porque ese día yo no estaba manejando",
        &["impugnacion-de-multa-de-transito"],
    ),
    (
        "Mi licencia de conducir se vence la próxima semana, qué hago",
        &["renovacion-de-la-licencia-de-conducir"],
    ),
    (
        "Trabajé diez años en la empresa y me echaron sin decirme por qué",
        &["reclamo-por-despido-sin-causa"],
    ),
    (
        "Renuncié hace dos meses y todavía no me pagan la liquidación",
        &["reclamo-por-falta-de-pago-de-liquidacion"],
    ),
    (
        "Mi jefe me grita y me humilla delante de mis compañeros de trabajo",
        &["denuncia-de-acoso-laboral"],
    ),
    (
        "Ya cumplí 65 años y quiero empezar a cobrar mi jubilación",
        &["jubilacion-por-vejez"],
    ),
    (
        "Mi esposo falleció y quiero saber si nos toca una pensión a mí y a mis hijos",
        &["pension-de-viudez-y-orfandad"],
    ),
    (
        "Quiero abrir una tienda de abarrotes en mi barrio, qué permiso necesita el local",
        &[
            "licencia-de-funcionamiento-para-negocios",
            "patente-municipal",
        ],
    ),
    (
        "Mi hija de 8 años va a viajar a Argentina con su abuela",
        &["autorizacion-de-salida-del-pais-para-menores"],
    ),
    (
        "Mi bebé nació hace una semana y quiero registrarlo",
        &["inscripcion-de-nacimiento"],
    ),
    (
        "Mi mamá es adulta mayor y le cobran mucho impuesto por su casa",
        &["exoneracion-del-impuesto-predial-para-adultos-mayores"],
    ),
    (
        "Tengo que pagar el impuesto de mi casa pero no sé cuánto debo",
        &["pago-del-impuesto-predial"],
    ),
    (
        "Perdí el título de bachiller y me lo piden en la universidad",
        &["duplicado-del-titulo-de-bachiller"],
    ),
    (
        "Terminé el colegio en Perú y necesito que me reconozcan los estudios aquí",
        &["reconocimiento-de-estudios-del-exterior"],
    ),
    (
        "Quiero vender comida en la calle con un carrito",
        &["permiso-de-comercio-en-la-via-publica"],
    ),
    (
        "Para un trabajo me piden un papel que diga que no tengo antecedentes",
        &["certificado-de-antecedentes-penales"],
    ),
    (
        "Mi hijo tiene una discapacidad y quiero el carnet para que reciba sus beneficios",
        &["certificado-de-discapacidad"],
    ),
    (
        "Compré un auto usado y quiero ponerlo a mi nombre",
        &["transferencia-de-dominio-de-vehiculo"],
    ),
];

/// About nothing either catalog offers: any suggestion would be noise.
const UNRELATED: [&str; 3] = [
    "El camión de la basura no pasa por mi calle desde hace dos semanas",
    "Hay un hueco enorme en la avenida y los autos se golpean",
    "Mi vecino pone música muy fuerte todas las noches",
];

/// Prints each description's suggestions and returns how many named a right one;
/// asserts the unrelated descriptions get none.
fn hit_rate(catalog: &Catalog, descriptions: &[(&str, &[&str])]) -> usize {
    let slug = |doc: usize| catalog.index.procedures[doc].slug.as_str();
    let mut hits = 0;
    for (description, expected) in descriptions {
        let suggested: Vec<&str> = catalog
            .search
            .for_description(description)
            .iter()
            .map(|h| slug(h.doc))
            .collect();
        let hit = suggested.iter().any(|s| expected.contains(s));
        hits += usize::from(hit);
        println!("{} {description}", if hit { "HIT " } else { "MISS" });
        for s in &suggested {
            println!("       {s}");
        }
    }
    println!("hit rate: {hits}/{}", descriptions.len());
    for description in UNRELATED {
        let names: Vec<&str> = catalog
            .search
            .for_description(description)
            .iter()
            .map(|h| slug(h.doc))
            .collect();
        assert!(names.is_empty(), "{description}: {names:?}");
    }
    hits
}

#[test]
fn the_demo_catalog_suggests_the_right_procedure_for_most_descriptions() {
    let catalog = Catalog::new(seed_procedures(), &[]);
    let hits = hit_rate(&catalog, &DEMO);
    assert!(hits >= MIN_DEMO_HITS, "hit rate fell to {hits}/20");
}

#[test]
fn the_real_catalog_suggests_the_right_procedure_for_most_descriptions() {
    let Ok(text) = std::fs::read(DATASET) else {
        eprintln!("skipped: {DATASET} is not there");
        return;
    };
    let catalog = Catalog::new(import_jsonl(text.as_slice()).procedures, &[]);
    let hits = hit_rate(&catalog, &GOB_BO);
    assert!(hits >= MIN_GOB_BO_HITS, "hit rate fell to {hits}/20");
}
