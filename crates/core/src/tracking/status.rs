//! Where a case is and who acted, with their wire names.

use serde::{Deserialize, Serialize};

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
    fn status_round_trips_and_term_stops_when_answered() {
        for s in CaseStatus::ALL {
            assert_eq!(CaseStatus::parse(s.as_str()), Some(s));
        }
        assert!(CaseStatus::WaitingForCitizen.term_running());
        assert!(!CaseStatus::Answered.term_running());
    }
}
