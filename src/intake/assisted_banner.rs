//! The banner on every wizard page while a staff member files for another person, so
//! nobody mistakes whose case it is; it names the member and links to their session.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::intake::texts::t;

#[component]
pub fn AssistedBanner() -> impl IntoView {
    crate::api::staff::session().map(|session| {
        let tt = t();
        view! {
            <div class="cc-assisted-banner" role="region" aria-label=tt.assisted_banner_label.trim_end_matches(':')>
                <p>
                    <strong>{tt.assisted_banner_label}</strong> " " {tt.assisted_banner_text}
                    " · " <span class="cc-assisted-banner__member">{session.name}</span>
                    " · " <A href="/atencion" attr:class="cc-link">{tt.assisted_banner_session}</A>
                </p>
            </div>
        }
    })
}
