// Tracking end to end: file → staff asks for information → citizen sees "waiting for
// you" and replies with a file → staff answers → citizen reads and rates. Plus the
// look-up form, "my cases", and axe on every tracking screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, settled, expectAccessible, screenshot, fillQueja, PNG_1X1, sql, staffEvent } from './lib.js';

const TOKEN = 'e2e-staff-token';
const h = serverAndBrowser([], { CC_STAFF_TOKEN: TOKEN });

const staff = (ticket, action) => staffEvent(h.server.base, TOKEN, ticket, action);

test('the whole cycle: file, follow, reply, answer, rate', async () => {
  const page = await newPage(h.browser);
  await fillQueja(page, h.server.base);
  await page.getByRole('button', { name: /Enviar mi queja/ }).click();
  await page.waitForURL(/\/contacto\/enviado\//);
  const ticket = await page.locator('#ticket').innerText();

  // The confirmation's link carries the code in the fragment, which the page removes.
  await page.getByRole('link', { name: 'Ver mi caso' }).click();
  await page.locator('#case-status').waitFor();
  assert.equal(new URL(page.url()).pathname, `/seguimiento/${ticket}`);
  // The code is removed from the address bar right after the page opens.
  await page.waitForFunction(() => location.hash === '', null, { timeout: 5000 });
  assert.equal(await page.locator('#case-status').innerText(), 'Recibido');
  assert.match(await page.locator('#due-date').innerText(), /Quedan \d+ días hábiles/);
  await expectAccessible(assert, page, 'case page (received)');

  await staff(ticket, { action: 'request_info', message: 'Adjunte una foto del comprobante de pago.' });
  await page.reload();
  await page.locator('#case-status').waitFor();
  assert.equal(await page.locator('#case-status').innerText(), 'Esperando su respuesta');
  assert.match(await page.locator('main').innerText(), /Adjunte una foto del comprobante/);
  assert.match(await page.locator('main').innerText(), /artículo 17/);
  await screenshot(page, 'case-waiting-360');
  await expectAccessible(assert, page, 'case page (waiting for you)');

  // Empty reply → error summary; then a reply with a file.
  await page.getByRole('button', { name: 'Enviar mi respuesta' }).click();
  await page.locator('.cc-error-summary').waitFor();
  await expectAccessible(assert, page, 'reply with errors');
  await page.getByLabel('Su respuesta').fill('Aquí está la foto del comprobante.');
  await page.setInputFiles('#reply-files', { name: 'comprobante.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await page.locator('.cc-file__name', { hasText: 'comprobante.png' }).waitFor();
  await page.getByRole('button', { name: 'Enviar mi respuesta' }).click();
  // Screen readers hear that it went out: the message on top of the page takes focus.
  await page.waitForFunction(() => document.activeElement?.id === 'case-notice');
  assert.match(await page.locator('#case-notice').innerText(), /Enviamos su respuesta/);
  await page.getByText('Su respuesta', { exact: true }).first().waitFor();
  await page.waitForFunction(() => document.querySelector('#case-status')?.innerText === 'En trámite');
  const replies = sql(h.server.db, `SELECT COUNT(*) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.ticket = '${ticket}' AND e.kind = 'citizen_reply'`);
  assert.equal(replies[0][0], 1);

  await staff(ticket, { action: 'answer', message: 'Revisamos su caso. Devolveremos el cobro doble en 5 días hábiles.' });
  await page.reload();
  await page.locator('#case-status').waitFor();
  assert.equal(await page.locator('#case-status').innerText(), 'Respondido');
  assert.match(await page.locator('main').innerText(), /Devolveremos el cobro doble/);
  // The answer comes before the survey (on a phone the survey took four screens).
  assert.match(await page.locator('#case-answer').innerText(), /Devolveremos el cobro doble/);
  assert.ok(await page.evaluate(() => !!(document.querySelector('#case-answer').compareDocumentPosition(
    document.querySelector('.cc-rating')) & Node.DOCUMENT_POSITION_FOLLOWING)), 'the answer is shown before the rating form');
  await expectAccessible(assert, page, 'case page (answered, rating form)');
  await screenshot(page, 'case-answer-first-360');
  // The case type follows a language switch.
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('.cc-caption', { hasText: 'Complaint about staff' }).first().waitFor();
  await page.getByRole('button', { name: 'Español' }).click();
  await page.locator('.cc-caption', { hasText: 'Queja' }).first().waitFor();

  await page.getByRole('button', { name: 'Enviar mi calificación' }).click();
  await page.locator('.cc-error-summary').waitFor();
  await expectAccessible(assert, page, 'rating with errors');
  await page.locator('#rating_answered-0').check();
  await page.locator('#rating_clear-0').check();
  await page.locator('#rating_score-4').check();
  await page.getByRole('button', { name: 'Enviar mi calificación' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'case-notice');
  assert.match(await page.locator('#case-notice').innerText(), /calificó la atención con 5 de 5/);
  assert.equal(await page.getByRole('button', { name: 'Enviar mi calificación' }).count(), 0, 'rated once');
  await screenshot(page, 'case-answered-360');
  assert.deepEqual(page.errors, []);
});

test('look-up: tolerant input, same answer for wrong code and unknown ticket', async () => {
  const page = await newPage(h.browser);
  await fillQueja(page, h.server.base);
  await page.getByRole('button', { name: /Enviar mi queja/ }).click();
  await page.waitForURL(/\/contacto\/enviado\//);
  const ticket = await page.locator('#ticket').innerText();
  const code = await page.locator('#access-code').innerText();

  const fresh = await newPage(h.browser);
  await fresh.goto(`${h.server.base}/seguimiento`);
  await settled(fresh);
  await expectAccessible(assert, fresh, 'look-up form');
  await fresh.getByRole('button', { name: 'Ver mi caso' }).click();
  await fresh.locator('.cc-error-summary').waitFor();
  assert.match(await fresh.title(), /^Error: /);
  await expectAccessible(assert, fresh, 'look-up with errors');

  await fresh.getByLabel('Número de caso').fill(ticket);
  await fresh.getByLabel('Código de acceso').fill('ABCD-EFGH-JKLM');
  await fresh.getByRole('button', { name: 'Ver mi caso' }).click();
  await fresh.getByText(/No encontramos un caso con ese número y ese código/).first().waitFor();
  const wrongCode = await fresh.locator('.cc-error-summary').innerText();

  await fresh.getByLabel('Número de caso').fill('MDT-QUE-2099-99999');
  await fresh.getByLabel('Código de acceso').fill(code);
  // The summary goes when the form is sent and comes back with the answer.
  const answered = fresh.waitForResponse((r) => r.url().endsWith('/cases/lookup'));
  await fresh.getByRole('button', { name: 'Ver mi caso' }).click();
  await answered;
  await fresh.locator('.cc-error-summary').waitFor();
  assert.equal(await fresh.locator('.cc-error-summary').innerText(), wrongCode, 'unknown ticket reads like a wrong code');

  await fresh.getByLabel('Número de caso').fill(ticket.toLowerCase().replace(/-/g, ' '));
  await fresh.getByLabel('Código de acceso').fill(code.toLowerCase().replace(/-/g, ''));
  await fresh.getByRole('button', { name: 'Ver mi caso' }).click();
  await fresh.locator('#case-status').waitFor();
  assert.equal(new URL(fresh.url()).pathname, `/seguimiento/${ticket}`);
  // Kept on the device only when the person asks for it.
  await fresh.getByRole('button', { name: 'Guardar en este teléfono' }).click();
  await fresh.getByText('Guardado en este teléfono.', { exact: false }).waitFor();

  // My cases: listed with its status, removable.
  await fresh.goto(`${h.server.base}/mis-casos`);
  await settled(fresh);
  await fresh.getByRole('link', { name: ticket }).waitFor();
  await fresh.waitForFunction(() => !document.body.innerText.includes('Cargando'));
  assert.match(await fresh.locator('.cc-case').first().innerText(), /Recibido/);
  await expectAccessible(assert, fresh, 'my cases');
  await fresh.getByRole('button', { name: 'Olvidar todos los casos en este dispositivo' }).click();
  await fresh.getByText('Todavía no hay casos en este dispositivo.').waitFor();
  await expectAccessible(assert, fresh, 'my cases (empty)');
  assert.deepEqual(fresh.errors, []);
});

test('a case link without a known code asks for the code only', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/seguimiento/MDT-QUE-2026-00001`);
  await settled(page);
  assert.equal(await page.getByLabel('Número de caso').count(), 0);
  assert.ok(await page.getByLabel('Código de acceso').isVisible());
  await expectAccessible(assert, page, 'code-only form');
});
