// The explorer list: all papers by default, search as you type, and every view
// of SPEC.md §2 restored from its URL with the reference's count.

import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { SEL, assertNewestFirstPrefix, expectView, useApp, waitForUrl } from './helpers.mjs';

/**
 * URL views and what the reference must make of them, so that a view never
 * tests nothing: `narrows` (some papers but not all), `all`, `none`.
 */
const VIEWS = [
  ['q=rdma', 'narrows'],
  ['q=RDMA+storage', 'narrows'], // terms AND, case-insensitive
  ['q=goog', 'narrows'], // a prefix of a company name
  ['q=nsdi', 'narrows'], // a venue name
  ['q=load', 'narrows'], // prefixes only: not "workload"
  ['q=tion', 'none'], // a suffix matches no word
  ['category=networking', 'narrows'],
  ['category=networking,storage', 'narrows'], // OR within a facet
  ['company=google,microsoft', 'narrows'],
  ['venue=nsdi,sigcomm', 'narrows'],
  ['tag=gpu,training', 'narrows'], // AND within tags
  ['year=2022', 'narrows'],
  ['year=2021-2023', 'narrows'],
  ['year=2023-', 'narrows'],
  ['year=-2021', 'narrows'],
  ['company=google&year=2021', 'narrows'], // AND across facets
  ['q=cach&category=storage&year=2020-2022&sort=title', 'narrows'],
  ['company=nope', 'all'], // an unknown id is dropped
  ['company=google,nope', 'narrows'],
  ['year=abc', 'all'], // an invalid value is dropped
  ['year=abc&category=networking', 'narrows'],
];

describe('explorer', () => {
  const app = useApp();
  const total = app.catalog.papers.length;

  app.test('lists every paper, newest first, without filters', async (page) => {
    const expected = app.reference.matches('');
    assert.equal(expected.length, total);
    const { ids } = await app.openView(page, '');
    assertNewestFirstPrefix(ids, expected, app.reference);
  });

  app.test('typing in the search box narrows the list and replaces the URL', async (page) => {
    await app.openView(page, '');
    const historyBefore = await page.evaluate(() => history.length);

    await page.locator(SEL.search).pressSequentially('rdma', { delay: 60 });
    const typed = await expectView(page, app.reference.matches('q=rdma'), 'after typing "rdma"');
    await waitForUrl(page, (url) => url.searchParams.get('q') === 'rdma', 'typing "rdma"');

    const added = (await page.evaluate(() => history.length)) - historyBefore;
    assert.ok(added <= 1, `typing four letters added ${added} history entries`);

    // The same view opened from its URL shows the same papers in the same order.
    const opened = await app.openView(page, 'q=rdma');
    assert.deepEqual(opened.ids, typed.ids, 'cards of ?q=rdma opened vs typed');
    assert.equal(
      await page.locator(SEL.search).inputValue(),
      'rdma',
      'the search box shows the URL text',
    );
  });

  for (const [search, kind] of VIEWS) {
    app.test(`?${search} shows the reference's papers`, async (page) => {
      const expected = app.reference.matches(search);
      const n = expected.length;
      const sane = { narrows: n > 0 && n < total, all: n === total, none: n === 0 }[kind];
      assert.ok(sane, `reference check: ?${search} gives ${n} of ${total}, expected ${kind}`);
      await app.openView(page, search);
    });
  }

  app.test('the list grows as it is scrolled, by "show more", and fills a tall window', async (page) => {
    const cards = () => page.locator(SEL.card).count();
    const more = page.locator('.atlas-results__more');
    await app.openView(page, '');
    const first = await cards();
    assert.ok(first > 0 && first < total, `${first} cards at first, of ${total}`);
    assert.match(await more.textContent(), new RegExp(`${first} of ${total} shown`));

    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="paper-card"]').length > n, first);
    const clicked = await cards();

    // Scrolling to the end of the list loads the next page by itself.
    await page.locator(SEL.card).last().scrollIntoViewIfNeeded();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="paper-card"]').length > n, clicked);

    // A window taller than a page keeps loading until the list's end is
    // more than a screen below it (or every paper is shown).
    await page.setViewportSize({ width: 1280, height: 8000 });
    await app.openView(page, '');
    await page
      .waitForFunction(() => {
        const end = document.querySelector('.atlas-results__sentinel').getBoundingClientRect().top;
        return !document.querySelector('.atlas-results__more') || end > 2 * innerHeight;
      })
      .catch(async () =>
        assert.fail(`an 8000 px window stopped at ${await cards()} cards with the list's end in view`),
      );
    assert.ok((await cards()) > 2 * first, `an 8000 px window shows ${await cards()} cards`);
  });

  app.test('a mangled URL still renders the list and says what it ignored', async (page) => {
    await app.openView(page, 'year=abc&company=nope&%%%');
    const notice = await page.locator('[data-testid="ignored"]').textContent();
    assert.match(notice, /year=abc/);
    assert.match(notice, /company=nope/);
  });

  app.test('the search box is a labelled search field', async (page) => {
    await app.open(page);
    const box = page.locator(SEL.search);
    await box.waitFor();
    const field = await box.evaluate((input) => {
      const text = (el) => el?.textContent.trim() ?? '';
      const labelledBy = (input.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .map((id) => text(document.getElementById(id)))
        .join(' ');
      return {
        type: input.type,
        // A placeholder alone is no label: it disappears while typing.
        label:
          [...input.labels].map(text).join(' ') || input.getAttribute('aria-label') || labelledBy,
      };
    });
    assert.equal(field.type, 'search');
    assert.match(field.label.trim(), /\S/, 'the search box has no label');
  });
});
