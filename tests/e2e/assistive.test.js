// What a person using assistive technology gets, on every screen: the accessibility tree
// a screen reader reads (headings, landmarks, names, live regions, errors tied to their
// fields), a keyboard-only run through every flow, 200 % zoom and 320 px without
// sideways scrolling or cut text, touch targets measured at 360×640, and axe-core in the
// three languages with and without `prefers-contrast: more`. One server and one browser
// for the file; one case, asked for more information, serves the tracking screens.
import { test, after } from 'node:test';
import http from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import {
  serverAndBrowser, freePort, newPage, settled, fillQueja, sql, axe, axeIn, axTree, headingProblems, landmarkProblems,
  nameProblems, liveRegionProblems, errorProblems, focusIndicator, reflowProblems, smallTargets, staffEvent } from './lib.js';

const TOKEN = 'e2e-staff-token';
// The agency page that embeds the app is served on a free port, and the built-in
// deployment is started with that origin in `embed_origins` (a page Playwright made up
// would be blocked: Chromium's local-network checks treat it as a public site).
const agencyPort = await freePort();
const AGENCY = `http://127.0.0.1:${agencyPort}`;
const deployment = join(mkdtempSync(join(tmpdir(), 'cc-at-')), 'deployment.json');
writeFileSync(deployment, JSON.stringify({
  ...JSON.parse(readFileSync(new URL('../../crates/server/seed/deployment.json', import.meta.url), 'utf8')),
  embed_origins: [AGENCY],
}));
const h = serverAndBrowser(['--deployment', deployment], { CC_STAFF_TOKEN: TOKEN });
const agency = http.createServer((req, res) => {
  // An agency page with the app in a frame as big as the window (what embed.js's dialog
  // is on a phone), so the embedded screens are checked at the test's viewport.
  const app = new URL(req.url, AGENCY).searchParams.get('app');
  if (!app) return res.writeHead(404).end();
  const src = `${h.server.base}${app}${app.includes('?') ? '&' : '?'}origen=${encodeURIComponent(AGENCY)}`;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="es"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Entidad</title>
<style>html,body,iframe{margin:0;border:0;width:100%;height:100%;display:block}</style></head>
<body><iframe title="Contacto Ciudadano" src="${src}"></iframe></body></html>`);
}).listen(agencyPort, '127.0.0.1');
const axeTable = [];

const staff = (ticket, action) => staffEvent(h.server.base, TOKEN, ticket, action);

/** The case the tracking screens show, filed on first use (a root-level `before` may
 *  run before the server is up) and asked for information, so its page also shows the
 *  reply form. */
let sharedCase;
function shared() {
  sharedCase ??= (async () => {
    const page = await newPage(h.browser);
    await fillQueja(page, h.server.base);
    await page.getByRole('button', { name: /Enviar mi queja/ }).click();
    await page.waitForURL(/\/contacto\/enviado\//);
    const filed = { ticket: await page.locator('#ticket').innerText(), code: await page.locator('#access-code').innerText() };
    await staff(filed.ticket, { action: 'request_info', message: 'Adjunte una foto del comprobante.' });
    await page.context().close();
    return filed;
  })();
  return sharedCase;
}

after(() => {
  agency.close();
  if (axeTable.length === 0) return;
  // The summary the closing note quotes: screens × language × contrast → violations.
  const langs = ['es', 'en', 'pt'];
  const cell = (screen, lang, contrast) => axeTable.find((r) => r.screen === screen && r.lang === lang && r.contrast === contrast)?.violations ?? '-';
  const screens = [...new Set(axeTable.map((r) => r.screen))];
  const width = Math.max(...screens.map((s) => s.length));
  console.log(`\n# axe violations (WCAG 2.2 AA tags): normal / prefers-contrast: more\n# ${'screen'.padEnd(width)}  ${langs.map((l) => l.padEnd(7)).join('')}`);
  for (const s of screens) {
    console.log(`# ${s.padEnd(width)}  ${langs.map((l) => `${cell(s, l, 'normal')}/${cell(s, l, 'more')}`.padEnd(7)).join('')}`);
  }
  const total = axeTable.reduce((n, r) => n + r.violations, 0);
  console.log(`# ${screens.length} screens × 3 languages × 2 contrasts = ${axeTable.length} runs, ${total} violations\n`);
});

// ---- The tour: every screen, reached the way a person reaches it ----

const submit = (page) => page.locator('main form button[type=submit]').first().click();

async function next(page, path) {
  await submit(page);
  await page.waitForURL((u) => u.pathname === path);
  await settled(page);
}

async function showsErrors(page) {
  await submit(page);
  await page.locator('.cc-error-summary').waitFor();
}

