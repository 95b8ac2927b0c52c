//! "Escuchar": reads a region of the page aloud with the browser's own speech
//! synthesis, one block (heading, hint, option, error, paragraph) at a time, each
//! highlighted while it is read. For people who read with difficulty; screen-reader
//! users have their own reader, so nothing here is announced.
//!
//! The blocks are taken from the page as it is when the button is pressed, so the same
//! component reads a wizard question with its hint, options and errors, a procedure
//! page or a confirmation, without each screen listing its texts again.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

use crate::i18n::{t, use_lang};

/// What is read, in document order; of blocks inside blocks, the innermost.
const BLOCKS: &str = "h1,h2,h3,h4,legend,label,p,li,dt,dd,th,td,caption,summary,.cc-radio__hint";
/// Never read: the reader's own buttons, text only for screen readers, hidden parts.
const SKIP: &str = "[data-read-skip],.cc-visually-hidden,[hidden],[aria-hidden=\"true\"]";
/// The class on the block being read (style/patterns.css).
const READING: &str = "cc-reading";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Reading {
    Idle,
    Speaking,
    Paused,
}

fn synthesis() -> Option<SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

/// The browser's voices for a language code ("es" matches "es-CO", "es_ES"…).
fn voice_for(synthesis: &SpeechSynthesis, lang: &str) -> Option<SpeechSynthesisVoice> {
    synthesis
        .get_voices()
        .iter()
        .map(|v| v.unchecked_into::<SpeechSynthesisVoice>())
        .find(|v| v.lang().to_ascii_lowercase().starts_with(lang))
}

thread_local! {
    /// Bumped when the browser's list of voices changes: Chromium fills it after the
    /// page loads, so "is there a Spanish voice?" must be asked again then.
    static VOICES: ArcRwSignal<u32> = {
        let version = ArcRwSignal::new(0);
        if let Some(s) = synthesis() {
            let bump = version.clone();
            let listener = Closure::<dyn Fn()>::new(move || bump.update(|v| *v += 1));
            let _ = s.add_event_listener_with_callback("voiceschanged", listener.as_ref().unchecked_ref());
            // One listener for the whole visit.
            listener.forget();
        }
        version
    };
}

/// Whether the browser can read the interface's language aloud (reactive).
fn can_read() -> bool {
    VOICES.with(|v| v.get());
    let lang = use_lang().get().code();
    synthesis().is_some_and(|s| voice_for(&s, lang).is_some())
}

/// The readable blocks of `region` with their language, in order.
fn blocks(region: &Element) -> Vec<(Element, String)> {
    let Ok(found) = region.query_selector_all(BLOCKS) else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<Element>().ok())
        .filter(|el| el.closest(SKIP).ok().flatten().is_none())
        // Shown on screen (not `display: none`, e.g. a hint hidden in the simple view).
        .filter(|el| el.get_client_rects().length() > 0)
        // The innermost blocks: an office (a list item holding a heading, an address
        // and a table) is read part by part, not as one run-on string.
        .filter(|el| el.query_selector(BLOCKS).ok().flatten().is_none())
        .filter_map(|el| {
            let text = el
                .text_content()?
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            (!text.is_empty()).then_some((el, text))
        })
        .collect()
}

/// The language a block is written in: its `lang`, else the page's.
fn block_lang(el: &Element) -> String {
    el.closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_else(|| use_lang().get_untracked().code().to_string())
}

/// One reading: its utterances and their event handlers, dropped together.
struct Session {
    utterances: Vec<SpeechSynthesisUtterance>,
    blocks: Vec<Element>,
    _handlers: Vec<Closure<dyn Fn()>>,
}

impl Session {
    /// Takes the highlight off every block of this reading.
    fn unmark(&self) {
        for b in &self.blocks {
            let _ = b.class_list().remove_1(READING);
        }
    }

    /// Unhooks the handlers first, so a late event from the browser finds nothing.
    fn end(self) {
        for u in &self.utterances {
            u.set_onstart(None);
            u.set_onend(None);
            u.set_onerror(None);
        }
        self.unmark();
    }
}

type Current = Rc<RefCell<Option<Session>>>;

fn stop(current: &Current) {
    if let Some(session) = current.borrow_mut().take() {
        session.end();
    }
    if let Some(s) = synthesis() {
        s.cancel();
    }
}

