//! Where the problem is, for backends that need a place (Open311 requests carry an
//! address or a position). Typing an address always works; sharing the phone's
//! position is offered after saying why, and only its point is sent with the case.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::components::form::{Errors, TextField};
use crate::intake::draft::DraftStore;
use crate::intake::texts::{t, tr, tr_signal};

#[derive(Clone, Copy, PartialEq)]
enum Finding {
    Idle,
    Searching,
    Failed,
}

#[component]
pub fn LocationStep(draft: DraftStore, errors: Errors) -> impl IntoView {
    let (finding, set_finding) = signal(Finding::Idle);
    let has_geolocation = web_sys::window()
        .and_then(|w| w.navigator().geolocation().ok())
        .is_some();
    let use_position = move |_| {
        set_finding.set(Finding::Searching);
        if !ask_position(draft, set_finding, errors) {
            set_finding.set(Finding::Failed);
        }
    };
    let position = move || draft.0.with(|d| d.position);
    view! {
        <h1 class="cc-heading-xl" tabindex="-1">{tr(|t| t.q_location)}</h1>
        <TextField
            id="address"
            label=tr_signal(|t| t.location_address_label)
            hint=tr_signal(|t| t.location_address_hint)
            value=Signal::derive(move || draft.0.with(|d| d.address.clone()))
            on_input=Callback::new(move |v: String| draft.update(|d| d.address = v))
            errors=errors
            autocomplete="street-address"
        />
        {has_geolocation.then(|| view! {
            <div class="cc-inset">
                <p>{tr(|t| t.location_position_why)}</p>
                {move || match position() {
                    Some((lat, long)) => view! {
                        <p id="position-set" tabindex="-1">{t().location_position_set(lat, long)}</p>
                        <button type="button" class="cc-button cc-button--secondary"
                            on:click=move |_| draft.update(|d| d.position = None)>
                            {tr(|t| t.location_position_remove)}
                        </button>
                    }.into_any(),
                    None => view! {
                        <button type="button" class="cc-button cc-button--secondary"
                            disabled=move || finding.get() == Finding::Searching
                            on:click=use_position>
                            {tr(|t| t.location_use_position)}
                        </button>
                    }.into_any(),
                }}
                <p role="status">{move || match finding.get() {
                    Finding::Searching if position().is_none() => t().location_position_finding,
                    Finding::Failed => t().location_position_failed,
                    _ => "",
                }}</p>
            </div>
        })}
    }
}

/// Asks the browser for the position (it asks the person for permission); `false`
/// when the request could not even be made.
fn ask_position(draft: DraftStore, set_finding: WriteSignal<Finding>, errors: Errors) -> bool {
    let Some(geolocation) = web_sys::window().and_then(|w| w.navigator().geolocation().ok()) else {
        return false;
    };
    let found = wasm_bindgen::closure::Closure::once_into_js(move |position: JsValue| {
        // Read by name: web-sys marks the position types unstable.
        let number = |object: &JsValue, name: &str| {
            js_sys::Reflect::get(object, &name.into())
                .ok()
                .and_then(|v| v.as_f64())
        };
        let coords = js_sys::Reflect::get(&position, &"coords".into()).unwrap_or_default();
        let (Some(lat), Some(long)) = (number(&coords, "latitude"), number(&coords, "longitude"))
        else {
            let _ = set_finding.try_set(Finding::Failed);
            return;
        };
        draft.update(|d| d.position = Some((lat, long)));
        let _ = set_finding.try_set(Finding::Idle);
        let _ = errors.try_update(|e| e.retain(|x| x.field != "address"));
        // The button is gone: focus goes to the sentence that says what was chosen.
        request_animation_frame(|| crate::components::form::focus_by_id("position-set"));
    });
    let failed = wasm_bindgen::closure::Closure::once_into_js(move |_: JsValue| {
        let _ = set_finding.try_set(Finding::Failed);
    });
    let options = web_sys::PositionOptions::new();
    options.set_timeout(20_000);
    options.set_maximum_age(60_000);
    geolocation
        .get_current_position_with_error_callback_and_options(
            found.unchecked_ref(),
            Some(failed.unchecked_ref()),
            &options,
        )
        .is_ok()
}
