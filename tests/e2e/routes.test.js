// Every route opened cold (a new browser context: empty cache, no storage), as a person
// following a link would; and a route whose code cannot be downloaded. The release
// build splits the wasm per route (scripts/build-app.sh): these tests prove each chunk
// loads on a direct visit and that a failed one is a message with a retry, never a
// blank page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, settled, fillQueja } from './lib.js';

const h = serverAndBrowser();

/** Opens `path` in a fresh context and returns the h1, the wasm files fetched and errors. */
async function openCold(path) {
  const page = await newPage(h.browser);
  // A preload the page then fetches differently (another credentials mode) is wasted
  // bytes on a slow phone; Chromium says so in the console.
  page.on('console', (m) => {
    if (/preloaded using link preload but not used/.test(m.text())) page.errors.push(m.text());
  });
  const wasm = [];
  page.on('response', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    if (name.endsWith('.wasm')) wasm.push(`${name}:${r.status()}`);
  });
  await page.goto(`${h.server.base}${path}`);
  await settled(page);
  const h1 = (await page.locator('h1').first().innerText()).trim();
  const shown = { h1, wasm, errors: page.errors, page };
  return shown;
}

test('every route loads cold from a direct link, with its own code and nothing else broken', async () => {
  // A real case, for the deep link with the code in the fragment.
  const filing = await newPage(h.browser);
  await fillQueja(filing, h.server.base);
  await filing.getByRole('button', { name: /Enviar mi queja/ }).click();
  await filing.waitForURL(/\/contacto\/enviado\//);
  await filing.locator('#ticket').waitFor();
  const ticket = (await filing.locator('#ticket').innerText()).trim();
  const code = (await filing.locator('#access-code').innerText()).trim();
  await filing.context().close();
  const slug = (await (await fetch(`${h.server.base}/api/v1/catalog/index`)).json()).procedures[0].slug;

  const routes = [
    ['/', /necesita hacer hoy/],
    ['/tramites', /Trámites/],
    ['/tramites?q=licencia', /Trámites/],
    [`/tramites/${slug}`, /./],
    ['/contacto', /Contactar a una entidad/],
    ['/contacto/tipo', /Qué quiere hacer/],
    ['/seguimiento', /Seguir mi caso/],
    [`/seguimiento/${ticket}#codigo=${code.replace(/-/g, '')}`, new RegExp(ticket)],
    ['/mis-casos', /Mis casos/],
    ['/privacidad', /Política de datos personales/],
    ['/integrar', /./],
    ['/transparencia', /Transparencia/],
    ['/atencion', /Atención asistida/],
    [`/atencion/enviado/${ticket}`, /Caso registrado/],
    ['/puntos-de-atencion', /Puntos de atención/],
    ['/puntos-de-atencion?tramite=pasaporte-ordinario', /Puntos de atención/],
    ['/no-existe', /No encontramos/],
  ];
  for (const [path, heading] of routes) {
    const shown = await openCold(path);
    console.log(`# ${path.split('#')[0]}: "${shown.h1}", wasm ${shown.wasm.join(' ')}`);
    assert.match(shown.h1, heading, `${path}: heading`);
    assert.deepEqual(shown.errors, [], `${path}: errors`);
    assert.ok(shown.wasm.every((w) => w.endsWith(':200')), `${path}: ${shown.wasm}`);
    // In the split build, a direct visit asks for the page's own code up front.
    const preloads = await shown.page.locator('link[rel=preload][href*="/split_"]').count();
    const split = shown.wasm.some((w) => w.startsWith('split_'));
    if (split && path !== '/no-existe') assert.equal(preloads, 1, `${path}: the page's chunk is preloaded`);
    await shown.page.context().close();
  }
});

test('a route whose code cannot be downloaded says so and offers a retry that works', async (t) => {
  const page = await newPage(h.browser);
  const chunks = [];
  page.on('request', (r) => {
    if (/\/split_[a-z_]+\.wasm$/.test(r.url())) chunks.push(r.url());
  });
  // Cut only the tracking pages' own code, as a dropped connection would.
  await page.route(/\/split_tracking\.wasm$/, (route) => route.abort('internetdisconnected'));
  await page.goto(`${h.server.base}/seguimiento`);
  await page.waitForSelector('h1');
  if (chunks.length === 0) {
    t.skip('this build is not split per route (trunk serve): nothing to cut');
    return;
  }
  const alert = page.locator('[role=alert]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /No se pudo descargar esta parte de la página/);
  assert.match(await page.locator('h1').innerText(), /No pudimos cargar esta página/);
  await page.unroute(/\/split_tracking\.wasm$/);
  await page.getByRole('button', { name: 'Intentar de nuevo' }).click();
  await page.getByLabel('Número de caso').waitFor();
  assert.match(await page.locator('h1').innerText(), /Seguir mi caso/);
  assert.deepEqual(page.errors, []);
});
