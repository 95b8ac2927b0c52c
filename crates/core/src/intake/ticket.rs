//! Ticket numbers ("número de radicado"): `MDT-QUE-2026-00042`.
//!
//! `AGENCY-TYPE-YEAR-SEQUENCE`: the agency acronym (`GEN` when the person did not know
//! the agency), the case type code, the filing year and a per-year sequence padded to
//! five digits. People read them aloud, copy them from e-mails and type them on phones,
//! so [`normalize_ticket`] accepts them in any case, with spaces, extra or missing
//! dashes and typographic dashes.

/// Agency part used when the person does not know which agency is responsible.
pub const UNKNOWN_AGENCY: &str = "GEN";

/// Digits the sequence is padded to.
pub const SEQUENCE_WIDTH: usize = 5;

/// Longest agency part [`normalize_ticket`] accepts.
const AGENCY_MAX: usize = 20;
/// Longest type part [`normalize_ticket`] accepts.
const TYPE_MAX: usize = 8;
/// Letters taken as the type code when the agency and the type are written together.
const TYPE_LEN: usize = 3;
/// Longer input is not a ticket.
const INPUT_MAX: usize = 80;

/// The parts of a ticket number.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TicketParts {
    /// Upper-case ASCII letters and digits, e.g. `MDT`.
    pub agency: String,
    /// Upper-case ASCII letters, e.g. `QUE`.
    pub type_code: String,
    pub year: i32,
    pub sequence: u32,
}

impl TicketParts {
    /// The canonical ticket, e.g. `MDT-QUE-2026-00042`.
    pub fn format(&self) -> String {
        format_ticket(&self.agency, &self.type_code, self.year, self.sequence)
    }
}

fn clean_code(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// `MDT-QUE-2026-00042`: agency and type upper-cased with everything but ASCII letters
/// and digits dropped (an agency left empty becomes [`UNKNOWN_AGENCY`]), the sequence
/// zero-padded to five digits (more when it needs them).
pub fn format_ticket(agency: &str, type_code: &str, year: i32, sequence: u32) -> String {
    let mut agency = clean_code(agency);
    if agency.is_empty() {
        agency = UNKNOWN_AGENCY.to_string();
    }
    let type_code = clean_code(type_code);
    format!(
        "{agency}-{type_code}-{year:04}-{sequence:0width$}",
        width = SEQUENCE_WIDTH
    )
}

/// Separators people (and word processors) put between the parts.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '_'
                | '.'
                | '/'
                | '\u{2010}' // hyphen
                | '\u{2011}' // non-breaking hyphen
                | '\u{2012}' // figure dash
                | '\u{2013}' // en dash
                | '\u{2014}' // em dash
                | '\u{2015}' // horizontal bar
                | '\u{2212}' // minus sign
                | '\u{FE63}' // small hyphen-minus
                | '\u{FF0D}' // fullwidth hyphen-minus
        )
}

