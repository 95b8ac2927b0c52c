//! Renders the catalog's safe rich text. Text is always inserted as text nodes (never
//! `inner_html`), and links were limited to http(s)/mailto/tel when imported.

use cc_core::catalog::{Block, Inline};
use leptos::prelude::*;

fn inline_view(inline: &Inline) -> AnyView {
    match inline.clone() {
        Inline::Text { text } => text.into_any(),
        Inline::Strong { text } => view! { <strong>{text}</strong> }.into_any(),
        Inline::Link { text, href } => {
            // Re-check on render: data may come from any backend, not only ours. The
            // rule (case-insensitive schemes) is cc-core's, shared with the importer.
            match cc_core::links::safe_href(&href) {
                Some(href) => {
                    view! { <a class="cc-link" href=href rel="noopener noreferrer">{text}</a> }
                        .into_any()
                }
                None => text.into_any(),
            }
        }
    }
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
