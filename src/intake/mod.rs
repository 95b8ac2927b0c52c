//! Contact the state: the intake wizard (`/contacto/...`), one question per page.
//!
//! Every step is its own URL, so Back (the link and the browser's) works, any step can
//! be bookmarked or reloaded, and the draft (see [`draft`]) holds every answer.

pub mod draft;
mod privacy;
mod quick_exit;
mod review;
mod start;
mod steps;
mod texts;

pub use draft::{use_draft, DraftStore};
pub use privacy::PrivacyPage;
pub use quick_exit::install_quick_exit_guard;
pub use review::ConfirmationPage;
pub use start::StartPage;
pub use steps::StepPage;

use cc_core::config::Deployment;
use cc_core::intake::CaseType;

use draft::Draft;

/// The wizard's pages in order. Which ones apply depends on the answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Type,
    Emergency,
    Agency,
    WhatHappened,
    Attachments,
    Contact,
    Consent,
    Review,
}

impl Step {
    const ALL: [Step; 8] = [
        Step::Type,
        Step::Emergency,
        Step::Agency,
        Step::WhatHappened,
        Step::Attachments,
        Step::Contact,
        Step::Consent,
        Step::Review,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Step::Type => "tipo",
            Step::Emergency => "antes-de-empezar",
            Step::Agency => "entidad",
            Step::WhatHappened => "que-paso",
            Step::Attachments => "adjuntos",
            Step::Contact => "sus-datos",
            Step::Consent => "datos-personales",
            Step::Review => "revisar",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub fn href(self) -> String {
        format!("/contacto/{}", self.slug())
    }
}

pub fn case_type<'a>(deployment: &'a Deployment, draft: &Draft) -> Option<&'a CaseType> {
    let slug = draft.case_type.as_deref()?;
    deployment.case_types.iter().find(|t| t.slug == slug)
}

/// The steps that apply to this draft: the emergency notice only for types that ask
/// for it (denuncias).
pub fn steps_for(deployment: &Deployment, draft: &Draft) -> Vec<Step> {
    let emergency = case_type(deployment, draft).is_some_and(|t| t.emergency_notice);
    Step::ALL
        .into_iter()
        .filter(|s| *s != Step::Emergency || emergency)
        .collect()
}

fn is_answered(step: Step, draft: &Draft) -> bool {
    match step {
        Step::Type => draft.case_type.is_some(),
        Step::Emergency => draft.emergency_seen,
        Step::Agency => draft.agency.is_some(),
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
