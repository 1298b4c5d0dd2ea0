// Systems Atlas service worker: the app keeps working offline once loaded.
//
// - Install precaches every file of this build (the list and the version
//   are written by `cargo xtask post-build`, trunk's post_build hook). The
//   cache name carries a hash of the files' contents.
// - A new version installs beside the old one and waits; the page offers
//   "New version — reload", which sends "skip-waiting". Activation deletes
//   the caches of older versions, so files of two versions never mix.
// - Navigations (any route: /, ?company=…, paper/<id>) get the cached
//   index.html: the app routes on the client.
// - catalog.json is stale-while-revalidate: the cached copy answers at
//   once, the network refreshes the cache, and open pages are told
//   "catalog-updated" when its content changed.
// - Everything else of this build is cache-first.

const PRECACHE = self.__ATLAS_PRECACHE__;
const VERSION = self.__ATLAS_VERSION__;
const CACHE = `atlas-${VERSION}`;
const SCOPE = new URL(self.registration.scope);
const INDEX = new URL('index.html', SCOPE).href;
const CATALOG = new URL('catalog.json', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((file) => new Request(new URL(file, SCOPE), { cache: 'reload' })))),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('atlas-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;

  if (request.mode === 'navigate') {
    event.respondWith(fromCache(INDEX).then((cached) => cached || fetch(request)));
  } else if (url.href.split('?')[0] === CATALOG) {
    event.respondWith(staleWhileRevalidate(event, CATALOG));
  } else {
    event.respondWith(fromCache(url.href).then((cached) => cached || fetch(request)));
  }
});

function fromCache(href) {
  return caches.open(CACHE).then((cache) => cache.match(href));
}

function staleWhileRevalidate(event, href) {
  return caches.open(CACHE).then(async (cache) => {
    const cached = await cache.match(href);
    const refresh = fetch(href, { cache: 'no-cache' })
      .then(async (response) => {
        if (!response.ok) return response;
        const fresh = await response.clone().text();
        const old = cached ? await cached.clone().text() : null;
        await cache.put(href, response.clone());
        if (old !== null && old !== fresh) notify('catalog-updated');
        return response;
      })
      .catch((error) => {
        if (cached) return cached;
        throw error;
      });
    if (cached) {
      event.waitUntil(refresh.catch(() => {}));
      return cached;
    }
    return refresh;
  });
}

function notify(message) {
  self.clients.matchAll({ type: 'window' }).then((clients) => clients.forEach((c) => c.postMessage(message)));
}
