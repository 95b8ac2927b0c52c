//! A bounded load test on loopback: starts the server on a fresh temporary database,
//! files cases from many clients while attackers guess access codes and slow clients
//! hold sockets by sending headers a byte at a time, then prints what it saw.
//!
//! ```text
//! cargo run --release -p cc-server --example load -- --cases 1000 --clients 32
//! ```
//!
//! Bounded: a fixed number of filings and a time limit (`--max-secs`); it stops by
//! itself. Loopback only: the server it starts listens on 127.0.0.1 and nothing else is
//! contacted.

use std::io::Write;
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::Parser;
use serde_json::json;

#[derive(Parser)]
#[command(about = "Bounded loopback load test of cc-server")]
struct Args {
    /// Cases to file.
    #[arg(long, default_value_t = 1000)]
    cases: usize,
    /// Concurrent filing clients.
    #[arg(long, default_value_t = 32)]
    clients: usize,
    /// Clients guessing access codes meanwhile.
    #[arg(long, default_value_t = 4)]
    attackers: usize,
    /// Clients holding sockets by sending headers slowly.
    #[arg(long, default_value_t = 64)]
    slow: usize,
    /// Header-read deadline of the server under test, in seconds.
    #[arg(long, default_value_t = 1)]
    header_timeout_secs: u64,
    /// Stop after this long whatever happened.
    #[arg(long, default_value_t = 120)]
    max_secs: u64,
}

