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

/** Waits until `check()` (sync or async) is true, polled, or fails after `timeout` ms
 *  naming `what`: for what happens in the background (the database, a worker). */
export async function until(check, what, timeout = 20000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Presses "Continuar" and waits for the next step's address. */
export async function submitStep(page) {
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
  await fromAttachmentsToReview(page);
}

/** From the attachments step to the check-answers page: no files, with Ana's name and
 *  e-mail, consent given. */
export async function fromAttachmentsToReview(page) {
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

// ---- What assistive technology gets (assistive.test.js) ----
// Checks return a list of problems, each naming the screen and the node, so one run
// reports everything wrong on a screen instead of stopping at the first.

/** The devtools session of a page (one per page, kept on it). */
async function cdpOf(page) {
  page.cdp ??= await page.context().newCDPSession(page);
  return page.cdp;
}

const propsOf = (n) => Object.fromEntries((n.properties ?? []).map((p) => [p.name, p.value?.value]));

/** The accessibility tree Chromium gives screen readers (CDP Accessibility.getFullAXTree)
 *  of a page or of a frame in it, in document order and without the nodes it ignores (hidden, presentational):
 *  [{ role, name, description, props, id, parentId }]. */
export async function axTree(target) {
  // A Playwright frame (the embedded app) has a parent; its tree is asked by frame id.
  const frame = typeof target.parentFrame === 'function' && target.parentFrame() ? target : null;
  const cdp = await cdpOf(frame ? frame.page() : target);
  let frameId;
  if (frame) {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const find = (t) => (t.frame.url === frame.url() ? t.frame.id : (t.childFrames ?? []).map(find).find(Boolean));
    frameId = find(frameTree);
  }
  const { nodes } = await cdp.send('Accessibility.getFullAXTree', frameId ? { frameId } : {});
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const out = [];
  const walk = (n, parentId) => {
    if (!n) return;
    if (!n.ignored) {
      out.push({ id: n.nodeId, parentId, role: n.role?.value ?? '', name: (n.name?.value ?? '').trim(),
        description: (n.description?.value ?? '').trim(), props: propsOf(n) });
    }
    for (const c of n.childIds ?? []) walk(byId.get(c), n.ignored ? parentId : n.nodeId);
  };
  walk(nodes.find((n) => !n.parentId), null);
  return out;
}

const show = (n) => `${n.role} "${n.name.slice(0, 60)}"`;

/** One h1, and no heading more than one level below the one before it. The count starts
 *  at level 1: the GOV.UK error summary (an h2) sits above the page's h1 by design. */
export function headingProblems(tree, screen) {
  const problems = [];
  const headings = tree.filter((n) => n.role === 'heading');
  const h1 = headings.filter((n) => n.props.level === 1);
  if (h1.length !== 1) problems.push(`${screen}: ${h1.length} level-1 headings (${h1.map(show).join(', ')})`);
  let previous = 1;
  for (const n of headings) {
    if (n.props.level > previous + 1) problems.push(`${screen}: heading level ${n.props.level} after level ${previous}: ${show(n)}`);
    previous = n.props.level;
  }
  return problems;
}

/** banner, navigation, main and contentinfo present; exactly one main. `footer: false`
 *  for the embedded app, which has no footer of its own (the agency's page has it). */
export function landmarkProblems(tree, screen, { footer = true } = {}) {
  const count = (role) => tree.filter((n) => n.role === role).length;
  const problems = [];
  for (const role of ['banner', 'navigation', ...(footer ? ['contentinfo'] : [])]) {
    if (count(role) < 1) problems.push(`${screen}: no ${role} landmark`);
  }
  if (count('main') !== 1) problems.push(`${screen}: ${count('main')} main landmarks`);
  return problems;
}

const CONTROLS = new Set(['button', 'link', 'textbox', 'searchbox', 'radio', 'checkbox', 'combobox',
  'listbox', 'option', 'switch', 'slider', 'spinbutton', 'menuitem', 'tab']);

/** Every control a person can reach has a name to be announced by. */
export function nameProblems(tree, screen) {
  return tree.filter((n) => CONTROLS.has(n.role) && !n.name)
    .map((n) => `${screen}: ${n.role} without an accessible name (${JSON.stringify(n.props)})`);
}

const LIVE_ROLES = new Set(['status', 'alert', 'log', 'timer', 'marquee']);

/** The accessibility node of the first element matching `selector`, with its
 *  ancestors (CDP Accessibility.getPartialAXTree), or null when there is none. */
export async function axNodeOf(page, selector, index = 0) {
  const cdp = await cdpOf(page);
  const { result } = await cdp.send('Runtime.evaluate',
    { expression: `document.querySelectorAll(${JSON.stringify(selector)})[${index}] ?? null` });
  if (!result.objectId) return null;
  const { node: dom } = await cdp.send('DOM.describeNode', { objectId: result.objectId });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: true });
  await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const self = nodes.find((n) => n.backendDOMNodeId === dom.backendNodeId);
  if (!self) return null;
  const ancestors = [];
  for (let p = byId.get(self.parentId); p; p = byId.get(p.parentId)) ancestors.push(p);
  const plain = (n) => ({ role: n.role?.value ?? '', name: (n.name?.value ?? '').trim(),
    description: (n.description?.value ?? '').trim(), props: propsOf(n), ignored: !!n.ignored });
  return { ...plain(self), ancestors: ancestors.map(plain) };
}

/** A status message is heard without taking focus (WCAG 4.1.3): it is, or sits
 *  inside, a live region (role status/alert/log or aria-live). */
