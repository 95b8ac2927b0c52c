//! Texts of the transparency page (`/transparencia`). One value per language, so a
//! missing text is a compile error; the shared texts are reachable through `Deref`.

#[cfg(not(feature = "lazy-texts"))]
mod en;
mod es;
#[cfg(not(feature = "lazy-texts"))]
mod pt;

use crate::i18n::{fill_named, Texts};

crate::texts_struct! {
    pub struct TransparencyTexts {
        /// The shared texts of the same language.
        pub common: &'static Texts,
        pub title: &'static str,
        pub lead: &'static str,
        pub filter_legend: &'static str,
        pub from_label: &'static str,
        pub to_label: &'static str,
        pub agency_label: &'static str,
        pub agency_all: &'static str,
        pub show: &'static str,
        pub period_backwards: &'static str,
        /// A hidden count: fewer than 5 cases, or one that would let such a count be
        /// worked out by subtraction (the API does not say which, on purpose).
        pub reserved: &'static str,
        pub reserved_note: &'static str,
        pub none: &'static str,
        pub download_csv: &'static str,
        pub key_figures: &'static str,
        pub figure: &'static str,
        pub value: &'static str,
        pub cases_filed: &'static str,
        pub within_due: &'static str,
        pub extended: &'static str,
        pub transferred: &'static str,
        pub overdue: &'static str,
        pub by_type: &'static str,
        pub by_status: &'static str,
        pub by_channel: &'static str,
        pub col_type: &'static str,
        pub col_status: &'static str,
        pub col_channel: &'static str,
        pub col_cases: &'static str,
        pub status_received: &'static str,
        pub status_assigned: &'static str,
        pub status_in_progress: &'static str,
        pub status_waiting: &'static str,
        pub status_answered: &'static str,
        pub status_closed: &'static str,
        pub channel_web: &'static str,
        pub channel_phone: &'static str,
        pub channel_in_person: &'static str,
        pub channel_mail: &'static str,
        pub channel_verbal: &'static str,
        pub times: &'static str,
        pub times_lead: &'static str,
        pub col_measure: &'static str,
        pub col_median: &'static str,
        pub col_p90: &'static str,
        pub first_answer: &'static str,
        pub to_close: &'static str,
        pub satisfaction: &'static str,
        pub col_stars: &'static str,
        pub rated: &'static str,
        pub average: &'static str,
        pub months_title: &'static str,
        pub col_month: &'static str,
        pub col_filed: &'static str,
        pub col_closed: &'static str,
        pub col_median_close: &'static str,
        pub legend_filed: &'static str,
        pub legend_closed: &'static str,
        pub agencies_title: &'static str,
        pub col_agency: &'static str,
        pub unassigned: &'static str,
        pub self_service: &'static str,
        pub self_service_resolved: &'static str,
        pub self_service_continued: &'static str,
        pub generated: &'static str,
        chart_top: &'static str,
        pub chart_all_reserved: &'static str,
        trend_summary: &'static str,
        month_year: &'static str,
        stars: &'static str,
        percent_of: &'static str,
    }
}

crate::feature_texts!(TransparencyTexts);

/// The templates, each a function whose parameters name its placeholders.
impl TransparencyTexts {
    /// A bar chart in one sentence: the largest published bar.
    pub fn chart_top(&self, label: &str, count: &str, total: &str) -> String {
        fill_named(
            self.chart_top,
            &[("label", label), ("count", count), ("total", total)],
        )
    }

    /// The monthly trend in one sentence.
    pub fn trend_summary(&self, from: &str, to: &str, month: &str, count: &str) -> String {
        fill_named(
            self.trend_summary,
            &[
                ("from", from),
                ("to", to),
                ("month", month),
                ("count", count),
            ],
        )
    }

    /// A month in words: "marzo de 2026".
    pub fn month_year(&self, month: &str, year: &str) -> String {
        fill_named(self.month_year, &[("month", month), ("year", year)])
    }

    /// "4 estrellas".
    pub fn stars(&self, n: &str) -> String {
        fill_named(self.stars, &[("n", n)])
    }

    /// "87,5 % (70 de 80)".
    pub fn percent_of(&self, percent: &str, part: &str, whole: &str) -> String {
        fill_named(
            self.percent_of,
            &[("percent", percent), ("part", part), ("whole", whole)],
        )
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
            assert_filled(
                lang,
                &t.chart_top("LABEL", "12", "34"),
                &["LABEL", "12", "34"],
            );
            assert_filled(
                lang,
                &t.trend_summary("FROM", "TO", "MONTH", "56"),
                &["FROM", "TO", "MONTH", "56"],
            );
            assert_filled(lang, &t.month_year("MONTH", "2026"), &["MONTH", "2026"]);
            assert_filled(lang, &t.stars("4"), &["4"]);
            assert_filled(lang, &t.percent_of("87", "70", "80"), &["87", "70", "80"]);
        }
    }
}
