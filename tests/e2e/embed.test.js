// The embed button end to end: agency pages served from *other* origins (ports 8081 and
// 8082, as the demo deployment's `embed_origins` allows only 8081) load
// `<app>/embed.js`; the button opens the app in a dialog, a case is filed inside it,
// messages from foreign origins are ignored, hostile page CSS does not break it, and
// axe-core finds nothing on the page with the button nor inside the dialog.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { startServer, launchBrowser, newPage, settled, expectAccessible, expectAccessibleIn, screenshot, sql, tabTo, routeNeutralSite } from './lib.js';

const HOST = 'http://127.0.0.1:8081'; // in embed_origins
const HOST_ALIAS = 'http://localhost:8081'; // also in embed_origins
const FOREIGN = 'http://127.0.0.1:8082'; // not in embed_origins
const EMBED_JS = new URL('../../public/embed.js', import.meta.url);
const DESCRIPTION = 'En la ventanilla 3 me atendieron con gritos y no me dieron el turno.';

let server;
let browser;
const hostServers = [];

// ---- Agency pages (ours to write: plain HTML, no CSP) ----

const page = (title, body, head = '') => `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>${head}</head><body>${body}</body></html>`;

// Records, on the page itself, what the button tells it: the documented events, and
// every raw message from the app's origin.
const recorder = (app) => `
<h2>Registro</h2><ul id="events"></ul><ul id="messages"></ul>
<script>
  document.addEventListener('contacto-ciudadano:filed', (e) => {
    const li = document.createElement('li'); li.textContent = 'filed ' + e.detail.ticket;
    document.getElementById('events').append(li);
  });
  window.addEventListener('message', (e) => {
    if (e.origin !== ${JSON.stringify(app)} || !e.data || e.data.source !== 'contacto-ciudadano') return;
    const li = document.createElement('li'); li.textContent = e.data.type;
    document.getElementById('messages').append(li);
  });
</script>`;

function agencyPage(app) {
  return page('Ministerio de Trabajo — página de prueba', `
<header><a href="/">Inicio</a></header>
<main>
  <h1>Ministerio de Trabajo</h1>
  <p>¿Tuvo un problema con un trámite? Escríbanos:</p>
  <script src="${app}/embed.js" data-agency="MDT" data-lang="es" defer></script>
  <p>Texto de la entidad después del botón.</p>
  ${recorder(app)}
</main>`, '<style>body{font-family:Georgia,serif;max-width:50rem;margin:0 auto;padding:1rem}</style>');
}

// Everything a careless or hostile stylesheet can do to the page's elements.
function hostilePage(app) {
  return page('Página hostil', `
<main><h1>Página con CSS hostil</h1><p>Texto.</p>
<script src="${app}/embed.js" data-agency="MDT" data-position="bottom-right" data-label="Escríbanos" defer></script>
</main>`, `<style>
  * { all: unset; }
  html, body { font-size: 40px !important; line-height: 3 !important; color: #f0f !important; font-family: "Comic Sans MS", cursive !important; }
  button, dialog, iframe, div, a { display: none !important; }
  :root { --cc-embed-font: "DejaVu Sans", sans-serif; }
  contacto-ciudadano { font-size: 60px; letter-spacing: 10px; text-transform: uppercase; }
</style>`);
}

// A third-party frame (another origin) inside the agency page, which tries to fake the app.
function pageWithForeignFrame(app) {
  return page('Página con un marco ajeno', `
<main><h1>Página con un marco de otro origen</h1>
<script src="${app}/embed.js" data-agency="MDT" defer></script>
<iframe src="${FOREIGN}/ad" title="Publicidad"></iframe>
${recorder(app)}
</main>`);
}

// The app framed by hand, claiming another allowed origin than the page's real one.
function mismatchPage(app) {
  const src = `${app}/embed/contacto?origen=${encodeURIComponent(HOST)}`;
  return page('Origen que no coincide', `
<main><h1>Origen que no coincide</h1>
<iframe id="app" src="${src}" title="Contacto Ciudadano" width="600" height="400"></iframe>
${recorder(app)}
</main>`);
}

