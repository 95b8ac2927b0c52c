// The service worker: the app opens and works on a phone without a connection, and
// a flaky network never leaves a blank page.
//
// - The app shell of one build (index.html, the CSS, the loader, the main wasm and
//   every route chunk of app-<hash>/, icons) is downloaded at install into a
//   cache named after the build. Only that build's files are in it, so a page never
//   mixes files of two builds; the old build's cache goes when the new worker
//   activates, which happens only when the person taps "Actualizar" (the app's update
//   banner posts SKIP_WAITING) or when every tab of the old build is closed.
// - Pages (navigations) go to the network first; after NAV_TIMEOUT_MS without an
//   answer, or with none at all, the cached index.html answers (the app routes itself).
// - Backend GETs (catalog, procedures, deployment config, /app-config.json, and the
//   manifest, which carries the deployment's name and colours) go to the network
//   first and keep a copy for offline use. Nothing sent with an access code or
//   a staff token is ever kept, nor anything about cases.
// - Background Sync (browsers with SyncManager): a case (or a reply) waiting in the
//   app's outbox is also handed here, as the exact request the app would send, so it
//   goes out when the connection is back even with every tab closed. The app's own
//   outbox stays in charge; the section at the end says how they agree.
//
// scripts/build-app.sh writes dist/sw.js from this file, replacing the BUILD line with
// the build's version (a hash of every precached file) and its file list; a changed
// build is a changed sw.js, which is how the browser notices an update.

const BUILD = { version: 'dev', appDir: '', files: [] }; // BUILD (scripts/build-app.sh)

const SHELL = `cc-shell-${BUILD.version}`;
const DATA = 'cc-data-v1';
const NAV_TIMEOUT_MS = 3000;
const DATA_TIMEOUT_MS = 5000;
// Procedure pages and searches already seen; older ones are dropped past this many.
const DATA_MAX_ENTRIES = 200;
// Fetched at install when they answer: the runtime config file (absent in most
// deployments: a 404 is "not present"), the manifest, the deployment settings and the
// catalog index.
const DATA_AT_INSTALL = ['/app-config.json', '/manifest.webmanifest', '/api/v1/config', '/api/v1/catalog/index'];
const PRECACHED = new Set(BUILD.files);

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(SHELL);
  // index.html and the other unhashed files are revalidated; hashed ones may come
  // from the HTTP cache (they never change).
  const requests = BUILD.files.map((url) => new Request(url, {
    cache: url.includes('/app-') || /-[0-9a-f]{16}\./.test(url) ? 'default' : 'no-cache',
  }));
  const responses = await Promise.all(requests.map((r) => fetch(r)));
  for (const [i, response] of responses.entries()) {
    if (!response.ok) throw new Error(`precache: ${requests[i].url} answered ${response.status}`);
  }
  // A deploy between fetching this sw.js and fetching the page would put another
  // build's index.html in this build's cache: fail, and the browser tries again later.
  const index = responses[BUILD.files.indexOf('/')];
  if (index && BUILD.appDir && !(await index.clone().text()).includes(BUILD.appDir)) {
    throw new Error('precache: index.html is of another build');
  }
  await Promise.all(responses.map((response, i) => cache.put(requests[i], response)));
  const data = await caches.open(DATA);
  await Promise.all(DATA_AT_INSTALL.map(async (url) => {
    try {
      const response = await fetch(url, { cache: 'no-cache' });
      if (response.ok) await data.put(url, response);
      else if (response.status === 404) await data.delete(url);
    } catch { /* offline or absent: the app works without it */ }
  }));
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith('cc-shell-') && name !== SHELL)
      .map((name) => caches.delete(name)));
    // The first install takes the open page at once, so it works offline without a
    // reload; an update only gets here after the person asked for it.
    await self.clients.claim();
  })());
});

// The app posts { type: 'SYNC_LATER', request } and, as plain strings (fewer bytes in
// its first download), 'SKIP_WAITING' and 'SYNC_DROP [kind [ticket]]'. An app of an
// older build posts { type: 'SKIP_WAITING' }.
self.addEventListener('message', (event) => {
  const words = typeof event.data === 'string' ? event.data.split(' ') : [];
  const type = words[0] || (event.data && event.data.type);
  if (type === 'SKIP_WAITING') self.skipWaiting();
  else if (!self.registration.sync) return;
  else if (type === 'SYNC_LATER') event.waitUntil(syncLater(event.data.request));
  else if (type === 'SYNC_DROP') event.waitUntil(dropStored({ kind: words[1], ticket: words[2] }));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (isAppRoute(url.pathname)) event.respondWith(page(request));
  } else if (PRECACHED.has(url.pathname) && url.search === '') {
    event.respondWith(fromShell(request));
  } else if (isKeepableData(url, request)) {
    event.respondWith(data(request));
  }
});

/** A client route (`/`, `/tramites/...`, `/contacto/...`, `/seguimiento/...`): no file
 *  extension and not the backend (the server's own rule, crates/server/src/web.rs). */
function isAppRoute(path) {
  if (path.startsWith('/api/') || path.startsWith('/open311/')) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !/^[^.].*\.[a-z0-9]*[a-z][a-z0-9]*$/i.test(last);
}

/** Backend answers worth keeping for offline use: same-origin GETs of the catalog,
 *  the config and the Open311 discovery, never case data and never anything sent with
 *  an access code or a token. */
