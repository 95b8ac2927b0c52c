// Assisted filing (issue 17): a staff member signs in with their own token, files a
// verbal petition for a person without e-mail through the same wizard, reads out and
// prints the receipt, sends it to the person's phone; later the person tracks the case
// on another device with ticket and code and sees how it was received. A bad token
// shows the error summary; axe finds nothing on any new screen in either contrast.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverAndBrowser, newPage, settled, expectAccessible, screenshot, sql, SERVER_BIN, VIEWPORTS } from './lib.js';

const h = serverAndBrowser();
const MEMBER = 'Luisa Mamani';
let token = '';

/** The member's own credential, made once as an administrator makes it (the server
 *  is up only once the file's set-up ran). */
function memberToken() {
  if (!token) {
    const added = spawnSync(SERVER_BIN, ['--db', h.server.db, 'staff-member', 'add', MEMBER], { encoding: 'utf8' });
    assert.equal(added.status, 0, added.stderr);
    token = added.stdout.trim();
    assert.match(token, /^\S{20,}$/);
  }
  return token;
}

/** axe in both `prefers-contrast` values (as assistive.test.js does). */
async function accessibleBothContrasts(page, label) {
  for (const contrast of ['no-preference', 'more']) {
    await page.emulateMedia({ contrast });
    await expectAccessible(assert, page, `${label} (contrast ${contrast})`);
  }
  await page.emulateMedia({ contrast: null });
}

async function next(page) {
  const before = page.url();
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.waitForURL((u) => u.href !== before);
}

async function signIn(page, typed) {
  await page.goto(`${h.server.base}/atencion`);
  await settled(page);
  await page.getByLabel('Su clave de funcionario').fill(typed);
  await page.getByRole('button', { name: 'Entrar' }).click();
}

