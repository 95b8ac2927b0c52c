//! The adapter for Open311 GeoReport v2 servers (JSON format). Their services become
//! the catalog's topics and the wizard's questions; a filing is a form-encoded
//! `POST requests.json`; tracking reads `requests/{id}.json`. Decoding is lenient and
//! lives in `cc_core::open311`; this file only moves bytes and maps failures.
//!
//! The adapter's code is a wasm chunk of its own (`open311`, with the `split`
//! feature): a deployment of the native contract never downloads it. The port reaches
//! it through [`call`], one request and one answer type.
//!
//! What Open311 does not have, the capabilities say: no access codes (a request is
//! public by its number, and the person is told before filing), no replies, ratings
//! or uploads, no legal due dates, and no idempotency key — so a filing is never
//! retried automatically.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use cc_core::api::{FieldError, Problem};
use cc_core::catalog::{Agency, CatalogIndex, Procedure};
use cc_core::config::Deployment;
use cc_core::intake::CaseReceipt;
use cc_core::open311::{self as o311, Attribute, Filed, Open311Error, RequestForm, Service};
use cc_core::tracking::CaseView;

use super::http::{self, Answer, Body};
use super::{ApiError, Filing};

/// How often a token-only answer is asked for its request id, and how long apart.
const TOKEN_WAITS_MS: [u32; 4] = [1_000, 2_000, 3_000, 4_000];

pub struct Open311 {
    /// e.g. `https://city.example/open311/v2`, without a trailing slash.
    pub base: String,
    pub jurisdiction_id: Option<String>,
    pub api_key: Option<String>,
    /// Where the deployment's texts are (Open311 has no settings endpoint).
    pub deployment_url: String,
    /// Read once by the port from `deployment_url`; the catalog names its agency.
    deployment: RefCell<Option<Rc<Deployment>>>,
    /// `services.json`, asked once per visit.
    services: RefCell<Option<Rc<Vec<Service>>>>,
}

impl Open311 {
    pub fn new(
        base: String,
        jurisdiction_id: Option<String>,
        api_key: Option<String>,
        deployment_url: String,
    ) -> Open311 {
        Open311 {
            base,
            jurisdiction_id,
            api_key,
            deployment_url,
            deployment: RefCell::new(None),
            services: RefCell::new(None),
        }
    }

    fn url(&self, file: &str) -> String {
        match &self.jurisdiction_id {
            Some(j) => format!("{}/{file}?jurisdiction_id={}", self.base, http::encode(j)),
            None => format!("{}/{file}", self.base),
        }
    }

    async fn get(&self, file: &str) -> Result<String, ApiError> {
        let answer = http::exchange(http::get(&self.url(file)), Body::Empty).await?;
        failure_of(answer)
    }

    /// Keeps the deployment's texts the port has read, for the catalog's agency.
    pub fn remember_deployment(&self, deployment: &Deployment) {
        *self.deployment.borrow_mut() = Some(Rc::new(deployment.clone()));
    }

    /// Who runs the server, as the catalog's one agency (Open311 names none per
    /// service): the deployment's owner and contacts.
    async fn agency(&self) -> Agency {
        let known = self.deployment.borrow().clone();
        let deployment = match known {
            Some(d) => Some(d),
            None => super::native::read_json::<Deployment>(&self.deployment_url)
                .await
                .ok()
                .map(Rc::new),
        };
        let text = |f: fn(&Deployment) -> &String| {
            deployment
                .as_deref()
                .map(|d| f(d).clone())
                .filter(|t| !t.is_empty())
        };
        Agency {
            acronym: String::new(),
            slug: String::new(),
            name: text(|d| &d.owner).unwrap_or_default(),
            description: None,
            website: None,
            phone: text(|d| &d.channels.phone),
            email: text(|d| &d.channels.email),
        }
    }

    async fn services(&self) -> Result<Rc<Vec<Service>>, ApiError> {
        if let Some(known) = self.services.borrow().clone() {
            return Ok(known);
        }
        let body = self.get("services.json").await?;
        let services = match o311::parse_services(&body) {
            Ok(s) => Rc::new(s),
            Err(Open311Error::NotJson) => return Err(self.explain_not_json().await),
            Err(_) => return Err(ApiError::Malformed),
        };
        *self.services.borrow_mut() = Some(services.clone());
        Ok(services)
    }

