//! "Keep this case on this phone?": the access code is stored on the device only when
//! the person chooses it, after being told who else could then open the case.

use leptos::prelude::*;

use crate::i18n::{t, tr};
use crate::kept_cases;

#[component]
pub fn SaveOnDevice(
    ticket: String,
    access_code: String,
    /// On the confirmation: say that the receipt goes when the tab closes.
    #[prop(optional)]
    receipt_note: bool,
) -> impl IntoView {
    let saved = RwSignal::new(kept_cases::is_saved(&ticket));
    // After a choice, its outcome takes focus so it is heard (the button is gone).
    let outcome = NodeRef::<leptos::html::P>::new();
    let chose = RwSignal::new(false);
    Effect::new(move |_| {
        saved.track();
        if chose.get_untracked() {
            request_animation_frame(move || {
                if let Some(p) = outcome.get_untracked() {
                    let _ = p.focus();
                }
            });
        }
    });
    let ticket_save = ticket.clone();
    let save = move |_| {
        kept_cases::save_case(&ticket_save, &access_code);
        chose.set(true);
        saved.set(true);
    };
    let forget = move |_| {
        // Forgetting from here removes every trace, as "my cases" does.
        kept_cases::forget_case(&ticket);
        chose.set(true);
        saved.set(false);
    };
    view! {
        <section class="cc-inset cc-save-device" aria-labelledby="save-device-title">
            <h2 id="save-device-title" class="cc-heading-m">{tr(|t| t.confirm_save_title)}</h2>
            // The outcome of a choice, in a status region that is always there, so it
            // is announced as well as focused.
            <div role="status">
                <Show when=move || saved.get() || chose.get()>
                    <p tabindex="-1" node_ref=outcome id="save-device-outcome">
                        {move || if saved.get() { t().confirm_saved } else { t().confirm_forgotten }}
                    </p>
                </Show>
            </div>
            <Show
                when=move || saved.get()
                fallback=move || view! {
                    <p>{tr(|t| t.confirm_save_text)}</p>
                    {receipt_note.then(|| view! { <p class="cc-caption">{tr(|t| t.confirm_tab_only)}</p> })}
                    <button type="button" class="cc-button cc-button--secondary" on:click=save.clone()>
                        {tr(|t| t.confirm_save_button)}
                    </button>
                }
            >
                <button type="button" class="cc-button cc-button--secondary" on:click=forget.clone()>
                    {tr(|t| t.confirm_forget_button)}
                </button>
            </Show>
        </section>
    }
}
