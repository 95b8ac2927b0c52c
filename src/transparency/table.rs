//! The accessible data table every chart and figure comes with, and its CSV download.

use leptos::prelude::*;

use crate::transparency::csv;
use crate::transparency::texts::tr;

/// A table with a caption, column headers and rows whose first cell heads the row;
/// the button downloads the same rows as `file` (CSV).
#[component]
pub fn DataTable(
    #[prop(into)] caption: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    /// File name without extension, e.g. `casos-por-tipo`.
    file: &'static str,
) -> impl IntoView {
    let text = csv::to_csv(&headers, &rows);
    let name = format!("{file}.csv");
    let region_label = caption.clone();
    let head = headers
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|row| {
            let mut cells = row.into_iter();
            let first = cells.next().unwrap_or_default();
            let rest = cells.map(|c| view! { <td>{c}</td> }).collect_view();
            view! { <tr><th scope="row">{first}</th>{rest}</tr> }
        })
        .collect_view();
    view! {
        <div class="cc-data-table">
            // A narrow screen scrolls the table sideways: the region takes focus so a
            // keyboard can scroll it too, and is named for those who land on it.
            <div class="cc-data-table__scroll" role="region" tabindex="0" aria-label=region_label>
                <table class="cc-table">
                    <caption class="cc-visually-hidden">{caption}</caption>
                    <thead><tr>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <button type="button" class="cc-button cc-button--secondary cc-data-table__csv"
                data-csv=file
                on:click=move |_| csv::download(&name, &text)>
                {tr(|t| t.download_csv)}
            </button>
        </div>
    }
}
