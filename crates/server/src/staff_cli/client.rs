//! A client of the staff API over HTTP: requests with the bearer token, problem
//! answers read as one message.

use std::time::Duration;

use anyhow::{anyhow, Context};
use cc_core::api::Problem;
use cc_core::intake::ticket::normalize_ticket;
use cc_core::tracking::{StaffAction, StaffCaseSummary, StaffCaseView};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Requests that take longer than this have failed (the server answers in milliseconds).
const TIMEOUT: Duration = Duration::from_secs(30);

/// A client of the staff API.
pub struct StaffClient {
    agent: ureq::Agent,
    base: String,
    token: String,
}

/// The error a non-2xx answer stands for: its status, title, detail and field errors.
pub(super) fn problem_error(status: u16, body: &str) -> anyhow::Error {
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
pub(super) fn ticket_path(ticket: &str) -> anyhow::Result<String> {
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
