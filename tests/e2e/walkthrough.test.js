// What citizens stumbled on in a walkthrough on a phone, with the keyboard and a
// screen reader — each fixed item has its check here (the shortcut's rule itself is
// tested natively in cc-core's quick_exit module).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, settled, fillQueja, routeNeutralSite, screenshot, sql } from './lib.js';

const h = serverAndBrowser();

const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? '');
const activeTag = (page) => page.evaluate(() => document.activeElement?.tagName ?? '');

/** Types like a person on a keyboard: a capital is Shift held down around the letter. */
async function typeLikeAPerson(page, text) {
  for (const ch of text) {
    if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) {
      await page.keyboard.down('Shift');
      await page.keyboard.type(ch);
      await page.keyboard.up('Shift');
    } else {
      await page.keyboard.type(ch);
    }
  }
}

async function continueTo(page, path) {
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.waitForURL((u) => u.pathname === path);
}

/** A queja up to the "what happened" page, answering with the mouse. */
async function toWhatHappened(page) {
  await page.goto(`${h.server.base}/contacto/tipo`);
  await settled(page);
  await page.getByLabel('Queja').check();
  await continueTo(page, '/contacto/entidad');
  await page.locator('input[name=agency]').first().check();
  await continueTo(page, '/contacto/que-paso');
}

/** Files a queja and returns { page, ticket, code } on the confirmation. */
async function fileQueja(viewport) {
  const page = await newPage(h.browser, viewport);
  await fillQueja(page, h.server.base);
  await page.getByRole('button', { name: /Enviar mi queja/ }).click();
  await page.waitForURL(/\/contacto\/enviado\//);
  const ticket = await page.locator('#ticket').innerText();
  const code = await page.locator('#access-code').innerText();
  return { page, ticket, code };
}

const storedKeys = (page) => page.evaluate(() => ({
  local: Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])),
  session: Object.fromEntries(Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)])),
}));

test('1. typing names with capitals and Shift+Tab never triggers "Salir rápido"', async () => {
  const page = await newPage(h.browser);
  await routeNeutralSite(page);
  let left = false;
  page.on('framenavigated', (f) => { if (f === page.mainFrame() && /google\.com/.test(f.url())) left = true; });
  await toWhatHappened(page);
  await page.getByLabel('Cuéntenos qué pasó').click();
  await typeLikeAPerson(page, 'Ana María Quispe me atendió en la Oficina del SRI y el AGENTE GRITÓ.');
  // Three times back with Shift+Tab, then forward again.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  assert.equal(await page.getByLabel('Cuéntenos qué pasó').inputValue(),
    'Ana María Quispe me atendió en la Oficina del SRI y el AGENTE GRITÓ.');
  // Still in the wizard: the next step opens.
  await continueTo(page, '/contacto/adjuntos');
  assert.equal(left, false, 'the page left for the neutral site');
  // Three presses of Shift alone still leave.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  await page.waitForURL('https://www.google.com/**');
});

test('1b. "Salir rápido" deletes the draft from the phone only when the person asked', async () => {
  const page = await newPage(h.browser);
  await routeNeutralSite(page);
  await page.goto(`${h.server.base}/contacto/tipo`);
  await settled(page);
  await page.getByLabel('Denuncia').check();
  await page.getByLabel(/borrar también de este teléfono/).check();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('cc-draft-v1') ?? '{}').clear_on_exit === true);
  await page.getByRole('button', { name: /Salir rápido/ }).click();
  await page.waitForURL('https://www.google.com/**');
  await page.goto(`${h.server.base}/privacidad`);
  await settled(page);
  assert.equal(await page.evaluate(() => localStorage.getItem('cc-draft-v1')), null);
});

test('2. the skip link moves focus into the main content', async () => {
  const page = await newPage(h.browser);
  for (const path of ['/', '/tramites', '/contacto/tipo']) {
    await page.goto(`${h.server.base}${path}`);
    await settled(page);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'cc-skip-link', path);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'contenido');
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => !!document.activeElement?.closest('main')),
      `${path}: the Tab after the skip link stays in <main>`);
  }
});