#[derive(Default)]
struct Tally {
    filed: AtomicUsize,
    filing_errors: AtomicUsize,
    guesses_checked: AtomicUsize,
    guesses_refused: AtomicUsize,
    guess_errors: AtomicUsize,
    slow_cut_off: AtomicUsize,
    latencies: Mutex<Vec<Duration>>,
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

fn case_body(i: usize) -> serde_json::Value {
    json!({
        "case_type": "queja",
        "agency": "MDT",
        "description": format!("Prueba de carga número {i}: me atendieron tarde y mal."),
        "identity": "identified",
        "name": "Ana Pérez",
        "email": "ana.perez@example.com",
        "consent": true,
        "language": "es"
    })
}

fn filer(
    base: String,
    next: Arc<AtomicUsize>,
    total: usize,
    tally: Arc<Tally>,
    stop: Arc<AtomicBool>,
) {
    let agent = agent();
    loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        if i >= total || stop.load(Ordering::Relaxed) {
            return;
        }
        let started = Instant::now();
        let answer = agent
            .post(format!("{base}/api/v1/cases"))
            .header("Idempotency-Key", format!("carga-{i:08}-clave"))
            .send_json(case_body(i));
        let took = started.elapsed();
        match answer {
            Ok(response) if response.status().as_u16() == 201 => {
                tally.filed.fetch_add(1, Ordering::Relaxed);
                if let Ok(mut l) = tally.latencies.lock() {
                    l.push(took);
                }
            }
            _ => {
                tally.filing_errors.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
}

fn attacker(base: String, n: usize, tally: Arc<Tally>, done: Arc<AtomicBool>) {
    let agent = agent();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let year = cc_core::intake::dates::Date::from_unix_seconds(now).year;
    // Each attacker sweeps its own range of the tickets being issued.
    let mut attempt = n * 250;
    while !done.load(Ordering::Relaxed) {
        attempt += 1;
        let body = json!({
            "ticket": format!("MDT-QUE-{year}-{:05}", attempt % 1000 + 1),
            "access_code": "2222-3333-4444",
        });
        let answer = agent
            .post(format!("{base}/api/v1/cases/lookup"))
            .send_json(body);
        match answer.map(|r| r.status().as_u16()) {
            Ok(404) => tally.guesses_checked.fetch_add(1, Ordering::Relaxed),
            Ok(429) => tally.guesses_refused.fetch_add(1, Ordering::Relaxed),
            _ => tally.guess_errors.fetch_add(1, Ordering::Relaxed),
        };
    }
}

/// Sends a request's headers a byte every half second, reconnecting when cut off.
fn slow_client(addr: SocketAddr, tally: Arc<Tally>, done: Arc<AtomicBool>) {
    let request = b"GET /api/v1/config HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
    while !done.load(Ordering::Relaxed) {
        let Ok(mut stream) = TcpStream::connect(addr) else {
            std::thread::sleep(Duration::from_millis(200));
            continue;
        };
        for byte in request.iter().chain(std::iter::repeat(&b'a')) {
            if done.load(Ordering::Relaxed) {
                return;
            }
            if stream.write_all(&[*byte]).is_err() {
                tally.slow_cut_off.fetch_add(1, Ordering::Relaxed);
                break;
            }
            std::thread::sleep(Duration::from_millis(500));
        }
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let dir = tempfile::tempdir()?;
    let state = cc_server::build_state(
        &dir.path().join("load.sqlite3"),
        cc_server::default_deployment(),
        None,
    )?;
    let db = state.db.clone();
    let runtime = tokio::runtime::Runtime::new()?;
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))?;
    let addr = listener.local_addr()?;
    let limits = cc_server::serve::Limits {
        header_read_timeout: Duration::from_secs(args.header_timeout_secs),
        ..Default::default()
    };
    let (stop_server, server_stopped) = tokio::sync::oneshot::channel::<()>();
    let server = runtime.spawn(cc_server::serve::serve(
        listener,
        cc_server::app(state),
        limits,
        async {
            let _ = server_stopped.await;
        },
    ));
    let base = format!("http://{addr}");
    println!(
        "server on {base}: {} cases, {} clients, {} attackers, {} slow clients",
        args.cases, args.clients, args.attackers, args.slow
    );

    let tally = Arc::new(Tally::default());
    let done = Arc::new(AtomicBool::new(false));
    let timed_out = Arc::new(AtomicBool::new(false));
    let mut background = Vec::new();
    for _ in 0..args.slow {
        let (tally, done) = (tally.clone(), done.clone());
        background.push(std::thread::spawn(move || slow_client(addr, tally, done)));
    }
    for n in 0..args.attackers {
        let (base, tally, done) = (base.clone(), tally.clone(), done.clone());
        background.push(std::thread::spawn(move || attacker(base, n, tally, done)));
    }
    // Let the slow clients take their sockets first.
    std::thread::sleep(Duration::from_millis(300));

    let started = Instant::now();
    let next = Arc::new(AtomicUsize::new(0));
    let filers: Vec<_> = (0..args.clients)
        .map(|_| {
            let (base, next, tally, stop) =
                (base.clone(), next.clone(), tally.clone(), timed_out.clone());
            let total = args.cases;
            std::thread::spawn(move || filer(base, next, total, tally, stop))
        })
        .collect();
    let deadline = started + Duration::from_secs(args.max_secs);
    while next.load(Ordering::Relaxed) < args.cases + args.clients && Instant::now() < deadline {
        if filers.iter().all(|f| f.is_finished()) {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    if Instant::now() >= deadline {
        timed_out.store(true, Ordering::Relaxed);
    }
    for filer in filers {
        let _ = filer.join();
    }
    let elapsed = started.elapsed();
    done.store(true, Ordering::Relaxed);
    for thread in background {
        let _ = thread.join();
    }
    let _ = stop_server.send(());
    let _ = runtime.block_on(server);

    let in_db = {
        let conn = db
            .lock()
            .map_err(|_| anyhow::anyhow!("database lock poisoned"))?;
        cc_server::cases::count_cases(&conn)?
    };
    let mut latencies = tally
        .latencies
        .lock()
        .map_err(|_| anyhow::anyhow!("lock"))?
        .clone();
    latencies.sort();
    let filed = tally.filed.load(Ordering::Relaxed);
    println!(
        "elapsed              {:.2} s{}",
        elapsed.as_secs_f64(),
        if timed_out.load(Ordering::Relaxed) {
            " (time limit reached)"
        } else {
            ""
        }
    );
    println!("filings accepted     {filed}");
    println!(
        "filings/s            {:.1}",
        filed as f64 / elapsed.as_secs_f64()
    );
    println!(
        "latency p50          {:.1} ms",
        percentile(&latencies, 50.0).as_secs_f64() * 1e3
    );
    println!(
        "latency p99          {:.1} ms",
        percentile(&latencies, 99.0).as_secs_f64() * 1e3
    );
    println!(
        "latency max          {:.1} ms",
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1e3
    );
    println!("cases in database    {in_db}");
    println!(
        "filing errors        {}",
        tally.filing_errors.load(Ordering::Relaxed)
    );
    println!(
        "guesses checked      {} (404)",
        tally.guesses_checked.load(Ordering::Relaxed)
    );
    println!(
        "guesses refused      {} (429)",
        tally.guesses_refused.load(Ordering::Relaxed)
    );
    println!(
        "guess errors         {}",
        tally.guess_errors.load(Ordering::Relaxed)
    );
    println!(
        "slow clients cut off {}",
        tally.slow_cut_off.load(Ordering::Relaxed)
    );
    let consistent = in_db == filed;
    println!(
        "database = accepted  {}",
        if consistent { "yes" } else { "NO" }
    );
    if !consistent || tally.filing_errors.load(Ordering::Relaxed) > 0 {
        std::process::exit(1);
    }
    Ok(())
}
