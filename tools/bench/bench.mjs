// The speed benchmark's browser half (`cargo xtask bench` prepares the
// release build and the catalogs, then runs this). For each catalog size it
// serves the app and the baseline page (MiniSearch + vanilla DOM) on
// loopback, drives both in one headless Chromium, and reports:
//
// - keystroke → updated: from the key event's timestamp to the last DOM
//   mutation it caused (list, counts, cloud, charts), or to the end of the
//   input event's task when nothing changed;
// - keystroke → next paint: to the end of the first frame after that
//   mutation (requestAnimationFrame, then a task posted from it);
// - keystroke → input event: the browser's share of a keystroke, before
//   any handler of the page runs (key events, text editing);
// - load → first results: navigation start to the result count showing a
//   number, with the stages that led there;
// - memory: JS heap after a forced GC (CDP Runtime.getHeapUsage) plus the
//   wasm linear memory (the app's `memory` export, from trunk's
//   TrunkApplicationStarted event);
// - code transferred: gzip size of every HTML, JS, CSS and wasm file the page
//   requested, the catalog excluded;
// - first visit over a slow link (up to 10,000 papers): load → first results
//   with everything gzip-compressed behind Lighthouse's mobile network
//   (1.6 Mbit/s shared, 150 ms round trip) and service workers allowed.
//
// It is a benchmark, not a test: targets missed are reported, never failed.
//
// usage: node tools/bench/bench.mjs --app DIR [--sizes 100,10000] [--rounds 2]
//        [--loads N (default 5, 3 at 100k)] [--catalogs target/bench] [--out target/bench] [--lighthouse]
//        [--floor DIR (a build of tools/bench/floor: its size and Lighthouse scores)]
// (NODE_PATH=tools/node_modules for playwright-core, as the xtask sets it.)

import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../../tests/e2e/server.mjs';
import { Reference, launchBrowser } from '../../tests/e2e/helpers.mjs';
import { slowLink } from './slow-link.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../..');

// ---------------------------------------------------------------------------
// Options

function options(argv) {
  const o = { app: 'target/bench/app', catalogs: 'target/bench', sizes: [100, 10000, 100000], rounds: 2, loads: null, out: 'target/bench', lighthouse: false, floor: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--app': o.app = value(); break;
      case '--sizes': o.sizes = value().split(',').filter(Boolean).map(Number); break;
      case '--rounds': o.rounds = Number(value()); break;
      case '--loads': o.loads = Number(value()); break;
      case '--out': o.out = value(); break;
      case '--catalogs': o.catalogs = value(); break;
      case '--lighthouse': o.lighthouse = true; break;
      case '--floor': o.floor = resolve(ROOT, value()); break;
      default: throw new Error(`bench.mjs: unknown option ${argv[i]}`);
    }
  }
  o.app = resolve(ROOT, o.app);
  o.out = resolve(ROOT, o.out);
  o.catalogs = resolve(ROOT, o.catalogs);
  if (!existsSync(join(o.app, 'index.html'))) throw new Error(`${o.app} has no index.html: build first`);
  return o;
}

/** Generous: a 100k catalog is tens of MB to fetch, parse and index on 2 cores. */
const LOAD_TIMEOUT = 300_000;
/** One keystroke may take seconds on the slow side of a 100k catalog. */
const KEY_TIMEOUT = 60_000;
/** A keystroke's work is over when the DOM has been quiet this long. */
const QUIET_MS = 120;

// ---------------------------------------------------------------------------
// Keystrokes: tools/bench/keystrokes.txt, shared with the native timings

function keystrokes() {
  const keys = [];
  for (const line of readFileSync(join(HERE, 'keystrokes.txt'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (line.startsWith('type ')) keys.push(...line.slice(5));
    else if (line.startsWith('back ')) keys.push(...Array(Number(line.slice(5))).fill('Backspace'));
    else throw new Error(`keystrokes.txt: cannot read ${line}`);
  }
  return keys;
}

// ---------------------------------------------------------------------------
// In-page instrumentation (runs before any script of the page)

function instrument() {
  const b = (window.__bench = {
    firstResults: null,
    firstCard: null,
    appStarted: null,
    wasmMemory: null,
    actionAt: 0,
    lastMutation: 0,
    handled: 0,
    input: 0,
    painted: 0,
    records: 0,
    added: 0,
  });
  const countNumber = () => {
    const el = document.querySelector('[data-testid="result-count"]');
    if (!el || !el.checkVisibility()) return null;
    const m = /^\s*([\d,]+)/.exec(el.textContent);
    return m ? Number(m[1].replaceAll(',', '')) : null;
  };
  b.count = countNumber;
  // trunk's loader announces the instantiated wasm; its exports hold the memory.
  addEventListener('TrunkApplicationStarted', (e) => {
    b.appStarted = performance.now();
    b.wasmMemory = e.detail?.wasm?.memory ?? null;
  });
  const channel = new MessageChannel();
  channel.port1.onmessage = (e) => {
    if (e.data === 'handled') b.handled = performance.now();
    else b.painted = performance.now();
  };
  // The end of the next frame: rAF runs before its rendering, a task posted
  // from it runs after.
  let frameRequested = false;
  const afterNextFrame = () => {
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(() => {
      frameRequested = false;
      channel.port2.postMessage('painted');
    });
  };
  // What the page shows: the document title (in <head>) is not part of
  // "list, counts, cloud and charts", and the app writes it with the URL,
  // one frame after the results.
  new MutationObserver((all) => {
    const records = all.filter((r) => !document.head?.contains(r.target));
    if (records.length === 0) return;
    b.lastMutation = performance.now();
    b.records += records.length;
    for (const r of records) b.added += r.addedNodes.length;
    if (b.firstResults === null && countNumber() !== null) b.firstResults = b.lastMutation;
    if (b.firstCard === null && document.querySelector('[data-testid="paper-card"]')?.checkVisibility()) b.firstCard = b.lastMutation;
    afterNextFrame();
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  // A key or a click starts an action; the task after its input or click
  // event runs once the handlers and their microtasks are done.
  const start = (e) => {
    const now = performance.now();
    b.actionAt = e.timeStamp > 0 && e.timeStamp <= now && now - e.timeStamp < 1000 ? e.timeStamp : now;
  };
  addEventListener('keydown', start, true);
  addEventListener('pointerdown', start, true);
  const handled = () => {
    // Registered before the page's scripts: runs before their handlers.
    if (!b.input) b.input = performance.now();
    channel.port2.postMessage('handled');
    afterNextFrame();
  };
  addEventListener('input', handled, true);
  addEventListener('click', handled, true);
}

/** Resets the per-action marks before a key or click. */
const arm = (page) =>
  page.evaluate(() => {
    const b = window.__bench;
    b.actionAt = b.lastMutation = b.handled = b.input = b.painted = b.records = b.added = 0;
  });

/** Waits until the action's work is done and painted; returns its timings. */
const settle = (page) =>
  page.evaluate(
    async ({ quiet, timeout }) => {
      const b = window.__bench;
      const begin = performance.now();
      const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      for (;;) {
        await frame();
        const now = performance.now();
        if (now - begin > timeout) return { timedOut: true };
        if (!b.actionAt) continue;
        const last = Math.max(b.lastMutation, b.handled);
        // A key that changes nothing (Backspace in an empty box) fires no input.
        if (!b.handled && now - b.actionAt > quiet * 4) return { noInput: true };
        if (b.handled && now - last >= quiet && b.painted >= last) break;
      }
      // The last mutation observed (its observer runs right after the
      // mutating task or microtask); without one, the end of the input
      // event's task.
      const changed = b.lastMutation > b.actionAt;
      const updated = (changed ? b.lastMutation : b.handled) - b.actionAt;
      return {
        at: b.actionAt,
        updated,
        painted: b.painted - b.actionAt,
        input: b.input - b.actionAt,
        changed,
        count: b.count(),
        records: b.records,
        added: b.added,
      };
    },
    { quiet: QUIET_MS, timeout: KEY_TIMEOUT },
  );

// ---------------------------------------------------------------------------
// Statistics

/** Nearest-rank percentile (the same rule as xtask/src/bench.rs). */
function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p * sorted.length) / 100)) - 1];
}
const median = (values) => percentile(values, 50);

