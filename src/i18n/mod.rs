//! Translations. Each language is one `Texts` value, so a missing string in any
//! language is a compile error, not a blank label in production.
//!
//! Texts with a `{}` placeholder are filled with [`fill`].

mod en;
mod es;
mod field_errors;
mod pt;

pub use field_errors::localize;

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Es,
    En,
    Pt,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Es, Lang::En, Lang::Pt];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
            Lang::Pt => "pt",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| {
            code.get(..2)
                .is_some_and(|c| c.eq_ignore_ascii_case(l.code()))
        })
    }

    /// The language's own name, so people find theirs even if they can't read the current one.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Es => "Español",
            Lang::En => "English",
            Lang::Pt => "Português",
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Es => &es::TEXTS,
            Lang::En => &en::TEXTS,
            Lang::Pt => &pt::TEXTS,
        }
    }
}

/// Replaces each `{}` in order with the given values.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut parts = template.split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (i, part) in parts.enumerate() {
        out.push_str(values.get(i).copied().unwrap_or(""));
        out.push_str(part);
    }
    out
}

/// Replaces each `{name}` with its value. Unlike [`fill`], an argument cannot land in
/// the wrong place when a translation reorders the sentence.
pub fn fill_named(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The text for `n` of something: `one` when n is 1, `other` (filled with `n`) otherwise.
/// Spanish, English and Portuguese share this rule.
pub fn plural(n: i64, one: &str, other: &str) -> String {
    if n == 1 {
        one.to_string()
    } else {
        fill(other, &[&n.to_string()])
    }
}

/// The language of content the app shows as it comes (catalog, deployment texts,
/// agency messages), for a `lang` attribute: `None` while the interface is in that
/// same language, so markup stays quiet, and e.g. `Some("es")` in an English page so
/// screen readers read Spanish with a Spanish voice.
pub fn content_lang() -> Signal<Option<String>> {
    let deployment = use_context::<Signal<Option<cc_core::config::Deployment>>>();
    Signal::derive(move || {
        let content = deployment
            .and_then(|d| d.get())
            .map(|d| d.content_language().to_string())
            .unwrap_or_else(|| "es".into());
        (use_lang().get().code() != content).then_some(content)
    })
}

/// The current language, provided at the root.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<RwSignal<Lang>>()
}

/// The texts of the current language, tracked reactively.
pub fn t() -> &'static Texts {
    use_lang().get().texts()
}

