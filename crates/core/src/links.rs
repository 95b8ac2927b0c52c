//! Which link targets rich text may carry, shared by the importer (when it stores
//! links) and the app (when it renders them).
//!
//! Schemes are case-insensitive (RFC 3986 §3.1): `HTTPS://a.bo` is a web link. The
//! importer stores the scheme in lower case, so a renderer comparing prefixes exactly
//! still shows it as a link; [`safe_href`] is the one check both sides should use.

/// Link schemes that are safe to render; anything else (`javascript:`, `data:`,
/// relative paths) keeps only its text.
pub const SAFE_SCHEMES: &[&str] = &["http://", "https://", "mailto:", "tel:"];

/// The link target with its scheme in lower case, when it is safe to render: a safe
/// scheme followed by something, and no control characters anywhere.
pub fn safe_href(href: &str) -> Option<String> {
    if href.chars().any(char::is_control) {
        return None;
    }
    SAFE_SCHEMES.iter().find_map(|scheme| {
        let head = href.get(..scheme.len())?;
        let rest = &href[scheme.len()..];
        (head.eq_ignore_ascii_case(scheme) && !rest.is_empty()).then(|| format!("{scheme}{rest}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_are_case_insensitive_and_stored_in_lower_case() {
        assert_eq!(
            safe_href("HTTPS://Gob.bo/X").as_deref(),
            Some("https://Gob.bo/X")
        );
        assert_eq!(safe_href("Mailto:a@b.bo").as_deref(), Some("mailto:a@b.bo"));
        assert_eq!(
            safe_href("tel:+59170000000").as_deref(),
            Some("tel:+59170000000")
        );
    }

    #[test]
    fn unsafe_or_empty_targets_are_refused() {
        assert_eq!(safe_href("javascript:alert(1)"), None);
        assert_eq!(safe_href("JAVASCRIPT:alert(1)"), None);
        assert_eq!(safe_href("https://"), None);
        assert_eq!(safe_href("https://a.bo/\u{0}x"), None);
        assert_eq!(safe_href("/relative"), None);
        // Not a char boundary at the scheme's length: no panic.
        assert_eq!(safe_href("ñññ"), None);
    }
}
