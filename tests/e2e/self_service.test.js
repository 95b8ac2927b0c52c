// The self-service first level: while a person describes the problem, procedures of
// the catalog that may answer it appear under the text. "Esto resuelve mi consulta"
// ends the wizard with no case in the database and the draft kept for 7 days; "No,
// quiero seguir" hides them and the case is filed as usual. Both are counted
// anonymously (the figure /transparencia publishes). Denuncias get no suggestions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, settled, expectAccessible, screenshot, sql, submitStep, fromAttachmentsToReview, until, VIEWPORTS } from './lib.js';

const h = serverAndBrowser();

const DAY_MS = 86_400_000;

/** Opens the wizard as a petición up to "Cuéntenos qué necesita". */
async function toDescription(page, type = 'Petición') {
  await page.goto(`${h.server.base}/contacto/tipo`);
  await page.getByLabel(type, { exact: true }).check();
  await submitStep(page);
  if (type === 'Denuncia') await submitStep(page); // the emergency notice
  await page.getByLabel('No sé qué entidad es').check();
  await submitStep(page);
  await page.locator('#description').waitFor();
}

const LOST_ID = 'Me robaron la cartera con el carnet y necesito sacar otro';

function counts(outcome) {
  return sql(h.server.db, `SELECT COALESCE(SUM(count), 0) FROM self_service_counts WHERE outcome = '${outcome}'`)[0][0];
}

test('a matching description suggests the procedure; choosing it ends the wizard without a case', async () => {
  const page = await newPage(h.browser);
  await toDescription(page);
  // Three words say too little: nothing yet, and focus stays in the text box.
  await page.locator('#description').pressSequentially('Me robaron la', { delay: 10 });
  await page.locator('#description').pressSequentially(' cartera con el carnet y necesito sacar otro', { delay: 10 });
  const section = page.locator('.cc-suggestions');
  await section.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'description');
  assert.match(await section.locator('h2').innerText(), /Quizás esto ya responde su consulta/);
  const names = await section.locator('.cc-suggestion__name').allInnerTexts();
  assert.ok(names.length >= 1 && names.length <= 3, `${names}`);
  assert.match(names[0], /Duplicado de cédula/i);
  // A screen reader hears that they are there.
  assert.match(await page.locator('p[role=status]').last().innerText(), /trámite/);
  // Each "Esto resuelve mi consulta" is described by its procedure's name.
  const button = section.getByRole('button', { name: 'Esto resuelve mi consulta' }).first();
  const describedBy = await button.getAttribute('aria-describedby');
  assert.match(await page.locator(`#${describedBy}`).innerText(), /Duplicado de cédula/i);
  for (const [i, contrast] of ['no-preference', 'more'].entries()) {
    await page.emulateMedia({ contrast });
    await expectAccessible(assert, page, `suggestions shown (${contrast})`);
    if (i === 0) {
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, 'self-service-suggestions-360');
    }
  }
  await page.emulateMedia({ contrast: 'no-preference' });

  await button.click();
  await page.waitForURL(/\/contacto\/resuelto\/duplicado-de-cedula-por-perdida-o-robo$/);
  await settled(page);
  assert.match(await page.locator('h1').innerText(), /Qué bueno que encontró lo que buscaba/);
  assert.match(await page.locator('main').innerText(), /No enviamos ningún caso/);
  assert.match(await page.locator('main').innerText(), /7 días/);
  assert.match(await page.getByRole('link', { name: /Ir al trámite/ }).innerText(), /Duplicado de cédula/i);
  for (const contrast of ['no-preference', 'more']) {
    await page.emulateMedia({ contrast });
    await expectAccessible(assert, page, `resolved page (${contrast})`);
  }
  await page.emulateMedia({ contrast: 'no-preference' });
  await screenshot(page, 'self-service-resolved-360');

  assert.deepEqual(sql(h.server.db, 'SELECT COUNT(*) FROM cases'), [[0]]);
  await until(() => counts('resolved') >= 1, 'the resolved answer is counted');
  assert.equal(counts('resolved'), 1);
  assert.deepEqual(sql(h.server.db, "SELECT procedure FROM self_service_counts WHERE outcome = 'resolved'"), [['duplicado-de-cedula-por-perdida-o-robo']]);

  // The draft is kept, marked as set aside; "Volver a mi caso" brings it back.
  const draft = await page.evaluate(() => JSON.parse(localStorage.getItem('cc-draft-v1')));
  assert.equal(draft.description, LOST_ID);
  assert.ok(draft.set_aside_at > 0);
  await page.getByRole('link', { name: 'Volver a mi caso' }).click();
  await page.waitForURL(/\/contacto\/que-paso$/);
  assert.equal(await page.locator('#description').inputValue(), LOST_ID);
  // Having said it answered, the person is not offered the same list again.
  assert.equal(await page.locator('.cc-suggestions').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a draft set aside is kept for 7 days, then deleted', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/`);
  await settled(page);
  const setAside = async (daysAgo) => {
    await page.evaluate(([text, ms]) => localStorage.setItem('cc-draft-v1', JSON.stringify({
      idempotency_key: '00000000-0000-4000-8000-000000000001',
      case_type: 'peticion', agency: '', description: text, set_aside_at: Date.now() - ms,
    })), [LOST_ID, daysAgo * DAY_MS]);
    await page.goto(`${h.server.base}/contacto/que-paso`);
    await settled(page);
  };
  await setAside(6.9);
  assert.equal(await page.locator('#description').inputValue(), LOST_ID);
  await setAside(7.01);
  assert.equal(await page.evaluate(() => localStorage.getItem('cc-draft-v1')), null);
  assert.doesNotMatch(page.url(), /que-paso/, 'an empty draft starts at the first question');
  await page.context().close();
});

