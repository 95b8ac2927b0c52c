//! What the report is about, for backends whose catalog is a list of topics (Open311
//! services) rather than procedures: one radio per topic, narrowed by the catalog's
//! search engine (names, descriptions and the backend's keywords). Choosing a topic
//! brings its own questions, which become the next pages.

use leptos::prelude::*;

use crate::api;
use crate::components::form::{Errors, RadioOption, Radios};
use crate::components::{ErrorPanel, Loading};
use crate::context::use_catalog;
use crate::intake::draft::DraftStore;
use crate::intake::texts::{t, tr, tr_signal};

/// Fewer letters than this show every topic.
const MIN_FILTER_CHARS: usize = 2;

#[component]
pub fn TopicStep(draft: DraftStore, errors: Errors) -> impl IntoView {
    let catalog = use_catalog().0;
    let (filter, set_filter) = signal(String::new());
    // The chosen topic's questions, fetched once per choice and kept in the draft (a
    // reload or going back needs no network).
    let questions = LocalResource::new(move || {
        let wanted = draft
            .0
            .with(|d| (!d.topic_questions_ready()).then(|| d.procedure.clone()))
            .flatten();
        async move {
            let Some(code) = wanted else {
                return Ok(());
            };
            let found = api::backend().topic_questions(&code).await?;
            draft.update(|d| {
                if d.procedure.as_deref() == Some(code.as_str()) {
                    let codes: Vec<&str> = found.iter().map(|q| q.code.as_str()).collect();
                    d.topic_answers.retain(|k, _| codes.contains(&k.as_str()));
                    d.set_topic_questions(&found);
                    d.topic_questions_for = Some(code);
                }
            });
            // The "still loading" error of an early "Continuar" is now out of date.
            errors.update(|e| e.retain(|x| x.field != "topic"));
            Ok::<(), api::ApiError>(())
        }
    });
    view! {
        {move || match catalog.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(e)) => view! { <ErrorPanel error=e on_retry=Callback::new(move |_| catalog.refetch()) /> }.into_any(),
            Some(Ok(engine)) => {
                let names = engine.clone();
                let options = Signal::derive(move || {
                    let q = filter.get();
                    let docs: Vec<usize> = if q.trim().chars().count() < MIN_FILTER_CHARS {
                        (0..engine.index.procedures.len()).collect()
                    } else {
                        let outcome = engine.search.search(&q, &Default::default());
                        outcome.hits.into_iter().map(|h| h.doc).collect()
                    };
                    docs.into_iter()
                        .filter_map(|i| engine.index.procedures.get(i))
                        .map(|p| RadioOption {
                            value: p.slug.clone(),
                            label: p.name.clone(),
                            hint: Some(p.summary.clone()).filter(|s| !s.is_empty()),
                        })
                        .collect::<Vec<_>>()
                });
                view! {
                    <h1 class="cc-heading-xl" tabindex="-1">{tr(|t| t.q_topic)}</h1>
                    <div class="cc-field">
                        <label class="cc-label" for="topic-filter">{tr(|t| t.topic_filter_label)}</label>
                        <p class="cc-hint" id="topic-filter-hint">{tr(|t| t.topic_filter_hint)}</p>
                        <input id="topic-filter" type="search" class="cc-input" autocomplete="off"
                            aria-describedby="topic-filter-hint"
                            prop:value=move || filter.get()
                            on:input=move |ev| set_filter.set(event_target_value(&ev)) />
                    </div>
                    <p class="cc-visually-hidden" role="status">{move || {
                        let n = options.with(Vec::len);
                        if filter.with(|f| f.trim().chars().count() < MIN_FILTER_CHARS) { String::new() } else { t().topics_found(n) }
                    }}</p>
                    {move || options.with(Vec::is_empty).then(|| view! { <p>{tr(|t| t.topic_none_found)}</p> })}
                    <Radios
                        id="topic"
                        legend=tr_signal(|t| t.topic_legend)
                        options=options
                        value=Signal::derive(move || draft.0.with(|d| d.procedure.clone()))
                        on_change=Callback::new(move |code: String| {
                            let name = names.index.procedures.iter().find(|p| p.slug == code).map(|p| p.name.clone());
                            draft.update(move |d| {
                                d.procedure = Some(code);
                                d.procedure_name = name;
                            });
                            errors.update(|e| e.retain(|x| x.field != "topic"));
                        })
                        errors=errors
                    />
                    {move || match questions.get() {
                        Some(Err(e)) => Some(view! { <ErrorPanel error=e on_retry=Callback::new(move |_| questions.refetch()) /> }),
                        _ => None,
                    }}
                }.into_any()
            }
        }}
    }
}