export async function liveRegionProblems(page, screen, selector, what) {
  const node = await axNodeOf(page, selector);
  if (!node) return [`${screen}: ${what} (${selector}) is not on the page`];
  const live = [node, ...node.ancestors].some((n) => LIVE_ROLES.has(n.role) || ['polite', 'assertive'].includes(n.props.live));
  return live ? [] : [`${screen}: ${what} (${selector}, ${node.role} "${node.name.slice(0, 40)}") is not in a live region`];
}

/** After a failed check: the error summary is an alert or live region, and each field's
 *  error message is part of its field's accessible description (aria-describedby). */
export async function errorProblems(page, screen) {
  const problems = await liveRegionProblems(page, screen, '.cc-error-summary', 'the error summary');
  const errors = await page.evaluate(() => [...document.querySelectorAll('.cc-error-message')]
    .map((e) => ({ id: e.id, text: e.textContent.replace(/\s+/g, ' ').trim() })));
  if (errors.length === 0) problems.push(`${screen}: no field shows an error message`);
  for (const { id, text } of errors) {
    const selector = `[aria-describedby~="${id}"]`;
    const fields = await page.locator(selector).count();
    if (fields === 0) problems.push(`${screen}: error "${text}" (#${id}) is not referenced by any field's aria-describedby`);
    for (let i = 0; i < fields; i++) {
      const field = await axNodeOf(page, selector, i);
      if (!field.description.replace(/\s+/g, ' ').includes(text)) {
        problems.push(`${screen}: ${field.role} "${field.name}" has description "${field.description}", without its error "${text}"`);
      }
    }
  }
  return problems;
}

/** Whether the focused element shows the focus style: a visible outline or a box-shadow
 *  (the buttons' outline is transparent for forced colours; their shadow is the mark). */
export async function focusIndicator(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return { ok: false, what: 'nothing focused' };
    const s = getComputedStyle(e);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !/rgba\(.*, 0\)|transparent/.test(s.outlineColor);
    const shadow = s.boxShadow !== 'none';
    const what = `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${(e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40)}"`;
    return { ok: outline || shadow, what, outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow };
  });
}

/** Layout problems at the current viewport: horizontal scrolling (WCAG 1.4.10), and text
 *  cut off (an element that hides overflow, holds text, and is wider inside than shown). */
export async function reflowProblems(page, screen) {
  return page.evaluate((screen) => {
    const problems = [];
    const sideways = document.documentElement.scrollWidth - window.innerWidth;
    if (sideways > 0) problems.push(`${screen}: scrolls sideways by ${sideways} px at ${window.innerWidth} px`);
    for (const e of document.querySelectorAll('body *')) {
      const s = getComputedStyle(e);
      if (!['hidden', 'clip'].includes(s.overflowX) && !['hidden', 'clip'].includes(s.overflow)) continue;
      if (e.clientWidth === 0 || e.closest('.cc-visually-hidden, [hidden], .cc-skip-link')) continue;
      const ownText = [...e.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent.trim());
      const text = ownText || (e.innerText ?? '').trim().length > 0;
      if (text && e.scrollWidth > e.clientWidth + 1) {
        problems.push(`${screen}: text cut off in ${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${e.innerText.trim().slice(0, 40)}" (${e.scrollWidth} px of text in ${e.clientWidth} px)`);
      }
    }
    return problems;
  }, screen);
}

/** Interactive elements smaller than `min`×`min` CSS px (WCAG 2.5.5/2.5.8), measured on
 *  screen. A radio or checkbox counts with its label (tapping the label sets it).
 *  Links inside running text are left out, as WCAG 2.5.8's "inline" exception allows:
 *  an inline-level link whose block also holds other text (a sentence, "Teléfono:
 *  1800…"); a link alone in its paragraph, list item or heading is measured. */
export async function smallTargets(page, min = 44) {
  return page.evaluate((min) => {
    const visible = (r) => r.width > 0 && r.height > 0;
    const out = [];
    const controls = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])');
    for (const e of controls) {
      const s = getComputedStyle(e);
      if (s.visibility === 'hidden' || e.closest('[hidden], .cc-skip-link')) continue;
      let r = e.getBoundingClientRect();
      if (!visible(r)) continue;
      if (e.tagName === 'A' && s.display.startsWith('inline')) {
        let block = e.parentElement;
        while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
        const around = (block?.textContent ?? '').replace(e.textContent, '').trim();
        if (around.length > 0) continue;
      }
      if (e.type === 'radio' || e.type === 'checkbox') {
        for (const l of e.labels ?? []) {
          const lr = l.getBoundingClientRect();
          const left = Math.min(r.left, lr.left), top = Math.min(r.top, lr.top);
          r = { left, top, width: Math.max(r.right, lr.right) - left, height: Math.max(r.bottom, lr.bottom) - top,
            right: Math.max(r.right, lr.right), bottom: Math.max(r.bottom, lr.bottom) };
        }
      }
      if (r.width < min - 0.5 || r.height < min - 0.5) {
        const name = (e.getAttribute('aria-label') || e.innerText || e.labels?.[0]?.innerText || e.value || e.name || '').trim().replace(/\s+/g, ' ');
        out.push({ what: `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}`, name: name.slice(0, 50),
          size: `${Math.round(r.width)}×${Math.round(r.height)}` });
      }
    }
    return out;
  }, min);
}

/** A staff member's action on a case through the staff API (`request_info`, `answer`,
 *  …), as the tests' stand-in for the agency; fails the test on a refusal. */
export async function staffEvent(base, token, ticket, action) {
  const r = await fetch(`${base}/api/v1/staff/cases/${ticket}/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(action),
  });
  if (!r.ok) throw new Error(`staff ${action.action}: ${r.status} ${await r.text()}`);
}