    /// An answer that is not JSON: when the server's `discovery.json` lists its
    /// formats and JSON is not one of them, say so plainly; otherwise it is just an
    /// unreadable answer.
    async fn explain_not_json(&self) -> ApiError {
        match self.get("discovery.json").await {
            Ok(body) => match o311::parse_discovery(&body) {
                Ok(d) if !d.offers_json() => ApiError::NotJson,
                _ => ApiError::Malformed,
            },
            Err(_) => ApiError::Malformed,
        }
    }

    async fn catalog_index(&self) -> Result<CatalogIndex, ApiError> {
        let services = self.services().await?;
        Ok(o311::catalog_index(&services, &self.agency().await))
    }

    async fn procedure(&self, code: &str) -> Result<Procedure, ApiError> {
        let services = self.services().await?;
        match services.iter().find(|s| s.code == code) {
            Some(s) => Ok(o311::procedure(s, &self.agency().await)),
            None => Err(ApiError::Http(404)),
        }
    }

    /// The service's own questions (`services/{code}.json`), when it has any.
    async fn topic_questions(&self, code: &str) -> Result<Vec<Attribute>, ApiError> {
        let services = self.services().await?;
        if !services.iter().any(|s| s.code == code && s.metadata) {
            return Ok(Vec::new());
        }
        let body = self
            .get(&format!("services/{}.json", http::encode(code)))
            .await?;
        o311::parse_service_definition(&body).map_err(|_| ApiError::Malformed)
    }

    async fn file(&self, filing: &Filing) -> Result<CaseReceipt, ApiError> {
        let case = &filing.case;
        // Open311's own limits (4,000 characters, no HTML), answered like ours.
        if let Err(e) = o311::check_description(&case.description) {
            return Err(refused_field(e));
        }
        let (first, last) = o311::split_name(case.name.as_deref().unwrap_or(""));
        let nonempty = |s: &str| Some(s.to_string()).filter(|s| !s.trim().is_empty());
        let (first, last) = (nonempty(&first), nonempty(&last));
        let location = filing.location.clone().unwrap_or(o311::Location::None);
        let form = RequestForm {
            service_code: case.procedure.as_deref().unwrap_or(""),
            description: &case.description,
            location: &location,
            email: case.email.as_deref(),
            first_name: first.as_deref(),
            last_name: last.as_deref(),
            phone: case.phone.as_deref(),
            media_url: None,
            attributes: &filing.topic_answers,
            api_key: self.api_key.as_deref(),
            jurisdiction_id: self.jurisdiction_id.as_deref(),
        };
        let url = format!("{}/requests.json", self.base);
        let answer =
            http::exchange(http::post(&url), Body::Form(o311::encode_request(&form))).await?;
        let body = failure_of(answer)?;
        let ticket = match o311::parse_post_answer(&body).map_err(|_| ApiError::Malformed)? {
            Filed::Id(id) => id,
            Filed::Token(token) => self.resolve_token(&token).await.unwrap_or(token),
        };
        Ok(CaseReceipt {
            ticket,
            access_code: String::new(),
            case_type: case.case_type.clone(),
            agency: None,
            agency_name: None,
            filed_on: today(),
            due_date: String::new(),
            response_days: 0,
        })
    }

    /// Some servers answer a filing with a token and give the request id later; ask a
    /// few times. `None`: still pending (the token is then the number to track by).
    async fn resolve_token(&self, token: &str) -> Option<String> {
        for wait in TOKEN_WAITS_MS {
            gloo_timers::future::TimeoutFuture::new(wait).await;
            let file = format!("tokens/{}.json", http::encode(token));
            if let Ok(body) = self.get(&file).await {
                if let Ok(Some(id)) = o311::parse_token_answer(&body) {
                    return Some(id);
                }
            }
        }
        None
    }