// An agency page with a strict CSP of its own (no inline styles or scripts): the
// button's styles are a constructed stylesheet, which such a CSP does not block.
function strictCspPage(app) {
  return page('Página con CSP estricta', `
<main><h1>Página con CSP estricta</h1>
<script src="${app}/embed.js" data-agency="MDT" data-lang="en" defer></script>
</main>`);
}
const STRICT_CSP = (app) => `default-src 'none'; script-src ${app}; frame-src ${app}; style-src 'none'`;

function serveHost(port, hostname, app) {
  const srv = http.createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const routes = {
      '/': agencyPage,
      '/hostile': hostilePage,
      '/with-foreign-frame': pageWithForeignFrame,
      '/mismatch': mismatchPage,
      '/ad': () => page('Publicidad', '<p>Publicidad</p>'),
    };
    routes['/strict-csp'] = strictCspPage;
    const route = routes[path];
    const headers = { 'content-type': 'text/html; charset=utf-8' };
    if (path === '/strict-csp') headers['content-security-policy'] = STRICT_CSP(app);
    res.writeHead(route ? 200 : 404, headers);
    res.end(route ? route(app) : 'not found');
  });
  return new Promise((ok, fail) => {
    srv.once('error', fail);
    srv.listen(port, hostname, () => ok(srv));
  });
}

before(async () => {
  server = await startServer([], { CC_DEMO_EMBED: '1' }); // lets the demo host pages on 8081 frame the app
  browser = await launchBrowser();
  hostServers.push(await serveHost(8081, '127.0.0.1', server.base));
  // `localhost` may resolve to ::1 first; serve it there too when IPv6 is available.
  try { hostServers.push(await serveHost(8081, '::1', server.base)); } catch { /* IPv4 only */ }
  hostServers.push(await serveHost(8082, '127.0.0.1', server.base));
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await Promise.all(hostServers.map((s) => new Promise((r) => s.close(r))));
});

// ---- Helpers ----

const button = (p) => p.locator('contacto-ciudadano button.b');
const dialog = (p) => p.locator('contacto-ciudadano dialog');

/** Where focus is: on the page, and inside the button's shadow root. */
const focus = (p) => p.evaluate(() => {
  const host = document.querySelector('contacto-ciudadano');
  const inner = host?.shadowRoot?.activeElement;
  return {
    outer: document.activeElement?.localName,
    inner: inner ? `${inner.localName}.${inner.className}` : null,
    open: !!host?.shadowRoot?.querySelector('dialog')?.open,
  };
});

/** The app's frame (Playwright's Frame object), once it is there. */
async function appFrame(p) {
  const isApp = (fr) => fr.url().startsWith(server.base);
  return p.frames().find(isApp) ?? p.waitForEvent('framenavigated', { predicate: isApp });
}

/** Resolves once every message already posted to `p`'s window has been handled: a
 *  message the page posts to itself is queued behind them. */
function messagesHandled(p) {
  return p.evaluate(() => new Promise((done) => {
    const token = `flush-${Math.random()}`;
    window.addEventListener('message', function onFlush(e) {
      if (e.data === token) { window.removeEventListener('message', onFlush); done(); }
    });
    window.postMessage(token, '*');
  }));
}

/** Opens the dialog with the keyboard and waits until the app runs inside it and has
 *  focus (the app then focuses its page heading). */
async function openWithKeyboard(p) {
  await tabTo(p, 'contacto-ciudadano');
  assert.equal((await focus(p)).inner, 'button.b', 'Tab reaches the button');
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => document.querySelector('contacto-ciudadano').shadowRoot.querySelector('dialog').open);
  const frame = await appFrame(p);
  await frame.waitForSelector('main h1');
  await p.waitForFunction(() => document.querySelector('contacto-ciudadano').shadowRoot.activeElement?.localName === 'iframe');
  await frame.waitForFunction(() => document.activeElement?.localName === 'h1');
  return frame;
}

