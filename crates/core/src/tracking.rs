//! Case tracking: statuses, timeline events and the views the citizen and staff see.
//! The rules (what a status allows, Ley 1755 terms) live here so the app and the
//! backend apply the same ones.

use serde::{Deserialize, Serialize};

use crate::api::FieldError;
use crate::intake::{AttachmentReceipt, IntakeRules};

/// Where a case is, in the words the citizen sees (translated in the app).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Received,
    Assigned,
    InProgress,
    WaitingForCitizen,
    Answered,
    Closed,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 6] = [
        CaseStatus::Received,
        CaseStatus::Assigned,
        CaseStatus::InProgress,
        CaseStatus::WaitingForCitizen,
        CaseStatus::Answered,
        CaseStatus::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Received => "received",
            CaseStatus::Assigned => "assigned",
            CaseStatus::InProgress => "in_progress",
            CaseStatus::WaitingForCitizen => "waiting_for_citizen",
            CaseStatus::Answered => "answered",
            CaseStatus::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Whether the legal term is still running (it stops once answered).
    pub fn term_running(self) -> bool {
        !matches!(self, CaseStatus::Answered | CaseStatus::Closed)
    }
}

/// Who did something on the case.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    Citizen,
    Staff,
    System,
}

impl Actor {
    pub const ALL: [Actor; 3] = [Actor::Citizen, Actor::Staff, Actor::System];

    /// The snake_case name, as serialized and stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Actor::Citizen => "citizen",
            Actor::Staff => "staff",
            Actor::System => "system",
        }
    }

    pub fn parse(s: &str) -> Option<Actor> {
        Actor::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

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

/// One case in the staff list (`GET /api/v1/staff/cases`). Staff may see the contact
/// data; it is `None` for anonymous cases (never stored).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffCaseSummary {
    pub ticket: String,
    pub case_type: String,
    #[serde(default)]
    pub agency: Option<String>,
    pub status: CaseStatus,
    pub filed_on: String,
    pub due_date: String,
    /// Business days from today to the due date; negative when overdue.
    pub business_days_left: i64,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

/// What staff see of a case (`GET /api/v1/staff/cases/{ticket}`): the citizen's view
/// plus the data only the agency may see.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffCaseView {
    #[serde(flatten)]
    pub case: CaseView,
    pub identity: crate::intake::Identity,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    /// Language the citizen wants the answers in.
    pub language: String,
    #[serde(default)]
    pub procedure: Option<String>,
    #[serde(default)]
    pub event_date: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
}

/// Body of `POST /api/v1/staff/cases/{ticket}/events`: one thing staff do on a case.
/// Every action is recorded as an event of the timeline.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum StaffAction {
    /// Takes the case (status `assigned`), optionally for another agency of the catalog.
    Assign {
        #[serde(default)]
        agency: Option<String>,
    },
    /// Sets a status. `answered` and `waiting_for_citizen` need `answer` and
    /// `request_info`, which carry what the law requires.
    Status { status: CaseStatus },
    /// A message to the citizen that is not the answer.
    Message {
        message: String,
        #[serde(default)]
        attachments: Vec<String>,
    },
    /// Ley 1755 art. 17: asks the citizen to complete the petition within one month.
    RequestInfo { message: String },
    /// Ley 1755 art. 14 par.: extends the term before it expires, with reasons, to at
    /// most twice the original term.
    Extend {
        reason: String,
        /// `YYYY-MM-DD`.
        new_due_date: String,
    },
    /// Ley 1755 art. 21: sends the case to the competent agency.
    Transfer { to_agency: String, reason: String },
    /// The agency's answer (status `answered`).
    Answer {
        message: String,
        #[serde(default)]
        attachments: Vec<String>,
    },
    Close {
        #[serde(default)]
        message: Option<String>,
    },
}

/// Whether the citizen may write on the case now.
pub fn can_reply(status: CaseStatus, replies_always_allowed: bool) -> bool {
    match status {
        CaseStatus::WaitingForCitizen => true,
        CaseStatus::Closed => false,
        _ => replies_always_allowed,
    }
}

/// A rating is asked once, after the answer.
pub fn can_rate(status: CaseStatus, already_rated: bool) -> bool {
    !already_rated && matches!(status, CaseStatus::Answered | CaseStatus::Closed)
}

/// Longest rating comment, in characters.
pub const RATING_COMMENT_MAX: usize = 1000;

/// A text written on a case (a citizen's reply, a staff message, a reason): required,
/// and at most `max_chars` characters once trimmed. `None` when it is fine.
pub fn validate_text(field: &str, text: &str, max_chars: usize) -> Option<FieldError> {
    let text = text.trim();
    if text.is_empty() {
        Some(FieldError::new(field, "required", "Escriba el texto."))
    } else if text.chars().count() > max_chars {
        Some(FieldError::new(
            field,
            "too_long",
            format!("Escriba {max_chars} caracteres o menos."),
        ))
    } else {
        None
    }
}

/// A citizen's reply (field `message`): as long as a case description may be, by the
/// deployment's rules — one limit for the wizard, the reply form and the backend.
pub fn validate_reply(message: &str, rules: &IntakeRules) -> Option<FieldError> {
    validate_text("message", message, rules.description_max)
}

