//! Housekeeping on a timer, started by `serve`: uploads never linked to a case and old
//! idempotency records are purged (the purge functions existed, but nothing called
//! them, so abandoned uploads and sealed answers piled up forever).

use std::time::Duration;

use crate::cases;
use crate::problem::ApiResult;
use crate::routes::request::unix_now;
use crate::state::AppState;

/// How often the purge runs and how old things must be to go.
#[derive(Debug, Clone, Copy)]
pub struct Purges {
    pub every: Duration,
    /// Uploads still unlinked after this long were abandoned (a draft is filed within
    /// hours; the app uploads again if an id is gone).
    pub unlinked_uploads_after: Duration,
    /// Idempotency records older than this are forgotten (retries come within minutes).
    pub idempotency_records_after: Duration,
}

impl Default for Purges {
    fn default() -> Self {
        Purges {
            every: Duration::from_secs(15 * 60),
            unlinked_uploads_after: Duration::from_secs(24 * 60 * 60),
            idempotency_records_after: Duration::from_secs(24 * 60 * 60),
        }
    }
}

/// What one purge removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Purged {
    pub uploads: usize,
    pub idempotency_records: usize,
}

fn seconds(d: Duration) -> i64 {
    i64::try_from(d.as_secs()).unwrap_or(i64::MAX)
}

/// Runs both purges once, as of `now_unix`.
pub async fn purge_once(state: &AppState, purges: Purges, now_unix: i64) -> ApiResult<Purged> {
    state
        .with_db(move |conn| {
            let uploads = cases::purge_unlinked_attachments(
                conn,
                now_unix.saturating_sub(seconds(purges.unlinked_uploads_after)),
            )?;
            let idempotency_records = cases::purge_idempotency_keys(
                conn,
                now_unix.saturating_sub(seconds(purges.idempotency_records_after)),
            )?;
            Ok(Purged {
                uploads,
                idempotency_records,
            })
        })
        .await
}

/// Starts the purges on a timer (the first one right away); runs until the runtime
/// stops. A failed round is logged and retried at the next tick.
pub fn spawn_purges(state: AppState, purges: Purges) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(purges.every.max(Duration::from_millis(10)));
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            match purge_once(&state, purges, unix_now()).await {
                Ok(purged) if purged.uploads + purged.idempotency_records > 0 => {
                    tracing::info!(
                        uploads = purged.uploads,
                        idempotency_records = purged.idempotency_records,
                        "purged"
                    );
                }
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "purge failed"),
            }
        }
    })
}
