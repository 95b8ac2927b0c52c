// The service-point finder end to end on the demo catalog: "open now" decided in the
// deployment's time zone (America/La_Paz, UTC−4) whatever the phone's zone is, on a
// weekday morning, a Saturday and one of the deployment's holidays, with the browser's
// clock fixed by Playwright; the place and procedure filters and a misspelled search,
// all kept in the URL; the link from a procedure page; axe in both contrasts; 320 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serverAndBrowser, settled, expectAccessible, screenshot, reflowProblems, smallTargets, VIEWPORTS, ARTIFACTS } from './lib.js';

const h = serverAndBrowser();

const PASSPORTS = 'Oficina de Pasaportes de Santa Lucía';
// Wall-clock moments in La Paz (no daylight saving: UTC−4 all year).
const WEDNESDAY_10 = '2026-11-25T14:00:00Z';
const SATURDAY_10 = '2026-11-28T14:00:00Z';
// 2026-12-08, a Tuesday, is one of the demo deployment's holidays.
const HOLIDAY_10 = '2026-12-08T14:00:00Z';

/** A page whose clock reads `iso`, on a phone set to Tokyo's time (13 hours ahead of La
 *  Paz: the page must not use the phone's zone). */
async function pageAt(iso, viewport = VIEWPORTS[0]) {
  const context = await h.browser.newContext({ viewport, timezoneId: 'Asia/Tokyo' });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && /panicked|RuntimeError|unreachable/.test(m.text())) page.errors.push(m.text());
  });
  await page.clock.setFixedTime(new Date(iso));
  return page;
}

async function open(page, query = '') {
  await page.goto(`${h.server.base}/puntos-de-atencion${query}`);
  await settled(page);
  await page.locator('#points-count').waitFor();
}

/** The state line of the point named `name`, as read. */
async function stateOf(page, name) {
  const card = page.locator('.cc-point', { has: page.getByRole('heading', { name, exact: true }) });
  return (await card.locator('.cc-point-status').textContent()).replace(/\s+/g, ' ').trim();
}

async function shownNames(page) {
  return page.locator('.cc-point__name').allInnerTexts();
}

