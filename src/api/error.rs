//! The one error type of every backend call: each failure is a variant with a
//! translated, human message, never a panic.

use cc_core::api::Problem;

use crate::i18n::{plural, Lang, Texts};

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// No answer at all: offline, DNS, refused.
    Network,
    Timeout,
    /// The backend explained the failure (RFC 9457).
    Problem(Box<Problem>),
    /// A status without a readable problem body.
    Http(u16),
    /// 429: the server said how long to wait, and (in its problem body) why.
    RateLimited {
        retry_after_secs: u32,
        /// The problem type, e.g. `/problems/upload-quota`; empty when not given.
        kind: String,
    },
    /// 2xx with a body that does not match the contract.
    Malformed,
    /// Another kind of backend (Open311) refused the request and explained why in
    /// words meant for the person, in its own language.
    Refused {
        status: u16,
        said: Vec<String>,
    },
    /// The backend does not offer this (the screens hide it; this is the safety net).
    Unsupported,
    /// The server speaks no JSON (its `discovery.json` says which formats it has).
    NotJson,
}

impl ApiError {
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Problem(p) => Some(p.status),
            ApiError::Http(s) => Some(*s),
            ApiError::RateLimited { .. } => Some(429),
            ApiError::Refused { status, .. } => Some(*status),
            _ => None,
        }
    }

    pub fn retry_after_secs(&self) -> Option<u32> {
        match self {
            ApiError::RateLimited {
                retry_after_secs, ..
            } => Some(*retry_after_secs),
            _ => None,
        }
    }

    /// Worth trying again automatically (the request may not have been processed).
    pub fn is_transient(&self) -> bool {
        match self {
            ApiError::Network | ApiError::Timeout | ApiError::Malformed => true,
            _ => matches!(self.status(), Some(s) if s >= 500 || s == 429 || s == 408),
        }
    }

    /// What to tell the person, in their language.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            ApiError::Network => t.error_network.into(),
            ApiError::Timeout => t.error_timeout.into(),
            ApiError::Malformed => t.error_malformed.into(),
            ApiError::Unsupported => t.error_unsupported.into(),
            ApiError::NotJson => t.error_not_json.into(),
            ApiError::RateLimited {
                retry_after_secs,
                kind,
            } => {
                let wait = wait_text(t, *retry_after_secs);
                if kind.ends_with("/upload-quota") {
                    t.error_upload_quota(&wait)
                } else {
                    t.error_rate_limited_wait(&wait)
                }
            }
            ApiError::Refused { status, said } if *status < 500 && !said.is_empty() => {
                t.error_refused(&said.join(" "))
            }
            _ => match self.status() {
                Some(404) => t.error_not_found.into(),
                Some(401 | 403) => t.error_forbidden.into(),
                Some(408) => t.error_timeout.into(),
                Some(409) => t.error_conflict.into(),
                Some(413) => t.error_too_large.into(),
                Some(s) if s >= 500 => t.error_server.into(),
                // The backend's own title is Spanish; only trust it in Spanish.
                _ => match self {
                    ApiError::Problem(p) if t.lang == Lang::Es => p.title.clone(),
                    _ => t.error_rejected.into(),
                },
            },
        }
    }
}

/// "40 segundos", "2 minutos": how long to wait, in words, rounded up to minutes
/// past one minute.
fn wait_text(t: &Texts, secs: u32) -> String {
    let unit = |n: u32, one: &str, many: &str| {
        plural(n.into(), &format!("1 {one}"), &format!("{{n}} {many}"))
    };
    if secs < 60 {
        unit(secs.max(1), t.units_second, t.units_seconds)
    } else {
        unit(secs.div_ceil(60), t.units_minute, t.units_minutes)
    }
}
