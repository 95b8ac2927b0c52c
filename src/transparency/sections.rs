//! The figures of one answer, section by section: each chart with its summary
//! sentence, its data table and the table's CSV.

use cc_core::transparency::{Cell, Figure, Transparency};
use leptos::prelude::*;

use crate::context::use_deployment;
use crate::i18n::use_lang;
use crate::transparency::charts::{Bar, BarChart, MonthBar, TrendChart};
use crate::transparency::format::{decimal, figure, maybe_figure, month, share, short_month};
use crate::transparency::table::DataTable;
use crate::transparency::texts::{t, TransparencyTexts};

/// A bar chart's sentence: its largest published bar, or that all are reserved.
pub fn bar_summary(tt: &TransparencyTexts, bars: &[Bar], total: Figure) -> String {
    let top = bars
        .iter()
        .filter_map(|b| b.value.map(|v| (v, &b.label)))
        .max_by_key(|(v, _)| *v);
    match top {
        Some((v, label)) => tt.chart_top(label, &tt.count(v), &figure(tt, total)),
        None => tt.chart_all_reserved.to_string(),
    }
}

fn status_label(tt: &TransparencyTexts, key: &str) -> String {
    match key {
        "received" => tt.status_received,
        "assigned" => tt.status_assigned,
        "in_progress" => tt.status_in_progress,
        "waiting_for_citizen" => tt.status_waiting,
        "answered" => tt.status_answered,
        "closed" => tt.status_closed,
        other => other,
    }
    .to_string()
}

fn bars(cells: &[Cell], label: impl Fn(&str) -> String) -> Vec<Bar> {
    cells
        .iter()
        .map(|c| Bar {
            label: label(&c.key),
            value: c.count.value(),
        })
        .collect()
}

/// A chart of counts by category, its table and CSV.
#[component]
fn CountsSection(
    title: &'static str,
    column: &'static str,
    file: &'static str,
    bars: Vec<Bar>,
    total: Figure,
) -> impl IntoView {
    let tt = t();
    let summary = bar_summary(tt, &bars, total);
    let rows = bars
        .iter()
        .map(|b| {
            let value = b
                .value
                .map_or_else(|| tt.reserved.to_string(), |v| tt.count(v));
            vec![b.label.clone(), value]
        })
        .collect();
    view! {
        <section class="cc-transparency__section">
            <h2 class="cc-heading-m">{title}</h2>
            <BarChart bars=bars summary=summary />
            <DataTable caption=title headers=vec![column.to_string(), tt.col_cases.to_string()]
                rows=rows file=file />
        </section>
    }
}

