//! HTML (or plain text) from the source catalog → safe [`RichText`].
//!
//! gob.bo stores descriptions and steps as HTML written in a web editor, and some fields as
//! plain text typed into a textarea. The app must never render either as markup, so both
//! are reduced to paragraphs, lists, bold runs and vetted links. Everything else (scripts,
//! styles, event-handler attributes, unknown tags) is dropped, keeping only visible text.

use std::mem;

use cc_core::catalog::{plain_text, Block, Inline, RichText};
use cc_core::links::safe_href;
use html5ever::tendril::TendrilSink;
use html5ever::{parse_document, Attribute, ParseOpts};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

/// Elements whose content is never visible text: code, embedded documents, metadata.
const DROPPED: &[&str] = &[
    "script", "style", "iframe", "noscript", "template", "head", "title", "object", "embed",
    "applet", "svg", "math", "canvas", "frame", "frameset", "select", "textarea",
];

/// Elements that start and end a paragraph (or, inside a list item, just a space).
#[rustfmt::skip]
const BLOCKS: &[&str] = &[
    "p", "div", "section", "article", "header", "footer", "main", "nav", "aside",
    "blockquote", "pre", "address", "figure", "figcaption", "table", "thead", "tbody",
    "tfoot", "tr", "caption", "dl", "dt", "dd", "hr", "form", "fieldset", "center",
    "details", "summary",
];

/// Headings become a paragraph in bold: the model has no heading block, and a bold line
/// is how the source editors already style their section titles.
const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Recursion budget. Real pages nest a dozen levels; hostile input can nest thousands,
/// which would overflow the stack, so deeper content is gathered iteratively as text.
const MAX_DEPTH: usize = 96;

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

/// How the next words are marked up.
enum Style<'a> {
    Text,
    Strong,
    Link(&'a str),
}

impl Style<'_> {
    /// Whether `inline` is a run of this style (links must share the target).
    fn matches(&self, inline: &Inline) -> bool {
        match (self, inline) {
            (Style::Text, Inline::Text { .. }) | (Style::Strong, Inline::Strong { .. }) => true,
            (Style::Link(a), Inline::Link { href, .. }) => *a == href.as_str(),
            _ => false,
        }
    }

    /// A new run of this style holding `text`.
    fn run(&self, text: &str) -> Inline {
        let text = text.to_string();
        match self {
            Style::Text => Inline::Text { text },
            Style::Strong => Inline::Strong { text },
            Style::Link(href) => Inline::Link {
                text,
                href: href.to_string(),
            },
        }
    }
}

/// The text of any inline run.
fn run_text_mut(inline: &mut Inline) -> &mut String {
    match inline {
        Inline::Text { text } | Inline::Strong { text } | Inline::Link { text, .. } => text,
    }
}

/// The paragraph or list item being built: styled runs with whitespace collapsed across
/// element boundaries (`a <b>b</b> c` keeps exactly one space on each side of `b`).
#[derive(Default)]
struct InlineLine {
    runs: Vec<Inline>,
    /// Whitespace was seen; it becomes one space only if more words follow.
    pending_space: bool,
}

