// The outbox: a case sent without a connection, or while the backend fails, waits on
// the phone and goes out by itself with its idempotency key — after the connection is
// back, also when the page was closed and opened again — exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, settled, expectAccessible, screenshot, sql, fillQueja } from './lib.js';

const TOKEN = 'e2e-outbox-staff';
const h = serverAndBrowser([], { CC_STAFF_TOKEN: TOKEN });
const caseCount = () => sql(h.server.db, 'SELECT count(*) FROM cases')[0][0];

test('offline: saved on the phone, sent by itself when the page opens again online, once', async () => {
  const context = await h.browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  await fillQueja(page, h.server.base, { description: 'Sin conexión: la oficina cerró antes del horario publicado en la puerta.' });
  const before = caseCount();
  await context.setOffline(true);
  await page.getByRole('button', { name: /Enviar/ }).click();
  const queued = page.locator('#queued');
  await queued.waitFor();
  assert.match(await queued.innerText(), /Guardado en este teléfono\. Se enviará cuando haya conexión\./);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'queued');
  await expectAccessible(assert, page, 'queued');
  await screenshot(page, 'outbox-queued');
  assert.equal(caseCount(), before, 'nothing reached the server');
  await page.close();

  // The browser is opened again later, with a connection, on any page.
  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto(`${h.server.base}/`);
  const notice = again.locator('#outbox-notice');
  await notice.getByText(/Su caso guardado ya se envió/).waitFor({ timeout: 15000 });
  const ticket = (await notice.innerText()).match(/[A-Z]+-QUE-\d{4}-\d+/)[0];
  await expectAccessible(assert, again, 'sent from the outbox');
  await screenshot(again, 'outbox-sent');
  assert.equal(caseCount(), before + 1);
  await again.getByRole('link', { name: 'Ver el número y el código' }).click();
  await again.waitForURL(new RegExp(`/contacto/enviado/${ticket}$`));
  await again.locator('#access-code').waitFor();
  // Opening the app once more sends nothing again.
  await again.goto(`${h.server.base}/tramites`);
  await settled(again);
  assert.equal(await again.locator('#outbox-notice').count(), 0);
  assert.equal(caseCount(), before + 1, 'exactly one case for one submission');
  await context.close();
});

test('the backend failing: kept, then sent once when it answers again', async () => {
  const page = await newPage(h.browser);
  await fillQueja(page, h.server.base, { description: 'El servidor falla: pedí una cita y nunca llegó la confirmación.' });
  const before = caseCount();
  let down = true;
  let calls = 0;
  // On the context: the service worker's Background Sync sends through it too.
  await page.context().route('**/api/v1/cases', (route) => {
    calls += 1;
    return down
      ? route.fulfill({ status: 503, contentType: 'text/html', body: '<html><body>Service Unavailable</body></html>' })
      : route.continue();
  });
  await page.getByRole('button', { name: /Enviar/ }).click();
  await page.locator('#queued').waitFor({ timeout: 40000 });
  assert.ok(calls >= 2, `retried before keeping it (${calls} calls)`);
  assert.equal(caseCount(), before);
  down = false;
  // The phone notices the connection is back (the half-minute timer does the same).
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.locator('#outbox-notice').getByText(/Su caso guardado ya se envió/).waitFor({ timeout: 15000 });
  assert.equal(caseCount(), before + 1);
  assert.deepEqual(page.errors, []);
});

test('refused when it finally goes out: back on the check page with the errors, nothing lost', async () => {
  const context = await h.browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  const description = 'Lo escribí sin conexión y la entidad pidió más datos al recibirlo.';
  await fillQueja(page, h.server.base, { description });
  const before = caseCount();
  await context.setOffline(true);
  await page.getByRole('button', { name: /Enviar/ }).click();
  await page.locator('#queued').waitFor();
  // The backend refuses one answer (as it would after a change of its rules); set up
  // before the connection comes back, since coming back sends the case at once.
  await context.route('**/api/v1/cases', (route) => route.fulfill({
    status: 422,
    contentType: 'application/problem+json',
    body: JSON.stringify({
      type: '/problems/validation', title: 'Revise los datos', status: 422,
      errors: [{ field: 'description', code: 'too_short', message: 'Cuéntenos un poco más: escriba al menos 20 caracteres.' }],
    }),
  }));
  await context.setOffline(false);
  const notice = page.locator('#outbox-notice');
  await notice.getByText(/hay que revisar algunas respuestas/).waitFor({ timeout: 15000 });
  await notice.getByRole('link', { name: 'Revisar mis respuestas' }).click();
  await page.waitForURL(/\/contacto\/revisar$/);
  await page.getByText(/Cuéntenos un poco más/).first().waitFor();
  assert.match(await page.locator('main').innerText(), new RegExp(description));
  await expectAccessible(assert, page, 'refused from the outbox');
  assert.equal(caseCount(), before);
  await context.close();
});