async function expectClosedWithFocusOnButton(p) {
  await p.waitForFunction(() => !document.querySelector('contacto-ciudadano').shadowRoot.querySelector('dialog').open);
  assert.deepEqual(await focus(p), { outer: 'contacto-ciudadano', inner: 'button.b', open: false });
}

async function next(frame) {
  const before = frame.url();
  await frame.getByRole('button', { name: 'Continuar' }).click();
  await frame.waitForURL((u) => u.href !== before);
}

/** From "what happened" (already filled) to the confirmation; returns the ticket shown. */
async function finishQueja(frame) {
  await next(frame);
  await next(frame); // attachments: none
  await frame.getByLabel('Con mi nombre', { exact: true }).check();
  await frame.getByLabel('Nombre completo').fill('Ana Quispe');
  await frame.getByLabel('Correo electrónico').fill('ana@ejemplo.com');
  await next(frame);
  await frame.getByLabel(/Acepto que la entidad/).check();
  await next(frame);
  await frame.waitForURL(/\/contacto\/revisar$/);
  await frame.getByRole('button', { name: /Enviar mi queja/ }).click();
  await frame.waitForURL(/\/contacto\/enviado\//);
  await frame.locator('#ticket').waitFor();
  const ticket = (await frame.locator('#ticket').innerText()).trim();
  assert.match(ticket, /^MDT-QUE-\d{4}-\d+$/);
  return ticket;
}

const caseCount = () => sql(server.db, 'SELECT COUNT(*) FROM cases')[0][0];

// ---- Tests ----

test('embed.js is small, served by the app, and the app may be framed only by the allowed origins', async () => {
  const source = readFileSync(EMBED_JS);
  const gz = gzipSync(source, { level: 9 }).length;
  console.log(`embed.js: ${source.length} bytes raw, ${gz} bytes gzip -9`);
  assert.ok(gz <= 4096, `embed.js is ${gz} bytes gzipped, over the 4 KB budget`);

  const r = await fetch(`${server.base}/embed.js`);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /javascript/);
  assert.equal(r.headers.get('cache-control'), 'no-cache', 'not hashed: must be revalidated');
  assert.equal(await r.text(), source.toString(), 'dist/embed.js is public/embed.js as is');

  const app = await fetch(`${server.base}/embed/contacto?entidad=MDT`);
  const csp = app.headers.get('content-security-policy');
  assert.match(csp, /frame-ancestors 'self' http:\/\/127\.0\.0\.1:8081 http:\/\/localhost:8081(;|$)/);
  assert.doesNotMatch(csp, /8082/);
});

