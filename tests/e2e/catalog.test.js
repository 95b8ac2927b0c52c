// Catalog end to end: typo search, filters, procedure page, Back, 404, axe on every
// screen at 360x640 and 1280x800.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, settled, expectAccessible, screenshot, VIEWPORTS } from './lib.js';

const h = serverAndBrowser();

test('a typo search finds the right procedure', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/tramites`);
  await settled(page);
  await page.getByLabel('Buscar un trámite').fill('pasaprte');
  const first = page.locator('.cc-result').first();
  await first.waitFor();
  assert.match(await first.locator('h3').innerText(), /Pasaporte/);
  // The search lives in the URL.
  assert.match(page.url(), /q=pasaprte/);
  assert.deepEqual(page.errors, []);
});

test('filters narrow the results and show counts', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/tramites`);
  await settled(page);
  const count = async () => Number((await page.locator('#results-count').innerText()).match(/\d+/)[0]);
  const all = await count();
  assert.ok(all >= 60, `catalog has ${all} procedures`);
  // On a phone the filters fold behind "Filtrar" so the results come first.
  await page.locator('.cc-filters-disclosure__summary').click();
  await page.getByLabel('Entidad').selectOption('REG');
  await page.waitForFunction((n) => !document.querySelector('#results-count').innerText.startsWith(String(n)), all);
  const reg = await count();
  assert.ok(reg > 0 && reg < all, `agency filter: ${reg} of ${all}`);
  assert.match(page.url(), /entidad=REG/);
  await page.getByLabel(/Solo trámites gratuitos/).check();
  await page.waitForURL(/gratis=true/);
  const freeReg = await count();
  assert.ok(freeReg <= reg, `free filter: ${freeReg} <= ${reg}`);
  await page.getByRole('button', { name: 'Quitar filtros' }).click();
  await page.waitForURL((u) => !u.search.includes('entidad'));
  assert.equal(await count(), all);
  assert.deepEqual(page.errors, []);
});

test('a procedure page shows requirements and offices; Back restores the search', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/tramites?q=licencia%20de%20conduccion`);
  await settled(page);
  const link = page.locator('.cc-result a').first();
  assert.match(await link.innerText(), /[Ll]icencia de conducir/);
  await link.click();
  await page.waitForURL(/\/tramites\/[a-z0-9-]+$/);
  await settled(page);
  assert.match(await page.locator('h1').innerText(), /[Ll]icencia de conducir/);
  // Focus moved to the new page's heading, so screen readers announce it.
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  assert.ok(await page.getByRole('heading', { name: 'Qué necesita' }).first().isVisible());
  assert.ok((await page.locator('.cc-requirements li').count()) > 0);
  assert.ok(await page.getByRole('heading', { name: 'Dónde hacerlo' }).isVisible());
  assert.ok((await page.locator('.cc-office').count()) > 0);
  assert.match(await page.title(), /Licencia de conducir.* — /i);
  await page.goBack();
  await page.waitForURL(/\/tramites\?q=licencia/);
  await settled(page);
  assert.equal(await page.getByLabel('Buscar un trámite').inputValue(), 'licencia de conduccion');
  assert.ok((await page.locator('.cc-result').count()) > 0);
  assert.deepEqual(page.errors, []);
});

test('an unknown slug shows the 404 page', async () => {
  const page = await newPage(h.browser);
  const response = await page.goto(`${h.server.base}/tramites/no-existe-este-tramite`);
  assert.equal(response.status(), 200); // SPA fallback; the app renders the 404
  await settled(page);
  assert.equal(await page.locator('h1').innerText(), 'No encontramos esta página');
  await page.goto(`${h.server.base}/otra/ruta/que/no/existe`);
  await settled(page);
  assert.equal(await page.locator('h1').innerText(), 'No encontramos esta página');
  assert.deepEqual(page.errors, []);
});

test('English is complete on the catalog screens', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/tramites`);
  await settled(page);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Services' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.ok(await page.getByLabel('Find a service').isVisible());
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('heading', { level: 1, name: 'Trámites' }).waitFor();
});

test('backend down: a clear message and a retry, never a blank page', async () => {
  const page = await newPage(h.browser);
  let fail = true;
  await page.route('**/api/v1/catalog/index', (route) => (fail ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
  await page.goto(`${h.server.base}/tramites`);
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /fallo/);
  await expectAccessible(assert, page, 'catalog error state');
  fail = false;
  await page.getByRole('button', { name: 'Intentar de nuevo' }).click();
  await page.locator('.cc-result').first().waitFor();
  assert.deepEqual(page.errors, []);
});

test('malformed JSON from the backend becomes a message, not a panic', async () => {
  const page = await newPage(h.browser);
  await page.route('**/api/v1/procedures/*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"slug": 4' }));
  await page.goto(`${h.server.base}/tramites/pasaporte-ordinario`);
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /no podemos leer/);
  assert.deepEqual(page.errors, []);
});

for (const viewport of VIEWPORTS) {
  test(`axe-core: 0 violations on catalog screens at ${viewport.width}x${viewport.height}`, async () => {
    const page = await newPage(h.browser, viewport);
    const screens = [
      ['home', '/'],
      ['search', '/tramites?q=pasaporte'],
      ['search-filtered', '/tramites?entidad=REG&modalidad=presencial'],
      ['procedure', '/tramites/pasaporte-ordinario'],
      ['not-found', '/tramites/no-existe'],
    ];
    for (const [name, path] of screens) {
      await page.goto(`${h.server.base}${path}`);
      await settled(page);
      await screenshot(page, `${name}-${viewport.width}`);
      await expectAccessible(assert, page, `${path} at ${viewport.width}px`);
    }
    assert.deepEqual(page.errors, []);
  });
}
