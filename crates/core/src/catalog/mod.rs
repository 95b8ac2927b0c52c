//! The procedure (trámite) catalog model.
//!
//! Source data (e.g. gob.bo) carries HTML; it is converted to [`RichText`] before it is
//! stored, so the app renders only structured, escaped text and never `inner_html`.
//!
//! rich_text.rs holds the safe rich text ([`Block`], [`Inline`], [`plain_text`]),
//! procedure.rs the procedure page's model ([`Procedure`] and its parts), index.rs what
//! the browser downloads to search ([`ProcedureSummary`], [`CatalogIndex`]).

mod index;
mod procedure;
mod rich_text;

pub use index::{CatalogIndex, ProcedureSummary};
pub use procedure::{
    Agency, Amount, Category, Duration, DurationUnit, Link, Modality, ModalityKind, Office,
    OpeningHours, Procedure, Requirement, TimeRange, Weekday,
};
pub use rich_text::{plain_text, Block, Inline, RichText};
