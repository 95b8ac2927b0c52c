//! Nothing a server sends makes the app panic: random text, random JSON, and every
//! cut-off prefix of real answers go through every Open311 decoder and through
//! `serde_json::from_str` of every wire type the app reads from our own backend.
//! (A panic in the browser is a dead page; an error is a message the person can act
//! on.) 256 cases per property keep the whole file to a few seconds.

use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::Value;

use super::samples;
use super::*;
use crate::api::{FacetCount, FacetCounts, Problem, ProcedureHit, ProcedurePage};
use crate::catalog::{CatalogIndex, Procedure};
use crate::config::Deployment;
use crate::intake::{AttachmentReceipt, CaseReceipt};
use crate::search::SearchPage;
use crate::tracking::CaseView;

/// Every Open311 decoder, and what the app does next with what they return.
fn decode_open311(body: &str) {
    if let Ok(d) = parse_discovery(body) {
        d.offers_json();
    }
    if let Ok(services) = parse_services(body) {
        assert!(services
            .iter()
            .all(|s| !s.code.is_empty() && !s.name.is_empty()));
    }
    if let Ok(attributes) = parse_service_definition(body) {
        assert!(attributes.windows(2).all(|w| w[0].order <= w[1].order));
        for a in &attributes {
            let _ = check_attribute(a, &[body.to_string()]);
        }
    }
    let _ = parse_post_answer(body);
    let _ = parse_token_answer(body);
    if let Ok(Some(request)) = parse_requests(body) {
        case_view(&request);
    }
    if !body.trim().is_empty() {
        assert!(!parse_errors(body).is_empty(), "{body:?}");
    }
}

/// The plain-text helpers, on any text a person or a server may write.
fn read_text(text: &str) {
    map_status(text);
    date_of(text);
    timestamp(text);
    split_name(text);
    let _ = check_description(text);
}

/// Every wire type the app decodes from the native backend.
fn decode_native(body: &str) {
    let _ = serde_json::from_str::<Deployment>(body);
    let _ = serde_json::from_str::<CatalogIndex>(body);
    let _ = serde_json::from_str::<Procedure>(body);
    let _ = serde_json::from_str::<ProcedurePage>(body);
    let _ = serde_json::from_str::<SearchPage>(body);
    let _ = serde_json::from_str::<Problem>(body);
    let _ = serde_json::from_str::<CaseReceipt>(body);
    let _ = serde_json::from_str::<AttachmentReceipt>(body);
    let _ = serde_json::from_str::<CaseView>(body);
}

/// Decodes `body` as a `T`, for a list of decoders of several types.
fn decode<T: serde::de::DeserializeOwned>(body: &str) -> bool {
    serde_json::from_str::<T>(body).is_ok()
}

/// Reads a body as one wire type; true when it is one.
type Decoder = fn(&str) -> bool;

/// Valid answers of our backend (compact, as it sends them), each with the decoder of
/// its type.
fn native_samples() -> Vec<(String, Decoder)> {
    let deployment: Deployment =
        serde_json::from_str(include_str!("../../../server/seed/deployment.json")).unwrap();
    let procedures: Vec<Procedure> =
        serde_json::from_str(include_str!("../../../server/seed/catalog.json")).unwrap();
    let procedure = procedures[0].clone();
    let index = CatalogIndex {
        synonyms: vec![vec!["micro".into(), "minibús".into()]],
        agencies: vec![procedure.agency.clone()],
        categories: procedure.categories.clone(),
        procedures: procedures
            .iter()
            .take(3)
            .map(Procedure::summary_entry)
            .collect(),
    };
    let page = ProcedurePage {
        total: 1,
        page: 1,
        per_page: 20,
        items: vec![ProcedureHit {
            procedure: procedure.summary_entry(),
            score: 1.5,
            highlights: vec![[0, 3]],
        }],
        facets: FacetCounts {
            agencies: vec![FacetCount {
                value: "MDT".into(),
                count: 1,
            }],
            ..Default::default()
        },
    };
    let search_page = SearchPage {
        total: 1,
        page: 1,
        per_page: 20,
        items: page.items.clone(),
        facets: page.facets.clone(),
        partial: true,
        suggestion: Some("licencia".into()),
        catalog_size: procedures.len(),
    };
    let problem = Problem {
        kind: "/problems/validation".into(),
        title: "Revise los datos".into(),
        status: 422,
        detail: Some("Falta la descripción".into()),
        instance: None,
        errors: vec![crate::api::FieldError::new(
            "description",
            "required",
            "Escriba qué pasó.",
        )],
    };
    let receipt = CaseReceipt {
        ticket: "MDT-QUE-2026-00042".into(),
        access_code: "ABCD-EFGH".into(),
        case_type: "queja".into(),
        agency: Some("MDT".into()),
        agency_name: Some("Ministerio de Trabajo".into()),
        filed_on: "2026-03-27".into(),
        due_date: "2026-04-17".into(),
        response_days: 15,
    };
    let attachment = AttachmentReceipt {
        id: "att_1".into(),
        name: "foto.jpg".into(),
        media_type: "image/jpeg".into(),
        size: 12_345,
    };
    let mut request = parse_requests(samples::REQUEST).unwrap().unwrap();
    request.status = "rejected".into();
    let view = case_view(&request);
    let json = |v: &dyn erased::Json| v.json();
    vec![
        (json(&deployment), decode::<Deployment>),
        (json(&procedure), decode::<Procedure>),
        (json(&index), decode::<CatalogIndex>),
        (json(&page), decode::<ProcedurePage>),
        (json(&search_page), decode::<SearchPage>),
        (json(&problem), decode::<Problem>),
        (json(&receipt), decode::<CaseReceipt>),
        (json(&attachment), decode::<AttachmentReceipt>),
        (json(&view), decode::<CaseView>),
    ]
}