/**
 * Milliseconds of a V8 CPU profile by kind, counting only the samples inside
 * `windows` (`[from, to]` in the page's performance.now() clock): `wasm`
 * (the app's Rust), `js` (scripts: the app's wasm-bindgen glue, where its
 * DOM calls are spent, or the baseline's code and MiniSearch), `gc`,
 * `browser` (V8's "(program)": native work outside scripts, such as style,
 * layout, paint and HTML parsing, and undeclared waiting) and `idle`.
 *
 * The profile's clock is aligned with the page's by `SYNC`, a busy loop
 * run under the profiler that knows its page time.
 */
function timeByKind(profile, windows, syncAt) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const kind = ({ functionName: name, url }) => {
    if (name === '(garbage collector)') return 'gc';
    if (name === '(program)' || name === '(root)') return 'browser';
    if (name === '(idle)') return 'idle';
    if (url.startsWith('wasm://') || url.endsWith('.wasm')) return 'wasm';
    return 'js';
  };
  const stamps = [];
  let ts = profile.startTime;
  for (const delta of profile.timeDeltas) stamps.push((ts += delta));
  const sync = profile.samples.findIndex((id) => nodes.get(id).functionName === SYNC_NAME);
  if (sync < 0) return null;
  const offset = stamps[sync] / 1000 - syncAt; // profile ms minus page ms
  const ms = { wasm: 0, js: 0, gc: 0, browser: 0, idle: 0 };
  const byFunction = new Map();
  // Each sample stands for the time until the next one.
  for (let i = 0; i + 1 < stamps.length; i++) {
    const at = stamps[i] / 1000 - offset;
    if (!windows.some(([from, to]) => at >= from && at <= to)) continue;
    const frame = nodes.get(profile.samples[i]);
    const dt = (stamps[i + 1] - stamps[i]) / 1000;
    const k = kind(frame);
    ms[k] += dt;
    if (k === 'js' || k === 'wasm') {
      const file = frame.url.split('/').pop().replace(/-[0-9a-f]{16}(?=[._])/, '');
      const name = `${frame.functionName || '(anonymous)'} (${file || 'native'})`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + dt);
    }
  }
  // The heaviest script and wasm functions by self time.
  ms.top = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 8);
  return ms;
}

const SYNC_NAME = '__benchClockSync';
/** Busy for 30 ms under the profiler; returns the page time it started at. */
const SYNC = `(function ${SYNC_NAME}() {
  const start = performance.now();
  while (performance.now() - start < 30) {}
  return start;
})()`;

// ---------------------------------------------------------------------------
// Serving

/**
 * The app's build prerenders its root view from the shipped catalog
 * (SPEC.md §5). For another catalog the xtask prerenders that catalog's
 * root into the same shell (`root-<size>.html`, what a build of it would
 * serve); it is served as the app's index.html.
 */
function shellFor(dir, catalogPath) {
  const built = join(dir, 'catalog.json');
  if (!existsSync(built)) return {};
  // The generator writes the shipped papers first: a catalog of as many
  // papers is the shipped one.
  const size = Number(/catalog-(\d+)\.json$/.exec(catalogPath)?.[1]);
  if (size === JSON.parse(readFileSync(built, 'utf8')).papers.length) return {};
  const root = join(catalogPath, '..', `root-${size}.html`);
  if (!existsSync(root)) throw new Error(`${root} is missing: cargo xtask bench writes it`);
  const page = { body: readFileSync(root, 'utf8'), type: 'text/html; charset=utf-8' };
  return { '': page, 'index.html': page };
}

/** Answers with the file at `path`, streamed (100k catalogs are tens of MB). */
const streamFile = (path) => (req, res) => {
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': statSync(path).size,
    'Cache-Control': 'no-store',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(path).pipe(res);
};

/** target/bench/baseline: the page, its script and MiniSearch's ES module. */
function stageBaseline(out) {
  const dir = join(out, 'baseline');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(HERE, 'baseline', 'index.html'), join(dir, 'index.html'));
  copyFileSync(join(HERE, 'baseline', 'baseline.js'), join(dir, 'baseline.js'));
  const minisearch = join(HERE, 'node_modules', 'minisearch', 'dist', 'es', 'index.js');
  if (!existsSync(minisearch)) throw new Error(`${minisearch} is missing: npm ci --prefix tools/bench`);
  copyFileSync(minisearch, join(dir, 'minisearch.js'));
  return dir;
}

