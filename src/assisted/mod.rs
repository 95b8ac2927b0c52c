//! Assisted mode (`/atencion`, chunk `assisted`): staff at a service point or on the
//! phone line sign in with their own token, file cases for people through the same
//! wizard (which reads the session from `crate::api::staff`: the channel question,
//! the banner, verbal consent, the staff endpoint), and give the person the receipt:
//! read out, printed in their language, or sent to their e-mail or phone.

mod confirmation;
mod send_receipt;
mod sign_in;
pub mod texts;

pub use confirmation::AssistedConfirmationPage;
pub use sign_in::SignInPage;
