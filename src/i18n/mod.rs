//! Translations. The texts every screen shares are one `Texts` value per language
//! here; each feature keeps its own texts beside it (`catalog/texts/`, `intake/texts/`,
//! `tracking/texts/`, `embed/texts.rs`) and reaches the shared ones through `Deref`.
//! Either way a missing string in any language is a compile error, not a blank label
//! in production.
//!
//! Templates name their placeholders (`{date}`) and are filled with [`fill_named`].
//!
//! With the `lazy-texts` feature (the release build) only Spanish is compiled in; the
//! other languages are fetched when chosen ([`packed`]).

#[cfg(not(feature = "lazy-texts"))]
mod en;
mod es;
mod feature_texts;
mod field_errors;
pub mod packed;
#[cfg(not(feature = "lazy-texts"))]
mod pt;

#[cfg(not(feature = "lazy-texts"))]
pub use en::TEXTS as EN;
pub use es::TEXTS as ES;
pub use field_errors::localize;
#[cfg(not(feature = "lazy-texts"))]
pub use pt::TEXTS as PT;

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

    #[cfg(not(feature = "lazy-texts"))]
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Es => &es::TEXTS,
            Lang::En => &en::TEXTS,
            Lang::Pt => &pt::TEXTS,
        }
    }

    /// The texts of this language once loaded (the language only becomes the current
    /// one after that); Spanish until then.
    #[cfg(feature = "lazy-texts")]
    pub fn texts(self) -> &'static Texts {
        LOADED.get(self).unwrap_or(&es::TEXTS)
    }
}

/// The shared texts of the languages fetched at run time (`lazy-texts`).
pub static LOADED: packed::Loaded<Texts> = packed::Loaded::new();