impl InlineLine {
    /// Appends `text`, collapsing whitespace.
    fn push_text(&mut self, text: &str, style: &Style) {
        for (i, word) in text.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.pending_space = true;
            }
            if !word.is_empty() {
                self.push_word(word, style);
            }
        }
    }

    /// Appends a word, materialising a pending space before it.
    fn push_word(&mut self, word: &str, style: &Style) {
        if mem::take(&mut self.pending_space) && !self.runs.is_empty() {
            self.push_space(style);
        }
        self.append(word, style);
    }

    /// A space between runs goes inside the run when the style continues, otherwise into
    /// plain text, so bold or link runs never start or end with a space.
    fn push_space(&mut self, style: &Style) {
        match self.runs.last_mut() {
            Some(last) if style.matches(last) || matches!(last, Inline::Text { .. }) => {
                run_text_mut(last).push(' ');
            }
            _ => self.runs.push(Inline::Text { text: " ".into() }),
        }
    }

    /// Appends to the last run when the style matches, else starts a new run.
    fn append(&mut self, text: &str, style: &Style) {
        match self.runs.last_mut() {
            Some(last) if style.matches(last) => run_text_mut(last).push_str(text),
            _ => self.runs.push(style.run(text)),
        }
    }

    /// Folds a sub-list item into this line: "Escriba a:" + "x" → "Escriba a: x",
    /// "Llame" + "x" → "Llame; x".
    fn append_item(&mut self, item: Vec<Inline>) {
        if let Some(last) = self.runs.last_mut() {
            let ends_with_punctuation =
                run_text_mut(last).ends_with([':', ';', ',', '.', '!', '?']);
            let separator = if ends_with_punctuation { " " } else { "; " };
            self.append(separator, &Style::Text);
        }
        for inline in item {
            let (text, style) = match &inline {
                Inline::Text { text } => (text, Style::Text),
                Inline::Strong { text } => (text, Style::Strong),
                Inline::Link { text, href } => (text, Style::Link(href)),
            };
            self.append(text, &style);
        }
        self.pending_space = true;
    }
}

/// An open `ul`/`ol` and the items collected so far.
struct ListFrame {
    ordered: bool,
    items: Vec<Vec<Inline>>,
}

/// Walks the DOM emitting blocks. State mirrors the open elements that matter.
#[derive(Default)]
struct Converter {
    blocks: Vec<Block>,
    line: InlineLine,
    lists: Vec<ListFrame>,
    /// Depth of open `strong`/`b` elements.
    strong: usize,
    /// Target of the open safe link, if any.
    link: Option<String>,
}

impl Converter {
    /// Dispatches on the node type; comments, doctypes and processing instructions
    /// carry no visible text.
    fn walk(&mut self, node: &Handle, depth: usize) {
        match &node.data {
            NodeData::Document => self.children(node, depth),
            NodeData::Text { contents } => self.push_text(&contents.borrow()),
            NodeData::Element { name, attrs, .. } => {
                self.element(node, &name.local, &attrs.borrow(), depth)
            }
            _ => {}
        }
    }

    /// Walks the children, switching to an iterative text walk past [`MAX_DEPTH`].
    fn children(&mut self, node: &Handle, depth: usize) {
        if depth >= MAX_DEPTH {
            self.push_subtree_text(node);
            return;
        }
        for child in node.children.borrow().iter() {
            self.walk(child, depth + 1);
        }
    }

    /// Applies the mapping of one element (see [`html_to_rich_text`]).
    fn element(&mut self, node: &Handle, tag: &str, attrs: &[Attribute], depth: usize) {
        match tag {
            _ if DROPPED.contains(&tag) => {}
            "br" => self.block_break(),
            "ul" | "ol" => self.list(node, tag == "ol", depth),
            // An `li` outside any list is just a paragraph; inside one, the list walk
            // turns each child into an item.
            "li" if self.lists.is_empty() => self.block(node, depth),
            "strong" | "b" => {
                self.strong += 1;
                self.children(node, depth);
                self.strong -= 1;
            }
            "a" => self.anchor(node, attrs, depth),
            "td" | "th" => {
                self.line.pending_space = true;
                self.children(node, depth);
                self.line.pending_space = true;
            }
            _ if HEADINGS.contains(&tag) => {
                self.strong += 1;
                self.block(node, depth);
                self.strong -= 1;
            }
            _ if BLOCKS.contains(&tag) => self.block(node, depth),
            _ => self.children(node, depth),
        }
    }

    /// A block element: its content stands on its own.
    fn block(&mut self, node: &Handle, depth: usize) {
        self.block_break();
        self.children(node, depth);
        self.block_break();
    }

    /// Ends the paragraph; inside a list item only a space separates the parts, because
    /// an item is a single run of inlines.
    fn block_break(&mut self) {
        if self.lists.is_empty() {
            self.flush_paragraph();
        } else {
            self.line.pending_space = true;
        }
    }

