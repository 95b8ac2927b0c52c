// One release build, two backends: the same files, switched only by `app-config.json`,
// file and track a case against the reference backend (`/api/v1`) and against an
// Open311 GeoReport v2 server (the repo's test server, reached through the reference
// backend's same-origin gateway, as a deployment in front of a city's server would).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import {
  DIST, startServer, launchBrowser, newPage, settled, expectAccessible, screenshot, sql,
  fillQueja, freePort,
} from './lib.js';

const OPEN311_BIN = resolve(process.env.OPEN311_BIN ?? '../../target/release/open311-test-server');

/** Starts the Open311 test server; resolves with its base once it says it listens. */
async function startOpen311(args = []) {
  const port = await freePort();
  const child = spawn(OPEN311_BIN, ['--addr', `127.0.0.1:${port}`, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d) => { out += d; if (out.includes('listening on')) ok(); });
    child.once('exit', (code) => fail(new Error(`open311-test-server exited ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    requests: async () => (await fetch(`${base}/_test/requests`)).json(),
    update: (id, body) => fetch(`${base}/_test/requests/${encodeURIComponent(id)}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    }),
    stop: async () => { child.kill('SIGTERM'); await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r))); },
  };
}

/** Serves a folder as any static host would (no API, no CSP of ours): a file when it
 *  exists, else the app's page, as a single-page app's host is set up. */
async function startStaticHost(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm',
    '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.txt': 'text/plain' };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (!extname(path) || !existsSync(file)) file = join(dir, 'index.html');
    if (!existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  const port = await freePort();
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return { base: `http://127.0.0.1:${port}`, stop: () => new Promise((ok) => server.close(ok)) };
}

/** The hashed folder of the build (`app-<hash>`): the same in both copies. */
function buildId(dist) {
  return readdirSync(dist).find((n) => /^app-[0-9a-f]+$/.test(n));
}

const h = { native: null, open311: null, city: null, browser: null, dist311: null };

before(async () => {
  h.native = await startServer();
  h.city = await startOpen311();
  // The same build in another folder; only its runtime configuration differs. The
  // Open311 deployment's texts (name, contacts, privacy page) are the reference
  // deployment's, with one case type: a report.
  const deployment = await (await fetch(`${h.native.base}/api/v1/config`)).json();
  delete deployment.catalog_size;
  deployment.case_types = [{
    slug: 'reporte', code: 'REP', response_days: 0, anonymous_allowed: true,
    emergency_notice: false, asks_when_where: false,
    names: {
      es: { name: 'Reporte', explanation: 'Un problema en la calle o en un servicio de la ciudad.' },
      en: { name: 'Report', explanation: 'A problem in the street or with a city service.' },
      pt: { name: 'Relato', explanation: 'Um problema na rua ou num serviço da cidade.' },
    },
  }];
  h.dist311 = mkdtempSync(join(tmpdir(), 'cc-dist311-'));
  cpSync(DIST, h.dist311, { recursive: true });
  writeFileSync(join(h.dist311, 'deployment.json'), JSON.stringify(deployment));
  writeFileSync(join(h.dist311, 'app-config.json'),
    JSON.stringify({ backend: 'open311', base: '/open311/v2', deployment: '/deployment.json' }));
  h.open311 = await startServer(['--open311-gateway', `${h.city.base}/open311/v2`], {}, { dist: h.dist311 });
  h.browser = await launchBrowser();
});

after(async () => {
  await h.browser?.close();
  await h.open311?.stop();
  await h.native?.stop();
  await h.city?.stop();
  if (h.dist311) rmSync(h.dist311, { recursive: true, force: true });
});

async function next(page) {
  const before = page.url();
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.waitForURL((u) => u.href !== before);
  await settled(page);
}

/** Reports graffiti (no questions of its own: `metadata: false`) anonymously, up to
 *  pressing "Enviar". */
