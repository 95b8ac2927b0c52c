// Offline and flaky networks: the installable app and its service worker
// (public/sw.js, scripts/build-app.sh). After one visit with a connection, the phone
// loses it AND the server is gone: the pages already opened, the catalog and the
// wizard still open, the offline banner says so, and a draft typed meanwhile survives.
// Then a new build is deployed: the update is offered, and applied only on the tap,
// without losing the draft. Needs the release build (`make app`): trunk serve has no
// service worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DIST, startServer, launchBrowser, launchProfileBrowser, newPage, settled, screenshot,
  expectAccessible, fillQueja,
} from './lib.js';

const DRAFT = 'Escrito sin conexión: el bus de la línea 4 no pasa desde el lunes.';
const OFFLINE_BANNER = /No hay conexión\. Puede seguir llenando el formulario y ver lo que ya abrió; se guarda en este teléfono\./;

const h = { server: null, browser: null, page: null, slug: null, copy: null };

before(async () => {
  h.server = await startServer();
  h.browser = await launchBrowser();
});

after(async () => {
  await h.browser?.close();
  await h.server?.stop();
  if (h.copy) rmSync(h.copy, { recursive: true, force: true });
});

/** Opens `path` and waits for its heading; returns the heading's text. */
async function open(page, path) {
  await page.goto(`${h.server.base}${path}`);
  await settled(page);
  return (await page.locator('h1').first().innerText()).trim();
}

async function draftSaved(page, text) {
  await page.waitForFunction((t) => (localStorage.getItem('cc-draft-v1') ?? '').includes(t), text);
}

const swBuilt = existsSync(join(DIST, 'sw.js'));