test('3. focus lands on the new heading after the first page change and after the look-up', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/`);
  await settled(page);
  // On a phone the navigation folds behind "Menú" (GOV.UK service navigation).
  assert.equal(await page.locator('.cc-nav').getByRole('link', { name: 'Trámites' }).isVisible(), false);
  await page.getByRole('button', { name: 'Menú' }).click();
  assert.equal(await page.getByRole('button', { name: 'Menú' }).getAttribute('aria-expanded'), 'true');
  await page.locator('.cc-nav').getByRole('link', { name: 'Trámites' }).click();
  await page.waitForURL(/\/tramites$/);
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.equal(await page.getByRole('button', { name: 'Menú' }).getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement.innerText), 'Trámites');

  const { ticket, code } = await fileQueja();
  const fresh = await newPage(h.browser);
  await fresh.goto(`${h.server.base}/seguimiento`);
  await settled(fresh);
  await fresh.getByLabel('Número de caso').fill(ticket);
  await fresh.getByLabel('Código de acceso').fill(code);
  await fresh.getByRole('button', { name: 'Ver mi caso' }).click();
  await fresh.locator('#case-status').waitFor();
  await fresh.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.match(await fresh.evaluate(() => document.activeElement.innerText), new RegExp(ticket));

  // A case link without the code: after the code is given, a message says so and has focus.
  const other = await newPage(h.browser);
  await other.goto(`${h.server.base}/seguimiento/${ticket}`);
  await settled(other);
  await other.getByLabel('Código de acceso').fill(code);
  await other.getByRole('button', { name: 'Ver mi caso' }).click();
  await other.waitForFunction(() => document.activeElement?.id === 'case-notice');
  assert.match(await other.locator('#case-notice').innerText(), /Encontramos su caso/);
});

test('6. in English and Portuguese, Spanish content is marked lang="es" and deployment texts are translated', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/tramites?q=licencia`);
  await settled(page);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Services' }).waitFor();
  const first = page.locator('.cc-result').first();
  assert.equal(await first.locator('h3').getAttribute('lang'), 'es');
  assert.equal(await first.locator('.cc-result__summary').getAttribute('lang'), 'es');
  // The footer speaks English where the deployment has English texts.
  assert.match(await page.locator('.cc-footer').innerText(), /Monday to Friday/);
  assert.equal(await page.locator('.cc-footer__owner').getAttribute('lang'), null);
  // The search hint's examples are in Spanish (marked so), and each one finds something.
  const examples = (await page.locator('.cc-search-examples').innerText()).split(',').map((e) => e.trim());
  assert.equal(await page.locator('.cc-search-examples').getAttribute('lang'), 'es');
  assert.ok(examples.length >= 2, `examples: ${examples}`);
  for (const e of examples) {
    await page.getByLabel('Find a service').fill(e);
    await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, e);
    const n = Number((await page.locator('#results-count').innerText()).match(/\d+/)?.[0] ?? 0);
    assert.ok(n > 0, `the hint's example "${e}" finds ${n} procedures`);
  }
  // A procedure page: its name and text are Spanish content.
  await page.goto(`${h.server.base}/tramites/pasaporte-ordinario`);
  await settled(page);
  assert.equal(await page.locator('h1').getAttribute('lang'), 'es');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByRole('button', { name: 'Português' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'pt');
  assert.match(await page.locator('.cc-footer').innerText(), /de segunda a sexta/);
  // Back in Spanish nothing is marked: the whole page is Spanish.
  await page.getByRole('button', { name: 'Español' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  assert.equal(await page.locator('h1').getAttribute('lang'), null);
});

test('5. on a phone the search results start on the first screen; filters fold behind "Filtrar"', async () => {
  const page = await newPage(h.browser, { width: 360, height: 640 });
  await page.goto(`${h.server.base}/tramites?q=licencia`);
  await settled(page);
  await page.locator('.cc-result').first().waitFor();
  const top = await page.locator('#results-count').evaluate((e) => e.getBoundingClientRect().top);
  const firstResult = await page.locator('.cc-result').first().evaluate((e) => e.getBoundingClientRect().top);
  const header = await page.locator('header.cc-header').evaluate((e) => e.getBoundingClientRect().height);
  console.log(`# 360x640: header ${Math.round(header)} px, results count at ${Math.round(top)} px, first result at ${Math.round(firstResult)} px`);
  assert.ok(firstResult < 640, `first result at ${firstResult} px, below the first screen`);
  assert.equal(await page.locator('.cc-filters-disclosure').evaluate((d) => d.open), false);
  assert.equal(await page.getByLabel('Entidad').isVisible(), false);
  await screenshot(page, 'walkthrough-search-360');
  await page.locator('.cc-filters-disclosure__summary').click();
  // The filters are drawn when the disclosure opens: wait for them, not for time.
  await page.getByLabel('Entidad').waitFor({ state: 'visible' });

  const wide = await newPage(h.browser, { width: 1280, height: 800 });
  await wide.goto(`${h.server.base}/tramites?q=licencia`);
  await settled(wide);
  assert.ok(await wide.getByLabel('Entidad').isVisible(), 'filters open beside the results on a wide screen');
});

test('7. check-answers with a long e-mail does not scroll sideways at 320 px; "Cambiar" stays on screen', async () => {
  const page = await newPage(h.browser, { width: 320, height: 640 });
  await fillQueja(page, h.server.base);
  await page.goto(`${h.server.base}/contacto/sus-datos`);
  await settled(page);
  await page.getByLabel('Correo electrónico').fill('ana.maria.quispe.mamani.de.la.fuente.vargas@municipalidad-autonoma.ejemplo.gob.bo');
  await continueTo(page, '/contacto/datos-personales');
  await continueTo(page, '/contacto/revisar');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `check-answers scrolls sideways by ${overflow} px`);
  for (const link of await page.getByRole('link', { name: /Cambiar/ }).all()) {
    const box = await link.boundingBox();
    assert.ok(box && box.x + box.width <= 320, `a "Cambiar" link ends at ${box && box.x + box.width} px`);
  }
  await screenshot(page, 'walkthrough-review-320');
});

