//! Dictation into a text box with the browser's speech recognition, for people who
//! cannot type well on a phone. What is heard is added at the end of the text, never
//! in place of what was typed. Where the browser has no speech recognition the button
//! is absent and the hint points to the keyboard's own microphone, which every phone
//! has.
//!
//! Chromium calls it `webkitSpeechRecognition`; web-sys binds only the unprefixed
//! name, so the few members used are bound here and the constructor is looked up.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, use_lang};

#[wasm_bindgen]
extern "C" {
    /// A `SpeechRecognition` (or `webkitSpeechRecognition`) object.
    type Recognition;
    #[wasm_bindgen(method)]
    fn start(this: &Recognition);
    #[wasm_bindgen(method)]
    fn stop(this: &Recognition);
    #[wasm_bindgen(method)]
    fn abort(this: &Recognition);
    #[wasm_bindgen(method, setter)]
    fn set_lang(this: &Recognition, lang: &str);
    #[wasm_bindgen(method, setter)]
    fn set_continuous(this: &Recognition, continuous: bool);
    #[wasm_bindgen(method, setter = interimResults)]
    fn set_interim_results(this: &Recognition, interim: bool);
    #[wasm_bindgen(method, setter)]
    fn set_onresult(this: &Recognition, handler: Option<&js_sys::Function>);
    #[wasm_bindgen(method, setter)]
    fn set_onerror(this: &Recognition, handler: Option<&js_sys::Function>);
    #[wasm_bindgen(method, setter)]
    fn set_onend(this: &Recognition, handler: Option<&js_sys::Function>);
}

/// The browser's speech recognition constructor, if it has one.
fn recognition_constructor() -> Option<js_sys::Function> {
    let window = web_sys::window()?;
    ["SpeechRecognition", "webkitSpeechRecognition"]
        .into_iter()
        .find_map(|name| {
            js_sys::Reflect::get(&window, &name.into())
                .ok()?
                .dyn_into()
                .ok()
        })
}

pub fn dictation_available() -> bool {
    recognition_constructor().is_some()
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Listening {
    Idle,
    On,
    Stopped,
    Denied,
    Failed,
}

/// The final words of a `result` event, from `resultIndex` on.
fn final_words(event: &JsValue) -> String {
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &key.into()).ok();
    let from = get(event, "resultIndex")
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0) as u32;
    let Some(results) = get(event, "results") else {
        return String::new();
    };
    let count = get(&results, "length")
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0) as u32;
    let mut words = Vec::new();
    for i in from..count {
        let Ok(result) = js_sys::Reflect::get_u32(&results, i) else {
            continue;
        };
        if !get(&result, "isFinal").is_some_and(|f| f.is_truthy()) {
            continue;
        }
        let transcript = js_sys::Reflect::get_u32(&result, 0)
            .ok()
            .and_then(|alternative| get(&alternative, "transcript"))
            .and_then(|t| t.as_string());
        if let Some(text) = transcript {
            words.push(text.trim().to_string());
        }
    }
    words.retain(|w| !w.is_empty());
    words.join(" ")
}

/// `text` with `heard` added at the end, separated by a space unless the text is empty
/// or already ends in white space.
pub fn append_dictated(text: &str, heard: &str) -> String {
    let heard = heard.trim();
    if heard.is_empty() {
        return text.to_string();
    }
    if text.is_empty() || text.ends_with(char::is_whitespace) {
        format!("{text}{heard}")
    } else {
        format!("{text} {heard}")
    }
}

struct Session {
    recognition: Recognition,
    _handlers: [Closure<dyn Fn(JsValue)>; 3],
}

impl Session {
    fn end(self) {
        self.recognition.set_onresult(None);
        self.recognition.set_onerror(None);
        self.recognition.set_onend(None);
        self.recognition.abort();
    }
}

