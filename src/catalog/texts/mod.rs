//! Texts of the catalog screens: the home page, the search and the procedure pages. One value per language, so a
//! missing text is a compile error. The texts every screen shares live in
//! [`crate::i18n::Texts`] and are reachable from these through `Deref`.

#[cfg(not(feature = "lazy-texts"))]
mod en;
mod es;
#[cfg(not(feature = "lazy-texts"))]
mod pt;

use crate::i18n::{fill_named, Texts};

crate::texts_struct! {
    pub struct CatalogTexts {
        /// The shared texts of the same language.
        pub common: &'static Texts,
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
        search_results_count: &'static str,
        search_results_one: &'static str,
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
        proc_updated: &'static str,
        pub proc_contact_about: &'static str,
        pub proc_contact_about_text: &'static str,
        pub closed: &'static str,

        pub weekdays: [&'static str; 7],
        pub filters_show: &'static str,
        pub search_examples_lead: &'static str,
        pub search_partial: &'static str,
        pub search_did_you_mean: &'static str,
        pub topic_report: &'static str,
        pub topic_report_text: &'static str,
    }
}

crate::feature_texts!(CatalogTexts);

/// The templates, each a function whose parameters name its placeholders.
impl CatalogTexts {
    pub fn search_results_count(&self, n: usize) -> String {
        if n == 1 {
            self.search_results_one.to_string()
        } else {
            fill_named(self.search_results_count, &[("n", &self.count(n as u64))])
        }
    }

    pub fn proc_updated(&self, date: &str) -> String {
        fill_named(self.proc_updated, &[("date", date)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{assert_filled, Lang};

    #[test]
    fn every_template_fills_every_placeholder() {
        for lang in Lang::ALL {
            let t = for_lang(lang);
            assert_filled(lang, &t.search_results_count(37), &["37"]);
            assert_filled(lang, &t.search_results_count(1), &["1"]);
            assert_filled(lang, &t.proc_updated("DATE"), &["DATE"]);
        }
    }
}
