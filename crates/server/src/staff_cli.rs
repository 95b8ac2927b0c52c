//! `cc-server staff …`: a small command-line tool for agency staff that uses the staff
//! API over HTTP (so it works against any server that implements the contract, and
//! exercises the same path as any other client).

use std::io::Write;
use std::time::Duration;

use anyhow::{anyhow, bail, Context};
use cc_core::api::Problem;
use cc_core::intake::ticket::normalize_ticket;
use cc_core::intake::Identity;
use cc_core::tracking::{
    Actor, CaseEvent, CaseStatus, EventKind, StaffAction, StaffCaseSummary, StaffCaseView,
};
use clap::{Args, Subcommand};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Requests that take longer than this have failed (the server answers in milliseconds).
const TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, Args)]
pub struct StaffArgs {
    /// Base URL of the server.
    #[arg(long, env = "CC_STAFF_URL", default_value = "http://127.0.0.1:8080")]
    pub url: String,
    /// Your staff token (from `cc-server staff-member add NAME`; every action is
    /// recorded under your name). Prefer the environment variable: command lines are
    /// visible to other users of the machine.
    #[arg(long, env = "CC_STAFF_TOKEN", hide_env_values = true)]
    pub token: String,
    #[command(subcommand)]
    pub command: StaffCommand,
}

#[derive(Debug, Clone, Subcommand)]
pub enum StaffCommand {
    /// List cases, the most urgent first.
    List {
        /// Only this status (received, assigned, in_progress, waiting_for_citizen, answered, closed).
        #[arg(long)]
        status: Option<String>,
        /// Only this agency (acronym; GEN for cases without one).
        #[arg(long)]
        agency: Option<String>,
    },
    /// Show a case with its contact data and timeline.
    Show { ticket: String },
    /// Take a case (status `assigned`), optionally for an agency.
    Assign {
        ticket: String,
        agency: Option<String>,
    },
    /// Send the citizen a message (not the answer).
    Message { ticket: String, message: String },
    /// Ask the citizen for missing information (one month to reply).
    RequestInfo { ticket: String, message: String },
    /// Answer the case.
    Answer { ticket: String, message: String },
    /// Set the status (received, assigned, in_progress, closed).
    Status { ticket: String, status: String },
    /// Extend the term to DATE (YYYY-MM-DD), before it expires, giving the reason.
    Extend {
        ticket: String,
        date: String,
        reason: String,
    },
    /// Send the case to the competent agency, giving the reason.
    Transfer {
        ticket: String,
        agency: String,
        reason: String,
    },
    /// Close the case.
    Close {
        ticket: String,
        message: Option<String>,
    },
}

/// A client of the staff API.
pub struct StaffClient {
    agent: ureq::Agent,
    base: String,
    token: String,
}

/// The error a non-2xx answer stands for: its status, title, detail and field errors.
fn problem_error(status: u16, body: &str) -> anyhow::Error {
    let Ok(problem) = serde_json::from_str::<Problem>(body) else {
        return anyhow!("the server answered {status}");
    };
    let mut text = format!("{status} {}", problem.title);
    if let Some(detail) = problem.detail {
        text.push_str(&format!(": {detail}"));
    }
    for error in problem.errors {
        text.push_str(&format!(
            "\n  {} ({}): {}",
            error.field, error.code, error.message
        ));
    }
    anyhow!(text)
}

fn read_answer<T: DeserializeOwned>(
    answer: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
) -> anyhow::Result<T> {
    let mut response = answer.context("the server could not be reached")?;
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_string()?;
    if !(200..300).contains(&status) {
        return Err(problem_error(status, &body));
    }
    serde_json::from_str(&body).with_context(|| format!("unexpected answer: {body}"))
}

/// The canonical ticket, so any typed form works and the URL path is always clean.
fn ticket_path(ticket: &str) -> anyhow::Result<String> {
    normalize_ticket(ticket).ok_or_else(|| anyhow!("{ticket:?} is not a ticket number"))
}

