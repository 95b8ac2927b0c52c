//! Translations. Each language is one `Texts` value, so a missing string in any
//! language is a compile error, not a blank label in production.
//!
//! Texts with a `{}` placeholder are filled with [`fill`].

mod en;
mod es;
mod pt;

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

/// The current language, provided at the root.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<RwSignal<Lang>>()
}

/// The texts of the current language, tracked reactively.
pub fn t() -> &'static Texts {
    use_lang().get().texts()
}

/// Every text of the interface. Field names say where the text is used.
pub struct Texts {
    pub lang_label: &'static str,
    pub skip_to_content: &'static str,
    pub main_nav: &'static str,
    pub nav_home: &'static str,
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
    pub filters_apply: &'static str,
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
    pub proc_back_to_search: &'static str,
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
    pub coming_soon: &'static str,
}
