// Inclusion: the display panel (larger text, high contrast, simple view), reading aloud
// with the browser's speech synthesis, and dictation with its speech recognition.
// Headless Chromium here has neither voices nor speech recognition, so the tests that
// need them install small stand-ins before the page loads (`addInitScript`): they
// record what the app asks for and answer the way the real APIs do (events, errors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, settled, expectAccessible, screenshot, fillQueja } from './lib.js';

const h = serverAndBrowser();

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const htmlAttr = (page, name) => page.evaluate((n) => document.documentElement.getAttribute(n), name);

/** A speech synthesis with one Spanish and one English voice that "speaks" each
 *  utterance in a few milliseconds, firing start and end like the real one. */
function fakeSpeech() {
  const spoken = [];
  window.__spoken = spoken;
  window.__speech = { paused: 0, resumed: 0, cancelled: 0 };
  const voices = [
    { lang: 'es-ES', name: 'Prueba ES', localService: true, default: true, voiceURI: 'es' },
    { lang: 'en-US', name: 'Test EN', localService: true, default: false, voiceURI: 'en' },
  ];
  let queue = [];
  let speaking = null;
  let paused = false;
  const next = () => {
    if (paused || speaking || !queue.length) return;
    speaking = queue.shift();
    spoken.push({ text: speaking.text, lang: speaking.lang });
    speaking.onstart?.(new Event('start'));
    // Long enough for a test to see the highlight, short enough to finish quickly.
    setTimeout(() => {
      if (paused) return;
      const done = speaking;
      speaking = null;
      done?.onend?.(new Event('end'));
      next();
    }, window.__speechDelay ?? 30);
  };
  const synth = new EventTarget();
  Object.assign(synth, {
    getVoices: () => voices,
    speak: (u) => { queue.push(u); next(); },
    pause: () => { paused = true; window.__speech.paused++; },
    resume: () => { paused = false; window.__speech.resumed++; const s = speaking; speaking = null; s?.onend?.(new Event('end')); next(); },
    cancel: () => { queue = []; speaking = null; window.__speech.cancelled++; },
  });
  class Utterance { constructor(text) { this.text = text; this.lang = ''; this.voice = null; } }
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
  window.SpeechSynthesisVoice = Object;
}

/** A speech recognition that hears `window.__heard` once started (or fails with
 *  `window.__recognitionError`), like Chromium's `webkitSpeechRecognition`. */
function fakeRecognition() {
  window.__recognitions = [];
  class Recognition {
    constructor() { this.lang = ''; window.__recognitions.push(this); }
    start() {
      setTimeout(() => {
        if (window.__recognitionError) {
          this.onerror?.({ error: window.__recognitionError });
          this.onend?.({});
          return;
        }
        const result = [{ transcript: window.__heard ?? 'me cobraron dos veces', confidence: 0.9 }];
        result.isFinal = true;
        this.onresult?.({ resultIndex: 0, results: [result] });
      }, 20);
    }
    stop() { setTimeout(() => this.onend?.({}), 10); }
    abort() { this.onend?.({}); }
  }
  // Chromium has both names; the app takes whichever exists.
  window.SpeechRecognition = Recognition;
  window.webkitSpeechRecognition = Recognition;
}

