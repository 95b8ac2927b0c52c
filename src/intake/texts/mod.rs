//! Texts of the contact wizard, its confirmation and the privacy policy. One value per language, so a
//! missing text is a compile error. The texts every screen shares live in
//! [`crate::i18n::Texts`] and are reachable from these through `Deref`.

#[cfg(not(feature = "lazy-texts"))]
mod en;
mod es;
#[cfg(not(feature = "lazy-texts"))]
mod pt;

use crate::i18n::{fill_named, Texts};

crate::texts_struct! {
    pub struct IntakeTexts {
        /// The shared texts of the same language.
        pub common: &'static Texts,
        pub quick_exit: &'static str,
        pub quick_exit_hint: &'static str,
        pub intake_title: &'static str,
        pub intake_lead: &'static str,
        pub intake_point_time: &'static str,
        pub intake_point_ticket: &'static str,
        pub intake_point_saved: &'static str,
        pub intake_start: &'static str,
        pub draft_found_title: &'static str,
        draft_saved_on: &'static str,
        pub draft_continue: &'static str,
        pub draft_start_again: &'static str,
        pub draft_saved_note: &'static str,
        pub draft_delete: &'static str,
        step_of: &'static str,
        pub back: &'static str,
        pub continue_button: &'static str,
        pub q_type: &'static str,
        pub q_type_hint: &'static str,
        /// Under each case type's explanation: the deployment's example of such a case.
        type_example: &'static str,
        pub q_emergency: &'static str,
        pub q_agency: &'static str,
        pub q_agency_hint: &'static str,
        pub q_what_happened: &'static str,
        pub q_what_you_need: &'static str,
        pub q_attachments: &'static str,
        pub q_contact: &'static str,
        pub q_consent: &'static str,
        pub review_title: &'static str,
        pub emergency_danger_before: &'static str,
        pub emergency_danger_after: &'static str,
        pub emergency_safe_1: &'static str,
        pub emergency_safe_2: &'static str,
        pub agency_unknown_hint: &'static str,
        pub procedure_chosen: &'static str,
        pub procedure_remove: &'static str,
        pub procedure_search_label: &'static str,
        pub procedure_search_hint: &'static str,
        pub procedure_choose: &'static str,
        pub description_hint: &'static str,
        /// Self-service: procedures that may already answer what is being described.
        pub suggest_heading: &'static str,
        pub suggest_lead: &'static str,
        /// Announced when suggestions appear (the person is typing: focus stays).
        pub suggest_announce_one: &'static str,
        pub suggest_announce_many: &'static str,
        pub suggest_resolves: &'static str,
        pub suggest_continue: &'static str,
        pub suggest_declined: &'static str,
        pub resolved_title: &'static str,
        pub resolved_nothing_sent: &'static str,
        pub resolved_go: &'static str,
        pub resolved_kept: &'static str,
        pub resolved_back: &'static str,
        pub resolved_delete: &'static str,
        pub resolved_deleted: &'static str,
        pub date_legend: &'static str,
        pub date_hint: &'static str,
        pub place_label: &'static str,
        pub place_hint: &'static str,
        attachments_hint: &'static str,
        pub attachments_list_title: &'static str,
        pub attachments_choose: &'static str,
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
        pub send_retry: &'static str,
        send_button: &'static str,
        send_button_generic: &'static str,
        sending_retry: &'static str,
        pub confirm_title: &'static str,
        pub confirm_missing_title: &'static str,
        pub confirm_missing_text: &'static str,
        pub confirm_ticket: &'static str,
        pub confirm_code_title: &'static str,
        pub confirm_code_text: &'static str,
        pub confirm_code_warning: &'static str,
        pub confirm_next_title: &'static str,
        confirm_due: &'static str,
        pub confirm_step_1: &'static str,
        pub confirm_step_2: &'static str,
        pub confirm_step_3: &'static str,
        pub confirm_track: &'static str,
        pub confirm_print: &'static str,

        pub privacy_title: &'static str,
        privacy_who: &'static str,
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
        privacy_rights: &'static str,

        pub quick_exit_clear_label: &'static str,
        pub draft_delete_confirm_title: &'static str,
        pub draft_delete_confirm_text: &'static str,
        pub draft_delete_yes: &'static str,
        pub draft_delete_no: &'static str,
        pub draft_deleted: &'static str,
        pub receipt_title: &'static str,
        pub receipt_filed_on: &'static str,
        pub receipt_due: &'static str,
        pub receipt_attachments: &'static str,
        receipt_follow_at: &'static str,
        receipt_follow_at_number: &'static str,
        confirm_due_one: &'static str,
        pub q_topic: &'static str,
        pub topic_filter_label: &'static str,
        pub topic_filter_hint: &'static str,
        pub topic_none_found: &'static str,
        pub topic_legend: &'static str,
        pub err_topic: &'static str,
        pub topic_loading: &'static str,
        pub optional_suffix: &'static str,
        pub err_detail_required: &'static str,
        pub err_detail_number: &'static str,
        pub err_detail_date: &'static str,
        pub err_detail_option: &'static str,
        pub err_detail_too_long: &'static str,
        pub detail_note_title: &'static str,
        pub detail_number_hint: &'static str,
        pub detail_datetime_hint: &'static str,
        pub detail_several_hint: &'static str,
        pub q_location: &'static str,
        pub location_address_label: &'static str,
        pub location_address_hint: &'static str,
        pub location_position_why: &'static str,
        pub location_use_position: &'static str,
        pub location_position_remove: &'static str,
        pub location_position_finding: &'static str,
        pub location_position_failed: &'static str,
        pub err_location: &'static str,
        pub review_topic: &'static str,
        pub review_location: &'static str,
        pub review_public_warning: &'static str,
        pub confirm_public_tracking: &'static str,
        topics_found_one: &'static str,
        topics_found: &'static str,
        location_position_set: &'static str,
        confirm_expected: &'static str,
        pub queued_title: &'static str,
        pub queued_text: &'static str,
        // Assisted mode (a staff member files for the person; `crate::api::staff`).
        pub assisted_banner_label: &'static str,
        pub assisted_banner_text: &'static str,
        pub assisted_banner_session: &'static str,
        pub q_channel: &'static str,
        pub channel_hint: &'static str,
        pub channel_phone: &'static str,
        pub channel_in_person: &'static str,
        pub channel_mail: &'static str,
        pub channel_verbal: &'static str,
        pub channel_verbal_hint: &'static str,
        pub channel_language_note: &'static str,
        pub err_channel: &'static str,
        pub review_channel: &'static str,
        pub q_consent_assisted: &'static str,
        pub consent_assisted_what: &'static str,
        pub consent_assisted_label: &'static str,
        pub review_consent_verbal: &'static str,
        pub send_assisted: &'static str,
    }
}

