//! Safe rich text: paragraphs and lists of inline runs, never HTML.

use serde::{Deserialize, Serialize};

/// Safe rich text: paragraphs and lists of inline runs. No raw HTML ever.
pub type RichText = Vec<Block>;

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        content: Vec<Inline>,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
    },
    Strong {
        text: String,
    },
    /// Only `http(s):`, `mailto:` and `tel:` hrefs survive conversion.
    Link {
        text: String,
        href: String,
    },
}

// `Block` and `Inline` are internally tagged (`{"type": "text", "text": "…"}`). The
// derived `Deserialize` of an internally tagged enum buffers every object into serde's
// generic `Content` tree first, which costs the wasm app ~12 KB. These impls read the
// same JSON through one flat struct per enum instead: the same documents are accepted
// (the tag and fields in any order, unknown fields ignored) and the same are rejected
// (unknown tag, missing or `null` field of the variant, duplicate field).

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum BlockTag {
    Paragraph,
    List,
}

#[derive(Deserialize)]
struct BlockRepr {
    #[serde(rename = "type")]
    tag: BlockTag,
    content: Option<Vec<Inline>>,
    ordered: Option<bool>,
    items: Option<Vec<Vec<Inline>>>,
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let r = BlockRepr::deserialize(deserializer)?;
        Ok(match r.tag {
            BlockTag::Paragraph => Block::Paragraph {
                content: r
                    .content
                    .ok_or_else(|| D::Error::missing_field("content"))?,
            },
            BlockTag::List => Block::List {
                ordered: r
                    .ordered
                    .ok_or_else(|| D::Error::missing_field("ordered"))?,
                items: r.items.ok_or_else(|| D::Error::missing_field("items"))?,
            },
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum InlineTag {
    Text,
    Strong,
    Link,
}

#[derive(Deserialize)]
struct InlineRepr {
    #[serde(rename = "type")]
    tag: InlineTag,
    text: Option<String>,
    href: Option<String>,
}

impl<'de> Deserialize<'de> for Inline {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let r = InlineRepr::deserialize(deserializer)?;
        let text = r.text.ok_or_else(|| D::Error::missing_field("text"))?;
        Ok(match r.tag {
            InlineTag::Text => Inline::Text { text },
            InlineTag::Strong => Inline::Strong { text },
            InlineTag::Link => Inline::Link {
                text,
                href: r.href.ok_or_else(|| D::Error::missing_field("href"))?,
            },
        })
    }
}

impl Block {
    /// A paragraph of plain text.
    pub fn paragraph(text: impl Into<String>) -> Self {
        Block::Paragraph {
            content: vec![Inline::Text { text: text.into() }],
        }
    }
}

/// Plain text of rich text, for search indexing and summaries.
pub fn plain_text(rich: &[Block]) -> String {
    fn push_inlines(out: &mut String, inlines: &[Inline]) {
        for inline in inlines {
            let t = match inline {
                Inline::Text { text } | Inline::Strong { text } | Inline::Link { text, .. } => text,
            };
            out.push_str(t);
        }
    }
    let mut out = String::new();
    for block in rich {
        if !out.is_empty() {
            out.push('\n');
        }
        match block {
            Block::Paragraph { content } => push_inlines(&mut out, content),
            Block::List { items, .. } => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    push_inlines(&mut out, item);
                }
            }
        }
    }
    out
}
