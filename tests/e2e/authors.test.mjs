// Authors (issue "The whole field"): on cards and paper pages, searchable,
// and `?author=<name>` as a filter that shows as a chip and combines with
// the others (SPEC.md §2–§4).

import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { SEL, expectPaperPage, expectView, useApp, waitForUrl } from './helpers.mjs';

describe('authors', () => {
  const app = useApp();
  const { papers } = app.catalog;
  const withMany = papers.find((p) => (p.authors ?? []).length > 3);
  // Someone with several papers, so that a filter narrows to more than one.
  const counts = new Map();
  for (const p of papers) for (const a of p.authors ?? []) counts.set(a, (counts.get(a) ?? 0) + 1);
  const [prolific] = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];

  const authorsOf = (page, scope) =>
    page.locator(`${scope} [data-testid="author"]`).evaluateAll((els) =>
      els.map((el) => ({ name: el.dataset.author, text: el.textContent, href: el.getAttribute('href') })),
    );

  app.test('a card names the first three authors, then "et al.", each a link to their papers', async (page) => {
    assert.ok(withMany, 'the catalog has a paper with more than three authors');
    await app.openView(page, `q=${encodeURIComponent(withMany.title.split(/\W+/).slice(0, 4).join(' '))}`);
    const card = `${SEL.card}[data-paper-id="${withMany.id}"]`;
    const shown = await authorsOf(page, card);
    assert.deepEqual(shown.map((a) => a.name), withMany.authors.slice(0, 3));
    assert.deepEqual(shown.map((a) => a.text), withMany.authors.slice(0, 3));
    for (const a of shown) {
      const url = new URL(a.href, app.server.url);
      assert.equal(url.searchParams.get('author'), a.name, `${a.href} names ${a.name}`);
    }
    assert.match(await page.locator(`${card} .atlas-card__authors`).textContent(), /et al\.$/);
  });

  app.test("clicking an author lists exactly that person's papers, as a removable chip", async (page) => {
    const paper = papers.find((p) => (p.authors ?? []).includes(prolific));
    await app.openView(page, `q=${encodeURIComponent(paper.title.split(/\W+/).slice(0, 4).join(' '))}`);
    const link = page.locator(`${SEL.card}[data-paper-id="${paper.id}"] [data-testid="author"][data-author="${prolific}"]`);
    if (await link.count()) {
      await link.click();
    } else {
      // Beyond the first three on the card: follow the paper page's link.
      await app.open(page, `paper/${paper.id}`);
      await page.locator(`[data-testid="author"][data-author="${prolific}"]`).click();
    }
    const url = await waitForUrl(page, (u) => u.searchParams.get('author') === prolific, `clicking ${prolific}`);
    assert.equal(url.search, `?author=${encodeURIComponent(prolific).replace(/%20/g, '+')}`, 'only the author');
    const expected = papers.filter((p) => (p.authors ?? []).includes(prolific)).map((p) => p.id);
    assert.ok(expected.length >= 2, `${prolific} has several papers`);
    const view = await expectView(page, app.reference.matches(url.search), `the papers of ${prolific}`);
    assert.equal(view.count, expected.length);

    const chip = page.locator('.atlas-chips button', { hasText: `Author: ${prolific}` });
    await chip.click();
    await waitForUrl(page, (u) => !u.searchParams.has('author'), 'removing the author chip');
    await expectView(page, app.reference.matches(''), 'every paper again');
  });

  app.test('an author filter combines with every other filter, and a name matches without case', async (page) => {
    const paper = papers.find((p) => (p.authors ?? []).includes(prolific));
    const name = encodeURIComponent(prolific.toUpperCase()).replace(/%20/g, '+');
    for (const search of [
      `author=${name}`,
      `company=${paper.companies[0]}&author=${name}`,
      `year=${paper.year}&author=${name}`,
      `tag=${paper.tags[0]}&author=${name}`,
      `q=${encodeURIComponent(paper.title.split(/\W+/)[0])}&author=${name}`,
      `author=${name},No+Such+Person`,
    ]) {
      const view = await app.openView(page, search);
      assert.ok(view.count >= 1, `?${search} lists ${paper.id}`);
      assert.ok(view.ids.length === 0 || view.ids.every((id) => app.reference.paper(id).authors.includes(prolific)));
    }
    // The unknown name is said to be ignored; the rest applies.
    assert.match(await page.locator('[data-testid="ignored"]').textContent(), /No Such Person/);
  });

  app.test("searching a family name finds that person's papers, ranked with the title hits first", async (page) => {
    const family = prolific.split(' ').at(-1);
    const view = await app.openView(page, `q=${encodeURIComponent(family)}`);
    const mine = papers.filter((p) => (p.authors ?? []).includes(prolific)).map((p) => p.id);
    const matching = app.reference.matches(`q=${encodeURIComponent(family)}`);
    assert.equal(view.count, matching.length);
    for (const id of mine) assert.ok(matching.includes(id), `q=${family} finds ${id}`);
  });

  app.test('a paper page lists every author and cites them in its BibTeX entry', async (page) => {
    await app.open(page, `paper/${withMany.id}`);
    await expectPaperPage(page, withMany);
    const shown = await authorsOf(page, '.atlas-paper__authors');
    assert.deepEqual(shown.map((a) => a.name), withMany.authors);
    const bib = await page.locator('[data-testid="bibtex"]').textContent();
    const line = bib.split('\n').find((l) => l.trim().startsWith('author = {'));
    assert.ok(line, `an author field in\n${bib}`);
    assert.equal(line.split(' and ').length, withMany.authors.length, line);
    assert.match(bib, /^@inproceedings\{[A-Z][A-Za-z]+:[A-Z]+\d{2},/, 'a dblp-style key');
  });
});
