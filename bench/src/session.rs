//! A national-size catalog on a slow phone network: bytes and time to first results
//! of searching on the server (`GET /api/v1/catalog/search`, real responses built by
//! the same function the endpoint calls, brotli as the server sends them) against
//! downloading the whole index (`GET /api/v1/catalog/index`).
//!
//! Network model ("slow 4G" of browser dev tools): 150 ms round trip, 1.6 Mbit/s down,
//! connection already open (HTTP keep-alive), 400 bytes of headers per exchange. A
//! response up to one initial congestion window (14.6 KB) arrives in one round trip;
//! larger ones pay two more for TCP slow start, then the bandwidth. Phone CPU: four
//! times this machine's measured time (index build and search).

use std::io::Write;
use std::time::Instant;

use cc_core::api::ProcedureQuery;
use cc_core::catalog::CatalogIndex;
use cc_core::search::{search_mode, search_page, SearchIndex};

use crate::catalogs::expand;

const RTT_MS: f64 = 150.0;
const BYTES_PER_MS: f64 = 1.6e6 / 8.0 / 1000.0;
const HEADERS: usize = 400;
const INITIAL_WINDOW: usize = 14_600;
const PHONE_SLOWDOWN: f64 = 4.0;
/// tower-http's default brotli level for responses compressed on the fly.
const BROTLI_QUALITY: u32 = 4;

/// What a person types in one visit: five searches, each sent once typing pauses.
const SESSION: &[&str] = &[
    "licencia de conducir",
    "quiero renovar mi pasaporte",
    "cómo inscribo a mi hijo en la escuela",
    "certificado de nacimiento",
    "jubilacion",
];

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, BROTLI_QUALITY, 22);
        w.write_all(bytes).expect("in memory");
    }
    out.len()
}

/// Modelled milliseconds to receive a response of `bytes` once it is requested.
fn transfer_ms(bytes: usize) -> f64 {
    let slow_start = if bytes > INITIAL_WINDOW { 2.0 } else { 0.0 };
    RTT_MS * (1.0 + slow_start) + (bytes + HEADERS) as f64 / BYTES_PER_MS
}

pub fn report(real: &CatalogIndex) {
    println!();
    println!(
        "== server search vs whole index on slow 4G (RTT 150 ms, 1.6 Mbit/s; see session.rs) =="
    );
    println!(
        "{:>7} {:>6} | {:>14} {:>16} | {:>16} {:>18}",
        "size", "mode", "index brotli", "first results", "5 queries bytes", "slowest of 5"
    );
    for size in [2_000, 50_000] {
        let catalog = expand(real, size);
        let t = Instant::now();
        let index = SearchIndex::new(&catalog);
        let build_ms = t.elapsed().as_secs_f64() * 1e3;
        let wire = serde_json::to_vec(&catalog).expect("json");
        let index_bytes = brotli(&wire);
        let mut session_bytes = 0;
        let mut after_keystroke = Vec::new();
        let mut first_search_ms = 0.0;
        for (i, q) in SESSION.iter().enumerate() {
            let query = ProcedureQuery {
                q: Some(q.to_string()),
                ..Default::default()
            };
            let t = Instant::now();
            let page = search_page(&index, &catalog, &query).expect("page");
            let body = serde_json::to_vec(&page).expect("json");
            let server_ms = t.elapsed().as_secs_f64() * 1e3;
            let bytes = brotli(&body);
            if i == 0 {
                first_search_ms = server_ms;
            }
            session_bytes += bytes + HEADERS;
            after_keystroke.push(transfer_ms(bytes) + server_ms);
        }
        after_keystroke.sort_by(f64::total_cmp);
        let local_first = transfer_ms(index_bytes) + (build_ms + first_search_ms) * PHONE_SLOWDOWN;
        println!(
            "{:>7} {:>6} | {:>11.0} KB {:>13.0} ms | {:>13.1} KB {:>15.0} ms",
            size,
            format!("{:?}", search_mode(size)),
            index_bytes as f64 / 1024.0,
            local_first,
            session_bytes as f64 / 1024.0,
            after_keystroke[after_keystroke.len() - 1]
        );
    }
    println!("(mode: what cc_core::search::search_mode picks; index: download + build + first");
    println!(
        " search on a phone, once per visit; server: each query's response after typing stops)"
    );
}
