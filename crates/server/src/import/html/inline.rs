//! The line being built: styled runs (text, bold, link) with whitespace collapsed
//! across element boundaries.

use std::mem;

use cc_core::catalog::Inline;

/// How the next words are marked up.
pub(super) enum Style<'a> {
    Text,
    Strong,
    Link(&'a str),
}

impl Style<'_> {
    /// Whether `inline` is a run of this style (links must share the target).
    pub(super) fn matches(&self, inline: &Inline) -> bool {
        match (self, inline) {
            (Style::Text, Inline::Text { .. }) | (Style::Strong, Inline::Strong { .. }) => true,
            (Style::Link(a), Inline::Link { href, .. }) => *a == href.as_str(),
            _ => false,
        }
    }

    /// A new run of this style holding `text`.
    pub(super) fn run(&self, text: &str) -> Inline {
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
pub(super) fn run_text_mut(inline: &mut Inline) -> &mut String {
    match inline {
        Inline::Text { text } | Inline::Strong { text } | Inline::Link { text, .. } => text,
    }
}

/// The paragraph or list item being built: styled runs with whitespace collapsed across
/// element boundaries (`a <b>b</b> c` keeps exactly one space on each side of `b`).
#[derive(Default)]
pub(super) struct InlineLine {
    pub(super) runs: Vec<Inline>,
    /// Whitespace was seen; it becomes one space only if more words follow.
    pub(super) pending_space: bool,
}

impl InlineLine {
    /// Appends `text`, collapsing whitespace.
    pub(super) fn push_text(&mut self, text: &str, style: &Style) {
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
    pub(super) fn push_word(&mut self, word: &str, style: &Style) {
        if mem::take(&mut self.pending_space) && !self.runs.is_empty() {
            self.push_space(style);
        }
        self.append(word, style);
    }

    /// A space between runs goes inside the run when the style continues, otherwise into
    /// plain text, so bold or link runs never start or end with a space.
    pub(super) fn push_space(&mut self, style: &Style) {
        match self.runs.last_mut() {
            Some(last) if style.matches(last) || matches!(last, Inline::Text { .. }) => {
                run_text_mut(last).push(' ');
            }
            _ => self.runs.push(Inline::Text { text: " ".into() }),
        }
    }

    /// Appends to the last run when the style matches, else starts a new run.
    pub(super) fn append(&mut self, text: &str, style: &Style) {
        match self.runs.last_mut() {
            Some(last) if style.matches(last) => run_text_mut(last).push_str(text),
            _ => self.runs.push(style.run(text)),
        }
    }

    /// Folds a sub-list item into this line: "Escriba a:" + "x" → "Escriba a: x",
    /// "Llame" + "x" → "Llame; x".
    pub(super) fn append_item(&mut self, item: Vec<Inline>) {
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
