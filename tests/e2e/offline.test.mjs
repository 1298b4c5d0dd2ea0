// Offline and updates (issue "Offline and GitHub Pages"): once the service
// worker controls the page, the app keeps working with the server gone, at
// the site root and under a sub-path; a changed build offers a reload; and
// without a service worker the app still runs.

import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { distFrom, expectPaperPage, expectView, SEL, useApp } from './helpers.mjs';

/** Waits until a service worker controls the page (it claims on activation). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
}

/** The network to the app is really gone: a fetch of an uncached file fails. */
async function assertOffline(page) {
  const outcome = await page.evaluate(() =>
    fetch(`not-cached-${Date.now()}.txt`).then(
      () => 'online',
      () => 'offline',
    ),
  );
  assert.equal(outcome, 'offline', 'the server is unreachable');
}

/** Tests of one build served under `base`. */
function offlineSuite(name, dist, base) {
  describe(name, () => {
    const app = useApp({ dist, base });
    // The failed requests while the server is down are expected.
    const offlineErrors = [/Failed to load resource/, /ERR_CONNECTION|ERR_EMPTY_RESPONSE|net::/];

    app.test('the root view, a filtered view and a paper page render offline', { expectErrors: offlineErrors }, async (page) => {
      await app.openView(page);
      await controlled(page);
      const paper = app.catalog.papers[3];
      app.server.setDown(true);
      try {
        await assertOffline(page);
        await page.reload();
        await expectView(page, app.reference.matches(''), 'the list offline');
        await app.open(page, '?company=google&year=2021-');
        await expectView(page, app.reference.matches('?company=google&year=2021-'), 'a filtered view offline');
        await app.open(page, `paper/${paper.id}`);
        await expectPaperPage(page, paper);
      } finally {
        app.server.setDown(false);
      }
      const outside = app.server.requests.filter((r) => !r.startsWith(base));
      assert.deepEqual(outside, [], `no request leaves ${base}`);
    });

    // The worker's first install downloads the whole build, catalog
    // included: registered earlier, it shared a slow link with the
    // catalog's own download.
    app.test('the service worker is registered once the catalog has loaded', async (page) => {
      const from = app.server.requests.length;
      await app.openView(page);
      await controlled(page);
      const requests = app.server.requests.slice(from).map((r) => r.split('?')[0]);
      const catalog = requests.indexOf(`${base}catalog.json`);
      const worker = requests.indexOf(`${base}sw.js`);
      assert.ok(catalog >= 0 && worker >= 0, `both requested: ${requests.join(' ')}`);
      assert.ok(catalog < worker, `the catalog before the worker: ${requests.join(' ')}`);
    });
  });
}

offlineSuite('offline at the site root', distFrom('ATLAS_DIST'), '/');
offlineSuite('offline under a sub-path', distFrom('ATLAS_DIST_SUBPATH', 'a build with --public-url /atlas/'), '/atlas/');

describe('updates', () => {
  const app = useApp();

  app.test('a changed build offers "new version — reload" and the reload switches to it', async (page) => {
    await app.openView(page);
    await controlled(page);
    // A second build: its sw.js differs (new content version).
    const { readFileSync } = await import('node:fs');
    const sw = readFileSync(`${process.env.ATLAS_DIST}/sw.js`, 'utf8');
    const changed = sw.replace(/const VERSION = "([0-9a-f]+)"/, (_, v) => `const VERSION = "${v}-next"`);
    assert.notEqual(changed, sw, 'the build has a content version to change');
    app.server.override('sw.js', { body: changed, type: 'text/javascript' });

    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const prompt = page.locator('[data-testid="update-ready"]');
    await prompt.waitFor({ state: 'visible' });
    assert.match(await prompt.textContent(), /new version/i);

    await Promise.all([page.waitForEvent('load'), prompt.locator('button').click()]);
    await expectView(page, app.reference.matches(''), 'the list after the update');
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.filter((k) => k.startsWith('atlas-')).length, 1, `old caches deleted: ${caches}`);
    assert.ok(caches[0].endsWith('-next'), `the new version's cache is in use: ${caches}`);
  });
});

describe('without a service worker', () => {
  const app = useApp();

  app.test('the app runs normally when service workers are blocked', async (page) => {
    const context = await page.context().browser().newContext({ serviceWorkers: 'block' });
    try {
      const blocked = await context.newPage();
      const errors = [];
      blocked.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await app.open(blocked);
      await expectView(blocked, app.reference.matches(''), 'the list without a service worker');
      await blocked.fill(SEL.search, 'rdma');
      await expectView(blocked, app.reference.matches('?q=rdma'), 'a search without a service worker');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