test('a wrong token is refused with the error summary; nothing is kept', async () => {
  const page = await newPage(h.browser);
  await signIn(page, 'ccstaff_esta-clave-no-existe');
  const summary = page.locator('.cc-error-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), /Esa clave no sirve/);
  // The summary takes focus and links to the field; the field says what is wrong.
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('cc-error-summary')), true);
  assert.equal(await page.locator('#token').getAttribute('aria-invalid'), 'true');
  assert.match(await page.title(), /^Error: /);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('cc-staff')), null);
  await accessibleBothContrasts(page, 'sign-in with a wrong token');
  // Empty: the same summary, without asking the backend.
  await page.getByLabel('Su clave de funcionario').fill('');
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.locator('.cc-error-summary', { hasText: 'Escriba su clave de funcionario' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a staff member files a verbal petition for a person without e-mail; the person tracks it elsewhere', async () => {
  const page = await newPage(h.browser);
  // Sign in.
  await page.goto(`${h.server.base}/atencion`);
  await settled(page);
  await accessibleBothContrasts(page, 'sign-in');
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await screenshot(page, `assisted-sign-in-${viewport.width}`);
  }
  await page.setViewportSize(VIEWPORTS[0]);
  await signIn(page, memberToken());
  await page.locator('#signed-in', { hasText: `Sesión iniciada: ${MEMBER}` }).waitFor();
  assert.equal(JSON.parse(await page.evaluate(() => sessionStorage.getItem('cc-staff'))).name, MEMBER);
  await accessibleBothContrasts(page, 'signed in');

  // The same wizard, for another person: the banner on every page, the channel first.
  await page.getByRole('button', { name: 'Registrar un caso por una persona' }).click();
  await page.waitForURL(/\/contacto$/);
  await settled(page);
  await page.locator('.cc-assisted-banner', { hasText: MEMBER }).waitFor();
  await page.getByRole('link', { name: 'Empezar' }).click();
  await page.waitForURL(/\/contacto\/canal$/);
  await settled(page);
  assert.match(await page.locator('h1').innerText(), /Cómo llegó este caso/);
  await accessibleBothContrasts(page, 'channel question');
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await screenshot(page, `assisted-channel-${viewport.width}`);
  }
  await page.setViewportSize(VIEWPORTS[0]);
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.locator('.cc-error-summary', { hasText: 'Elija cómo llegó el caso' }).waitFor();
  await accessibleBothContrasts(page, 'channel question with its error');
  await page.getByLabel('Petición verbal').check();
  await next(page);

  const banner = async () => assert.match(await page.locator('.cc-assisted-banner').innerText(),
    new RegExp(`Atención asistida: está registrando un caso por otra persona · ${MEMBER}`));
  await banner();
  await page.getByLabel('Petición', { exact: true }).check();
  await next(page);
  await banner();
  await page.locator('input[name=agency]').first().check();
  await next(page);
  await banner();
  await page.getByLabel('Cuéntenos qué necesita').fill('Pide copia del certificado de su predio; no sabe leer y lo dijo en la ventanilla.');
  await next(page);
  await next(page); // attachments: none
  await banner();
  await page.getByLabel('Con mi nombre', { exact: true }).check();
  await page.getByLabel('Nombre completo').fill('Rosa Condori');
  await page.getByLabel('Teléfono', { exact: true }).fill('+591 700 12345');
  await next(page);
  // Consent, as the person gave it: read out, ticked by the staff member.
  await banner();
  assert.match(await page.locator('h1').innerText(), /Uso de los datos de la persona/);
  await page.getByLabel(/La persona me dijo que acepta/).check();
  await next(page);
  await page.waitForURL(/\/contacto\/revisar$/);
  await banner();
  const review = await page.locator('.cc-summary-list').innerText();
  assert.match(review, /Cómo llegó\s+Petición verbal/);
  assert.match(review, /La persona aceptó de palabra/);
  await page.getByRole('button', { name: 'Registrar el caso' }).click();

  // The confirmation: to read out, to print, to send.
  await page.waitForURL(/\/atencion\/enviado\//);
  await settled(page);
  const ticket = (await page.locator('#ticket').innerText()).trim();
  const code = (await page.locator('#access-code').innerText()).trim();
  assert.match(ticket, /^[A-Z]+-PET-\d{4}-\d{5}$/);
  assert.match(await page.locator('#ticket-spelled').innerText(), new RegExp(ticket.split('-')[0].split('').join(' ') + ', guion,'));
  assert.match(await page.locator('#code-spelled').innerText(), new RegExp(code.split('-')[0].split('').join(' ')));
  const receipt = await page.locator('#assisted-receipt').innerText();
  assert.match(receipt, /Comprobante de su caso/);
  assert.match(receipt, new RegExp(ticket));
  assert.match(receipt, new RegExp(code));
  assert.match(receipt, /De forma verbal · \d+ de \w+ de \d{4}/);
  assert.match(receipt, new RegExp(MEMBER));
  await accessibleBothContrasts(page, 'assisted confirmation');
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await screenshot(page, `assisted-confirmation-${viewport.width}`);
  }
  await page.setViewportSize(VIEWPORTS[0]);

  // Printed: only the receipt, black on white.
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const shown = (el) => !!el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
    const r = document.querySelector('#assisted-receipt');
    const style = getComputedStyle(r);
    return {
      receipt: shown(r),
      header: shown(document.querySelector('.cc-header')),
      footer: shown(document.querySelector('.cc-footer')),
      readOut: shown(document.querySelector('.cc-assisted-read')),
      printButton: shown(document.querySelector('#print-receipt')),
      send: shown(document.querySelector('.cc-assisted-send')),
      color: style.color,
      background: style.backgroundColor,
    };
  });
  assert.deepEqual(printed, {
    receipt: true, header: false, footer: false, readOut: false, printButton: false, send: false,
    color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)',
  });
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await screenshot(page, `assisted-receipt-print-${viewport.width}`);
  }
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 1000 && pdf.subarray(0, 5).toString() === '%PDF-', 'a PDF comes out');
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize(VIEWPORTS[0]);

  // Sent to the person's phone (they have no e-mail): the field is filled from the case.
  assert.equal(await page.getByLabel('Teléfono de la persona (mensaje de texto)').inputValue(), '+591 700 12345');
  assert.equal(await page.getByLabel('Correo electrónico de la persona').inputValue(), '');
  await page.getByLabel('Correo electrónico de la persona').fill('rosa@');
  await page.getByRole('button', { name: 'Enviar el comprobante' }).click();
  await page.locator('.cc-error-summary', { hasText: 'Escriba solo uno' }).waitFor();
  await accessibleBothContrasts(page, 'send the receipt, with an error');
  await page.getByLabel('Correo electrónico de la persona').fill('');
  await page.getByRole('button', { name: 'Enviar el comprobante' }).click();
  await page.locator('#receipt-sent', { hasText: 'Enviamos el comprobante a •••••••2345' }).waitFor();

  // What the database holds: one case, its channel, who took it, verbal consent.
  const rows = sql(h.server.db, `SELECT channel, taken_by, consent, email IS NULL FROM cases WHERE ticket = '${ticket}'`);
  assert.deepEqual(rows, [['verbal', MEMBER, 'verbal', 1]]);
  assert.deepEqual(sql(h.server.db, 'SELECT COUNT(*) FROM cases'), [[1]]);
  // The staff view shows the channel and the member.
  const staff = await (await fetch(`${h.server.base}/api/v1/staff/cases/${ticket}`, {
    headers: { Authorization: `Bearer ${token}` },
  })).json();
  assert.equal(staff.channel, 'verbal');
  assert.equal(staff.taken_by, MEMBER);
  assert.equal(staff.consent, 'verbal');
  assert.deepEqual(page.errors, []);

  // Another device: the person tracks the case with ticket and code.
  const phone = await newPage(h.browser);
  await phone.goto(`${h.server.base}/seguimiento`);
  await settled(phone);
  await phone.getByLabel('Número de caso').fill(ticket);
  await phone.getByLabel('Código de acceso').fill(code);
  await phone.getByRole('button', { name: 'Ver mi caso' }).click();
  await phone.locator('#case-received').waitFor();
  assert.match(await phone.locator('#case-received').innerText(), /^Recibido de forma verbal el \d+ de \w+ de \d{4}$/);
  assert.equal(await phone.locator('.cc-assisted-banner').count(), 0, 'no staff banner for the person');
  await expectAccessible(assert, phone, 'tracking an assisted case');
  assert.deepEqual(phone.errors, []);
  await phone.context().close();

  // Signing out forgets the member and the case's code in this tab.
  await page.getByRole('button', { name: 'Cerrar sesión' }).click();
  await page.waitForURL(/\/atencion$/);
  await page.getByLabel('Su clave de funcionario').waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('cc-staff')), null);
  await page.goto(`${h.server.base}/atencion/enviado/${ticket}`);
  await settled(page);
  assert.equal(await page.locator('#access-code').count(), 0);
  // And the citizen's wizard is as before: no channel question, no banner.
  await page.goto(`${h.server.base}/contacto/canal`);
  await page.waitForURL(/\/contacto\/tipo$/);
  await settled(page);
  assert.equal(await page.locator('.cc-assisted-banner').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
