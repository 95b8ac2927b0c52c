//! `cc-server`: run the reference backend, import catalog data into it, or work on
//! cases through its staff API.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(name = "cc-server", about = "Reference backend of Contacto Ciudadano")]
struct Cli {
    /// SQLite database file (created and seeded on first start).
    #[arg(
        long,
        env = "CC_DB",
        default_value = "data/contacto.sqlite3",
        global = true
    )]
    db: PathBuf,
    /// Log as JSON lines instead of human-readable text.
    #[arg(long, env = "CC_LOG_JSON", global = true)]
    log_json: bool,
    #[command(subcommand)]
    command: Command,
}

/// Deadlines and limits of `serve` (see `cc_server::serve::Limits`).
#[derive(clap::Args)]
struct LimitArgs {
    /// Seconds a client has to send a request's headers (and an idle keep-alive
    /// connection is kept).
    #[arg(long, env = "CC_HEADER_TIMEOUT", default_value_t = 10)]
    header_timeout_secs: u64,
    /// Seconds a whole request may take (then `408`).
    #[arg(long, env = "CC_REQUEST_TIMEOUT", default_value_t = 60)]
    request_timeout_secs: u64,
    /// Connections served at once.
    #[arg(long, env = "CC_MAX_CONNECTIONS", default_value_t = 512)]
    max_connections: usize,
    /// Seconds in-flight requests get after SIGTERM before the process exits.
    #[arg(long, env = "CC_SHUTDOWN_DEADLINE", default_value_t = 10)]
    shutdown_deadline_secs: u64,
    /// MiB one client may upload per hour.
    #[arg(long, env = "CC_UPLOAD_QUOTA_CLIENT_MIB", default_value_t = 50)]
    upload_quota_client_mib: u64,
    /// MiB all clients together may upload per hour.
    #[arg(long, env = "CC_UPLOAD_QUOTA_TOTAL_MIB", default_value_t = 2048)]
    upload_quota_total_mib: u64,
    /// Hours after which uploads never linked to a case, and idempotency records, are
    /// purged (checked every 15 minutes).
    #[arg(long, env = "CC_PURGE_AFTER_HOURS", default_value_t = 24)]
    purge_after_hours: u64,
}

impl LimitArgs {
    fn limits(&self) -> cc_server::serve::Limits {
        use std::time::Duration;
        cc_server::serve::Limits {
            header_read_timeout: Duration::from_secs(self.header_timeout_secs.max(1)),
            request_timeout: Duration::from_secs(self.request_timeout_secs.max(1)),
            max_connections: self.max_connections.max(1),
            shutdown_deadline: Duration::from_secs(self.shutdown_deadline_secs),
        }
    }

    fn quotas(&self) -> cc_server::quota::Quotas {
        const MIB: u64 = 1024 * 1024;
        cc_server::quota::Quotas {
            per_client_bytes: self.upload_quota_client_mib.saturating_mul(MIB),
            total_bytes: self.upload_quota_total_mib.saturating_mul(MIB),
            ..Default::default()
        }
    }

    fn purges(&self) -> cc_server::maintenance::Purges {
        let after = std::time::Duration::from_secs(self.purge_after_hours.saturating_mul(3600));
        cc_server::maintenance::Purges {
            unlinked_uploads_after: after,
            idempotency_records_after: after,
            ..Default::default()
        }
    }
}

