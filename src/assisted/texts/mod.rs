//! Texts of assisted mode (`/atencion`: the staff sign-in, and the confirmation made to
//! be read out and printed). One value per language, so a missing text is a compile
//! error; the shared texts are reachable through `Deref`. The wizard's own assisted
//! texts (the channel question, the banner, verbal consent) are the wizard's.

#[cfg(not(feature = "lazy-texts"))]
mod en;
mod es;
#[cfg(not(feature = "lazy-texts"))]
mod pt;

use crate::i18n::{fill_named, Texts};

crate::texts_struct! {
    pub struct AssistedTexts {
        /// The shared texts of the same language.
        pub common: &'static Texts,
        pub sign_in_title: &'static str,
        pub sign_in_lead: &'static str,
        pub token_label: &'static str,
        pub token_hint: &'static str,
        pub sign_in_button: &'static str,
        pub checking: &'static str,
        pub err_token_required: &'static str,
        pub err_token_wrong: &'static str,
        signed_in_as: &'static str,
        pub session_note: &'static str,
        pub start_case: &'static str,
        pub sign_out: &'static str,
        pub signed_out: &'static str,
        pub unavailable: &'static str,
        pub banner_label: &'static str,
        pub banner_text: &'static str,
        pub confirm_title: &'static str,
        pub confirm_missing: &'static str,
        pub read_out_title: &'static str,
        pub ticket_label: &'static str,
        pub code_label: &'static str,
        pub spelled_label: &'static str,
        pub dash_word: &'static str,
        pub code_note: &'static str,
        pub print_title: &'static str,
        pub print_button: &'static str,
        pub receipt_title: &'static str,
        pub receipt_type: &'static str,
        pub receipt_received: &'static str,
        pub receipt_due: &'static str,
        pub receipt_taken_by: &'static str,
        receipt_follow: &'static str,
        pub receipt_keep: &'static str,
        pub send_title: &'static str,
        pub send_lead: &'static str,
        pub send_none: &'static str,
        pub email_label: &'static str,
        pub phone_label: &'static str,
        pub send_button: &'static str,
        pub sending: &'static str,
        sent: &'static str,
        pub err_send_to: &'static str,
        pub err_send_one: &'static str,
        pub err_send_email: &'static str,
        pub err_send_phone: &'static str,
        pub another_case: &'static str,
        pub ch_phone: &'static str,
        pub ch_in_person: &'static str,
        pub ch_mail: &'static str,
        pub ch_verbal: &'static str,
    }
}

crate::feature_texts!(AssistedTexts);

/// The templates, each a function whose parameters name its placeholders.
impl AssistedTexts {
    /// How the case came in, on the printed receipt.
    pub fn channel_name(&self, channel: cc_core::channel::Channel) -> &'static str {
        use cc_core::channel::Channel;
        match channel {
            Channel::Web => "web",
            Channel::Phone => self.ch_phone,
            Channel::InPerson => self.ch_in_person,
            Channel::Mail => self.ch_mail,
            Channel::Verbal => self.ch_verbal,
        }
    }

    pub fn signed_in_as(&self, name: &str) -> String {
        fill_named(self.signed_in_as, &[("name", name)])
    }

    pub fn receipt_follow(&self, address: &str) -> String {
        fill_named(self.receipt_follow, &[("address", address)])
    }

    pub fn sent(&self, to: &str) -> String {
        fill_named(self.sent, &[("to", to)])
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
            assert_filled(lang, &t.signed_in_as("NAME"), &["NAME"]);
            assert_filled(lang, &t.receipt_follow("ADDRESS"), &["ADDRESS"]);
            assert_filled(lang, &t.sent("TO"), &["TO"]);
        }
    }
}
