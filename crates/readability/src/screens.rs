//! Which texts each screen of the wizard and of tracking shows: the table the scores
//! are computed over. A selector is a field name, or a prefix ending in `*`.
//!
//! A screen counts every text it can show once: its question, hints, options, the
//! error messages of its fields, and the texts of the frame around it (for the
//! wizard's questions: step, back, continue, "Salir rápido", the note on saved
//! answers). Left out on purpose: the header and the footer (menu, language, other
//! channels), which every page of the site shows around its content.
//!
//! Every field of the intake and tracking texts must be claimed by some screen, so
//! the table stays true when texts are added (tested in `tests/mapping.rs`).

/// Where a text lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Module {
    /// `src/intake/texts/es.rs`
    Intake,
    /// `src/tracking/texts/es.rs`
    Tracking,
}

impl Module {
    pub const ALL: [Module; 2] = [Module::Intake, Module::Tracking];

    pub fn path(self) -> &'static str {
        match self {
            Module::Intake => "src/intake/texts/es.rs",
            Module::Tracking => "src/tracking/texts/es.rs",
        }
    }
}

/// The texts every screen shares (`src/i18n/es.rs`).
pub const SHARED_PATH: &str = "src/i18n/es.rs";
/// The deployment whose case types the type page lists.
pub const DEPLOYMENT_PATH: &str = "crates/server/seed/deployment.json";

pub struct Screen {
    pub name: &'static str,
    pub route: &'static str,
    pub module: Module,
    /// Selectors over the module's texts.
    pub own: &'static [&'static str],
    /// Selectors over the shared texts.
    pub shared: &'static [&'static str],
    /// The type page also shows each case type's name, explanation and example
    /// from the deployment.
    pub case_types: bool,
    /// A question of the wizard: [`WIZARD_FRAME`] and [`FORM_ERRORS`] around it.
    pub wizard_frame: bool,
}

/// Around every question of the wizard (`intake/steps/mod.rs`, `draft_note.rs`,
/// `quick_exit.rs`).
pub const WIZARD_FRAME: &[&str] = &[
    "step_of",
    "back",
    "continue_button",
    "quick_exit",
    "quick_exit_hint",
    "draft_saved_note",
    "draft_delete",
    "quick_exit_clear_label",
];
/// Shown with the errors of any form: the summary's title and the field's prefix.
pub const FORM_ERRORS: &[&str] = &["error_summary_title", "error_prefix"];

/// A question page of the wizard.
const fn question(
    name: &'static str,
    route: &'static str,
    own: &'static [&'static str],
    shared: &'static [&'static str],
) -> Screen {
    Screen {
        name,
        route,
        module: Module::Intake,
        own,
        shared,
        case_types: false,
        wizard_frame: true,
    }
}

/// A page of the wizard's feature without the question frame (start, review,
/// confirmation, notices, the policy).
const fn intake_page(
    name: &'static str,
    route: &'static str,
    own: &'static [&'static str],
    shared: &'static [&'static str],
) -> Screen {
    Screen {
        wizard_frame: false,
        ..question(name, route, own, shared)
    }
}

const fn tracking(
    name: &'static str,
    route: &'static str,
    own: &'static [&'static str],
    shared: &'static [&'static str],
) -> Screen {
    Screen {
        name,
        route,
        module: Module::Tracking,
        own,
        shared,
        case_types: false,
        wizard_frame: false,
    }
}