/// Under a text box: "Dictar" (the same button then says "Terminar de dictar") and a
/// status line saying what happens; or, without speech recognition, the hint about
/// the keyboard's microphone. `text` is the box's value, `on_text` sets it.
#[component]
pub fn Dictation(
    id: &'static str,
    text: Signal<String>,
    on_text: Callback<String>,
) -> impl IntoView {
    if !dictation_available() {
        return view! { <p class="cc-hint cc-dictation__hint">{move || t().dictate_keyboard_hint}</p> }
            .into_any();
    }
    let state = RwSignal::new(Listening::Idle);
    let session: StoredValue<Option<Session>, LocalStorage> = StoredValue::new_local(None);
    let finish = move || {
        if let Some(s) = session.try_update_value(Option::take).flatten() {
            s.end();
        }
    };
    on_cleanup(finish);
    let begin = move || {
        finish();
        let Some(constructor) = recognition_constructor() else {
            return;
        };
        let Ok(object) = js_sys::Reflect::construct(&constructor, &js_sys::Array::new()) else {
            state.set(Listening::Failed);
            return;
        };
        let recognition: Recognition = object.unchecked_into();
        recognition.set_lang(use_lang().get_untracked().code());
        recognition.set_continuous(true);
        recognition.set_interim_results(false);
        let on_result = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
            let heard = final_words(&event);
            if !heard.is_empty() {
                on_text.run(append_dictated(&text.get_untracked(), &heard));
            }
        });
        let on_error = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
            let error = js_sys::Reflect::get(&event, &"error".into())
                .ok()
                .and_then(|e| e.as_string())
                .unwrap_or_default();
            state.set(match error.as_str() {
                "not-allowed" | "service-not-allowed" => Listening::Denied,
                // Silence, or our own stop: not a failure.
                "no-speech" | "aborted" => Listening::Stopped,
                _ => Listening::Failed,
            });
        });
        let on_end = Closure::<dyn Fn(JsValue)>::new(move |_| {
            state.update(|s| {
                if *s == Listening::On {
                    *s = Listening::Stopped;
                }
            });
        });
        recognition.set_onresult(Some(on_result.as_ref().unchecked_ref()));
        recognition.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        recognition.set_onend(Some(on_end.as_ref().unchecked_ref()));
        recognition.start();
        session.set_value(Some(Session {
            recognition,
            _handlers: [on_result, on_error, on_end],
        }));
        state.set(Listening::On);
    };
    let toggle = move |_| {
        if state.get_untracked() == Listening::On {
            // `stop` keeps what was already heard: its last result still arrives.
            session.with_value(|s| {
                if let Some(s) = s {
                    s.recognition.stop();
                }
            });
            state.set(Listening::Stopped);
        } else {
            begin();
        }
    };
    let status = move || {
        let tt = t();
        match state.get() {
            Listening::Idle => "",
            Listening::On => tt.dictate_listening,
            Listening::Stopped => tt.dictate_stopped,
            Listening::Denied => tt.dictate_denied,
            Listening::Failed => tt.dictate_failed,
        }
    };
    view! {
        <div class="cc-dictation">
            <button
                type="button"
                class="cc-button cc-button--secondary cc-dictation__button"
                aria-controls=id
                on:click=toggle
            >
                <span class="cc-dictation__icon" aria-hidden="true"></span>
                {move || if state.get() == Listening::On { t().dictate_stop } else { t().dictate }}
            </button>
            <p class="cc-dictation__status" role="status" id=format!("{id}-dictation-status")
                class:cc-dictation__status--error=move || matches!(state.get(), Listening::Denied | Listening::Failed)>
                {status}
            </p>
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::append_dictated;

    #[test]
    fn dictated_words_are_added_after_what_was_typed() {
        assert_eq!(append_dictated("", "hola"), "hola");
        assert_eq!(
            append_dictated("Me cobraron", " dos veces "),
            "Me cobraron dos veces"
        );
        assert_eq!(
            append_dictated("Me cobraron\n", "dos veces"),
            "Me cobraron\ndos veces"
        );
        assert_eq!(append_dictated("Texto", "   "), "Texto");
    }
}
