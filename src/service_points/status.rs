//! "Abierto ahora · cierra a las 18:00" / "Cerrado · abre el lunes a las 08:00": a
//! point's state now in words, said in text (the colour only repeats it).

use cc_core::catalog::OpeningHours;
use cc_core::intake::dates::BusinessCalendar;
use cc_core::service_points::{format_minutes, open_state, week, LocalTime, Moment, OpenState};
use leptos::prelude::*;

use crate::components::format::long_date;
use crate::service_points::texts::{t, ServicePointsTexts};

/// The state's two halves: the headline ("Abierto ahora") and what comes next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusWords {
    /// `Some(true)` open, `Some(false)` closed, `None` unknown (no hours published).
    pub open: Option<bool>,
    pub headline: String,
    pub detail: Option<String>,
}

/// The state of a point with `hours` at `now`, in words.
pub fn status_words(
    t: &ServicePointsTexts,
    hours: &[OpeningHours],
    holidays: &BusinessCalendar,
    now: LocalTime,
) -> StatusWords {
    match open_state(hours, holidays, now) {
        OpenState::Open { closes } => StatusWords {
            open: Some(true),
            headline: t.open_now.into(),
            detail: closes.and_then(|m| match m.days_ahead {
                0 => Some(t.closes_at(&format_minutes(m.minutes))),
                1 => Some(t.closes_tomorrow(&format_minutes(m.minutes))),
                _ => None,
            }),
        },
        OpenState::Closed { opens } => {
            // "Cerrado por feriado" only where the point would open today otherwise.
            let opens_today_usually = week(hours)
                .get(now.date.weekday() as usize)
                .is_some_and(|(_, ranges)| !ranges.is_empty());
            let holiday = holidays.is_holiday(now.date) && opens_today_usually;
            StatusWords {
                open: Some(false),
                headline: if holiday { t.closed_holiday } else { t.closed }.into(),
                detail: opens.map(|m| opening(t, m)),
            }
        }
        OpenState::Unknown => StatusWords {
            open: None,
            headline: t.hours_unknown.into(),
            detail: None,
        },
    }
}

/// "abre hoy a las 14:00", "abre mañana…", "abre el lunes…", or with the date when a
/// week or more away.
fn opening(t: &ServicePointsTexts, m: Moment) -> String {
    let time = format_minutes(m.minutes);
    let day = t.weekdays_on[m.weekday as usize];
    match m.days_ahead {
        0 => t.opens_today(&time),
        1 => t.opens_tomorrow(&time),
        2..=6 => t.opens_on(day, &time),
        _ => t.opens_on_date(day, &long_date(t, &m.date.to_string()), &time),
    }
}

/// The state as the page shows it: a badge with the headline, then the detail.
#[component]
pub fn PointStatus(
    hours: Vec<OpeningHours>,
    holidays: Signal<BusinessCalendar>,
    now: Signal<LocalTime>,
) -> impl IntoView {
    move || {
        let words = status_words(t(), &hours, &holidays.get(), now.get());
        let modifier = match words.open {
            Some(true) => "cc-point-status--open",
            Some(false) => "cc-point-status--closed",
            None => "cc-point-status--unknown",
        };
        view! {
            <p class=format!("cc-point-status {modifier}")>
                <strong class="cc-point-status__badge">{words.headline}</strong>
                {words.detail.map(|d| view! {
                    // Read as "Abierto ahora, cierra a las 18:00"; seen with a dot.
                    <span class="cc-visually-hidden">", "</span>
                    <span class="cc-point-status__detail">{d}</span>
                })}
            </p>
        }
    }
}
