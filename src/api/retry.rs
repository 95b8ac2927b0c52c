//! One retry policy for every request that is safe to repeat because it carries an
//! `Idempotency-Key` (a case, a reply): the backend answers a repeated key with the
//! first answer, so trying again can never file twice.

use std::future::Future;

use super::ApiError;

/// How often and how patiently to try again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Tries after the first one.
    pub retries: u32,
    /// Wait before the first retry; doubled for each next one.
    pub first_delay_ms: u32,
    /// A server's `Retry-After` is honoured up to this many seconds.
    pub max_retry_after_secs: u32,
}

/// Sends of a case and of a reply: 1, 2, 4 and 8 s (or the server's Retry-After, up to
/// a minute), about 15 s in all before the person is asked to try again.
pub const SAFE_SEND: RetryPolicy = RetryPolicy {
    retries: 4,
    first_delay_ms: 1000,
    max_retry_after_secs: 60,
};

/// Sends that must not be repeated blindly (no idempotency key): one try.
pub const SEND_ONCE: RetryPolicy = RetryPolicy {
    retries: 0,
    first_delay_ms: 0,
    max_retry_after_secs: 0,
};

/// Runs `send` until it succeeds, fails for good, or the policy runs out; transient
/// failures (network, timeout, 5xx, 408, 429) are retried. `on_retry(n)` is told
/// before the n-th retry, so the page can say "trying again".
pub async fn with_retries<T, F, Fut>(
    policy: RetryPolicy,
    mut on_retry: impl FnMut(u32),
    mut send: F,
) -> Result<T, ApiError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, ApiError>>,
{
    let mut delay_ms = policy.first_delay_ms;
    let mut attempt = 0;
    loop {
        match send().await {
            Err(e) if e.is_transient() && attempt < policy.retries => {
                attempt += 1;
                on_retry(attempt);
                let wait = e
                    .retry_after_secs()
                    .map(|s| s.min(policy.max_retry_after_secs) * 1000)
                    .unwrap_or(delay_ms);
                gloo_timers::future::TimeoutFuture::new(wait).await;
                delay_ms = delay_ms.saturating_mul(2);
            }
            other => return other,
        }
    }
}
