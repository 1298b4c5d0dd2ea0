// A tiny static file server for the end-to-end tests, behaving like GitHub
// Pages: files of a directory served under a base path, `x` answered with
// `x.html` where it exists, other deep links with `404.html` (or
// `index.html`), everything outside the base a plain 404.
// Tests can override the response for a path to inject failures.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.map': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};

/**
 * Serves `root` under `base` on 127.0.0.1 and an ephemeral port.
 *
 * Options:
 * - `base`: the path the site lives under, with both slashes (`/`, `/atlas/`).
 * - `overrides`: initial overrides, `{ path: response }` (see `override`).
 * - `gzip`: compress files for clients that accept it, as GitHub Pages does
 *   (Lighthouse's simulated network then sees the real transfer sizes).
 *
 * Returns `{ url, requests, override, clearOverrides, close }`:
 * - `url`: the site's address, ending in the base (`http://127.0.0.1:P/atlas/`).
 * - `requests`: every requested path with its query (`/atlas/x.js`), in order.
 * - `override(path, response)`: from now on answer `path` (absolute, or
 *   relative to the base) with `response`, one of `{ status, body, type }`
 *   (each optional: status 200, empty body, type from the path's extension)
 *   or a function `(req, res) => void` that answers by itself.
 * - `setDown(flag)`: while true, every request fails like a cut network.
 * - `close()`: stops the server.
 */
export async function serveStatic(root, { base = '/', overrides = {}, gzip = false } = {}) {
  if (!base.startsWith('/') || !base.endsWith('/')) {
    throw new Error(`base must start and end with "/", got ${JSON.stringify(base)}`);
  }
  root = resolve(root);
  const requests = [];
  const overridden = new Map();
  const override = (path, response) => {
    overridden.set(path.startsWith('/') ? path : base + path, response);
  };
  for (const [path, response] of Object.entries(overrides)) override(path, response);

  // While down, every connection is cut as if the network were gone.
  let down = false;
  const server = createServer((req, res) => {
    requests.push(req.url);
    if (down) return req.socket.destroy();
    answer(req, res).catch((error) => {
      if (!res.headersSent) send(res, 500, `server error: ${error.message}`, 'text/plain');
      else res.destroy();
    });
  });

  async function answer(req, res) {
    const { pathname } = new URL(req.url, 'http://localhost');
    const custom = overridden.get(pathname);
    if (typeof custom === 'function') return custom(req, res);
    if (custom) {
      const type = custom.type ?? MIME_TYPES[extname(pathname)] ?? 'application/octet-stream';
      return send(res, custom.status ?? 200, custom.body ?? '', type, req.method);
    }
    // Like GitHub Pages: the base without its slash redirects to the base.
    if (pathname === base.slice(0, -1)) {
      res.writeHead(301, { Location: base }).end();
      return;
    }
    if (!pathname.startsWith(base)) return send(res, 404, 'not found', 'text/plain', req.method);

    const relative = pathname.slice(base.length);
    // Like GitHub Pages: `paper/x` is `paper/x.html` when that file exists.
    const file =
      (await findFile(root, relative)) ?? (extname(relative) === '' && relative !== '' ? await findFile(root, `${relative}.html`) : null);
    if (file) return sendFile(res, file, req.method, gzip && acceptsGzip(req));
    // Unknown path: a page load gets the single-page app (404.html, as
    // GitHub Pages, else index.html), anything else a 404. The status is 200:
    // GitHub answers 404, but Chromium would then log a console error for
    // every deep link, and the tests fail on console errors.
    if (isNavigation(req)) {
      const page = (await findFile(root, '404.html')) ?? (await findFile(root, 'index.html'));
      if (page) return sendFile(res, page, req.method, gzip && acceptsGzip(req));
    }
    return send(res, 404, 'not found', 'text/plain', req.method);
  }

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    override,
    clearOverrides: () => overridden.clear(),
    /** Cuts (`true`) or restores (`false`) the network to this server. */
    setDown: (flag) => {
      down = flag;
      if (flag) server.closeAllConnections();
    },
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** The file a site-relative path names (a directory means its index.html), or null. */
async function findFile(root, relative) {
  let decoded;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return null; // A malformed escape names no file.
  }
  if (decoded.includes('\0')) return null;
  const path = resolve(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return null; // No escaping the root.
  const found = await stat(path).catch(() => null);
  if (found?.isFile()) return path;
  if (found?.isDirectory()) {
    const index = join(path, 'index.html');
    if ((await stat(index).catch(() => null))?.isFile()) return index;
  }
  return null;
}

/** True for a browser loading a page (as opposed to fetching a resource). */
function isNavigation(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const mode = req.headers['sec-fetch-mode'];
  if (mode) return mode === 'navigate';
  return (req.headers.accept ?? '').includes('text/html');
}

function acceptsGzip(req) {
  return /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
}

// Images are compressed already; GitHub Pages compresses the rest.
const COMPRESSED = new Set(['.png', '.ico', '.woff2']);

async function sendFile(res, path, method, gzip = false) {
  const type = MIME_TYPES[extname(path)] ?? 'application/octet-stream';
  const body = await readFile(path);
  if (gzip && !COMPRESSED.has(extname(path))) {
    send(res, 200, gzipSync(body), type, method, { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
  } else {
    send(res, 200, body, type, method);
  }
}

function send(res, status, body, type, method = 'GET', headers = {}) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    // Every test starts from a fresh browser context; never let a cached
    // copy hide an override.
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(method === 'HEAD' ? undefined : body);
}