test('keyboard: the button opens the wizard in a dialog, a queja is filed inside it, Esc closes and focus returns', async () => {
  const p = await newPage(browser, { width: 1280, height: 800 });
  const startCount = caseCount();
  await p.goto(`${HOST}/`);
  await button(p).waitFor();
  assert.equal(await button(p).innerText(), 'Contáctenos');
  await expectAccessible(assert, p, 'agency page with the button');

  const frame = await openWithKeyboard(p);
  assert.equal(await frame.locator('main h1').innerText(), 'Contactar a una entidad');
  // The app is embedded: no main navigation, no footer; the dialog is named.
  assert.equal(await frame.locator('footer').count(), 0);
  assert.equal(await frame.locator('a[href="/tramites"]').count(), 0);
  assert.equal(await p.locator('contacto-ciudadano iframe').getAttribute('title'), 'Contacto Ciudadano');
  // The host heard `ready` and `resize`; the iframe took the content's height.
  await p.waitForFunction(() => [...document.querySelectorAll('#messages li')].some((li) => li.textContent === 'resize'));
  const messages = await p.locator('#messages li').allInnerTexts();
  assert.ok(messages.includes('ready'), `messages: ${messages}`);
  const frameBox = await p.locator('contacto-ciudadano iframe').boundingBox();
  const dialogBox = await dialog(p).boundingBox();
  assert.ok(frameBox.height > 200, `iframe height ${frameBox.height}`);
  assert.ok(dialogBox.height <= 800 - 32 + 1, `dialog fits the viewport: ${dialogBox.height}`);
  await screenshot(p, 'embed-dialog-1280x800');
  await expectAccessibleIn(assert, frame, 'the wizard inside the dialog');
  await expectAccessible(assert, p, 'agency page with the dialog open');

  // Into the wizard: the agency comes pre-set from data-agency.
  await frame.getByRole('link', { name: 'Empezar' }).click();
  await frame.waitForURL(/\/contacto\/tipo$/);
  await frame.getByLabel('Queja').check();
  await next(frame);
  assert.equal(await frame.locator('input[name=agency]:checked').getAttribute('value'), 'MDT');
  await next(frame);
  await frame.getByLabel('Cuéntenos qué pasó').fill(DESCRIPTION);

  // Esc inside the app closes the dialog; focus goes back to the button; the draft stays.
  await frame.locator('#description').focus();
  await p.keyboard.press('Escape');
  await expectClosedWithFocusOnButton(p);
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => document.querySelector('contacto-ciudadano').shadowRoot.querySelector('dialog').open);
  await frame.waitForFunction(() => document.activeElement?.localName === 'h1');
  assert.match(frame.url(), /\/contacto\/que-paso$/);
  assert.equal(await frame.locator('#description').inputValue(), DESCRIPTION, 'the draft is kept');

  const ticket = await finishQueja(frame);
  assert.equal(caseCount(), startCount + 1);
  assert.deepEqual(sql(server.db, `SELECT agency, case_type FROM cases WHERE ticket = '${ticket}'`), [['MDT', 'queja']]);

  // The page was told, through the documented event (from the `filed` message).
  await p.waitForFunction((t) => document.getElementById('events').textContent.includes(`filed ${t}`), ticket);
  assert.deepEqual(await p.locator('#events li').allInnerTexts(), [`filed ${ticket}`]);
  await screenshot(p, 'embed-confirmation-1280x800');
  await expectAccessibleIn(assert, frame, 'the confirmation inside the dialog');

  // Esc (focus is on the confirmation's heading, inside the app) closes; focus returns.
  await frame.waitForFunction(() => document.activeElement?.localName === 'h1');
  await p.keyboard.press('Escape');
  await expectClosedWithFocusOnButton(p);

  // The visible close button, and Esc on it (the native dialog), work the same.
  await p.keyboard.press('Enter');
  await frame.waitForFunction(() => document.activeElement?.localName === 'h1');
  await p.locator('contacto-ciudadano button.x').click();
  await expectClosedWithFocusOnButton(p);
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => document.querySelector('contacto-ciudadano').shadowRoot.querySelector('dialog').open);
  await p.locator('contacto-ciudadano button.x').focus();
  await p.keyboard.press('Escape');
  await expectClosedWithFocusOnButton(p);
  assert.deepEqual(p.errors, []);
});

test('on another site (third-party storage blocked in the iframe) a case is filed and its ticket shown', async () => {
  const p = await newPage(browser, { width: 1280, height: 800 });
  await p.goto(`${HOST_ALIAS}/`);
  await button(p).waitFor();
  const frame = await openWithKeyboard(p);
  const storage = await frame.evaluate(() => { try { return !!window.localStorage; } catch { return false; } });
  console.log(`localStorage in the cross-site iframe: ${storage ? 'available (partitioned)' : 'blocked'}`);
  await frame.getByRole('link', { name: 'Empezar' }).click();
  await frame.getByLabel('Queja').check();
  await next(frame);
  await next(frame); // MDT, pre-set
  await frame.getByLabel('Cuéntenos qué pasó').fill(DESCRIPTION);
  // Closing and reopening keeps the draft even without storage (the frame stays).
  await p.locator('contacto-ciudadano button.x').click();
  await expectClosedWithFocusOnButton(p);
  await p.keyboard.press('Enter');
  await frame.waitForFunction(() => document.activeElement?.localName === 'h1');
  assert.equal(await frame.locator('#description').inputValue(), DESCRIPTION);
  const ticket = await finishQueja(frame);
  await p.waitForFunction((t) => document.getElementById('events').textContent.includes(`filed ${t}`), ticket);
  assert.deepEqual(p.errors, []);
});

