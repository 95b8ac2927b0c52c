// Search as people ask: natural sentences, part matches said plainly, "Quizás quiso
// decir", and the main thread staying free while typing on a slow phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverAndBrowser, startServer, newPage, settled, expectAccessible, screenshot } from './lib.js';

const h = serverAndBrowser();

async function searchFor(page, text) {
  await page.getByLabel('Buscar un trámite').fill(text);
  await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, text);
}

test('a natural sentence typed in the search box shows the right procedure first', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/tramites`);
  await settled(page);
  for (const [sentence, name] of [
    ['quiero renovar mi licencia', /Renovación de la licencia de conducir/],
    ['cómo inscribo a mi hijo en la escuela', /[Ii]nscripción escolar/],
  ]) {
    await searchFor(page, sentence);
    await page.locator('.cc-result').first().waitFor();
    assert.match(await page.locator('.cc-result h3').first().innerText(), name, sentence);
  }
  await screenshot(page, 'search-natural-360');
  assert.deepEqual(page.errors, []);
});

test('part matches are said plainly, and a word that matches nothing gets "Quizás quiso decir"', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/tramites`);
  await settled(page);
  // "perro" is in no procedure: the licence procedures still come, said to match part.
  await searchFor(page, 'licencia de conducir para mi perro');
  await page.locator('#search-partial').waitFor();
  assert.match(await page.locator('.cc-result h3').first().innerText(), /[Ll]icencia de conducir/);
  await expectAccessible(assert, page, 'search with a part match');

  await searchFor(page, 'renovar lisencai');
  await page.locator('#search-suggestion').waitFor();
  const link = page.locator('#search-suggestion a');
  assert.equal(await link.innerText(), 'renovar licencia');
  await link.click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'renovar licencia');
  assert.match(await page.locator('.cc-result h3').first().innerText(), /Renovación de la licencia/);
  assert.equal(await page.locator('#search-suggestion').count(), 0);
  await screenshot(page, 'search-suggestion-360');
});

test('typing in the search box at 4x CPU slowdown: longest main-thread task per keystroke (reported)', async () => {
  const page = await newPage(h.browser);
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${h.server.base}/tramites`);
  await settled(page);
  await page.locator('.cc-result').first().waitFor();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await page.getByLabel('Buscar un trámite').click();
  const sentence = 'necesito un permiso para construir cerca del rio';
  await page.keyboard.type(sentence, { delay: 120 });
  await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, sentence);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const tasks = await page.evaluate(() => window.__longTasks);
  const longest = tasks.length ? Math.max(...tasks) : 0;
  // A figure, not a timed assertion: it depends on the machine.
  console.log(`# search box at 4x CPU: ${sentence.length} keystrokes, ${tasks.length} long tasks (> 50 ms), longest ${longest.toFixed(0)} ms`);
  assert.ok(await page.locator('.cc-result').count() > 0);
});

test('a catalog too large to download is searched by the backend: same answers, no index download', async () => {
  // The demo catalog (78 procedures) made "large" by the deployment's own threshold.
  const seed = JSON.parse(readFileSync(new URL('../../crates/server/seed/deployment.json', import.meta.url), 'utf8'));
  const file = join(mkdtempSync(join(tmpdir(), 'cc-large-')), 'deployment.json');
  writeFileSync(file, JSON.stringify({ ...seed, search_local_max: 10 }));
  const server = await startServer(['--deployment', file]);
  try {
    const page = await newPage(h.browser);
    const asked = [];
    page.on('request', (r) => { if (r.url().includes('/api/v1/catalog/')) asked.push(new URL(r.url()).pathname); });
    await page.goto(`${server.base}/tramites`);
    await settled(page);
    await page.getByLabel('Buscar un trámite').click();
    const sentence = 'quiero renovar mi licencia';
    await page.keyboard.type(sentence, { delay: 40 });
    await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, sentence);
    await page.locator('.cc-result h3', { hasText: 'Renovación de la licencia de conducir' }).first().waitFor();
    assert.match(await page.locator('.cc-result h3').first().innerText(), /Renovación de la licencia de conducir/);
    assert.ok(!asked.includes('/api/v1/catalog/index'), `the whole index was downloaded: ${asked}`);
    const searches = asked.filter((p) => p === '/api/v1/catalog/search').length;
    assert.ok(searches >= 1 && searches < sentence.length, `${searches} searches for ${sentence.length} letters`);
    await expectAccessible(assert, page, 'search answered by the backend');

    // The wizard's procedure suggestions come from the backend too.
    await page.goto(`${server.base}/contacto/tipo`);
    await settled(page);
    await page.getByLabel('Petición').check();
    await page.getByRole('button', { name: 'Continuar' }).click();
    await page.waitForURL(/\/contacto\/entidad$/);
    await page.getByLabel(/Búsquelo/).fill('pasaporte');
    await page.locator('.cc-suggestion', { hasText: /[Pp]asaporte/ }).first().waitFor();
    assert.deepEqual(page.errors, []);
  } finally {
    await server.stop();
  }
});
