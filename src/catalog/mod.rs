//! Find a procedure: the start page, the catalog search and the procedure page.

mod filters;
mod home;
mod procedure;
mod remote_search;
mod results;
mod search;
mod search_state;
pub(crate) mod texts;

pub use home::HomePage;
pub use procedure::ProcedurePage;
pub use search::SearchPage;