test('on a phone the dialog fills the screen', async () => {
  const p = await newPage(browser, { width: 360, height: 640 });
  await p.goto(`${HOST}/`);
  await button(p).waitFor();
  const frame = await openWithKeyboard(p);
  const box = await dialog(p).boundingBox();
  assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, 360, 640]);
  const frameBox = await p.locator('contacto-ciudadano iframe').boundingBox();
  assert.ok(frameBox.y + frameBox.height >= 639, `iframe reaches the bottom: ${JSON.stringify(frameBox)}`);
  // The close button is visible and big enough to tap.
  const close = await p.locator('contacto-ciudadano button.x').boundingBox();
  assert.ok(close.width >= 44 && close.height >= 44 && close.x + close.width <= 360);
  await screenshot(p, 'embed-dialog-360x640');
  await expectAccessibleIn(assert, frame, 'the wizard inside the dialog, 360 px');
  await p.keyboard.press('Escape');
  await expectClosedWithFocusOnButton(p);
  assert.deepEqual(p.errors, []);
});

test('hostile page CSS (all: unset, huge fonts, hidden elements) still gives a usable button and dialog', async () => {
  const p = await newPage(browser, { width: 1280, height: 800 });
  await p.goto(`${HOST}/hostile`);
  await button(p).waitFor();
  assert.ok(await button(p).isVisible());
  const style = await button(p).evaluate((b) => {
    const s = getComputedStyle(b);
    return { fontSize: s.fontSize, letterSpacing: s.letterSpacing, textTransform: s.textTransform, position: s.position };
  });
  assert.deepEqual(style, { fontSize: '16px', letterSpacing: 'normal', textTransform: 'none', position: 'fixed' });
  assert.equal(await button(p).innerText(), 'Escríbanos');
  const box = await button(p).boundingBox();
  assert.ok(box.height >= 44 && box.height < 80, `button height ${box.height}`);
  // data-position="bottom-right": floating in the corner, inside the viewport.
  assert.ok(box.x + box.width <= 1280 - 16 + 1 && box.x + box.width > 1200, `x ${box.x} w ${box.width}`);
  assert.ok(box.y + box.height <= 800 - 16 + 1 && box.y + box.height > 740, `y ${box.y} h ${box.height}`);
  await screenshot(p, 'embed-hostile-button-1280x800');

  const frame = await openWithKeyboard(p);
  const dialogBox = await dialog(p).boundingBox();
  assert.ok(dialogBox.width === 760 && dialogBox.height > 200, `dialog ${JSON.stringify(dialogBox)}`);
  assert.ok(await frame.locator('main h1').isVisible());
  const closeStyle = await p.locator('contacto-ciudadano button.x').evaluate((b) => getComputedStyle(b).fontSize);
  assert.equal(closeStyle, '16px');
  await screenshot(p, 'embed-hostile-dialog-1280x800');
  await p.locator('contacto-ciudadano button.x').click();
  await expectClosedWithFocusOnButton(p);
  assert.deepEqual(p.errors, []);
});

test('a page with a strict CSP of its own still gets a styled, working button (in its data-lang)', async () => {
  const p = await newPage(browser, { width: 1280, height: 800 });
  const violations = [];
  p.on('console', (m) => { if (/Content Security Policy/.test(m.text())) violations.push(m.text()); });
  await p.goto(`${HOST}/strict-csp`);
  await button(p).waitFor();
  assert.equal(await button(p).innerText(), 'Contact us');
  const bg = await button(p).evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(bg, 'rgb(11, 61, 102)', 'the scoped styles apply under the page CSP');
  const frame = await openWithKeyboard(p);
  assert.equal(await frame.locator('main h1').innerText(), 'Contact an agency');
  assert.equal(await p.locator('contacto-ciudadano button.x').innerText(), 'Close');
  assert.deepEqual(violations, []);
  await p.keyboard.press('Escape');
  await expectClosedWithFocusOnButton(p);
  assert.deepEqual(p.errors, []);
});

