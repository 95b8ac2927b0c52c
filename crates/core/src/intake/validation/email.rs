//! E-mail addresses: the pragmatic check and the stored form.

/// Longest e-mail address (RFC 5321 path limit).
pub const EMAIL_MAX: usize = 254;
/// Longest local part of an e-mail address.
pub(super) const EMAIL_LOCAL_MAX: usize = 64;

/// Pragmatic e-mail check of the trimmed address: one `@`, a local part, a domain with a
/// dot and no empty labels, no spaces, at most 254 characters. Non-ASCII letters are
/// allowed (`josé@correo.bo`). The only error code is `"format"`.
pub fn validate_email(s: &str) -> Result<(), &'static str> {
    const FORMAT: &str = "format";
    let s = s.trim();
    if s.is_empty() || s.chars().count() > EMAIL_MAX {
        return Err(FORMAT);
    }
    let (local, domain) = s.split_once('@').ok_or(FORMAT)?;
    if domain.contains('@') {
        return Err(FORMAT);
    }
    let bad_char = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '<' | '>' | '(' | ')' | '[' | ']' | '\\' | ',' | ';' | ':' | '"'
            )
    };
    if local.is_empty()
        || local.chars().count() > EMAIL_LOCAL_MAX
        || local.chars().any(bad_char)
        || local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
    {
        return Err(FORMAT);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return Err(FORMAT);
    }
    for label in &labels {
        let ok = !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c == '-' || c.is_alphanumeric());
        if !ok {
            return Err(FORMAT);
        }
    }
    let tld = labels[labels.len() - 1];
    if tld.chars().count() < 2 || tld.chars().all(|c| c.is_ascii_digit()) {
        return Err(FORMAT);
    }
    Ok(())
}

/// The address as stored: trimmed, domain in lower case. `None` when it fails
/// [`validate_email`].
pub fn normalize_email(s: &str) -> Option<String> {
    validate_email(s).ok()?;
    let (local, domain) = s.trim().split_once('@')?;
    Some(format!("{local}@{}", domain.to_lowercase()))
}
