//! Assisted mode's first question: how the case came in (a staff member files it for
//! the person). Only asked while a staff member is signed in (`crate::api::staff`).

use cc_core::channel::Channel;
use leptos::prelude::*;

use crate::components::form::{Errors, RadioOption, Radios};
use crate::intake::draft::DraftStore;
use crate::intake::texts::{t, tr, tr_signal};

#[component]
pub fn ChannelStep(draft: DraftStore, errors: Errors) -> impl IntoView {
    let options = Signal::derive(move || {
        let tt = t();
        Channel::ASSISTED
            .into_iter()
            .map(|channel| RadioOption {
                value: channel.as_str().to_string(),
                label: tt.channel_name(channel).to_string(),
                hint: (channel == Channel::Verbal).then(|| tt.channel_verbal_hint.to_string()),
            })
            .collect()
    });
    view! {
        <Radios
            id="channel"
            legend=tr_signal(|t| t.q_channel)
            hint=tr_signal(|t| t.channel_hint)
            options=options
            value=Signal::derive(move || draft.0.with(|d| d.channel.map(|c| c.as_str().to_string())))
            on_change=Callback::new(move |v: String| draft.update(|d| d.channel = Channel::parse(&v)))
            errors=errors
            legend_is_heading=true
        />
        <p class="cc-inset">{tr(|t| t.channel_language_note)}</p>
    }
}
