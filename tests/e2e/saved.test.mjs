// The reading list (issue "A reading list that stays", SPEC.md §2, §4, §6):
// save and unsave, reloads and offline, other tabs, the saved page and its
// exports, shared lists (`?paper=`), "new since your last visit"
// (`?since=`), and a stored value that is not ours.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe } from 'node:test';
import { SEL, expectPaperPage, expectView, useApp, waitForUrl } from './helpers.mjs';

const KEY = 'atlas-saved';
const VISITS = 'atlas-visits';

describe('reading list', () => {
  const app = useApp();
  const { papers } = app.catalog;

  const badge = '[data-testid="saved-link"] [data-testid="saved-count-badge"]';
  const savedCount = (page) => page.locator(badge).textContent().then(Number);
  const stored = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), KEY);
  const save = (page, id) => page.locator(`${SEL.card}[data-paper-id="${id}"] [data-testid="save"]`).click();
  const pressed = (page, id) =>
    page.locator(`${SEL.card}[data-paper-id="${id}"] [data-testid="save"]`).getAttribute('aria-pressed');

  /** Waits until the saved link counts `n`. */
  async function expectSaved(page, n, what) {
    await page
      .waitForFunction(({ badge, n }) => document.querySelector(badge)?.textContent === String(n), { badge, n })
      .catch(async () => assert.fail(`${what}: the saved link says ${await page.locator('[data-testid="saved-link"]').textContent()}`));
  }

  app.test('two saved papers survive a reload, and unsaving one is undone from the saved page', async (page) => {
    const list = await app.openView(page);
    const [a, b] = list.ids;
    assert.equal(await savedCount(page), 0);
    assert.equal(await pressed(page, a), 'false');
    await save(page, a);
    // The keyboard works too: focus and Space.
    await page.locator(`${SEL.card}[data-paper-id="${b}"] [data-testid="save"]`).focus();
    await page.keyboard.press(' ');
    await expectSaved(page, 2, 'after saving two');
    assert.equal(await pressed(page, a), 'true');
    assert.deepEqual((await stored(page)).papers.map((p) => p.id), [a, b]);

    await page.reload();
    await expectView(page, app.reference.matches(''), 'after the reload');
    await expectSaved(page, 2, 'after the reload');
    assert.equal(await pressed(page, b), 'true');

    await page.locator('[data-testid="saved-link"]').click();
    await waitForUrl(page, (u) => u.pathname.endsWith('/saved'), 'the saved link');
    // The last saved first.
    await page.locator(SEL.card).first().waitFor();
    assert.deepEqual(await page.locator(SEL.card).evaluateAll((cs) => cs.map((c) => c.dataset.paperId)), [b, a]);
    await save(page, b);
    await page.locator('[data-testid="undo"]').waitFor();
    assert.deepEqual(await page.locator(SEL.card).evaluateAll((cs) => cs.map((c) => c.dataset.paperId)), [a]);
    await page.locator('[data-testid="undo-remove"]').click();
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, SEL.card);
    assert.deepEqual((await stored(page)).papers.map((p) => p.id), [a, b], 'back in its place');

    // Clear all asks first.
    await page.locator('[data-testid="clear-saved"]').click();
    assert.equal(await page.locator(SEL.card).count(), 2, 'nothing removed before the confirmation');
    await page.locator('[data-testid="confirm-clear"]').click();
    await expectSaved(page, 0, 'after clearing');
    assert.match(await page.locator('[data-testid="saved-count"]').textContent(), /No saved papers/);
  });

  app.test('saved papers are still there after a reload offline', { expectErrors: [/Failed to load resource/, /ERR_CONNECTION|ERR_EMPTY_RESPONSE|net::/] }, async (page) => {
    const [a, b] = (await app.openView(page)).ids;
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
    await save(page, a);
    await save(page, b);
    await expectSaved(page, 2, 'after saving two');
    app.server.setDown(true);
    try {
      await page.reload();
      await expectView(page, app.reference.matches(''), 'the list offline');
      await expectSaved(page, 2, 'offline');
      await app.open(page, 'saved');
      await page.locator(SEL.card).nth(1).waitFor();
      assert.deepEqual(await page.locator(SEL.card).evaluateAll((cs) => cs.map((c) => c.dataset.paperId)), [b, a]);
    } finally {
      app.server.setDown(false);
    }
  });

  app.test('a second tab follows at once', async (page) => {
    const other = await page.context().newPage();
    await app.openView(page);
    await app.open(other, 'saved');
    await other.locator('[data-testid="saved-count"]').waitFor();
    const [id] = (await app.openView(page)).ids;
    await save(page, id);
    await expectSaved(other, 1, 'the other tab');
    await other.locator(`${SEL.card}[data-paper-id="${id}"]`).waitFor();
    await save(page, id);
    await expectSaved(other, 0, 'the other tab after unsaving');
  });

  app.test('the saved page exports exactly its papers and shares them as a ?paper= link', async (page) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const ids = [papers[5].id, papers[40].id, papers[200].id];
    await app.open(page);
    await page.evaluate(({ key, ids }) => localStorage.setItem(key, JSON.stringify({ version: 1, papers: ids.map((id, i) => ({ id, saved: i })) })), { key: KEY, ids });
    await app.open(page, 'saved');
    await page.locator(SEL.card).nth(2).waitFor();
    const download = async (format) => {
      const item = page.locator(`[data-testid="export"] [data-format="${format}"]`);
      if (!(await item.isVisible())) await page.locator('[data-testid="export"] summary').click();
      const [file] = await Promise.all([page.waitForEvent('download'), item.click()]);
      return readFileSync(await file.path(), 'utf8');
    };
    const newestFirst = [...ids].reverse();
    assert.deepEqual(JSON.parse(await download('json')).map((p) => p.id), newestFirst);
    assert.equal((await download('bib')).match(/@inproceedings\{/g).length, 3);
    assert.equal((await download('csv')).trimEnd().split('\r\n').length, 4);
    assert.equal((await download('md')).trimEnd().split('\n').length, 3);

    await page.locator('[data-testid="copy-list-link"]').click();
    await page.locator('[data-testid="copy-list-link"]', { hasText: 'copied' }).waitFor();
    const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    assert.deepEqual(link.searchParams.get('paper').split(','), newestFirst);
    // The link shows exactly those papers, says so, and saves them all.
    const other = await page.context().browser().newContext();
    try {
      const fresh = await other.newPage();
      await fresh.goto(link.href);
      const view = await expectView(fresh, app.reference.matches(link.search), 'the shared link');
      assert.equal(view.count, 3);
      assert.match(await fresh.locator('[data-testid="shared-list"]').textContent(), /A shared list of 3 papers/);
      await fresh.locator('[data-testid="save-all"]').click();
      await expectSaved(fresh, 3, 'after "Save all"');
      assert.equal(await fresh.locator('[data-testid="save-all"]').textContent(), 'All saved');
    } finally {
      await other.close();
    }
  });

  app.test('?paper= lists exactly its papers, combines with filters, and drops unknown ids', async (page) => {
    const a = papers.find((p) => p.year === 2021);
    const b = papers.find((p) => p.year === 2024);
    for (const search of [
      `paper=${a.id},${b.id}`,
      `paper=${a.id},${b.id}&year=2021`,
      `paper=${a.id},no-such-paper-99`,
      `paper=${b.id}&q=${encodeURIComponent(b.title.split(/\W+/)[0])}`,
    ]) {
      const view = await app.openView(page, search);
      assert.deepEqual([...view.ids].sort(), [...app.reference.matches(search)].sort(), search);
    }
    await app.openView(page, `paper=${a.id},no-such-paper-99`);
    assert.match(await page.locator('[data-testid="ignored"]').textContent(), /no-such-paper-99/);
    // The chip removes the list.
    await page.locator('.atlas-chips button', { hasText: 'Shared list' }).click();
    await waitForUrl(page, (u) => !u.searchParams.has('paper'), 'removing the shared list');
    await expectView(page, app.reference.matches(''), 'every paper again');
  });

  app.test('?since= counts what SPEC.md says, and a returning visitor is told what is new', async (page) => {
    const days = [...new Set(papers.map((p) => p.added))].sort();
    assert.ok(days.length >= 2, `papers were added on several days: ${days}`);
    for (const since of [days[0], days.at(-1), '2030-01-01', `${days.at(-1)}&company=google`]) {
      const search = `since=${since}`;
      const view = await app.openView(page, search);
      assert.equal(view.count, app.reference.matches(search).length, search);
    }
    await page.locator('.atlas-chips button', { hasText: 'Added since' }).waitFor();

    // The last visit was the day before the newest papers came.
    const [y, m, d] = days.at(-1).split('-').map(Number);
    const before = new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
    await page.evaluate(({ key, before }) => localStorage.setItem(key, JSON.stringify({ current: before, previous: null })), { key: VISITS, before });
    await app.openView(page);
    const fresh = papers.filter((p) => p.added > before);
    const notice = page.locator('[data-testid="new-since"]');
    await notice.waitFor();
    assert.match(await notice.textContent(), new RegExp(`^${fresh.length} papers? (was|were) added since your last visit on ${before}`));
    const newOnCards = await page.locator(`${SEL.card}:has([data-testid="new-badge"])`).evaluateAll((cs) => cs.map((c) => c.dataset.paperId));
    assert.ok(newOnCards.length > 0 && newOnCards.every((id) => app.reference.paper(id).added > before), 'New badges');
    await notice.getByRole('link').click();
    const url = await waitForUrl(page, (u) => u.searchParams.has('since'), 'the notice link');
    await expectView(page, app.reference.matches(url.search), 'the new papers');
    assert.equal((await expectView(page, fresh.map((p) => p.id), 'the new papers')).count, fresh.length);
    // Dismissed, it stays away on reload; the badges stay.
    await page.locator('[data-testid="new-since"] button').click();
    await page.reload();
    await expectView(page, app.reference.matches(url.search), 'after the reload');
    assert.equal(await notice.count(), 0, 'the dismissed notice is gone');
    assert.ok((await page.locator('[data-testid="new-badge"]').count()) > 0);
  });

  app.test('a forged or corrupt stored list leaves the app working, set aside with a notice', async (page) => {
    for (const [forged, kind] of [['{"version": 1, "papers": "<img src=x onerror=alert(1)>"}', 'not a list'], ['{oops', 'not valid JSON']]) {
      await app.open(page);
      await page.evaluate(({ key, forged }) => {
        localStorage.clear();
        localStorage.setItem(key, forged);
      }, { key: KEY, forged });
      await app.openView(page);
      const notice = page.locator('[data-testid="storage-notice"]');
      await notice.waitFor();
      assert.match(await notice.textContent(), new RegExp(kind === 'not a list' ? 'not a list this version can read' : 'not valid JSON'));
      assert.match(await notice.textContent(), /atlas-saved\.set-aside/);
      // Kept, not overwritten; the app saves into a fresh list.
      const aside = await page.evaluate(() => localStorage.getItem('atlas-saved.set-aside'));
      assert.equal(aside, forged);
      assert.equal(await page.locator('img[src="x"]').count(), 0, 'stored text is never markup');
      const [id] = (await expectView(page, app.reference.matches(''), 'the list')).ids;
      await save(page, id);
      await expectSaved(page, 1, 'saving after the notice');
      assert.equal(await page.evaluate(() => localStorage.getItem('atlas-saved.set-aside')), forged, 'still kept');
    }
  });

  app.test('a paper page saves too, and a saved id the catalog lacks is kept and shown as such', async (page) => {
    const paper = papers[7];
    await app.open(page, `paper/${paper.id}`);
    await expectPaperPage(page, paper);
    await page.locator('[data-testid="save"]').click();
    await expectSaved(page, 1, 'saved from the paper page');
    assert.equal(await page.locator('[data-testid="save"]').getAttribute('aria-pressed'), 'true');
    await page.evaluate((key) => {
      const list = JSON.parse(localStorage.getItem(key));
      list.papers.push({ id: 'withdrawn-nsdi99', saved: Date.now() });
      localStorage.setItem(key, JSON.stringify(list));
    }, KEY);
    await app.open(page, 'saved');
    const missing = page.locator('[data-testid="saved-missing"][data-paper-id="withdrawn-nsdi99"]');
    await missing.waitFor();
    assert.match(await missing.textContent(), /not in this catalog/);
    assert.equal(await page.locator(SEL.card).count(), 1, 'the saved paper that the catalog has');
    await expectSaved(page, 2, 'both count');
  });
});