/// Queues every block of the region; each utterance marks its block while it is read.
fn start(region: &Element, current: &Current, state: RwSignal<Reading>) {
    stop(current);
    let Some(synth) = synthesis() else { return };
    let found = blocks(region);
    if found.is_empty() {
        return;
    }
    let last = found.len() - 1;
    let mut session = Session {
        utterances: Vec::new(),
        blocks: found.iter().map(|(el, _)| el.clone()).collect(),
        _handlers: Vec::new(),
    };
    for (i, (el, text)) in found.into_iter().enumerate() {
        let Ok(u) = SpeechSynthesisUtterance::new_with_text(&text) else {
            continue;
        };
        let lang = block_lang(&el);
        u.set_lang(&lang);
        if let Some(voice) = voice_for(&synth, &lang[..lang.len().min(2)]) {
            u.set_voice(Some(&voice));
        }
        let (shown, owner) = (el.clone(), current.clone());
        let on_start = Closure::<dyn Fn()>::new(move || {
            if let Some(s) = owner.borrow().as_ref() {
                s.unmark();
            }
            let _ = shown.class_list().add_1(READING);
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            shown.scroll_into_view_with_scroll_into_view_options(&options);
        });
        let owner = current.clone();
        // The end of the last block, or an error (other than our own cancel), ends
        // the reading. The session is dropped later (next start, stop or cleanup):
        // never inside one of its own handlers.
        let on_end = Closure::<dyn Fn()>::new(move || {
            if let Some(s) = owner.borrow().as_ref() {
                s.unmark();
            }
            state.set(Reading::Idle);
        });
        u.set_onstart(Some(on_start.as_ref().unchecked_ref()));
        if i == last {
            u.set_onend(Some(on_end.as_ref().unchecked_ref()));
        }
        u.set_onerror(Some(on_end.as_ref().unchecked_ref()));
        session._handlers.extend([on_start, on_end]);
        session.utterances.push(u);
    }
    for u in &session.utterances {
        synth.speak(u);
    }
    *current.borrow_mut() = Some(session);
    state.set(Reading::Speaking);
}

/// The "Escuchar" button for the element with id `region`; absent when the browser
/// has no voice for the interface's language. While reading, the same button pauses
/// and resumes (focus stays on it) and "Detener" appears beside it.
#[component]
pub fn ReadAloud(#[prop(into)] region: String) -> impl IntoView {
    let region = StoredValue::new(region);
    let state = RwSignal::new(Reading::Idle);
    let current: StoredValue<Current, LocalStorage> = StoredValue::new_local(Current::default());
    on_cleanup(move || {
        if let Some(c) = current.try_get_value() {
            stop(&c);
        }
    });
    // A new language means new words on screen: what was being read is stale.
    Effect::new(move |seen: Option<()>| {
        use_lang().track();
        if seen.is_some() {
            stop(&current.get_value());
            state.set(Reading::Idle);
        }
    });
    let toggle = move |_| {
        let Some(synth) = synthesis() else { return };
        match state.get_untracked() {
            Reading::Idle => {
                let region = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&region.read_value()));
                if let Some(region) = region {
                    start(&region, &current.get_value(), state);
                }
            }
            Reading::Speaking => {
                synth.pause();
                state.set(Reading::Paused);
            }
            Reading::Paused => {
                synth.resume();
                state.set(Reading::Speaking);
            }
        }
    };
    let halt = move |_| {
        stop(&current.get_value());
        state.set(Reading::Idle);
    };
    let label = move || {
        let tt = t();
        match state.get() {
            Reading::Idle => tt.read_aloud,
            Reading::Speaking => tt.read_pause,
            Reading::Paused => tt.read_resume,
        }
    };
    move || {
        can_read().then(|| {
            view! {
                <div class="cc-read-aloud" data-read-skip="">
                    <button type="button" class="cc-button cc-button--secondary cc-read-aloud__button" on:click=toggle>
                        <span class="cc-read-aloud__icon" aria-hidden="true"></span>
                        {label}
                    </button>
                    <Show when=move || state.get() != Reading::Idle>
                        <button type="button" class="cc-button cc-button--secondary" on:click=halt>
                            {move || t().read_stop}
                        </button>
                    </Show>
                </div>
            }
        })
    }
}
