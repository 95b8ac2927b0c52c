//! The service-point finder (`/puntos-de-atencion`, chunk `service_points`): every
//! office of the catalog with its address, hours, whether it is open now in the
//! deployment's time zone, the procedures done there, a phone link and map links (no
//! map library). page.rs the page and its URL state, point.rs one point, status.rs
//! "open now" in words, clock.rs the deployment's wall clock from the browser's `Intl`.
//! Hidden (with its footer link) when `Capabilities::service_points` is false.

mod clock;
mod page;
pub mod point;
pub mod status;
pub mod texts;

pub use page::{FinderState, ServicePointsPage, PATH};
