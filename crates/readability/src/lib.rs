//! Fernández Huerta readability of the Spanish texts of the contact wizard and of case
//! tracking, per screen. `make readability` prints the table; it reports and never
//! fails on a score. The tests keep the counting honest (syllables, sentences, the
//! formula, the bands) and the screen table complete (`tests/mapping.rs`).

pub mod report;
pub mod score;
pub mod screens;
pub mod syllables;
pub mod texts;
