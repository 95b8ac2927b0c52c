// Transparency page end to end against the demo history (581 synthetic cases): the
// figures show, the agency and the period live in the URL and change the figures, a
// table's CSV holds the table's rows, axe finds nothing in either contrast, and a
// 320 px phone never scrolls sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serverAndBrowser, newPage, settled, expectAccessible, screenshot, VIEWPORTS } from './lib.js';

const h = serverAndBrowser(['--demo-history']);

/** The figures of the current view: the cases count as shown, once loaded. */
async function figures(page) {
  await settled(page);
  await page.locator('.cc-transparency__figures').waitFor();
  return page.locator('.cc-transparency__figures').getAttribute('data-cases');
}

test('the page shows the figures of the last 12 months, drawn and in tables', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/transparencia`);
  const cases = await figures(page);
  assert.match(cases, /^\d+$/, `cases shown: ${cases}`);
  assert.ok(Number(cases) > 0);
  assert.equal(await page.locator('h1').innerText(), 'Transparencia');
  // Twelve months in the trend table, bars for the published counts.
  assert.equal(await page.locator('.cc-data-table:has(button[data-csv="casos-por-mes"]) tbody tr').count(), 12);
  assert.ok((await page.locator('svg.cc-chart__svg rect.cc-chart__bar').count()) > 5);
  // Every chart says what it shows in a sentence.
  for (const s of await page.locator('.cc-chart__summary').allInnerTexts()) assert.ok(s.length > 20, s);
  assert.deepEqual(page.errors, []);
});

test('choosing an agency and a period updates the URL and the figures', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/transparencia`);
  const all = Number(await figures(page));
  const options = page.locator('#tr-entidad option');
  await page.waitForFunction(() => document.querySelectorAll('#tr-entidad option').length > 1);
  const slug = await options.nth(1).getAttribute('value');
  const name = (await options.nth(1).innerText()).trim();
  await page.locator('#tr-entidad').selectOption(slug);
  await page.getByRole('button', { name: 'Ver cifras' }).click();
  await page.waitForURL((u) => u.searchParams.get('entidad') === slug);
  await page.waitForFunction((n) => document.querySelector('.cc-transparency__scope')?.innerText.startsWith(n), name);
  const one = await figures(page);
  assert.notEqual(one, String(all), `the agency's figures differ from the whole (${one} vs ${all})`);
  // One month only: the trend table has one row.
  const month = await page.locator('#tr-hasta').inputValue();
  await page.locator('#tr-desde').selectOption(month);
  await page.getByRole('button', { name: 'Ver cifras' }).click();
  await page.waitForURL((u) => u.searchParams.get('desde') === month && u.searchParams.get('hasta') === month);
  await page.waitForFunction(() => document
    .querySelectorAll('.cc-data-table:has(button[data-csv="casos-por-mes"]) tbody tr').length === 1);
  // The address reproduces the view.
  const again = await newPage(h.browser);
  await again.goto(page.url());
  await figures(again);
  assert.equal(await again.locator('#tr-entidad').inputValue(), slug);
  assert.equal(await again.locator('#tr-desde').inputValue(), month);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(again.errors, []);
});

test('a table downloads as CSV with its rows', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/transparencia`);
  await figures(page);
  const table = page.locator('.cc-data-table:has(button[data-csv="casos-por-mes"])');
  const rows = await table.locator('tbody tr').allInnerTexts();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('button[data-csv="casos-por-mes"]').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'casos-por-mes.csv');
  const lines = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0], 'Mes,Recibidos,Cerrados,Mediana hasta el cierre (días hábiles)');
  assert.equal(lines.length, rows.length + 1);
  assert.ok(lines[1].startsWith(rows[0].split('\t')[0]), `${lines[1]} / ${rows[0]}`);
});

test('axe finds nothing, in normal and in more contrast; 320 px does not scroll sideways', async () => {
  for (const viewport of VIEWPORTS) {
    const page = await newPage(h.browser, viewport);
    await page.goto(`${h.server.base}/transparencia`);
    await figures(page);
    await expectAccessible(assert, page, `/transparencia ${viewport.width}`);
    await screenshot(page, `transparency-${viewport.width}x${viewport.height}`);
    await page.emulateMedia({ contrast: 'more' });
    await expectAccessible(assert, page, `/transparencia ${viewport.width}, more contrast`);
    await page.close();
  }
  const phone = await newPage(h.browser, { width: 320, height: 640 });
  await phone.goto(`${h.server.base}/transparencia`);
  await figures(phone);
  const sideways = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.equal(sideways, 0, `scrolls sideways by ${sideways} px at 320 px`);
});
