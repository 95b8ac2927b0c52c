//! HTML (or plain text) from the source catalog → safe [`RichText`].
//!
//! gob.bo stores descriptions and steps as HTML written in a web editor, and some fields as
//! plain text typed into a textarea. The app must never render either as markup, so both
//! are reduced to paragraphs, lists, bold runs and vetted links. Everything else (scripts,
//! styles, event-handler attributes, unknown tags) is dropped, keeping only visible text.

mod dom;
mod inline;

use cc_core::catalog::{plain_text, Block, RichText};
use cc_core::links::safe_href;
use html5ever::tendril::TendrilSink;
use html5ever::{parse_document, ParseOpts};
use markup5ever_rcdom::RcDom;

use dom::Converter;

/// Converts HTML, or plain text when there is no tag at all, into safe rich text.
///
/// * `p`, `div` (and other block elements) and `br` separate paragraphs; empty ones vanish.
/// * `ul`/`ol`/`li` become lists. A nested list under an unordered item continues the
///   outer list; under an ordered item it is folded into that item (`a; b; c`) so the
///   outer numbering stays right.
/// * `strong`/`b` become [`Inline::Strong`]; `a` becomes [`Inline::Link`] only for
///   `http(s):`, `mailto:` and `tel:` targets.
/// * `script`, `style`, `iframe` and similar are dropped with their content; every other
///   tag is dropped keeping its text. Whitespace is collapsed, entities decoded.
/// * Plain text: each non-blank line becomes a paragraph. Source textareas use single line
///   breaks for list-like lines ("- a", "1. b"), so joining them would glue items together.
///
/// ```ignore
/// let rich = html_to_rich_text("<p>Hola <b>mundo</b></p><script>x()</script>");
/// assert_eq!(plain_text(&rich), "Hola mundo");
/// ```
pub fn html_to_rich_text(html: &str) -> RichText {
    if looks_like_html(html) {
        convert_html(html)
    } else {
        plain_text_to_rich(html)
    }
}

/// Whether `text` contains something a browser would parse as a tag, a closing tag or a
/// comment. `a < b` or `<5 años` is text.
pub fn looks_like_html(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}

/// Collapses every run of whitespace (including no-break spaces) to one space and trims.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `href` may be rendered as a link.
pub fn is_safe_href(href: &str) -> bool {
    safe_href(href).is_some()
}

/// One paragraph per non-blank line, whitespace collapsed, entities decoded.
fn plain_text_to_rich(text: &str) -> RichText {
    text.split(['\r', '\n'])
        .map(decode_line)
        .filter(|line| !line.is_empty())
        .map(Block::paragraph)
        .collect()
}

/// Collapses a plain-text line, decoding `&amp;`-style entities when there are any.
/// Lines without a `&…;` skip the parser so a bare "P&I Club" stays as written.
fn decode_line(line: &str) -> String {
    if has_entity(line) {
        plain_text(&convert_html(line))
    } else {
        collapse_whitespace(line)
    }
}

/// Whether `text` holds a character reference such as `&amp;`, `&#39;` or `&#x27;`.
fn has_entity(text: &str) -> bool {
    text.match_indices('&').any(|(at, _)| {
        let rest = &text[at + 1..];
        let name_len = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
            .count();
        name_len > 0 && rest[name_len..].starts_with(';')
    })
}

/// Parses `html` as a document body and converts it.
fn convert_html(html: &str) -> RichText {
    let dom = parse_document(RcDom::default(), ParseOpts::default()).one(html);
    let mut converter = Converter::default();
    converter.walk(&dom.document, 0);
    converter.flush_paragraph();
    converter.blocks
}

#[cfg(test)]
mod tests;