test('"Salir rápido" inside the dialog takes the whole tab to the neutral site', async () => {
  const p = await newPage(browser, { width: 1280, height: 800 });
  await routeNeutralSite(p);
  await p.goto(`${HOST}/`);
  await button(p).waitFor();
  const frame = await openWithKeyboard(p);
  await frame.getByRole('link', { name: 'Empezar' }).click();
  await frame.waitForURL(/\/contacto\/tipo$/);
  await frame.getByRole('button', { name: /Salir rápido/ }).click();
  await p.waitForURL('https://www.google.com/**');
  assert.equal(await p.locator('contacto-ciudadano').count(), 0);
});

test('messages from foreign origins are ignored, both by the page script and by the app', async () => {
  // 1. A third-party frame (port 8082) on the agency page posts fake app messages to it.
  const p = await newPage(browser, { width: 1280, height: 800 });
  await p.goto(`${HOST}/with-foreign-frame`);
  await button(p).waitFor();
  await openWithKeyboard(p);
  const heightBefore = await p.locator('contacto-ciudadano iframe').evaluate((f) => f.style.height);
  const ad = p.frames().find((f) => f.url().startsWith(`${FOREIGN}/ad`));
  assert.ok(ad, 'the foreign frame loaded');
  await ad.evaluate(() => {
    for (const m of [
      { type: 'filed', ticket: 'FAKE-0001' },
      { type: 'resize', height: 5 },
      { type: 'close' },
    ]) window.top.postMessage({ source: 'contacto-ciudadano', version: 1, ...m }, '*');
  });
  await messagesHandled(p);
  assert.equal((await focus(p)).open, true, 'a foreign "close" does not close the dialog');
  assert.equal(await p.locator('#events li').count(), 0, 'a foreign "filed" is not reported');
  assert.equal(await p.locator('contacto-ciudadano iframe').evaluate((f) => f.style.height), heightBefore);
  assert.deepEqual(p.errors, []);

  // 2. The app is framed by a page on another origin than the one it was told
  //    (?origen=127.0.0.1:8081, page on localhost:8081, both allowed to frame it): it
  //    says nothing to that page and ignores what the page posts.
  const q = await newPage(browser, { width: 1280, height: 800 });
  const warnings = [];
  q.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await q.goto(`${HOST_ALIAS}/mismatch`);
  const frame = await appFrame(q);
  await frame.waitForSelector('main h1');
  const ignored = q.waitForEvent('console', {
    predicate: (m) => m.text().includes('ignored a message from http://localhost:8081'),
  });
  await q.evaluate(() => document.getElementById('app').contentWindow.postMessage(
    { source: 'contacto-ciudadano', version: 1, type: 'ready' }, '*'));
  await ignored;
  assert.ok(warnings.some((w) => w.includes('ignored a message from http://localhost:8081')), `warnings: ${warnings}`);
  assert.equal(await q.locator('#messages li').count(), 0, 'the app never posted to the wrong origin');
  assert.deepEqual(q.errors, []);

  // 3. A page whose origin is not in embed_origins cannot even frame the app (CSP
  //    frame-ancestors): the dialog keeps its fallback link to the full site.
  const r = await newPage(browser, { width: 1280, height: 800 });
  await r.goto(`${FOREIGN}/`);
  await button(r).waitFor();
  // Chromium says so in the console when frame-ancestors refuses the frame.
  const refused = r.waitForEvent('console', { predicate: (m) => /frame-ancestors/.test(m.text()) });
  await button(r).click();
  await refused;
  const fallback = r.locator('contacto-ciudadano p.l a');
  assert.ok(await fallback.isVisible(), 'the fallback link stays visible');
  assert.equal(await fallback.getAttribute('href'), `${server.base}/contacto?idioma=es&entidad=MDT`);
  assert.equal(await r.locator('#messages li').count(), 0);
  const framed = r.frames().find((f) => f.url().startsWith(server.base));
  if (framed) assert.equal(await framed.locator('main h1').count(), 0, 'the app did not load inside 8082');
  await expectAccessible(assert, r, 'agency page whose origin is not allowed, dialog open');
});

