// Shared harness of the end-to-end tests: starts the real reference server on a free
// port with a fresh SQLite file, launches Debian's Chromium, and runs axe-core.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

const SERVER_BIN = resolve(process.env.SERVER_BIN ?? '../../target/release/cc-server');
export const DIST = resolve(process.env.DIST ?? '../../dist');
const AXE_SOURCE = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
export const ARTIFACTS = resolve('artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export const VIEWPORTS = [
  { width: 360, height: 640 },
  { width: 1280, height: 800 },
];

export { SERVER_BIN };

export async function freePort() {
  return new Promise((ok, fail) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

/** Starts cc-server; resolves once `/api/v1/config` answers. `port` and `dist` default
 *  to a free port and the built app (a restart on the same port is the same origin for
 *  the browser: same storage, same service worker). */
export async function startServer(extraArgs = [], env = {}, { port, dist = DIST } = {}) {
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cc-e2e-'));
  const db = join(dir, 'e2e.sqlite3');
  const child = spawn(SERVER_BIN, ['--db', db, 'serve', '--addr', `127.0.0.1:${port}`, '--dist', dist, ...extraArgs], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, RUST_LOG: 'warn', ...env },
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      const r = await fetch(`${base}/api/v1/config`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base, db, port,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    },
  };
}

/** The usual set-up of a test file: one server on a fresh database and one browser,
 *  started before the file's tests and stopped after them. The returned object's
 *  `server` and `browser` are set once `before` has run. */
export function serverAndBrowser(extraArgs = [], env = {}) {
  const h = { server: null, browser: null };
  before(async () => {
    h.server = await startServer(extraArgs, env);
    h.browser = await launchBrowser();
  });
  after(async () => {
    await h.browser?.close();
    await h.server?.stop();
  });
  return h;
}

/** Chromium as TOOLCHAIN.md says it works here (root, closed network). */
const CHROMIUM = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export async function launchBrowser() {
  return chromium.launch(CHROMIUM);
}

/** The same Chromium with a profile on disk (a fresh one in a temporary folder): what
 *  needs a non-incognito profile, such as the "install app" checks. Returns a context. */
export async function launchProfileBrowser(viewport = VIEWPORTS[0]) {
  const dir = mkdtempSync(join(tmpdir(), 'cc-profile-'));
  return chromium.launchPersistentContext(dir, { ...CHROMIUM, viewport });
}

/** A page that fails the test on any uncaught error or Rust panic in the console. */
export async function newPage(browser, viewport = VIEWPORTS[0]) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && /panicked|RuntimeError|unreachable/.test(m.text())) page.errors.push(m.text());
  });
  return page;
}

/** Waits until the app mounted and the current screen finished loading. */
export async function settled(page) {
  await page.waitForSelector('h1');
  await page.waitForFunction(() => !document.querySelector('.cc-loading'), null, { timeout: 15000 });
}

/** Runs axe-core with the WCAG 2.2 AA tags; returns the violations. */
export async function axe(page) {
  // Evaluated through the devtools protocol: the app's strict CSP (rightly) refuses
  // an injected inline <script>.
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
}

/** Asserts 0 axe violations, with a readable failure. */
export async function expectAccessible(assert, page, label) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `axe violations on ${label}: ${JSON.stringify(violations, null, 2)}`);
  return violations.length;
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/** Runs a read-only SQL query on the server's SQLite file with Python's sqlite3
 *  (in every CPython), so tests check what really landed in the database. */
import { execFileSync } from 'node:child_process';
export function sql(db, query) {
  const out = execFileSync('python3', ['-c',
    'import sqlite3,sys,json; c=sqlite3.connect(sys.argv[1]); print(json.dumps(c.execute(sys.argv[2]).fetchall()))',
    db, query]);
  return JSON.parse(out.toString());
}

/** Presses Tab until the focused element matches `selector` (keyboard-only flows). */
export async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

/** Serves a neutral page for the quick-exit destination (the network is closed). */
export async function routeNeutralSite(page) {
  await page.context().route('https://www.google.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html lang="en"><title>Neutral</title><h1>Neutral</h1></html>' }));
}

async function submitStep(page) {
  const before = page.url();
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.waitForURL((u) => u.href !== before);
}

/** Fills the wizard for a queja with the mouse, up to the check-answers page. */
export async function fillQueja(page, base, { description = 'En la ventanilla 3 me atendieron con gritos y no me dieron el turno.' } = {}) {
  await page.goto(`${base}/contacto/tipo`);
  await page.getByLabel('Queja').check();
  await submitStep(page);
  await page.locator('input[name=agency]').first().check();
  await submitStep(page);
  await page.getByLabel('Cuéntenos qué pasó').fill(description);
  await submitStep(page);
  await submitStep(page); // attachments: none
  await page.getByLabel('Con mi nombre', { exact: true }).check();
  await page.getByLabel('Nombre completo').fill('Ana Quispe');
  await page.getByLabel('Correo electrónico').fill('ana@ejemplo.com');
  await submitStep(page);
  await page.getByLabel(/Acepto que la entidad/).check();
  await submitStep(page);
  await page.waitForURL(/\/contacto\/revisar$/);
}

/** A tiny valid PNG (1x1), for attachment uploads. */
export const PNG_1X1 = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
  '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

/** The axe-core source, for documents the helpers above do not reach. */
export { AXE_SOURCE };

/** Runs axe-core (WCAG 2.2 AA tags) in a page *or a frame* (e.g. the embed dialog's
 *  cross-origin iframe), injecting it there first; `options` are merged into axe.run's. */
export async function axeIn(target, options = {}) {
  if (!(await target.evaluate(() => !!window.axe))) await target.evaluate(AXE_SOURCE);
  return target.evaluate(async (extra) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      ...extra,
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  }, options);
}

/** Asserts 0 axe violations in a page or frame, with a readable failure. */
export async function expectAccessibleIn(assert, target, label, options = {}) {
  const violations = await axeIn(target, options);
  assert.deepEqual(violations, [], `axe violations on ${label}: ${JSON.stringify(violations, null, 2)}`);
  return violations.length;
}