async function reportGrafiti(page, base, place, description) {
  await page.goto(`${base}/contacto/tema`);
  await settled(page);
  await page.getByLabel('Grafiti en espacio público').check();
  await next(page);
  if (/\/tema$/.test(page.url())) await next(page);
  assert.match(page.url(), /\/contacto\/ubicacion$/);
  await page.getByLabel('Dirección o lugar').fill(place);
  await next(page);
  await page.getByRole('textbox').first().fill(description);
  await next(page);
  await page.getByLabel(/Sin dar mi nombre/).check();
  await next(page);
  await page.getByLabel(/Acepto que la entidad/).check();
  await next(page);
  await page.getByRole('button', { name: /Enviar/ }).click();
}

test('the same build: only app-config.json differs between the two copies', () => {
  assert.equal(buildId(h.dist311), buildId(DIST));
  assert.ok(buildId(DIST), 'the build has its hashed folder');
  const native = JSON.parse(readFileSync(join(DIST, 'app-config.json'), 'utf8'));
  assert.equal(native.backend, 'native');
});

test('reference backend: file a queja, then track it with ticket and code', async () => {
  const page = await newPage(h.browser);
  await fillQueja(page, h.native.base);
  await page.getByRole('button', { name: /Enviar/ }).click();
  await page.waitForURL(/\/contacto\/enviado\//);
  const ticket = (await page.locator('#ticket').textContent()).trim();
  const code = (await page.locator('#access-code').textContent()).trim();
  assert.match(ticket, /^[A-Z]+-QUE-\d{4}-\d+$/);
  assert.ok(code.length >= 8);
  assert.deepEqual(sql(h.native.db, 'SELECT count(*) FROM cases'), [[1]]);

  const track = await newPage(h.browser);
  await track.goto(`${h.native.base}/seguimiento`);
  await settled(track);
  await track.getByLabel('Número de caso').fill(ticket);
  await track.getByLabel('Código de acceso').fill(code);
  await track.getByRole('button', { name: 'Ver mi caso' }).click();
  await track.waitForSelector('#case-status');
  assert.equal((await track.locator('#case-status').textContent()).trim(), 'Recibido');
  assert.deepEqual(page.errors.concat(track.errors), []);
});

test('Open311: a report with the topic\'s own questions and a place, tracked by its number', async () => {
  const page = await newPage(h.browser);
  const base = h.open311.base;
  await page.goto(`${base}/contacto`);
  await settled(page);
  await page.getByRole('link', { name: /Empezar/ }).click();
  await page.waitForURL(/\/contacto\/tema$/);
  await settled(page);
  await expectAccessible(assert, page, 'topic');
  // The filter uses the catalog's engine on the server's names and keywords.
  await page.getByLabel('Buscar un tema').fill('farola');
  await page.getByLabel('Alumbrado público apagado').check();
  await screenshot(page, 'open311-topic');
  await next(page);
  // Continuar may have been pressed before the topic's questions arrived: then the
  // page says so, and the next press goes on.
  if (/\/tema$/.test(page.url())) await next(page);
  assert.match(page.url(), /\/contacto\/detalle-1$/);
  assert.equal((await page.locator('h1').textContent()).trim(), 'Número del poste');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await page.waitForSelector('.cc-error-summary');
  await expectAccessible(assert, page, 'detail with error');
  await page.getByLabel('Número del poste').fill('AP-1234');
  await next(page);
  assert.match(page.url(), /\/contacto\/detalle-2$/);
  await page.getByLabel('De noche').check();
  await page.getByLabel('De madrugada').check();
  await next(page);
  assert.match(page.url(), /\/contacto\/detalle-3$/);
  await next(page); // optional long text: left empty
  assert.match(page.url(), /\/contacto\/ubicacion$/);
  await expectAccessible(assert, page, 'location');
  await page.getByLabel('Dirección o lugar').fill('Calle 5 con carrera 8, frente al parque');
  await next(page);
  await page.getByRole('textbox').first().fill('El poste de la esquina lleva tres noches apagado y la calle queda a oscuras.');
  await next(page);
  // No "confidential" promise: the server could not keep it.
  assert.equal(await page.getByText('Confidencial', { exact: false }).count(), 0);
  await page.getByLabel('Con mi nombre', { exact: true }).check();
  await page.getByLabel('Nombre completo').fill('Ana María Quispe');
  await page.getByLabel('Correo electrónico').fill('ana@ejemplo.com');
  await next(page);
  await page.getByLabel(/Acepto que la entidad/).check();
  await next(page);
  assert.match(page.url(), /\/contacto\/revisar$/);
  // Said before filing: the number alone shows the report.
  await page.waitForSelector('#public-tracking-warning');
  await expectAccessible(assert, page, 'review');
  await screenshot(page, 'open311-review');
  await page.getByRole('button', { name: /Enviar/ }).click();
  await page.waitForURL(/\/contacto\/enviado\//);
  const ticket = (await page.locator('#ticket').textContent()).trim();
  assert.equal(await page.locator('#access-code').count(), 0);
  await page.waitForSelector('#public-tracking');
  await expectAccessible(assert, page, 'confirmation');
  await screenshot(page, 'open311-confirmation');

  // Exactly one request reached the city's server, with every answer.
  const city = await h.city.requests();
  assert.equal(city.filed, 1);
  const sent = city.requests.find((r) => r.filed);
  assert.equal(sent.service_request_id, ticket);
  assert.equal(sent.service_code, 'alumbrado');
  assert.equal(sent.address, 'Calle 5 con carrera 8, frente al parque');
  // Three names read as one given name and two surnames (cc_core::open311::split_name).
  assert.equal(sent.private.first_name, 'Ana');
  assert.equal(sent.private.last_name, 'María Quispe');
  assert.deepEqual(sent.private.attributes, { numero_poste: ['AP-1234'], horario: ['noche', 'madrugada'] });

  // Tracked by its number alone, on another device.
  const track = await newPage(h.browser);
  await track.goto(`${base}/seguimiento`);
  await settled(track);
  assert.equal(await track.getByLabel('Código de acceso').count(), 0);
  await track.getByLabel('Número de caso').fill(ticket);
  await track.getByRole('button', { name: 'Ver mi caso' }).click();
  await track.waitForSelector('#case-status');
  assert.equal((await track.locator('#case-status').textContent()).trim(), 'Recibido');
  // The city moves it along; the page shows their word and their note.
  const moved = await h.city.update(ticket, { status: 'in_progress', status_notes: 'Cuadrilla asignada para el jueves.' });
  assert.equal(moved.status, 200);
  await track.reload();
  await track.waitForSelector('#case-status');
  assert.equal((await track.locator('#case-status').textContent()).trim(), 'En trámite');
  await track.getByText('Cuadrilla asignada para el jueves.').waitFor();
  await expectAccessible(assert, track, 'Open311 case page');
  await screenshot(track, 'open311-case');
  assert.deepEqual(page.errors.concat(track.errors), []);
});

test('Open311: a server that answers with a token only still gives the person a number', async () => {
  const page = await newPage(h.browser);
  await reportGrafiti(page, h.open311.base, 'Muro del colegio, avenida 3',
    'Pintaron todo el muro del colegio durante la noche del sábado.');
  await page.waitForURL(/\/contacto\/enviado\//, { timeout: 30000 });
  const ticket = (await page.locator('#ticket').textContent()).trim();
  const city = await h.city.requests();
  assert.equal(city.filed, 2);
  const sent = city.requests.find((r) => r.filed && r.service_code === 'grafiti');
  // The token was resolved to the request's id while the page waited.
  assert.equal(ticket, sent.service_request_id);
  assert.equal(sent.private.first_name, null);
  assert.deepEqual(page.errors, []);
});

test('hosted apart: the app as static files on one origin, the API on another (CORS)', async () => {
  // The same build again, on a plain static host, pointed at the API's origin.
  const dist = mkdtempSync(join(tmpdir(), 'cc-dist-static-'));
  cpSync(DIST, dist, { recursive: true });
  const host = await startStaticHost(dist);
  const api = await startServer(['--cors-origin', host.base]);
  writeFileSync(join(dist, 'app-config.json'), JSON.stringify({ backend: 'native', base: `${api.base}/api/v1` }));
  try {
    const page = await newPage(h.browser);
    const crossOrigin = [];
    page.on('request', (r) => { if (r.url().startsWith(api.base)) crossOrigin.push(r.url()); });
    await fillQueja(page, host.base);
    await page.getByRole('button', { name: /Enviar/ }).click();
    await page.waitForURL(/\/contacto\/enviado\//);
    const ticket = (await page.locator('#ticket').textContent()).trim();
    assert.match(ticket, /-QUE-/);
    assert.deepEqual(sql(api.db, 'SELECT count(*) FROM cases'), [[1]]);
    assert.ok(crossOrigin.some((u) => u.endsWith('/api/v1/cases')), 'the case went to the API origin');
    // An origin the API does not list gets nothing back: the browser blocks the answer.
    const other = await startStaticHost(dist);
    try {
      const page2 = await newPage(h.browser);
      await page2.goto(`${other.base}/robots.txt`);
      const blocked = await page2.evaluate(async (url) => {
        try { await fetch(url); return false; } catch { return true; }
      }, `${api.base}/api/v1/config`);
      assert.equal(blocked, true);
    } finally { await other.stop(); }
    assert.deepEqual(page.errors, []);
  } finally {
    await api.stop();
    await host.stop();
    rmSync(dist, { recursive: true, force: true });
  }
});

test('Open311: the catalog lists the server\'s topics, and a topic page starts the report', async () => {
  const page = await newPage(h.browser);
  await page.goto(`${h.open311.base}/tramites?q=basura`);
  await settled(page);
  // A service whose code is a JSON number is found by its keywords like any other.
  const link = page.getByRole('link', { name: 'Basura no recogida' });
  await link.waitFor();
  await expectAccessible(assert, page, 'Open311 search');
  await link.click();
  await page.waitForURL(/\/tramites\/4$/);
  await settled(page);
  await expectAccessible(assert, page, 'Open311 topic page');
  await screenshot(page, 'open311-topic-page');
  // Nothing empty is shown: no procedure sections for a topic.
  assert.equal(await page.getByRole('heading', { name: 'Cómo hacerlo' }).count(), 0);
  await page.getByRole('link', { name: 'Reportar este problema' }).click();
  await page.waitForURL(/\/contacto/);
  await settled(page);
  if (!/\/tema$/.test(page.url())) await page.getByRole('link', { name: /Empezar|Continuar/ }).first().click();
  await page.waitForURL(/\/contacto\/tema$/);
  await settled(page);
  assert.equal(await page.getByLabel('Basura no recogida').isChecked(), true);
  assert.deepEqual(page.errors, []);
});

test('Open311: a refusal in the server\'s words, sent once, nothing lost', async () => {
  // A city whose server wants an API key this deployment did not configure.
  const city = await startOpen311(['--api-key', 'clave-de-la-ciudad']);
  const server = await startServer(['--open311-gateway', `${city.base}/open311/v2`], {}, { dist: h.dist311 });
  try {
    const page = await newPage(h.browser);
    await reportGrafiti(page, server.base, 'Puente peatonal de la calle 10',
      'Hay pintadas nuevas en las barandas del puente peatonal.');
    const panel = page.locator('.cc-error-panel[role=alert]');
    await panel.waitFor();
    assert.match(await panel.textContent(), /El servicio no aceptó la solicitud y respondió: «.+»/);
    await expectAccessible(assert, page, 'Open311 refusal');
    // Tried once (no idempotency key to make a retry safe), and the answers are kept.
    assert.equal((await city.requests()).filed, 0);
    await page.reload();
    await settled(page);
    assert.match(await page.locator('main').textContent(), /barandas del puente peatonal/);
    assert.deepEqual(page.errors, []);
  } finally {
    await server.stop();
    await city.stop();
  }
});
