// Systems Atlas service worker: the app keeps working offline once loaded.
//
// - Install precaches every file of this build (the list and the version
//   are written by `cargo xtask post-build`, trunk's post_build hook). The
//   cache name carries a hash of the files' contents.
// - A new version installs beside the old one and waits; the page offers
//   "New version — reload", which sends "skip-waiting". Activation deletes
//   the caches of older versions, so files of two versions never mix.
// - Navigations: the root (any query string) gets the cached index.html,
//   the prerendered root view; a paper page its prerendered
//   paper/<id>.html, cached the first time it is visited (the 411 of them
//   are not worth a first visit's bandwidth); anything else, and a paper
//   page not cached yet while offline, the app shell (404.html), in which
//   the app renders every route.
// - catalog.json is stale-while-revalidate: the cached copy answers at
//   once, the network refreshes the cache, and open pages are told
//   "catalog-updated" when its content changed.
// - Everything else of this build is cache-first.

const PRECACHE = self.__ATLAS_PRECACHE__;
const VERSION = self.__ATLAS_VERSION__;
const CACHE = `atlas-${VERSION}`;
const SCOPE = new URL(self.registration.scope);
const INDEX = new URL('index.html', SCOPE).href;
const SHELL = new URL('404.html', SCOPE).href;
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
    event.respondWith(navigation(event, url));
  } else if (url.href.split('?')[0] === CATALOG) {
    event.respondWith(staleWhileRevalidate(event, CATALOG));
  } else {
    event.respondWith(fromCache(url.href).then((cached) => cached || fetch(request)));
  }
});

function navigation(event, url) {
  const path = url.pathname.slice(SCOPE.pathname.length);
  if (path === '' || path === 'index.html') {
    return fromCache(INDEX).then((cached) => cached || fetch(event.request));
  }
  const paper = /^paper\/([a-z0-9-]+)$/.exec(path);
  if (paper) {
    // Cache first, refreshed in the background; offline and not cached
    // yet, the shell renders it.
    const href = new URL(`paper/${paper[1]}.html`, SCOPE).href;
    return caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(href);
      const refresh = fetch(event.request).then((response) => {
        if (response.ok) cache.put(href, response.clone());
        return response;
      });
      if (cached) {
        event.waitUntil(refresh.catch(() => {}));
        return cached;
      }
      return refresh.catch(() => fromCache(SHELL));
    });
  }
  return fromCache(SHELL).then((cached) => cached || fetch(event.request));
}

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
