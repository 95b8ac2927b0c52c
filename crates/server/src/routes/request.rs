//! What the handlers read from a request besides its body: who the client is (for
//! the per-client limits), the `Idempotency-Key`, and the time.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;

use crate::problem::{ApiError, ApiResult};
use crate::ratelimit::client_key;
use crate::state::AppState;

/// Header that makes `POST /api/v1/cases` and `POST /api/v1/cases/{ticket}/replies`
/// safe to retry.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";
const KEY_MIN_CHARS: usize = 8;
const KEY_MAX_CHARS: usize = 200;

/// Seconds since the Unix epoch (0 if the clock is before it).
pub(crate) fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The client, for the per-client limit on guessing: its [`client_key`] (an IPv6
/// client is its /64). Behind the configured trusted proxy (`--trusted-proxy`) it is
/// the last `X-Forwarded-For` entry, the address the proxy itself saw; from any other
/// peer the header is ignored, since anyone can send it. `0.0.0.0` when the server
/// runs without connection info (requests sent straight to the router, as in tests).
pub struct Client(pub String);

/// The address the request came from, as [`Client`] explains.
pub fn client_ip(parts: &Parts, trusted_proxy: Option<IpAddr>) -> IpAddr {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip());
    if trusted_proxy != Some(peer) {
        return peer;
    }
    parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .next_back()
        .and_then(|last| last.trim().parse().ok())
        .unwrap_or(peer)
}

impl FromRequestParts<AppState> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(Client(client_key(client_ip(parts, state.trusted_proxy))))
    }
}

/// The `Idempotency-Key` header, checked for presence, characters (visible ASCII, no
/// spaces) and length.
pub(crate) fn idempotency_key(headers: &HeaderMap) -> ApiResult<String> {
    let value = headers.get(IDEMPOTENCY_KEY).ok_or_else(|| {
        ApiError::BadRequest("Falta la cabecera Idempotency-Key (una clave única por envío)".into())
    })?;
    let key = value.as_bytes();
    if !(KEY_MIN_CHARS..=KEY_MAX_CHARS).contains(&key.len())
        || !key.iter().all(u8::is_ascii_graphic)
    {
        return Err(ApiError::BadRequest(format!(
            "La cabecera Idempotency-Key debe tener entre {KEY_MIN_CHARS} y {KEY_MAX_CHARS} caracteres ASCII visibles, sin espacios"
        )));
    }
    Ok(String::from_utf8_lossy(key).into_owned())
}
