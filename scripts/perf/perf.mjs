// `make perf`: a benchmark, not a test — it prints figures and never fails on them.
//
// Starts the release server (fresh SQLite file, demo data, demo embed origins) on a free
// port and, for each page:
//   1. runs Lighthouse 12.8.2 (mobile preset) PERF_RUNS times (default 5), one run
//      at a time, and takes the median of each figure;
//   2. loads the page once in Chromium (playwright-core) on an emulated phone
//      (4x CPU, 562.5 ms latency, 1.6 Mbps) and lists every response that finished
//      before the app's `performance.mark("app-ready")` (set right after mount): raw,
//      gzip -9 and brotli 11 sizes of each body (computed here) and the bytes really
//      transferred.
// Prints markdown tables and writes scripts/perf/results/latest.json.
//
// Environment: PERF_RUNS=N, PERF_PAGES=home,search,... (names below, or paths such as
// /tramites), SERVER_BIN, DIST, CHROMIUM.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const SERVER_BIN = resolve(ROOT, process.env.SERVER_BIN
  ?? join(process.env.CARGO_TARGET_DIR ?? 'target', 'release', 'cc-server'));
const DIST = resolve(ROOT, process.env.DIST ?? 'dist');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const LIGHTHOUSE = join(HERE, 'node_modules', 'lighthouse', 'cli', 'index.js');
const RESULTS = join(HERE, 'results');
const RUNS = Math.max(1, Number.parseInt(process.env.PERF_RUNS ?? '5', 10) || 5);
// Chromium as it works on these machines (root, closed network).
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// The slow-4G phone of Lighthouse's mobile preset, applied for real (not simulated).
const PHONE = {
  viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true,
};
const THROTTLE = {
  cpu: 4,
  network: {
    offline: false, latency: 562.5,
    downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8,
  },
};

const PAGES = [
  { name: 'home', path: () => '/' },
  { name: 'search', path: () => '/tramites?q=licencia' },
  { name: 'procedure', path: (ctx) => `/tramites/${ctx.slug}` },
  { name: 'wizard', path: () => '/contacto/tipo' },
  { name: 'tracking', path: () => '/seguimiento' },
  // What the agencies' button loads in its dialog's iframe (public/embed.js). Opened
  // as a page of its own, as Lighthouse does, it goes on into the wizard.
  {
    name: 'embed',
    path: () => `/embed/contacto?${new URLSearchParams({ origen: 'http://127.0.0.1:8081', idioma: 'es', entidad: 'MDT' })}`,
  },
];

// ---- helpers ----