    /// Emits the current line as a paragraph unless it is empty.
    fn flush_paragraph(&mut self) {
        let line = mem::take(&mut self.line);
        if !line.runs.is_empty() {
            self.blocks.push(Block::Paragraph { content: line.runs });
        }
    }

    /// Text in the current style; a link wins over bold since a run has one style.
    fn push_text(&mut self, text: &str) {
        let style = match (&self.link, self.strong) {
            (Some(href), _) => Style::Link(href),
            (None, 0) => Style::Text,
            (None, _) => Style::Strong,
        };
        self.line.push_text(text, &style);
    }

    /// `a`: a link only for safe targets, otherwise just its text.
    fn anchor(&mut self, node: &Handle, attrs: &[Attribute], depth: usize) {
        let href = attrs
            .iter()
            .find(|attr| &*attr.name.local == "href")
            .and_then(|attr| safe_href(attr.value.trim()));
        match href {
            Some(href) if self.link.is_none() => {
                self.link = Some(href);
                self.children(node, depth);
                self.link = None;
            }
            _ => self.children(node, depth),
        }
    }

    /// `ul`/`ol`: each child (normally an `li`) becomes one item.
    fn list(&mut self, node: &Handle, ordered: bool, depth: usize) {
        let outer = self.open_list();
        self.lists.push(ListFrame {
            ordered,
            items: Vec::new(),
        });
        if depth >= MAX_DEPTH {
            self.push_subtree_text(node);
            self.finish_item();
        } else {
            for child in node.children.borrow().iter() {
                self.walk(child, depth + 1);
                self.finish_item();
            }
        }
        let frame = self.lists.pop().expect("pushed above");
        self.line = outer;
        self.close_list(frame);
    }

    /// Prepares for a list and returns the line to resume afterwards. At top level the
    /// pending paragraph ends. Under an unordered item, the item's text so far becomes an
    /// item itself (the sub-items follow it); under an ordered item it is kept so the
    /// sub-items can be folded into it.
    fn open_list(&mut self) -> InlineLine {
        match self.lists.last() {
            None => {
                self.flush_paragraph();
                InlineLine::default()
            }
            Some(parent) if parent.ordered => mem::take(&mut self.line),
            Some(_) => {
                self.finish_item();
                InlineLine::default()
            }
        }
    }

    /// Moves the current line into the innermost list as an item, unless empty.
    fn finish_item(&mut self) {
        let line = mem::take(&mut self.line);
        if line.runs.is_empty() {
            return;
        }
        if let Some(list) = self.lists.last_mut() {
            list.items.push(line.runs);
        }
    }

    /// Emits a finished list (see [`Converter::open_list`] for the nested cases).
    fn close_list(&mut self, frame: ListFrame) {
        match self.lists.last_mut() {
            None if frame.items.is_empty() => {}
            None => self.blocks.push(Block::List {
                ordered: frame.ordered,
                items: frame.items,
            }),
            Some(parent) if parent.ordered => {
                for item in frame.items {
                    self.line.append_item(item);
                }
            }
            Some(parent) => parent.items.extend(frame.items),
        }
    }