test('Chromium finds the app installable (manifest, icons, service worker), as the deployment names and colours it', { skip: !swBuilt && 'no dist/sw.js: not a release build' }, async () => {
  // A deployment with its own name and colour (cc-server writes them into the manifest
  // and the page's theme-color).
  const dir = mkdtempSync(join(tmpdir(), 'cc-look-'));
  const deployment = JSON.parse(readFileSync('../../crates/server/seed/deployment.json', 'utf8'));
  Object.assign(deployment, { name: 'Atención Municipal', short_name: 'Municipio', theme_color: '#1d5e2f' });
  writeFileSync(join(dir, 'deployment.json'), JSON.stringify(deployment));
  const server = await startServer(['--deployment', join(dir, 'deployment.json')]);
  // Incognito contexts are never installable: this one has a profile.
  const context = await launchProfileBrowser();
  try {
    const page = await context.newPage();
    await page.goto(`${server.base}/`);
    await settled(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const { url } = await cdp.send('Page.getAppManifest');
    assert.equal(new URL(url).pathname, '/manifest.webmanifest');
    const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
    assert.equal(manifest.name, 'Atención Municipal');
    assert.equal(manifest.short_name, 'Municipio');
    assert.equal(manifest.theme_color, '#1d5e2f');
    assert.equal(manifest.background_color, '#ffffff');
    assert.equal(manifest.lang, 'es');
    assert.equal(manifest.start_url, '/');
    assert.equal(manifest.display, 'standalone');
    assert.equal(await page.locator('meta[name=theme-color]').getAttribute('content'), '#1d5e2f');
  } finally {
    await context.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('after one visit, the app opens without a connection and with the server down', { skip: !swBuilt && 'no dist/sw.js' }, async () => {
  const page = await newPage(h.browser);
  h.page = page;
  h.slug = (await (await fetch(`${h.server.base}/api/v1/catalog/index`)).json()).procedures[0].slug;

  // The one visit with a connection: the worker installs and takes the page.
  await open(page, '/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  assert.match(await open(page, '/tramites'), /Trámites/);
  const procedure = await open(page, `/tramites/${h.slug}`);
  assert.match(await open(page, '/contacto/tipo'), /Qué quiere hacer/);
  await page.getByLabel('Queja').check();
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.waitForURL(/\/contacto\/entidad$/);
  await page.locator('input[name=agency]').first().check();
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.waitForURL(/\/contacto\/que-paso$/);
  await page.getByLabel('Cuéntenos qué pasó').fill(DRAFT);
  await draftSaved(page, DRAFT);
  assert.equal(await page.locator('.cc-site-notice').count(), 0, 'online: no banner');

  // No connection, and no server either.
  await page.context().setOffline(true);
  await h.server.stop();
  await page.locator('.cc-site-notice', { hasText: OFFLINE_BANNER }).waitFor();

  for (const [path, heading] of [
    ['/', /necesita hacer hoy/],
    ['/tramites', /Trámites/],
    [`/tramites/${h.slug}`, new RegExp(procedure.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))],
    ['/contacto/tipo', /Qué quiere hacer/],
  ]) {
    assert.match(await open(page, path), heading, `${path} offline`);
    const banner = page.locator('[role=status] .cc-site-notice');
    await banner.waitFor();
    assert.match(await banner.innerText(), OFFLINE_BANNER, `${path}: the offline banner`);
  }

  // The draft is there, and what is typed offline is kept too.
  await open(page, '/contacto/que-paso');
  const field = page.getByLabel('Cuéntenos qué pasó');
  assert.equal(await field.inputValue(), DRAFT);
  await field.fill(`${DRAFT} Sigue igual.`);
  await draftSaved(page, 'Sigue igual.');
  await open(page, '/contacto/que-paso');
  assert.equal(await page.getByLabel('Cuéntenos qué pasó').inputValue(), `${DRAFT} Sigue igual.`);

  await screenshot(page, 'offline-banner-360');
  await expectAccessible(assert, page, 'the wizard offline, with the banner');
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `320 px: no horizontal scroll (${overflow} px too wide)`);
  await page.setViewportSize({ width: 360, height: 640 });

  // Nothing about cases is kept by the worker.
  const kept = await page.evaluate(async () => (await (await caches.open('cc-data-v1')).keys()).map((r) => new URL(r.url).pathname));
  assert.ok(kept.length > 0, 'the catalog and config are kept');
  assert.ok(kept.every((p) => !/\/cases|\/attachments|\/staff/.test(p)), kept.join(' '));
  assert.deepEqual(page.errors, []);
});

test('a new version is offered, and applied on the tap without losing the draft', { skip: !swBuilt && 'no dist/sw.js' }, async () => {
  const page = h.page;
  assert.ok(page, 'runs after the offline test');
  // The next build: the same files and a new sw.js (its version string changed), on the
  // same address, so the browser sees the same site with an updated worker.
  h.copy = mkdtempSync(join(tmpdir(), 'cc-dist-'));
  cpSync(DIST, h.copy, { recursive: true });
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const version = sw.match(/"version":"([0-9a-f]+)"/)[1];
  writeFileSync(join(h.copy, 'sw.js'), sw.replace(`"version":"${version}"`, `"version":"${version}b"`));
  for (const old of ['sw.js.br', 'sw.js.gz']) rmSync(join(h.copy, old), { force: true });
  h.server = await startServer([], {}, { port: h.server.port, dist: h.copy });
  await page.context().setOffline(false);

  // A visit checks for a new worker; it installs and waits for the person.
  await open(page, '/contacto/que-paso');
  const banner = page.locator('.cc-site-notice', { hasText: 'Hay una versión nueva.' });
  await banner.waitFor({ timeout: 30000 });
  const button = banner.getByRole('button', { name: 'Actualizar' });
  const box = await button.boundingBox();
  assert.ok(box.height >= 44, `the button is a 44 px target (${box.height})`);
  await screenshot(page, 'update-banner-360');
  await expectAccessible(assert, page, 'the update banner');
  const before = await page.evaluate(() => caches.keys());
  assert.ok(before.includes(`cc-shell-${version}`) && before.includes(`cc-shell-${version}b`), before.join(' '));
  assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), true);

  // Typed right before the tap: the reload must keep it.
  await page.getByLabel('Cuéntenos qué pasó').fill(`${DRAFT} Justo antes de actualizar.`);
  await draftSaved(page, 'Justo antes de actualizar.');
  await page.evaluate(() => { window.ccBeforeUpdate = true; });
  await button.click();
  await page.waitForFunction(() => !window.ccBeforeUpdate && document.querySelector('h1'), null, { timeout: 30000 });
  await settled(page);
  assert.equal(await page.getByLabel('Cuéntenos qué pasó').inputValue(), `${DRAFT} Justo antes de actualizar.`);
  assert.equal(await page.locator('.cc-site-notice').count(), 0, 'no banner after the update');
  const after = await page.evaluate(() => caches.keys());
  assert.ok(after.includes(`cc-shell-${version}b`), after.join(' '));
  assert.ok(!after.includes(`cc-shell-${version}`), `the old build's cache is gone: ${after.join(' ')}`);
  assert.deepEqual(page.errors, []);
});

test('a real panic in the release build: the recovery screen, the draft kept, a reload brings the app back', async () => {
  const context = await h.browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // Safari refuses history.pushState past 100 calls in 30 seconds (a SecurityError);
  // here the browser refuses it once the test says so. The router `expect`s it to work.
  await page.addInitScript(() => {
    const push = History.prototype.pushState;
    History.prototype.pushState = function pushState(...args) {
      if (window.refuseHistory) throw new DOMException('Attempt to use history.pushState() too often', 'SecurityError');
      return push.apply(this, args);
    };
  });
  const draft = 'Antes del fallo: el alumbrado de la plaza lleva una semana apagado.';
  await fillQueja(page, h.server.base, { description: draft });
  await page.evaluate(() => { window.refuseHistory = true; });
  await page.getByRole('link', { name: /Cambiar/ }).first().click();

  const heading = page.getByRole('heading', { level: 1, name: 'Algo falló en esta página' });
  await heading.waitFor();
  assert.ok(errors.some((e) => /panicked/.test(e)), `a Rust panic: ${errors.join(' | ')}`);
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Algo falló en esta página');
  assert.match(await page.locator('main').innerText(), /Lo que escribió está guardado en este teléfono\./);
  assert.match(await page.evaluate(() => localStorage.getItem('cc-draft-v1')), new RegExp(draft));
  await expectAccessible(assert, page, 'recovery screen');
  await screenshot(page, 'crash-recovery');

  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Volver a cargar' }).click()]);
  await settled(page);
  assert.match(page.url(), /\/contacto\/revisar$/);
  await page.getByText(draft).waitFor();
  await context.close();
});

test('an uncaught wasm trap that runs no panic hook (out of memory) shows the same screen', async () => {
  const page = await newPage(h.browser);
  assert.match(await open(page, '/tramites'), /Trámites/);
  // What an abort without a panic leaves: a WebAssembly.RuntimeError nobody catches.
  await page.evaluate(() => { setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }); });
  await page.getByRole('heading', { level: 1, name: 'Algo falló en esta página' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  await page.getByRole('button', { name: 'Volver a cargar' }).waitFor();
});