impl StaffClient {
    pub fn new(base_url: &str, token: &str) -> Self {
        let agent = ureq::Agent::config_builder()
            // Problem answers are read and shown, not turned into transport errors.
            .http_status_as_error(false)
            .timeout_global(Some(TIMEOUT))
            .build()
            .into();
        StaffClient {
            agent,
            base: base_url.trim_end_matches('/').to_owned(),
            token: token.to_owned(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}/api/v1/staff{path}", self.base)
    }

    fn authorization(&self) -> String {
        format!("Bearer {}", self.token)
    }

    pub fn list(
        &self,
        status: Option<&str>,
        agency: Option<&str>,
    ) -> anyhow::Result<Vec<StaffCaseSummary>> {
        let mut request = self
            .agent
            .get(self.url("/cases"))
            .header("Authorization", self.authorization());
        if let Some(status) = status {
            request = request.query("status", status);
        }
        if let Some(agency) = agency {
            request = request.query("agency", agency);
        }
        read_answer(request.call())
    }

    pub fn show(&self, ticket: &str) -> anyhow::Result<StaffCaseView> {
        let path = format!("/cases/{}", ticket_path(ticket)?);
        read_answer(
            self.agent
                .get(self.url(&path))
                .header("Authorization", self.authorization())
                .call(),
        )
    }

    pub fn act(&self, ticket: &str, action: &StaffAction) -> anyhow::Result<StaffCaseView> {
        let path = format!("/cases/{}/events", ticket_path(ticket)?);
        self.post(&path, action)
    }

    fn post<T: DeserializeOwned>(&self, path: &str, body: &impl Serialize) -> anyhow::Result<T> {
        read_answer(
            self.agent
                .post(self.url(path))
                .header("Authorization", self.authorization())
                .send_json(body),
        )
    }
}

fn parse_status(name: &str) -> anyhow::Result<CaseStatus> {
    CaseStatus::parse(name.trim()).ok_or_else(|| {
        let names: Vec<&str> = CaseStatus::ALL.iter().map(|s| s.as_str()).collect();
        anyhow!("unknown status {name:?}; one of: {}", names.join(", "))
    })
}

/// The action a subcommand stands for (`None` for the read-only ones).
fn action_of(command: &StaffCommand) -> anyhow::Result<Option<(&str, StaffAction)>> {
    let text = |s: &str| s.to_owned();
    Ok(Some(match command {
        StaffCommand::List { .. } | StaffCommand::Show { .. } => return Ok(None),
        StaffCommand::Assign { ticket, agency } => (
            ticket.as_str(),
            StaffAction::Assign {
                agency: agency.clone(),
            },
        ),
        StaffCommand::Message { ticket, message } => (
            ticket.as_str(),
            StaffAction::Message {
                message: text(message),
                attachments: Vec::new(),
            },
        ),
        StaffCommand::RequestInfo { ticket, message } => (
            ticket.as_str(),
            StaffAction::RequestInfo {
                message: text(message),
            },
        ),
        StaffCommand::Answer { ticket, message } => (
            ticket.as_str(),
            StaffAction::Answer {
                message: text(message),
                attachments: Vec::new(),
            },
        ),
        StaffCommand::Status { ticket, status } => (
            ticket.as_str(),
            StaffAction::Status {
                status: parse_status(status)?,
            },
        ),
        StaffCommand::Extend {
            ticket,
            date,
            reason,
        } => (
            ticket.as_str(),
            StaffAction::Extend {
                reason: text(reason),
                new_due_date: text(date),
            },
        ),
        StaffCommand::Transfer {
            ticket,
            agency,
            reason,
        } => (
            ticket.as_str(),
            StaffAction::Transfer {
                to_agency: text(agency),
                reason: text(reason),
            },
        ),
        StaffCommand::Close { ticket, message } => (
            ticket.as_str(),
            StaffAction::Close {
                message: message.clone(),
            },
        ),
    }))
}

/// Runs one subcommand and writes what a person reads.
pub fn run(args: &StaffArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    if args.token.trim().is_empty() {
        bail!("give the staff token with --token or CC_STAFF_TOKEN");
    }
    let client = StaffClient::new(&args.url, &args.token);
    if let Some((ticket, action)) = action_of(&args.command)? {
        let view = client.act(ticket, &action)?;
        writeln!(
            out,
            "Hecho: {} está {}.",
            view.case.ticket,
            view.case.status.as_str()
        )?;
        if let Some(event) = view.case.events.last() {
            write_event(out, event)?;
        }
        return Ok(());
    }
    match &args.command {
        StaffCommand::List { status, agency } => {
            let cases = client.list(status.as_deref(), agency.as_deref())?;
            write_list(out, &cases)?;
        }
        StaffCommand::Show { ticket } => write_case(out, &client.show(ticket)?)?,
        // Every other subcommand is an action, handled above.
        _ => {}
    }
    Ok(())
}

/// Contact data in one line ("anónimo" when there is none).
fn contact(name: &Option<String>, email: &Option<String>, phone: &Option<String>) -> String {
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

fn event_label(kind: &EventKind) -> String {
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

fn write_event(out: &mut dyn Write, event: &CaseEvent) -> std::io::Result<()> {
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

fn identity_label(identity: Identity) -> &'static str {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_read_as_one_message() {
        let body = r#"{"type":"/problems/validation","title":"Hay un problema","status":422,
            "errors":[{"field":"new_due_date","code":"too_long","message":"Demasiado"}]}"#;
        let text = problem_error(422, body).to_string();
        assert!(text.starts_with("422 Hay un problema"), "{text}");
        assert!(
            text.contains("new_due_date (too_long): Demasiado"),
            "{text}"
        );
        assert_eq!(
            problem_error(502, "<html>").to_string(),
            "the server answered 502"
        );
    }

    #[test]
    fn subcommands_become_actions() {
        let command = StaffCommand::Extend {
            ticket: "mdt que 2026 1".into(),
            date: "2026-12-01".into(),
            reason: "Falta un informe".into(),
        };
        let (ticket, action) = action_of(&command).unwrap().unwrap();
        assert_eq!(ticket_path(ticket).unwrap(), "MDT-QUE-2026-00001");
        assert_eq!(
            action,
            StaffAction::Extend {
                reason: "Falta un informe".into(),
                new_due_date: "2026-12-01".into()
            }
        );
        let bad = StaffCommand::Status {
            ticket: "x".into(),
            status: "done".into(),
        };
        assert!(action_of(&bad).is_err());
        assert!(ticket_path("hola").is_err());
    }
}
