//! How a case came in: on the web by the person, or filed for them by a staff member
//! (by phone, in person at a service point, by mail, or a verbal petition), and the
//! wire types of assisted filing (`POST /api/v1/staff/cases`), of the member's check
//! (`GET /api/v1/staff/me`) and of sending the receipt to the person.
//!
//! Every channel ends in the same case, tracked the same way: the channel only says how
//! it arrived (the tracking page's "Recibido por teléfono el …", the transparency
//! figures by channel).

use serde::{Deserialize, Serialize};

use crate::api::FieldError;
use crate::intake::validation::{normalize_email, normalize_phone, validate_email};
use crate::intake::NewCase;

/// How a case came in.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Filed by the person on the web (every case before assisted filing existed).
    #[default]
    Web,
    /// Taken by a staff member on the phone line.
    Phone,
    /// Taken at a service point, face to face.
    InPerson,
    /// A letter, typed in by a staff member.
    Mail,
    /// A verbal petition (Ley 1755: petitions may be made verbally), written down by
    /// the staff member who heard it.
    Verbal,
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Channel::Web,
        Channel::Phone,
        Channel::InPerson,
        Channel::Mail,
        Channel::Verbal,
    ];

    /// The channels a staff member files through (never the web).
    pub const ASSISTED: [Channel; 4] = [
        Channel::Phone,
        Channel::InPerson,
        Channel::Mail,
        Channel::Verbal,
    ];

    /// The stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Phone => "phone",
            Channel::InPerson => "in_person",
            Channel::Mail => "mail",
            Channel::Verbal => "verbal",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Whether a staff member filed it for the person.
    pub fn is_assisted(self) -> bool {
        self != Channel::Web
    }
}

/// How the person gave their consent to the personal-data policy.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    /// Ticked by the person in the web form.
    #[default]
    Online,
    /// Said to the staff member who filed the case for them (who ticked it).
    Verbal,
}

impl Consent {
    pub fn as_str(self) -> &'static str {
        match self {
            Consent::Online => "online",
            Consent::Verbal => "verbal",
        }
    }

    pub fn parse(s: &str) -> Option<Consent> {
        [Consent::Online, Consent::Verbal]
            .into_iter()
            .find(|c| c.as_str() == s)
    }
}

/// Body of `POST /api/v1/staff/cases`: the citizen's case as the web sends it, plus the
/// channel it came in by. `consent: true` is the staff member saying the person gave
/// it verbally; it is recorded as such.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssistedCase {
    #[serde(flatten)]
    pub case: NewCase,
    /// `phone`, `in_person`, `mail` or `verbal` (`web` is refused: that is the
    /// person's own filing, `POST /api/v1/cases`).
    pub channel: Channel,
}

/// The field of an assisted case's channel (its errors name it).
pub const CHANNEL_FIELD: &str = "channel";

/// The channel of an assisted case: one a staff member files through.
pub fn validate_assisted_channel(channel: Channel) -> Option<FieldError> {
    (!channel.is_assisted()).then(|| {
        FieldError::new(
            CHANNEL_FIELD,
            "not_assisted",
            "Elija cómo llegó el caso: por teléfono, en persona, por correo o de forma verbal.",
        )
    })
}

/// `200` answer of `GET /api/v1/staff/me`: whose token this is.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    /// The member's name as registered (`cc-server staff-member add NAME`), shown in
    /// the assisted mode's banner and recorded as `taken_by`.
    pub name: String,
}

/// Body of `POST /api/v1/staff/cases/{ticket}/receipt`: send the case's receipt to the
/// person, to exactly one of an e-mail address or a phone (a text message). The
/// access code shown at filing comes with it: the backend keeps only its hash, and
/// the code must open the case.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptRequest {
    pub access_code: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

/// Where a receipt goes, checked and normalized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReceiptTo {
    Email(String),
    /// Digits, with `+` when it has the country code.
    Phone(String),
}

impl ReceiptTo {
    /// The address with most of it hidden, for logs and the answer: `m•••@correo.bo`,
    /// `••••••4567`.
    pub fn masked(&self) -> String {
        match self {
            ReceiptTo::Email(email) => {
                let (local, domain) = email.split_once('@').unwrap_or((email, ""));
                let first: String = local.chars().take(1).collect();
                format!("{first}•••@{domain}")
            }
            ReceiptTo::Phone(phone) => {
                let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
                let shown = digits.len().saturating_sub(4);
                let tail: String = digits[shown..].iter().collect();
                format!("{}{tail}", "•".repeat(shown))
            }
        }
    }

    pub fn medium(&self) -> ReceiptMedium {
        match self {
            ReceiptTo::Email(_) => ReceiptMedium::Email,
            ReceiptTo::Phone(_) => ReceiptMedium::Sms,
        }
    }
}