/// One text of the interface, reactive to the language: `tr(|t| t.title)`.
/// Every call returns the same closure type, so all these labels share one compiled
/// renderer instead of one per label.
pub fn tr(
    pick: fn(&'static Texts) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || pick(t())
}

/// [`tr`] as a `Signal<String>`, for props such as page titles.
pub fn tr_signal(pick: fn(&'static Texts) -> &'static str) -> Signal<String> {
    Signal::derive(move || pick(t()).to_string())
}

/// Every text of the interface. Field names say where the text is used.
pub struct Texts {
    /// Which language these texts are.
    pub lang: Lang,
    pub lang_label: &'static str,
    pub skip_to_content: &'static str,
    pub main_nav: &'static str,
    pub nav_procedures: &'static str,
    pub nav_contact: &'static str,
    pub nav_track: &'static str,
    pub nav_my_cases: &'static str,
    pub footer_other_channels: &'static str,
    pub footer_phone: &'static str,
    pub footer_email: &'static str,
    pub footer_offices: &'static str,
    pub footer_privacy: &'static str,
    pub footer_for_agencies: &'static str,

    pub loading: &'static str,
    pub retry: &'static str,
    pub error_title: &'static str,
    pub error_network: &'static str,
    /// A part of the app (a route's code) could not be downloaded.
    pub error_app_part: &'static str,
    pub error_timeout: &'static str,
    pub error_server: &'static str,
    pub error_malformed: &'static str,
    pub error_not_found: &'static str,
    pub error_other_channels: &'static str,

    pub home_title: &'static str,
    pub home_lead: &'static str,
    pub home_find_title: &'static str,
    pub home_find_text: &'static str,
    pub home_contact_title: &'static str,
    pub home_contact_text: &'static str,
    pub home_track_title: &'static str,
    pub home_track_text: &'static str,
    pub home_search_label: &'static str,

    pub search_title: &'static str,
    pub search_label: &'static str,
    pub search_hint: &'static str,
    pub search_button: &'static str,
    pub search_results_count: &'static str,
    pub search_results_one: &'static str,
    pub search_no_results: &'static str,
    pub search_no_results_help: &'static str,
    pub filters_title: &'static str,
    pub filter_agency: &'static str,
    pub filter_category: &'static str,
    pub filter_modality: &'static str,
    pub filter_any: &'static str,
    pub filter_online: &'static str,
    pub filter_in_person: &'static str,
    pub filter_free: &'static str,
    pub filters_clear: &'static str,
    pub show_more: &'static str,
    pub tag_online: &'static str,
    pub tag_in_person: &'static str,
    pub tag_free: &'static str,

    pub proc_what_is: &'static str,
    pub proc_who_for: &'static str,
    pub proc_result: &'static str,
    pub proc_how: &'static str,
    pub proc_online: &'static str,
    pub proc_in_person: &'static str,
    pub proc_do_online: &'static str,
    pub proc_track_online: &'static str,
    pub proc_requirements: &'static str,
    pub proc_no_requirements: &'static str,
    pub proc_steps: &'static str,
    pub proc_cost: &'static str,
    pub proc_free: &'static str,
    pub proc_duration: &'static str,
    pub proc_hours: &'static str,
    pub proc_offices: &'static str,
    pub proc_map: &'static str,
    pub proc_legal: &'static str,
    pub proc_links: &'static str,
    pub proc_agency: &'static str,
    pub proc_updated: &'static str,
    pub proc_contact_about: &'static str,
    pub proc_contact_about_text: &'static str,
    pub closed: &'static str,

    pub weekdays: [&'static str; 7],
    pub months: [&'static str; 12],
    /// Template for a full date: day, month name, year.
    pub date_format: &'static str,
    pub units_minutes: &'static str,
    pub units_hours: &'static str,
    pub units_days: &'static str,
    pub units_business_days: &'static str,
    pub units_weeks: &'static str,
    pub units_months: &'static str,
    pub business_days_explained: &'static str,

    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub not_found_home: &'static str,

    // Intake wizard
    pub error_prefix: &'static str,
    pub error_summary_title: &'static str,
    pub error_title_prefix: &'static str,
    pub chars_left: &'static str,
    pub chars_over: &'static str,
    pub quick_exit: &'static str,
    pub quick_exit_hint: &'static str,
    pub intake_title: &'static str,
    pub intake_lead: &'static str,
    pub intake_point_time: &'static str,
    pub intake_point_ticket: &'static str,
    pub intake_point_saved: &'static str,
    pub intake_start: &'static str,
    pub draft_found_title: &'static str,
    pub draft_saved_on: &'static str,
    pub draft_continue: &'static str,
    pub draft_start_again: &'static str,
    pub draft_saved_note: &'static str,
    pub draft_delete: &'static str,
    pub step_of: &'static str,
    pub back: &'static str,
    pub continue_button: &'static str,
    pub q_type: &'static str,
    pub q_type_hint: &'static str,
    pub q_emergency: &'static str,
    pub q_agency: &'static str,
    pub q_agency_hint: &'static str,
    pub q_what_happened: &'static str,
    pub q_what_you_need: &'static str,
    pub q_attachments: &'static str,
    pub q_contact: &'static str,
    pub q_consent: &'static str,
    pub review_title: &'static str,
    pub err_case_type: &'static str,
    pub err_agency: &'static str,
    pub err_identity: &'static str,
    pub err_description_required: &'static str,
    pub err_description_short: &'static str,
    pub err_description_long: &'static str,
    pub err_date_future: &'static str,
    pub err_date_format: &'static str,
    pub err_place_long: &'static str,
    pub err_anonymous_not_allowed: &'static str,
    pub err_name_required: &'static str,
    pub err_name_long: &'static str,
    pub err_contact_required: &'static str,
    pub err_email_format: &'static str,
    pub err_phone_format: &'static str,
    pub err_consent: &'static str,
    pub err_attachment_big: &'static str,
    pub err_attachment_many: &'static str,
    pub err_attachment_empty: &'static str,
    pub err_attachment_type: &'static str,
    pub emergency_danger_before: &'static str,
    pub emergency_danger_after: &'static str,
    pub emergency_safe_1: &'static str,
    pub emergency_safe_2: &'static str,
    pub agency_unknown: &'static str,
    pub agency_unknown_hint: &'static str,
    pub procedure_chosen: &'static str,
    pub procedure_remove: &'static str,
    pub procedure_search_label: &'static str,
    pub procedure_search_hint: &'static str,
    pub procedure_choose: &'static str,
    pub description_hint: &'static str,
    pub date_legend: &'static str,
    pub date_hint: &'static str,
    pub date_day: &'static str,
    pub date_month: &'static str,
    pub date_year: &'static str,
    pub place_label: &'static str,
    pub place_hint: &'static str,
    pub attachments_hint: &'static str,
    pub attachments_list_title: &'static str,
    pub remove: &'static str,
    pub attachments_choose: &'static str,
    pub attachments_uploading: &'static str,
    pub identity_identified: &'static str,
    pub identity_identified_hint: &'static str,
    pub identity_confidential: &'static str,
    pub identity_confidential_hint: &'static str,
    pub identity_anonymous: &'static str,
    pub identity_anonymous_hint: &'static str,
    pub name_label: &'static str,
    pub contact_either: &'static str,
    pub email_label: &'static str,
    pub email_hint: &'static str,
    pub phone_label: &'static str,
    pub phone_hint: &'static str,
    pub consent_what: &'static str,
    pub consent_point_use: &'static str,
    pub consent_point_share: &'static str,
    pub consent_point_rights: &'static str,
    pub consent_read_policy: &'static str,
    pub consent_label: &'static str,
    pub change: &'static str,
    pub none: &'static str,
    pub review_type: &'static str,
    pub review_agency: &'static str,
    pub review_description: &'static str,
    pub review_when_where: &'static str,
    pub review_attachments: &'static str,
    pub review_identity: &'static str,
    pub review_contact: &'static str,
    pub review_consent: &'static str,
    pub review_consent_yes: &'static str,
    pub review_send_title: &'static str,
    pub review_send_text: &'static str,
    pub send_failed_title: &'static str,
    pub send_failed_nothing_lost: &'static str,
    pub send_retry: &'static str,
    pub send_button: &'static str,
    pub send_button_generic: &'static str,
    pub sending: &'static str,
    pub sending_retry: &'static str,
    pub confirm_title: &'static str,
    pub confirm_missing_title: &'static str,
    pub confirm_missing_text: &'static str,
    pub confirm_ticket: &'static str,
    pub confirm_code_title: &'static str,
    pub confirm_code_text: &'static str,
    pub confirm_code_warning: &'static str,
    pub confirm_next_title: &'static str,
    pub confirm_due: &'static str,
    pub confirm_step_1: &'static str,
    pub confirm_step_2: &'static str,
    pub confirm_step_3: &'static str,
    pub confirm_track: &'static str,
    pub confirm_print: &'static str,

    // Tracking
    pub track_title: &'static str,
    pub track_lead: &'static str,
    pub track_ticket_label: &'static str,
    pub track_ticket_hint: &'static str,
    pub track_code_label: &'static str,
    pub track_code_hint: &'static str,
    pub track_button: &'static str,
    pub track_ticket_required: &'static str,
    pub track_ticket_format: &'static str,
    pub track_code_required: &'static str,
    pub track_code_format: &'static str,
    pub track_not_found: &'static str,
    pub track_code_needed: &'static str,
    pub case_title: &'static str,
    pub case_status: &'static str,
    pub status_received: &'static str,
    pub status_assigned: &'static str,
    pub status_in_progress: &'static str,
    pub status_waiting: &'static str,
    pub status_answered: &'static str,
    pub status_closed: &'static str,
    pub status_received_text: &'static str,
    pub status_assigned_text: &'static str,
    pub status_in_progress_text: &'static str,
    pub status_waiting_text: &'static str,
    pub status_answered_text: &'static str,
    pub status_closed_text: &'static str,
    pub reply_by: &'static str,
    pub due_left: &'static str,
    pub due_today: &'static str,
    pub due_overdue: &'static str,
    pub due_was: &'static str,
    pub overdue_flag: &'static str,
    pub timeline_title: &'static str,
    pub case_what_you_wrote: &'static str,
    pub ev_filed: &'static str,
    pub ev_assigned: &'static str,
    pub ev_status: &'static str,
    pub ev_message: &'static str,
    pub ev_info_requested: &'static str,
    pub ev_citizen_reply: &'static str,
    pub ev_extended: &'static str,
    pub ev_transferred: &'static str,
    pub ev_answered: &'static str,
    pub ev_closed: &'static str,
    pub ev_rated: &'static str,
    pub legal_art17: &'static str,
    pub legal_art14: &'static str,
    pub legal_art21: &'static str,
    pub actor_citizen: &'static str,
    pub actor_agency: &'static str,
    pub actor_system: &'static str,
    pub download: &'static str,
    pub reply_title: &'static str,
    pub reply_label: &'static str,
    pub reply_hint: &'static str,
    pub reply_required: &'static str,
    pub reply_files: &'static str,
    pub reply_send: &'static str,
    pub rating_title: &'static str,
    pub rating_lead: &'static str,
    pub rating_answered: &'static str,
    pub rating_clear: &'static str,
    pub rating_score: &'static str,
    pub rating_comment: &'static str,
    pub rating_send: &'static str,
    pub rating_answered_required: &'static str,
    pub rating_clear_required: &'static str,
    pub rating_score_required: &'static str,
    pub rating_thanks: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub score_1: &'static str,
    pub score_2: &'static str,
    pub score_3: &'static str,
    pub score_4: &'static str,
    pub score_5: &'static str,
    pub my_cases_title: &'static str,
    pub my_cases_lead: &'static str,
    pub my_cases_empty: &'static str,
    pub my_cases_missing: &'static str,
    pub my_cases_offline: &'static str,
    pub my_cases_remove: &'static str,
    pub my_cases_forget_all: &'static str,

    // Privacy policy
    pub privacy_title: &'static str,
    pub privacy_who: &'static str,
    pub privacy_what_title: &'static str,
    pub privacy_what: &'static str,
    pub privacy_why_title: &'static str,
    pub privacy_why: &'static str,
    pub privacy_who_sees_title: &'static str,
    pub privacy_who_sees: &'static str,
    pub privacy_keep_title: &'static str,
    pub privacy_keep: &'static str,
    pub privacy_device_title: &'static str,
    pub privacy_device: &'static str,
    pub privacy_rights_title: &'static str,
    pub privacy_rights: &'static str,

    // Walkthrough fixes: device, receipt, plurals, search hint
    pub quick_exit_clear_label: &'static str,
    pub draft_delete_confirm_title: &'static str,
    pub draft_delete_confirm_text: &'static str,
    pub draft_delete_yes: &'static str,
    pub draft_delete_no: &'static str,
    pub draft_deleted: &'static str,
    pub confirm_save_title: &'static str,
    pub confirm_save_text: &'static str,
    pub confirm_save_button: &'static str,
    pub confirm_saved: &'static str,
    pub confirm_forget_button: &'static str,
    pub confirm_forgotten: &'static str,
    pub confirm_tab_only: &'static str,
    pub receipt_title: &'static str,
    pub receipt_filed_on: &'static str,
    pub receipt_due: &'static str,
    pub receipt_attachments: &'static str,
    pub receipt_follow_at: &'static str,
    pub reply_sent: &'static str,
    pub case_opened: &'static str,
    pub confirm_due_one: &'static str,
    pub due_left_one: &'static str,
    pub due_overdue_one: &'static str,
    pub units_day: &'static str,
    pub units_business_day: &'static str,
    pub chars_left_one: &'static str,
    pub chars_over_one: &'static str,
    pub filters_show: &'static str,
    pub search_examples_lead: &'static str,
    pub units_minute: &'static str,
    pub units_hour: &'static str,
    pub units_week: &'static str,
    pub units_month: &'static str,
    pub menu: &'static str,
    pub search_partial: &'static str,
    pub search_did_you_mean: &'static str,
    pub error_rate_limited_wait: &'static str,
    pub error_upload_quota: &'static str,
    pub units_second: &'static str,
    pub units_seconds: &'static str,
}