test('"No, quiero seguir" hides the suggestions, keeps focus in the text and files one case', async () => {
  const page = await newPage(h.browser, VIEWPORTS[1]);
  await toDescription(page);
  await page.locator('#description').fill('Mi licencia de conducir se vence la próxima semana, qué hago');
  await page.locator('.cc-suggestions').waitFor();
  const before = counts('continued');
  await page.getByRole('button', { name: 'No, quiero seguir' }).click();
  await page.locator('.cc-suggestions').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'description');
  assert.match(await page.locator('p[role=status]').last().innerText(), /Siga con su caso/);
  await until(() => counts('continued') > before, 'the continued answer is counted');
  assert.equal(counts('continued'), before + 1);
  // Still hidden after a reload and more typing.
  await page.reload();
  await settled(page);
  await page.locator('#description').pressSequentially(' Es urgente.', { delay: 5 });
  const length = (await page.locator('#description').inputValue()).length;
  await page.locator(`[data-suggestions-checked="${length}"]`).waitFor({ state: 'attached' });
  assert.equal(await page.locator('.cc-suggestions').count(), 0);
  await submitStep(page);
  await fromAttachmentsToReview(page);
  await page.getByRole('button', { name: /Enviar/ }).click();
  await page.waitForURL(/\/contacto\/enviado\//);
  assert.deepEqual(sql(h.server.db, "SELECT COUNT(*) FROM cases WHERE description LIKE 'Mi licencia de conducir%'"), [[1]]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a denuncia gets no suggestions', async () => {
  const page = await newPage(h.browser);
  await toDescription(page, 'Denuncia');
  await page.locator('#description').fill('Un funcionario me pidió plata para renovar la licencia de conducir');
  await settled(page);
  // Not offered at all: the suggestions' status line is not on the page.
  assert.equal(await page.locator('[data-suggestions-checked]').count(), 0);
  assert.equal(await page.locator('.cc-suggestions').count(), 0);
  await page.context().close();
});