const CODE = new Set(['.html', '.js', '.mjs', '.css', '.wasm']);

/** Gzip sizes of the code files a page requested (the catalog excluded). */
function codeTransferred(dir, base, requests) {
  const files = new Map();
  for (const url of requests) {
    let path = new URL(url, 'http://x').pathname.slice(base.length - 1);
    if (path.endsWith('/')) path += 'index.html';
    const file = join(dir, decodeURIComponent(path));
    if (!CODE.has(extname(file)) || path.endsWith('catalog.json') || !existsSync(file)) continue;
    files.set(path, gzipSync(readFileSync(file)).length);
  }
  const byType = {};
  for (const [path, bytes] of files) byType[extname(path)] = (byType[extname(path)] ?? 0) + bytes;
  return { total: [...files.values()].reduce((a, b) => a + b, 0), byType, files: Object.fromEntries(files) };
}

// ---------------------------------------------------------------------------
// Measuring one page

class Subject {
  constructor(name, dir, catalog) {
    this.name = name;
    this.dir = dir;
    this.catalog = catalog;
    this.loads = [];
    this.keys = [];
    this.clicks = [];
    this.errors = new Set();
  }

  noteError(message) {
    // Blocking service workers (see `load`) makes `register` resolve to
    // undefined; the app's registration code then fails. Not the app's fault.
    if (/reading 'waiting'|reading 'installing'|reading 'active'/.test(message)) return;
    this.errors.add(message);
  }

  async start() {
    this.server = await serveStatic(this.dir, { overrides: { 'catalog.json': streamFile(this.catalog), ...shellFor(this.dir, this.catalog) } });
  }

  async stop() {
    await this.context?.close();
    await this.server?.close();
  }

  /**
   * One cold load in a fresh context; keeps the page for the keystrokes.
   * With `profile`, the load runs under the CPU profiler and returns only
   * where the main thread's time went (not counted in the load times).
   */
  async load(browser, { profile = false } = {}) {
    await this.context?.close();
    // Service workers are blocked: the measure is the page itself, not a
    // background precache competing with it (see BENCHMARKS.md).
    this.context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
    this.context.setDefaultTimeout(LOAD_TIMEOUT);
    const page = (this.page = await this.context.newPage());
    page.on('pageerror', (e) => this.noteError(e.message));
    page.on('console', (m) => m.type() === 'error' && this.noteError(m.text()));
    await page.addInitScript(instrument);
    const requestsBefore = this.server.requests.length;
    const loaded = async () => {
      await page.goto(this.server.url, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__bench.firstResults !== null, null, { timeout: LOAD_TIMEOUT, polling: 50 });
    };
    if (profile) {
      const firstResults = () => page.evaluate(() => window.__bench.firstResults);
      const breakdown = await this.profiled(loaded, async () => [[0, await firstResults()]]);
      this.loadProfile = { ...breakdown, firstResults: await firstResults() };
      return this.loadProfile;
    }
    await loaded();
    // The app builds its search index, its filters and its charts in steps
    // after its first results; keystrokes and memory are measured once all
    // are there (the baseline builds everything before its first results).
    await page.waitForFunction(
      () =>
        ['atlas:index-built', 'atlas:widgets-built'].every((name) => performance.getEntriesByName(name).length > 0) ||
        performance.getEntriesByName('bench:index-built').length > 0,
      null,
      { timeout: LOAD_TIMEOUT, polling: 50 },
    );
    const stages = await page.evaluate(() => {
      const b = window.__bench;
      const nav = performance.getEntriesByType('navigation')[0];
      const resources = performance.getEntriesByType('resource');
      const catalog = resources.find((r) => r.name.split('?')[0].endsWith('/catalog.json'));
      const wasm = resources.find((r) => r.name.endsWith('.wasm'));
      const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
      return {
        firstResults: b.firstResults,
        count: b.count(),
        domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
        wasmLoaded: wasm?.responseEnd ?? null,
        appStarted: b.appStarted,
        catalogRequested: catalog?.startTime ?? null,
        catalogFetched: catalog?.responseEnd ?? null,
        // The baseline's marks, or the app's (its index comes after the
        // first results).
        parsed: mark('bench:catalog-parsed') ?? mark('atlas:catalog-parsed'),
        indexed: mark('bench:index-built') ?? mark('atlas:index-built'),
      };
    });
    // Memory once the page is idle, after a full GC.
    await page.waitForTimeout(500);
    const cdp = await this.context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasmBytes = await page.evaluate(() => window.__bench.wasmMemory?.buffer.byteLength ?? 0);
    await cdp.detach();
    const requests = this.server.requests.slice(requestsBefore);
    const load = { ...stages, heapBytes: heap.usedSize, wasmBytes, memoryBytes: heap.usedSize + wasmBytes, requests };
    this.loads.push(load);
    return load;
  }

