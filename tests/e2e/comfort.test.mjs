// Everyday use (issue "Exploration"): exports, copy link, keyboard, "did you
// mean", related papers as filters, "back to results", the colour theme.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe } from 'node:test';
import { SEL, expectPaperPage, expectView, useApp, waitForUrl } from './helpers.mjs';

describe('everyday comfort', () => {
  const app = useApp();

  /** Downloads the current results in `format` (file extension); returns the text. */
  async function download(page, format) {
    const item = page.locator(`[data-testid="export"] [data-format="${format}"]`);
    if (!(await item.isVisible())) await page.locator('[data-testid="export"] summary').click();
    await item.waitFor({ state: 'visible' });
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      item.click(),
    ]);
    return readFileSync(await file.path(), 'utf8');
  }

  app.test('exports download every result of the view, in each format', async (page) => {
    const search = 'q=rdma&year=2021-';
    const expected = app.reference.matches(search);
    assert.ok(expected.length > 50 || expected.length > 1, 'the view has several papers');
    await app.openView(page, search);

    const json = JSON.parse(await download(page, 'json'));
    assert.deepEqual(json.map((p) => p.id).sort(), [...expected].sort());
    const bib = await download(page, 'bib');
    assert.equal((bib.match(/@inproceedings\{/g) ?? []).length, expected.length);
    const csv = await download(page, 'csv');
    assert.equal(csv.trimEnd().split('\r\n').length, expected.length + 1, 'a header and a row per paper');
    const md = await download(page, 'md');
    assert.equal(md.trimEnd().split('\n').filter((l) => l.startsWith('- ')).length, expected.length);
  });

  app.test('an export of the whole catalog holds all of it, not just the shown page', async (page) => {
    await app.openView(page);
    const json = JSON.parse(await download(page, 'json'));
    assert.equal(json.length, app.catalog.papers.length);
  });

  app.test('"copy link" puts the exact view on the clipboard', async (page) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.openView(page, 'company=google&year=2021-2023');
    await page.locator('[data-testid="copy-link"]').click();
    await page.locator('[data-testid="copy-link"]', { hasText: 'copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, page.url());
    assert.match(copied, /\?company=google&year=2021-2023$/);
  });

  app.test('"/" focuses the search box and Escape clears it', async (page) => {
    await app.openView(page);
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'search');
    await page.keyboard.type('rdma');
    await expectView(page, app.reference.matches('q=rdma'), 'after typing');
    await page.keyboard.press('Escape');
    await expectView(page, app.reference.matches(''), 'after Escape');
    assert.equal(new URL(page.url()).search, '');
  });

  app.test('a near-miss word offers "did you mean" without adding papers', async (page) => {
    await app.openView(page, 'q=shedulng');
    const suggestion = page.locator('.atlas-empty button', { hasText: 'scheduling' });
    await suggestion.waitFor();
    assert.equal(await page.locator(SEL.card).count(), 0, 'the misspelt search lists nothing');
    await suggestion.click();
    await waitForUrl(page, (url) => url.searchParams.get('q') === 'scheduling', 'taking the suggestion');
    await expectView(page, app.reference.matches('q=scheduling'), 'the suggested search');
  });

  app.test('an empty result offers to remove a filter', async (page) => {
    await app.openView(page, 'company=tencent&venue=sosp');
    const remove = page.locator('.atlas-empty button', { hasText: 'Remove' }).first();
    await remove.click();
    const url = await waitForUrl(page, (u) => u.search !== '?company=tencent&venue=sosp', 'removing a filter');
    const shown = await expectView(page, app.reference.matches(url.search), 'after removing a filter');
    assert.ok(shown.count > 0);
  });

  app.test('a related paper\'s reason applies its filter; "back to results" keeps the view', async (page) => {
    const list = await app.openView(page, 'q=rdma');
    const paper = app.reference.paper(list.ids[0]);
    await page.locator(SEL.paperLink(paper.id)).first().click();
    await expectPaperPage(page, paper);
    const back = page.locator('a', { hasText: 'Back to results' });
    assert.match(await back.getAttribute('href'), /\?q=rdma$/);

    const reason = page.locator('.atlas-related__reasons a[href*="tag="]').first();
    const href = await reason.getAttribute('href');
    await reason.click();
    const url = await waitForUrl(page, (u) => u.search.includes('tag='), 'clicking a related reason');
    assert.ok(href.endsWith(url.search), `${href} is the view opened`);
    await expectView(page, app.reference.matches(url.search), 'the related reason as a filter');
  });

  app.test('the theme toggle switches to dark and is remembered', async (page) => {
    await app.openView(page);
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    const toggle = page.locator('.atlas-header__theme');
    await toggle.click(); // system → light
    assert.equal(await theme(), 'light');
    await toggle.click(); // light → dark
    assert.equal(await theme(), 'dark');
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.equal(background, 'rgb(18, 20, 22)', 'the dark palette applies');
    await page.reload();
    await expectView(page, app.reference.matches(''), 'after reload');
    assert.equal(await theme(), 'dark', 'remembered across reloads');
  });

  app.test('the document title names the view', async (page) => {
    await app.openView(page, 'company=google&year=2021');
    await page.waitForFunction(() => document.title.includes('Google'));
    assert.match(await page.title(), /Google · 2021 — Systems Atlas/);
  });
});
