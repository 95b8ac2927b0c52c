//! Charts drawn by the app as inline SVG (no chart library): a horizontal bar chart
//! for counts by category and a monthly trend. The SVG is decoration for the eye
//! (`aria-hidden`): its one-sentence summary is the figure's caption and its data is
//! the table beside it. Colours come from CSS classes on tokens (transparency.css),
//! so dark, high-contrast and print modes restyle them; each bar carries its number
//! as text and the two series of the trend differ by fill pattern, never by colour
//! alone. A reserved figure is written as "Reservado" where its bar would be.

use leptos::prelude::*;

use crate::transparency::texts::t;

/// One bar: its label and its published value (`None`: reserved).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: Option<u64>,
}

/// Width of the drawing in SVG units; the SVG scales to its box.
const WIDTH: u32 = 360;
/// Room kept right of the longest bar for its number.
const NUMBER_ROOM: u32 = 64;
const ROW: u32 = 46;

/// `value` of `max` as a length of at most `full` units (0 when there is nothing).
pub fn scaled(value: u64, max: u64, full: u32) -> u32 {
    if max == 0 {
        return 0;
    }
    ((value as f64 / max as f64) * f64::from(full)).round() as u32
}

/// Counts by category: each row a label, then the bar and its number (or "Reservado").
#[component]
pub fn BarChart(bars: Vec<Bar>, #[prop(into)] summary: String) -> impl IntoView {
    let max = bars.iter().filter_map(|b| b.value).max().unwrap_or(0);
    let height = ROW * bars.len() as u32 + 4;
    let full = WIDTH - NUMBER_ROOM;
    let count = |n: u64| t().count(n);
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let top = ROW * i as u32;
            let label = view! {
                <text class="cc-chart__label" x="0" y=top + 16>{bar.label.clone()}</text>
            };
            let body = match bar.value {
                Some(value) => {
                    let width = scaled(value, max, full);
                    view! {
                        <rect class="cc-chart__bar" x="0" y=top + 22 width=width height="18"
                            data-value=value.to_string()></rect>
                        <text class="cc-chart__number" x=width + 6 y=top + 36>{count(value)}</text>
                    }
                    .into_any()
                }
                None => view! {
                    <text class="cc-chart__reserved" x="0" y=top + 36>{t().reserved}</text>
                }
                .into_any(),
            };
            view! { <g>{label}{body}</g> }
        })
        .collect_view();
    view! {
        <figure class="cc-chart">
            <figcaption class="cc-chart__summary">{summary}</figcaption>
            <svg class="cc-chart__svg" viewBox=format!("0 0 {WIDTH} {height}")
                aria-hidden="true" focusable="false">
                {rows}
            </svg>
        </figure>
    }
}

/// One month of the trend: its axis label and the two series (`None`: reserved).
#[derive(Debug, Clone, PartialEq)]
pub struct MonthBar {
    pub label: String,
    pub filed: Option<u64>,
    pub closed: Option<u64>,
}

const TREND_HEIGHT: u32 = 200;
const AXIS: u32 = 24;

/// Cases filed (solid) and closed (striped) per month, oldest first.
#[component]
pub fn TrendChart(months: Vec<MonthBar>, #[prop(into)] summary: String) -> impl IntoView {
    let tt = t();
    let max = months
        .iter()
        .flat_map(|m| [m.filed, m.closed])
        .flatten()
        .max()
        .unwrap_or(0);
    let n = months.len().max(1) as u32;
    let slot = WIDTH / n;
    let bar_width = (slot / 2).saturating_sub(1).max(1);
    let full = TREND_HEIGHT - AXIS - 8;
    let base = TREND_HEIGHT - AXIS;
    // Every label when there is room for three letters, else one in `every`.
    let every = (30 / slot.max(1)).max(1) as usize;
    let bar = move |value: Option<u64>, x: u32, class: &'static str| match value {
        Some(value) => {
            let h = scaled(value, max, full);
            view! {
                <rect class=class x=x y=base - h width=bar_width height=h
                    data-value=value.to_string()></rect>
            }
            .into_any()
        }
        None => view! {
            <text class="cc-chart__reserved cc-chart__reserved--small"
                transform=format!("translate({} {base}) rotate(-90)", x + bar_width)>
                {tt.reserved}
            </text>
        }
        .into_any(),
    };
    let columns = months
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let x = slot * i as u32;
            let label = (i % every == 0).then(|| {
                view! {
                    <text class="cc-chart__axis" x=x y=TREND_HEIGHT - 6>{m.label.clone()}</text>
                }
            });
            view! {
                <g>
                    {bar(m.filed, x, "cc-chart__bar")}
                    {bar(m.closed, x + bar_width + 1, "cc-chart__bar cc-chart__bar--closed")}
                    {label}
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="cc-chart">
            <figcaption class="cc-chart__summary">{summary}</figcaption>
            <ul class="cc-chart__legend">
                <li><span class="cc-chart__key" aria-hidden="true"></span>{tt.legend_filed}</li>
                <li><span class="cc-chart__key cc-chart__key--closed" aria-hidden="true"></span>{tt.legend_closed}</li>
            </ul>
            <svg class="cc-chart__svg" viewBox=format!("0 0 {WIDTH} {TREND_HEIGHT}")
                aria-hidden="true" focusable="false">
                <defs>
                    <pattern id="cc-chart-stripes" width="6" height="6"
                        patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect class="cc-chart__stripe-bg" width="6" height="6"></rect>
                        <rect class="cc-chart__stripe" width="3" height="6"></rect>
                    </pattern>
                </defs>
                <line class="cc-chart__baseline" x1="0" x2=WIDTH y1=base y2=base></line>
                {columns}
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::scaled;

    #[test]
    fn bars_scale_to_the_largest() {
        assert_eq!(scaled(50, 100, 296), 148);
        assert_eq!(scaled(100, 100, 296), 296);
        assert_eq!(scaled(0, 100, 296), 0);
        assert_eq!(scaled(3, 0, 296), 0);
    }
}