  /**
   * Runs `action` under the CPU profiler; returns where the main thread's
   * time went within the page-time windows that `windows()` names after it.
   */
  async profiled(action, windows) {
    const cdp = await this.context.newCDPSession(this.page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
    let profile;
    let syncAt;
    try {
      await action();
      syncAt = await this.page.evaluate(SYNC);
    } finally {
      ({ profile } = await cdp.send('Profiler.stop'));
      await cdp.detach();
    }
    return timeByKind(profile, await windows(), syncAt);
  }

  /** One more round under the CPU profiler (not counted in the timings). */
  async profileRound(keys) {
    const before = this.keys.length;
    let measured = [];
    const breakdown = await this.profiled(
      async () => {
        await this.typeRound(keys);
        measured = this.keys.splice(before);
      },
      // From each key to its last DOM change (the wait for the next frame
      // is not work, but the profiler cannot tell it from native work).
      () => measured.map((k) => [k.at, k.at + k.updated]),
    );
    this.keyProfile = breakdown && { ...breakdown, keys: measured.length };
  }

  /** Types one round of keystrokes into the search box, measuring each. */
  async typeRound(keys) {
    const page = this.page;
    await page.locator('input[data-testid="search"]').first().focus();
    for (const key of keys) {
      await arm(page);
      if (key === 'Backspace') await page.keyboard.press('Backspace');
      else await page.keyboard.type(key);
      const sample = await settle(page);
      if (sample.timedOut) throw new Error(`${this.name}: key ${JSON.stringify(key)} did not settle in ${KEY_TIMEOUT} ms`);
      if (sample.noInput) continue;
      this.keys.push({ key, ...sample });
    }
  }

  /** Clicks facet options on and off (the app only), measuring each. */
  async clickFacets(selectors) {
    const page = this.page;
    for (const selector of selectors) {
      const target = page.locator(selector).filter({ visible: true }).first();
      if ((await target.count()) === 0) continue;
      for (let i = 0; i < 2; i++) {
        await arm(page);
        await target.click({ timeout: KEY_TIMEOUT });
        const sample = await settle(page);
        if (!sample.timedOut && !sample.noInput) this.clicks.push({ selector, ...sample });
      }
    }
  }

  summary() {
    const keysUpdated = this.keys.map((k) => k.updated);
    const keysPainted = this.keys.map((k) => k.painted);
    const loads = this.loads;
    const pick = (f) => median(loads.map(f).filter((v) => v !== null && v !== undefined));
    return {
      keys: this.keys.length,
      updatedMedian: median(keysUpdated),
      updatedP95: percentile(keysUpdated, 95),
      paintedMedian: median(keysPainted),
      paintedP95: percentile(keysPainted, 95),
      inputMedian: median(this.keys.map((k) => k.input)),
      recordsMedian: median(this.keys.map((k) => k.records)),
      addedMedian: median(this.keys.map((k) => k.added)),
      loadMedian: pick((l) => l.firstResults),
      loadBest: Math.min(...loads.map((l) => l.firstResults)),
      loadCount: loads.length,
      memoryMedian: pick((l) => l.memoryBytes),
      heapMedian: pick((l) => l.heapBytes),
      wasmMedian: pick((l) => l.wasmBytes),
      stages: {
        domContentLoaded: pick((l) => l.domContentLoaded),
        wasmLoaded: pick((l) => l.wasmLoaded),
        appStarted: pick((l) => l.appStarted),
        catalogRequested: pick((l) => l.catalogRequested),
        catalogFetched: pick((l) => l.catalogFetched),
        parsed: pick((l) => l.parsed),
        indexed: pick((l) => l.indexed),
        firstResults: pick((l) => l.firstResults),
      },
      clicksUpdatedMedian: median(this.clicks.map((c) => c.updated)),
      clicksUpdatedP95: percentile(this.clicks.map((c) => c.updated), 95),
      clicks: this.clicks.length,
      keyProfile: this.keyProfile ?? null,
      loadProfile: this.loadProfile ?? null,
      errors: [...this.errors],
    };
  }
}

/** Facet options the app offers (SPEC.md §4): a company, a tag in the cloud, a year bar. */
const FACET_CLICKS = [
  '[data-testid="facet-company"] [data-value="google"]',
  '[data-testid="tag-cloud"] [data-tag="rdma"]',
  '[data-testid="facet-category"] [data-value="storage"]',
];

async function measureSize(browser, size, o, keys) {
  const catalog = join(o.catalogs, `catalog-${size}.json`);
  if (!existsSync(catalog)) throw new Error(`${catalog} is missing: cargo xtask gen-catalog ${size}`);
  const app = new Subject('app', o.app, catalog);
  const baseline = new Subject('baseline', join(o.out, 'baseline'), catalog);
  const subjects = [app, baseline];
  try {
    for (const s of subjects) await s.start();
    // Interleaved, so that drift of the machine hits both alike.
    const loads = o.loads ?? (size >= 100000 ? 3 : 5);
    for (let i = 0; i < loads; i++) {
      for (const s of subjects) {
        const load = await s.load(browser);
        log(`  ${size} ${s.name}: load ${i + 1}/${loads}: first results at ${fmt(load.firstResults)} ms ` +
          `(${load.count} papers), JS heap ${mb(load.heapBytes)} MB, wasm ${mb(load.wasmBytes)} MB`);
      }
    }
    for (let round = 0; round < o.rounds; round++) {
      for (const s of subjects) {
        const before = s.keys.length;
        await s.typeRound(keys);
        const mine = s.keys.slice(before).map((k) => k.updated);
        log(`  ${size} ${s.name}: round ${round + 1}/${o.rounds}: ${mine.length} keys, ` +
          `updated median ${fmt(median(mine))} ms, p95 ${fmt(percentile(mine, 95))} ms, max ${fmt(Math.max(...mine))} ms`);
      }
    }
    for (const s of subjects) {
      await s.profileRound(keys);
      await s.load(browser, { profile: true });
    }
    await app.clickFacets(FACET_CLICKS);
    const code = {
      app: codeTransferred(app.dir, '/', app.loads[0].requests),
      baseline: codeTransferred(baseline.dir, '/', baseline.loads[0].requests),
    };
    // Both pages follow the search rule of SPEC.md §3; their counts after
    // each keystroke tell whether they did the same work.
    const pairs = app.keys.map((k, i) => [k.count, baseline.keys[i]?.count]);
    const agree = pairs.filter(([a, b]) => a === b).length;
    return {
      size,
      app: app.summary(),
      baseline: baseline.summary(),
      code,
      countsAgree: { agree, of: pairs.length },
      appKeys: app.keys,
      baselineKeys: baseline.keys,
    };
  } finally {
    for (const s of subjects) await s.stop();
  }
}

// ---------------------------------------------------------------------------
// A first visit over a slow link

/** Lighthouse's mobile network: 1.6 Mbit/s, 150 ms round trip. */
const SLOW_LINK = { bitsPerSecond: 1.6e6, latencyMs: 75 };
/** Beyond this, one first visit downloads for minutes. */
const SLOW_LINK_MAX_PAPERS = 10000;
const SLOW_LINK_LOADS = 3;

/**
 * Load → first results of a first visit: a fresh context with service
 * workers allowed (the app's registers and precaches the build, catalog
 * included, as it does for a visitor), every file gzip-compressed as GitHub
 * Pages sends it, all of it through one slow link. Median of
 * `SLOW_LINK_LOADS` loads per page, interleaved.
 */
async function firstVisits(browser, size, o) {
  const catalog = gzipSync(readFileSync(join(o.catalogs, `catalog-${size}.json`)));
  const gzipped = (req, res) => {
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
      'Content-Length': catalog.length,
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : catalog);
  };
  // The floor (with --floor) only for the typed search: it has no cards of
  // its own rule, and its box comes with its wasm, so its answer is timed
  // from the start of the navigation, as the others' are beside it.
  const pages = { app: o.app, baseline: join(o.out, 'baseline'), ...(o.floor ? { floor: o.floor } : {}) };
  const links = {};
  const times = { app: [], baseline: [] };
  const cards = { app: [], baseline: [] };
  const typed = { app: [], baseline: [] };
  const answeredAt = { app: [], baseline: [], floor: [] };
  // A search typed as soon as the box is there, answered when the count
  // shows its number of papers (the reference rules, SPEC.md §3).
  const query = 'rdma';
  const reference = new Reference(JSON.parse(readFileSync(join(o.catalogs, `catalog-${size}.json`), 'utf8')));
  const answer = reference.matches(`q=${query}`).length;
  try {
    for (const [name, dir] of Object.entries(pages)) {
      const catalogPath = join(o.catalogs, `catalog-${size}.json`);
      const shell = name === 'floor' ? {} : shellFor(dir, catalogPath);
      const server = await serveStatic(dir, { gzip: true, overrides: { 'catalog.json': gzipped, ...shell } });
      links[name] = { server, link: await slowLink(server.url, SLOW_LINK) };
    }
    for (let i = 0; i < SLOW_LINK_LOADS; i++) {
      for (const name of Object.keys(pages)) {
        for (const kind of name === 'floor' ? ['typed'] : ['load', 'typed']) {
          const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
          try {
            const page = await context.newPage();
            await page.addInitScript(instrument);
            await page.goto(links[name].link.url, { waitUntil: 'commit' });
            if (kind === 'load') {
              await page.waitForFunction(() => window.__bench.firstResults !== null && window.__bench.firstCard !== null, null, { timeout: LOAD_TIMEOUT, polling: 50 });
              times[name].push(await page.evaluate(() => window.__bench.firstResults));
              cards[name].push(await page.evaluate(() => window.__bench.firstCard));
            } else {
              const box = page.locator('input[data-testid="search"]').first();
              await box.waitFor({ state: 'visible', timeout: LOAD_TIMEOUT });
              const typedAt = await page.evaluate(() => performance.now());
              await box.pressSequentially(query);
              // The floor searches titles only: its answer is its first
              // count with the text in the box.
              await page.waitForFunction(
                ({ answer, query }) => {
                  const box = document.querySelector('input[data-testid="search"]');
                  const count = window.__bench.count();
                  return box?.value === query && (answer === null ? count !== null : count === answer);
                },
                { answer: name === 'floor' ? null : answer, query },
                { timeout: LOAD_TIMEOUT, polling: 20 },
              );
              const at = await page.evaluate(() => performance.now());
              answeredAt[name].push(at);
              if (name !== 'floor') typed[name].push(at - typedAt);
            }
          } finally {
            await context.close();
          }
        }
      }
    }
  } finally {
    for (const { server, link } of Object.values(links)) {
      await link.close();
      await server.close();
    }
  }
  log(`  ${size} first visits over a slow link: first results app ${times.app.map((t) => fmt(t, 0)).join(', ')} ms; ` +
    `baseline ${times.baseline.map((t) => fmt(t, 0)).join(', ')} ms; first card app ${cards.app.map((t) => fmt(t, 0)).join(', ')}, ` +
    `baseline ${cards.baseline.map((t) => fmt(t, 0)).join(', ')}; "${query}" typed at once answered after app ` +
    `${typed.app.map((t) => fmt(t, 0)).join(', ')}, baseline ${typed.baseline.map((t) => fmt(t, 0)).join(', ')} ms; ` +
    `answered at (from the navigation) app ${answeredAt.app.map((t) => fmt(t, 0)).join(', ')}, baseline ` +
    `${answeredAt.baseline.map((t) => fmt(t, 0)).join(', ')}${o.floor ? `, floor ${answeredAt.floor.map((t) => fmt(t, 0)).join(', ')}` : ''} ms`);
  return {
    app: median(times.app),
    baseline: median(times.baseline),
    card: { app: median(cards.app), baseline: median(cards.baseline) },
    typed: { app: median(typed.app), baseline: median(typed.baseline) },
    answeredAt: { app: median(answeredAt.app), baseline: median(answeredAt.baseline), floor: o.floor ? median(answeredAt.floor) : null },
    times,
  };
}

