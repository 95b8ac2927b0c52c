//! The backend port: the one way every screen talks to a backend. Which backend, and
//! where, comes from `app-config.json` at start-up ([`init`]); each adapter declares
//! what its backend can do ([`Capabilities`]) so screens hide or explain what is
//! missing instead of breaking. Every failure is an [`ApiError`] with a translated,
//! human message: never a panic, never a blank screen.

mod error;
pub(crate) mod http;
mod native;
mod open311;
mod retry;
pub mod staff;

use std::cell::Cell;

use cc_core::app_config::{AppConfig, BackendKind, APP_CONFIG_PATH};
use cc_core::catalog::{CatalogIndex, Procedure};
use cc_core::channel::{Channel, ReceiptRequest, ReceiptSent, StaffMember};
use cc_core::config::Deployment;
use cc_core::intake::{AttachmentReceipt, CaseReceipt, NewCase};
use cc_core::open311::{Attribute, Location};
use cc_core::search::SearchPage;
use cc_core::service_points::ServicePoints;
use cc_core::tracking::{CaseView, NewReply, Rating};
use cc_core::transparency::{SelfServiceAnswer, SelfServiceOutcome, Transparency};

pub use error::ApiError;
pub use http::encode;
use native::Native;
use open311::{Call, Open311, Reply};
pub use retry::{with_retries, RetryPolicy, SAFE_SEND, SEND_ONCE};

/// What a backend can do. The screens read these instead of asking which backend it
/// is, so a new adapter only has to say what it offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capabilities {
    /// Cases are private: tracking needs the access code given at filing. Without
    /// it, anyone with the number can see the case, and the person is told so.
    pub access_codes: bool,
    /// The person can answer the agency on the case page.
    pub replies: bool,
    pub ratings: bool,
    pub attachments: bool,
    /// Full procedure pages (requirements, costs, offices); without them the catalog
    /// lists topics to report on.
    pub procedures: bool,
    /// Due dates set by law (business days); without them, an expected date when the
    /// backend gives one.
    pub legal_due_dates: bool,
    /// The "confidential" identity (the agency keeps the name from third parties).
    pub confidential: bool,
    /// The wizard asks where the problem is (an address or the phone's position).
    pub location: bool,
    /// A filing carries an idempotency key, so a lost answer can be retried without
    /// filing twice. Without it, a send is tried once and the person decides.
    pub safe_retries: bool,
    /// Publishes aggregate figures (`/transparencia`); Open311 has no such call.
    pub transparency: bool,
    /// Staff can sign in and file cases for a person (`/atencion`, assisted mode);
    /// Open311 has no staff API.
    pub assisted: bool,
    /// Lists its service points with hours (`/puntos-de-atencion`); Open311 has no
    /// such call.
    pub service_points: bool,
}

/// A case as the wizard sends it, with what some backends need beyond the contract's
/// `NewCase`.
#[derive(Clone)]
pub struct Filing {
    pub case: NewCase,
    /// Sent as `Idempotency-Key` where the backend supports it.
    pub idempotency_key: String,
    /// The topic's own questions and their answers (backends with topics).
    pub topic_answers: Vec<(Attribute, Vec<String>)>,
    pub location: Option<Location>,
}

pub enum Backend {
    Native(Native),
    /// Boxed: made once per visit, and much larger than the native adapter.
    Open311(Box<Open311>),
}

thread_local! {
    static BACKEND: Cell<Option<&'static Backend>> = const { Cell::new(None) };
}

/// The backend chosen at start-up (the app's own `/api/v1` before [`init`] ran, as in
/// component tests).
pub fn backend() -> &'static Backend {
    BACKEND.with(|b| match b.get() {
        Some(backend) => backend,
        None => install(AppConfig::default()),
    })
}

/// Makes the backend `config` names the one of this visit.
fn install(config: AppConfig) -> &'static Backend {
    let backend: &'static Backend = Box::leak(Box::new(Backend::from_config(config)));
    BACKEND.with(|b| b.set(Some(backend)));
    backend
}

