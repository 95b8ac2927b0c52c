//! `/atencion/enviado/:ticket`: the confirmation of a case a staff member filed for a
//! person, made to be read out (large number and code, and each character apart for
//! dictating them over the phone) and printed (a receipt in the person's language,
//! alone on the page when printed), and sent to the person's e-mail or phone.

use cc_core::channel::Channel;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::send_receipt::SendReceipt;
use crate::api::staff::{self, AssistedFiling};
use crate::assisted::texts::{for_lang, t, tr, tr_signal, AssistedTexts};
use crate::components::format::long_date;
use crate::components::PageHeading;
use crate::context::{use_deployment, use_site_name};
use crate::i18n::{use_lang, Lang};
use crate::kept_cases::{self, KeptReceipt};

/// Each character apart, groups joined by the spoken word for the dash, so a ticket or
/// code can be read out letter by letter: `MDT-PET` → `M D T, guion, P E T`.
pub fn spelled(text: &str, dash_word: &str) -> String {
    text.split('-')
        .map(|group| {
            group
                .chars()
                .map(String::from)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join(&format!(", {dash_word}, "))
}

#[component]
pub fn AssistedConfirmationPage() -> impl IntoView {
    let params = use_params_map();
    let ticket = move || params.with(|p| p.get("ticket")).unwrap_or_default();
    let found = move || {
        let ticket = ticket();
        Some((
            kept_cases::find_receipt(&ticket)?,
            staff::find_filing(&ticket)?,
        ))
    };
    view! {
        <div class="cc-width cc-page cc-assisted-confirm">
            {move || match found() {
                None => view! {
                    <PageHeading title=tr_signal(|t| t.confirm_title) />
                    <p>{tr(|t| t.confirm_missing)}</p>
                    <A href="/atencion" attr:class="cc-button">{tr(|t| t.sign_in_title)}</A>
                }.into_any(),
                Some((kept, filing)) => view! { <Confirmation kept=kept filing=filing /> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn Confirmation(kept: KeptReceipt, filing: AssistedFiling) -> impl IntoView {
    let r = kept.receipt.clone();
    let (ticket, code) = (r.ticket.clone(), r.access_code.clone());
    let (ticket_spelled, code_spelled) = (ticket.clone(), code.clone());
    let signed_in = staff::session().is_some();
    let navigate = leptos_router::hooks::use_navigate();
    view! {
        <div class="cc-assisted-banner">
            <p><strong>{tr(|t| t.banner_label)}</strong> " " {tr(|t| t.banner_text)} " · " {filing.taken_by.clone()}</p>
        </div>
        <PageHeading title=tr_signal(|t| t.confirm_title) />
        <section class="cc-assisted-read" aria-labelledby="read-out-title">
            <h2 id="read-out-title" class="cc-heading-m">{tr(|t| t.read_out_title)}</h2>
            <p class="cc-assisted-read__label">{tr(|t| t.ticket_label)}</p>
            <p class="cc-assisted-read__big" id="ticket">{ticket.clone()}</p>
            <p class="cc-assisted-read__spelled" id="ticket-spelled">
                <span class="cc-assisted-read__how">{tr(|t| t.spelled_label)}</span> " "
                {move || spelled(&ticket_spelled, t().dash_word)}
            </p>
            <p class="cc-assisted-read__label">{tr(|t| t.code_label)}</p>
            <p class="cc-assisted-read__big" id="access-code">{code.clone()}</p>
            <p class="cc-assisted-read__spelled" id="code-spelled">
                <span class="cc-assisted-read__how">{tr(|t| t.spelled_label)}</span> " "
                {move || spelled(&code_spelled, t().dash_word)}
            </p>
            <p>{tr(|t| t.code_note)}</p>
        </section>
        <h2 class="cc-heading-m">{tr(|t| t.print_title)}</h2>
        <PrintableReceipt kept=kept.clone() filing=filing.clone() />
        <p>
            <button type="button" class="cc-button" id="print-receipt" on:click=|_| {
                if let Some(w) = web_sys::window() { let _ = w.print(); }
            }>{tr(|t| t.print_button)}</button>
        </p>
        {signed_in.then(|| view! { <SendReceipt ticket=ticket.clone() access_code=code.clone() filing=filing.clone() /> })}
        <div class="cc-button-group">
            <A href="/contacto" attr:class="cc-button cc-button--secondary">{tr(|t| t.another_case)}</A>
            <button type="button" class="cc-button cc-button--secondary" on:click=move |_| {
                // Nothing of this person's case stays in the tab once the member leaves.
                for ticket in staff::sign_out() {
                    kept_cases::forget_case(&ticket);
                }
                navigate("/atencion", Default::default());
            }>{tr(|t| t.sign_out)}</button>
        </div>
    }
}

/// The receipt the person takes away, in the language the case was filed in (theirs):
/// what was received, when, how, by whom, the due date, and where to follow it with
/// the number and code. Alone on the page when printed (assisted.css).
#[component]
fn PrintableReceipt(kept: KeptReceipt, filing: AssistedFiling) -> impl IntoView {
    let deployment = use_deployment();
    let site = use_site_name();
    let lang = Lang::from_code(&filing.lang).unwrap_or_else(|| use_lang().get_untracked());
    let tt: &'static AssistedTexts = for_lang(lang);
    let r = kept.receipt;
    let type_name = move || {
        deployment
            .get()
            .and_then(|d| {
                d.case_type_name(&r.case_type, lang.code())
                    .map(str::to_string)
            })
            .unwrap_or_else(|| r.case_type.clone())
    };
    let follow_at = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .map(|origin| format!("{origin}/seguimiento"))
        .unwrap_or_else(|| "/seguimiento".into());
    let row = |label: &'static str, value: String, id: &'static str| {
        view! {
            <div class="cc-summary-list__row">
                <dt>{label}</dt>
                <dd id=id>{value}</dd>
            </div>
        }
    };
    let channel = if filing.channel == Channel::Web {
        None
    } else {
        Some(tt.channel_name(filing.channel))
    };
    view! {
        <section class="cc-assisted-receipt" id="assisted-receipt" lang=lang.code() aria-labelledby="receipt-title">
            <p class="cc-assisted-receipt__site">{move || site.get()}</p>
            <h2 id="receipt-title" class="cc-heading-l">{tt.receipt_title}</h2>
            <p class="cc-assisted-receipt__label">{tt.ticket_label}</p>
            <p class="cc-assisted-receipt__big">{r.ticket.clone()}</p>
            <p class="cc-assisted-receipt__label">{tt.code_label}</p>
            <p class="cc-assisted-receipt__big">{r.access_code.clone()}</p>
            <dl class="cc-summary-list">
                <div class="cc-summary-list__row">
                    <dt>{tt.receipt_type}</dt>
                    <dd>{type_name}</dd>
                </div>
                {row(tt.receipt_received, format!("{}{}", channel.map(|c| format!("{c} · ")).unwrap_or_default(), long_date(tt, &r.filed_on)), "receipt-received")}
                {(!r.due_date.is_empty()).then(|| row(tt.receipt_due, long_date(tt, &r.due_date), "receipt-due"))}
                {row(tt.receipt_taken_by, filing.taken_by.clone(), "receipt-taken-by")}
            </dl>
            <p class="cc-break-words">{tt.receipt_follow(&follow_at)}</p>
            <p><strong>{tt.receipt_keep}</strong></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::spelled;

    #[test]
    fn tickets_and_codes_are_spelled_out_group_by_group() {
        assert_eq!(
            spelled("MDT-PET-2026-00001", "guion"),
            "M D T, guion, P E T, guion, 2 0 2 6, guion, 0 0 0 0 1"
        );
        assert_eq!(spelled("A7K2", "dash"), "A 7 K 2");
    }
}
