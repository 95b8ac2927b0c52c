//! Access codes: the secret that, with the ticket, lets a person follow their case
//! without an account (the only way for anonymous cases).
//!
//! Twelve symbols from a 30-symbol alphabet without look-alikes (no `I`, `O`, `Q`, `Z`,
//! `0`, `1`): 12 × log2(30) ≈ 58.9 bits. Shown as `K7MP-3XRT-9HWA` so it can be read
//! aloud and copied from paper. Only its hash is stored by the backend.

/// Upper-case letters and digits minus `I O Q Z 0 1` (30 symbols).
pub const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPRSTUVWXY23456789";

/// Symbols in a code.
pub const CODE_LEN: usize = 12;

/// Symbols per group in [`format_code`].
pub const GROUP_LEN: usize = 4;

/// Random bytes callers should pass to [`code_from_random`]. Each byte is kept with
/// probability 240/256, so 32 bytes fail to give 12 symbols with probability < 10⁻²⁰.
pub const RANDOM_BYTES: usize = 32;

/// Largest multiple of the alphabet size that fits in a byte: bytes at or above it are
/// skipped so every symbol is equally likely (no modulo bias).
const ACCEPT_BELOW: u8 = (256 / ALPHABET.len() * ALPHABET.len()) as u8;

/// A code from cryptographically secure random bytes (give [`RANDOM_BYTES`] of them),
/// by rejection sampling: bytes ≥ 240 are skipped, the rest map to `byte % 30`.
/// `None` only when too few bytes were usable (practically: fewer than 12 given).
pub fn code_from_random(bytes: &[u8]) -> Option<String> {
    let code: String = bytes
        .iter()
        .filter(|&&b| b < ACCEPT_BELOW)
        .take(CODE_LEN)
        .map(|&b| char::from(ALPHABET[usize::from(b) % ALPHABET.len()]))
        .collect();
    (code.len() == CODE_LEN).then_some(code)
}

/// Groups of four separated by `-` for reading aloud: `K7MP3XRT9HWA` → `K7MP-3XRT-9HWA`.
/// Spaces and dashes already in `code` are dropped first.
pub fn format_code(code: &str) -> String {
    let symbols: Vec<char> = code.chars().filter(|&c| !is_separator(c)).collect();
    symbols
        .chunks(GROUP_LEN)
        .map(|g| g.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '_'
                | '.'
                | '\u{2010}'
                | '\u{2011}'
                | '\u{2012}'
                | '\u{2013}'
                | '\u{2014}'
                | '\u{2212}'
        )
}

/// Whether `c` (upper case) is a code symbol.
pub fn is_code_symbol(c: char) -> bool {
    c.is_ascii() && ALPHABET.contains(&(c as u8))
}

/// The canonical code from what a person typed: spaces and dashes removed, lower case
/// accepted. `None` unless exactly [`CODE_LEN`] symbols of [`ALPHABET`] remain (look-alikes
/// such as `O`/`0` are never guessed: they are not in any code).
pub fn normalize_code(input: &str) -> Option<String> {
    let mut code = String::with_capacity(CODE_LEN);
    for c in input.chars() {
        if is_separator(c) {
            continue;
        }
        let c = c.to_ascii_uppercase();
        if !is_code_symbol(c) || code.len() == CODE_LEN {
            return None;
        }
        code.push(c);
    }
    (code.len() == CODE_LEN).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphabet_has_no_look_alikes() {
        assert_eq!(ALPHABET.len(), 30);
        for c in b"IOQZ01" {
            assert!(!ALPHABET.contains(c), "{}", *c as char);
        }
        let mut sorted = ALPHABET.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 30);
        assert!(ALPHABET
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
        assert_eq!(ACCEPT_BELOW, 240);
        // At least 40 bits of entropy.
        assert!(CODE_LEN as f64 * (ALPHABET.len() as f64).log2() >= 40.0);
    }

    #[test]
    fn maps_bytes_without_bias() {
        let bytes: Vec<u8> = (0..32).collect();
        assert_eq!(code_from_random(&bytes).as_deref(), Some("ABCDEFGHJKLM"));
        // Bytes 240..=255 are skipped; 30 maps back to 'A'.
        let mut bytes = vec![240, 255, 250];
        bytes.extend([30u8, 31, 59, 60, 239, 0, 1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(code_from_random(&bytes).as_deref(), Some("AB9A9ABCDEFG"));
        // Every accepted byte value maps each symbol exactly 8 times.
        let mut counts = [0u32; 30];
        for b in 0..=255u8 {
            if b < ACCEPT_BELOW {
                counts[usize::from(b) % 30] += 1;
            }
        }
        assert!(counts.iter().all(|&c| c == 8));
    }

    #[test]
    fn too_few_bytes() {
        assert_eq!(code_from_random(&[]), None);
        assert_eq!(code_from_random(&[7; 11]), None);
        assert_eq!(code_from_random(&[250; 64]), None);
        let mut bytes = vec![255; 20];
        bytes.extend([9u8; 12]);
        assert_eq!(code_from_random(&bytes).as_deref(), Some("KKKKKKKKKKKK"));
    }

    #[test]
    fn formats_in_groups() {
        assert_eq!(format_code("K7MP3XRT9HWA"), "K7MP-3XRT-9HWA");
        assert_eq!(format_code("K7MP-3XRT-9HWA"), "K7MP-3XRT-9HWA");
        assert_eq!(format_code("K7MP 3XRT"), "K7MP-3XRT");
        assert_eq!(format_code(""), "");
    }

    #[test]
    fn normalizes_typed_codes() {
        let want = Some("K7MP3XRT9HWA".to_string());
        for input in [
            "K7MP3XRT9HWA",
            "K7MP-3XRT-9HWA",
            "k7mp-3xrt-9hwa",
            " k7mp 3xrt 9hwa ",
            "K7MP–3XRT–9HWA",
            "K7-MP3X-RT9H-WA",
        ] {
            assert_eq!(normalize_code(input), want, "{input:?}");
        }
    }

    #[test]
    fn rejects_wrong_codes() {
        for input in [
            "",
            "K7MP-3XRT-9HW",
            "K7MP-3XRT-9HWAA",
            "K7MP-3XRT-9HW0",
            "K7MP-3XRT-9HWO",
            "K7MP-3XRT-9HWI",
            "K7MP-3XRT-9HW1",
            "K7MP-3XRT-9HWZ",
            "K7MP-3XRT-9HWQ",
            "K7MP/3XRT/9HWA",
            "K7MP-3XRT-9HWÁ",
        ] {
            assert_eq!(normalize_code(input), None, "{input:?}");
        }
    }

    #[test]
    fn generated_codes_normalize_to_themselves() {
        let bytes: Vec<u8> = (0..32u8)
            .map(|i| i.wrapping_mul(97).wrapping_add(13))
            .collect();
        let code = code_from_random(&bytes).unwrap();
        assert_eq!(code.len(), CODE_LEN);
        assert_eq!(normalize_code(&format_code(&code)), Some(code.clone()));
        assert_eq!(
            normalize_code(&format_code(&code).to_lowercase()),
            Some(code)
        );
    }
}
