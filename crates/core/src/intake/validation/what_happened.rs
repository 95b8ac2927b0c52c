//! "What happened": the description, the place and how many files, by their lengths.

use super::{error, fields};
use crate::api::FieldError;
use crate::intake::IntakeRules;

/// "What happened": required, between `description_min` and `description_max`
/// characters (not bytes) once trimmed.
pub fn validate_description(text: &str, rules: &IntakeRules) -> Option<FieldError> {
    let len = text.trim().chars().count();
    if len == 0 {
        Some(error(fields::DESCRIPTION, "required", "Escriba qué pasó."))
    } else if len < rules.description_min {
        Some(error(
            fields::DESCRIPTION,
            "too_short",
            format!(
                "Escriba al menos {} caracteres para que la entidad entienda su caso. Ahora tiene {len}.",
                rules.description_min
            ),
        ))
    } else if len > rules.description_max {
        Some(error(
            fields::DESCRIPTION,
            "too_long",
            format!(
                "Escriba {} caracteres o menos. Ahora tiene {len}.",
                rules.description_max
            ),
        ))
    } else {
        None
    }
}

/// "Where did it happen" (optional): at most `place_max` characters once trimmed.
pub fn validate_place(place: &str, rules: &IntakeRules) -> Option<FieldError> {
    let len = place.trim().chars().count();
    (len > rules.place_max).then(|| {
        error(
            fields::PLACE,
            "too_long",
            format!(
                "Escriba el lugar en {} caracteres o menos. Ahora tiene {len}.",
                rules.place_max
            ),
        )
    })
}

/// At most `max_attachments` files.
pub fn validate_attachments(count: usize, rules: &IntakeRules) -> Option<FieldError> {
    (count > rules.max_attachments).then(|| {
        error(
            fields::ATTACHMENTS,
            "too_many",
            format!(
                "Puede adjuntar hasta {} archivos. Ahora tiene {count}. Quite los que sobran.",
                rules.max_attachments
            ),
        )
    })
}
