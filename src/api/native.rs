//! The adapter for backends that speak this project's own contract (`/api/v1`,
//! OpenAPI 3.1 served at `/api/v1/openapi.json`): every feature, errors as
//! problem+json, `Idempotency-Key` on filings and replies.

use cc_core::api::{Problem, PROBLEM_JSON};
use cc_core::catalog::{CatalogIndex, Procedure};
use cc_core::channel::{AssistedCase, Channel, ReceiptRequest, ReceiptSent, StaffMember};
use cc_core::config::Deployment;
use cc_core::intake::{AttachmentReceipt, CaseReceipt};
use cc_core::search::SearchPage;
use cc_core::service_points::ServicePoints;
use cc_core::tracking::{CaseView, LookupRequest, NewReply, Rating};
use cc_core::transparency::{SelfServiceAnswer, Transparency};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::http::{self, Answer, Body};
use super::{ApiError, Filing};

pub struct Native {
    /// e.g. `/api/v1` or `https://api.example/api/v1`, without a trailing slash.
    pub base: String,
}

impl Native {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        read_json(&self.url(path)).await
    }

    async fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
        headers: &[(&str, &str)],
    ) -> Result<T, ApiError> {
        let json = serde_json::to_string(body).map_err(|_| ApiError::Malformed)?;
        let mut builder = http::post(&self.url(path));
        for (name, value) in headers {
            builder = builder.header(name, value);
        }
        parse(http::exchange(builder, Body::Json(json)).await?)
    }

    pub async fn transparency(
        &self,
        from: &str,
        to: &str,
        agency: Option<&str>,
    ) -> Result<Transparency, ApiError> {
        let mut path = format!(
            "/transparency?from={}&to={}",
            http::encode(from),
            http::encode(to)
        );
        if let Some(agency) = agency {
            path.push_str(&format!("&agency={}", http::encode(agency)));
        }
        self.get(&path).await
    }

    /// Counts one self-service outcome (`204 No Content`).
    pub async fn self_service(&self, answer: &SelfServiceAnswer) -> Result<(), ApiError> {
        let json = serde_json::to_string(answer).map_err(|_| ApiError::Malformed)?;
        let builder = http::post(&self.url("/self-service"));
        decode(http::exchange(builder, Body::Json(json)).await?).map(drop)
    }

    pub async fn service_points(&self) -> Result<ServicePoints, ApiError> {
        self.get("/service-points").await
    }

    pub async fn deployment(&self) -> Result<Deployment, ApiError> {
        self.get("/config").await
    }

    /// The whole index (`local`) or only agencies and categories (a catalog searched
    /// by the backend).
    pub async fn catalog_index(&self, local: bool) -> Result<CatalogIndex, ApiError> {
        self.get(if local {
            "/catalog/index"
        } else {
            "/catalog/directory"
        })
        .await
    }

    /// `query` is the query string of `GET /catalog/search`, without `?`.
    pub async fn search(&self, query: &str) -> Result<SearchPage, ApiError> {
        self.get(&format!("/catalog/search?{query}")).await
    }

    pub async fn procedure(&self, slug: &str) -> Result<Procedure, ApiError> {
        self.get(&format!("/procedures/{}", http::encode(slug)))
            .await
    }

    pub async fn upload(&self, name: &str, bytes: Vec<u8>) -> Result<AttachmentReceipt, ApiError> {
        let url = self.url(&format!("/attachments?name={}", http::encode(name)));
        parse(http::exchange(http::post(&url), Body::Bytes(bytes)).await?)
    }

    pub async fn file(&self, filing: &Filing) -> Result<CaseReceipt, ApiError> {
        let key = [("Idempotency-Key", filing.idempotency_key.as_str())];
        self.post("/cases", &filing.case, &key).await
    }

    /// Whose staff token this is (`GET /staff/me`).
    pub async fn staff_me(&self, token: &str) -> Result<StaffMember, ApiError> {
        let auth = format!("Bearer {token}");
        let builder = http::get(&self.url("/staff/me")).header("Authorization", &auth);
        parse(http::exchange(builder, Body::Empty).await?)
    }

    /// A case a staff member files for a person (`POST /staff/cases`).
    pub async fn file_assisted(
        &self,
        filing: &Filing,
        channel: Channel,
        token: &str,
    ) -> Result<CaseReceipt, ApiError> {
        let body = AssistedCase {
            case: filing.case.clone(),
            channel,
        };
        let auth = format!("Bearer {token}");
        let headers = [
            ("Idempotency-Key", filing.idempotency_key.as_str()),
            ("Authorization", auth.as_str()),
        ];
        self.post("/staff/cases", &body, &headers).await
    }

    /// Sends a case's receipt to the person (`POST /staff/cases/{ticket}/receipt`).
    pub async fn send_receipt(
        &self,
        token: &str,
        ticket: &str,
        request: &ReceiptRequest,
    ) -> Result<ReceiptSent, ApiError> {
        let path = format!("/staff/cases/{}/receipt", http::encode(ticket));
        let auth = format!("Bearer {token}");
        self.post(&path, request, &[("Authorization", auth.as_str())])
            .await
    }

    pub async fn lookup(&self, ticket: &str, access_code: &str) -> Result<CaseView, ApiError> {
        let body = LookupRequest {
            ticket: ticket.to_string(),
            access_code: access_code.to_string(),
        };
        self.post("/cases/lookup", &body, &[]).await
    }

    pub async fn reply(
        &self,
        ticket: &str,
        access_code: &str,
        reply: &NewReply,
        idempotency_key: &str,
    ) -> Result<CaseView, ApiError> {
        let path = format!("/cases/{}/replies", http::encode(ticket));
        let headers = [
            ("X-Access-Code", access_code),
            ("Idempotency-Key", idempotency_key),
        ];
        self.post(&path, reply, &headers).await
    }

    pub async fn rate(
        &self,
        ticket: &str,
        access_code: &str,
        rating: &Rating,
    ) -> Result<CaseView, ApiError> {
        let path = format!("/cases/{}/rating", http::encode(ticket));
        self.post(&path, rating, &[("X-Access-Code", access_code)])
            .await
    }

    pub async fn download(
        &self,
        ticket: &str,
        attachment_id: &str,
        access_code: &str,
    ) -> Result<Vec<u8>, ApiError> {
        let path = format!(
            "/cases/{}/attachments/{}",
            http::encode(ticket),
            http::encode(attachment_id)
        );
        http::bytes(http::get(&self.url(&path)).header("X-Access-Code", access_code)).await
    }
}

