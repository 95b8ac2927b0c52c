// Background Sync (Chromium has it): a case sent without a connection is also handed to
// the service worker, which files it when the connection is back even with every page
// of the app closed. Opened again, the app sends the same request (same
// Idempotency-Key), gets the same case back, and shows its number and code: one case.
// "Forget everything" also empties what the worker keeps. Needs the release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, serverAndBrowser, settled, sql, fillQueja, until } from './lib.js';

const h = serverAndBrowser();
const skip = !existsSync(join(DIST, 'sw.js')) && 'no dist/sw.js: not a release build';
const SYNC_TAG = 'cc-outbox';

const casesWith = (description) =>
  sql(h.server.db, `SELECT count(*) FROM cases WHERE description = '${description}'`)[0][0];

/** What the worker keeps to send (its IndexedDB), read from a page of the app. */
function storedRequests(page) {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'cc-outbox')) return [];
    const request = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    const db = await request(indexedDB.open('cc-outbox'));
    try {
      if (!db.objectStoreNames.contains('requests')) return [];
      return await request(db.transaction('requests').objectStore('requests').getAll());
    } finally {
      db.close();
    }
  });
}

/** A page of the app controlled by its service worker. */
async function controlledPage(context) {
  const page = await context.newPage();
  await page.goto(`${h.server.base}/`);
  await settled(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  return page;
}

/** Fills a queja and sends it without a connection: it waits in the outbox. */
async function queueOffline(context, page, description) {
  await fillQueja(page, h.server.base, { description });
  await context.setOffline(true);
  await page.getByRole('button', { name: /Enviar/ }).click();
  await page.locator('#queued').waitFor();
}

test('filed by the service worker with every page closed, then shown by the app: one case', { skip }, async () => {
  const context = await h.browser.newContext({ viewport: { width: 360, height: 640 } });
  const description = 'Sincronizado en segundo plano: el semáforo de la esquina está apagado.';
  const page = await controlledPage(context);
  await queueOffline(context, page, description);

  // The worker holds the very request the app sends, and a sync is registered.
  await until(async () => (await storedRequests(page)).length === 1, 'the worker stores the request');
  const [stored] = await storedRequests(page);
  const key = await page.evaluate(() => JSON.parse(localStorage.getItem('cc-draft-v1')).idempotency_key);
  assert.equal(stored.key, key);
  assert.equal(stored.kind, 'case');
  assert.equal(stored.method, 'POST');
  assert.equal(stored.url, '/api/v1/cases');
  assert.equal(stored.headers['Idempotency-Key'], key);
  assert.equal(stored.headers['Content-Type'], 'application/json');
  assert.equal(JSON.parse(stored.body).description, description);
  assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.ready).sync.getTags()), [SYNC_TAG]);
  assert.equal(casesWith(description), 0);

  // Every page of the app closed; the devtools protocol needs a page: a blank one.
  await page.close();
  const blank = await context.newPage();
  const cdp = await context.newCDPSession(blank);
  const registrations = [];
  cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => registrations.push(...e.registrations));
  await cdp.send('ServiceWorker.enable');
  await until(() => registrations.some((r) => r.scopeURL === `${h.server.base}/` && !r.isDeleted), 'the registration');
  const { registrationId } = registrations.find((r) => r.scopeURL === `${h.server.base}/`);
  await context.setOffline(false);
  // The browser may fire the sync itself once it is back online; this fires it at once.
  await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: h.server.base, registrationId, tag: SYNC_TAG, lastChance: false });
  await until(() => casesWith(description) === 1, 'the worker filed the case');

  // The app, opened again, gets the same case back and shows its number and code.
  const again = await context.newPage();
  await again.goto(`${h.server.base}/`);
  const notice = again.locator('#outbox-notice');
  await notice.getByText(/Su caso guardado ya se envió/).waitFor({ timeout: 15000 });
  const ticket = (await notice.innerText()).match(/[A-Z]+-QUE-\d{4}-\d+/)[0];
  assert.equal(sql(h.server.db, `SELECT ticket FROM cases WHERE description = '${description}'`)[0][0], ticket);
  await notice.getByRole('link', { name: 'Ver el número y el código' }).click();
  await again.waitForURL(new RegExp(`/contacto/enviado/${ticket}$`));
  assert.match(await again.locator('#ticket').innerText(), new RegExp(ticket));
  assert.match(await again.locator('#access-code').innerText(), /\w{4}/);
  assert.equal(casesWith(description), 1, 'exactly one case for one submission');
  await until(async () => (await storedRequests(again)).length === 0, 'nothing left in the worker');
  await context.close();
});

test('"forget everything" also empties what the worker keeps to send', { skip }, async () => {
  const context = await h.browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await controlledPage(context);
  // A case kept on the phone, so "Mis casos" offers to forget everything.
  await fillQueja(page, h.server.base);
  await page.getByRole('button', { name: /Enviar mi queja/ }).click();
  await page.waitForURL(/\/contacto\/enviado\//);
  await page.getByRole('button', { name: 'Guardar en este teléfono' }).click();
  const description = 'Para olvidar: la biblioteca municipal cerró sin aviso el sábado.';
  await queueOffline(context, page, description);
  await until(async () => (await storedRequests(page)).length === 1, 'the worker stores the request');

  await page.goto(`${h.server.base}/mis-casos`);
  await page.getByRole('button', { name: 'Olvidar todos los casos en este dispositivo' }).click();
  await until(async () => (await storedRequests(page)).length === 0, 'the worker drops the request');
  assert.equal(await page.evaluate(() => localStorage.getItem('cc-draft-v1')), null);
  await context.setOffline(false);
  assert.equal(casesWith(description), 0);
  await context.close();
});
