//! Texts of case tracking: the look-up, the case page, replies, ratings and "my cases". One value per language, so a
//! missing text is a compile error. The texts every screen shares live in
//! [`crate::i18n::Texts`] and are reachable from these through `Deref`.

#[cfg(not(feature = "lazy-texts"))]
mod en;
mod es;
#[cfg(not(feature = "lazy-texts"))]
mod pt;

use crate::i18n::{fill_named, Texts};

crate::texts_struct! {
    pub struct TrackingTexts {
        /// The shared texts of the same language.
        pub common: &'static Texts,
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
        case_title: &'static str,
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
        reply_by: &'static str,
        due_left: &'static str,
        due_today: &'static str,
        due_overdue: &'static str,
        due_was: &'static str,
        pub overdue_flag: &'static str,
        pub timeline_title: &'static str,
        pub case_what_you_wrote: &'static str,
        pub ev_filed: &'static str,
        pub ev_assigned: &'static str,
        ev_status: &'static str,
        pub ev_message: &'static str,
        ev_info_requested: &'static str,
        pub ev_citizen_reply: &'static str,
        ev_extended: &'static str,
        ev_transferred: &'static str,
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
        rating_thanks: &'static str,
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
        pub reply_sent: &'static str,
        pub case_opened: &'static str,
        due_left_one: &'static str,
        due_overdue_one: &'static str,
        expected_on: &'static str,
        pub reply_queued: &'static str,
        my_cases_last_known: &'static str,
        // How a case filed by a staff member came in (assisted channels).
        received_by_phone: &'static str,
        received_in_person: &'static str,
        received_by_mail: &'static str,
        received_verbally: &'static str,
    }
}

crate::feature_texts!(TrackingTexts);

/// The templates, each a function whose parameters name its placeholders.
impl TrackingTexts {
    /// Offline: the status this device last saw, and when.
    pub fn my_cases_last_known(&self, status: &str, date: &str) -> String {
        fill_named(
            self.my_cases_last_known,
            &[("status", status), ("date", date)],
        )
    }

    /// The date a backend without legal terms expects to deal with the case by.
    pub fn expected_on(&self, date: &str) -> String {
        fill_named(self.expected_on, &[("date", date)])
    }

    pub fn case_title(&self, ticket: &str) -> String {
        fill_named(self.case_title, &[("ticket", ticket)])
    }

    pub fn reply_by(&self, date: &str) -> String {
        fill_named(self.reply_by, &[("date", date)])
    }

    /// The due-date sentence: `business_days_left` is negative once the date has
    /// passed; `running` is false when the agency's term no longer runs (answered,
    /// closed, waiting for the person).
    /// "Recibido por teléfono el …" for a case a staff member filed for the person;
    /// `None` for the web (the page says nothing more than before).
    pub fn received_via(&self, channel: cc_core::channel::Channel, date: &str) -> Option<String> {
        use cc_core::channel::Channel;
        let template = match channel {
            Channel::Web => return None,
            Channel::Phone => self.received_by_phone,
            Channel::InPerson => self.received_in_person,
            Channel::Mail => self.received_by_mail,
            Channel::Verbal => self.received_verbally,
        };
        Some(fill_named(template, &[("date", date)]))
    }

    pub fn due(&self, date: &str, business_days_left: i64, running: bool) -> String {
        let days = business_days_left;
        let with_days = |template: &str, n: i64| {
            fill_named(
                template,
                &[("date", date), ("days", &self.count(n.unsigned_abs()))],
            )
        };
        if !running {
            fill_named(self.due_was, &[("date", date)])
        } else if days == -1 {
            fill_named(self.due_overdue_one, &[("date", date)])
        } else if days < 0 {
            with_days(self.due_overdue, days)
        } else if days == 0 {
            fill_named(self.due_today, &[("date", date)])
        } else if days == 1 {
            fill_named(self.due_left_one, &[("date", date)])
        } else {
            with_days(self.due_left, days)
        }
    }

    pub fn ev_status(&self, status: &str) -> String {
        fill_named(self.ev_status, &[("status", status)])
    }

    pub fn ev_info_requested(&self, date: &str) -> String {
        fill_named(self.ev_info_requested, &[("date", date)])
    }

    pub fn ev_extended(&self, date: &str) -> String {
        fill_named(self.ev_extended, &[("date", date)])
    }

    pub fn ev_transferred(&self, agency: &str) -> String {
        fill_named(self.ev_transferred, &[("agency", agency)])
    }

    pub fn rating_thanks(&self, score: u8) -> String {
        fill_named(self.rating_thanks, &[("score", &score.to_string())])
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
            assert_filled(lang, &t.expected_on("DATE"), &["DATE"]);
            for channel in cc_core::channel::Channel::ASSISTED {
                let text = t.received_via(channel, "DATE").unwrap();
                assert_filled(lang, &text, &["DATE"]);
            }
            assert_eq!(t.received_via(cc_core::channel::Channel::Web, "DATE"), None);
            assert_filled(
                lang,
                &t.my_cases_last_known("STATUS", "DATE"),
                &["STATUS", "DATE"],
            );
            assert_filled(lang, &t.case_title("TICKET"), &["TICKET"]);
            assert_filled(lang, &t.reply_by("DATE"), &["DATE"]);
            for days in [-7i64, -1, 0, 1, 7] {
                // "today" needs no count; every other sentence says how many days.
                let shown = days.unsigned_abs().to_string();
                let expected: &[&str] = if days == 0 {
                    &["DATE"]
                } else {
                    &["DATE", &shown]
                };
                assert_filled(lang, &t.due("DATE", days, true), expected);
                assert_filled(lang, &t.due("DATE", days, false), &["DATE"]);
            }
            assert_ne!(t.due("DATE", 7, true), t.due("DATE", -7, true));
            assert_ne!(t.due("DATE", 1, true), t.due("DATE", 7, true));
            assert_filled(lang, &t.ev_status("STATUS"), &["STATUS"]);
            assert_filled(lang, &t.ev_info_requested("DATE"), &["DATE"]);
            assert_filled(lang, &t.ev_extended("DATE"), &["DATE"]);
            assert_filled(lang, &t.ev_transferred("AGENCY"), &["AGENCY"]);
            assert_filled(lang, &t.rating_thanks(4), &["4"]);
        }
    }
}