/// Replaces each `{name}` with its value. Templates are only filled through the
/// methods of the texts structs, whose parameters name every placeholder, so a missing
/// argument is a compile error; a test fills every template of every language and
/// finds no `{` left.
pub fn fill_named(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The text for `n` of something: `one` when n is 1, `other` (its `{n}` filled)
/// otherwise. Spanish, English and Portuguese share this rule.
pub fn plural(n: i64, one: &str, other: &str) -> String {
    if n == 1 {
        one.to_string()
    } else {
        fill_named(other, &[("n", &n.to_string())])
    }
}

/// `n` with `separator` between groups of three digits: 1234567 → "1.234.567". For
/// counts in the texts and for money (`components::format`).
pub fn group_thousands(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
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

/// How the interface's language is changed: the shell makes the texts available first
/// (the release build fetches languages other than Spanish), then switches.
#[derive(Clone, Copy)]
pub struct LanguageChoice {
    pub choose: Callback<Lang>,
    /// The last language chosen could not be fetched.
    pub unavailable: RwSignal<bool>,
}

/// Switches to `lang` once its texts are here (at once when they already are).
pub fn choose_lang(lang: Lang) {
    match use_context::<LanguageChoice>() {
        Some(choice) => choice.choose.run(lang),
        None => use_lang().set(lang),
    }
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

crate::texts_struct! {
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
        error_other_channels: &'static str,
        pub months: [&'static str; 12],
        /// Template for a full date: day, month name, year.
        date_format: &'static str,
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

        pub error_prefix: &'static str,
        pub error_summary_title: &'static str,
        pub error_title_prefix: &'static str,
        chars_left: &'static str,
        chars_over: &'static str,
        pub err_case_type: &'static str,
        pub err_agency: &'static str,
        pub err_identity: &'static str,
        pub err_description_required: &'static str,
        err_description_short: &'static str,
        err_description_long: &'static str,
        pub err_date_future: &'static str,
        pub err_date_format: &'static str,
        err_place_long: &'static str,
        pub err_anonymous_not_allowed: &'static str,
        pub err_name_required: &'static str,
        err_name_long: &'static str,
        pub err_contact_required: &'static str,
        pub err_email_format: &'static str,
        pub err_phone_format: &'static str,
        pub err_consent: &'static str,
        err_attachment_big: &'static str,
        err_attachment_many: &'static str,
        pub err_attachment_empty: &'static str,
        pub err_attachment_type: &'static str,
        pub agency_unknown: &'static str,
        pub date_day: &'static str,
        pub date_month: &'static str,
        pub date_year: &'static str,
        pub remove: &'static str,
        pub attachments_uploading: &'static str,
        pub send_failed_nothing_lost: &'static str,
        pub sending: &'static str,
        pub confirm_save_title: &'static str,
        pub confirm_save_text: &'static str,
        pub confirm_save_button: &'static str,
        pub confirm_saved: &'static str,
        pub confirm_forget_button: &'static str,
        pub confirm_forgotten: &'static str,
        pub confirm_tab_only: &'static str,
        pub units_day: &'static str,
        pub units_business_day: &'static str,
        chars_left_one: &'static str,
        chars_over_one: &'static str,
        pub units_minute: &'static str,
        pub units_hour: &'static str,
        pub units_week: &'static str,
        pub units_month: &'static str,
        pub menu: &'static str,
        error_rate_limited_wait: &'static str,
        error_upload_quota: &'static str,
        error_refused: &'static str,
        pub outbox_waiting: &'static str,
        outbox_sent: &'static str,
        pub outbox_see_receipt: &'static str,
        pub outbox_refused: &'static str,
        pub outbox_review: &'static str,
        pub error_unsupported: &'static str,
        pub error_forbidden: &'static str,
        pub error_conflict: &'static str,
        pub error_too_large: &'static str,
        pub error_rejected: &'static str,
        pub error_not_json: &'static str,
        pub units_second: &'static str,
        pub units_seconds: &'static str,

        /// Under the header while the phone has no connection.
        pub offline_banner: &'static str,
        /// A new version of the app is downloaded and waits for the person's tap.
        pub update_available: &'static str,
        pub update_button: &'static str,
        /// In the wizard when the browser does not let the draft be stored.
        pub storage_memory_warning: &'static str,
        /// The screen that replaces a page that crashed (`panic_screen`).
        pub crash_title: &'static str,
        pub crash_text: &'static str,
        pub crash_reload: &'static str,
        /// The header's button that opens the display settings, and the panel.
        pub display_button: &'static str,
        pub display_title: &'static str,
        pub display_intro: &'static str,
        pub text_size_legend: &'static str,
        pub text_size_normal: &'static str,
        pub text_size_large: &'static str,
        pub text_size_largest: &'static str,
        pub contrast_label: &'static str,
        pub simple_view_label: &'static str,
        pub display_saved: &'static str,
        pub display_close: &'static str,
        /// "Escuchar": reads the page's question or text aloud (speech synthesis).
        pub read_aloud: &'static str,
        pub read_pause: &'static str,
        pub read_resume: &'static str,
        pub read_stop: &'static str,
        /// Dictation into a text box (speech recognition), and its states.
        pub dictate: &'static str,
        pub dictate_stop: &'static str,
        pub dictate_listening: &'static str,
        pub dictate_stopped: &'static str,
        pub dictate_denied: &'static str,
        pub dictate_failed: &'static str,
        pub dictate_keyboard_hint: &'static str,
        /// A language chosen in the header could not be downloaded.
        pub lang_unavailable: &'static str,
        /// The footer link to `/transparencia`.
        pub footer_transparency: &'static str,
        /// The footer link to `/puntos-de-atencion`.
        pub footer_service_points: &'static str,
        /// On a procedure page, under its offices: the finder with that procedure.
        pub service_points_of_procedure: &'static str,
    }
}

/// The templates, each a function whose parameters name its placeholders.
impl Texts {
    /// A count as this language writes it: 4000 (es), 4,000 (en), 4.000 (pt).
    pub fn count(&self, n: u64) -> String {
        match self.lang {
            Lang::Es => n.to_string(),
            Lang::En => group_thousands(n, ','),
            Lang::Pt => group_thousands(n, '.'),
        }
    }

    pub fn error_other_channels(&self, phone: &str, hours: &str) -> String {
        fill_named(
            self.error_other_channels,
            &[("phone", phone), ("hours", hours)],
        )
    }

    pub fn date_format(&self, day: u32, month: &str, year: &str) -> String {
        fill_named(
            self.date_format,
            &[("day", &day.to_string()), ("month", month), ("year", year)],
        )
    }

    pub fn chars_left(&self, n: usize) -> String {
        plural(n as i64, self.chars_left_one, self.chars_left)
    }

    pub fn chars_over(&self, n: usize) -> String {
        plural(n as i64, self.chars_over_one, self.chars_over)
    }

    pub fn error_rate_limited_wait(&self, wait: &str) -> String {
        fill_named(self.error_rate_limited_wait, &[("wait", wait)])
    }

    pub fn error_upload_quota(&self, wait: &str) -> String {
        fill_named(self.error_upload_quota, &[("wait", wait)])
    }

    /// A case from the outbox went out.
    pub fn outbox_sent(&self, ticket: &str) -> String {
        fill_named(self.outbox_sent, &[("ticket", ticket)])
    }

    /// Another kind of backend refused and said why, in its own words.
    pub fn error_refused(&self, said: &str) -> String {
        fill_named(self.error_refused, &[("said", said)])
    }

    pub fn err_description_short(&self, min: usize) -> String {
        fill_named(
            self.err_description_short,
            &[("min", &self.count(min as u64))],
        )
    }

    pub fn err_description_long(&self, max: usize) -> String {
        fill_named(
            self.err_description_long,
            &[("max", &self.count(max as u64))],
        )
    }

    pub fn err_place_long(&self, max: usize) -> String {
        fill_named(self.err_place_long, &[("max", &self.count(max as u64))])
    }

    pub fn err_name_long(&self, max: usize) -> String {
        fill_named(self.err_name_long, &[("max", &self.count(max as u64))])
    }

    pub fn err_attachment_big(&self, mb: u64) -> String {
        fill_named(self.err_attachment_big, &[("mb", &self.count(mb))])
    }

    pub fn err_attachment_many(&self, files: usize) -> String {
        fill_named(
            self.err_attachment_many,
            &[("files", &self.count(files as u64))],
        )
    }
}

/// Checks that a filled template shows every value and leaves no placeholder: run by
/// each texts module's tests over every language.
#[cfg(test)]
pub fn assert_filled(lang: Lang, text: &str, values: &[&str]) {
    assert!(
        !text.contains('{') && !text.contains('}'),
        "{lang:?}: a placeholder is left in {text:?}"
    );
    for value in values {
        assert!(
            text.contains(value),
            "{lang:?}: {value:?} missing in {text:?}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shared_template_fills_every_placeholder() {
        let rules = cc_core::intake::IntakeRules {
            description_min: 21,
            description_max: 3999,
            place_max: 201,
            name_max: 121,
            max_attachments: 7,
            max_attachment_bytes: 9 * 1024 * 1024,
        };
        for lang in Lang::ALL {
            let t = lang.texts();
            assert_filled(
                lang,
                &t.error_other_channels("PHONE", "HOURS"),
                &["PHONE", "HOURS"],
            );
            assert_filled(
                lang,
                &t.date_format(27, "MONTH", "2031"),
                &["27", "MONTH", "2031"],
            );
            for n in [0, 1, 37] {
                assert_filled(lang, &t.chars_left(n), &[&n.to_string()]);
                assert_filled(lang, &t.chars_over(n), &[&n.to_string()]);
            }
            assert_filled(lang, &t.error_rate_limited_wait("WAIT"), &["WAIT"]);
            assert_filled(lang, &t.error_upload_quota("WAIT"), &["WAIT"]);
            assert_filled(lang, &t.error_refused("SAID"), &["SAID"]);
            assert_filled(lang, &t.outbox_sent("TICKET"), &["TICKET"]);
            // The limits come from the deployment's rules, in this language's digits.
            let errors = ["description", "place", "name", "attachments", "attachments"]
                .into_iter()
                .zip(["too_short", "too_long", "too_long", "too_big", "too_many"])
                .map(|(field, code)| cc_core::api::FieldError::new(field, code, "ES"))
                .collect();
            let localized = localize(lang, errors, &rules);
            if lang == Lang::Es {
                assert!(localized.iter().all(|e| e.message == "ES"));
                continue;
            }
            let limits = ["21", "201", "121", "9", "7"];
            for (e, limit) in localized.iter().zip(limits) {
                assert_filled(lang, &e.message, &[limit]);
            }
            assert_filled(lang, &t.err_description_long(3999), &[&t.count(3999)]);
        }
    }

    #[test]
    fn counts_are_written_the_way_each_language_writes_them() {
        assert_eq!(Lang::Es.texts().count(4000), "4000");
        assert_eq!(Lang::En.texts().count(4000), "4,000");
        assert_eq!(Lang::Pt.texts().count(4000), "4.000");
        assert_eq!(Lang::En.texts().count(1234567), "1,234,567");
        assert_eq!(Lang::Pt.texts().count(999), "999");
        assert_eq!(Lang::En.texts().count(0), "0");
    }
}
