//! `cc-server staff …`: a small command-line tool for agency staff that uses the staff
//! API over HTTP (so it works against any server that implements the contract, and
//! exercises the same path as any other client).//!
//! Layout: this file holds the commands and runs them; [`client`] speaks HTTP to the
//! staff API, [`output`] writes what a person reads.

mod client;
mod output;

pub use client::StaffClient;
use output::write_event;
pub use output::{write_case, write_list};

use std::io::Write;

use anyhow::{anyhow, bail};
use cc_core::tracking::{CaseStatus, StaffAction};
use clap::{Args, Subcommand};

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

#[cfg(test)]
mod tests;