test('a weekday at 10:00 in La Paz: open, and when it closes', async () => {
  const page = await pageAt(WEDNESDAY_10);
  await open(page);
  assert.equal(await page.locator('h1').innerText(), 'Puntos de atención');
  assert.match(await stateOf(page, PASSPORTS), /^Abierto ahora, ?cierra a las 16:30$/);
  // The week table marks today (Wednesday) in words.
  const card = page.locator('.cc-point', { has: page.getByRole('heading', { name: PASSPORTS }) });
  assert.match(await card.locator('tr.cc-point__today th').innerText(), /Miércoles \(hoy\)/);
  assert.match(await card.locator('tr', { hasText: 'Sábado' }).innerText(), /Cerrado/);
  // A phone link and a map link with the coordinates.
  assert.match(await card.locator('a[href^="tel:"]').getAttribute('href'), /^tel:\+?\d+$/);
  assert.match(await card.getByRole('link', { name: 'Ver en el mapa' }).getAttribute('href'),
    /^https:\/\/www\.openstreetmap\.org\/\?mlat=-?\d+(\.\d+)?&mlon=-?\d+(\.\d+)?#map=17\//);
  assert.match(await card.locator('a[href^="geo:"]').getAttribute('href'), /^geo:-?\d+(\.\d+)?,-?\d+(\.\d+)?$/);
  // The procedures served link to their pages.
  await card.getByRole('link', { name: 'Pasaporte ordinario' }).click();
  await page.waitForURL(/\/tramites\/pasaporte-ordinario$/);
  assert.deepEqual(page.errors, []);
});

test('on Saturday everything weekday-only is closed until Monday', async () => {
  const page = await pageAt(SATURDAY_10);
  await open(page);
  assert.match(await stateOf(page, PASSPORTS), /^Cerrado, ?abre el lunes a las 08:00$/);
  // A civil registry office open on Saturday mornings is open.
  const open10 = await page.locator('.cc-point-status--open').count();
  assert.ok(open10 > 0, 'some office opens on Saturday mornings');
  const closedWords = await page.locator('.cc-point-status--closed').allTextContents();
  assert.ok(closedWords.every((w) => /^Cerrado/.test(w.trim())), closedWords.join(' | '));
  assert.deepEqual(page.errors, []);
});

test('on a holiday of the deployment a weekday office is closed, and opens the next day', async () => {
  const page = await pageAt(HOLIDAY_10);
  await open(page);
  assert.match(await stateOf(page, PASSPORTS), /^Cerrado por feriado, ?abre mañana a las 08:00$/);
  assert.equal(await page.locator('.cc-point-status--open').count(), 0, 'nothing open on the holiday');
  assert.deepEqual(page.errors, []);
});

test('filters by place and procedure and a misspelled search, all in the URL', async () => {
  const page = await pageAt(WEDNESDAY_10);
  await open(page);
  const all = (await shownNames(page)).length;
  assert.match(await page.locator('#points-count').innerText(), new RegExp(`^${all} puntos de atención$`));
  // The count is in a live region, so it is announced as it changes.
  assert.equal(await page.locator('[role=status]:has(#points-count)').count(), 1);

  await page.locator('#plugar').selectOption('Puerto Esperanza');
  await page.waitForURL((u) => u.searchParams.get('lugar') === 'Puerto Esperanza');
  await page.waitForFunction((n) => document.querySelectorAll('.cc-point').length < n, all);
  const inPlace = await page.locator('.cc-point__place').allInnerTexts();
  assert.ok(inPlace.length > 0 && inPlace.every((c) => c === 'Puerto Esperanza'), inPlace.join());

  await page.locator('#ptramite').selectOption('pasaporte-ordinario');
  await page.waitForURL((u) => u.searchParams.get('tramite') === 'pasaporte-ordinario');
  await page.waitForFunction(() => document.querySelectorAll('.cc-point').length === 1);
  assert.deepEqual(await shownNames(page), ['Oficina de Pasaportes de Puerto Esperanza']);
  assert.equal(await page.locator('#points-count').innerText(), '1 punto de atención');

  // The address reproduces the list.
  const again = await pageAt(WEDNESDAY_10);
  await again.goto(page.url());
  await settled(again);
  await again.locator('.cc-point').first().waitFor();
  assert.deepEqual(await shownNames(again), ['Oficina de Pasaportes de Puerto Esperanza']);
  assert.equal(await again.locator('#ptramite').inputValue(), 'pasaporte-ordinario');

  // "Quitar filtros", then a search with a typo and no accents.
  await page.getByRole('link', { name: 'Quitar filtros' }).click();
  await page.waitForURL((u) => u.search === '');
  await page.locator('#pq').fill('pasaprotes santa lucia');
  await page.waitForURL((u) => u.searchParams.get('q') === 'pasaprotes santa lucia');
  await page.waitForFunction((n) => document.querySelector('.cc-point__name')?.innerText === n, PASSPORTS);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(again.errors, []);
});

test('a procedure page links to its offices in the finder', async () => {
  const page = await pageAt(WEDNESDAY_10);
  await page.goto(`${h.server.base}/tramites/pasaporte-ordinario`);
  await settled(page);
  await page.getByRole('link', { name: 'Ver si estas oficinas están abiertas ahora' }).click();
  await page.waitForURL((u) => u.pathname === '/puntos-de-atencion' && u.searchParams.get('tramite') === 'pasaporte-ordinario');
  await page.locator('.cc-point').first().waitFor();
  const names = await shownNames(page);
  assert.equal(names.length, 2, names.join());
  assert.ok(names.every((n) => n.startsWith('Oficina de Pasaportes')), names.join());
  // And the footer links to the finder on every page.
  assert.equal(await page.locator('footer a[href="/puntos-de-atencion"]').count(), 1);
  assert.deepEqual(page.errors, []);
});

test('axe finds nothing in either contrast; 320 px and 200 % text reflow; 44 px targets', async () => {
  for (const viewport of VIEWPORTS) {
    const page = await pageAt(WEDNESDAY_10, viewport);
    await open(page);
    for (const contrast of ['no-preference', 'more']) {
      await page.emulateMedia({ contrast });
      await expectAccessible(assert, page, `/puntos-de-atencion ${viewport.width}, contrast ${contrast}`);
    }
    await page.emulateMedia({ contrast: 'no-preference' });
    await screenshot(page, `service-points-${viewport.width}x${viewport.height}`);
    await page.locator('.cc-point').first().screenshot({ path: join(ARTIFACTS, `service-points-card-${viewport.width}.png`) });
    assert.deepEqual(await smallTargets(page), [], `small targets at ${viewport.width}`);
    await page.context().close();
  }
  const phone = await pageAt(SATURDAY_10, { width: 320, height: 640 });
  await open(phone);
  assert.deepEqual(await reflowProblems(phone, '320 px'), []);
  await expectAccessible(assert, phone, '/puntos-de-atencion 320 px, closed');
  // 200 % text (the display panel's largest size) on a 320 px phone.
  await phone.evaluate(() => document.documentElement.setAttribute('data-text', '200'));
  assert.deepEqual(await reflowProblems(phone, '320 px, 200 % text'), []);
});