test('8. picking a procedure on the agency step clears "Elija la entidad" and keeps focus', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/contacto/tipo`);
  await settled(page);
  await page.getByLabel('Petición').check();
  await continueTo(page, '/contacto/entidad');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.locator('.cc-error-summary').waitFor();
  await page.getByLabel(/Búsquelo/).fill('pasaporte');
  await page.locator('.cc-suggestion').first().click();
  await page.waitForFunction(() => document.activeElement?.id === 'procedure-chosen');
  assert.equal(await page.locator('.cc-error-summary').count(), 0);
  assert.equal(await page.locator('#agency-error').count(), 0);
  assert.equal(await page.locator('input[name=agency]:checked').getAttribute('value'), 'MIG');
});

test('9 and 11. receipt: printable summary; kept on the phone only on request; "forget" leaves nothing', async () => {
  const { page, ticket, code } = await fileQueja();
  // Nothing about the case is kept on the device beyond this tab unless asked.
  let stored = await storedKeys(page);
  assert.equal(stored.local['cc-my-cases-v1'], undefined, 'saved to "my cases" without asking');
  assert.ok(!JSON.stringify(stored.local).includes(ticket), 'the device keeps the case without asking');
  assert.ok(JSON.stringify(stored.session).includes(ticket), 'the tab keeps the receipt for a reload');
  await page.reload();
  await page.locator('#ticket').waitFor();

  // The printed receipt: where to follow the case, agency, dates, what was sent.
  assert.match(await page.locator('#follow-at').innerText(), new RegExp(`${h.server.base.replace(/[.]/g, '\\.')}/seguimiento`));
  const summary = await page.locator('#receipt-summary').innerText();
  assert.match(summary, /Queja/);
  assert.match(summary, /Fecha de envío/);
  assert.doesNotMatch(summary, /ana@ejemplo\.com|Ana Quispe/, 'no contact data on the receipt');
  await page.emulateMedia({ media: 'print' });
  const band = await page.locator('header.cc-header').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.match(band, /rgba\(0, 0, 0, 0\)|transparent/, `the header band prints as ${band}`);
  assert.equal(await page.getByRole('button', { name: 'Guardar en este teléfono' }).isVisible(), false);
  await screenshot(page, 'walkthrough-receipt-print');
  await page.emulateMedia({ media: 'screen' });

  // Kept on request.
  await page.getByRole('button', { name: 'Guardar en este teléfono' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'save-device-outcome');
  stored = await storedKeys(page);
  assert.ok(stored.local['cc-my-cases-v1'].includes(ticket));
  // A reply being written for this case (as the case page keeps it).
  await page.evaluate((t) => localStorage.setItem(`cc-reply-${t}`, JSON.stringify({ idempotency_key: 'k', message: 'borrador' })), ticket);

  // Forget it from "my cases": no trace of it is left, in this tab or on the device.
  await page.goto(`${h.server.base}/mis-casos`);
  await settled(page);
  await page.getByRole('button', { name: new RegExp(`Quitar de este dispositivo ${ticket}`) }).click();
  await page.getByText('Todavía no hay casos en este dispositivo.').waitFor();
  stored = await storedKeys(page);
  const everything = JSON.stringify(stored);
  assert.ok(!everything.includes(ticket), `left on the device: ${everything}`);
  assert.ok(!everything.includes(code.replace(/-/g, '')) && !everything.includes(code), 'the access code is still stored');
  await page.goto(`${h.server.base}/contacto/enviado/${ticket}`);
  await settled(page);
  assert.equal(await page.locator('#access-code').count(), 0, 'the confirmation still shows the code');
  assert.equal(sql(h.server.db, `SELECT COUNT(*) FROM cases WHERE ticket = '${ticket}'`)[0][0], 1);
});

test('10. deleting a draft asks first; "1 día" and wrong-code marking; counter speaks at thresholds; a shell from the first byte', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/contacto/tipo`);
  await settled(page);
  await page.getByLabel('Queja').check();
  await page.waitForFunction(() => localStorage.getItem('cc-draft-v1') !== null);
  await page.getByRole('button', { name: 'Borrar mis respuestas' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'discard-title');
  assert.notEqual(await page.evaluate(() => localStorage.getItem('cc-draft-v1')), null, 'deleted before confirming');
  await page.getByRole('button', { name: 'No, seguir con mi caso' }).click();
  await page.waitForFunction(() => document.activeElement?.innerText === 'Borrar mis respuestas');
  assert.equal(await page.locator('input[value=queja]').isChecked(), true);
  await page.getByRole('button', { name: 'Borrar mis respuestas' }).click();
  await page.getByRole('button', { name: 'Sí, borrar mis respuestas' }).click();
  await page.waitForURL(/\/contacto\?borrado=1$/);
  await page.waitForFunction(() => document.activeElement?.classList.contains('cc-notification'));
  assert.equal(await page.evaluate(() => localStorage.getItem('cc-draft-v1')), null);

  // The character counter: silent while there is room, speaks when a threshold is crossed.
  await toWhatHappened(page);
  const box = page.getByLabel('Cuéntenos qué pasó');
  await box.fill('Me atendieron mal.');
  await box.press('End');
  await page.keyboard.type(' Otra vez.');
  assert.equal(await page.locator('#description-count-status').innerText(), '', 'the spoken count changed during normal typing');
  assert.match(await page.locator('#description-count').innerText(), /caracteres/);
  await box.fill('x'.repeat(3100));
  await box.press('End');
  await page.keyboard.type('y');
  await page.waitForFunction(() => /caracteres/.test(document.querySelector('#description-count-status')?.innerText ?? ''));

  // Wrong code: one message in the summary, both fields marked.
  const { ticket } = await fileQueja();
  const look = await newPage(h.browser);
  await look.goto(`${h.server.base}/seguimiento`);
  await settled(look);
  await look.getByLabel('Número de caso').fill(ticket);
  await look.getByLabel('Código de acceso').fill('ABCD-EFGH-JKLM');
  await look.getByRole('button', { name: 'Ver mi caso' }).click();
  await look.locator('.cc-error-summary').waitFor();
  assert.equal(await look.locator('.cc-error-summary li').count(), 1);
  assert.equal(await look.locator('#ticket').getAttribute('aria-invalid'), 'true');
  assert.equal(await look.locator('#access_code').getAttribute('aria-invalid'), 'true');

  // The page shell says something before the app has started (here: it never does).
  const cold = await newPage(h.browser);
  await cold.route('**/*.wasm', (route) => route.abort());
  await cold.goto(`${h.server.base}/tramites`);
  await cold.getByText('Cargando Contacto Ciudadano').waitFor();
  assert.match(await cold.locator('body').innerText(), /1800 000 311/);
});
// Items 3 (reply and rating announced), 4 (the answer before the survey) and 10 (the
// case type follows a language switch) need staff actions: they are checked in
// tracking.test.js's full cycle.
