//! Transparency (`/transparencia`): how the state is answering, for the whole
//! deployment or one agency over a chosen period, as charts drawn by the app with
//! their tables and CSV downloads. Only aggregates: the backend suppresses small
//! counts (`cc_core::transparency`), the page words them as "Reservado".

pub mod charts;
mod csv;
mod format;
mod page;
mod sections;
mod table;
pub mod texts;

pub use page::TransparencyPage;