test('/integrar explains every option, builds the snippet, copies it, previews it and lists the allowed origins', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 640 }]) {
    const p = await newPage(browser, viewport);
    await p.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
    await p.goto(`${server.base}/integrar`);
    await settled(p);
    assert.equal(await p.locator('h1').innerText(), 'Botón de contacto para el sitio web de su entidad');
    const snippet = p.locator('pre.cc-embed-code code').first();
    assert.equal(await snippet.innerText(), `<script src="${server.base}/embed.js"\n  data-lang="es"\n  defer></script>`);
    await expectAccessible(assert, p, `/integrar ${viewport.width}px`);

    await p.locator('#embed-agency option[value=MDT]').waitFor({ state: 'attached' });
    await p.selectOption('#embed-agency', 'MDT');
    await p.selectOption('#embed-type', 'queja');
    await p.getByLabel('Texto del botón (opcional)').fill('Escríbanos "ya"');
    await p.getByLabel('Flotante, abajo a la derecha').check();
    const expected = `<script src="${server.base}/embed.js"\n  data-agency="MDT"\n  data-lang="es"\n  data-type="queja"\n  data-position="bottom-right"\n  data-label="Escríbanos &quot;ya&quot;"\n  defer></script>`;
    assert.equal(await snippet.innerText(), expected);
    assert.equal(await p.locator('pre.cc-embed-code code').nth(1).innerText(),
      `<noscript>\n  <a href="${server.base}/contacto?entidad=MDT&amp;tipo=queja">Escríbanos &quot;ya&quot;</a>\n</noscript>`);

    // The live preview follows the form; its link opens the same pre-set wizard.
    const preview = p.locator('a.cc-embed-preview__button');
    assert.equal(await preview.innerText(), 'Escríbanos "ya"');
    assert.equal(await preview.getAttribute('href'), `${server.base}/contacto?entidad=MDT&tipo=queja`);
    assert.match(await p.locator('.cc-embed-preview').getAttribute('class'), /cc-embed-preview--floating/);

    await p.getByRole('button', { name: 'Copiar el código del botón' }).click();
    await p.getByText('Copiado.').waitFor();
    assert.equal(await p.evaluate(() => navigator.clipboard.readText()), expected);

    // Every option and custom property is explained; the allowed origins are listed.
    const text = await p.locator('main').innerText();
    for (const name of ['data-agency', 'data-lang', 'data-type', 'data-procedure', 'data-position', 'data-label',
      '--cc-embed-color', '--cc-embed-text', '--cc-embed-font', '--cc-embed-radius', 'contacto-ciudadano:filed',
      'embed_origins', 'frame-ancestors', 'http://127.0.0.1:8081', 'http://localhost:8081', '"resize"']) {
      assert.ok(text.includes(name), `/integrar mentions ${name}`);
    }
    // Another language redraws the texts and keeps every answer.
    await p.getByRole('button', { name: 'English' }).click();
    await p.getByRole('heading', { level: 1, name: "Contact button for your agency's website" }).waitFor();
    assert.equal(await snippet.innerText(), expected);
    assert.equal(await p.locator('#embed-agency').inputValue(), 'MDT');
    assert.equal(await p.getByLabel('Button text (optional)').inputValue(), 'Escríbanos "ya"');
    assert.ok(await p.getByLabel('Floating, bottom right').isChecked());
    await p.getByRole('button', { name: 'Español' }).click();
    await p.locator('.cc-embed-builder').scrollIntoViewIfNeeded();
    await screenshot(p, `integrar-${viewport.width}x${viewport.height}`);
    await expectAccessible(assert, p, `/integrar ${viewport.width}px, filled in`);
    assert.deepEqual(p.errors, []);
  }
});