    /// Open311 requests are public by their number; `_access_code` is not asked for.
    async fn lookup(&self, ticket: &str) -> Result<CaseView, ApiError> {
        let ticket = ticket.trim();
        if let Some(view) = self.request(ticket).await? {
            return Ok(view);
        }
        // A number kept from a token-only answer: the id may be known by now.
        let token = self
            .get(&format!("tokens/{}.json", http::encode(ticket)))
            .await
            .ok()
            .and_then(|body| o311::parse_token_answer(&body).ok().flatten());
        if let Some(id) = token {
            if let Some(view) = self.request(&id).await? {
                return Ok(view);
            }
        }
        Err(ApiError::Http(404))
    }

    async fn request(&self, id: &str) -> Result<Option<CaseView>, ApiError> {
        let file = format!("requests/{}.json", http::encode(id));
        let body = match self.get(&file).await {
            Ok(body) => body,
            Err(e) if e.status() == Some(404) => return Ok(None),
            Err(e) => return Err(e),
        };
        match o311::parse_requests(&body) {
            Ok(found) => Ok(found.map(|r| o311::case_view(&r))),
            Err(_) => Err(ApiError::Malformed),
        }
    }
}

/// What the port asks of the Open311 adapter.
pub enum Call {
    Catalog,
    Procedure(String),
    Questions(String),
    File(Box<Filing>),
    Lookup(String),
}

/// The adapter's answer to each [`Call`], in the same order.
pub enum Reply {
    Catalog(CatalogIndex),
    Procedure(Box<Procedure>),
    Questions(Vec<Attribute>),
    Filed(CaseReceipt),
    Case(Box<CaseView>),
}

type Running = Pin<Box<dyn Future<Output = Result<Reply, ApiError>>>>;

/// The way into the chunk: starts the call there and hands its future back.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(open311, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn start(adapter: &'static Open311, call: Call) -> Result<Running, ApiError> {
    Ok(Box::pin(async move {
        Ok(match call {
            Call::Catalog => Reply::Catalog(adapter.catalog_index().await?),
            Call::Procedure(code) => Reply::Procedure(Box::new(adapter.procedure(&code).await?)),
            Call::Questions(code) => Reply::Questions(adapter.topic_questions(&code).await?),
            Call::File(filing) => Reply::Filed(adapter.file(&filing).await?),
            Call::Lookup(ticket) => Reply::Case(Box::new(adapter.lookup(&ticket).await?)),
        })
    }))
}

/// Runs `call` in the adapter's chunk (downloaded on the first call; a failed
/// download is a network failure, with its message and retry).
pub async fn call(adapter: &'static Open311, call: Call) -> Result<Reply, ApiError> {
    #[cfg(feature = "split")]
    let running = start(adapter, call).await?;
    #[cfg(not(feature = "split"))]
    let running = start(adapter, call)?;
    running.await
}

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ApiError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ApiError::Network
    }
}

/// The body of a 2xx answer, else the failure: the server's own words for a refusal
/// (`[{code, description}]`, meant for the person), a busy server, or a fault.
fn failure_of(answer: Answer) -> Result<String, ApiError> {
    if answer.is_success() {
        return Ok(answer.text);
    }
    match answer.status {
        429 => Err(ApiError::RateLimited {
            retry_after_secs: answer.retry_after.unwrap_or(30),
            kind: String::new(),
        }),
        s if s >= 500 => Err(ApiError::Http(s)),
        // An HTML error page of a proxy says nothing meant for the person.
        s if answer.content_type.contains("html") => Err(ApiError::Http(s)),
        status => Err(ApiError::Refused {
            status,
            said: o311::parse_errors(&answer.text)
                .into_iter()
                .map(|e| e.description)
                .filter(|d| !d.trim().is_empty())
                .collect(),
        }),
    }
}

/// A field the wizard can send the person back to, as the native contract does.
fn refused_field(error: FieldError) -> ApiError {
    ApiError::Problem(Box::new(Problem {
        kind: "/problems/validation".into(),
        title: error.message.clone(),
        status: 422,
        detail: None,
        instance: None,
        errors: vec![error],
    }))
}

/// Today in the person's time zone, `YYYY-MM-DD` (the filing date on the receipt).
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}
