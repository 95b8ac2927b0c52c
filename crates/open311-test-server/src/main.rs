//! `open311-test-server`: serves the in-memory GeoReport v2 server until stopped.

use std::net::SocketAddr;

use clap::Parser;

#[derive(Parser)]
#[command(
    name = "open311-test-server",
    about = "In-memory Open311 GeoReport v2 server (JSON) for testing clients"
)]
struct Cli {
    /// Address to listen on (port 0: any free port; the line printed names it).
    #[arg(long, env = "OPEN311_ADDR", default_value = "127.0.0.1:8311")]
    addr: SocketAddr,
    /// Require this `api_key` on `POST requests.json` (403 otherwise).
    #[arg(long, env = "OPEN311_API_KEY", hide_env_values = true)]
    api_key: Option<String>,
    /// Serve only this `jurisdiction_id` (any other given value: 404).
    #[arg(long, env = "OPEN311_JURISDICTION")]
    jurisdiction: Option<String>,
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let cli = Cli::parse();
    let config = open311_test_server::Config {
        api_key: cli.api_key,
        jurisdiction: cli.jurisdiction,
    };
    let listener = tokio::net::TcpListener::bind(cli.addr).await?;
    let addr = listener.local_addr()?;
    // End-to-end tests wait for this exact line before sending anything.
    println!("listening on http://{addr}");
    use std::io::Write;
    std::io::stdout().flush()?;
    axum::serve(listener, open311_test_server::app(config))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