/// Parses a ticket as a person may type it. `None` when it cannot be a ticket.
pub fn parse_ticket(input: &str) -> Option<TicketParts> {
    let input = input.trim();
    if input.is_empty() || input.chars().count() > INPUT_MAX {
        return None;
    }
    // Only ASCII letters, digits and separators; separators become one space.
    let mut text = String::with_capacity(input.len());
    for c in input.chars() {
        if c.is_ascii_alphanumeric() {
            text.push(c.to_ascii_uppercase());
        } else if is_separator(c) {
            text.push(' ');
        } else {
            return None;
        }
    }

    // Trailing digits, across separators: the year and the sequence. The type code is
    // letters only, so the first letter from the end marks where they start.
    let split = text
        .rfind(|c: char| c.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    let (head, tail) = text.split_at(split);
    let groups: Vec<&str> = tail.split(' ').filter(|g| !g.is_empty()).collect();
    let (year, sequence) = match groups.as_slice() {
        // Written together: `202600042`.
        [digits] if digits.len() > 4 => {
            let (y, s) = digits.split_at(4);
            (y.to_string(), s.to_string())
        }
        // Separated: `2026 42`, or a sequence typed in pieces `2026 00 042`.
        [year, rest @ ..] if year.len() == 4 && !rest.is_empty() => {
            (year.to_string(), rest.concat())
        }
        _ => return None,
    };
    let year: i32 = year.parse().ok()?;
    let sequence = sequence.trim_start_matches('0');
    let sequence: u32 = if sequence.is_empty() {
        0
    } else {
        sequence.parse().ok()?
    };

    // Agency and type: two words, or one word whose last three letters are the type.
    let words: Vec<&str> = head.split(' ').filter(|w| !w.is_empty()).collect();
    let (agency, type_code) = match words.as_slice() {
        [agency, type_code] => (agency.to_string(), type_code.to_string()),
        [joined] if joined.len() > TYPE_LEN => {
            let (a, t) = joined.split_at(joined.len() - TYPE_LEN);
            (a.to_string(), t.to_string())
        }
        _ => return None,
    };
    let agency_ok =
        (1..=AGENCY_MAX).contains(&agency.len()) && agency.bytes().any(|b| b.is_ascii_alphabetic());
    let type_ok = (1..=TYPE_MAX).contains(&type_code.len())
        && type_code.bytes().all(|b| b.is_ascii_alphabetic());
    (agency_ok && type_ok).then_some(TicketParts {
        agency,
        type_code,
        year,
        sequence,
    })
}

/// The canonical form of a ticket typed by a person (`mdt que 2026 42` →
/// `MDT-QUE-2026-00042`), or `None` when the input cannot be a ticket.
pub fn normalize_ticket(input: &str) -> Option<String> {
    parse_ticket(input).map(|p| p.format())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(format_ticket("MDT", "QUE", 2026, 42), "MDT-QUE-2026-00042");
        assert_eq!(format_ticket("mdt", "que", 2026, 1), "MDT-QUE-2026-00001");
        assert_eq!(
            format_ticket("Min. Salud", "PET", 2026, 7),
            "MINSALUD-PET-2026-00007"
        );
        assert_eq!(
            format_ticket("GEN", "DEN", 2027, 99_999),
            "GEN-DEN-2027-99999"
        );
        assert_eq!(
            format_ticket("GEN", "DEN", 2027, 123_456),
            "GEN-DEN-2027-123456"
        );
        assert_eq!(format_ticket("", "SUG", 2026, 3), "GEN-SUG-2026-00003");
        assert_eq!(format_ticket("ÁÉ", "SUG", 2026, 3), "GEN-SUG-2026-00003");
    }

    #[test]
    fn normalizes_tolerant_input() {
        let want = Some("MDT-QUE-2026-00042".to_string());
        for input in [
            "MDT-QUE-2026-00042",
            "mdt-que-2026-00042",
            "mdt que 2026 42",
            "  MDT QUE 2026 00042  ",
            "MDT--QUE--2026--00042",
            "MDT–QUE–2026–00042",
            "MDT—QUE—2026—42",
            "MDT‑QUE‑2026‑42",
            "MDTQUE202600042",
            "MDTQUE2026-42",
            "MDT-QUE202600042",
            "MDT-QUE-202600042",
            "MDT QUE2026 42",
            "mdt_que_2026_42",
            "MDT.QUE.2026.00042",
            "MDT QUE 2026 000042",
            "MDT\tQUE\u{a0}2026 42",
        ] {
            assert_eq!(normalize_ticket(input), want, "{input:?}");
        }
    }

    #[test]
    fn agencies_with_digits_and_long_sequences() {
        assert_eq!(
            normalize_ticket("min4-pet-2026-7"),
            Some("MIN4-PET-2026-00007".into())
        );
        assert_eq!(
            normalize_ticket("MIN4PET20267"),
            Some("MIN4-PET-2026-00007".into())
        );
        assert_eq!(
            normalize_ticket("gen den 2027 123456"),
            Some("GEN-DEN-2027-123456".into())
        );
        assert_eq!(
            normalize_ticket("minsalud sol 2026 5"),
            Some("MINSALUD-SOL-2026-00005".into())
        );
    }

    #[test]
    fn round_trips() {
        for (a, t, y, s) in [
            ("MDT", "QUE", 2026, 42),
            ("GEN", "DEN", 2030, 1),
            ("ABC1", "REC", 2026, 4_294_967_295),
        ] {
            let ticket = format_ticket(a, t, y, s);
            assert_eq!(normalize_ticket(&ticket), Some(ticket.clone()));
            let parts = parse_ticket(&ticket).unwrap();
            assert_eq!((parts.agency.as_str(), parts.type_code.as_str()), (a, t));
            assert_eq!((parts.year, parts.sequence), (y, s));
        }
    }

    #[test]
    fn rejects_garbage() {
        for input in [
            "",
            "   ",
            "hola",
            "42",
            "2026-00042",
            "QUE-2026-42",
            "MDT-QUE",
            "MDT-QUE-2026",
            "MDT-QUE-26",
            "MDT-QUE-2026-42-7-x",
            "MDT-QU3-2026-42",
            "MDT QUE 2026 42!",
            "MDT-QUÉ-2026-42",
            "RADICADO MDT QUE 2026 42",
            "MDT-QUE-2026-99999999999",
            "123-QUE-2026-42",
            "<script>",
            "MDT-QUE-2026-00042-MDT-QUE-2026-00042-MDT-QUE-2026-00042-MDT-QUE-2026-00042-X",
        ] {
            assert_eq!(normalize_ticket(input), None, "{input:?}");
        }
    }

    #[test]
    fn input_may_be_exactly_80_characters() {
        // Leading zeros of the sequence make a long but real ticket.
        let typed = |zeros: usize| format!("MDT-QUE-2026-{}42", "0".repeat(zeros));
        let longest = typed(65);
        assert_eq!(longest.chars().count(), INPUT_MAX);
        assert_eq!(
            normalize_ticket(&longest),
            Some("MDT-QUE-2026-00042".into())
        );
        let one_more = typed(66);
        assert_eq!(one_more.chars().count(), INPUT_MAX + 1);
        assert_eq!(normalize_ticket(&one_more), None);
    }

    #[test]
    fn a_lone_word_shorter_than_a_type_code_is_no_ticket() {
        // One word must hold an agency and the three letters of the type.
        for input in ["QU-2026-00042", "Q-2026-00042", "QUE-2026-00042"] {
            assert_eq!(parse_ticket(input), None, "{input:?}");
        }
        assert_eq!(
            normalize_ticket("AQUE-2026-00042"),
            Some("A-QUE-2026-00042".into())
        );
    }

    #[test]
    fn a_type_code_is_at_most_eight_letters() {
        assert_eq!(
            normalize_ticket("MDT-ABCDEFGH-2026-42"),
            Some("MDT-ABCDEFGH-2026-00042".into())
        );
        assert_eq!(normalize_ticket("MDT-ABCDEFGHI-2026-42"), None);
    }
}
