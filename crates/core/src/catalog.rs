//! The procedure (trámite) catalog model.
//!
//! Source data (e.g. gob.bo) carries HTML; it is converted to [`RichText`] before it is
//! stored, so the app renders only structured, escaped text and never `inner_html`.

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

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agency {
    /// Short code used in tickets and URLs, e.g. `MDT`.
    pub acronym: String,
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Category {
    pub slug: String,
    pub name: String,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModalityKind {
    InPerson,
    Online,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DurationUnit {
    Minutes,
    Hours,
    Days,
    BusinessDays,
    Weeks,
    Months,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Duration {
    pub amount: u32,
    pub unit: DurationUnit,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    /// What the payment is for, e.g. "Derecho de emisión".
    pub concept: String,
    /// In the currency's minor unit (cents) to avoid floating point money.
    pub amount_minor: i64,
    /// ISO 4217 code, e.g. `BOB`, `USD`, `COP`.
    pub currency: String,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Requirement {
    pub name: String,
    #[serde(default)]
    pub comment: Option<String>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeRange {
    /// `HH:MM`, 24 h.
    pub from: String,
    pub to: String,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpeningHours {
    pub day: Weekday,
    /// One range for continuous hours, two for a morning and an afternoon shift.
    pub ranges: Vec<TimeRange>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Office {
    pub name: String,
    pub address: String,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub latitude: Option<f64>,
    #[serde(default)]
    pub longitude: Option<f64>,
    #[serde(default)]
    pub hours: Vec<OpeningHours>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Modality {
    pub kind: ModalityKind,
    /// Where to do it online (online modality).
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub tracking_url: Option<String>,
    /// Who this modality is for, e.g. "Persona natural".
    #[serde(default)]
    pub audience: Option<String>,
    /// Empty means free.
    #[serde(default)]
    pub costs: Vec<Amount>,
    #[serde(default)]
    pub duration: Option<Duration>,
    #[serde(default)]
    pub steps: RichText,
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    #[serde(default)]
    pub hours: Vec<OpeningHours>,
}

impl Modality {
    pub fn is_free(&self) -> bool {
        self.costs.iter().all(|c| c.amount_minor == 0)
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub name: String,
    pub url: String,
}

/// One procedure with every field the procedure page shows.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Procedure {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub acronym: Option<String>,
    /// One or two plain sentences for result lists.
    pub summary: String,
    #[serde(default)]
    pub description: RichText,
    /// What the person gets at the end.
    #[serde(default)]
    pub result: Option<String>,
    /// Who it is for, e.g. "Personas mayores de 18 años".
    #[serde(default)]
    pub audience: Option<String>,
    pub agency: Agency,
    #[serde(default)]
    pub categories: Vec<Category>,
    #[serde(default)]
    pub life_events: Vec<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    pub modalities: Vec<Modality>,
    #[serde(default)]
    pub offices: Vec<Office>,
    #[serde(default)]
    pub legal_basis: Vec<String>,
    #[serde(default)]
    pub links: Vec<Link>,
    /// ISO date `YYYY-MM-DD` of the last review.
    #[serde(default)]
    pub updated: Option<String>,
}

impl Procedure {
    /// The compact entry the browser downloads to search the whole catalog locally.
    pub fn summary_entry(&self) -> ProcedureSummary {
        ProcedureSummary {
            slug: self.slug.clone(),
            name: self.name.clone(),
            acronym: self.acronym.clone(),
            summary: self.summary.clone(),
            agency: self.agency.acronym.clone(),
            categories: self.categories.iter().map(|c| c.slug.clone()).collect(),
            keywords: self.keywords.clone(),
            online: self
                .modalities
                .iter()
                .any(|m| m.kind == ModalityKind::Online),
            in_person: self
                .modalities
                .iter()
                .any(|m| m.kind == ModalityKind::InPerson),
            free: !self.modalities.is_empty() && self.modalities.iter().any(Modality::is_free),
        }
    }
}

/// What search needs of a procedure: small enough to ship the whole catalog to a phone.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcedureSummary {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub acronym: Option<String>,
    pub summary: String,
    /// Agency acronym; names come from [`CatalogIndex::agencies`].
    pub agency: String,
    /// Category slugs; names come from [`CatalogIndex::categories`].
    pub categories: Vec<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    pub online: bool,
    pub in_person: bool,
    pub free: bool,
}

/// The whole catalog as the browser searches it (`GET /api/v1/catalog/index`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CatalogIndex {
    /// Everyday words of this deployment that mean the same thing (e.g. `["micro",
    /// "minibús"]`), on top of the engine's own list; from the deployment settings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<Vec<String>>,
    pub agencies: Vec<Agency>,
    pub categories: Vec<Category>,
    pub procedures: Vec<ProcedureSummary>,
}

impl CatalogIndex {
    pub fn agency(&self, acronym: &str) -> Option<&Agency> {
        self.agencies.iter().find(|a| a.acronym == acronym)
    }
    pub fn category(&self, slug: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.slug == slug)
    }
}