/// How a receipt was sent.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReceiptMedium {
    Email,
    Sms,
}

/// `202` answer of `POST /api/v1/staff/cases/{ticket}/receipt`: handed to the sender.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptSent {
    pub medium: ReceiptMedium,
    /// The destination with most of it hidden, e.g. `m•••@correo.bo`.
    pub to: String,
}

const MSG_RECEIPT_TO: &str =
    "Escriba un correo electrónico o un número de teléfono para enviar el comprobante.";
const MSG_RECEIPT_ONE: &str = "Escriba solo uno: el correo electrónico o el teléfono.";
const MSG_RECEIPT_EMAIL: &str =
    "Escriba el correo electrónico completo, por ejemplo nombre@ejemplo.com.";
const MSG_RECEIPT_PHONE: &str =
    "Escriba el número de teléfono con el código de país, por ejemplo +57 601 123 4567.";

/// Where a receipt goes: exactly one of `email` (`format`) or `phone` (`format`) given
/// (`to`: `required` when neither, `one_only` when both). Blank counts as not given.
pub fn receipt_destination(
    email: Option<&str>,
    phone: Option<&str>,
) -> Result<ReceiptTo, FieldError> {
    fn given(v: Option<&str>) -> Option<&str> {
        v.map(str::trim).filter(|v| !v.is_empty())
    }
    match (given(email), given(phone)) {
        (None, None) => Err(FieldError::new("to", "required", MSG_RECEIPT_TO)),
        (Some(_), Some(_)) => Err(FieldError::new("to", "one_only", MSG_RECEIPT_ONE)),
        (Some(email), None) => match (validate_email(email), normalize_email(email)) {
            (Ok(()), Some(email)) => Ok(ReceiptTo::Email(email)),
            _ => Err(FieldError::new("email", "format", MSG_RECEIPT_EMAIL)),
        },
        (None, Some(phone)) => normalize_phone(phone)
            .map(ReceiptTo::Phone)
            .ok_or_else(|| FieldError::new("phone", "format", MSG_RECEIPT_PHONE)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_round_trip_and_only_the_web_is_not_assisted() {
        for channel in Channel::ALL {
            assert_eq!(Channel::parse(channel.as_str()), Some(channel));
            let wire = serde_json::to_value(channel).unwrap();
            assert_eq!(wire, channel.as_str());
            assert_eq!(
                validate_assisted_channel(channel).is_none(),
                Channel::ASSISTED.contains(&channel)
            );
        }
        assert_eq!(Channel::parse("fax"), None);
        assert_eq!(Channel::default(), Channel::Web);
    }

    #[test]
    fn an_assisted_case_is_a_case_plus_its_channel() {
        let body = r#"{"case_type":"peticion","description":"Pide copia del expediente de su predio.",
            "identity":"identified","name":"Ana","phone":"+57 300 123 4567","consent":true,
            "channel":"verbal"}"#;
        let assisted: AssistedCase = serde_json::from_str(body).unwrap();
        assert_eq!(assisted.channel, Channel::Verbal);
        assert_eq!(assisted.case.case_type, "peticion");
        assert!(assisted.case.consent);
        let back = serde_json::to_value(&assisted).unwrap();
        assert_eq!(back["channel"], "verbal");
        assert_eq!(back["name"], "Ana");
    }

    #[test]
    fn a_receipt_goes_to_exactly_one_checked_destination() {
        let code = |r: Result<ReceiptTo, FieldError>| r.map_err(|e| (e.field, e.code));
        assert_eq!(
            code(receipt_destination(Some(" Maria@Correo.bo "), None)),
            Ok(ReceiptTo::Email("Maria@correo.bo".into()))
        );
        assert_eq!(
            code(receipt_destination(None, Some("+57 (300) 123-4567"))),
            Ok(ReceiptTo::Phone("+573001234567".into()))
        );
        assert_eq!(
            code(receipt_destination(None, Some("  "))),
            Err(("to".into(), "required".into()))
        );
        assert_eq!(
            code(receipt_destination(Some("a@b.co"), Some("3001234567"))),
            Err(("to".into(), "one_only".into()))
        );
        assert_eq!(
            code(receipt_destination(Some("maria@"), None)),
            Err(("email".into(), "format".into()))
        );
        assert_eq!(
            code(receipt_destination(None, Some("12ab"))),
            Err(("phone".into(), "format".into()))
        );
    }

    #[test]
    fn destinations_are_masked() {
        assert_eq!(
            ReceiptTo::Email("maria@correo.bo".into()).masked(),
            "m•••@correo.bo"
        );
        assert_eq!(
            ReceiptTo::Phone("+573001234567".into()).masked(),
            "••••••••4567"
        );
        assert_eq!(ReceiptTo::Phone("123".into()).masked(), "123");
    }
}