// ---------------------------------------------------------------------------
// Lighthouse

const CHROME_FLAGS = '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run ' +
  '--disable-background-networking --disable-component-update --disable-sync';

/** Lighthouse runs per preset; the report keeps the one of median performance. */
const LIGHTHOUSE_RUNS = 3;

async function lighthouse(dir, out, name) {
  const bin = join(HERE, 'node_modules', '.bin', 'lighthouse');
  if (!existsSync(bin)) throw new Error(`${bin} is missing: npm ci --prefix tools/bench`);
  // The shipped catalog (public/catalog.json, in the build), as a visitor
  // gets it: GitHub Pages sends text, the wasm among it, gzip-compressed,
  // and Lighthouse's simulated network times the bytes it saw.
  const server = await serveStatic(dir, { gzip: true });
  const results = {};
  try {
    for (const preset of ['mobile', 'desktop']) {
      // One run moves by 5 to 10 points on this machine: take the median.
      const runs = [];
      for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
        const output = join(out, `${name}-${preset}-${i + 1}`);
        const args = [
          server.url,
          '--quiet',
          `--chrome-flags=${CHROME_FLAGS}`,
          '--only-categories=performance,accessibility,best-practices,seo',
          '--output=json',
          '--output=html',
          `--output-path=${output}`,
          ...(preset === 'desktop' ? ['--preset=desktop'] : []),
        ];
        log(`${name} (${preset}, run ${i + 1} of ${LIGHTHOUSE_RUNS}): ${server.url}`);
        await run(bin, args, { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' });
        runs.push(lighthouseRun(JSON.parse(readFileSync(`${output}.report.json`, 'utf8'))));
      }
      runs.sort((a, b) => a.scores.performance - b.scores.performance);
      results[preset] = { ...runs[Math.floor(runs.length / 2)], performanceRuns: runs.map((r) => r.scores.performance) };
      log(`${name} (${preset}): performance ${results[preset].performanceRuns.join(', ')}`);
    }
  } finally {
    await server.close();
  }
  return results;
}

/** The gzip size of the floor build's code: its HTML, JS, CSS and wasm (not the catalog). */
function floorCode(dir) {
  const byKind = {};
  for (const file of readdirSync(dir)) {
    const kind = extname(file).slice(1);
    if (!['html', 'js', 'wasm', 'css'].includes(kind)) continue;
    byKind[kind] = (byKind[kind] ?? 0) + gzipSync(readFileSync(join(dir, file))).length;
  }
  return { byKind, total: Object.values(byKind).reduce((a, b) => a + b, 0) };
}

/** The scores and metrics of one Lighthouse report. */
function lighthouseRun(report) {
  const scores = Object.fromEntries(
    Object.entries(report.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)]),
  );
  const audits = report.audits;
  return {
    scores,
    fcp: audits['first-contentful-paint']?.displayValue,
    lcp: audits['largest-contentful-paint']?.displayValue,
    tbt: audits['total-blocking-time']?.displayValue,
    cls: audits['cumulative-layout-shift']?.displayValue,
    failed: Object.values(audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary')
      .map((a) => a.id),
  };
}

