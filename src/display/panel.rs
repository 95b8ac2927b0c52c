//! The display panel under the header: text size, high contrast, simple view. Each
//! change applies at once and is kept; "Guardado en este teléfono." is announced.

use cc_core::display::{DisplaySettings, TextSize};
use leptos::prelude::*;

use super::use_display;
use crate::components::form::{Checkbox, Errors, RadioOption, Radios};
use crate::i18n::{t, tr, tr_signal};

fn size_label(size: TextSize) -> &'static str {
    let tt = t();
    match size {
        TextSize::Normal => tt.text_size_normal,
        TextSize::Large => tt.text_size_large,
        TextSize::Largest => tt.text_size_largest,
    }
}

#[component]
pub fn DisplayPanel() -> impl IntoView {
    let display = use_display();
    let settings = display.settings;
    // The panel's controls cannot be wrong: nothing to report.
    let errors: Errors = RwSignal::new(Vec::new());
    let saved = RwSignal::new(false);
    let change = move |f: &dyn Fn(&mut DisplaySettings)| {
        let mut next = settings.get_untracked();
        f(&mut next);
        display.set(next);
        saved.set(true);
    };
    let heading = NodeRef::<leptos::html::H2>::new();
    // Opening moves focus into the panel, so keyboard and screen-reader users land
    // where the change happened.
    Effect::new(move |_| {
        if display.open.get() {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        }
    });
    let sizes = Signal::derive(|| {
        TextSize::ALL
            .into_iter()
            .map(|s| RadioOption {
                value: s.percent().to_string(),
                label: size_label(s).to_string(),
                hint: None,
            })
            .collect::<Vec<_>>()
    });
    view! {
        <section id="cc-display" class="cc-display" aria-labelledby="cc-display-title"
            hidden=move || !display.open.get()
            on:keydown=move |ev| if ev.key() == "Escape" { display.close() }>
            <div class="cc-width cc-display__inner">
                <h2 id="cc-display-title" class="cc-heading-m" tabindex="-1" node_ref=heading>
                    {tr(|t| t.display_title)}
                </h2>
                <p class="cc-hint">{tr(|t| t.display_intro)}</p>
                <Radios id="display-text" legend=tr_signal(|t| t.text_size_legend) options=sizes
                    value=Signal::derive(move || Some(settings.get().text.percent().to_string()))
                    on_change=Callback::new(move |v: String| change(&|s| {
                        if let Some(size) = TextSize::ALL.into_iter().find(|z| z.percent().to_string() == v) {
                            s.text = size;
                        }
                    }))
                    errors=errors />
                <Checkbox id="display-contrast" label=tr_signal(|t| t.contrast_label)
                    checked=Signal::derive(move || settings.get().high_contrast)
                    on_change=Callback::new(move |on| change(&|s| s.high_contrast = on))
                    errors=errors />
                <Checkbox id="display-simple" label=tr_signal(|t| t.simple_view_label)
                    checked=Signal::derive(move || settings.get().simple)
                    on_change=Callback::new(move |on| change(&|s| s.simple = on))
                    errors=errors />
                <p class="cc-display__saved" role="status">
                    {move || saved.get().then(|| t().display_saved)}
                </p>
                <button type="button" class="cc-button cc-button--secondary" on:click=move |_| display.close()>
                    {tr(|t| t.display_close)}
                </button>
            </div>
        </section>
    }
}
