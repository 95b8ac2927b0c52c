//! The snippet an agency pastes into its site, built from what it chose on `/integrar`:
//! the `<script>` tag, the plain link and the no-JavaScript fallback. Pure text, with
//! every value escaped for an HTML attribute.

use super::texts::default_label;
use crate::i18n::Lang;

/// What the agency chose in the form.
#[derive(Clone, Default, PartialEq)]
pub(super) struct Choice {
    pub(super) agency: String,
    pub(super) case_type: String,
    pub(super) procedure: String,
    pub(super) label: String,
    pub(super) lang: String,
    pub(super) floating: bool,
}

/// Escapes a value for a double-quoted HTML attribute.
fn attr(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

pub(super) fn label_of(c: &Choice) -> String {
    if c.label.trim().is_empty() {
        let lang = Lang::from_code(&c.lang).unwrap_or(Lang::Es);
        default_label(lang).to_string()
    } else {
        c.label.trim().to_string()
    }
}

/// The `<script>` tag, one attribute per line, only the options that were set.
pub(super) fn script_snippet(origin: &str, c: &Choice) -> String {
    let mut attrs = vec![format!("src=\"{origin}/embed.js\"")];
    let mut add = |name: &str, value: &str| {
        if !value.trim().is_empty() {
            attrs.push(format!("{name}=\"{}\"", attr(value.trim())));
        }
    };
    add("data-agency", &c.agency);
    add("data-lang", &c.lang);
    add("data-type", &c.case_type);
    add("data-procedure", &c.procedure);
    if c.floating {
        add("data-position", "bottom-right");
    }
    add("data-label", &c.label);
    attrs.push("defer".into());
    format!("<script {}></script>", attrs.join("\n  "))
}

/// The wizard's own address with the same pre-sets (no-JavaScript link and preview).
pub(super) fn plain_href(origin: &str, c: &Choice) -> String {
    let query: Vec<String> = [
        ("entidad", &c.agency),
        ("tipo", &c.case_type),
        ("tramite", &c.procedure),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| {
        format!(
            "{k}={}",
            String::from(js_sys::encode_uri_component(v.trim()))
        )
    })
    .collect();
    if query.is_empty() {
        format!("{origin}/contacto")
    } else {
        format!("{origin}/contacto?{}", query.join("&"))
    }
}

pub(super) fn noscript_snippet(origin: &str, c: &Choice) -> String {
    format!(
        "<noscript>\n  <a href=\"{}\">{}</a>\n</noscript>",
        attr(&plain_href(origin, c)),
        attr(&label_of(c))
    )
}