function run(bin, args, env) {
  return new Promise((ok, fail) => {
    const child = spawn(bin, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`${bin} exited with ${code}`))));
  });
}

// ---------------------------------------------------------------------------
// The report

const log = (line) => console.log(line);
const fmt = (v, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits));
const mb = (bytes) => fmt(bytes / 1e6);
const kb = (bytes) => fmt(bytes / 1024);
const ratio = (a, b) => (a === null || b === null || !b ? null : a / b);

/** The targets of the issue, per size; a size without targets is reported only. */
const TARGETS = {
  10000: { median: 8, p95: 16, ratio: 0.25, load: 0.5, memory: 1 },
  100000: { median: 16, p95: 33, ratio: 0.1, load: 0.25, memory: 0.5 },
};
// Issue "A first visit that reads at once": the code a first visit transfers.
const CODE_TARGET_KB = 320;

const verdict = (ok) => (ok === null ? '—' : ok ? 'met' : '**missed**');
const atMost = (value, limit) => (value === null || limit === undefined ? null : value <= limit);

function report(results, native, lighthouseResults, floor, meta) {
  const lines = [];
  const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
  const lighthouseTable = (presets) => {
    row('preset', 'performance', 'runs', 'accessibility', 'best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS', 'failed binary audits');
    row('---', '---:', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---');
    for (const [preset, l] of Object.entries(presets)) {
      const s = l.scores;
      row(preset, s.performance, l.performanceRuns.join(', '), s.accessibility, s['best-practices'], s.seo, l.fcp, l.lcp, l.tbt, l.cls, l.failed.join(', ') || '—');
    }
    lines.push('');
  };
  lines.push(`# Benchmark results`, '');
  lines.push(`${meta.date}; app at ${meta.commit}; ${meta.machine}; ${meta.browser}; ${meta.rounds} rounds of ${meta.keys} keystrokes and ` +
    `${meta.loads} cold loads per page and size. Times in ms (medians of the loads; keystroke medians and p95 over ` +
    `all keystrokes), memory in MB, sizes gzip. Load average (1 min) at the start ${meta.loadBefore}, at the end ` +
    `${meta.loadAfter}: other work on the machine slows both pages alike, so the ratios are the steadier numbers.`, '');

  if (results.length) {
    lines.push('## App against baseline', '');
    row('measure', 'papers', 'app', 'baseline', 'app ÷ baseline', 'target', 'verdict');
    row('---', '---:', '---:', '---:', '---:', '---', '---');
    for (const r of results) {
      const t = TARGETS[r.size] ?? {};
      const a = r.app;
      const b = r.baseline;
      const rm = ratio(a.updatedMedian, b.updatedMedian);
      const rp = ratio(a.updatedP95, b.updatedP95);
      const rl = ratio(a.loadMedian, b.loadMedian);
      const rmem = ratio(a.memoryMedian, b.memoryMedian);
      const n = r.size.toLocaleString('en-US');
      row('keystroke → updated, median', n, fmt(a.updatedMedian), fmt(b.updatedMedian), fmt(rm, 2),
        t.median ? `≤ ${t.median} ms; ≤ ${t.ratio}×` : '', t.median ? `${verdict(atMost(a.updatedMedian, t.median))}; ${verdict(atMost(rm, t.ratio))}` : '—');
      row('keystroke → updated, p95', n, fmt(a.updatedP95), fmt(b.updatedP95), fmt(rp, 2),
        t.p95 ? `≤ ${t.p95} ms; ≤ ${t.ratio}×` : '', t.p95 ? `${verdict(atMost(a.updatedP95, t.p95))}; ${verdict(atMost(rp, t.ratio))}` : '—');
      row('keystroke → next paint, median', n, fmt(a.paintedMedian), fmt(b.paintedMedian), fmt(ratio(a.paintedMedian, b.paintedMedian), 2), '', '');
      row('keystroke → next paint, p95', n, fmt(a.paintedP95), fmt(b.paintedP95), fmt(ratio(a.paintedP95, b.paintedP95), 2), '', '');
      row('keystroke → input event (the browser\'s share), median', n, fmt(a.inputMedian), fmt(b.inputMedian), fmt(ratio(a.inputMedian, b.inputMedian), 2), '', '');
      row('DOM mutation records (added nodes) per keystroke, median', n, `${a.recordsMedian} (${a.addedMedian})`,
        `${b.recordsMedian} (${b.addedMedian})`, fmt(ratio(a.recordsMedian, b.recordsMedian), 2), '', '');
      row(`load → first results, median (best of ${a.loadCount})`, n, `${fmt(a.loadMedian, 0)} (${fmt(a.loadBest, 0)})`,
        `${fmt(b.loadMedian, 0)} (${fmt(b.loadBest, 0)})`, `${fmt(rl, 2)} (${fmt(ratio(a.loadBest, b.loadBest), 2)})`,
        t.load ? `≤ ${t.load}× baseline` : '', t.load ? verdict(atMost(rl, t.load)) : '—');
      if (r.firstVisit) {
        const f = r.firstVisit;
        row(`first visit over a slow link: load → first results, median of ${SLOW_LINK_LOADS}`, n, fmt(f.app, 0), fmt(f.baseline, 0), fmt(ratio(f.app, f.baseline), 2), '', '');
        const cardTarget = r.size <= 1000 ? 0.7 : 0.15;
        const rc = ratio(f.card.app, f.card.baseline);
        row(`first visit over a slow link: load → first card, median of ${SLOW_LINK_LOADS}`, n, fmt(f.card.app, 0), fmt(f.card.baseline, 0), fmt(rc, 2),
          `≤ ${cardTarget}× baseline`, verdict(atMost(rc, cardTarget)));
        const rt = ratio(f.typed.app, f.typed.baseline);
        row(`first visit over a slow link: a search typed at once, answered after, median of ${SLOW_LINK_LOADS}`, n, fmt(f.typed.app, 0), fmt(f.typed.baseline, 0), fmt(rt, 2),
          '≤ 1.5× baseline', verdict(atMost(rt, 1.5)));
        const at = f.answeredAt;
        row(`first visit over a slow link: that search answered at, from the navigation, median of ${SLOW_LINK_LOADS}`, n, fmt(at.app, 0), fmt(at.baseline, 0),
          fmt(ratio(at.app, at.baseline), 2), '', '');
        if (at.floor !== null) {
          row('… the same for the stack\'s floor (tools/bench/floor)', n, fmt(at.floor, 0), fmt(at.baseline, 0), fmt(ratio(at.floor, at.baseline), 2), '', '');
        }
      }
      if (r.catalogBytes) {
        row('catalog.json, KB (gzip; both pages load the same file)', n, `${kb(r.catalogBytes.gzip)} (${kb(r.catalogBytes.raw)} raw)`,
          `${kb(r.catalogBytes.gzip)}`, '1.00', '', '');
      }
      row('memory: JS heap + wasm', n, `${mb(a.memoryMedian)} (${mb(a.heapMedian)} + ${mb(a.wasmMedian)})`, mb(b.memoryMedian),
        fmt(rmem, 2), t.memory ? (t.memory === 1 ? '≤ baseline' : `≤ ${t.memory}× baseline`) : '', t.memory ? verdict(atMost(rmem, t.memory)) : '—');
    }
    const code = results[0]?.code;
    if (code) {
      const types = (c) => Object.entries(c.byType).map(([ext, bytes]) => `${ext.slice(1)} ${kb(bytes)}`).join(', ');
      row('code transferred (KB, gzip, no catalog)', 'any', `${kb(code.app.total)} (${types(code.app)})`,
        `${kb(code.baseline.total)} (${types(code.baseline)})`, fmt(ratio(code.app.total, code.baseline.total), 2),
        `≤ ${CODE_TARGET_KB} KB`, verdict(code.app.total / 1024 <= CODE_TARGET_KB));
    }
    lines.push('');

    lines.push('## Where the load goes', '');
    lines.push('Milliseconds since navigation start (medians of the loads). App: the wasm is downloaded and started ' +
      '(trunk\'s `TrunkApplicationStarted`), then it requests the catalog, parses and validates it (mark ' +
      '`atlas:catalog-parsed`) and shows the first results; it builds the search index after them (mark ' +
      '`atlas:index-built`). Baseline: its own performance marks.', '');
    row('papers', 'page', 'wasm downloaded', 'wasm started', 'catalog requested', 'catalog downloaded', 'parsed', 'indexed', 'first results');
    row('---:', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:');
    for (const r of results) {
      for (const [name, s] of [['app', r.app.stages], ['baseline', r.baseline.stages]]) {
        row(r.size.toLocaleString('en-US'), name, fmt(s.wasmLoaded, 0), fmt(s.appStarted, 0), fmt(s.catalogRequested, 0),
          fmt(s.catalogFetched, 0), fmt(s.parsed, 0), fmt(s.indexed, 0), fmt(s.firstResults, 0));
      }
    }
    lines.push('');
  }

  if (native && Object.keys(native).length) {
    lines.push('## The app\'s core, native (release, same opt-level as the wasm)', '');
    lines.push('`Catalog::from_json` (JSON parse and validation), `Atlas::new` and `Atlas::index` (bit sets and search index), and ' +
      '`Atlas::search` for each keystroke of the round (matches, counts, timeline, first page in order). ' +
      'Best of 3 (100,000 papers) or 5 runs; keystrokes best of 5 each, then median and p95 over the round. ' +
      'Wasm in Chromium typically runs such code 1.5–3× slower.', '');
    row('papers', 'catalog MB', 'parse + validate', 'index', 'keystroke query, median', 'keystroke query, p95');
    row('---:', '---:', '---:', '---:', '---:', '---:');
    for (const [size, n] of Object.entries(native)) {
      row(Number(size).toLocaleString('en-US'), mb(n.bytes), fmt(n.parse_ms), fmt(n.index_ms), fmt(n.key_median_ms, 3), fmt(n.key_p95_ms, 3));
    }
    lines.push('');
  }

  const profiled = results.filter((r) => r.app.keyProfile && r.baseline.keyProfile);
  if (profiled.length) {
    lines.push('## Where the main thread\'s time goes (CPU profiles)', '');
    lines.push('One extra keystroke round and one extra cold load per page under the V8 sampling profiler ' +
      '(not counted above; the profiler slows both a little). Milliseconds on the main thread: `wasm` is the ' +
      'app\'s Rust; `JS` is script (the app\'s wasm-bindgen glue, inside which its DOM calls are spent; the ' +
      'baseline\'s code and MiniSearch); `GC`; `other` is V8\'s "(program)": native work outside scripts ' +
      '(event dispatch, style and layout, HTML and CSS parsing, network bookkeeping) and waiting that the ' +
      'browser did not declare idle. Keystrokes: per keystroke, from the key to its last DOM change. Load: from ' +
      'navigation start to the first results.', '');
    row('papers', 'page', 'what', 'wasm', 'JS', 'GC', 'other', 'idle');
    row('---:', '---', '---', '---:', '---:', '---:', '---:', '---:');
    for (const r of profiled) {
      for (const [name, summary] of [['app', r.app], ['baseline', r.baseline]]) {
        const k = summary.keyProfile;
        const per = (v) => fmt(v / Math.max(1, k.keys), 2);
        row(r.size.toLocaleString('en-US'), name, 'per keystroke', per(k.wasm), per(k.js), per(k.gc), per(k.browser), per(k.idle));
        const l = summary.loadProfile;
        if (l) row(r.size.toLocaleString('en-US'), name, `load (${fmt(l.firstResults, 0)} ms)`, fmt(l.wasm, 0), fmt(l.js, 0), fmt(l.gc, 0), fmt(l.browser, 0), fmt(l.idle, 0));
      }
    }
    lines.push('');
  }

  const largest = profiled.at(-1);
  if (largest) {
    lines.push(`Heaviest functions by self time per keystroke at ${largest.size.toLocaleString('en-US')} papers ` +
      '(wasm functions have no names in a release build; the app\'s JS is wasm-bindgen glue, named after the ' +
      'DOM call it makes):', '');
    for (const [name, summary] of [['app', largest.app], ['baseline', largest.baseline]]) {
      const k = summary.keyProfile;
      const top = k.top.map(([fn, total]) => `\`${fn}\` ${fmt(total / Math.max(1, k.keys), 2)}`).join(', ');
      lines.push(`- ${name}: ${top}`);
    }
    lines.push('');
  }

  if (results.length) lines.push('Same result count on both pages after ' +
    results.map((r) => `${r.countsAgree.agree} of ${r.countsAgree.of} keystrokes at ${r.size.toLocaleString('en-US')} papers`).join(', ') +
    ' (both follow the search rule of SPEC.md §3; a difference means one page did other work than the other).', '');

  const clicks = results.filter((r) => r.app.clicks > 0);
  if (clicks.length) {
    lines.push('## Facet clicks (app only)', '');
    lines.push(`Each of ${FACET_CLICKS.map((s) => `\`${s}\``).join(', ')} clicked on and off; click → updated.`, '');
    row('papers', 'clicks', 'median', 'p95');
    row('---:', '---:', '---:', '---:');
    for (const r of clicks) row(r.size.toLocaleString('en-US'), r.app.clicks, fmt(r.app.clicksUpdatedMedian), fmt(r.app.clicksUpdatedP95));
    lines.push('');
  }

  if (results.length) {
    const slow = results.map((r) => {
      const worst = (keys) => [...keys].sort((x, y) => y.updated - x.updated).slice(0, 3)
        .map((k) => `${JSON.stringify(k.key)} ${fmt(k.updated)} ms (${k.count})`).join(', ');
      return `- ${r.size.toLocaleString('en-US')} papers: app ${worst(r.appKeys)}; baseline ${worst(r.baselineKeys)}`;
    });
    lines.push('## Slowest keystrokes (key, time, result count after it)', '', ...slow, '');
  }

  const errors = results.flatMap((r) => [...r.app.errors.map((e) => `app ${r.size}: ${e}`), ...r.baseline.errors.map((e) => `baseline ${r.size}: ${e}`)]);
  if (errors.length) lines.push('## Browser errors', '', ...[...new Set(errors)].map((e) => `- ${e}`), '');

  if (lighthouseResults) {
    lines.push(
      '## Lighthouse 12.2.3 (the release build with the shipped catalog)',
      '',
      `Served gzip-compressed, as GitHub Pages serves it. ${LIGHTHOUSE_RUNS} runs per preset; the row is the run of median performance, and "runs" lists every run's performance score.`,
      '',
    );
    lighthouseTable(lighthouseResults);
  }
  if (floor) {
    lines.push(
      '## The stack\'s floor (tools/bench/floor)',
      '',
      'The smallest app on the same crates and release settings: it fetches the shipped catalog with gloo-net, parses it with serde_json and shows a search box, a count and 8 titles through Leptos\' router. ' +
        'Any app on this stack weighs and costs at least this much. Lighthouse 12.2.3 as for the app: served gzip-compressed, ' + `${LIGHTHOUSE_RUNS} runs per preset, the row is the run of median performance.`,
      '',
      `Code, gzip: ${kb(floor.code.total)} KB (${Object.entries(floor.code.byKind).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}).`,
      '',
    );
    lighthouseTable(floor.lighthouse);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------

async function main() {
  const o = options(process.argv.slice(2));
  const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  const loadBefore = loadAverage();
  mkdirSync(o.out, { recursive: true });
  stageBaseline(o.out);
  const keys = keystrokes();
  const nativePath = join(o.out, 'native.json');
  const native = existsSync(nativePath) ? JSON.parse(readFileSync(nativePath, 'utf8')) : null;
  const results = [];
  if (o.sizes.length) {
    const browser = await launchBrowser();
    try {
      for (const size of o.sizes) {
        log(`== ${size.toLocaleString('en-US')} papers`);
        const result = await measureSize(browser, size, o, keys);
        const text = readFileSync(join(o.catalogs, `catalog-${size}.json`));
        result.catalogBytes = { raw: text.length, gzip: gzipSync(text).length };
        if (size <= SLOW_LINK_MAX_PAPERS) result.firstVisit = await firstVisits(browser, size, o);
        results.push(result);
      }
    } finally {
      await browser.close();
    }
  }
  const lighthouseResults = o.lighthouse ? await lighthouse(o.app, o.out, 'lighthouse') : null;
  const floor = o.floor ? { code: floorCode(o.floor), lighthouse: await lighthouse(o.floor, o.out, 'floor-lighthouse') } : null;
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
  const cores = readFileSync('/proc/cpuinfo', 'utf8').split('\n').filter((l) => l.startsWith('processor')).length;
  const git = (...args) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  const dirty = git('status', '--porcelain', '--', 'src', 'style', 'index.html', 'Cargo.toml', 'Cargo.lock', 'public');
  const commit = `${git('rev-parse', '--short', 'HEAD') || 'unknown commit'}${dirty ? ' with uncommitted changes to the app' : ''}`;
  const memory = /MemTotal:\s*(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1];
  const browser = await launchBrowser();
  const meta = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    machine: `${cores} cores (${cpu}), ${fmt(Number(memory) / 1048576, 0)} GiB`,
    browser: `headless Chromium ${browser.version()}`,
    commit,
    rounds: o.rounds,
    loads: o.loads ?? '5 (3 at 100,000 papers)',
    keys: keys.length,
    loadBefore,
    loadAfter: loadAverage(),
  };
  await browser.close();
  const markdown = report(results, native ? Object.fromEntries(o.sizes.filter((s) => native[s]).map((s) => [s, native[s]])) : null, lighthouseResults, floor, meta);
  writeFileSync(join(o.out, 'results.md'), markdown + '\n');
  writeFileSync(join(o.out, 'results.json'), JSON.stringify({ meta, results, native, lighthouse: lighthouseResults, floor }, null, 2));
  console.log(`\n${markdown}\nwritten to ${join(o.out, 'results.md')} (raw samples in results.json)`);
}

await main();
