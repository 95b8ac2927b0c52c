//! Renders the catalog's safe rich text. Text is always inserted as text nodes (never
//! `inner_html`), and links were limited to http(s)/mailto/tel when imported.

use cc_core::catalog::{Block, Inline};
use leptos::prelude::*;

fn inline_view(inline: &Inline) -> AnyView {
    match inline.clone() {
        Inline::Text { text } => text.into_any(),
        Inline::Strong { text } => view! { <strong>{text}</strong> }.into_any(),
        Inline::Link { text, href } => {
            // Re-check on render: data may come from any backend, not only ours.
            let safe = is_safe_link(&href);
            if safe {
                view! { <a class="cc-link" href=href rel="noopener noreferrer">{text}</a> }
                    .into_any()
            } else {
                text.into_any()
            }
        }
    }
}

/// http(s), mailto and tel links only. Schemes are case-insensitive (`HTTPS://` is a
/// link like any other), so the check is too.
pub fn is_safe_link(href: &str) -> bool {
    ["https://", "http://", "mailto:", "tel:"].iter().any(|p| {
        href.get(..p.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(p))
    })
}

fn inlines_view(inlines: &[Inline]) -> Vec<AnyView> {
    inlines.iter().map(inline_view).collect()
}

#[component]
pub fn RichTextView(blocks: Vec<Block>) -> impl IntoView {
    blocks
        .into_iter()
        .map(|block| match block {
            Block::Paragraph { content } => view! { <p>{inlines_view(&content)}</p> }.into_any(),
            Block::List {
                ordered: true,
                items,
            } => view! {
                <ol class="cc-list cc-list--number">
                    {items.iter().map(|i| view! { <li>{inlines_view(i)}</li> }).collect_view()}
                </ol>
            }
            .into_any(),
            Block::List {
                ordered: false,
                items,
            } => view! {
                <ul class="cc-list cc-list--bullet">
                    {items.iter().map(|i| view! { <li>{inlines_view(i)}</li> }).collect_view()}
                </ul>
            }
            .into_any(),
        })
        .collect_view()
}
