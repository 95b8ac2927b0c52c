//! The requests in memory: what `GET requests` shows, what stays private (contact
//! details, attributes), and the tokens of token-only filings.

use std::collections::HashMap;

use serde_json::{json, Map, Value};

/// One service request.
#[derive(Debug, Clone)]
pub struct StoredRequest {
    /// The fields of `GET requests/{id}.json`, all of them (null when unknown).
    pub public: Map<String, Value>,
    /// What the filing sent that the spec never shows back: contact details,
    /// attributes, jurisdiction. Only `/_test/requests` shows it.
    pub private: Value,
    /// Filed through `POST requests.json` (not seeded).
    pub filed: bool,
}

impl StoredRequest {
    pub fn id(&self) -> &str {
        self.public["service_request_id"].as_str().unwrap_or("")
    }

    /// The entry of `requests/{id}.json`: every field, null ones included.
    pub fn full_view(&self) -> Value {
        Value::Object(self.public.clone())
    }

    /// The entry of `requests.json`: null fields left out, as some servers do
    /// (clients must not count on optional fields being there).
    pub fn list_view(&self) -> Value {
        let fields = self
            .public
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        Value::Object(fields)
    }

    /// Everything, for the test control endpoint.
    pub fn control_view(&self) -> Value {
        let mut all = self.public.clone();
        all.insert("filed".into(), json!(self.filed));
        all.insert("private".into(), self.private.clone());
        Value::Object(all)
    }
}

/// A token handed out instead of an id.
#[derive(Debug, Clone)]
struct Token {
    id: String,
    /// Whether `GET tokens/{token}.json` was asked already: the first answer has no
    /// id yet (the request is "still being processed"), later ones have it.
    asked: bool,
}

/// All requests and tokens.
#[derive(Debug, Default)]
pub struct Store {
    requests: Vec<StoredRequest>,
    tokens: HashMap<String, Token>,
    /// Filings so far, for ids and tokens.
    filings: u32,
}

impl Store {
    /// The store with the seeded requests.
    pub fn seeded() -> Self {
        let requests = crate::seed::requests()
            .into_iter()
            .filter_map(|v| match v {
                Value::Object(public) => Some(StoredRequest {
                    public,
                    private: json!({}),
                    filed: false,
                }),
                _ => None,
            })
            .collect();
        Store {
            requests,
            ..Default::default()
        }
    }

    pub fn all(&self) -> &[StoredRequest] {
        &self.requests
    }

    pub fn get(&self, id: &str) -> Option<&StoredRequest> {
        self.requests.iter().find(|r| r.id() == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut StoredRequest> {
        self.requests.iter_mut().find(|r| r.id() == id)
    }

    /// Requests filed through the API.
    pub fn filed_count(&self) -> usize {
        self.requests.iter().filter(|r| r.filed).count()
    }

    /// Stores a filing: gives it the next id, and a token when `token_only`. Returns
    /// `(id, token)`.
    pub fn file(
        &mut self,
        mut public: Map<String, Value>,
        private: Value,
        token_only: bool,
    ) -> (String, Option<String>) {
        self.filings += 1;
        let id = format!("SR-2026-{:04}", 1000 + self.filings);
        public.insert("service_request_id".into(), json!(id));
        self.requests.push(StoredRequest {
            public,
            private,
            filed: true,
        });
        let token = token_only.then(|| {
            let token = format!("tok-{:06}", self.filings);
            self.tokens.insert(
                token.clone(),
                Token {
                    id: id.clone(),
                    asked: false,
                },
            );
            token
        });
        (id, token)
    }

    /// The id behind `token`: `Some(None)` the first time (not processed yet),
    /// `Some(Some(id))` afterwards, `None` for an unknown token.
    pub fn redeem(&mut self, token: &str) -> Option<Option<String>> {
        let entry = self.tokens.get_mut(token)?;
        if entry.asked {
            Some(Some(entry.id.clone()))
        } else {
            entry.asked = true;
            Some(None)
        }
    }
}

/// The server's clock zone: the spec wants every date with its zone.
const ZONE: time::UtcOffset = time::macros::offset!(-5);

/// Now plus `days`, as ISO 8601 with the zone, whole seconds
/// (`2026-11-26T10:00:00-05:00`).
pub fn timestamp_in_days(days: i64) -> String {
    let at = time::OffsetDateTime::now_utc().to_offset(ZONE) + time::Duration::days(days);
    let at = at.replace_nanosecond(0).unwrap_or(at);
    at.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Now, as [`timestamp_in_days`] writes it.
pub fn timestamp_now() -> String {
    timestamp_in_days(0)
}