test('a reply written offline waits on the phone and goes out once the connection is back', async () => {
  const context = await h.browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  await fillQueja(page, h.server.base);
  await page.getByRole('button', { name: /Enviar mi queja/ }).click();
  await page.waitForURL(/\/contacto\/enviado\//);
  const ticket = await page.locator('#ticket').innerText();
  const asked = await fetch(`${h.server.base}/api/v1/staff/cases/${ticket}/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ action: 'request_info', message: 'Indique el número de la ventanilla.' }),
  });
  assert.ok(asked.ok);
  await page.getByRole('link', { name: 'Ver mi caso' }).click();
  await page.locator('#case-status').waitFor();
  const replies = () => sql(h.server.db, `SELECT COUNT(*) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.ticket = '${ticket}' AND e.kind = 'citizen_reply'`)[0][0];

  await context.setOffline(true);
  await page.getByLabel('Su respuesta').fill('Era la ventanilla 3, a las 10 de la mañana.');
  await page.getByRole('button', { name: 'Enviar mi respuesta' }).click();
  await page.locator('#reply-queued').waitFor();
  await expectAccessible(assert, page, 'reply kept for later');
  assert.equal(replies(), 0);
  await context.setOffline(false);
  await page.waitForFunction(() => document.activeElement?.id === 'case-notice', null, { timeout: 15000 });
  assert.match(await page.locator('#case-notice').innerText(), /Enviamos su respuesta/);
  assert.equal(replies(), 1, 'one reply for one send');
  await context.close();
});

test('"my cases" offline: the last status this phone saw, and when', async () => {
  const context = await h.browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  await fillQueja(page, h.server.base);
  await page.getByRole('button', { name: /Enviar mi queja/ }).click();
  await page.waitForURL(/\/contacto\/enviado\//);
  await page.getByRole('button', { name: 'Guardar en este teléfono' }).click();
  await page.goto(`${h.server.base}/mis-casos`);
  await page.getByText(/Recibido/).first().waitFor();
  // The service worker keeps the app itself (public/sw.js), never the case. On a busy
  // machine it may finish installing after this page loaded: a page opened after it is
  // active is the one it controls.
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await page.getByText(/Recibido/).first().waitFor();
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  await context.setOffline(true);
  await page.reload();
  await page.getByText(/Sin conexión\. Último estado que vimos: Recibido, el \d+ de [a-z]+ de \d{4}\./).waitFor();
  await expectAccessible(assert, page, 'my cases offline');
  await screenshot(page, 'my-cases-offline');
  await context.close();
});

test('a slow answer: "Enviando…" while it waits, a second press sends nothing more', async () => {
  const page = await newPage(h.browser);
  await fillQueja(page, h.server.base, { description: 'Respuesta lenta: la red del pueblo tarda mucho en las tardes.' });
  const before = caseCount();
  let calls = 0;
  await page.route('**/api/v1/cases', async (route) => {
    calls += 1;
    await new Promise((r) => setTimeout(r, 4000)); // a slow link, not a failed one
    await route.continue();
  });
  const send = page.getByRole('button', { name: /Enviar/ });
  await send.click();
  await page.getByText('Enviando…').waitFor();
  assert.equal(await send.getAttribute('aria-disabled'), 'true');
  // An impatient second tap (forced: the button says it is busy, which Playwright honours
  // by waiting; a finger does not).
  await send.click({ force: true });
  await page.waitForURL(/\/contacto\/enviado\//, { timeout: 20000 });
  assert.equal(calls, 1, 'one request');
  assert.equal(caseCount(), before + 1);
  assert.deepEqual(page.errors, []);
});