test('the display panel opens from the header, applies at once, is kept, and closes back to its button', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/`);
  await settled(page);
  const toggle = page.getByRole('button', { name: 'Pantalla' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Ajustes de pantalla' });
  await panel.waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  // Focus moved into the panel, onto its heading.
  await page.waitForFunction(() => document.activeElement?.id === 'cc-display-title');

  await page.getByLabel('Muy grande').check();
  assert.equal(await htmlAttr(page, 'data-text'), '200');
  await page.getByRole('status').filter({ hasText: 'Guardado en este teléfono.' }).waitFor();
  const rootSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.equal(rootSize, 32, 'the root text is twice the browser default of 16 px');
  await page.getByLabel(/Alto contraste/).check();
  await page.getByLabel(/Vista sencilla/).check();
  assert.equal(await htmlAttr(page, 'data-contrast'), 'more');
  assert.equal(await htmlAttr(page, 'data-view'), 'simple');
  const textColour = await page.evaluate(() => getComputedStyle(document.body).color);
  assert.equal(textColour, 'rgb(0, 0, 0)', 'high contrast is black text');
  await screenshot(page, 'display-panel-360');

  // Escape closes the panel and gives focus back to "Pantalla".
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.id === 'cc-display-toggle');
  assert.equal(await panel.isVisible(), false);

  // Kept on the device: a reload (and another page) opens with the same settings,
  // set before the app draws anything.
  await page.goto(`${h.server.base}/tramites`);
  await settled(page);
  assert.equal(await htmlAttr(page, 'data-text'), '200');
  assert.equal(await htmlAttr(page, 'data-contrast'), 'more');
  assert.equal(await htmlAttr(page, 'data-view'), 'simple');

  // Back to normal: nothing kept.
  await page.getByRole('button', { name: 'Pantalla' }).click();
  await page.getByLabel('Normal').check();
  await page.getByLabel(/Alto contraste/).uncheck();
  await page.getByLabel(/Vista sencilla/).uncheck();
  assert.equal(await page.evaluate(() => localStorage.getItem('cc-display')), null);
  assert.equal(await htmlAttr(page, 'data-text'), null);
  await page.getByRole('button', { name: 'Cerrar' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'cc-display-toggle');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('at 320 px, every setting together (200 % text, high contrast, simple view) never scrolls sideways and stays accessible', async () => {
  const page = await newPage(h.browser, { width: 320, height: 640 });
  await page.addInitScript(() => localStorage.setItem('cc-display', 't200 contrast simple'));
  for (const path of ['/', '/tramites?q=licencia', '/tramites/pasaporte-ordinario', '/contacto', '/contacto/tipo',
    '/seguimiento', '/mis-casos', '/privacidad']) {
    await page.goto(`${h.server.base}${path}`);
    await settled(page);
    assert.ok((await overflow(page)) <= 0, `${path} scrolls sideways by ${await overflow(page)} px`);
    await expectAccessible(assert, page, `${path} at 200 % text, high contrast, simple view`);
  }
  await page.goto(`${h.server.base}/contacto/tipo`);
  await settled(page);
  await screenshot(page, 'display-all-settings-320');
  // The simple view's controls are bigger than the 44 px minimum.
  const buttonHeight = await page.evaluate(() => document.querySelector('.cc-main .cc-button').getBoundingClientRect().height);
  assert.ok(buttonHeight >= 56, `button height ${buttonHeight}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the phone\'s dark scheme and "more contrast" are followed without any setting, and stay accessible', async () => {
  const page = await newPage(h.browser);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${h.server.base}/contacto/tipo`);
  await settled(page);
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(dark, 'rgb(11, 12, 12)');
  await expectAccessible(assert, page, 'a wizard question in the dark scheme');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.locator('.cc-error-summary').waitFor();
  await expectAccessible(assert, page, 'an error summary in the dark scheme');
  await screenshot(page, 'dark-error-360');
  await page.goto(`${h.server.base}/tramites/pasaporte-ordinario`);
  await settled(page);
  await expectAccessible(assert, page, 'a procedure page in the dark scheme');
  await page.emulateMedia({ colorScheme: 'light', contrast: 'more' });
  const text = await page.evaluate(() => getComputedStyle(document.body).color);
  assert.equal(text, 'rgb(0, 0, 0)');
  await expectAccessible(assert, page, 'a procedure page with more contrast');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('"Escuchar" is absent without a voice for the language', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.server.base}/contacto/tipo`);
  await settled(page);
  assert.equal(await page.evaluate(() => speechSynthesis.getVoices().length), 0, 'this Chromium has no voices');
  assert.equal(await page.getByRole('button', { name: 'Escuchar' }).count(), 0);
  await page.context().close();
});

