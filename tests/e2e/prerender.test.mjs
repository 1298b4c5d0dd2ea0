// Pages as served (SPEC.md §5, issue "A first visit that reads at once"):
// the static pages read with JavaScript off, carry their metadata, list
// every paper, and the app takes over from them without losing what the
// visitor did before it started and without moving the page.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe } from 'node:test';
import { SEL, distFrom, expectView, tookOver, useApp, waitForUrl } from './helpers.mjs';

/**
 * The code a first visit transfers, gzip, without the catalog and the
 * HTML: the wasm, its JS glue and the CSS. A ceiling, so that growth is a
 * decision: the target is 320 KB, which the build has not met
 * since the reading list (BENCHMARKS.md, "Code size"); raise this only on
 * purpose, and say why in the commit.
 */
const CODE_BUDGET_KB = 352;

/** HTML entities back to text (what the page's own escaping produced). */
const unescape = (s) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The `content` of every `<meta name|property="key">` of `html`, in order. */
function metas(html, key) {
  const re = new RegExp(`<meta\\s+(?:name|property)="${key}"\\s+content="([^"]*)"\\s*/>`, 'g');
  return [...html.matchAll(re)].map((m) => unescape(m[1]));
}

function suite(name, dist, base) {
  describe(name, () => {
    const app = useApp({ dist, base });
    const { papers } = app.catalog;
    const get = (path) => fetch(new URL(path, app.server.url)).then(async (r) => ({ status: r.status, text: await r.text() }));
    const wasmFile = readdirSync(dist).find((f) => f.endsWith('_bg.wasm'));

    /** Holds the wasm back until the returned function is called. */
    function holdWasm() {
      let release;
      const released = new Promise((ok) => (release = ok));
      app.server.override(wasmFile, (req, res) => {
        released.then(() => {
          res.writeHead(200, { 'Content-Type': 'application/wasm' });
          res.end(readFileSync(join(dist, wasmFile)));
        });
      });
      return release;
    }

    app.test(`the code a first visit transfers stays within ${CODE_BUDGET_KB} KB gzip`, async () => {
      const code = readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f) && f !== 'sw.js');
      assert.ok(code.some((f) => f.endsWith('.wasm')) && code.some((f) => f.endsWith('.css')), code.join(', '));
      const bytes = code.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f))).length, 0);
      assert.ok(bytes / 1024 <= CODE_BUDGET_KB, `${(bytes / 1024).toFixed(1)} KB gzip of ${code.join(', ')}`);
    });

    app.test('with JavaScript off, the root reads: the full count, the first cards, the filters', async (page) => {
      const context = await page.context().browser().newContext({ javaScriptEnabled: false });
      try {
        const p = await context.newPage();
        const response = await p.goto(app.server.url);
        assert.equal(response.status(), 200);
        assert.match(await p.locator(SEL.count).textContent(), new RegExp(`^${papers.length} papers`));
        const cards = await p.locator(SEL.card).evaluateAll((cs) => cs.map((c) => c.dataset.paperId));
        const newest = app.reference.matches('');
        assert.deepEqual(cards, newest.slice(0, cards.length), 'the newest papers first');
        assert.ok(cards.length >= 8, `${cards.length} cards`);
        assert.ok((await p.locator(`${SEL.facet('company')} [data-value]`).count()) > 10, 'the company filter');
        assert.ok((await p.locator(`${SEL.timeline} [data-year]`).count()) > 3, 'the timeline');
        // Every paper is one plain link away, through the list by area.
        await p.locator('[data-testid="all-papers"]').click();
        await p.waitForURL(/papers$/);
        const links = await p.locator('main a[href*="paper/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        assert.deepEqual(
          links.map((h) => h.split('/paper/')[1]).sort(),
          papers.map((x) => x.id).sort(),
          'one link per paper',
        );
        assert.ok(links.every((h) => h.startsWith(`${base}paper/`)), `links carry the base once: ${links[0]}`);
      } finally {
        await context.close();
      }
    });

    app.test('with JavaScript off, a paper page has status 200, its title, authors, summary and BibTeX', async (page) => {
      const paper = papers.find((p) => (p.authors ?? []).length > 3);
      const context = await page.context().browser().newContext({ javaScriptEnabled: false });
      try {
        const p = await context.newPage();
        const response = await p.goto(new URL(`paper/${paper.id}`, app.server.url).href);
        assert.equal(response.status(), 200);
        assert.equal(await p.locator('[data-testid="paper-title"]').textContent(), paper.title);
        assert.deepEqual(await p.locator('.atlas-paper__authors [data-testid="author"]').allTextContents(), paper.authors);
        assert.equal(await p.locator('.atlas-paper__summary').textContent(), paper.summary);
        const bib = await p.locator('[data-testid="bibtex"]').textContent();
        assert.match(bib, /^@inproceedings\{/);
        assert.ok(bib.includes(`author = {`), bib);
        assert.equal(await p.title(), `${paper.title} — Systems Atlas`);
      } finally {
        await context.close();
      }
    });

    app.test("each paper page's head carries that paper's values, escaped", async () => {
      const tricky = papers.find((p) => /['&]/.test(p.title)) ?? papers[0];
      for (const paper of [papers[0], tricky, papers.at(-1)]) {
        const { status, text } = await get(`paper/${paper.id}`);
        assert.equal(status, 200);
        const title = /<title>([^<]*)<\/title>/.exec(text)[1];
        assert.equal(unescape(title), `${paper.title} — Systems Atlas`);
        assert.deepEqual(metas(text, 'description'), [paper.summary]);
        assert.deepEqual(metas(text, 'og:title'), [`${paper.title} — Systems Atlas`]);
        assert.deepEqual(metas(text, 'og:description'), [paper.summary]);
        assert.deepEqual(metas(text, 'og:type'), ['article']);
        assert.deepEqual(metas(text, 'citation_title'), [paper.title]);
        assert.deepEqual(metas(text, 'citation_author'), paper.authors ?? []);
        assert.deepEqual(metas(text, 'citation_publication_date'), [String(paper.year)]);
        const venue = app.catalog.venues.find((v) => v.id === paper.venue);
        assert.deepEqual(metas(text, 'citation_conference_title'), [venue.full_name ?? venue.name]);
        assert.deepEqual(metas(text, 'citation_doi'), paper.doi ? [paper.doi] : []);
        // No catalog text is markup: the head holds only our own tags.
        assert.ok(!/<meta [^>]*content="[^"]*<[a-z]/i.test(text), 'no raw markup in a meta tag');
      }
    });

    app.test('sitemap.xml lists every paper page, robots.txt names it, under the base once', async () => {
      const sitemap = await get('sitemap.xml');
      assert.equal(sitemap.status, 200);
      const locs = [...sitemap.text.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
      for (const paper of papers) assert.ok(locs.includes(`${base}paper/${paper.id}`), `the sitemap lists ${paper.id}`);
      const twice = base === '/' ? '//' : `${base}${base.slice(1)}`;
      assert.ok(locs.every((l) => l.startsWith(base) && !l.startsWith(twice)), `the base once: ${locs[0]}`);
      // Without the site's address (these builds), robots.txt names no
      // sitemap: its Sitemap line must be an absolute URL.
      const robots = await get('robots.txt');
      assert.equal(robots.text, 'User-agent: *\nAllow: /\n');
      // The root's links carry the base once too.
      const root = await get('');
      const hrefs = [...root.text.matchAll(/href="([^"]*)"/g)].map((m) => m[1]).filter((h) => h.startsWith('/'));
      assert.ok(hrefs.length > 20);
      assert.deepEqual(hrefs.filter((h) => !h.startsWith(base) || h.startsWith(twice)), []);
    });

    app.test('404.html stays the app shell, so unknown paths and filtered views load the app', async (page) => {
      const shell = readFileSync(join(dist, '404.html'), 'utf8');
      assert.ok(!shell.includes('id="atlas-prerendered"'), '404.html has no prerendered page');
      await app.open(page, 'no/such/page');
      await page.locator('[data-testid="not-found"]').waitFor();
    });

    app.test('the shell says it is loading until the app replaces it', async (page) => {
      const release = holdWasm();
      await app.load(page, 'no/such/page');
      const boot = page.locator('#atlas-boot[aria-busy="true"]');
      await boot.waitFor();
      assert.match(await boot.textContent(), /Loading/);
      release();
      await page.locator('[data-testid="not-found"]').waitFor();
      assert.equal(await page.locator('#atlas-boot, .atlas-loading').count(), 0, 'the placeholder is gone');
    });

    app.test('text typed before the app starts is applied when it does', async (page) => {
      const release = holdWasm();
      await app.load(page);
      await page.locator(SEL.search).pressSequentially('rdma');
      assert.ok(await page.locator('#atlas-prerendered').count(), 'still the prerendered page');
      // Meanwhile the unfiltered results are not shown as the search's answer.
      assert.equal(await page.locator(`#atlas-prerendered ${SEL.count}`).isVisible(), false, 'the unfiltered count is hidden');
      release();
      await tookOver(page);
      await expectView(page, app.reference.matches('q=rdma'), 'the search typed early');
      assert.equal(await page.locator(SEL.search).inputValue(), 'rdma');
      await waitForUrl(page, (u) => u.searchParams.get('q') === 'rdma', 'the URL after the early search');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'search', 'focus stays in the box');
    });

    app.test('a filter clicked before the app starts is applied when it does', async (page) => {
      const release = holdWasm();
      await app.load(page);
      await page.locator(`#atlas-prerendered ${SEL.facet('category')} [data-value="networking"]`).click();
      // Meanwhile the prerendered, unfiltered results are not shown as the answer.
      assert.equal(await page.locator(`#atlas-prerendered ${SEL.count}`).isVisible(), false);
      release();
      await tookOver(page);
      await waitForUrl(page, (u) => u.searchParams.get('category') === 'networking', 'the early click');
      await expectView(page, app.reference.matches('category=networking'), 'the filter clicked early');
    });

    app.test('/?company=google never shows the unfiltered count as its result', async (page) => {
      const release = holdWasm();
      await app.load(page, '?company=google');
      // The prerendered root is there, but its results are hidden.
      await page.locator('#atlas-prerendered').waitFor({ state: 'attached' });
      assert.equal(await page.locator(`#atlas-prerendered ${SEL.count}`).isVisible(), false, 'the unfiltered count is hidden');
      release();
      await tookOver(page);
      await expectView(page, app.reference.matches('company=google'), 'Google\'s papers');
    });

    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      app.test(`the app takes over without moving the page (${viewport.width} px)`, async (page) => {
        const context = await page.context().browser().newContext({ viewport });
        try {
          const p = await context.newPage();
          await p.addInitScript(() => {
            window.__shift = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
            }).observe({ type: 'layout-shift', buffered: true });
          });
          await p.goto(app.server.url);
          await tookOver(p);
          await expectView(p, app.reference.matches(''), 'the root after the takeover');
          await p.waitForTimeout(300);
          const shift = await p.evaluate(() => window.__shift);
          assert.ok(shift <= 0.01, `cumulative layout shift ${shift}`);
        } finally {
          await context.close();
        }
      });
    }
  });
}

suite('pages as served', distFrom('ATLAS_DIST'), '/');
suite('pages as served under a sub-path', distFrom('ATLAS_DIST_SUBPATH'), '/atlas/');
