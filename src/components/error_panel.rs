//! Loading and failure states shared by every screen that talks to the backend.

use leptos::prelude::*;

use super::ReadAloud;
use crate::api::ApiError;
use crate::context::use_deployment;
use crate::i18n::{t, tr};

/// A polite loading message: announced once, and never a blank area.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="cc-loading" role="status">
            <span class="cc-spinner" aria-hidden="true"></span>
            {tr(|t| t.loading)}
        </p>
    }
}

/// Explains a failure in plain words, offers a retry and the other channels.
/// `role="alert"` so the failure is announced when it replaces the loading state.
#[component]
pub fn ErrorPanel(
    error: ApiError,
    #[prop(optional, into)] on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let deployment = use_deployment();
    let error_for_msg = error.clone();
    // Several panels may be on one page: each reads only itself.
    static PANELS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let id = format!(
        "cc-error-panel-{}",
        PANELS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let region = id.clone();
    view! {
        <div class="cc-error-panel" role="alert" id=id>
            <h2 class="cc-heading-m">{tr(|t| t.error_title)}</h2>
            <p>{move || error_for_msg.message(t())}</p>
            {move || {
                deployment
                    .get()
                    .map(|d| {
                        view! {
                            <p>
                                {t().error_other_channels(&d.channels.phone, &d.channels.phone_hours)}
                            </p>
                        }
                    })
            }}
            {on_retry
                .map(|cb| {
                    view! {
                        <button type="button" class="cc-button cc-button--secondary" on:click=move |_| cb.run(())>
                            {tr(|t| t.retry)}
                        </button>
                    }
                })}
            <ReadAloud region=region />
        </div>
    }
}
