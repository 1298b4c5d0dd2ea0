// Shared machinery of the end-to-end tests: the browser, the app under test
// with its server, page probes for the SPEC.md §4 hooks, and a reference
// implementation of the view rules (SPEC.md §2 and §3) that tells what a URL
// must show.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './server.mjs';

/** How long one browser action or wait may take; an app load takes seconds. */
const ACTION_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 20_000);
/** How long one test may take in all. */
const TEST_TIMEOUT = ACTION_TIMEOUT * 6;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// ---------------------------------------------------------------------------
// Environment

/**
 * playwright-core, from tools/node_modules. ESM `import` ignores NODE_PATH,
 * so load it with a CommonJS `require` rooted in tools/, which also searches
 * NODE_PATH when the package is not there.
 */
function loadPlaywright() {
  const tools = fileURLToPath(new URL('../../tools/', import.meta.url));
  try {
    return createRequire(join(tools, 'package.json'))('playwright-core');
  } catch (error) {
    throw new Error(`playwright-core not found (run npm ci in ${tools}): ${error.message}`);
  }
}

/** Starts Debian's Chromium (env CHROMIUM); never a downloaded browser. */
export async function launchBrowser() {
  const { chromium } = loadPlaywright();
  const options = {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  };
  try {
    return await chromium.launch(options);
  } catch (error) {
    // A cold start on a loaded machine can fail once; that is not the app's fault.
    console.error(`chromium failed to start, retrying once: ${error.message}`);
    return chromium.launch(options);
  }
}

