//! The wizard's draft: every answer, saved to this device as the person types, so a
//! reload, a crashed tab or coming back days later loses nothing.

use std::collections::BTreeMap;

use cc_core::intake::self_service::set_aside_draft_expired;
use cc_core::intake::{AttachmentReceipt, Identity};
use cc_core::open311::{Attribute, Location};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::kept_cases;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// Created with the draft and sent as `Idempotency-Key`: however many times the
    /// send is retried, the backend creates one case.
    pub idempotency_key: String,
    pub case_type: Option<String>,
    /// The denuncia emergency notice was read.
    pub emergency_seen: bool,
    /// Agency acronym; `Some("")` means "I don't know".
    pub agency: Option<String>,
    pub procedure: Option<String>,
    pub procedure_name: Option<String>,
    pub description: String,
    pub day: String,
    pub month: String,
    pub year: String,
    pub place: String,
    pub attachments: Vec<AttachmentReceipt>,
    pub identity: Option<Identity>,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub consent: bool,
    /// The chosen topic's own questions (backends without a procedure catalog), kept
    /// with the draft so a reload or a deep link needs no network. Kept as their JSON
    /// text: the draft is read by the app's first download, and the questions' reader
    /// belongs with the wizard's code, downloaded with its pages.
    #[serde(rename = "topic_questions")]
    topic_questions_json: String,
    /// The topic `topic_questions` belong to; differs from `procedure` while the
    /// questions of a newly chosen topic are on their way.
    pub topic_questions_for: Option<String>,
    /// Answers to `topic_questions` by question code (several for a multiple choice).
    pub topic_answers: BTreeMap<String, Vec<String>>,
    /// Where the problem is, in the person's words.
    pub address: String,
    /// The phone's position, when the person chose to share it.
    pub position: Option<(f64, f64)>,
    /// Milliseconds since the epoch when "Enviar" was pressed without a connection (or
    /// with the backend failing): the case waits in the outbox on this device and goes
    /// out by itself, with the same idempotency key, when the connection is back.
    pub queued_at: Option<f64>,
    /// Answers the backend refused when the outbox sent the case (in the person's
    /// language), shown on the check page.
    pub refused: Vec<cc_core::api::FieldError>,
    /// The person asked that "Salir rápido" also delete this draft from the device.
    pub clear_on_exit: bool,
    /// Milliseconds since the epoch, for "saved on …".
    pub updated_at: f64,
    /// When a suggested procedure answered the question ("Esto resuelve mi consulta"):
    /// the draft is then kept for a week only (`cc_core::intake::self_service`).
    pub set_aside_at: Option<f64>,
    /// "No, quiero seguir": no more suggestions for this draft.
    pub suggestions_declined: bool,
    /// Assisted mode: how the case came in (a staff member files for the person).
    pub channel: Option<cc_core::channel::Channel>,
}

impl Draft {
    pub fn fresh() -> Self {
        Draft {
            idempotency_key: crate::api::random_uuid(),
            ..Default::default()
        }
    }

    /// Whether the person has answered anything worth offering to resume.
    pub fn has_answers(&self) -> bool {
        self.case_type.is_some() || !self.description.trim().is_empty()
    }

    /// The chosen topic's own questions (none when not loaded or unreadable).
    pub fn topic_questions(&self) -> Vec<Attribute> {
        serde_json::from_str(&self.topic_questions_json).unwrap_or_default()
    }

    pub fn set_topic_questions(&mut self, questions: &[Attribute]) {
        self.topic_questions_json = serde_json::to_string(questions).unwrap_or_default();
    }

    /// Whether the questions of the chosen topic are here (none to ask is an answer).
    pub fn topic_questions_ready(&self) -> bool {
        self.procedure.is_some() && self.topic_questions_for == self.procedure
    }

    /// The answer to one topic question (empty when not answered).
    pub fn topic_answer(&self, code: &str) -> &[String] {
        self.topic_answers
            .get(code)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Where the problem is: the shared position wins over the typed address.
    pub fn location(&self) -> Option<Location> {
        if let Some((lat, long)) = self.position {
            return Some(Location::Point { lat, long });
        }
        let address = self.address.trim();
        (!address.is_empty()).then(|| Location::Address(address.to_string()))
    }

    /// `YYYY-MM-DD` from the three date fields, `None` when all are empty,
    /// `Some(raw)` (unparseable) when partly filled so validation can say what is wrong.
    pub fn event_date(&self) -> Option<String> {
        let (d, m, y) = (self.day.trim(), self.month.trim(), self.year.trim());
        if d.is_empty() && m.is_empty() && y.is_empty() {
            return None;
        }
        let num = |s: &str| s.parse::<u32>().ok();
        match (num(d), num(m), num(y)) {
            (Some(d), Some(m), Some(y)) => Some(format!("{y:04}-{m:02}-{d:02}")),
            _ => Some(format!("{y}-{m}-{d}")),
        }
    }
}

/// The draft signal shared by every wizard page, loaded once and saved on change.
#[derive(Clone, Copy)]
pub struct DraftStore(pub RwSignal<Draft>);

impl DraftStore {
    pub fn load() -> Self {
        let now = js_sys::Date::now();
        let draft = match kept_cases::load_draft::<Draft>() {
            Some(d)
                if d.set_aside_at
                    .is_some_and(|at| set_aside_draft_expired(at, now)) =>
            {
                kept_cases::remove_draft();
                None
            }
            loaded => loaded,
        };
        let draft = draft
            .filter(|d| !d.idempotency_key.is_empty())
            .unwrap_or_else(Draft::fresh);
        let signal = RwSignal::new(draft);
        // Save on every change: localStorage writes are synchronous and survive a crash
        // right after the keystroke.
        Effect::new(move |_| {
            let mut d = signal.get();
            if d.has_answers() || d.agency.is_some() {
                d.updated_at = js_sys::Date::now();
                kept_cases::save_draft(&d);
            }
        });
        DraftStore(signal)
    }

    pub fn update(&self, f: impl FnOnce(&mut Draft)) {
        self.0.update(f);
    }

    /// Deletes the saved draft and starts a new one (new idempotency key).
    pub fn discard(&self) {
        kept_cases::remove_draft();
        self.0.set(Draft::fresh());
    }
}

pub fn use_draft() -> DraftStore {
    expect_context::<DraftStore>()
}
