//! The walk over the parsed document: which elements become paragraphs, lists, bold
//! runs and links, and which are dropped.

use std::mem;

use cc_core::catalog::{Block, Inline};
use html5ever::Attribute;
use markup5ever_rcdom::{Handle, NodeData};

use super::inline::{InlineLine, Style};
use super::*;

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

/// An open `ul`/`ol` and the items collected so far.
pub(super) struct ListFrame {
    pub(super) ordered: bool,
    pub(super) items: Vec<Vec<Inline>>,
}

/// Walks the DOM emitting blocks. State mirrors the open elements that matter.
#[derive(Default)]
pub(super) struct Converter {
    pub(super) blocks: Vec<Block>,
    pub(super) line: InlineLine,
    pub(super) lists: Vec<ListFrame>,
    /// Depth of open `strong`/`b` elements.
    pub(super) strong: usize,
    /// Target of the open safe link, if any.
    pub(super) link: Option<String>,
}

impl Converter {
    /// Dispatches on the node type; comments, doctypes and processing instructions
    /// carry no visible text.
    pub(super) fn walk(&mut self, node: &Handle, depth: usize) {
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
    pub(super) fn children(&mut self, node: &Handle, depth: usize) {
        if depth >= MAX_DEPTH {
            self.push_subtree_text(node);
            return;
        }
        for child in node.children.borrow().iter() {
            self.walk(child, depth + 1);
        }
    }

    /// Applies the mapping of one element (see [`html_to_rich_text`]).
    pub(super) fn element(&mut self, node: &Handle, tag: &str, attrs: &[Attribute], depth: usize) {
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
    pub(super) fn block(&mut self, node: &Handle, depth: usize) {
        self.block_break();
        self.children(node, depth);
        self.block_break();
    }

    /// Ends the paragraph; inside a list item only a space separates the parts, because
    /// an item is a single run of inlines.
    pub(super) fn block_break(&mut self) {
        if self.lists.is_empty() {
            self.flush_paragraph();
        } else {
            self.line.pending_space = true;
        }
    }

    /// Emits the current line as a paragraph unless it is empty.
    pub(super) fn flush_paragraph(&mut self) {
        let line = mem::take(&mut self.line);
        if !line.runs.is_empty() {
            self.blocks.push(Block::Paragraph { content: line.runs });
        }
    }

    /// Text in the current style; a link wins over bold since a run has one style.
    pub(super) fn push_text(&mut self, text: &str) {
        let style = match (&self.link, self.strong) {
            (Some(href), _) => Style::Link(href),
            (None, 0) => Style::Text,
            (None, _) => Style::Strong,
        };
        self.line.push_text(text, &style);
    }

    /// `a`: a link only for safe targets, otherwise just its text.
    pub(super) fn anchor(&mut self, node: &Handle, attrs: &[Attribute], depth: usize) {
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
    pub(super) fn list(&mut self, node: &Handle, ordered: bool, depth: usize) {
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
    pub(super) fn open_list(&mut self) -> InlineLine {
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
    pub(super) fn finish_item(&mut self) {
        let line = mem::take(&mut self.line);
        if line.runs.is_empty() {
            return;
        }
        if let Some(list) = self.lists.last_mut() {
            list.items.push(line.runs);
        }
    }

    /// Emits a finished list (see [`Converter::open_list`] for the nested cases).
    pub(super) fn close_list(&mut self, frame: ListFrame) {
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
    pub(super) fn push_subtree_text(&mut self, node: &Handle) {
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