/// Validates a rating; returns the field errors (Spanish fallback messages).
pub fn validate_rating(rating: &Rating) -> Vec<FieldError> {
    let mut out = Vec::new();
    if !(1..=5).contains(&rating.score) {
        out.push(FieldError::new(
            "score",
            "range",
            "Elija un número del 1 al 5",
        ));
    }
    if rating
        .comment
        .as_deref()
        .is_some_and(|c| c.chars().count() > RATING_COMMENT_MAX)
    {
        out.push(FieldError::new(
            "comment",
            "too_long",
            "Escriba su comentario con 1000 caracteres o menos",
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_forms_are_the_wire_forms_and_parse_back() {
        for actor in Actor::ALL {
            let wire = serde_json::to_string(&actor).unwrap();
            assert_eq!(wire, format!("\"{}\"", actor.as_str()));
            assert_eq!(Actor::parse(actor.as_str()), Some(actor));
        }
        assert_eq!(Actor::Staff.as_str(), "staff");
        assert_eq!(Actor::parse("nadie"), None);
        for status in CaseStatus::ALL {
            assert_eq!(CaseStatus::parse(status.as_str()), Some(status));
        }
        for identity in crate::intake::Identity::ALL {
            let wire = serde_json::to_string(&identity).unwrap();
            assert_eq!(wire, format!("\"{}\"", identity.as_str()));
            assert_eq!(
                crate::intake::Identity::parse(identity.as_str()),
                Some(identity)
            );
        }
        assert_eq!(crate::intake::Identity::parse("Anonymous"), None);
    }

    #[test]
    fn texts_are_required_and_limited_after_trimming() {
        assert_eq!(validate_text("m", "  \n ", 5).unwrap().code, "required");
        assert_eq!(validate_text("m", "", 5).unwrap().field, "m");
        assert_eq!(validate_text("m", " ñandúes ", 5).unwrap().code, "too_long");
        assert_eq!(
            validate_text("m", "  ñandú  ", 5),
            None,
            "5 characters, not bytes"
        );
        assert_eq!(validate_text("m", "abcde", 5), None);
        let long = validate_text("m", "abcdef", 5).unwrap();
        assert_eq!(long.message, "Escriba 5 caracteres o menos.");
    }

    #[test]
    fn a_reply_is_as_long_as_a_description_may_be() {
        let rules = IntakeRules {
            description_max: 10,
            ..IntakeRules::default()
        };
        assert_eq!(validate_reply(&"a".repeat(10), &rules), None);
        let error = validate_reply(&"a".repeat(11), &rules).unwrap();
        assert_eq!(
            (error.field.as_str(), error.code.as_str()),
            ("message", "too_long")
        );
        assert_eq!(validate_reply(" ", &rules).unwrap().code, "required");
    }

    #[test]
    fn a_rating_comment_may_have_exactly_the_maximum() {
        let rating = |comment: String| Rating {
            answered: true,
            clear: true,
            score: 3,
            comment: Some(comment),
        };
        assert!(validate_rating(&rating("a".repeat(RATING_COMMENT_MAX))).is_empty());
        assert_eq!(
            validate_rating(&rating("a".repeat(RATING_COMMENT_MAX + 1)))[0].code,
            "too_long"
        );
    }

    #[test]
    fn replies_only_when_waiting_unless_always_allowed() {
        assert!(can_reply(CaseStatus::WaitingForCitizen, false));
        assert!(!can_reply(CaseStatus::InProgress, false));
        assert!(can_reply(CaseStatus::InProgress, true));
        assert!(!can_reply(CaseStatus::Closed, true));
    }

    #[test]
    fn rating_once_after_the_answer() {
        assert!(can_rate(CaseStatus::Answered, false));
        assert!(!can_rate(CaseStatus::Answered, true));
        assert!(!can_rate(CaseStatus::InProgress, false));
        assert!(can_rate(CaseStatus::Closed, false));
    }

    #[test]
    fn status_round_trips_and_term_stops_when_answered() {
        for s in CaseStatus::ALL {
            assert_eq!(CaseStatus::parse(s.as_str()), Some(s));
        }
        assert!(CaseStatus::WaitingForCitizen.term_running());
        assert!(!CaseStatus::Answered.term_running());
    }

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

    #[test]
    fn staff_actions_are_tagged_by_action() {
        let a: StaffAction = serde_json::from_str(
            r#"{"action":"extend","reason":"Falta un informe","new_due_date":"2026-12-01"}"#,
        )
        .unwrap();
        assert_eq!(
            a,
            StaffAction::Extend {
                reason: "Falta un informe".into(),
                new_due_date: "2026-12-01".into()
            }
        );
        let a: StaffAction = serde_json::from_str(r#"{"action":"close"}"#).unwrap();
        assert_eq!(a, StaffAction::Close { message: None });
        assert_eq!(
            serde_json::to_value(StaffAction::Status {
                status: CaseStatus::InProgress
            })
            .unwrap(),
            serde_json::json!({"action": "status", "status": "in_progress"})
        );
    }

    #[test]
    fn rating_score_must_be_1_to_5() {
        let mut r = Rating {
            answered: true,
            clear: true,
            score: 0,
            comment: None,
        };
        assert_eq!(validate_rating(&r)[0].field, "score");
        r.score = 5;
        assert!(validate_rating(&r).is_empty());
    }
}