/// `serde_json::to_string` behind a trait object, to list samples of several types.
mod erased {
    pub trait Json {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap()
        }
    }
}

/// Every prefix of `body` that ends on a character boundary.
fn prefixes(body: &str) -> impl Iterator<Item = &str> {
    body.char_indices()
        .map(move |(i, _)| &body[..i])
        .chain([body])
}

#[test]
fn samples_decode_and_every_prefix_is_harmless() {
    for sample in samples::ALL {
        assert!(super::json::parse_body(sample).is_ok(), "{sample}");
        for prefix in prefixes(sample) {
            decode_open311(prefix);
            decode_native(prefix);
        }
    }
    // Each native sample is cut and read as its own type only: reading the prefixes
    // of a 5 KB procedure with every decoder takes ~25 s in a debug build for
    // nothing more, as random text and JSON go to every decoder below.
    for (sample, decode) in native_samples() {
        assert!(decode(&sample), "{sample}");
        for prefix in prefixes(&sample) {
            decode(prefix);
        }
    }
}

/// Characters JSON is made of, and the ones the decoders look at, so random text is
/// often almost JSON.
const JSON_CHARS: &[char] = &[
    '{', '}', '[', ']', '"', ':', ',', ' ', '0', '1', '7', '-', '.', 'e', 't', 'r', 'u', 'n', 'l',
    'f', 'a', 's', '\\', '<', '/', '>', 'T', 'Z', 'ñ',
];

fn json_like_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(JSON_CHARS), 0..80)
        .prop_map(|chars| chars.into_iter().collect())
}

fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..80).prop_map(|chars| chars.into_iter().collect())
}

/// Field names the decoders (ours and serde's) look for, so random objects reach deep.
const KEYS: &[&str] = &[
    "service_code",
    "service_name",
    "description",
    "metadata",
    "keywords",
    "group",
    "service_definition",
    "attributes",
    "attribute",
    "values",
    "value",
    "key",
    "name",
    "code",
    "variable",
    "datatype",
    "required",
    "order",
    "datatype_description",
    "discovery",
    "endpoints",
    "endpoint",
    "url",
    "formats",
    "format",
    "specification",
    "type",
    "services",
    "service",
    "service_request_id",
    "token",
    "service_requests",
    "request",
    "status",
    "status_notes",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "errors",
    "error",
    "message",
    "detail",
    "title",
    "ticket",
    "events",
    "kind",
    "at",
    "actor",
    "case_type",
    "filed_on",
    "due_date",
    "items",
];

/// Texts the decoders treat specially.
const TEXTS: &[&str] = &[
    "",
    " ",
    "001",
    "open",
    "closed",
    "duplicate",
    "multivaluelist",
    "number",
    "true",
    "1",
    "2010-04-14T06:37:38-08:00",
    "2010-04-14 06:37",
    "<b>",
    "ñandú",
    "filed",
    "citizen",
    "application/json",
];

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop::sample::select(TEXTS).prop_map(Value::from),
        any_text().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..6).prop_map(|fields| {
                Value::Object(
                    fields
                        .into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect(),
                )
            }),
        ]
    })
}

/// A sample with one character replaced, dropped or doubled.
fn mutated_sample() -> impl Strategy<Value = String> {
    (
        prop::sample::select(&samples::ALL[..]),
        any::<prop::sample::Index>(),
        0..3u8,
        prop::sample::select(JSON_CHARS),
    )
        .prop_map(|(sample, at, how, c)| {
            let mut chars: Vec<char> = sample.chars().collect();
            let i = at.index(chars.len());
            match how {
                0 => chars[i] = c,
                1 => {
                    chars.remove(i);
                }
                _ => chars.insert(i, chars[i]),
            }
            chars.into_iter().collect()
        })
}

proptest! {
    #![proptest_config(Config { cases: 256, failure_persistence: None, ..Config::default() })]

    #[test]
    fn any_text_is_harmless(text in any_text()) {
        decode_open311(&text);
        read_text(&text);
        decode_native(&text);
    }

    #[test]
    fn almost_json_is_harmless(text in json_like_text()) {
        decode_open311(&text);
        read_text(&text);
        decode_native(&text);
    }

    #[test]
    fn any_json_is_harmless(value in any_json()) {
        let body = value.to_string();
        decode_open311(&body);
        decode_native(&body);
    }

    #[test]
    fn damaged_samples_are_harmless(body in mutated_sample()) {
        decode_open311(&body);
    }
}