function isKeepableData(url, request) {
  if (request.headers.has('x-access-code') || request.headers.has('authorization')) return false;
  const path = url.pathname;
  if (path === '/app-config.json' || path === '/manifest.webmanifest') return true;
  if (/^\/api\/v1\/(cases|staff|attachments)(\/|$)/.test(path)) return false;
  if (/^\/open311\/.*\/requests?(\.json)?(\/|$)/.test(path)) return false;
  return path.startsWith('/api/v1/') || path.startsWith('/open311/');
}

async function page(request) {
  const cached = caches.open(SHELL).then((cache) => cache.match('/', { ignoreVary: true }));
  return networkFirst(request, cached, NAV_TIMEOUT_MS);
}

async function fromShell(request) {
  const cache = await caches.open(SHELL);
  return (await cache.match(request, { ignoreVary: true })) ?? fetch(request);
}

async function data(request) {
  const cache = await caches.open(DATA);
  const cached = cache.match(request, { ignoreVary: true });
  return networkFirst(request, cached, DATA_TIMEOUT_MS, async (fresh) => {
    if (fresh.ok) {
      await cache.put(request, fresh.clone());
      await trim(cache);
    } else if (fresh.status === 404 || fresh.status === 410) {
      // Gone (a removed procedure, no app-config.json any more): not kept either.
      await cache.delete(request, { ignoreVary: true });
    }
  });
}

/** The network's answer; the cached copy when the network fails, or when it has not
 *  answered after `timeoutMs` (then the network's late answer still refreshes the copy
 *  through `keep`). With nothing cached it waits for the network however long it takes. */
function networkFirst(request, cached, timeoutMs, keep = async () => {}) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const answer = (response) => {
      if (!settled && response) {
        settled = true;
        resolve(response);
      }
      return Boolean(response);
    };
    const timer = setTimeout(async () => answer(await cached), timeoutMs);
    fetch(request).then(
      async (response) => {
        clearTimeout(timer);
        const late = settled;
        // The copy is written before the page gets the answer, so a reload right after
        // already finds it.
        await keep(response.clone()).catch(() => {});
        if (!late) answer(response);
      },
      async (error) => {
        clearTimeout(timer);
        if (!answer(await cached) && !settled) reject(error);
      },
    );
  });
}

async function trim(cache) {
  // Keys come oldest first. The install-time answers (config, catalog index) stay.
  const keys = (await cache.keys())
    .filter((key) => !DATA_AT_INSTALL.includes(new URL(key.url).pathname + new URL(key.url).search));
  const extra = keys.length - DATA_MAX_ENTRIES;
  for (const key of keys.slice(0, Math.max(0, extra))) await cache.delete(key);
}

// --- Background Sync ------------------------------------------------------------------
// Only requests that carry an Idempotency-Key come here (src/service_worker.rs): the
// app's own outbox sends the same request again with the same key on its next start
// and the backend answers it with the case this worker filed, so the app still shows
// the number and code and handles refusals. On a 2xx or a refusal (4xx) the stored
// request is done here; on no connection, a 5xx, 408 or 429 the sync fails and the
// browser tries again later. The app drops a stored request once it has the answer
// itself, or when the person discards the draft or forgets the case.

const OUTBOX_DB = 'cc-outbox';
const OUTBOX_STORE = 'requests';
const SYNC_TAG = 'cc-outbox';

// One database operation at a time, in the order the messages came: a drop posted
// right after a store never runs before it.
let outboxQueue = Promise.resolve();

/** Runs `use(store)` in one transaction; resolves with the result of the IDBRequest it
 *  returns (if any) once the transaction has committed. */
function outbox(mode, use) {
  const run = () => new Promise((resolve, reject) => {
    const open = indexedDB.open(OUTBOX_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(OUTBOX_STORE, { keyPath: 'key' });
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(OUTBOX_STORE, mode);
      const request = use(tx.objectStore(OUTBOX_STORE));
      tx.oncomplete = () => { db.close(); resolve(request ? request.result : undefined); };
      tx.onerror = tx.onabort = () => { db.close(); reject(tx.error); };
    };
  });
  const done = outboxQueue.then(run);
  outboxQueue = done.catch(() => {});
  return done;
}

/** `request`: { key (the Idempotency-Key), kind ('case' | 'reply'), ticket (replies),
 *  url, method, headers, body }. */
async function syncLater(request) {
  await outbox('readwrite', (store) => store.put(request));
  await self.registration.sync.register(SYNC_TAG);
}

/** Drops the stored requests that match every field given (`kind`, `ticket`, `key`);
 *  with none given, all of them ("forget everything on this device"). */
function dropStored(match) {
  const fields = ['key', 'kind', 'ticket'].filter((f) => match[f]);
  return outbox('readwrite', (store) => {
    store.openCursor().onsuccess = (event) => {
      const cursor = event.target.result;
      if (!cursor) return;
      if (fields.every((f) => cursor.value[f] === match[f])) cursor.delete();
      cursor.continue();
    };
  });
}

self.addEventListener('sync', (event) => {
  if (event.tag === SYNC_TAG) event.waitUntil(sendStored());
});

async function sendStored() {
  const requests = await outbox('readonly', (store) => store.getAll());
  let waiting = 0;
  for (const r of requests) {
    let response;
    try {
      response = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body, cache: 'no-store' });
    } catch {
      waiting += 1;
      continue;
    }
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
      waiting += 1;
    } else {
      await dropStored({ key: r.key });
    }
  }
  // A rejected sync is tried again by the browser later (with a growing delay).
  if (waiting > 0) throw new Error(`outbox: ${waiting} request(s) wait for the next sync`);
}
