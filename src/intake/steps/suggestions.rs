//! The self-service first level: while the person describes the problem, up to three
//! catalog procedures that may already answer it ("Esto resuelve mi consulta" ends the
//! wizard without a case; "No, quiero seguir" hides them for this draft). Both answers
//! are counted anonymously for `/transparencia`.
//!
//! The search runs after a pause in typing, never on a keystroke, and focus stays in
//! the text box: the suggestions are announced, not imposed. Not offered for case types
//! with the emergency notice (denuncias): someone reporting a threat is not looking
//! for a procedure.

use std::time::Duration;

use cc_core::config::Deployment;
use cc_core::search::{pick_suggestions, SearchMode, MIN_DESCRIPTION_WORDS};
use cc_core::transparency::SelfServiceOutcome;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use crate::api::{self, encode};
use crate::components::form::focus_by_id;
use crate::context::{use_catalog, CatalogEngine};
use crate::i18n::fill_named;
use crate::intake::case_type;
use crate::intake::draft::DraftStore;
use crate::intake::texts::{t, tr};

/// A pause in typing this long asks for suggestions.
const TYPING_PAUSE: Duration = Duration::from_millis(700);

/// One procedure offered.
#[derive(Clone, PartialEq)]
struct Suggestion {
    slug: String,
    name: String,
    agency: String,
    summary: String,
}

/// The suggestions under the description, for `deployment`'s case types that have them.
#[component]
pub fn Suggestions(deployment: Deployment, draft: DraftStore) -> impl IntoView {
    let wanted = api::backend().capabilities().procedures
        && !draft
            .0
            .with_untracked(|d| case_type(&deployment, d).is_some_and(|c| c.emergency_notice));
    if !wanted {
        return ().into_any();
    }
    let catalog = use_catalog().0;
    let description = Memo::new(move |_| draft.0.with(|d| d.description.clone()));
    // The description as of the last pause in typing.
    let asked = RwSignal::new(description.get_untracked());
    Effect::new(move |first: Option<()>| {
        let now = description.get();
        if first.is_some() {
            // Writing again means the person is working on the case again.
            if draft.0.with_untracked(|d| d.set_aside_at.is_some()) {
                draft.update(|d| d.set_aside_at = None);
            }
            set_timeout(
                move || {
                    if description.try_get_untracked().as_ref() == Some(&now) {
                        asked.set(now);
                    }
                },
                TYPING_PAUSE,
            );
        }
    });
    let found = LocalResource::new(move || {
        let text = asked.get();
        let engine = catalog.get().and_then(Result::ok);
        async move {
            let list = match &engine {
                Some(engine) => suggest(engine, &text).await,
                None => Vec::new(),
            };
            (engine.is_some().then_some(text.chars().count()), list)
        }
    });
    // Kept while the next search runs, and changed only when the list does, so a
    // screen reader hears each new list once.
    let shown = RwSignal::new(Vec::<Suggestion>::new());
    // The length of the description last looked at (a test's condition to wait on).
    let checked = RwSignal::new(None::<usize>);
    Effect::new(move |_| {
        if let Some((length, list)) = found.get() {
            if shown.with_untracked(|s| *s != list) {
                shown.set(list);
            }
            checked.set(length);
        }
    });
    let declined = Signal::derive(move || draft.0.with(|d| d.suggestions_declined));
    let visible = move || !declined.get() && !shown.with(Vec::is_empty);
    let (status, set_status) = signal(String::new());
    Effect::new(move |_| {
        let n = shown.with(Vec::len);
        let text = match n {
            _ if declined.get_untracked() => return,
            0 => String::new(),
            1 => t().suggest_announce_one.to_string(),
            n => fill_named(t().suggest_announce_many, &[("n", &n.to_string())]),
        };
        set_status.set(text);
    });

    let navigate = use_navigate();
    let resolve = UnsyncCallback::new(move |slug: String| {
        draft.update(|d| d.set_aside_at = Some(js_sys::Date::now()));
        count(slug.clone(), SelfServiceOutcome::Resolved);
        navigate(
            &format!("/contacto/resuelto/{}", encode(&slug)),
            Default::default(),
        );
    });
    let decline = move |_| {
        if let Some(first) = shown.with_untracked(|s| s.first().map(|s| s.slug.clone())) {
            count(first, SelfServiceOutcome::Continued);
        }
        draft.update(|d| d.suggestions_declined = true);
        set_status.set(t().suggest_declined.to_string());
        // The section is gone with the button that had focus: back to writing.
        focus_by_id("description");
    };

    view! {
        <Show when=visible>
            <section class="cc-suggestions" aria-labelledby="cc-suggestions-title">
                <h2 id="cc-suggestions-title" class="cc-heading-m">{tr(|t| t.suggest_heading)}</h2>
                <p>{tr(|t| t.suggest_lead)}</p>
                <ul class="cc-suggestions__list">
                    <For each=move || shown.get().into_iter().enumerate() key=|(_, s)| s.slug.clone() let:item>
                        {
                            let (i, s) = item;
                            let name_id = format!("cc-suggestion-{i}");
                            let slug = s.slug.clone();
                            view! {
                                <li class="cc-suggestion">
                                    <a class="cc-link cc-suggestion__name" id=name_id.clone()
                                        href=format!("/tramites/{}", encode(&s.slug))>{s.name}</a>
                                    <p class="cc-caption">{s.agency}</p>
                                    <p class="cc-suggestion__summary">{s.summary}</p>
                                    <button type="button" class="cc-button cc-button--secondary"
                                        aria-describedby=name_id
                                        on:click=move |_| resolve.run(slug.clone())>
                                        {tr(|t| t.suggest_resolves)}
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
                <button type="button" class="cc-button cc-button--secondary cc-suggestions__continue"
                    on:click=decline>
                    {tr(|t| t.suggest_continue)}
                </button>
            </section>
        </Show>
        <p class="cc-visually-hidden" role="status" data-suggestions-checked=move || checked.get()>{status}</p>
    }
    .into_any()
}

/// The procedures for `text`: the browser's index when the catalog is searched here,
/// the backend's search otherwise (through the same choice rule).
async fn suggest(engine: &CatalogEngine, text: &str) -> Vec<Suggestion> {
    if text.split_whitespace().count() < MIN_DESCRIPTION_WORDS {
        return Vec::new();
    }
    let entry = |p: &cc_core::catalog::ProcedureSummary| Suggestion {
        slug: p.slug.clone(),
        name: p.name.clone(),
        agency: engine.agency_name(&p.agency),
        summary: p.summary.clone(),
    };
    if engine.mode == SearchMode::Local {
        return engine
            .search
            .for_description(text)
            .iter()
            .map(|h| entry(&engine.index.procedures[h.doc]))
            .collect();
    }
    match api::backend().search(&format!("q={}", encode(text))).await {
        Ok(page) => pick_suggestions(page.items, |h| (h.score, !h.highlights.is_empty()))
            .iter()
            .map(|h| entry(&h.procedure))
            .collect(),
        // Suggestions are a help, never an obstacle: a failed search shows none.
        Err(_) => Vec::new(),
    }
}

/// Counts an outcome; a failure is not the person's concern (nothing is shown).
fn count(slug: String, outcome: SelfServiceOutcome) {
    spawn_local(async move {
        let _ = api::backend().self_service(&slug, outcome).await;
    });
}
