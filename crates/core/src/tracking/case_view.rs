//! What the citizen sees of their case and sends on it: the timeline, the rating, the
//! look-up and the reply.

use serde::{Deserialize, Serialize};

use super::{Actor, CaseStatus};
use crate::intake::AttachmentReceipt;

/// One entry of the timeline. Legal events carry what the law requires them to say.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventKind {
    Filed,
    Assigned,
    StatusChanged {
        status: CaseStatus,
    },
    /// A message from the agency (not the final answer).
    Message,
    /// Ley 1755 art. 17: the petition is incomplete; the citizen has until `reply_by`
    /// (one month) to complete it.
    InfoRequested {
        reply_by: String,
    },
    CitizenReply,
    /// Ley 1755 art. 14 par.: term extended before expiry, with reasons, to a new date
    /// of at most twice the original term.
    Extended {
        new_due_date: String,
    },
    /// Ley 1755 art. 21: sent to the competent authority.
    Transferred {
        to_agency: String,
        to_agency_name: String,
    },
    /// The agency's answer.
    Answered,
    Closed,
    Rated,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseEvent {
    /// RFC 3339 UTC timestamp.
    pub at: String,
    pub actor: Actor,
    #[serde(flatten)]
    pub kind: EventKind,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub attachments: Vec<AttachmentReceipt>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rating {
    /// Did the answer address what was asked?
    pub answered: bool,
    /// Was it clear?
    pub clear: bool,
    /// 1 (very bad) to 5 (very good).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    pub score: u8,
    /// At most 1,000 characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub comment: Option<String>,
}

/// What the citizen sees of their case (`POST /api/v1/cases/lookup`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseView {
    pub ticket: String,
    pub case_type: String,
    #[serde(default)]
    pub agency: Option<String>,
    #[serde(default)]
    pub agency_name: Option<String>,
    pub status: CaseStatus,
    /// How the case came in (`web` when the backend does not say).
    #[serde(default)]
    pub channel: crate::channel::Channel,
    pub filed_on: String,
    /// Current legal due date (after extensions).
    pub due_date: String,
    /// Business days from today to the due date; negative when overdue.
    pub business_days_left: i64,
    pub response_days: u32,
    pub description: String,
    pub events: Vec<CaseEvent>,
    /// Whether the citizen may reply now.
    pub can_reply: bool,
    /// When the agency asked for more information: the date to answer by.
    #[serde(default)]
    pub reply_by: Option<String>,
    pub can_rate: bool,
    #[serde(default)]
    pub rating: Option<Rating>,
    /// The backend's own word for the status when it is not one of ours (other
    /// backends); shown as given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_text: Option<String>,
}

/// Body of `POST /api/v1/cases/lookup`. The code travels in the body, never in a URL.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LookupRequest {
    pub ticket: String,
    pub access_code: String,
}

/// Body of `POST /api/v1/cases/{ticket}/replies` (code in the `X-Access-Code` header).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewReply {
    pub message: String,
    #[serde(default)]
    pub attachments: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_json_is_flat_and_tagged() {
        let e = CaseEvent {
            at: "2026-11-25T10:00:00Z".into(),
            actor: Actor::Staff,
            kind: EventKind::InfoRequested {
                reply_by: "2026-12-25".into(),
            },
            message: Some("Adjunte la factura".into()),
            attachments: vec![],
        };
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["kind"], "info_requested");
        assert_eq!(json["reply_by"], "2026-12-25");
        assert_eq!(serde_json::from_value::<CaseEvent>(json).unwrap(), e);
    }
}
