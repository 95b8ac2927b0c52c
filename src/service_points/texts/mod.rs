//! Texts of the service-point finder (`/puntos-de-atencion`). One value per language,
//! so a missing text is a compile error; the shared texts are reachable through `Deref`.

#[cfg(not(feature = "lazy-texts"))]
mod en;
mod es;
#[cfg(not(feature = "lazy-texts"))]
mod pt;

use crate::i18n::{fill_named, Texts};

crate::texts_struct! {
    pub struct ServicePointsTexts {
        /// The shared texts of the same language.
        pub common: &'static Texts,
        pub title: &'static str,
        pub lead: &'static str,
        pub search_label: &'static str,
        pub search_hint: &'static str,
        pub search_button: &'static str,
        pub filters_title: &'static str,
        pub place_label: &'static str,
        pub place_any: &'static str,
        pub procedure_label: &'static str,
        pub procedure_any: &'static str,
        pub clear_filters: &'static str,
        count: &'static str,
        pub count_one: &'static str,
        pub none: &'static str,
        pub none_help: &'static str,
        pub partial: &'static str,
        pub did_you_mean: &'static str,
        pub open_now: &'static str,
        closes_at: &'static str,
        closes_tomorrow: &'static str,
        pub closed: &'static str,
        pub closed_holiday: &'static str,
        opens_today: &'static str,
        opens_tomorrow: &'static str,
        opens_on: &'static str,
        opens_on_date: &'static str,
        pub hours_unknown: &'static str,
        pub hours_caption: &'static str,
        pub day_closed: &'static str,
        pub today: &'static str,
        range: &'static str,
        pub and: &'static str,
        pub procedures_title: &'static str,
        call: &'static str,
        pub map_osm: &'static str,
        pub map_app: &'static str,
        /// Weekdays from Monday, as a table's row headers.
        pub weekdays: [&'static str; 7],
        /// Weekdays from Monday as they follow "opens" ("el lunes", "on Monday").
        pub weekdays_on: [&'static str; 7],
    }
}

crate::feature_texts!(ServicePointsTexts);

/// The templates, each a function whose parameters name its placeholders.
impl ServicePointsTexts {
    /// "12 puntos de atención".
    pub fn count(&self, n: usize) -> String {
        if n == 1 {
            self.count_one.to_string()
        } else {
            fill_named(self.count, &[("n", &self.common.count(n as u64))])
        }
    }

    pub fn closes_at(&self, time: &str) -> String {
        fill_named(self.closes_at, &[("time", time)])
    }

    pub fn closes_tomorrow(&self, time: &str) -> String {
        fill_named(self.closes_tomorrow, &[("time", time)])
    }

    pub fn opens_today(&self, time: &str) -> String {
        fill_named(self.opens_today, &[("time", time)])
    }

    pub fn opens_tomorrow(&self, time: &str) -> String {
        fill_named(self.opens_tomorrow, &[("time", time)])
    }

    /// `day` from [`Self::weekdays_on`].
    pub fn opens_on(&self, day: &str, time: &str) -> String {
        fill_named(self.opens_on, &[("day", day), ("time", time)])
    }

    /// A week or more away: the weekday and the date in words.
    pub fn opens_on_date(&self, day: &str, date: &str, time: &str) -> String {
        fill_named(
            self.opens_on_date,
            &[("day", day), ("date", date), ("time", time)],
        )
    }

    /// "08:00 a 12:00".
    pub fn range(&self, from: &str, to: &str) -> String {
        fill_named(self.range, &[("from", from), ("to", to)])
    }

    /// "Llamar al 1800 725 000".
    pub fn call(&self, phone: &str) -> String {
        fill_named(self.call, &[("phone", phone)])
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
            assert_filled(lang, &t.count(12), &["12"]);
            assert_filled(lang, &t.closes_at("18:00"), &["18:00"]);
            assert_filled(lang, &t.closes_tomorrow("02:00"), &["02:00"]);
            assert_filled(lang, &t.opens_today("14:00"), &["14:00"]);
            assert_filled(lang, &t.opens_tomorrow("08:00"), &["08:00"]);
            assert_filled(lang, &t.opens_on("DAY", "08:00"), &["DAY", "08:00"]);
            assert_filled(
                lang,
                &t.opens_on_date("DAY", "DATE", "08:00"),
                &["DAY", "DATE", "08:00"],
            );
            assert_filled(lang, &t.range("08:00", "12:00"), &["08:00", "12:00"]);
            assert_filled(lang, &t.call("1800"), &["1800"]);
        }
    }
}