    /// Text of a too-deep subtree without recursion; element boundaries become spaces.
    fn push_subtree_text(&mut self, node: &Handle) {
        let mut stack: Vec<Handle> = node.children.borrow().iter().rev().cloned().collect();
        while let Some(next) = stack.pop() {
            match &next.data {
                NodeData::Text { contents } => self.push_text(&contents.borrow()),
                NodeData::Element { name, .. } if !DROPPED.contains(&&*name.local) => {
                    self.line.pending_space = true;
                    stack.extend(next.children.borrow().iter().rev().cloned());
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Inline {
        Inline::Text { text: t.into() }
    }
    fn strong(t: &str) -> Inline {
        Inline::Strong { text: t.into() }
    }
    fn link(t: &str, href: &str) -> Inline {
        Inline::Link {
            text: t.into(),
            href: href.into(),
        }
    }
    fn para(content: Vec<Inline>) -> Block {
        Block::Paragraph { content }
    }

    #[test]
    fn paragraphs_and_line_breaks() {
        let rich = html_to_rich_text("<p>Uno</p><div>Dos<br>Tres</div><p> </p><p></p>");
        assert_eq!(
            rich,
            vec![
                Block::paragraph("Uno"),
                Block::paragraph("Dos"),
                Block::paragraph("Tres")
            ]
        );
    }

    #[test]
    fn strong_runs_and_spacing_across_tags() {
        let rich = html_to_rich_text("<p><strong>PASOS</strong>:  a <b>b  c</b> d\n e</p>");
        assert_eq!(
            rich,
            vec![para(vec![
                strong("PASOS"),
                text(": a "),
                strong("b c"),
                text(" d e")
            ])]
        );
        // Bold runs separated only by whitespace read as one bold run.
        let rich = html_to_rich_text("<p><b>a</b> <b>b</b> <a href=\"tel:1\">c</a></p>");
        assert_eq!(
            rich,
            vec![para(vec![strong("a b"), text(" "), link("c", "tel:1")])]
        );
    }

    #[test]
    fn lists_with_paragraphs_inside_items() {
        let rich = html_to_rich_text(
            "<p>Antes</p><ol><li><p>Uno</p></li><li><p>Dos</p><p>más</p></li><li> </li></ol>\
             <ul><li>A</li></ul>Después",
        );
        assert_eq!(
            rich,
            vec![
                Block::paragraph("Antes"),
                Block::List {
                    ordered: true,
                    items: vec![vec![text("Uno")], vec![text("Dos más")]]
                },
                Block::List {
                    ordered: false,
                    items: vec![vec![text("A")]]
                },
                Block::paragraph("Después"),
            ]
        );
    }

    #[test]
    fn nested_list_under_ordered_item_is_folded_into_it() {
        let rich = html_to_rich_text(
            "<ol><li><p>Escriba a:</p><ul><li>correo</li><li>teléfono</li></ul></li>\
             <li>Espere<ul><li>un día</li></ul>y vuelva</li></ol>",
        );
        assert_eq!(
            rich,
            vec![Block::List {
                ordered: true,
                items: vec![
                    vec![text("Escriba a: correo; teléfono")],
                    vec![text("Espere; un día y vuelva")],
                ]
            }]
        );
    }

    #[test]
    fn nested_list_under_unordered_item_continues_the_list() {
        let rich =
            html_to_rich_text("<ul><li>A<ul><li>A1</li><li>A2</li></ul>A-fin</li><li>B</li></ul>");
        let items = ["A", "A1", "A2", "A-fin", "B"]
            .map(|t| vec![text(t)])
            .to_vec();
        assert_eq!(
            rich,
            vec![Block::List {
                ordered: false,
                items
            }]
        );
    }

    #[test]
    fn safe_links_survive_others_keep_text() {
        let rich = html_to_rich_text(
            "<p><a href=\" https://gob.bo/x \">Portal</a> <a href=\"mailto:a@b.bo\">correo</a> \
             <a href=\"tel:800101620\">línea</a> <a href=\"javascript:alert(1)\">malo</a> \
             <a href=\"/relativo\">rel</a> <a>sin</a> <a href=\"JaVaScRiPt:x\">x</a></p>",
        );
        assert_eq!(
            rich,
            vec![para(vec![
                link("Portal", "https://gob.bo/x"),
                text(" "),
                link("correo", "mailto:a@b.bo"),
                text(" "),
                link("línea", "tel:800101620"),
                text(" malo rel sin x"),
            ])]
        );
    }

    #[test]
    fn upper_case_schemes_are_links_stored_in_lower_case() {
        let rich = html_to_rich_text("<p><a href=\"HTTPS://Gob.bo/X\">Portal</a></p>");
        assert_eq!(rich, vec![para(vec![link("Portal", "https://Gob.bo/X")])]);
    }

    #[test]
    fn link_inside_bold_is_a_link() {
        let rich = html_to_rich_text("<b>Ver <a href=\"https://a.bo\">aquí</a></b>");
        assert_eq!(
            rich,
            vec![para(vec![
                strong("Ver"),
                text(" "),
                link("aquí", "https://a.bo")
            ])]
        );
    }

    #[test]
    fn hostile_html_is_neutralised() {
        let rich = html_to_rich_text(
            "<script>alert('x')</script><style>p{color:red}</style>\
             <p onclick=\"steal()\">Hola <img src=x onerror=\"alert(1)\">mundo\
             <iframe src=\"https://evil\">dentro</iframe><svg><text>svg</text></svg>\
             <!-- comentario --><p>Sin cerrar <b>negrita <i>cursiva",
        );
        assert_eq!(
            rich,
            vec![
                Block::paragraph("Hola mundo"),
                para(vec![text("Sin cerrar "), strong("negrita cursiva")]),
            ]
        );
        let plain = plain_text(&rich);
        for needle in [
            "alert",
            "steal",
            "color",
            "dentro",
            "svg",
            "comentario",
            "<",
            ">",
        ] {
            assert!(!plain.contains(needle), "{needle} leaked into {plain:?}");
        }
    }

    #[test]
    fn entities_are_decoded_in_html_and_text() {
        let rich = html_to_rich_text("<p>Tom&amp;Jerry&nbsp;&nbsp;&lt;b&gt; &#191;Qu&eacute;?</p>");
        assert_eq!(rich, vec![Block::paragraph("Tom&Jerry <b> ¿Qué?")]);
        assert_eq!(
            html_to_rich_text("a &amp; b"),
            vec![Block::paragraph("a & b")]
        );
        // A bare ampersand in plain text is not an entity.
        assert_eq!(
            html_to_rich_text("P&I Club"),
            vec![Block::paragraph("P&I Club")]
        );
    }

    #[test]
    fn plain_text_lines_become_paragraphs() {
        let rich = html_to_rich_text(
            "Primero  párrafo.\r\n\r\n1. Paso uno\n2. Paso dos\n   \n- viñeta\rfin",
        );
        let expected = [
            "Primero párrafo.",
            "1. Paso uno",
            "2. Paso dos",
            "- viñeta",
            "fin",
        ];
        assert_eq!(rich, expected.map(Block::paragraph).to_vec());
        assert!(html_to_rich_text("  \n ").is_empty());
        assert!(html_to_rich_text("").is_empty());
    }

    #[test]
    fn less_than_in_text_is_not_a_tag() {
        assert!(!looks_like_html("edad < 18 y <5 años"));
        assert!(looks_like_html("a<br/>b"));
        assert!(looks_like_html("</p>"));
        assert_eq!(
            html_to_rich_text("edad < 18"),
            vec![Block::paragraph("edad < 18")]
        );
    }

    #[test]
    fn headings_tables_and_stray_items() {
        let rich = html_to_rich_text(
            "<h2><strong>¿Qué necesito?</strong></h2><table><tr><td>a</td><td>b</td></tr></table>\
             <li>suelto</li>",
        );
        assert_eq!(
            rich,
            vec![
                para(vec![strong("¿Qué necesito?")]),
                Block::paragraph("a b"),
                Block::paragraph("suelto"),
            ]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let depth = 2_000;
        let html = format!("{}hondo{}", "<div>".repeat(depth), "</div>".repeat(depth));
        assert_eq!(html_to_rich_text(&html), vec![Block::paragraph("hondo")]);
        let html = format!(
            "{}x{}",
            "<ul><li>".repeat(depth),
            "</li></ul>".repeat(depth)
        );
        assert_eq!(plain_text(&html_to_rich_text(&html)), "x");
    }

    #[test]
    fn safe_href_rules() {
        assert!(is_safe_href("HTTPS://gob.bo"));
        assert!(!is_safe_href("https://"));
        assert!(!is_safe_href("https://a.bo/\u{0}x"));
        assert!(!is_safe_href("data:text/html,x"));
        assert!(!is_safe_href("vbscript:x"));
    }
}