/** The app as an agency's page embeds it; returns the app's frame. */
async function openEmbedded(page, path) {
  await page.goto(`${AGENCY}/?app=${encodeURIComponent(path)}`);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await frame.waitForSelector('h1');
  await frame.waitForFunction(() => !document.querySelector('.cc-loading') && !location.pathname.startsWith('/embed'));
  return frame;
}

/**
 * Walks every screen in the order a person meets them and calls `visit(screen)` on each
 * once it has settled. `screen`: { name, target (the page, or the embedded app's
 * frame), errors (a failed check shows), live ([selector, what] of status messages
 * on it), footer (false inside the embed) }. Each visit leaves the page in Spanish.
 * The tour files a case of its own (for the confirmation); the tracking screens show
 * the shared one.
 */
async function tour(page, visit) {
  const base = h.server.base;
  const at = (name, more = {}) => visit({ name, target: page, errors: false, live: [], footer: true, ...more });
  const go = async (path) => { await page.goto(`${base}${path}`); await settled(page); };

  await go('/');
  await at('inicio');
  await go('/tramites?q=licencia');
  await page.locator('.cc-result').first().waitFor();
  await at('búsqueda', { live: [['#results-count', 'the number of results']] });
  await go('/tramites/pasaporte-ordinario');
  await at('trámite');
  await go('/contacto');
  await at('contacto: inicio');

  // The wizard, filled page by page (language-neutral selectors: visits switch language).
  await go('/contacto/tipo');
  await at('asistente: tipo');
  await showsErrors(page);
  await at('asistente: tipo, sin respuesta', { errors: true });
  await page.locator('input[name=case_type][value=queja]').check();
  await next(page, '/contacto/entidad');
  await at('asistente: entidad');
  await page.locator('input[name=agency]').first().check();
  await next(page, '/contacto/que-paso');
  await at('asistente: qué pasó');
  await page.locator('#description').fill('En la ventanilla 3 me atendieron con gritos y no me dieron el turno.');
  await next(page, '/contacto/adjuntos');
  await at('asistente: adjuntos');
  await next(page, '/contacto/sus-datos');
  await at('asistente: sus datos');
  await page.locator('#identity-0').check();
  await showsErrors(page);
  await at('asistente: sus datos, sin contacto', { errors: true });
  await page.locator('#name').fill('Ana Quispe');
  await page.locator('#email').fill('ana@ejemplo.com');
  await next(page, '/contacto/datos-personales');
  await at('asistente: datos personales');
  await page.locator('#consent').check();
  await next(page, '/contacto/revisar');
  await at('asistente: revisar');
  await page.locator('main button.cc-button:not(.cc-quick-exit__button)').first().click();
  await page.waitForURL(/\/contacto\/enviado\//);
  await page.locator('#ticket').waitFor();
  await at('confirmación');
  await page.locator('.cc-save-device button').click();
  await page.locator('#save-device-outcome').waitFor();
  await at('confirmación, guardado', { live: [['#save-device-outcome', '"Guardado en este teléfono"']] });

  await go('/seguimiento');
  await at('seguimiento');
  await showsErrors(page);
  await at('seguimiento, sin datos', { errors: true });
  const { ticket, code } = await shared();
  await page.goto(`${base}/seguimiento/${ticket}#codigo=${code}`);
  await page.locator('#case-status').waitFor();
  await at('caso (número y código)');
  await page.locator('form:has(#reply) button[type=submit]').click();
  await page.locator('.cc-error-summary').waitFor();
  await at('caso: respuesta vacía', { errors: true });
  await page.context().setOffline(true);
  await page.locator('.cc-site-notice--offline').waitFor();
  await at('caso, sin conexión', { live: [['.cc-site-notice--offline', 'the offline banner']] });
  await page.context().setOffline(false);
  await page.locator('.cc-site-notice--offline').waitFor({ state: 'detached' });
  await go('/mis-casos');
  await page.locator('.cc-case').first().waitFor();
  await at('mis casos');
  for (const [path, name] of [['/privacidad', 'privacidad'], ['/integrar', 'integrar'], ['/no-existe', '404']]) {
    await go(path);
    await at(name);
  }
  for (const [path, name] of [['/embed/contacto?entidad=MDT', 'embed: contacto'], ['/embed/seguimiento', 'embed: seguimiento']]) {
    await at(name, { target: await openEmbedded(page, path), footer: false });
  }
}

// ---- 1. The accessibility tree of every screen ----

test('accessibility tree: one h1, no skipped levels, landmarks, names, live regions, errors tied to fields', async () => {
  const page = await newPage(h.browser);
  const problems = [];
  let screens = 0;
  await tour(page, async (s) => {
    screens++;
    const tree = await axTree(s.target);
    problems.push(...headingProblems(tree, s.name), ...landmarkProblems(tree, s.name, { footer: s.footer }),
      ...nameProblems(tree, s.name));
    if (s.errors) problems.push(...await errorProblems(page, s.name));
    for (const [selector, what] of s.live) problems.push(...await liveRegionProblems(page, s.name, selector, what));
  });
  console.log(`# accessibility tree: ${screens} screens, ${problems.length} problems`);
  assert.deepEqual(problems, []);
  assert.deepEqual(page.errors, []);
});

// ---- 2. Keyboard only ----

/** Keys only, through `page.keyboard`. After every Tab, Shift+Tab and arrow key the
 *  focused element must show the focus style; what does not goes into `problems`. */
function keyboardOnly(page, problems) {
  const press = async (key) => {
    await page.keyboard.press(key);
    if (/Tab$|^Arrow/.test(key)) {
      const f = await focusIndicator(page);
      if (!f.ok) problems.push(`${new URL(page.url()).pathname}: after ${key}, ${f.what} shows no focus (outline ${f.outline}; shadow ${f.shadow})`);
    }
  };
  /** Presses `key` (Tab or Shift+Tab) until the focused element matches `selector`. */
  const to = async (selector, key = 'Tab') => {
    for (let i = 0; i < 80; i++) {
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      await press(key);
    }
    throw new Error(`${key} never reached ${selector} on ${page.url()}`);
  };
  return { press, to, type: (text) => page.keyboard.type(text) };
}

/** After a page change focus is on the new page's h1 (or on what is named). */
async function focusMovesTo(page, path, selector = 'h1') {
  await page.waitForURL((u) => path.test(u.pathname + u.search));
  await page.waitForFunction((s) => document.activeElement?.matches(s), selector, { timeout: 5000 })
    .catch(async () => assert.fail(`${path}: focus is on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}, not ${selector}`));
}

test('keyboard only: search and open a procedure, file a case, look it up and reply, switch language', async () => {
  const page = await newPage(h.browser, { width: 1280, height: 800 });
  const problems = [];
  const k = keyboardOnly(page, problems);
  await page.goto(`${h.server.base}/`);
  await settled(page);

  // Search from the home page, open the first result.
  await k.to('#home-q');
  await k.type('pasaporte');
  await k.press('Enter');
  await focusMovesTo(page, /^\/tramites\?/);
  await k.to('.cc-result a');
  const procedure = (await page.evaluate(() => document.activeElement.innerText)).trim();
  await k.press('Enter');
  await focusMovesTo(page, /^\/tramites\/[a-z0-9-]+$/);
  assert.equal((await page.locator('h1').innerText()).trim(), procedure);

  // The wizard, from the main navigation above (Shift+Tab back up to it).
  await k.to('.cc-nav__link[href="/contacto"]', 'Shift+Tab');
  await k.press('Enter');
  await focusMovesTo(page, /^\/contacto$/);
  await k.to('a.cc-button--start');
  await k.press('Enter');
  await focusMovesTo(page, /^\/contacto\/tipo$/);
  await k.to('main form button[type=submit]');
  await k.press('Enter');
  await focusMovesTo(page, /^\/contacto\/tipo$/, '.cc-error-summary');
  // The summary's link takes focus to the question; arrows choose.
  await k.to('.cc-error-summary a');
  await k.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'case_type-0');
  await k.press('ArrowDown');
  assert.equal(await page.locator('input[name=case_type]:checked').getAttribute('value'), 'queja');
  await k.to('main form button[type=submit]');
  await k.press('Enter');
  await focusMovesTo(page, /^\/contacto\/entidad$/);
  await page.locator('input[name=agency]').first().waitFor();
  await k.to('input[name=agency]');
  await k.press('Space');
  await k.to('main form button[type=submit]');
  await k.press('Enter');
  await focusMovesTo(page, /^\/contacto\/que-paso$/);
  await k.to('#description');
  await k.type('En la ventanilla 3 me atendieron con gritos y no me dieron el turno.');
  await k.to('main form button[type=submit]');
  await k.press('Enter');
  await focusMovesTo(page, /^\/contacto\/adjuntos$/);
  await k.to('main form button[type=submit]');
  await k.press('Enter');
  await focusMovesTo(page, /^\/contacto\/sus-datos$/);
  await k.to('input[name=identity]');
  await k.press('Space');
  await k.to('#name');
  await k.type('Ana Quispe');
  await k.to('#email');
  await k.type('ana@ejemplo.com');
  await k.to('main form button[type=submit]');
  await k.press('Enter');
  await focusMovesTo(page, /^\/contacto\/datos-personales$/);
  await k.to('#consent');
  await k.press('Space');
  await k.to('main form button[type=submit]');
  await k.press('Enter');
  await focusMovesTo(page, /^\/contacto\/revisar$/);
  await k.to('main button.cc-button:not(.cc-quick-exit__button)');
  await k.press('Enter');
  await focusMovesTo(page, /^\/contacto\/enviado\//);
  const ticket = await page.locator('#ticket').innerText();
  const code = await page.locator('#access-code').innerText();
  await staff(ticket, { action: 'request_info', message: 'Diga a qué hora fue.' });

  // Look the case up with its number and code, and reply.
  await k.to('.cc-nav__link[href="/seguimiento"]', 'Shift+Tab');
  await k.press('Enter');
  await focusMovesTo(page, /^\/seguimiento$/);
  await k.to('#ticket');
  await k.type(ticket);
  await k.to('#access_code');
  await k.type(code);
  await k.press('Enter');
  await focusMovesTo(page, new RegExp(`^/seguimiento/${ticket}$`));
  await k.to('#reply');
  await k.type('Fue a las 10 de la mañana.');
  await k.to('form:has(#reply) button[type=submit]');
  await k.press('Enter');
  await focusMovesTo(page, new RegExp(`^/seguimiento/${ticket}$`), '#case-notice');
  const replies = sql(h.server.db, `SELECT COUNT(*) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.ticket = '${ticket}' AND e.kind = 'citizen_reply'`);
  assert.equal(replies[0][0], 1);

  // The language switch: Space and Enter both work; the page follows at once.
  await k.to('button.cc-lang__button[lang=en]', 'Shift+Tab');
  await k.press('Space');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.locator('button.cc-lang__button[lang=en]').getAttribute('aria-pressed'), 'true');
  await k.to('button.cc-lang__button[lang=pt]');
  await k.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'pt');
  await k.to('button.cc-lang__button[lang=es]', 'Shift+Tab');
  await k.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  assert.match(await page.locator('.cc-nav__link[href="/seguimiento"]').innerText(), /Seguir mi caso/);

  assert.deepEqual(problems, []);
  assert.deepEqual(page.errors, []);
});

