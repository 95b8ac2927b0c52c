// Intake wizard end to end: keyboard-only filing, errors, drafts, retries, quick exit,
// axe on every step with and without errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, settled, expectAccessible, screenshot, sql, tabTo, routeNeutralSite, fillQueja as fillQuejaAt, PNG_1X1 } from './lib.js';

const h = serverAndBrowser();

const caseCount = () => sql(h.server.db, 'SELECT COUNT(*) FROM cases')[0][0];

async function submitStep(page) {
  const before = page.url();
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.waitForURL((u) => u.href !== before);
}

const fillQueja = (page, options) => fillQuejaAt(page, h.server.base, options);

test('complete the wizard with the keyboard only, and find the case in the database', async () => {
  const page = await newPage(h.browser);
  const startCount = caseCount();
  await page.goto(`${h.server.base}/contacto`);
  await settled(page);
  await tabTo(page, 'a.cc-button--start');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/contacto\/tipo$/);
  // After navigation, focus is on the question (h1), announced by screen readers.
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  await tabTo(page, 'input[name=case_type]');
  await page.keyboard.press('ArrowDown'); // petición → queja
  assert.equal(await page.locator('input[name=case_type]:checked').getAttribute('value'), 'queja');
  await tabTo(page, 'button[type=submit]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/contacto\/entidad$/);
  await page.locator('input[name=agency]').first().waitFor();
  await tabTo(page, 'input[name=agency]');
  await page.keyboard.press('Space');
  await tabTo(page, 'button[type=submit]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/contacto\/que-paso$/);
  await tabTo(page, '#description');
  await page.keyboard.type('Me cobraron dos veces el mismo trámite en la oficina central.');
  await tabTo(page, '#event_date');
  await page.keyboard.type('3');
  await page.keyboard.press('Tab');
  await page.keyboard.type('11');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2026');
  await tabTo(page, 'button[type=submit]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/contacto\/adjuntos$/);
  await tabTo(page, 'button[type=submit]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/contacto\/sus-datos$/);
  await tabTo(page, 'input[name=identity]');
  await page.keyboard.press('Space');
  await tabTo(page, '#name');
  await page.keyboard.type('Carlos Mamani');
  await tabTo(page, '#phone');
  await page.keyboard.type('+591 2 123 4567');
  await tabTo(page, 'button[type=submit]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/contacto\/datos-personales$/);
  await tabTo(page, '#consent');
  await page.keyboard.press('Space');
  await tabTo(page, 'button[type=submit]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/contacto\/revisar$/);
  await tabTo(page, 'button.cc-button:not(.cc-quick-exit__button)');
  assert.match(await page.evaluate(() => document.activeElement.innerText), /Enviar mi queja/);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/contacto\/enviado\//);
  const ticket = await page.locator('#ticket').innerText();
  const code = await page.locator('#access-code').innerText();
  assert.match(ticket, /^[A-Z]+-QUE-\d{4}-\d{5}$/);
  assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  assert.doesNotMatch(code, /[IOQZ01]/);
  const rows = sql(h.server.db, `SELECT case_type, name, phone, description FROM cases WHERE ticket = '${ticket}'`);
  assert.equal(rows.length, 1);
  assert.equal(rows[0][0], 'queja');
  assert.equal(rows[0][1], 'Carlos Mamani');
  assert.match(rows[0][2], /^\+591/);
  assert.match(rows[0][3], /cobraron dos veces/);
  assert.equal(caseCount(), startCount + 1);
  await screenshot(page, 'confirmation-360');
  await expectAccessible(assert, page, 'confirmation');
  // The confirmation survives a reload; the draft is gone.
  await page.reload();
  await settled(page);
  assert.equal(await page.locator('#ticket').innerText(), ticket);
  await page.goto(`${h.server.base}/contacto`);
  await settled(page);
  assert.equal(await page.getByText('Tiene un caso sin enviar').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('errors: the summary appears, takes focus, links to the field; the title says Error', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/contacto/tipo`);
  await settled(page);
  await page.getByRole('button', { name: 'Continuar' }).click();
  const summary = page.locator('.cc-error-summary');
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('cc-error-summary')), true);
  assert.match(await page.title(), /^Error: /);
  assert.match(await summary.innerText(), /Hay un problema/);
  const link = summary.locator('a').first();
  assert.equal(await link.getAttribute('href'), '#case_type-0');
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'case_type-0');
  const describedBy = await page.locator('fieldset').first().getAttribute('aria-describedby');
  assert.match(describedBy, /case_type-error/);
  await expectAccessible(assert, page, 'type step with errors');

  // Text too short keeps what was typed and says why.
  await page.getByLabel('Petición').check();
  await submitStep(page);
  await page.locator('input[name=agency]').first().check();
  await submitStep(page);
  await page.getByLabel('Cuéntenos qué necesita').fill('corto');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.locator('.cc-error-summary').waitFor();
  assert.equal(await page.getByLabel('Cuéntenos qué necesita').inputValue(), 'corto');
  assert.equal(await page.locator('#description').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#description').getAttribute('aria-describedby'), /description-error/);
  assert.match(await page.locator('#description-error').innerText(), /al menos 20 caracteres/);
  await expectAccessible(assert, page, 'description with errors');
  assert.deepEqual(page.errors, []);
});

test('contact step: e-mail format and missing contact are specific errors', async () => {
  const page = await newPage(h.browser);
  await fillQueja(page);
  await page.goto(`${h.server.base}/contacto/sus-datos`);
  await settled(page);
  await page.getByLabel('Correo electrónico').fill('ana@');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.locator('#email-error').waitFor();
  assert.match(await page.locator('#email-error').innerText(), /nombre@ejemplo\.com/);
  await expectAccessible(assert, page, 'contact step with errors');
  await page.getByLabel('Correo electrónico').fill('');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.locator('#contact-error').waitFor();
  assert.match(await page.locator('#contact-error').innerText(), /correo electrónico o su número de teléfono/);
});

test('attachments: checked by content, listed, removable, kept in the case', async () => {
  const page = await newPage(h.browser);
  await fillQueja(page);
  await page.goto(`${h.server.base}/contacto/adjuntos`);
  await settled(page);
  await page.setInputFiles('#attachments', [
    { name: 'foto.png', mimeType: 'image/png', buffer: PNG_1X1 },
    { name: 'virus.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('MZ this is not a photo') },
  ]);
  await page.locator('.cc-file__name', { hasText: 'foto.png' }).waitFor();
  await page.locator('#attachments-error').waitFor();
  assert.match(await page.locator('#attachments-error').innerText(), /virus\.jpg.*no es una foto ni un PDF/s);
  assert.match(await page.locator('#attachments').getAttribute('aria-describedby'), /attachments-error/);
  assert.equal(await page.locator('.cc-file').count(), 1, 'the disguised file is not attached');
  await expectAccessible(assert, page, 'attachments with one file and an error');
  // Survives a reload (the draft keeps the receipt; the server keeps the file).
  await page.reload();
  await page.locator('.cc-file__name', { hasText: 'foto.png' }).waitFor();
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.goto(`${h.server.base}/contacto/revisar`);
  await settled(page);
  assert.match(await page.locator('main').innerText(), /foto\.png/);
  await page.getByRole('button', { name: /Enviar mi queja/ }).click();
  await page.waitForURL(/\/contacto\/enviado\//);
  const ticket = await page.locator('#ticket').innerText();
  const [[count]] = sql(h.server.db, `SELECT COUNT(*) FROM attachments a JOIN cases c ON c.id = a.case_id WHERE c.ticket = '${ticket}'`);
  assert.equal(count, 1);
  assert.deepEqual(page.errors, []);
});

test('reload mid-wizard restores every answer', async () => {
  const page = await newPage(h.browser);
  await fillQueja(page, { description: 'Texto que no se debe perder al recargar la página.' });
  await page.goto(`${h.server.base}/contacto/que-paso`);
  await settled(page);
  await page.getByLabel('¿Dónde pasó? (opcional)').fill('Oficina de El Alto');
  await page.reload();
  await settled(page);
  assert.equal(await page.locator('#description').inputValue(), 'Texto que no se debe perder al recargar la página.');
  assert.equal(await page.locator('#place').inputValue(), 'Oficina de El Alto');
  await page.goto(`${h.server.base}/contacto/tipo`);
  await settled(page);
  assert.equal(await page.locator('input[name=case_type]:checked').getAttribute('value'), 'queja');
  await page.goto(`${h.server.base}/contacto`);
  await settled(page);
  await page.getByText('Tiene un caso sin enviar').waitFor();
  await expectAccessible(assert, page, 'resume draft');
  await page.getByRole('button', { name: 'Empezar de nuevo' }).click();
  // Deleting the draft asks first (nothing is deleted by one tap by mistake).
  await page.getByRole('button', { name: 'Sí, borrar mis respuestas' }).click();
  await page.getByRole('link', { name: 'Empezar' }).waitFor();
});

test('a dropped connection while sending, then the retry, creates exactly one case', async () => {
  const page = await newPage(h.browser);
  await fillQueja(page);
  const startCount = caseCount();
  let calls = 0;
  await page.route('**/api/v1/cases', async (route) => {
    calls += 1;
    if (calls === 1) {
      // The server stores the case, but the answer never reaches the phone.
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: /Enviar mi queja/ }).click();
  await page.waitForURL(/\/contacto\/enviado\//, { timeout: 20000 });
  assert.ok(calls >= 2, `retried (${calls} calls)`);
  assert.equal(caseCount(), startCount + 1, 'exactly one case for one submission');
  assert.deepEqual(page.errors, []);
});

test('the server down: kept on the phone, nothing lost, a new try sends once', async () => {
  const page = await newPage(h.browser);
  await fillQueja(page);
  const startCount = caseCount();
  let down = true;
  await page.route('**/api/v1/cases', (route) => (down ? route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"type":"about:blank","title":"x","status":503}' }) : route.continue()));
  await page.getByRole('button', { name: /Enviar mi queja/ }).click();
  // After the automatic retries the case waits in the outbox (tests/e2e/outbox.test.js).
  await page.locator('#queued').waitFor({ timeout: 40000 });
  assert.match(await page.locator('#queued').innerText(), /Guardado en este teléfono/);
  await expectAccessible(assert, page, 'send kept for later');
  down = false;
  // The person need not wait: "Enviar" again sends it now, under the same key.
  await page.getByRole('button', { name: /Enviar mi queja/ }).click();
  await page.waitForURL(/\/contacto\/enviado\//);
  assert.equal(caseCount(), startCount + 1);
});

test('each case type says what it is for and gives an example, tied to its radio', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/contacto/tipo`);
  await settled(page);
  const hint = async (label) => {
    const id = await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby');
    return page.locator(`#${id}`).innerText();
  };
  assert.equal(
    await hint('Queja'),
    'Contar que una persona que trabaja en una entidad le atendió mal. Por ejemplo: en la ventanilla le gritaron o no quisieron atenderle.',
  );
  assert.match(await hint('Solicitud de información'), /^Pedir datos o copias de documentos públicos\. Por ejemplo: saber cuánto gastó/);
  // The example follows the language: English from the deployment's own texts.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Complaint about staff', { exact: true }).waitFor();
  assert.match(await hint('Complaint about staff'), /For example: someone at the counter shouted at you/);
  await screenshot(page, 'type-examples-360');
});

test('denuncia: emergency notice first, anonymous allowed and explained', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/contacto/tipo`);
  await settled(page);
  await page.getByLabel('Denuncia').check();
  await submitStep(page);
  await page.waitForURL(/antes-de-empezar$/);
  assert.match(await page.locator('main').innerText(), /llame al\s*911/);
  await expectAccessible(assert, page, 'emergency notice');
  await submitStep(page);
  await page.getByLabel('No sé qué entidad es').check();
  await submitStep(page);
  await page.getByLabel('Cuéntenos qué pasó').fill('Un funcionario pide dinero para adelantar los turnos del registro.');
  await submitStep(page);
  await submitStep(page);
  await page.getByLabel(/Sin dar mi nombre/).check();
  assert.equal(await page.locator('#name').count(), 0, 'no contact fields when anonymous');
  assert.match(await page.locator('main').innerText(), /no podrá escribirle/);
  await submitStep(page);
  await page.getByLabel(/Acepto que la entidad/).check();
  await submitStep(page);
  await page.getByRole('button', { name: /Enviar mi denuncia/ }).click();
  await page.waitForURL(/\/contacto\/enviado\//);
  const ticket = await page.locator('#ticket').innerText();
  assert.match(ticket, /-DEN-/);
  const [[identity, name, email]] = sql(h.server.db, `SELECT identity, name, email FROM cases WHERE ticket = '${ticket}'`);
  assert.equal(identity, 'anonymous');
  assert.equal(name, null);
  assert.equal(email, null);
});

test('a procedure page pre-fills the agency and the procedure', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/tramites/pasaporte-ordinario`);
  await settled(page);
  await page.getByRole('link', { name: 'Contactar sobre este trámite' }).click();
  await page.waitForURL(/\/contacto$/);
  await page.getByRole('link', { name: /Seguir donde lo dejé|Empezar/ }).first().click();
  await page.getByLabel('Petición').check();
  await submitStep(page);
  assert.equal(await page.locator('input[name=agency]:checked').getAttribute('value'), 'MIG');
  assert.match(await page.locator('main').innerText(), /Pasaporte ordinario/);
  await page.goto(`${h.server.base}/contacto`);
  await page.getByRole('button', { name: 'Empezar de nuevo' }).click();
  await page.getByRole('button', { name: 'Sí, borrar mis respuestas' }).click();
  await page.getByText('Borramos sus respuestas de este teléfono.').waitFor();
});

test('quick exit leaves for a neutral site and Back does not show the wizard', async () => {
  const page = await newPage(h.browser);
  await routeNeutralSite(page);
  await page.goto(`${h.server.base}/contacto/tipo`);
  await settled(page);
  await page.getByLabel('Denuncia').check();
  await submitStep(page);
  await page.getByRole('button', { name: /Salir rápido/ }).click();
  await page.waitForURL('https://www.google.com/**');
  await page.goBack().catch(() => {});
  // Back may show the wizard's address for a moment; the guard sends it on at once.
  await page.waitForURL(/google\.com/);
  assert.match(page.url(), /google\.com/, `after Back: ${page.url()}`);
  assert.equal(await page.locator('.cc-wizard').count(), 0);

  // Shift pressed three times does the same.
  const page2 = await newPage(h.browser);
  await routeNeutralSite(page2);
  await page2.goto(`${h.server.base}/contacto/tipo`);
  await settled(page2);
  for (let i = 0; i < 3; i++) await page2.keyboard.press('Shift');
  await page2.waitForURL('https://www.google.com/**');
});

test('axe-core: 0 violations on every wizard step at 360x640', async () => {
  const page = await newPage(h.browser);
  await fillQueja(page);
  for (const step of ['tipo', 'entidad', 'que-paso', 'adjuntos', 'sus-datos', 'datos-personales', 'revisar']) {
    await page.goto(`${h.server.base}/contacto/${step}?volver=revisar`);
    await settled(page);
    await screenshot(page, `wizard-${step}-360`);
    await expectAccessible(assert, page, `step ${step}`);
  }
  await page.goto(`${h.server.base}/contacto`);
  await settled(page);
  await expectAccessible(assert, page, 'wizard start');
  assert.deepEqual(page.errors, []);
});

test('axe-core: 0 violations on every question page with its errors shown, at 360x640', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/contacto/tipo`);
  await settled(page);
  // Walk the wizard pressing "Continuar" on each page first without answering.
  const steps = [
    ['tipo', async () => page.getByLabel('Denuncia').check()],
    ['antes-de-empezar', null],
    ['entidad', async () => page.locator('input[name=agency]').first().check()],
    ['que-paso', async () => {
      await page.locator('#event_date').fill('31');
      await page.locator('#event_date_month').fill('2');
      await page.locator('#event_date_year').fill('2026');
      await page.getByRole('button', { name: 'Continuar' }).click();
      await page.locator('#event_date-error').waitFor();
      await expectAccessible(assert, page, 'que-paso with a date error');
      await page.locator('#event_date').fill('');
      await page.locator('#event_date_month').fill('');
      await page.locator('#event_date_year').fill('');
      await page.locator('#description').fill('Un funcionario pide dinero para adelantar los turnos.');
    }],
    ['adjuntos', null],
    ['sus-datos', async () => page.getByLabel(/Sin dar mi nombre/).check()],
    ['datos-personales', async () => page.getByLabel(/Acepto que la entidad/).check()],
  ];
  for (const [slug, answer] of steps) {
    await page.waitForURL(new RegExp(`/contacto/${slug}$`));
    await settled(page);
    if (answer) {
      await page.getByRole('button', { name: 'Continuar' }).click();
      await page.locator('.cc-error-summary').waitFor();
      assert.match(await page.title(), /^Error: /, `${slug}: title`);
      await expectAccessible(assert, page, `${slug} with errors`);
      await answer();
    }
    const before = page.url();
    await page.getByRole('button', { name: 'Continuar' }).click();
    await page.waitForURL((u) => u.href !== before);
  }
  await page.waitForURL(/\/contacto\/revisar$/);
  assert.deepEqual(page.errors, []);
});