/// Reads `app-config.json` (preloaded by `index.html`, so this rarely waits) and
/// chooses the backend. A site without the file talks to its own `/api/v1`; a file
/// with a mistake is reported in the console and the default is used, so the person
/// still gets a working page or a clear error, never a blank one.
pub async fn init() {
    let config = match http::exchange(http::get(APP_CONFIG_PATH), http::Body::Empty).await {
        Ok(answer) if answer.is_success() => AppConfig::parse(&answer.text).unwrap_or_else(|e| {
            web_sys::console::error_1(&format!("{APP_CONFIG_PATH}: {e}").into());
            AppConfig::default()
        }),
        _ => AppConfig::default(),
    };
    install(config);
}

impl Backend {
    fn from_config(config: AppConfig) -> Backend {
        match (config.backend, config.deployment) {
            (BackendKind::Open311, Some(deployment)) => Backend::Open311(Box::new(Open311::new(
                config.base,
                config.jurisdiction_id,
                config.api_key,
                deployment,
            ))),
            // `AppConfig::parse` refuses an Open311 backend without its texts.
            _ => Backend::Native(Native { base: config.base }),
        }
    }

    pub fn capabilities(&self) -> Capabilities {
        match self {
            Backend::Native(_) => Capabilities {
                access_codes: true,
                replies: true,
                ratings: true,
                attachments: true,
                procedures: true,
                legal_due_dates: true,
                confidential: true,
                location: false,
                safe_retries: true,
                transparency: true,
                assisted: true,
                service_points: true,
            },
            Backend::Open311(_) => Capabilities {
                access_codes: false,
                replies: false,
                ratings: false,
                attachments: false,
                procedures: false,
                legal_due_dates: false,
                confidential: false,
                location: true,
                safe_retries: false,
                transparency: false,
                assisted: false,
                service_points: false,
            },
        }
    }

    pub async fn deployment(&'static self) -> Result<Deployment, ApiError> {
        match self {
            Backend::Native(n) => n.deployment().await,
            // The same reader as the native `/config`: one copy in the first download.
            Backend::Open311(o) => {
                let deployment = native::read_json(&o.deployment_url).await?;
                o.remember_deployment(&deployment);
                Ok(deployment)
            }
        }
    }

    /// The catalog the browser searches: the whole index when `local`, else only
    /// its agencies and categories (a catalog too large to download).
    pub async fn catalog_index(&'static self, local: bool) -> Result<CatalogIndex, ApiError> {
        match self {
            Backend::Native(n) => n.catalog_index(local).await,
            Backend::Open311(o) => match open311::call(o, Call::Catalog).await? {
                Reply::Catalog(index) => Ok(index),
                _ => Err(ApiError::Malformed),
            },
        }
    }

    /// One page of a search run by the backend (`query`: the query string).
    pub async fn search(&'static self, query: &str) -> Result<SearchPage, ApiError> {
        match self {
            Backend::Native(n) => n.search(query).await,
            Backend::Open311(_) => Err(ApiError::Unsupported),
        }
    }

    pub async fn procedure(&'static self, slug: &str) -> Result<Procedure, ApiError> {
        match self {
            Backend::Native(n) => n.procedure(slug).await,
            Backend::Open311(o) => match open311::call(o, Call::Procedure(slug.into())).await? {
                Reply::Procedure(p) => Ok(*p),
                _ => Err(ApiError::Malformed),
            },
        }
    }

    /// The topic's own questions (backends with topics; none for the others).
    pub async fn topic_questions(&'static self, topic: &str) -> Result<Vec<Attribute>, ApiError> {
        match self {
            Backend::Native(_) => Ok(Vec::new()),
            Backend::Open311(o) => match open311::call(o, Call::Questions(topic.into())).await? {
                Reply::Questions(q) => Ok(q),
                _ => Err(ApiError::Malformed),
            },
        }
    }

    pub async fn upload(
        &'static self,
        name: &str,
        bytes: Vec<u8>,
    ) -> Result<AttachmentReceipt, ApiError> {
        match self {
            Backend::Native(n) => n.upload(name, bytes).await,
            Backend::Open311(_) => Err(ApiError::Unsupported),
        }
    }

    pub async fn file(&'static self, filing: &Filing) -> Result<CaseReceipt, ApiError> {
        match self {
            Backend::Native(n) => n.file(filing).await,
            Backend::Open311(o) => {
                match open311::call(o, Call::File(Box::new(filing.clone()))).await? {
                    Reply::Filed(receipt) => Ok(receipt),
                    _ => Err(ApiError::Malformed),
                }
            }
        }
    }