/** The built app named by env variable `name`, or a clear error. */
export function distFrom(name, hint = 'a trunk release build directory') {
  const dir = process.env[name];
  if (!dir) throw new Error(`env ${name} is not set: it must name ${hint}`);
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${name}=${dir} has no index.html`);
  if (!existsSync(join(dir, 'catalog.json'))) throw new Error(`${name}=${dir} has no catalog.json`);
  return dir;
}

// ---------------------------------------------------------------------------
// The app under test

/**
 * Sets up one test file: a server for the build in `dist` under `base`, one
 * browser, and the reference rules for the build's catalog. Call inside a
 * `describe`; the server and browser start before its tests and stop after.
 *
 * Returns an object with:
 * - `test(name, [options], body)`: a `node:test` test whose `body(page)` runs
 *   in a fresh browser context. It fails on any console error or uncaught
 *   exception unless it matches one of `options.expectErrors` (RegExps).
 * - `open(page, path)`: loads `path`, relative to the base (`?q=x`, `paper/x`);
 *   `openView` and `clickTo` below also wait for the reference's papers.
 * - `catalog`, `reference`: the served catalog and its `Reference`.
 * - `server`: see `serveStatic` (overrides are cleared after each test).
 */
export function useApp({ dist = distFrom('ATLAS_DIST'), base = '/' } = {}) {
  const catalog = JSON.parse(readFileSync(join(dist, 'catalog.json'), 'utf8'));
  const app = { catalog, reference: new Reference(catalog), server: null, browser: null };

  before(async () => {
    app.server = await serveStatic(dist, { base });
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  afterEach(() => app.server?.clearOverrides());

  /**
   * Loads `path` and waits until the app has taken over the prerendered
   * page, if the page had one (SPEC.md §5); `app.load` only loads, for
   * tests of the page before the app starts.
   */
  app.load = (page, path = '') => page.goto(new URL(path, app.server.url).href);
  app.open = async (page, path = '') => {
    const response = await app.load(page, path);
    await tookOver(page);
    return response;
  };

  /** Opens the list at query string `search` and waits for the reference's papers. */
  app.openView = async (page, search = '') => {
    await app.open(page, search ? `?${search}` : '');
    const what = search ? `the list at ?${search}` : 'the unfiltered list';
    return expectView(page, app.reference.matches(search), what);
  };

  /**
   * Clicks the first visible element of `selector`, waits for a URL that
   * `landed(url)` accepts and for that URL's papers; returns the URL.
   */
  app.clickTo = async (page, selector, landed, what) => {
    await page.locator(selector).filter({ visible: true }).first().click();
    const url = await waitForUrl(page, landed, `clicking ${what}`);
    await expectView(page, app.reference.matches(url.search), `after clicking ${what}`);
    return url;
  };

  app.test = (name, options, body) => {
    if (typeof options === 'function') [options, body] = [{}, options];
    return test(name, { timeout: TEST_TIMEOUT }, () =>
      withPage(app.browser, body, options.expectErrors ?? []),
    );
  };
  return app;
}

/** Waits until no prerendered page is left: the app shows its own. */
export async function tookOver(page) {
  await page
    .waitForFunction(() => !document.getElementById('atlas-prerendered'), null, { timeout: ACTION_TIMEOUT })
    .catch(() => assert.fail(`${page.url()}: the app did not take over the prerendered page`));
}

/** Runs `body(page)` in a fresh context and fails on unexpected browser errors. */
async function withPage(browser, body, expectErrors) {
  const context = await browser.newContext();
  context.setDefaultTimeout(ACTION_TIMEOUT);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  try {
    await body(page);
  } catch (error) {
    // The browser's own errors usually explain a failed expectation.
    if (errors.length > 0) error.message += `\nbrowser errors:\n  ${errors.join('\n  ')}`;
    throw error;
  } finally {
    await context.close();
  }
  const unexpected = errors.filter((e) => !expectErrors.some((pattern) => pattern.test(e)));
  assert.deepEqual(unexpected, [], 'the browser reported errors');
}

// ---------------------------------------------------------------------------
// Probes for the hooks of SPEC.md §4

export const SEL = {
  search: 'input[data-testid="search"]',
  count: '[data-testid="result-count"]',
  card: 'article[data-testid="paper-card"]',
  error: '[role="alert"][data-testid="error"]',
  facet: (param) => `[data-testid="facet-${param}"]`,
  tagCloud: '[data-testid="tag-cloud"]',
  timeline: '[data-testid="timeline-chart"]',
  companyChart: '[data-testid="company-chart"]',
  /** A card's link to its paper page (SPEC.md §2: `paper/<id>`). */
  paperLink: (id) =>
    [`a[href$="paper/${id}"]`, `a[href*="paper/${id}?"]`, `a[href*="paper/${id}#"]`]
      .map((a) => `${SEL.card}[data-paper-id="${id}"] ${a}`)
      .join(', '),
  notFound: '[data-testid="not-found"]',
};

/** What the page shows right now: the count (or null), its text, the card ids. */
function readView(page) {
  return page.evaluate(
    (sel) => {
      const count = document.querySelector(sel.count);
      const text = count?.checkVisibility() ? count.textContent.trim() : null;
      const number = /^(\d+)/.exec(text ?? '');
      return {
        count: number ? Number(number[1]) : null,
        countText: text,
        ids: [...document.querySelectorAll(sel.card)].map((card) => card.dataset.paperId),
        search: location.search,
        error: document.querySelector(sel.error)?.textContent.trim() ?? null,
        widgetsBuilt: performance.getEntriesByName('atlas:widgets-built').length > 0,
      };
    },
    { count: SEL.count, card: SEL.card, error: SEL.error },
  );
}

/**
 * Waits until the page shows exactly the papers `expected` (ids): the count
 * equals their number, the listed cards (possibly one page of them) are
 * some of them, none twice, and the filters and charts are built (the
 * app's first page builds them a task each after the list: its mark
 * `atlas:widgets-built`). Fails with what the page shows instead, at once
 * if the page shows an error.
 */
export async function expectView(page, expected, what) {
  const arg = { sel: { count: SEL.count, card: SEL.card, error: SEL.error }, expected };
  const outcome = await page
    .waitForFunction(
      ({ sel, expected }) => {
        if (document.querySelector(sel.error)) return 'error';
        if (performance.getEntriesByName('atlas:widgets-built').length === 0) return false;
        const count = document.querySelector(sel.count);
        const number = count?.checkVisibility() && /^\s*(\d+)/.exec(count.textContent);
        if (!number || Number(number[1]) !== expected.length) return false;
        const ids = [...document.querySelectorAll(sel.card)].map((c) => c.dataset.paperId);
        const wanted = new Set(expected);
        const shows =
          ids.length > 0 === expected.length > 0 &&
          new Set(ids).size === ids.length &&
          ids.every((id) => wanted.has(id));
        return shows && 'shown';
      },
      arg,
      { timeout: ACTION_TIMEOUT },
    )
    .then(
      (handle) => handle.jsonValue(),
      () => 'timeout',
    );
  const shown = await readView(page);
  if (outcome !== 'shown') {
    const stray = shown.ids.filter((id) => !expected.includes(id));
    assert.fail(
      `${what} (at ${shown.search || 'no query'}): expected count ${expected.length}, ` +
        `page shows ${JSON.stringify(shown.countText)} with ${shown.ids.length} cards` +
        (stray.length ? `, cards that should not match: ${stray.join(', ')}` : '') +
        (shown.error ? `, error: ${shown.error}` : '') +
        (shown.widgetsBuilt ? '' : ', filters and charts not built (no atlas:widgets-built mark)'),
    );
  }
  return shown;
}

/** Waits until the page shows `paper`'s own page: an h1 with its title. */
export async function expectPaperPage(page, paper) {
  const heading = page.locator('h1').filter({ hasText: paper.title }).first();
  const shown = await heading.waitFor({ state: 'visible' }).then(
    () => true,
    () => false,
  );
  if (!shown) {
    const headings = await page.locator('h1').allTextContents();
    assert.fail(
      `page ${page.url()}: no h1 with "${paper.title}", h1s: ${JSON.stringify(headings)}`,
    );
  }
  assert.ok((await heading.textContent()).includes(paper.title), 'the h1 changes the title');
}

/** Waits until the page's URL satisfies `predicate(URL)`; returns that URL. */
export async function waitForUrl(page, predicate, what) {
  await page
    .waitForURL((url) => predicate(url), { waitUntil: 'commit', timeout: ACTION_TIMEOUT })
    .catch(() => assert.fail(`${what}: the URL stayed ${page.url()}`));
  return new URL(page.url());
}

/** The comma-separated ids of URL parameter `name`. */
export function paramList(url, name) {
  return (url.searchParams.get(name) ?? '').split(',').filter(Boolean);
}

/**
 * Fails unless the cards `ids` are the start of the list `expected` in the
 * default order (newest year first): years never rise from card to card, and
 * every expected paper newer than the last card is listed (a paged list shows
 * a prefix, up to ties within one year).
 */
export function assertNewestFirstPrefix(ids, expected, reference) {
  const year = (id) => reference.paper(id).year;
  const rise = ids.findIndex((id, i) => i > 0 && year(id) > year(ids[i - 1]));
  assert.equal(
    rise,
    -1,
    `cards are not newest first: ${ids.map((id) => `${id} (${year(id)})`).join(', ')}`,
  );
  if (ids.length === 0) return;
  const oldestShown = year(ids.at(-1));
  const skipped = expected.filter((id) => year(id) > oldestShown && !ids.includes(id));
  assert.deepEqual(skipped, [], `papers newer than ${oldestShown} are missing from the list`);
}

// ---------------------------------------------------------------------------
// The reference rules

/** The lowercase words of `text` (SPEC.md §3: runs of letters and digits). */
function words(text) {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** A name as the `author` parameter compares it: no case, single spaces. */
const personKey = (name) => name.trim().split(/\s+/).join(' ').toLowerCase();

/** Parses a `year` value (`2022`, `2021-2023`, `2023-`, `-2021`); null if invalid. */
function parseYears(value) {
  const year = (s) => (/^\d{4}$/.test(s) ? Number(s) : undefined);
  const parts = value.split('-');
  if (parts.length > 2) return null;
  const [a, b = a] = parts.length === 1 ? [parts[0]] : parts;
  const from = a === '' ? null : year(a);
  const to = b === '' ? null : year(b);
  if (from === undefined || to === undefined || (from === null && to === null)) return null;
  return from !== null && to !== null && from > to ? { from: to, to: from } : { from, to };
}

/**
 * The view rules of SPEC.md §2 and §3 over one catalog: which papers a URL's
 * query string shows. Unknown ids and invalid values are dropped, as the
 * SPEC requires, and the rest of the view applies.
 */
export class Reference {
  constructor(catalog) {
    this.catalog = catalog;
    const nameOf = (list) => new Map(list.map((item) => [item.id, item.name]));
    const categories = nameOf(catalog.categories);
    const companies = nameOf(catalog.companies);
    const venues = nameOf(catalog.venues);
    this.known = {
      category: categories,
      company: companies,
      venue: venues,
      tag: new Set(
        catalog.tags ? catalog.tags.map((t) => t.id) : catalog.papers.flatMap((p) => p.tags),
      ),
    };
    this.papers = catalog.papers.map((paper) => ({
      ...paper,
      people: new Set((paper.authors ?? []).map(personKey)),
      words: [
        paper.title,
        paper.summary,
        ...paper.tags,
        ...(paper.authors ?? []),
        ...paper.companies.map((c) => companies.get(c)),
        venues.get(paper.venue),
        categories.get(paper.category),
      ].flatMap((text) => words(text ?? '')),
    }));
    this.byId = new Map(this.papers.map((p) => [p.id, p]));
  }

  paper(id) {
    const paper = this.byId.get(id);
    assert.ok(paper, `paper ${id} is not in the catalog`);
    return paper;
  }

  /** The typed view of a query string (with or without `?`). */
  parse(search) {
    const params = new URLSearchParams(search);
    const ids = (name) => [
      ...new Set(
        params
          .getAll(name)
          .flatMap((v) => v.split(','))
          .filter((id) => this.known[name].has(id)),
      ),
    ];
    const years = params.getAll('year').map(parseYears).filter(Boolean).at(-1) ?? null;
    // Names are split on commas before decoding: a name may hold `%2C`.
    const authors = new Set(
      search
        .replace(/^\?/, '')
        .split('&')
        .filter((pair) => pair.split('=')[0] === 'author')
        .flatMap((pair) => pair.slice('author='.length).split(','))
        .map((raw) => personKey(decodeURIComponent(raw.replace(/\+/g, ' '))))
        .filter((name) => name && this.papers.some((p) => p.people.has(name))),
    );
    const isDay = (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
    return {
      papers: [...new Set(params.getAll('paper').flatMap((v) => v.split(',')).filter((id) => this.byId.has(id)))],
      since: params.getAll('since').filter(isDay).at(-1) ?? null,
      authors,
      terms: words(params.getAll('q').at(-1) ?? ''),
      category: ids('category'),
      company: ids('company'),
      venue: ids('venue'),
      tag: ids('tag'),
      years,
    };
  }

  /** The ids of the papers a query string shows, newest first (then by title). */
  matches(search) {
    const view = this.parse(search);
    const anyOf = (selected, values) =>
      selected.length === 0 || values.some((v) => selected.includes(v));
    return this.papers
      .filter(
        (p) =>
          view.terms.every((term) => p.words.some((w) => w.startsWith(term))) &&
          anyOf(view.category, [p.category]) &&
          anyOf(view.company, p.companies) &&
          anyOf(view.venue, [p.venue]) &&
          view.tag.every((tag) => p.tags.includes(tag)) &&
          (view.authors.size === 0 || [...view.authors].some((name) => p.people.has(name))) &&
          (view.papers.length === 0 || view.papers.includes(p.id)) &&
          (view.since === null || (p.added ?? '') >= view.since) &&
          (view.years === null ||
            ((view.years.from === null || p.year >= view.years.from) &&
              (view.years.to === null || p.year <= view.years.to))),
      )
      .sort((a, b) => b.year - a.year || cmp(a.title.toLowerCase(), b.title.toLowerCase()))
      .map((p) => p.id);
  }
}

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
