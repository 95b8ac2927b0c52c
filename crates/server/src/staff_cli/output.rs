//! What a person reads: the list of cases as a table, one case with its timeline.

use std::io::Write;

use cc_core::intake::Identity;
use cc_core::tracking::{Actor, CaseEvent, EventKind, StaffCaseSummary, StaffCaseView};

/// Contact data in one line ("anónimo" when there is none).
pub(super) fn contact(
    name: &Option<String>,
    email: &Option<String>,
    phone: &Option<String>,
) -> String {
    let parts: Vec<&str> = [name, email, phone]
        .into_iter()
        .filter_map(|v| v.as_deref())
        .collect();
    if parts.is_empty() {
        "(sin datos de contacto)".into()
    } else {
        parts.join(" · ")
    }
}

/// A table with one case per line, columns padded to their widest cell.
pub fn write_list(out: &mut dyn Write, cases: &[StaffCaseSummary]) -> std::io::Result<()> {
    if cases.is_empty() {
        return writeln!(out, "No hay casos.");
    }
    let mut rows = vec![[
        "RADICADO".to_owned(),
        "ESTADO".into(),
        "VENCE".into(),
        "DÍAS".into(),
        "ENTIDAD".into(),
        "CONTACTO".into(),
    ]];
    for c in cases {
        rows.push([
            c.ticket.clone(),
            c.status.as_str().into(),
            c.due_date.clone(),
            c.business_days_left.to_string(),
            c.agency.clone().unwrap_or_else(|| "-".into()),
            contact(&c.name, &c.email, &c.phone),
        ]);
    }
    let widths: Vec<usize> = (0..6)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    for row in rows {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        writeln!(out, "{}", line.join("  ").trim_end())?;
    }
    Ok(())
}

pub(super) fn event_label(kind: &EventKind) -> String {
    match kind {
        EventKind::Filed => "radicado".into(),
        EventKind::Assigned => "asignado".into(),
        EventKind::StatusChanged { status } => format!("estado → {}", status.as_str()),
        EventKind::Message => "mensaje de la entidad".into(),
        EventKind::InfoRequested { reply_by } => {
            format!("se pidió información (responder hasta {reply_by})")
        }
        EventKind::CitizenReply => "respuesta del ciudadano".into(),
        EventKind::Extended { new_due_date } => format!("prórroga hasta {new_due_date}"),
        EventKind::Transferred {
            to_agency,
            to_agency_name,
        } => format!("trasladado a {to_agency} ({to_agency_name})"),
        EventKind::Answered => "respuesta de la entidad".into(),
        EventKind::Closed => "cerrado".into(),
        EventKind::Rated => "valorado".into(),
    }
}

pub(super) fn write_event(out: &mut dyn Write, event: &CaseEvent) -> std::io::Result<()> {
    let actor = match event.actor {
        Actor::Citizen => "ciudadano",
        Actor::Staff => "entidad",
        Actor::System => "sistema",
    };
    writeln!(
        out,
        "  {}  [{actor}]  {}",
        event.at,
        event_label(&event.kind)
    )?;
    if let Some(message) = &event.message {
        for line in message.lines() {
            writeln!(out, "      {line}")?;
        }
    }
    for file in &event.attachments {
        writeln!(
            out,
            "      adjunto: {} ({}, {} bytes, id {})",
            file.name, file.media_type, file.size, file.id
        )?;
    }
    Ok(())
}

pub(super) fn identity_label(identity: Identity) -> &'static str {
    match identity {
        Identity::Identified => "identificado",
        Identity::Confidential => "confidencial (no revelar a terceros)",
        Identity::Anonymous => "anónimo",
    }
}

/// A case as a staff member reads it: summary, contact, description, timeline.
pub fn write_case(out: &mut dyn Write, view: &StaffCaseView) -> std::io::Result<()> {
    let case = &view.case;
    let agency = match (&case.agency, &case.agency_name) {
        (Some(a), Some(name)) => format!("{a} ({name})"),
        (Some(a), None) => a.clone(),
        _ => "sin entidad".into(),
    };
    writeln!(out, "{}  {}  {agency}", case.ticket, case.case_type)?;
    writeln!(
        out,
        "Estado: {}   Radicado el {}   Vence el {} ({} días hábiles)",
        case.status.as_str(),
        case.filed_on,
        case.due_date,
        case.business_days_left
    )?;
    writeln!(
        out,
        "Contacto: {}   Identidad: {}   Idioma: {}",
        contact(&view.name, &view.email, &view.phone),
        identity_label(view.identity),
        view.language
    )?;
    if let Some(reply_by) = &case.reply_by {
        writeln!(out, "Esperando al ciudadano hasta el {reply_by}")?;
    }
    writeln!(out, "Descripción:")?;
    for line in case.description.lines() {
        writeln!(out, "  {line}")?;
    }
    writeln!(out, "Historial:")?;
    for event in &case.events {
        write_event(out, event)?;
    }
    if let Some(rating) = &case.rating {
        writeln!(
            out,
            "Valoración: {}/5, respondió lo pedido: {}, clara: {}",
            rating.score, rating.answered, rating.clear
        )?;
    }
    Ok(())
}