// ---- 3. 200 % zoom and 320 px ----

for (const { label, viewport, deviceScaleFactor } of [
  // 200 % zoom of a 1280×800 window: the page lays out in 640×400 CSS px, each drawn
  // with 2 device pixels (browser zoom, unlike a pinch-zoom page scale, reflows).
  { label: '200 % zoom (640×400 CSS px at 2×)', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
  { label: '320 px', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
]) {
  test(`${label}: no sideways scrolling and no text cut off on any screen`, async () => {
    const context = await h.browser.newContext({ viewport, deviceScaleFactor });
    const page = await context.newPage();
    const problems = [];
    let screens = 0;
    await tour(page, async (s) => {
      screens++;
      problems.push(...await reflowProblems(s.target, s.name));
    });
    console.log(`# ${label}: ${screens} screens, ${problems.length} problems`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// ---- 4. Touch targets at 360×640 ----

test('touch targets: every control is at least 44×44 CSS px at 360×640', async () => {
  const page = await newPage(h.browser, { width: 360, height: 640 });
  const offenders = new Map(); // one line per element, with the screens it is on
  let measured = 0;
  await tour(page, async (s) => {
    measured++;
    for (const o of await smallTargets(s.target)) {
      const key = `${o.what} "${o.name}" ${o.size}`;
      offenders.set(key, [...(offenders.get(key) ?? []), s.name]);
    }
  });
  const list = [...offenders].map(([o, screens]) => `${o} on ${screens.length === measured ? 'every screen' : screens.join(', ')}`);
  console.log(`# touch targets: ${measured} screens, ${list.length} controls under 44×44${list.map((l) => `\n#   ${l}`).join('')}`);
  assert.deepEqual(list, []);
});

// ---- 5. axe × languages × contrast ----

const LANGS = [['es', 'Español'], ['en', 'English'], ['pt', 'Português']];

test('axe: 0 violations on every screen in Spanish, English and Portuguese, normal and high contrast', async () => {
  const page = await newPage(h.browser);
  const failures = [];
  await tour(page, async (s) => {
    for (const [lang] of [...LANGS.slice(1), LANGS[0]]) {
      await s.target.locator(`button.cc-lang__button[lang=${lang}]`).click();
      await s.target.waitForFunction((l) => document.documentElement.lang === l, lang);
      for (const contrast of ['no-preference', 'more']) {
        await page.emulateMedia({ contrast });
        const violations = s.target === page ? await axe(page) : await axeIn(s.target);
        axeTable.push({ screen: s.name, lang, contrast: contrast === 'more' ? 'more' : 'normal', violations: violations.length });
        if (violations.length) failures.push({ screen: s.name, lang, contrast, violations });
      }
    }
    await page.emulateMedia({ contrast: null });
  });
  assert.deepEqual(failures, [], JSON.stringify(failures, null, 2));
  assert.deepEqual(page.errors, []);
});