test('"Escuchar" reads the question, its hint, options and errors in order, highlights each, pauses and stops', async () => {
  const page = await newPage(h.browser);
  await page.addInitScript(fakeSpeech);
  await page.goto(`${h.server.base}/contacto/tipo`);
  await settled(page);
  // An error first, so the reading includes it.
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.locator('.cc-error-summary').waitFor();
  await page.evaluate(() => { window.__speechDelay = 400; });
  const listen = page.getByRole('button', { name: 'Escuchar' });
  await listen.click();
  // The same button now pauses (focus stays on it); "Detener" appears.
  await page.getByRole('button', { name: 'Pausar' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), 'Pausar');
  await page.locator('.cc-reading').first().waitFor();
  const firstRead = await page.locator('.cc-reading').first().textContent();
  assert.match(firstRead, /Hay un problema/, 'the error summary is read first');
  await page.getByRole('button', { name: 'Pausar' }).click();
  await page.getByRole('button', { name: 'Seguir' }).waitFor();
  assert.equal(await page.evaluate(() => window.__speech.paused), 1);
  await page.evaluate(() => { window.__speechDelay = 5; });
  await page.getByRole('button', { name: 'Seguir' }).click();
  // The reading ends by itself: back to "Escuchar", no highlight left.
  await page.getByRole('button', { name: 'Escuchar' }).waitFor();
  assert.equal(await page.locator('.cc-reading').count(), 0);
  const spoken = await page.evaluate(() => window.__spoken.map((s) => s.text));
  const at = (re) => spoken.findIndex((s) => re.test(s));
  assert.ok(at(/Hay un problema/) === 0, spoken.join(' | '));
  assert.ok(at(/^Error: /) > 0, `the field's error is read: ${spoken.join(' | ')}`);
  assert.ok(at(/¿Qué quiere hacer\?/) > at(/Hay un problema/), `the question follows: ${spoken.join(' | ')}`);
  assert.ok(at(/^Queja$/) > at(/¿Qué quiere hacer\?/), `then the options: ${spoken.join(' | ')}`);
  assert.ok(spoken.some((s) => /servicio|atención/i.test(s) && s.length > 20), `option hints are read: ${spoken.join(' | ')}`);
  assert.ok(!spoken.some((s) => /^(Continuar|Escuchar|Salir rápido)$/.test(s)), `controls are not read: ${spoken.join(' | ')}`);
  assert.ok((await page.evaluate(() => window.__spoken.every((s) => s.lang === 'es'))), 'read in Spanish');

  // "Detener" stops at once.
  await page.evaluate(() => { window.__speechDelay = 2000; });
  await page.getByRole('button', { name: 'Escuchar' }).click();
  await page.getByRole('button', { name: 'Detener' }).click();
  await page.getByRole('button', { name: 'Escuchar' }).waitFor();
  assert.ok((await page.evaluate(() => window.__speech.cancelled)) >= 1);
  assert.equal(await page.locator('.cc-reading').count(), 0);

  // In English the interface is read with an English voice.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Listen' }).waitFor();
  await page.evaluate(() => { window.__speechDelay = 1; window.__spoken.length = 0; });
  await page.getByRole('button', { name: 'Listen' }).click();
  await page.getByRole('button', { name: 'Listen' }).waitFor();
  const english = await page.evaluate(() => window.__spoken);
  assert.ok(english.some((s) => s.lang === 'en' && /What do you want to do\?/.test(s.text)), JSON.stringify(english));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** Presses "Escuchar" and waits until the reading ended by itself ("Detener" came and went). */
async function readToTheEnd(page) {
  await page.getByRole('button', { name: 'Escuchar' }).click();
  await page.getByRole('button', { name: 'Detener' }).waitFor();
  await page.getByRole('button', { name: 'Detener' }).waitFor({ state: 'detached', timeout: 20000 });
}

test('"Escuchar" on a procedure page and on the confirmation', async () => {
  const page = await newPage(h.browser);
  await page.addInitScript(fakeSpeech);
  await page.goto(`${h.server.base}/tramites/pasaporte-ordinario`);
  await settled(page);
  await readToTheEnd(page);
  const spoken = await page.evaluate(() => window.__spoken.map((s) => s.text));
  assert.ok(spoken.slice(0, 2).some((s) => /pasaporte/i.test(s)), `the heading comes first: ${spoken.slice(0, 3).join(' | ')}`);
  assert.ok(spoken.some((s) => /requisitos|qué necesita/i.test(s)), spoken.join(' | '));

  await fillQueja(page, h.server.base);
  await page.getByRole('button', { name: /Enviar mi queja/ }).click();
  await page.waitForURL(/\/contacto\/enviado\//);
  await page.locator('#ticket').waitFor();
  await page.evaluate(() => { window.__spoken.length = 0; });
  await readToTheEnd(page);
  const receipt = await page.evaluate(() => window.__spoken.map((s) => s.text));
  const ticket = (await page.locator('#ticket').textContent()).trim();
  assert.ok(receipt.some((s) => s.includes(ticket)), `the case number is read: ${receipt.join(' | ')}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('dictation adds what is heard after what was typed, says what happens, and reports a refused microphone', async () => {
  const page = await newPage(h.browser);
  await page.addInitScript(fakeRecognition);
  await page.goto(`${h.server.base}/contacto/tipo`);
  await page.getByLabel('Queja').check();
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.locator('input[name=agency]').first().check();
  await page.getByRole('button', { name: 'Continuar' }).click();
  const box = page.getByLabel('Cuéntenos qué pasó');
  await box.fill('En la ventanilla');
  await page.getByRole('button', { name: 'Dictar' }).click();
  await page.getByRole('status').filter({ hasText: 'Escuchando' }).waitFor();
  await page.waitForFunction(() => document.querySelector('#description').value.includes('cobraron'));
  assert.equal(await box.inputValue(), 'En la ventanilla me cobraron dos veces');
  assert.equal(await page.evaluate(() => window.__recognitions[0].lang), 'es');
  // The same button stops.
  await page.getByRole('button', { name: 'Terminar de dictar' }).click();
  await page.getByRole('status').filter({ hasText: 'Dictado terminado' }).waitFor();
  // The draft has it: it survives a reload.
  await page.reload();
  await page.getByLabel('Cuéntenos qué pasó').waitFor();
  assert.equal(await page.getByLabel('Cuéntenos qué pasó').inputValue(), 'En la ventanilla me cobraron dos veces');
  await expectAccessible(assert, page, 'the description page with dictation');

  await page.evaluate(() => { window.__recognitionError = 'not-allowed'; });
  await page.getByRole('button', { name: 'Dictar' }).click();
  await page.getByRole('status').filter({ hasText: 'no dejó usar el micrófono' }).waitFor();
  assert.equal(await page.getByLabel('Cuéntenos qué pasó').inputValue(), 'En la ventanilla me cobraron dos veces', 'nothing replaced');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('without speech recognition there is no "Dictar" button, and the hint points to the keyboard\'s microphone', async () => {
  const page = await newPage(h.browser);
  // Like Firefox and older phones: no speech recognition at all.
  await page.addInitScript(() => { delete window.SpeechRecognition; delete window.webkitSpeechRecognition; });
  await page.goto(`${h.server.base}/contacto/tipo`);
  await page.getByLabel('Queja').check();
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.locator('input[name=agency]').first().check();
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.getByLabel('Cuéntenos qué pasó').waitFor();
  assert.equal(await page.evaluate(() => 'webkitSpeechRecognition' in window || 'SpeechRecognition' in window), false);
  assert.equal(await page.getByRole('button', { name: 'Dictar' }).count(), 0);
  await page.getByText('micrófono del teclado de su teléfono').waitFor();
  await page.context().close();
});
