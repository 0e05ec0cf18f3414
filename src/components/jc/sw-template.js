/* Service worker of the NELM interactive edition: keeps every page and asset of the site
 * available offline (a journal club in a room with bad Wi-Fi). Generated at build time by
 * src/components/jc/offline-integration.ts from src/components/jc/sw-template.js: the list of
 * files and the version below come from the build output.
 *
 * - install: precache every file of the site in a cache named after a hash of their contents; if
 *   any file fails, the install fails, its cache is deleted and the previous version stays;
 * - activate: delete caches of older versions, take control of open pages;
 * - fetch: same-origin GET requests inside the scope are answered from the cache first, then the
 *   network; requests to other origins are never touched and nothing new is cached.
 */
/* PRECACHE */
const PREFIX = 'nelm-offline-';
const CACHE = PREFIX + VERSION;
const SCOPE = self.registration.scope;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const existed = await caches.has(CACHE);
      const cache = await caches.open(CACHE);
      try {
        // cache: 'reload' skips the HTTP cache, so a new version never stores stale copies.
        await cache.addAll(PRECACHE.map((url) => new Request(new URL(url, SCOPE), { cache: 'reload' })));
      } catch (err) {
        // One file missing (a 404 during a deploy) fails the whole install: this worker is then
        // discarded, the previous one keeps serving its complete cache, and the browser tries
        // again at the next visit. The cache opened for this attempt is removed, not left empty.
        if (!existed) await caches.delete(CACHE);
        throw err;
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'version' && event.source) event.source.postMessage({ version: VERSION, files: PRECACHE.length, cache: CACHE });
});

/** Cache keys to try for a URL: as is, as a directory (`/a` → `/a/`), and `/a/index.html` → `/a/`. */
function candidates(url) {
  const u = new URL(url.pathname, url.origin);
  const out = [u.href];
  if (u.pathname.endsWith('/index.html')) out.push(u.href.slice(0, -'index.html'.length));
  else if (!u.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(u.pathname)) out.push(`${u.href}/`);
  return out;
}

async function respond(request, url) {
  const cache = await caches.open(CACHE);
  for (const key of candidates(url)) {
    const hit = await cache.match(key);
    if (hit) return hit;
  }
  try {
    return await fetch(request);
  } catch (err) {
    if (request.mode === 'navigate') {
      const notFound = await cache.match(new URL('404.html', SCOPE).href);
      if (notFound) return notFound;
    }
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  event.respondWith(respond(request, url));
});
