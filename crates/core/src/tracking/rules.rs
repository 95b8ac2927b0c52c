//! What a status allows (replies, a rating) and the checks of what is written on a case.

use super::{CaseStatus, Rating};
use crate::api::FieldError;
use crate::intake::IntakeRules;

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