pub const SCREENS: &[Screen] = &[
    intake_page(
        "Inicio del formulario",
        "/contacto",
        &[
            "intake_*",
            "draft_found_title",
            "draft_saved_on",
            "draft_continue",
            "draft_start_again",
            "draft_delete_*",
            "draft_deleted",
        ],
        &[],
    ),
    Screen {
        name: "Tipo de caso",
        route: "/contacto/tipo",
        module: Module::Intake,
        own: &["q_type", "q_type_hint", "type_example"],
        shared: &["err_case_type"],
        case_types: true,
        wizard_frame: true,
    },
    question(
        "Antes de empezar (denuncia)",
        "/contacto/antes-de-empezar",
        &["q_emergency", "emergency_*"],
        &[],
    ),
    question(
        "Entidad",
        "/contacto/entidad",
        &[
            "q_agency",
            "q_agency_hint",
            "agency_unknown_hint",
            "procedure_*",
        ],
        &["agency_unknown", "err_agency"],
    ),
    question(
        "Qué pasó",
        "/contacto/que-paso",
        &[
            "q_what_happened",
            "q_what_you_need",
            "description_hint",
            "date_legend",
            "date_hint",
            "place_label",
            "place_hint",
            "suggest_*",
        ],
        &[
            "date_day",
            "date_month",
            "date_year",
            "chars_*",
            "err_description_*",
            "err_date_*",
            "err_place_long",
        ],
    ),
    question(
        "Archivos",
        "/contacto/adjuntos",
        &["q_attachments", "attachments_*"],
        &["attachments_uploading", "remove", "err_attachment_*"],
    ),
    question(
        "Cómo presentar el caso (contacto)",
        "/contacto/sus-datos",
        &[
            "q_contact",
            "identity_*",
            "name_label",
            "contact_either",
            "email_*",
            "phone_*",
        ],
        &[
            "err_identity",
            "err_anonymous_not_allowed",
            "err_name_*",
            "err_contact_required",
            "err_email_format",
            "err_phone_format",
        ],
    ),
    question(
        "Datos personales (consentimiento)",
        "/contacto/datos-personales",
        &["q_consent", "q_consent_assisted", "consent_*"],
        &["err_consent"],
    ),
    question(
        "Cómo llegó el caso (atención asistida)",
        "/contacto/canal",
        &["q_channel", "channel_*", "err_channel", "assisted_banner_*"],
        &[],
    ),
    question(
        "Tema (Open311)",
        "/contacto/tema",
        &["q_topic", "topic_*", "topics_found*", "err_topic"],
        &[],
    ),
    question(
        "Pregunta del tema (Open311)",
        "/contacto/detalle-N",
        &["detail_*", "err_detail_*", "optional_suffix"],
        &[],
    ),
    question(
        "Lugar (Open311)",
        "/contacto/ubicacion",
        &["q_location", "location_*", "err_location"],
        &[],
    ),
    intake_page(
        "Revisar las respuestas",
        "/contacto/revisar",
        &[
            "review_*",
            "change",
            "none",
            "send_*",
            "sending_retry",
            "queued_*",
            "quick_exit",
            "quick_exit_hint",
            "back",
        ],
        &[
            "sending",
            "send_failed_nothing_lost",
            "error_summary_title",
            "error_prefix",
        ],
    ),
    intake_page(
        "Confirmación",
        "/contacto/enviado/:numero",
        &["confirm_*", "receipt_*"],
        &[
            "business_days_explained",
            "confirm_*",
            "error_other_channels",
        ],
    ),
    intake_page(
        "Consulta resuelta (sin caso)",
        "/contacto/resuelto/:tramite",
        &["resolved_*"],
        &[],
    ),
    intake_page(
        "Avisos y errores del formulario",
        "(todas)",
        &[],
        &[
            "outbox_*",
            "offline_banner",
            "storage_memory_warning",
            "update_*",
            "crash_*",
            "error_network",
            "error_timeout",
            "error_server",
            "error_malformed",
            "error_rate_limited_wait",
            "error_upload_quota",
            "error_refused",
            "error_unsupported",
            "error_forbidden",
            "error_conflict",
            "error_too_large",
            "error_rejected",
            "error_not_json",
            "error_title",
            "error_app_part",
            "retry",
        ],
    ),
    intake_page(
        "Política de datos personales",
        "/privacidad",
        &["privacy_*"],
        &[],
    ),
    tracking(
        "Buscar mi caso",
        "/seguimiento",
        &["track_*"],
        &["loading", "error_summary_title", "error_prefix"],
    ),
    tracking(
        "Página del caso",
        "/seguimiento/:numero",
        &[
            "case_*",
            "status_*",
            "reply_by",
            "due_*",
            "overdue_flag",
            "timeline_title",
            "ev_*",
            "legal_*",
            "actor_*",
            "download",
            "expected_on",
            "received_*",
        ],
        &["business_days_explained", "agency_unknown", "loading"],
    ),
    tracking(
        "Responder a la entidad",
        "/seguimiento/:numero",
        &[
            "reply_title",
            "reply_label",
            "reply_hint",
            "reply_required",
            "reply_files",
            "reply_send",
            "reply_sent",
            "reply_queued",
        ],
        &[
            "sending",
            "send_failed_nothing_lost",
            "err_description_long",
            "chars_*",
            "attachments_uploading",
            "remove",
            "err_attachment_*",
        ],
    ),
    tracking(
        "Calificar la respuesta",
        "/seguimiento/:numero",
        &["rating_*", "yes", "no", "score_*"],
        &[],
    ),
    tracking(
        "Mis casos",
        "/mis-casos",
        &["my_cases_*"],
        &["loading", "agency_unknown"],
    ),
];

/// Whether `selector` (a name, or a prefix ending in `*`) picks `field`.
pub fn selects(selector: &str, field: &str) -> bool {
    match selector.strip_suffix('*') {
        Some(prefix) => field.starts_with(prefix),
        None => selector == field,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selector_is_a_name_or_a_prefix() {
        assert!(selects("back", "back"));
        assert!(!selects("back", "back_link"));
        assert!(!selects("draft_delete", "draft_delete_yes"));
        assert!(selects("draft_delete_*", "draft_delete_yes"));
        assert!(!selects("draft_delete_*", "draft_delete"));
        assert!(selects("ev_*", "ev_filed"));
        assert!(!selects("ev_*", "event"));
    }

    #[test]
    fn only_question_pages_have_the_wizard_frame() {
        let framed: Vec<&str> = SCREENS
            .iter()
            .filter(|s| s.wizard_frame)
            .map(|s| s.name)
            .collect();
        assert!(framed.contains(&"Tipo de caso"));
        assert!(framed.contains(&"Lugar (Open311)"));
        for not in [
            "Inicio del formulario",
            "Revisar las respuestas",
            "Confirmación",
            "Avisos y errores del formulario",
            "Política de datos personales",
            "Buscar mi caso",
            "Mis casos",
        ] {
            assert!(!framed.contains(&not), "{not}");
        }
    }
}
