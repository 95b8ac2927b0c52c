//! Rating the agency's answer, once.

use cc_core::api::FieldError;
use cc_core::tracking::{CaseView, Rating};
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::components::form::{ErrorSummary, Errors, RadioOption, Radios, TextArea};

use crate::tracking::texts::{t, tr, tr_signal};

#[component]
pub fn RatingForm(
    ticket: String,
    code: String,
    case: RwSignal<Option<CaseView>>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let errors: Errors = RwSignal::new(Vec::new());
    let answered = RwSignal::new(None::<String>);
    let clear = RwSignal::new(None::<String>);
    let score = RwSignal::new(None::<String>);
    let comment = RwSignal::new(String::new());
    let (sending, set_sending) = signal(false);
    let yes_no = Signal::derive(|| {
        vec![
            RadioOption {
                value: "si".into(),
                label: t().yes.into(),
                hint: None,
            },
            RadioOption {
                value: "no".into(),
                label: t().no.into(),
                hint: None,
            },
        ]
    });
    let scores = Signal::derive(|| {
        let tt = t();
        [tt.score_1, tt.score_2, tt.score_3, tt.score_4, tt.score_5]
            .iter()
            .enumerate()
            .map(|(i, l)| RadioOption {
                value: (i + 1).to_string(),
                label: format!("{} — {l}", i + 1),
                hint: None,
            })
            .collect()
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        let req = |f: &str, m: &str| FieldError::new(f, "required", m);
        if answered.get_untracked().is_none() {
            found.push(req("rating_answered", t().rating_answered_required));
        }
        if clear.get_untracked().is_none() {
            found.push(req("rating_clear", t().rating_clear_required));
        }
        if score.get_untracked().is_none() {
            found.push(req("rating_score", t().rating_score_required));
        }
        if !found.is_empty() {
            errors.set(found);
            return;
        }
        errors.set(Vec::new());
        let rating = Rating {
            answered: answered.get_untracked().as_deref() == Some("si"),
            clear: clear.get_untracked().as_deref() == Some("si"),
            score: score
                .get_untracked()
                .and_then(|s| s.parse().ok())
                .unwrap_or(3),
            comment: Some(comment.get_untracked().trim().to_string()).filter(|c| !c.is_empty()),
        };
        set_sending.set(true);
        let (ticket, code) = (ticket.clone(), code.clone());
        leptos::task::spawn_local_scoped(async move {
            let result = api::backend().rate(&ticket, &code, &rating).await;
            let _ = set_sending.try_set(false);
            match result {
                Ok(view) => {
                    let thanks = view.rating.as_ref().map(|r| t().rating_thanks(r.score));
                    let _ = notice.try_set(thanks);
                    let _ = case.try_set(Some(view));
                }
                Err(ApiError::Problem(p)) if !p.errors.is_empty() => {
                    let _ = errors.try_set(p.errors);
                }
                Err(e) => {
                    let _ = errors.try_set(vec![FieldError::new(
                        "rating_score",
                        "send",
                        e.message(t()),
                    )]);
                }
            }
        });
    };
    view! {
        <section class="cc-rating" aria-labelledby="rating-title">
            <h2 id="rating-title" class="cc-heading-l">{tr(|t| t.rating_title)}</h2>
            <p>{tr(|t| t.rating_lead)}</p>
            <ErrorSummary errors=errors />
            <form novalidate on:submit=on_submit>
                <Radios id="rating_answered" legend=tr_signal(|t| t.rating_answered) options=yes_no
                    value=answered.into() on_change=Callback::new(move |v| answered.set(Some(v))) errors=errors />
                <Radios id="rating_clear" legend=tr_signal(|t| t.rating_clear) options=yes_no
                    value=clear.into() on_change=Callback::new(move |v| clear.set(Some(v))) errors=errors />
                <Radios id="rating_score" legend=tr_signal(|t| t.rating_score) options=scores
                    value=score.into() on_change=Callback::new(move |v| score.set(Some(v))) errors=errors />
                <TextArea id="rating_comment" label=tr_signal(|t| t.rating_comment)
                    value=comment.into() on_input=Callback::new(move |v| comment.set(v)) errors=errors max=cc_core::tracking::RATING_COMMENT_MAX dictation=true />
                <button type="submit" class="cc-button" aria-disabled=move || sending.get().then_some("true")>{tr(|t| t.rating_send)}</button>
            </form>
        </section>
    }
}