    pub async fn lookup(
        &'static self,
        ticket: &str,
        access_code: &str,
    ) -> Result<CaseView, ApiError> {
        match self {
            Backend::Native(n) => n.lookup(ticket, access_code).await,
            Backend::Open311(o) => match open311::call(o, Call::Lookup(ticket.into())).await? {
                Reply::Case(view) => Ok(*view),
                _ => Err(ApiError::Malformed),
            },
        }
    }

    pub async fn reply(
        &'static self,
        ticket: &str,
        access_code: &str,
        reply: &NewReply,
        idempotency_key: &str,
    ) -> Result<CaseView, ApiError> {
        match self {
            Backend::Native(n) => n.reply(ticket, access_code, reply, idempotency_key).await,
            Backend::Open311(_) => Err(ApiError::Unsupported),
        }
    }

    pub async fn rate(
        &'static self,
        ticket: &str,
        access_code: &str,
        rating: &Rating,
    ) -> Result<CaseView, ApiError> {
        match self {
            Backend::Native(n) => n.rate(ticket, access_code, rating).await,
            Backend::Open311(_) => Err(ApiError::Unsupported),
        }
    }

    pub async fn download(
        &'static self,
        ticket: &str,
        attachment_id: &str,
        access_code: &str,
    ) -> Result<Vec<u8>, ApiError> {
        match self {
            Backend::Native(n) => n.download(ticket, attachment_id, access_code).await,
            Backend::Open311(_) => Err(ApiError::Unsupported),
        }
    }
}

/// Assisted filing: staff sign in with their token and file for a person.
impl Backend {
    pub async fn staff_me(&'static self, token: &str) -> Result<StaffMember, ApiError> {
        match self {
            Backend::Native(n) => n.staff_me(token).await,
            Backend::Open311(_) => Err(ApiError::Unsupported),
        }
    }

    pub async fn file_assisted(
        &'static self,
        filing: &Filing,
        channel: Channel,
        token: &str,
    ) -> Result<CaseReceipt, ApiError> {
        match self {
            Backend::Native(n) => n.file_assisted(filing, channel, token).await,
            Backend::Open311(_) => Err(ApiError::Unsupported),
        }
    }

    pub async fn send_receipt(
        &'static self,
        token: &str,
        ticket: &str,
        request: &ReceiptRequest,
    ) -> Result<ReceiptSent, ApiError> {
        match self {
            Backend::Native(n) => n.send_receipt(token, ticket, request).await,
            Backend::Open311(_) => Err(ApiError::Unsupported),
        }
    }
}

impl Backend {
    /// The aggregates of the months `from`–`to` (`YYYY-MM`), for one agency or all.
    pub async fn transparency(
        &'static self,
        from: &str,
        to: &str,
        agency: Option<&str>,
    ) -> Result<Transparency, ApiError> {
        match self {
            Backend::Native(n) => n.transparency(from, to, agency).await,
            Backend::Open311(_) => Err(ApiError::Unsupported),
        }
    }

    /// Counts, anonymously, whether a suggested procedure answered someone's question
    /// (`procedure` is its slug) or they went on to file a case.
    pub async fn self_service(
        &'static self,
        procedure: &str,
        outcome: SelfServiceOutcome,
    ) -> Result<(), ApiError> {
        let answer = SelfServiceAnswer {
            procedure: procedure.to_owned(),
            outcome,
        };
        match self {
            Backend::Native(n) => n.self_service(&answer).await,
            Backend::Open311(_) => Err(ApiError::Unsupported),
        }
    }

    /// Every service point with its hours and the procedures done there.
    pub async fn service_points(&'static self) -> Result<ServicePoints, ApiError> {
        match self {
            Backend::Native(n) => n.service_points().await,
            Backend::Open311(_) => Err(ApiError::Unsupported),
        }
    }
}

/// A random UUID from the browser's CSPRNG (idempotency keys, draft ids).
pub fn random_uuid() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("{:x}", (js_sys::Math::random() * 1e16) as u64))
}
