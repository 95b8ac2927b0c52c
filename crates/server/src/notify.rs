//! Sending a case's receipt to the person (e-mail or a text message) when a staff
//! member filed it for them: the [`Notifier`] trait, and the reference backend's
//! [`LogNotifier`], a stub that only logs what would be sent.
//!
//! A deployment plugs in a real sender by implementing [`Notifier`] (an SMTP relay, an
//! SMS gateway, a message queue its own mailer reads) and setting
//! [`crate::AppState::notifier`] before building the router (see README, "Sending
//! receipts").

use cc_core::channel::ReceiptTo;

/// What a receipt says: enough for the person to follow the case on any device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptMessage {
    pub ticket: String,
    /// The access code, as shown at filing. Never logged: with the ticket it opens
    /// the case.
    pub access_code: String,
    /// The case type's name in the person's language.
    pub case_type: String,
    /// `YYYY-MM-DD`.
    pub filed_on: String,
    /// `YYYY-MM-DD` legal due date.
    pub due_date: String,
    /// The person's language (the case's), for the message's wording.
    pub language: String,
    /// Where the case is followed: the tracking page's path (`/seguimiento`); the
    /// sender adds its public origin.
    pub follow_at: String,
}

/// A receipt that could not be handed over (the reason is logged, never sent).
#[derive(Debug, thiserror::Error)]
#[error("receipt not sent: {0}")]
pub struct NotifyError(pub String);

/// Sends receipts. Called off the async runtime (a blocking client is fine); `Ok` means
/// handed over for delivery, not delivered.
pub trait Notifier: Send + Sync {
    fn send_receipt(&self, to: &ReceiptTo, receipt: &ReceiptMessage) -> Result<(), NotifyError>;
}

/// The reference backend's stub: logs (target `notify`) that a receipt would be sent,
/// to whom (masked) and for which case; sends nothing. Never logs the access code.
pub struct LogNotifier;

impl Notifier for LogNotifier {
    fn send_receipt(&self, to: &ReceiptTo, receipt: &ReceiptMessage) -> Result<(), NotifyError> {
        tracing::info!(
            target: "notify",
            medium = ?to.medium(),
            to = %to.masked(),
            ticket = %receipt.ticket,
            language = %receipt.language,
            "receipt NOT sent (stub notifier: plug in a real sender, see README)"
        );
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stub_accepts_every_receipt() {
        let receipt = ReceiptMessage {
            ticket: "MDT-PET-2026-00001".into(),
            access_code: "ABCD-EFGH-JKLM".into(),
            case_type: "Petición".into(),
            filed_on: "2026-03-03".into(),
            due_date: "2026-03-24".into(),
            language: "es".into(),
            follow_at: "/seguimiento".into(),
        };
        let to = ReceiptTo::Email("maria@correo.bo".into());
        assert!(LogNotifier.send_receipt(&to, &receipt).is_ok());
    }
}
