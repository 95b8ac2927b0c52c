//! `Block` and `Inline` accept and reject JSON objects like the derived internally
//! tagged deserializers they replace (tag anywhere, unknown fields ignored, missing,
//! `null`, mistyped or duplicate fields rejected).
//!
//! Known differences, none of which our backend or the OpenAPI contract produces: the
//! derived ones read the positional array form by variant (`["text", "a"]`), and they
//! ignore a field of *another* variant whatever its value or count
//! (`{"type": "text", "text": "a", "href": 5}`).

use cc_core::catalog::{Block, Inline};
use serde::Deserialize;

/// The previous, derived definitions.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum DerivedBlock {
    Paragraph {
        content: Vec<DerivedInline>,
    },
    List {
        ordered: bool,
        items: Vec<Vec<DerivedInline>>,
    },
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum DerivedInline {
    Text { text: String },
    Strong { text: String },
    Link { text: String, href: String },
}

fn same(a: &Inline, b: &DerivedInline) -> bool {
    match (a, b) {
        (Inline::Text { text: x }, DerivedInline::Text { text: y })
        | (Inline::Strong { text: x }, DerivedInline::Strong { text: y }) => x == y,
        (Inline::Link { text: x, href: h }, DerivedInline::Link { text: y, href: g }) => {
            x == y && h == g
        }
        _ => false,
    }
}

fn same_list(a: &[Inline], b: &[DerivedInline]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
}

fn same_block(a: &Block, b: &DerivedBlock) -> bool {
    match (a, b) {
        (Block::Paragraph { content: x }, DerivedBlock::Paragraph { content: y }) => {
            same_list(x, y)
        }
        (
            Block::List {
                ordered: o,
                items: x,
            },
            DerivedBlock::List {
                ordered: p,
                items: y,
            },
        ) => o == p && x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_list(a, b)),
        _ => false,
    }
}

const INLINES: &[&str] = &[
    r#"{"type":"text","text":"a"}"#,
    r#"{"text":"a","type":"strong"}"#,
    r#"{"type":"link","text":"a","href":"https://x"}"#,
    r#"{"href":"mailto:x","type":"link","text":"a","extra":[1,{"b":null}]}"#,
    r#"{"type":"text","text":"a","href":"ignored"}"#,
    r#"{"type":"text","text":"a","href":null}"#,
    r#"{"type":"link","text":"a"}"#,
    r#"{"type":"link","href":"h"}"#,
    r#"{"type":"text"}"#,
    r#"{"type":"text","text":null}"#,
    r#"{"type":"text","text":1}"#,
    r#"{"type":"text","text":"a","text":"b"}"#,
    r#"{"type":"text","type":"text","text":"a"}"#,
    r#"{"type":"bold","text":"a"}"#,
    r#"{"type":null,"text":"a"}"#,
    r#"{"text":"a"}"#,
    r#""text""#,
    r#"null"#,
    r#"{}"#,
];

#[test]
fn inline_accepts_and_rejects_like_the_derived_deserializer() {
    for json in INLINES {
        let new = serde_json::from_str::<Inline>(json);
        let old = serde_json::from_str::<DerivedInline>(json);
        match (&new, &old) {
            (Ok(a), Ok(b)) => assert!(same(a, b), "{json}"),
            (Err(_), Err(_)) => {}
            _ => panic!("{json}: new {new:?}, derived {old:?}"),
        }
    }
}

#[test]
fn block_accepts_and_rejects_like_the_derived_deserializer() {
    let blocks = [
        r#"{"type":"paragraph","content":[{"type":"text","text":"a"},{"type":"strong","text":"b"}]}"#,
        r#"{"content":[],"type":"paragraph"}"#,
        r#"{"type":"list","ordered":true,"items":[[{"type":"text","text":"a"}],[]]}"#,
        r#"{"type":"list","items":[],"ordered":false,"extra":"ignored"}"#,
        r#"{"type":"list","items":[]}"#,
        r#"{"type":"list","ordered":"yes","items":[]}"#,
        r#"{"type":"paragraph"}"#,
        r#"{"type":"paragraph","content":null}"#,
        r#"{"type":"paragraph","content":[{"type":"bold","text":"a"}]}"#,
        r#"{"type":"table","content":[]}"#,
        r#"{"content":[]}"#,
        r#"[]"#,
    ];
    for json in blocks {
        let new = serde_json::from_str::<Block>(json);
        let old = serde_json::from_str::<DerivedBlock>(json);
        match (&new, &old) {
            (Ok(a), Ok(b)) => assert!(same_block(a, b), "{json}"),
            (Err(_), Err(_)) => {}
            _ => panic!("{json}: new {new:?}, derived {old:?}"),
        }
    }
}

#[test]
fn round_trips() {
    let blocks = vec![
        Block::paragraph("a"),
        Block::List {
            ordered: true,
            items: vec![vec![
                Inline::Strong { text: "b".into() },
                Inline::Link {
                    text: "c".into(),
                    href: "https://x".into(),
                },
            ]],
        },
    ];
    let json = serde_json::to_string(&blocks).unwrap();
    assert_eq!(serde_json::from_str::<Vec<Block>>(&json).unwrap(), blocks);
}
