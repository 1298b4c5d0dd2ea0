// The app under a sub-path, as GitHub Pages serves a project site: a build
// made with `--public-url /atlas/`, served under /atlas/ with 404.html
// answering deep links. Nothing may load from outside /atlas/.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { SEL, distFrom, expectPaperPage, paramList, useApp, waitForUrl } from './helpers.mjs';

const BASE = '/atlas/';
// Fails the file (never skips it) when the runner did not build the sub-path app.
const dist = distFrom(
  'ATLAS_DIST_SUBPATH',
  'a release build made with `trunk build --release --public-url /atlas/` (and its 404.html)',
);

describe('under a sub-path', () => {
  const app = useApp({ dist, base: BASE });

  test('the build has a 404.html, which GitHub Pages serves for deep links', () => {
    assert.ok(existsSync(join(dist, '404.html')), `${dist}/404.html is missing`);
  });

  /** A test that also fails when the page requested anything outside the base. */
  function subpathTest(name, body) {
    app.test(name, async (page) => {
      const first = app.server.requests.length;
      await body(page);
      const outside = app.server.requests.slice(first).filter((path) => !path.startsWith(BASE));
      // (Chromium asks for /favicon.ico when index.html declares no icon.)
      assert.deepEqual(outside, [], `requests outside ${BASE}`);
    });
  }

  subpathTest('the list renders at /atlas/', async (page) => {
    const { count } = await app.openView(page, '');
    assert.equal(count, app.catalog.papers.length);
  });

  subpathTest(
    '/atlas/?category=networking filters, and a click stays under /atlas/',
    async (page) => {
      await app.openView(page, 'category=networking');
      const id = app.catalog.categories.find((c) => c.id !== 'networking').id;
      const url = await app.clickTo(
        page,
        `${SEL.facet('category')} [data-value="${id}"]`,
        (url) => paramList(url, 'category').includes(id),
        `category ${id}`,
      );
      assert.equal(url.pathname, BASE);
    },
  );

  subpathTest('a deep link to /atlas/paper/<id> renders the paper', async (page) => {
    const paper = app.catalog.papers.at(-1);
    await app.open(page, `paper/${paper.id}`);
    await expectPaperPage(page, paper);
  });

  subpathTest("a card's link leads to /atlas/paper/<id>", async (page) => {
    const { ids } = await app.openView(page, '');
    const paper = app.reference.paper(ids[0]);
    await page.locator(SEL.paperLink(paper.id)).first().click();
    await waitForUrl(
      page,
      (url) => url.pathname === `${BASE}paper/${paper.id}`,
      'clicking the card link',
    );
    await expectPaperPage(page, paper);
  });
});
