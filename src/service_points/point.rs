//! One service point: its name, place and address, whether it is open now, its week,
//! how to call and find it, and the procedures done there.

use cc_core::intake::dates::BusinessCalendar;
use cc_core::service_points::{format_minutes, week, LocalTime, ServicePoint};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::service_points::status::PointStatus;
use crate::service_points::texts::t;

/// Up to this many procedures are listed open; more fold behind their count.
const PROCEDURES_OPEN: usize = 4;

#[component]
pub fn PointCard(
    point: ServicePoint,
    holidays: Signal<BusinessCalendar>,
    now: Signal<LocalTime>,
    /// The catalog's language when the interface is in another one.
    lang: Signal<Option<String>>,
) -> impl IntoView {
    let lang = move || lang.get();
    let tel = point.tel_href().zip(point.phone.clone());
    let map = point.map_links();
    let place = point.city.clone();
    let hours = point.hours.clone();
    let has_hours = !hours.is_empty();
    let procedures = point.procedures.clone();
    let many = procedures.len() > PROCEDURES_OPEN;
    let count = procedures.len();
    let heading_id = format!("punto-{}", point.id);
    view! {
        <li class="cc-point" id=heading_id.clone()>
            <h3 class="cc-heading-s cc-point__name" lang=lang>{point.name.clone()}</h3>
            <p class="cc-point__address" lang=lang>
                {point.address.clone()}
                {place.map(|c| view! { <br /><span class="cc-point__place">{c}</span> })}
            </p>
            <PointStatus hours=hours.clone() holidays=holidays now=now />
            <ul class="cc-point__actions">
                {tel.map(|(href, phone)| view! {
                    <li><a class="cc-link" href=href>{move || t().call(&phone)}</a></li>
                })}
                {map.map(|links| view! {
                    <li><a class="cc-link" href=links.osm rel="noopener noreferrer">{move || t().map_osm}</a></li>
                    // Phones open their map app with a geo: address; computers have
                    // none, so the link is shown only where the pointer is a finger.
                    <li class="cc-point__geo"><a class="cc-link" href=links.geo>{move || t().map_app}</a></li>
                })}
            </ul>
            {has_hours.then(|| view! { <WeekTable hours=hours now=now /> })}
            <details class="cc-point__procedures" open=!many>
                <summary class="cc-point__procedures-summary">
                    {move || format!("{} ({count})", t().procedures_title)}
                </summary>
                <ul class="cc-list" lang=lang>
                    {procedures.into_iter().map(|p| view! {
                        <li><A href=format!("/tramites/{}", p.slug) attr:class="cc-link">{p.name}</A></li>
                    }).collect_view()}
                </ul>
            </details>
        </li>
    }
}

/// The week from Monday as a table (the day/time relation is announced), today's row
/// marked in words and in bold.
#[component]
fn WeekTable(hours: Vec<cc_core::catalog::OpeningHours>, now: Signal<LocalTime>) -> impl IntoView {
    let days = week(&hours);
    move || {
        let tt = t();
        let today = now.get().date.weekday();
        view! {
            <table class="cc-table cc-point__hours">
                <caption class="cc-table__caption">{tt.hours_caption}</caption>
                <tbody>
                    {days.iter().map(|(day, ranges)| {
                        let is_today = *day == today;
                        let text = if ranges.is_empty() {
                            tt.day_closed.into_any()
                        } else {
                            ranges
                                .iter()
                                .enumerate()
                                .map(|(i, &(from, to))| view! {
                                    {(i > 0).then(|| format!(" {} ", tt.and))}
                                    <span class="cc-point__range">{tt.range(&format_minutes(from), &format_minutes(to))}</span>
                                })
                                .collect_view()
                                .into_any()
                        };
                        view! {
                            <tr class:cc-point__today=is_today>
                                <th scope="row">
                                    {tt.weekdays[*day as usize]}
                                    {is_today.then(|| format!(" ({})", tt.today))}
                                </th>
                                <td>{text}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
    }
}