crate::feature_texts!(IntakeTexts);

/// The templates, each a function whose parameters name its placeholders.
impl IntakeTexts {
    /// How a case came in, as the assisted wizard's options and check page name it.
    pub fn channel_name(&self, channel: cc_core::channel::Channel) -> &'static str {
        use cc_core::channel::Channel;
        match channel {
            Channel::Web => "web",
            Channel::Phone => self.channel_phone,
            Channel::InPerson => self.channel_in_person,
            Channel::Mail => self.channel_mail,
            Channel::Verbal => self.channel_verbal,
        }
    }

    pub fn draft_saved_on(&self, date: &str) -> String {
        fill_named(self.draft_saved_on, &[("date", date)])
    }

    /// "Por ejemplo: …" with a case type's example.
    pub fn type_example(&self, example: &str) -> String {
        fill_named(self.type_example, &[("example", example)])
    }

    pub fn step_of(&self, step: usize, steps: usize) -> String {
        fill_named(
            self.step_of,
            &[("step", &step.to_string()), ("steps", &steps.to_string())],
        )
    }

    pub fn attachments_hint(&self, files: usize, mb: u64) -> String {
        fill_named(
            self.attachments_hint,
            &[
                ("files", &self.count(files as u64)),
                ("mb", &self.count(mb)),
            ],
        )
    }

    /// "Enviar mi queja", or a plain "Enviar" when the case type is not known.
    pub fn send_button(&self, case_type: Option<&str>) -> String {
        match case_type {
            Some(name) => fill_named(self.send_button, &[("case_type", name)]),
            None => self.send_button_generic.to_string(),
        }
    }

    /// What the send button's status says while sending; `attempt` counts from 1.
    pub fn sending_retry(&self, attempt: u32) -> String {
        if attempt <= 1 {
            self.sending.to_string()
        } else {
            fill_named(self.sending_retry, &[("attempt", &attempt.to_string())])
        }
    }

    pub fn confirm_due(&self, days: u32, date: &str) -> String {
        if days == 1 {
            fill_named(self.confirm_due_one, &[("date", date)])
        } else {
            fill_named(
                self.confirm_due,
                &[("days", &self.count(days.into())), ("date", date)],
            )
        }
    }

    pub fn privacy_who(&self, owner: &str) -> String {
        fill_named(self.privacy_who, &[("owner", owner)])
    }

    pub fn privacy_rights(&self, email: &str) -> String {
        fill_named(self.privacy_rights, &[("email", email)])
    }

    /// Where the case is followed; `with_code`: the backend gives access codes.
    pub fn receipt_follow_at(&self, address: &str, with_code: bool) -> String {
        let text = if with_code {
            self.receipt_follow_at
        } else {
            self.receipt_follow_at_number
        };
        fill_named(text, &[("address", address)])
    }

    /// How many topics the filter leaves, for screen readers.
    pub fn topics_found(&self, n: usize) -> String {
        if n == 1 {
            self.topics_found_one.to_string()
        } else {
            fill_named(self.topics_found, &[("n", &self.count(n as u64))])
        }
    }

    pub fn location_position_set(&self, lat: f64, long: f64) -> String {
        let (lat, long) = (format!("{lat:.5}"), format!("{long:.5}"));
        fill_named(
            self.location_position_set,
            &[("lat", &lat), ("long", &long)],
        )
    }

    /// An expected date given by a backend without legal terms.
    pub fn confirm_expected(&self, date: &str) -> String {
        fill_named(self.confirm_expected, &[("date", date)])
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
            assert_filled(lang, &t.draft_saved_on("DATE"), &["DATE"]);
            assert_filled(lang, &t.step_of(3, 8), &["3", "8"]);
            assert_filled(lang, &t.type_example("EXAMPLE"), &["EXAMPLE"]);
            assert_filled(lang, &t.attachments_hint(7, 9), &["7", "9"]);
            assert_filled(lang, &t.send_button(Some("KIND")), &["KIND"]);
            assert_filled(lang, &t.send_button(None), &[]);
            assert_filled(lang, &t.sending_retry(1), &[]);
            assert_filled(lang, &t.sending_retry(3), &["3"]);
            assert_filled(lang, &t.confirm_due(1, "DATE"), &["DATE"]);
            assert_filled(lang, &t.confirm_due(15, "DATE"), &["15", "DATE"]);
            assert_filled(lang, &t.privacy_who("OWNER"), &["OWNER"]);
            assert_filled(lang, &t.privacy_rights("MAIL"), &["MAIL"]);
            assert_filled(lang, &t.receipt_follow_at("ADDRESS", true), &["ADDRESS"]);
            assert_filled(lang, &t.receipt_follow_at("ADDRESS", false), &["ADDRESS"]);
            assert_filled(lang, &t.topics_found(1), &["1"]);
            assert_filled(lang, &t.topics_found(7), &["7"]);
            assert_filled(
                lang,
                &t.location_position_set(4.5, -74.25),
                &["4.50000", "-74.25000"],
            );
            assert_filled(lang, &t.confirm_expected("DATE"), &["DATE"]);
        }
    }
}
