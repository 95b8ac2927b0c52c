// WCAG 1.4.10 Reflow: at 320 CSS px wide (what 1280 px at 400 % zoom, or a small
// phone, gives) no screen may need horizontal scrolling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, settled, fillQueja } from './lib.js';

const h = serverAndBrowser();

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('no horizontal scrolling at 320 px on any kind of screen', async () => {
  const page = await newPage(h.browser, { width: 320, height: 640 });
  for (const path of ['/', '/tramites?q=licencia', '/tramites/pasaporte-ordinario', '/contacto', '/contacto/tipo',
    '/seguimiento', '/mis-casos', '/privacidad', '/integrar', '/no-existe']) {
    await page.goto(`${h.server.base}${path}`);
    await settled(page);
    assert.ok((await overflow(page)) <= 0, `${path} scrolls sideways by ${await overflow(page)} px`);
  }
  await fillQueja(page, h.server.base);
  assert.ok((await overflow(page)) <= 0, `check-answers page scrolls sideways by ${await overflow(page)} px`);
  await page.getByRole('button', { name: /Enviar mi queja/ }).click();
  await page.waitForURL(/\/contacto\/enviado\//);
  await page.locator('#ticket').waitFor();
  assert.ok((await overflow(page)) <= 0, `confirmation scrolls sideways by ${await overflow(page)} px`);
  assert.deepEqual(page.errors, []);
});
