//! Deployment settings the app reads at start-up (`GET /api/v1/config`), so one build
//! of the app serves any deployment.

use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deployment {
    /// Shown in the header and page titles, e.g. "Contacto Ciudadano".
    pub name: String,
    /// Who runs it, e.g. "Gobierno de la República".
    pub owner: String,
    /// Language codes in order of preference; the first is the default.
    pub languages: Vec<String>,
    pub channels: Channels,
    /// Emergency number shown before a denuncia starts.
    pub emergency_phone: String,
    /// Neutral site the "Salir rápido" button goes to.
    #[serde(default = "default_quick_exit_url")]
    pub quick_exit_url: String,
    /// Link to the personal-data policy page.
    pub privacy_policy_url: String,
    /// Origins allowed to embed the app in an iframe (embed button).
    #[serde(default)]
    pub embed_origins: Vec<String>,
    /// The case types people can file, in the order the wizard lists them.
    pub case_types: Vec<crate::intake::CaseType>,
    /// Public holidays `YYYY-MM-DD`, skipped when counting business days.
    #[serde(default)]
    pub holidays: Vec<String>,
    #[serde(default)]
    pub intake: crate::intake::IntakeRules,
    /// Whether citizens may reply on a case at any time, not only when asked.
    #[serde(default)]
    pub replies_always_allowed: bool,
}

/// The other ways to reach the state, shown in the footer and on every error.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Channels {
    pub phone: String,
    /// e.g. "lunes a viernes, 08:00 a 17:00 h".
    pub phone_hours: String,
    pub email: String,
    pub offices_url: String,
    pub offices_text: String,
}

fn default_quick_exit_url() -> String {
    "https://www.google.com/".into()
}
