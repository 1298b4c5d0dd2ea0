// A catalog that cannot be loaded is reported to the user in an alert that
// names the problem; the page is never left blank.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe } from 'node:test';
import { SEL, distFrom, useApp } from './helpers.mjs';

/** The browser's own console line for a failed request, and nothing else. */
const failedRequest = (status) => new RegExp(`Failed to load resource.*\\b${status}\\b`);

describe('catalog errors', () => {
  const app = useApp();

  /** Loads the list and returns the text of the error alert. */
  async function shownError(page) {
    await app.open(page);
    const alert = page.locator(SEL.error);
    await alert.waitFor({ state: 'visible' });
    const text = (await alert.textContent()).trim();
    assert.ok(text.length > 0, 'the error alert is empty');
    return text;
  }

  app.test('invalid JSON names the line', async (page) => {
    app.server.override('catalog.json', { body: '{\n  "schema": 1,\n  "papers": [,]\n}\n' });
    assert.match(await shownError(page), /\bline\b/i);
  });

  app.test('a paper with an unknown venue names the paper and the field', async (page) => {
    const catalog = structuredClone(app.catalog);
    const paper = catalog.papers[3];
    paper.venue = 'no-such-venue';
    app.server.override('catalog.json', { body: JSON.stringify(catalog, null, 1) });
    const text = await shownError(page);
    assert.ok(text.includes(paper.id), `the error does not name paper ${paper.id}: ${text}`);
    assert.match(text, /venue/i);
  });

  for (const status of [404, 500]) {
    app.test(
      `HTTP ${status} for the catalog names the status`,
      { expectErrors: [failedRequest(status)] },
      async (page) => {
        app.server.override('catalog.json', { status, body: 'nope', type: 'text/plain' });
        assert.match(await shownError(page), new RegExp(`\\b${status}\\b`));
      },
    );
  }

  app.test('an empty catalog says it has no papers', async (page) => {
    const catalog = structuredClone(app.catalog);
    catalog.papers = [];
    app.server.override('catalog.json', { body: JSON.stringify(catalog) });
    assert.match(await shownError(page), /no papers/i);
  });

  app.test('wrong types name the paper and the field', async (page) => {
    const catalog = structuredClone(app.catalog);
    catalog.papers[7].year = '2021';
    app.server.override('catalog.json', { body: JSON.stringify(catalog) });
    const text = await shownError(page);
    assert.ok(text.includes(catalog.papers[7].id) && /year/.test(text), text);
  });

  app.test(
    'a network failure says so, and "try again" recovers once the network is back',
    { expectErrors: [/Failed to load resource|net::ERR/] },
    async (page) => {
      // The connection is cut for the catalog only: the page itself loads.
      app.server.override('catalog.json', (req) => req.socket.destroy());
      assert.match(await shownError(page), /could not download/i);
      app.server.clearOverrides();
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.locator(SEL.count).waitFor();
      assert.equal(await page.locator(SEL.error).count(), 0, 'the alert is gone');
    },
  );
});

describe('the app failing to start', () => {
  const dist = distFrom('ATLAS_DIST');
  const app = useApp({ dist });
  const file = (suffix) => readdirSync(dist).find((f) => f.endsWith(suffix));
  // The failed request, and the loader's uncaught error about it.
  const expectErrors = [failedRequest(404), /Wasm|WebAssembly|module script|dynamically imported/i];

  /** The text of the alert shown at `path` when `suffix`'s file answers 404. */
  async function alertWhenMissing(page, suffix, path) {
    app.server.override(file(suffix), { status: 404, body: 'gone', type: 'text/plain' });
    await app.load(page, path);
    const alert = page.locator(SEL.error);
    await alert.waitFor({ state: 'visible' });
    return (await alert.textContent()).trim();
  }

  app.test('the wasm not loading is said on a prerendered page, which still reads', { expectErrors }, async (page) => {
    assert.match(await alertWhenMissing(page, '_bg.wasm', ''), /could not start.*still reads/i);
    assert.ok(await page.locator(`#atlas-prerendered ${SEL.card}`).first().isVisible(), 'the prerendered cards');
    assert.match(await page.locator(`#atlas-prerendered ${SEL.count}`).textContent(), new RegExp(`^${app.catalog.papers.length} papers`));
    await page.locator(`${SEL.error} button`, { hasText: 'Reload' }).waitFor();
    // Nothing is held back any more for an app that will not come.
    await page.locator(`#atlas-prerendered ${SEL.search}`).pressSequentially('rdma');
    assert.ok(await page.locator(`#atlas-prerendered ${SEL.count}`).isVisible(), 'typing leaves the page readable');
  });

  app.test('a view asked for by its URL is not left hidden when the app cannot start', { expectErrors }, async (page) => {
    await alertWhenMissing(page, '_bg.wasm', '?company=google');
    assert.ok(await page.locator(`#atlas-prerendered ${SEL.count}`).isVisible(), 'the page reads, under the alert that says why it is not filtered');
  });

  app.test('the shell is not left blank when the wasm does not load', { expectErrors }, async (page) => {
    assert.match(await alertWhenMissing(page, '_bg.wasm', 'no/such/page'), /could not start/i);
    // The list of all papers is static HTML: it reads without the app.
    const list = await page.locator(`${SEL.error} a`).evaluate((a) => a.href);
    assert.equal(new URL(list).pathname, '/papers');
  });

  app.test('the shell is not left blank when the JS glue does not load', { expectErrors }, async (page) => {
    const js = readdirSync(dist).find((f) => /^systems-atlas-.*\.js$/.test(f));
    assert.ok(js, 'the glue file');
    assert.match(await alertWhenMissing(page, js, 'no/such/page'), /could not start/i);
  });
});