#[derive(Subcommand)]
enum StaffMemberCommand {
    /// Adds a member and prints their token, once: give it to them over a safe channel.
    Add { name: String },
    /// Lists members (never their tokens).
    List,
    /// Revokes a member's token at once.
    Revoke { name: String },
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API and the built app.
    Serve {
        #[arg(long, env = "CC_ADDR", default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// Directory of the built app (trunk's `dist`).
        #[arg(long, env = "CC_DIST", default_value = "dist")]
        dist: PathBuf,
        /// Deployment settings (JSON); the built-in demo deployment when absent.
        #[arg(long, env = "CC_DEPLOYMENT")]
        deployment: Option<PathBuf>,
        /// With the built-in deployment: let the local embedding demo (pages on
        /// 127.0.0.1:8081 and localhost:8081) frame the app.
        #[arg(long, env = "CC_DEMO_EMBED", value_parser = clap::builder::BoolishValueParser::new())]
        demo_embed: bool,
        /// Bootstrap token of the staff API (acts as member `bootstrap`; kept only
        /// hashed, never logged). Members get their own with `staff-member add`.
        #[arg(long, env = "CC_STAFF_TOKEN", hide_env_values = true)]
        staff_token: Option<String>,
        /// Address of the reverse proxy in front of the server: only from it is
        /// `X-Forwarded-For` believed (its last entry names the client).
        #[arg(long, env = "CC_TRUSTED_PROXY")]
        trusted_proxy: Option<std::net::IpAddr>,
        /// Origin of the app when it is hosted apart (`https://host[:port]`, repeat for
        /// more; env: comma-separated): its cross-origin API calls are allowed (CORS).
        /// Added to the deployment's `cors_origins`. None by default: same origin only.
        #[arg(long = "cors-origin", env = "CC_CORS_ORIGINS", value_delimiter = ',')]
        cors_origins: Vec<String>,
        /// Base URL of ONE Open311 GeoReport v2 server (e.g.
        /// https://city.example/open311/v2) that `/open311/v2/…` forwards to, for
        /// servers that send no CORS headers. Only the GeoReport v2 resources are
        /// forwarded (GET; POST on requests.json). None by default: no gateway.
        #[arg(long = "open311-gateway", env = "CC_OPEN311_GATEWAY")]
        open311_gateway: Option<String>,
        /// Add a synthetic, clearly fictitious case history (a year of made-up cases)
        /// once, so the transparency figures have something to show. Demo only.
        #[arg(long, env = "CC_DEMO_HISTORY", value_parser = clap::builder::BoolishValueParser::new())]
        demo_history: bool,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Work on cases through the staff API of a running server.
    Staff(cc_server::staff_cli::StaffArgs),
    /// Check a backend (any) against the API contract the way the app uses it; prints
    /// a pass/fail table and exits 1 on any failure. Files one marked test case.
    Conformance(cc_server::conformance::ConformanceArgs),
    /// Manage staff members' credentials in the database.
    StaffMember {
        #[command(subcommand)]
        command: StaffMemberCommand,
    },
    /// Write `NAME.br` (brotli 11) and `NAME.gz` (gzip 9) beside every compressible
    /// file of the built app, for `serve` to send to browsers that accept them.
    Compress {
        /// Directory of the built app (trunk's `dist`).
        #[arg(long, env = "CC_DIST", default_value = "dist")]
        dist: PathBuf,
    },
    /// Import procedures from gob.bo open-data JSONL into the database.
    ImportGobbo {
        /// The `.jsonl` file.
        file: PathBuf,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,tower_http=info"));
    if cli.log_json {
        tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter)
            .init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    match cli.command {
        Command::Serve {
            addr,
            dist,
            deployment,
            demo_embed,
            staff_token,
            trusted_proxy,
            cors_origins,
            open311_gateway,
            demo_history,
            limits,
        } => {
            let options = ServeOptions {
                demo_embed,
                demo_history,
                staff_token,
                trusted_proxy,
                cors_origins,
                open311_gateway,
                limits: limits.limits(),
                quotas: limits.quotas(),
                purges: limits.purges(),
            };
            serve(cli.db, addr, dist, deployment, options).await
        }
        Command::Staff(args) => staff(args).await,
        Command::Conformance(args) => {
            let result = tokio::task::spawn_blocking(move || {
                cc_server::conformance::run(&args, &mut std::io::stdout().lock())
            })
            .await?;
            std::process::exit(cc_server::conformance::exit_code(result));
        }
        Command::StaffMember { command } => staff_member(cli.db, command),
        Command::Compress { dist } => compress(&dist),
        Command::ImportGobbo { file } => import_gobbo(cli.db, file),
    }
}

/// What `serve` takes besides the paths.
struct ServeOptions {
    demo_embed: bool,
    demo_history: bool,
    staff_token: Option<String>,
    trusted_proxy: Option<std::net::IpAddr>,
    cors_origins: Vec<String>,
    open311_gateway: Option<String>,
    limits: cc_server::serve::Limits,
    quotas: cc_server::quota::Quotas,
    purges: cc_server::maintenance::Purges,
}

async fn serve(
    db: PathBuf,
    addr: SocketAddr,
    dist: PathBuf,
    deployment: Option<PathBuf>,
    options: ServeOptions,
) -> anyhow::Result<()> {
    let ServeOptions {
        demo_embed,
        demo_history,
        staff_token,
        trusted_proxy,
        cors_origins,
        open311_gateway,
        limits,
        quotas,
        purges,
    } = options;
    let deployment: cc_core::config::Deployment = match deployment {
        Some(path) => serde_json::from_str(&std::fs::read_to_string(path)?)?,
        None if demo_embed => cc_server::demo_deployment(),
        None => cc_server::default_deployment(),
    };
    let mut deployment = deployment;
    deployment.cors_origins.extend(cors_origins);
    // A wrong origin stops the start rather than serving without the app's access.
    cc_server::cors::layer(&deployment.cors_origins).map_err(anyhow::Error::msg)?;
    if !deployment.cors_origins.is_empty() {
        tracing::info!(origins = ?deployment.cors_origins, "CORS: the app may call from these origins");
    }
    // A wrong upstream URL stops the start, like a wrong CORS origin.
    let open311_gateway = match open311_gateway.as_deref().map(str::trim) {
        Some(base) if !base.is_empty() => {
            let gateway =
                cc_server::gateway::Gateway::new(base, cc_server::gateway::DEFAULT_TIMEOUT)
                    .map_err(anyhow::Error::msg)?;
            tracing::info!(
                upstream = gateway.base(),
                "Open311 gateway: /open311/v2/ forwards there"
            );
            Some(std::sync::Arc::new(gateway))
        }
        _ => None,
    };
    if !dist.join("index.html").exists() {
        tracing::warn!(dist = %dist.display(), "no built app found; serving the API only");
    }
    let mut state = cc_server::build_state(&db, deployment, Some(dist))?;
    state.trusted_proxy = trusted_proxy;
    state.uploads = std::sync::Arc::new(cc_server::quota::UploadQuota::new(quotas));
    state.open311_gateway = open311_gateway;
    if demo_history {
        cc_server::transparency::demo::seed_history_now(&state)?;
    }
    // Only the hash of the bootstrap token is kept; the token is never logged.
    match staff_token
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        Some(token) => {
            state.staff_bootstrap_hash = Some(cc_server::staff_members::token_hash(token).into());
            tracing::info!("bootstrap staff token configured (acts as member 'bootstrap')");
        }
        None => tracing::info!(
            "no bootstrap staff token; staff use their own (cc-server staff-member add NAME)"
        ),
    }
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(%addr, procedures = state.catalog.procedures.len(), "listening on http://{addr}");
    let purging = cc_server::maintenance::spawn_purges(state.clone(), purges);
    // The loop gives each request its client's address (for the per-client limits).
    cc_server::serve::serve(listener, cc_server::app(state), limits, shutdown_signal()).await?;
    purging.abort();
    tracing::info!("stopped");
    Ok(())
}

/// Runs the staff tool; its failures (a refused token, a field error) are shown as
/// one plain message, since they are answers for a person, not crashes.
async fn staff(args: cc_server::staff_cli::StaffArgs) -> anyhow::Result<()> {
    // ureq blocks: keep it off the async runtime's threads.
    let result = tokio::task::spawn_blocking(move || {
        cc_server::staff_cli::run(&args, &mut std::io::stdout().lock())
    })
    .await?;
    if let Err(e) = result {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM; in-flight requests then get the shutdown deadline.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}

fn staff_member(db: PathBuf, command: StaffMemberCommand) -> anyhow::Result<()> {
    use cc_server::staff_members;
    let conn = cc_server::db::open(&db)?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    match command {
        StaffMemberCommand::Add { name } => {
            let token = staff_members::add_member(&conn, &name, now)?;
            // Printed, not logged: this is the one time the token exists here.
            println!("{token}");
            eprintln!("Token of {name:?} shown once: only its hash is stored.");
        }
        StaffMemberCommand::List => {
            for m in staff_members::list_members(&conn)? {
                let state = match m.revoked_at {
                    Some(at) => format!("revoked {}", date_time(at)),
                    None => "active".to_owned(),
                };
                println!("{}\tadded {}\t{state}", m.name, date_time(m.created_at));
            }
        }
        StaffMemberCommand::Revoke { name } => {
            if !staff_members::revoke_member(&conn, &name, now)? {
                anyhow::bail!("no active member called {name:?}");
            }
            tracing::info!(target: "security", event = "staff_member_revoked", member = %name);
            println!("revoked {name}");
        }
    }
    Ok(())
}

/// `2026-11-25T10:00:00Z` for unix seconds.
fn date_time(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| unix.to_string())
}

fn compress(dist: &std::path::Path) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let report = cc_server::compress::compress_dir(dist)
        .map_err(|e| anyhow::anyhow!("compressing {}: {e}", dist.display()))?;
    let kib = |bytes: u64| bytes.div_ceil(1024);
    println!(
        "compressed {} files in {}: {} KiB -> brotli {} KiB, gzip {} KiB ({:.1} s; {} stale removed)",
        report.files,
        dist.display(),
        kib(report.raw_bytes),
        kib(report.br_bytes),
        kib(report.gz_bytes),
        started.elapsed().as_secs_f64(),
        report.removed,
    );
    Ok(())
}

fn import_gobbo(db: PathBuf, file: PathBuf) -> anyhow::Result<()> {
    let reader = std::io::BufReader::new(std::fs::File::open(&file)?);
    let report = cc_server::import::import_jsonl(reader);
    for (line, err) in &report.skipped {
        tracing::warn!(line, error = %err, "skipped");
    }
    let mut conn = cc_server::db::open(&db)?;
    cc_server::db::upsert_procedures(&mut conn, &report.procedures)?;
    tracing::info!(
        imported = report.procedures.len(),
        skipped = report.skipped.len(),
        "import finished"
    );
    Ok(())
}
