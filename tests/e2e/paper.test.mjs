// A paper's own page (`paper/<id>`, SPEC.md §2): deep links, unknown ids, and
// the way there from the list and back.

import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { SEL, expectPaperPage, expectView, useApp, waitForUrl } from './helpers.mjs';

describe('paper page', () => {
  const app = useApp();
  const { papers } = app.catalog;

  for (const paper of [papers[0], papers[Math.floor(papers.length / 2)]]) {
    app.test(`a deep link to paper/${paper.id} shows its title`, async (page) => {
      await app.open(page, `paper/${paper.id}`);
      await expectPaperPage(page, paper);
    });
  }

  app.test('an unknown paper id shows a not-found message', async (page) => {
    await app.open(page, 'paper/no-such-paper-2099');
    const message = page.locator(SEL.notFound);
    await message.waitFor({ state: 'visible' });
    assert.match(await message.textContent(), /\S/, 'the not-found message is empty');
  });

  app.test("a card's link opens the paper, and back returns to the same list", async (page) => {
    const search = 'q=rdma&year=2021-';
    const list = await app.openView(page, search);
    assert.ok(list.ids.length > 0, `reference check: ?${search} lists no paper`);
    const paper = app.reference.paper(list.ids[0]);

    await page.locator(SEL.paperLink(paper.id)).first().click();
    await waitForUrl(
      page,
      (url) => url.pathname.endsWith(`/paper/${paper.id}`),
      'clicking the card link',
    );
    await expectPaperPage(page, paper);

    await page.goBack();
    await waitForUrl(page, (url) => url.search === `?${search}`, 'going back to the list');
    const back = await expectView(page, app.reference.matches(search), 'the list after going back');
    assert.deepEqual(back.ids, list.ids, 'the list after going back shows other cards');
  });
});
