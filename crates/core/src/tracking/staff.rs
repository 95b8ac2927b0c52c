//! What staff see of cases and what they do on one.

use serde::{Deserialize, Serialize};

use super::{CaseStatus, CaseView};

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
    /// The staff member who filed it for the person (assisted channels only).
    #[serde(default)]
    pub taken_by: Option<String>,
    /// How the person consented to the personal-data policy.
    #[serde(default)]
    pub consent: crate::channel::Consent,
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