/// A JSON file at `url` (another backend's deployment texts), read as the native
/// settings are.
pub async fn read_json<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    parse(http::exchange(http::get(url), Body::Empty).await?)
}

/// The answer's body as `T` for a 2xx, else the failure the contract describes.
fn parse<T: DeserializeOwned>(answer: Answer) -> Result<T, ApiError> {
    let text = decode(answer)?;
    serde_json::from_str(&text).map_err(|_| ApiError::Malformed)
}

/// Not generic: the error mapping exists once in the wasm.
fn decode(answer: Answer) -> Result<String, ApiError> {
    if answer.is_success() {
        return Ok(answer.text);
    }
    if answer.status == 429 {
        let kind = serde_json::from_str::<Problem>(&answer.text)
            .map(|p| p.kind)
            .unwrap_or_default();
        return Err(ApiError::RateLimited {
            retry_after_secs: answer.retry_after.unwrap_or(30),
            kind,
        });
    }
    let ct = &answer.content_type;
    let is_problem = ct.starts_with(PROBLEM_JSON) || ct.starts_with("application/json");
    match is_problem
        .then(|| serde_json::from_str::<Problem>(&answer.text).ok())
        .flatten()
    {
        Some(problem) => Err(ApiError::Problem(Box::new(problem))),
        None => Err(ApiError::Http(answer.status)),
    }
}