const median = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};
const kib = (bytes) => (bytes == null ? '–' : `${(bytes / 1024).toFixed(1)} KiB`);
const secs = (ms) => (ms == null ? '–' : `${(ms / 1000).toFixed(2)} s`);
const millis = (ms) => (ms == null ? '–' : `${Math.round(ms)} ms`);
const score = (s) => (s == null ? '–' : String(Math.round(s)));
const cls = (v) => (v == null ? '–' : v.toFixed(3));
const table = (head, rows) => [
  `| ${head.join(' | ')} |`,
  `| ${head.map((h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
const log = (...a) => console.error(...a);

async function freePort() {
  return new Promise((ok, fail) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

/** cc-server as the end-to-end tests start it: fresh database, demo data and embed. */
async function startServer() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cc-perf-'));
  const db = join(dir, 'perf.sqlite3');
  const child = spawn(SERVER_BIN, ['--db', db, 'serve', '--addr', `127.0.0.1:${port}`, '--dist', DIST], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, RUST_LOG: 'warn', CC_DEMO_EMBED: '1' },
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  let up = false;
  for (let i = 0; i < 300 && !up; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      up = (await fetch(`${base}/api/v1/config`)).ok;
    } catch { /* not up yet */ }
    if (!up) await new Promise((r) => setTimeout(r, 100));
  }
  if (!up) throw new Error(`server did not answer on ${base}: ${stderr}`);
  return {
    base,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A real procedure of the served catalog: the tests' passport one when there. */
async function pickProcedure(base) {
  const index = await (await fetch(`${base}/api/v1/catalog/index`)).json();
  const slugs = (index.procedures ?? []).map((p) => p.slug).filter(Boolean);
  if (!slugs.length) throw new Error('the catalog has no procedures');
  return slugs.includes('pasaporte-ordinario') ? 'pasaporte-ordinario' : slugs[0];
}

function selectedPages() {
  const wanted = (process.env.PERF_PAGES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!wanted.length) return PAGES;
  return wanted.map((w) => PAGES.find((p) => p.name === w)
    ?? (w.startsWith('/') ? { name: w, path: () => w } : null)
    ?? (() => { throw new Error(`unknown page ${w} (one of ${PAGES.map((p) => p.name).join(', ')}, or a path)`); })());
}

// ---- Lighthouse ----

/** One Lighthouse run (its own fresh Chromium and profile); resolves to the LHR. */
function lighthouseRun(url) {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [LIGHTHOUSE, url,
      `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
      '--only-categories=performance,accessibility',
      '--output=json', '--output-path=stdout', '--quiet'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CHROME_PATH: CHROMIUM },
    });
    const out = [];
    let err = '';
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`lighthouse exited with ${code}: ${err.slice(-2000)}`));
      try {
        ok(JSON.parse(Buffer.concat(out).toString('utf8')));
      } catch (e) {
        fail(new Error(`lighthouse output is not JSON: ${e}`));
      }
    });
  });
}

/** The elements (selector, snippet, label) named anywhere in an audit's details. */
function nodesIn(details, out = []) {
  if (!details || typeof details !== 'object') return out;
  if (details.type === 'node') {
    out.push({ selector: details.selector, snippet: details.snippet, label: details.nodeLabel });
    return out;
  }
  for (const value of Object.values(details)) {
    if (value && typeof value === 'object') nodesIn(value, out);
  }
  return out;
}

/** Layout shifts of a run: each shifted element with its score and causes. */
function layoutShifts(lhr) {
  const items = lhr.audits['layout-shifts']?.details?.items ?? [];
  return items.map((item) => ({
    element: nodesIn(item.node)[0] ?? null,
    score: item.score,
    causes: (item.subItems?.items ?? []).map((s) => ({ cause: s.cause, element: nodesIn(s.extra)[0] ?? null })),
  }));
}

async function lighthouse(url) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const started = Date.now();
    const lhr = await lighthouseRun(url);
    if (lhr.runtimeError) log(`  run ${i + 1}: runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    runs.push(lhr);
    log(`  lighthouse run ${i + 1}/${RUNS}: performance ${score(lhr.categories.performance?.score * 100)}, `
      + `LCP ${secs(lhr.audits['largest-contentful-paint']?.numericValue)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  const numeric = (id) => runs.map((r) => r.audits[id]?.numericValue);
  const medianRun = (() => {
    try { return computeMedianRun(runs); } catch { return runs[0]; }
  })();
  return {
    runs: runs.length,
    performance: median(runs.map((r) => (r.categories.performance?.score ?? NaN) * 100)),
    accessibility: median(runs.map((r) => (r.categories.accessibility?.score ?? NaN) * 100)),
    fcp_ms: median(numeric('first-contentful-paint')),
    lcp_ms: median(numeric('largest-contentful-paint')),
    tbt_ms: median(numeric('total-blocking-time')),
    cls: median(numeric('cumulative-layout-shift')),
    transfer_bytes: median(numeric('total-byte-weight')),
    // From the median run (Lighthouse's own choice of the representative run).
    lcp_element: nodesIn(medianRun.audits['largest-contentful-paint-element']?.details)[0] ?? null,
    layout_shifts: layoutShifts(medianRun),
    accessibility_failures: Object.values(medianRun.audits)
      .filter((a) => a.score === 0 && medianRun.categories.accessibility?.auditRefs.some((r) => r.id === a.id))
      .map((a) => a.id),
    per_run: runs.map((r) => ({
      performance: r.categories.performance?.score * 100,
      accessibility: r.categories.accessibility?.score * 100,
      fcp_ms: r.audits['first-contentful-paint']?.numericValue,
      lcp_ms: r.audits['largest-contentful-paint']?.numericValue,
      tbt_ms: r.audits['total-blocking-time']?.numericValue,
      cls: r.audits['cumulative-layout-shift']?.numericValue,
      transfer_bytes: r.audits['total-byte-weight']?.numericValue,
      lighthouse_version: r.lighthouseVersion,
      runtime_error: r.runtimeError?.code ?? null,
    })),
  };
}

// ---- Bytes before "usable" ----

const compressedSizes = new Map();
function sizes(url, body) {
  const key = `${url} ${body.length}`;
  if (!compressedSizes.has(key)) {
    compressedSizes.set(key, {
      gzip9: zlib.gzipSync(body, { level: 9 }).length,
      brotli11: zlib.brotliCompressSync(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }).length,
    });
  }
  return compressedSizes.get(key);
}