#[component]
pub fn Figures(data: Transparency) -> impl IntoView {
    let tt = t();
    let lang = use_lang().get_untracked();
    let deployment = use_deployment().get_untracked();
    let type_name = |slug: &str| {
        deployment
            .as_ref()
            .and_then(|d| d.case_type_name(slug, lang.code()))
            .unwrap_or(slug)
            .to_string()
    };
    let d = data;
    let key_rows = vec![
        vec![tt.cases_filed.to_string(), figure(tt, d.cases)],
        vec![tt.within_due.to_string(), share(tt, &d.within_due_date)],
        vec![tt.extended.to_string(), share(tt, &d.extended)],
        vec![tt.transferred.to_string(), share(tt, &d.transferred)],
        vec![tt.overdue.to_string(), share(tt, &d.overdue)],
    ];
    let time_rows = vec![
        vec![
            tt.first_answer.to_string(),
            maybe_figure(tt, d.first_answer_days.median),
            maybe_figure(tt, d.first_answer_days.p90),
        ],
        vec![
            tt.to_close.to_string(),
            maybe_figure(tt, d.close_days.median),
            maybe_figure(tt, d.close_days.p90),
        ],
    ];
    let star_bars: Vec<Bar> = d
        .satisfaction
        .ratings
        .iter()
        .map(|s| Bar {
            label: tt.stars(&s.stars.to_string()),
            value: s.count.value(),
        })
        .collect();
    let mut star_rows: Vec<Vec<String>> = star_bars
        .iter()
        .map(|b| {
            let v = b
                .value
                .map_or_else(|| tt.reserved.to_string(), |v| tt.count(v));
            vec![b.label.clone(), v]
        })
        .collect();
    star_rows.push(vec![tt.rated.to_string(), figure(tt, d.satisfaction.rated)]);
    star_rows.push(vec![
        tt.average.to_string(),
        decimal(tt, d.satisfaction.average, false),
    ]);
    let star_summary = format!(
        "{} {}: {}.",
        bar_summary(tt, &star_bars, d.satisfaction.rated),
        tt.average,
        decimal(tt, d.satisfaction.average, false)
    );
    let month_bars: Vec<MonthBar> = d
        .months
        .iter()
        .map(|m| MonthBar {
            label: short_month(tt, &m.month),
            filed: m.filed.value(),
            closed: m.closed.value(),
        })
        .collect();
    let busiest = d
        .months
        .iter()
        .filter_map(|m| m.filed.value().map(|v| (v, &m.month)))
        .max_by_key(|(v, _)| *v);
    let trend_summary = match busiest {
        Some((v, m)) => tt.trend_summary(
            &month(tt, &d.from),
            &month(tt, &d.to),
            &month(tt, m),
            &tt.count(v),
        ),
        None => tt.chart_all_reserved.to_string(),
    };
    let month_rows = d
        .months
        .iter()
        .map(|m| {
            vec![
                month(tt, &m.month),
                figure(tt, m.filed),
                figure(tt, m.closed),
                maybe_figure(tt, m.median_close_days),
            ]
        })
        .collect();
    let whole_deployment = d.agency.is_none();
    let mut agency_rows: Vec<Vec<String>> = d
        .agencies
        .iter()
        .map(|a| vec![a.name.clone(), figure(tt, a.cases)])
        .collect();
    agency_rows.push(vec![tt.unassigned.to_string(), figure(tt, d.unassigned)]);
    let self_rows = vec![
        vec![
            tt.self_service_resolved.to_string(),
            figure(tt, d.self_service.resolved),
        ],
        vec![
            tt.self_service_continued.to_string(),
            figure(tt, d.self_service.continued),
        ],
    ];
    let scope = d.agency.as_ref().map(|a| a.name.clone());
    let heading = format!(
        "{}{}",
        month(tt, &d.from),
        if d.from == d.to {
            String::new()
        } else {
            format!(" – {}", month(tt, &d.to))
        }
    );
    view! {
        <div class="cc-transparency__figures" data-cases=figure(tt, d.cases)>
            <h2 class="cc-heading-l cc-transparency__scope">
                {scope.map(|s| format!("{s}: ")).unwrap_or_default()}{heading}
            </h2>
            <section class="cc-transparency__section">
                <h2 class="cc-heading-m">{tt.key_figures}</h2>
                <DataTable caption=tt.key_figures
                    headers=vec![tt.figure.to_string(), tt.value.to_string()]
                    rows=key_rows file="cifras-principales" />
            </section>
            <CountsSection title=tt.by_type column=tt.col_type file="casos-por-tipo"
                bars=bars(&d.by_type, type_name) total=d.cases />
            <CountsSection title=tt.by_status column=tt.col_status file="casos-por-estado"
                bars=bars(&d.by_status, |k| status_label(tt, k)) total=d.cases />
            <CountsSection title=tt.by_channel column=tt.col_channel file="casos-por-canal"
                bars=bars(&d.by_channel, |k| channel_name(tt, k))
                total=d.cases />
            <section class="cc-transparency__section">
                <h2 class="cc-heading-m">{tt.times}</h2>
                <p>{tt.times_lead}</p>
                <DataTable caption=tt.times
                    headers=vec![tt.col_measure.to_string(), tt.col_median.to_string(), tt.col_p90.to_string()]
                    rows=time_rows file="tiempos-de-respuesta" />
            </section>
            <section class="cc-transparency__section">
                <h2 class="cc-heading-m">{tt.satisfaction}</h2>
                <BarChart bars=star_bars summary=star_summary />
                <DataTable caption=tt.satisfaction
                    headers=vec![tt.col_stars.to_string(), tt.col_cases.to_string()]
                    rows=star_rows file="satisfaccion" />
            </section>
            <section class="cc-transparency__section">
                <h2 class="cc-heading-m">{tt.months_title}</h2>
                <TrendChart months=month_bars summary=trend_summary />
                <DataTable caption=tt.months_title
                    headers=vec![tt.col_month.to_string(), tt.col_filed.to_string(),
                        tt.col_closed.to_string(), tt.col_median_close.to_string()]
                    rows=month_rows file="casos-por-mes" />
            </section>
            {whole_deployment.then(|| view! {
                <section class="cc-transparency__section">
                    <h2 class="cc-heading-m">{tt.agencies_title}</h2>
                    <DataTable caption=tt.agencies_title
                        headers=vec![tt.col_agency.to_string(), tt.col_cases.to_string()]
                        rows=agency_rows file="casos-por-entidad" />
                </section>
            })}
            <section class="cc-transparency__section">
                <h2 class="cc-heading-m">{tt.self_service}</h2>
                <DataTable caption=tt.self_service
                    headers=vec![tt.figure.to_string(), tt.value.to_string()]
                    rows=self_rows file="autoservicio" />
            </section>
            <p class="cc-transparency__generated">{tt.generated}" "{d.generated_at.get(..10).map(|day| crate::components::format::long_date(tt, day)).unwrap_or_default()}</p>
        </div>
    }
}

/// A channel's name as the API keys it (`cc_core::channel::Channel`); an unknown key
/// (a newer backend) shows as sent rather than not at all.
fn channel_name(tt: &TransparencyTexts, key: &str) -> String {
    match key {
        "web" => tt.channel_web,
        "phone" => tt.channel_phone,
        "in_person" => tt.channel_in_person,
        "mail" => tt.channel_mail,
        "verbal" => tt.channel_verbal,
        other => other,
    }
    .to_string()
}
