//! Contact the state: the intake wizard (`/contacto/...`), one question per page.
//!
//! Every step is its own URL, so Back (the link and the browser's) works, any step can
//! be bookmarked or reloaded, and the draft (see [`draft`]) holds every answer.

mod assisted_banner;
mod confirmation;
pub mod draft;
mod outbox;
mod outbox_notice;
mod privacy;
mod quick_exit;
mod resolved;
mod review;
mod send;
mod start;
mod steps;
pub(crate) mod texts;

pub use confirmation::ConfirmationPage;
pub use draft::{use_draft, DraftStore};
pub use outbox_notice::OutboxNotice;
pub use privacy::PrivacyPage;
pub use quick_exit::install_quick_exit_guard;
pub use resolved::ResolvedPage;
pub use start::StartPage;
pub use steps::StepPage;

use cc_core::config::Deployment;
use cc_core::intake::CaseType;

use draft::Draft;

/// The wizard's pages in order. Which ones apply depends on the answers and on what
/// the backend can do (see [`steps_for`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Assisted mode only: how the case came in (phone, in person, mail, verbal).
    Channel,
    Type,
    Emergency,
    Agency,
    /// What the report is about, from the backend's list of topics (Open311 services),
    /// for backends without a procedure catalog.
    Topic,
    /// The topic's own question number `n` (0-based), generated from the backend.
    Detail(u8),
    /// Where the problem is, for backends that need a location.
    Location,
    WhatHappened,
    Attachments,
    Contact,
    Consent,
    Review,
}

impl Step {
    /// The fixed pages, in order (the topic's own questions follow [`Step::Topic`]).
    const FIXED: [Step; 11] = [
        Step::Channel,
        Step::Type,
        Step::Emergency,
        Step::Agency,
        Step::Topic,
        Step::Location,
        Step::WhatHappened,
        Step::Attachments,
        Step::Contact,
        Step::Consent,
        Step::Review,
    ];

    pub fn slug(self) -> String {
        match self {
            Step::Channel => "canal",
            Step::Type => "tipo",
            Step::Emergency => "antes-de-empezar",
            Step::Agency => "entidad",
            Step::Topic => "tema",
            Step::Detail(n) => return format!("detalle-{}", u16::from(n) + 1),
            Step::Location => "ubicacion",
            Step::WhatHappened => "que-paso",
            Step::Attachments => "adjuntos",
            Step::Contact => "sus-datos",
            Step::Consent => "datos-personales",
            Step::Review => "revisar",
        }
        .to_string()
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        if let Some(n) = slug.strip_prefix("detalle-") {
            let n: u8 = n.parse().ok().filter(|n| *n >= 1)?;
            return Some(Step::Detail(n - 1));
        }
        Step::FIXED.into_iter().find(|s| s.slug() == slug)
    }

    pub fn href(self) -> String {
        format!("/contacto/{}", self.slug())
    }
}

/// The case type of this draft; a deployment with a single type needs no choice.
pub fn case_type<'a>(deployment: &'a Deployment, draft: &Draft) -> Option<&'a CaseType> {
    if let [only] = deployment.case_types.as_slice() {
        return Some(only);
    }
    let slug = draft.case_type.as_deref()?;
    deployment.case_types.iter().find(|t| t.slug == slug)
}

/// The steps that apply to this draft: the emergency notice only for types that ask
/// for it (denuncias); the type only when there is a choice; agency and attachments,
/// or topic, its questions and the location, as the backend offers them.
pub fn steps_for(deployment: &Deployment, draft: &Draft) -> Vec<Step> {
    let caps = crate::api::backend().capabilities();
    let assisting = crate::api::staff::assisting();
    let emergency = case_type(deployment, draft).is_some_and(|t| t.emergency_notice);
    let mut steps = Vec::new();
    for step in Step::FIXED {
        let applies = match step {
            Step::Channel => assisting,
            Step::Type => deployment.case_types.len() != 1,
            Step::Emergency => emergency,
            Step::Agency => caps.procedures,
            Step::Topic => !caps.procedures,
            Step::Location => caps.location,
            Step::Attachments => caps.attachments,
            _ => true,
        };
        if applies {
            steps.push(step);
        }
        if step == Step::Topic && applies {
            let questions = draft.topic_questions().len().min(usize::from(u8::MAX));
            steps.extend((0..questions as u8).map(Step::Detail));
        }
    }
    steps
}

fn is_answered(step: Step, draft: &Draft) -> bool {
    match step {
        Step::Channel => draft.channel.is_some(),
        Step::Type => draft.case_type.is_some(),
        Step::Emergency => draft.emergency_seen,
        Step::Agency => draft.agency.is_some(),
        Step::Topic => draft.procedure.is_some() && draft.topic_questions_ready(),
        Step::Detail(n) => draft
            .topic_questions()
            .get(usize::from(n))
            .is_none_or(|q| steps::validate_detail(q, draft).is_empty()),
        Step::Location => draft.location().is_some(),
        Step::WhatHappened => !draft.description.trim().is_empty(),
        // Optional: an empty list is an answer.
        Step::Attachments => true,
        Step::Contact => draft.identity.is_some(),
        Step::Consent => draft.consent,
        Step::Review => false,
    }
}

/// Where a deep link may land: the requested step if everything before it is answered,
/// otherwise the first unanswered step (so a bookmark never shows a page out of order).
pub fn allowed_step(deployment: &Deployment, draft: &Draft, wanted: Step) -> Step {
    for step in steps_for(deployment, draft) {
        if step == wanted || !is_answered(step, draft) {
            return step;
        }
    }
    wanted
}

/// Previous and next applicable steps.
pub fn neighbours(
    deployment: &Deployment,
    draft: &Draft,
    step: Step,
) -> (Option<Step>, Option<Step>) {
    let steps = steps_for(deployment, draft);
    let Some(i) = steps.iter().position(|s| *s == step) else {
        return (None, steps.first().copied());
    };
    (
        i.checked_sub(1).map(|j| steps[j]),
        steps.get(i + 1).copied(),
    )
}

/// "Paso N de M", counting questions only (not the check page).
pub fn progress(deployment: &Deployment, draft: &Draft, step: Step) -> Option<(usize, usize)> {
    let steps: Vec<Step> = steps_for(deployment, draft)
        .into_iter()
        .filter(|s| *s != Step::Review)
        .collect();
    let i = steps.iter().position(|s| *s == step)?;
    Some((i + 1, steps.len()))
}