async function bytesBeforeReady(browser, url) {
  const context = await browser.newContext(PHONE); // a new context: empty cache
  const page = await context.newPage();
  const responses = new Map();
  page.on('response', (response) => {
    responses.set(response.url(), (async () => {
      const headers = await response.allHeaders().catch(() => ({}));
      const requestHeaders = await response.request().allHeaders().catch(() => ({}));
      const body = await response.body().catch(() => Buffer.alloc(0));
      return { status: response.status(), headers, requestHeaders, body };
    })());
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', THROTTLE.network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpu });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0, null, { timeout: 120000 });
  const timing = await page.evaluate(() => {
    const entry = (e, type) => ({
      url: e.name, type, start: e.startTime, end: e.responseEnd,
      transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize,
    });
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      ready: performance.getEntriesByName('app-ready')[0].startTime,
      entries: [entry(nav, 'document'), ...performance.getEntriesByType('resource').map((e) => entry(e, e.initiatorType))],
    };
  });
  // What the page goes on to download (data asked after mount) until the network rests.
  await page.waitForLoadState('networkidle', { timeout: 120000 }).catch(() => {});
  const allTransfer = await page.evaluate(() => [
    ...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource'),
  ].reduce((sum, e) => sum + (e.transferSize ?? 0), 0));
  const before = timing.entries.filter((e) => e.end > 0 && e.end <= timing.ready);
  const list = [];
  for (const e of before) {
    const r = await responses.get(e.url);
    const body = r?.body ?? Buffer.alloc(0);
    const { gzip9, brotli11 } = sizes(e.url, body);
    list.push({
      url: e.url.replace(new URL(url).origin, ''),
      type: e.type,
      status: r?.status ?? null,
      content_type: r?.headers['content-type'] ?? null,
      content_encoding: r?.headers['content-encoding'] ?? null,
      accept_encoding: r?.requestHeaders['accept-encoding'] ?? null,
      raw: body.length,
      gzip9,
      brotli11,
      transferred: e.transfer,
      encoded_body: e.encoded,
      done_ms: Math.round(e.end),
    });
  }
  await context.close();
  const sum = (k) => list.reduce((s, x) => s + (x[k] ?? 0), 0);
  return {
    ready_ms: Math.round(timing.ready),
    requests: list.length,
    raw: sum('raw'),
    gzip9: sum('gzip9'),
    brotli11: sum('brotli11'),
    transferred: sum('transferred'),
    after_idle_transferred: allTransfer,
    responses: list,
  };
}

// ---- main ----

async function main() {
  if (!existsSync(SERVER_BIN)) throw new Error(`no server at ${SERVER_BIN}: run make server`);
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`no built app in ${DIST}: run make app`);
  if (!readdirSync(DIST).some((f) => f.endsWith('.br'))) log(`note: no .br files in ${DIST} (make app writes them)`);
  const server = await startServer();
  let browser;
  const results = {
    date: new Date().toISOString(),
    lighthouse: '12.8.2 (mobile preset, simulated slow 4G, 4x CPU)',
    runs_per_page: RUNS,
    usable_at: 'performance.mark("app-ready") right after mount (src/main.rs)',
    phone: { ...PHONE, throttle: THROTTLE },
    pages: [],
  };
  const stop = async () => {
    await browser?.close().catch(() => {});
    await server.stop();
  };
  process.once('SIGINT', () => { stop().finally(() => process.exit(130)); });
  try {
    const ctx = { slug: await pickProcedure(server.base) };
    const pages = selectedPages();
    for (const p of pages) {
      const path = p.path(ctx);
      const url = `${server.base}${path}`;
      log(`${p.name}: ${path}`);
      const lh = await lighthouse(url);
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS.filter((f) => !f.startsWith('--headless')) });
      const bytes = await bytesBeforeReady(browser, url);
      await browser.close();
      browser = undefined;
      log(`  before app-ready (${millis(bytes.ready_ms)} on the emulated phone): ${bytes.requests} responses, `
        + `${kib(bytes.raw)} raw, ${kib(bytes.gzip9)} gzip -9, ${kib(bytes.brotli11)} brotli 11, ${kib(bytes.transferred)} transferred`);
      for (const r of bytes.responses) {
        log(`    ${r.url.padEnd(60).slice(0, 60)} ${String(r.content_encoding ?? 'identity').padEnd(8)} `
          + `raw ${kib(r.raw).padStart(10)}  gz ${kib(r.gzip9).padStart(10)}  br ${kib(r.brotli11).padStart(10)}  sent ${kib(r.transferred).padStart(10)}`);
      }
      results.pages.push({ name: p.name, path, lighthouse: lh, before_ready: bytes });
    }
  } finally {
    await stop();
  }

  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);

  const lhTable = table(
    ['Page', 'Performance', 'Accessibility', 'FCP', 'LCP', 'TBT', 'CLS', 'Transferred'],
    results.pages.map(({ path, lighthouse: l }) => [
      `\`${path.length > 40 ? `${path.slice(0, 40)}…` : path}\``, score(l.performance), score(l.accessibility),
      secs(l.fcp_ms), secs(l.lcp_ms), millis(l.tbt_ms), cls(l.cls), kib(l.transfer_bytes),
    ]),
  );
  const bytesTable = table(
    ['Page', 'Responses', 'Raw', 'gzip -9', 'brotli 11', 'Transferred', 'app-ready (phone)', 'Transferred until idle'],
    results.pages.map(({ path, before_ready: b }) => [
      `\`${path.length > 40 ? `${path.slice(0, 40)}…` : path}\``, String(b.requests), kib(b.raw), kib(b.gzip9),
      kib(b.brotli11), kib(b.transferred), millis(b.ready_ms), kib(b.after_idle_transferred),
    ]),
  );
  const elements = results.pages.map(({ path, lighthouse: l }) => {
    const lcp = l.lcp_element ? `LCP element \`${l.lcp_element.selector}\` (${l.lcp_element.label ?? ''})` : 'no LCP element reported';
    const shifts = l.layout_shifts.length
      ? l.layout_shifts.map((s) => `\`${s.element?.selector ?? '?'}\` ${s.score?.toFixed(3)}`).join(', ')
      : 'no layout shifts';
    return `- \`${path}\`: ${lcp}; ${shifts}`;
  });
  console.log(`\nLighthouse ${results.lighthouse}, median of ${RUNS} run(s) per page:\n`);
  console.log(lhTable);
  console.log('\nBytes downloaded before `app-ready` (sizes of each body computed here; "Transferred" = what the server really sent, headers included):\n');
  console.log(bytesTable);
  console.log('\nLargest contentful paint and layout shifts (median run):\n');
  console.log(elements.join('\n'));
  console.log(`\nJSON: ${join(RESULTS, 'latest.json')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
