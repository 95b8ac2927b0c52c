//! Intake: the wire types of a new case and the rules shared by the wizard and the
//! backend (validation, due dates, ticket numbers, access codes, attachment sniffing).

pub mod access_code;
pub mod attachments;
pub mod char_count;
pub mod dates;
pub mod self_service;
pub mod ticket;
pub mod validation;

use serde::{Deserialize, Serialize};

/// How the person wants to be identified (a denuncia may be anonymous).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Identity {
    /// Name and contact visible to the agency.
    #[default]
    Identified,
    /// The agency knows who they are but must keep it from third parties
    /// (including the person reported).
    Confidential,
    /// No name and no contact: follow-up only with ticket + access code.
    Anonymous,
}

impl Identity {
    pub const ALL: [Identity; 3] = [
        Identity::Identified,
        Identity::Confidential,
        Identity::Anonymous,
    ];

    /// The wire and storage form (`"identified"`, …), the same as serde's.
    pub fn as_str(self) -> &'static str {
        match self {
            Identity::Identified => "identified",
            Identity::Confidential => "confidential",
            Identity::Anonymous => "anonymous",
        }
    }

    pub fn parse(s: &str) -> Option<Identity> {
        Identity::ALL.into_iter().find(|i| i.as_str() == s)
    }
}

/// A case type as configured by the deployment.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseType {
    /// URL and API identifier, e.g. `queja`.
    pub slug: String,
    /// Three letters used in tickets, e.g. `QUE`.
    pub code: String,
    /// Legal response time in business days.
    pub response_days: u32,
    /// Whether the person may stay anonymous.
    pub anonymous_allowed: bool,
    /// Whether the emergency stopper page is shown before starting.
    #[serde(default)]
    pub emergency_notice: bool,
    /// Whether "what happened" asks for the date and place (complaints, reports).
    #[serde(default)]
    pub asks_when_where: bool,
    /// Names and explanations per language code (`es`, `en`, `pt`).
    pub names: std::collections::BTreeMap<String, CaseTypeText>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseTypeText {
    pub name: String,
    /// One plain sentence: what this type is for.
    pub explanation: String,
    /// A case of this type in plain words, shown after "Por ejemplo:" (optional: a
    /// deployment without examples shows the explanation alone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
}

impl CaseType {
    /// Text in `lang`, falling back to Spanish, then to any.
    pub fn text(&self, lang: &str) -> Option<&CaseTypeText> {
        self.names
            .get(lang)
            .or_else(|| self.names.get("es"))
            .or_else(|| self.names.values().next())
    }
}

/// Limits the wizard explains and both sides enforce.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IntakeRules {
    pub description_min: usize,
    pub description_max: usize,
    pub place_max: usize,
    pub name_max: usize,
    pub max_attachments: usize,
    pub max_attachment_bytes: u64,
}

impl Default for IntakeRules {
    fn default() -> Self {
        IntakeRules {
            description_min: 20,
            description_max: 4000,
            place_max: 200,
            name_max: 120,
            max_attachments: 5,
            max_attachment_bytes: 10 * 1024 * 1024,
        }
    }
}

/// `POST /api/v1/cases` body.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct NewCase {
    /// Case type slug, e.g. `queja`.
    pub case_type: String,
    /// Agency acronym; `None` when the person does not know.
    #[serde(default)]
    pub agency: Option<String>,
    /// Procedure slug, when the case is about one.
    #[serde(default)]
    pub procedure: Option<String>,
    pub description: String,
    /// `YYYY-MM-DD`, optional.
    #[serde(default)]
    pub event_date: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    /// Ids returned by `POST /api/v1/attachments`.
    #[serde(default)]
    pub attachments: Vec<String>,
    pub identity: Identity,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    /// Consent to the personal-data policy (must be true).
    pub consent: bool,
    /// Language for the agency's answers.
    #[serde(default)]
    pub language: Option<String>,
}

/// `201` answer of `POST /api/v1/cases`: what the confirmation page shows.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseReceipt {
    /// e.g. `MDT-QUE-2026-00042`.
    pub ticket: String,
    /// Shown once; only its hash is stored.
    pub access_code: String,
    pub case_type: String,
    #[serde(default)]
    pub agency: Option<String>,
    #[serde(default)]
    pub agency_name: Option<String>,
    /// `YYYY-MM-DD` filing date.
    pub filed_on: String,
    /// `YYYY-MM-DD` legal due date.
    pub due_date: String,
    pub response_days: u32,
}

/// `201` answer of `POST /api/v1/attachments`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttachmentReceipt {
    pub id: String,
    pub name: String,
    pub media_type: String,
    pub size: u64,
}
