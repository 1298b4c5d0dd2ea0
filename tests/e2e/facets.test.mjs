// Clicks that filter: facet options, the tag cloud and both charts. Each click
// must land in the URL (a new history entry) and show the reference's papers
// for the URL it produced.

import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { SEL, expectView, paramList, useApp, waitForUrl } from './helpers.mjs';

describe('facets and charts', () => {
  const app = useApp();
  const ref = app.reference;

  /** The values of `attribute` on the visible elements of `selector`, in page order. */
  const valuesOf = (page, selector, attribute) =>
    page
      .locator(selector)
      .filter({ visible: true })
      .evaluateAll((els, attr) => [...new Set(els.map((el) => el.getAttribute(attr)))], attribute);

  /** Of `ids`, the one that gives most papers when added to `search` (never none or all). */
  function bestOption(search, param, ids) {
    const base = ref.matches(search).length;
    const scored = ids
      .map((id) => [id, ref.matches(`${search}&${param}=${id}`).length])
      .filter(([, n]) => n > 0 && n < base)
      .sort((a, b) => b[1] - a[1]);
    assert.ok(scored.length > 0, `no ${param} option narrows ?${search}`);
    return scored[0][0];
  }

  app.test('category options filter with OR, keep the view, and back undoes them', async (page) => {
    const start = 'year=2021-';
    const before = await app.openView(page, start);
    const facet = SEL.facet('category');
    const ids = app.catalog.categories.map((c) => c.id);

    const first = bestOption(start, 'category', ids);
    const one = await app.clickTo(
      page,
      `${facet} [data-value="${first}"]`,
      (url) => paramList(url, 'category').includes(first),
      `category ${first}`,
    );
    assert.equal(one.searchParams.get('year'), '2021-', 'the click dropped the year range');

    const second = bestOption(
      start,
      'category',
      ids.filter((id) => id !== first),
    );
    const two = await app.clickTo(
      page,
      `${facet} [data-value="${second}"]`,
      (url) => paramList(url, 'category').includes(second),
      `category ${second}`,
    );
    assert.deepEqual(paramList(two, 'category').sort(), [first, second].sort());

    await page.goBack();
    await waitForUrl(page, (url) => url.search === one.search, 'going back once');
    await expectView(page, ref.matches(one.search), 'back to one category');
    await page.goBack();
    await waitForUrl(page, (url) => url.search === `?${start}`, 'going back twice');
    const restored = await expectView(page, ref.matches(start), 'back to the start');
    assert.equal(restored.count, before.count);
  });

  app.test('tags in the cloud filter with AND', async (page) => {
    await app.openView(page, '');
    const cloud = `${SEL.tagCloud} [data-tag]`;
    const first = bestOption('', 'tag', await valuesOf(page, cloud, 'data-tag'));
    const one = await app.clickTo(
      page,
      `${SEL.tagCloud} [data-tag="${first}"]`,
      (url) => paramList(url, 'tag').includes(first),
      `tag ${first}`,
    );

    // A second tag from the cloud as it is now; both must apply.
    const others = (await valuesOf(page, cloud, 'data-tag')).filter((t) => t !== first);
    const second =
      others.find((t) => ref.matches(`${one.search}&tag=${t}`).length > 0) ?? others[0];
    assert.ok(second, 'the tag cloud offers no second tag');
    const two = await app.clickTo(
      page,
      `${SEL.tagCloud} [data-tag="${second}"]`,
      (url) => paramList(url, 'tag').includes(second),
      `tag ${second}`,
    );
    assert.deepEqual(paramList(two, 'tag').sort(), [first, second].sort());
  });

  app.test('a year bar of the timeline selects that year', async (page) => {
    await app.openView(page, '');
    const bars = `${SEL.timeline} [data-year]`;
    const years = (await valuesOf(page, bars, 'data-year')).filter(
      (y) => ref.matches(`year=${y}`).length > 0,
    );
    assert.ok(years.length > 1, `the timeline shows years ${years.join(', ')}`);
    const year = years[Math.floor(years.length / 2)];
    await app.clickTo(
      page,
      `${SEL.timeline} [data-year="${year}"]`,
      (url) => url.searchParams.get('year') === year,
      `the ${year} bar`,
    );
  });

  app.test('a company bar selects that company', async (page) => {
    await app.openView(page, '');
    const bars = `${SEL.companyChart} [data-company]`;
    const company = bestOption('', 'company', await valuesOf(page, bars, 'data-company'));
    await app.clickTo(
      page,
      `${SEL.companyChart} [data-company="${company}"]`,
      (url) => paramList(url, 'company').includes(company),
      `the ${company} bar`,
    );
  });

  app.test("a card's tag filters, and shows as pressed on every card that has it", async (page) => {
    await app.openView(page, '');
    const cardTags = `${SEL.card} .atlas-card__tag[data-tag]`;
    const tag = bestOption('', 'tag', await valuesOf(page, cardTags, 'data-tag'));
    const pressedStates = () =>
      page.locator(cardTags).evaluateAll((els) => els.map((el) => [el.dataset.tag, el.getAttribute('aria-pressed')]));

    await app.clickTo(page, `${cardTags}[data-tag="${tag}"] >> nth=0`, (url) => paramList(url, 'tag').includes(tag), `the card tag ${tag}`);
    // Cards that stayed and cards that came are both marked.
    await page.waitForFunction(
      ({ sel, tag }) => [...document.querySelectorAll(sel)].every((el) => (el.getAttribute('aria-pressed') === 'true') === (el.dataset.tag === tag)),
      { sel: cardTags, tag },
    ).catch(async () => assert.fail(`card tags pressed after choosing ${tag}: ${JSON.stringify(await pressedStates())}`));

    await app.clickTo(page, `${cardTags}[data-tag="${tag}"] >> nth=0`, (url) => !paramList(url, 'tag').includes(tag), `the card tag ${tag} again`);
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll(sel)].every((el) => el.getAttribute('aria-pressed') === 'false'),
      cardTags,
    ).catch(async () => assert.fail(`card tags pressed after clearing ${tag}: ${JSON.stringify(await pressedStates())}`));
  });

  app.test('facet counts follow typing, also for the tags shown later', async (page) => {
    await app.openView(page, '');
    const text = 'stor';
    await page.locator(SEL.search).pressSequentially(text);
    await expectView(page, ref.matches(`q=${text}`), `typing ${text}`);
    const facet = SEL.facet('tag');
    await page.locator(`${facet} button[aria-expanded]`).click();
    const shown = await page
      .locator(`${facet} [data-value]`)
      .filter({ visible: true })
      .evaluateAll((els) => els.map((el) => [el.dataset.value, el.querySelector('.atlas-facet__count').textContent]));
    assert.equal(shown.length, app.catalog.tags.length, 'every tag shows once expanded');
    const wrong = shown.filter(([id, n]) => Number(n) !== ref.matches(`q=${text}&tag=${id}`).length);
    assert.deepEqual(wrong, [], 'tag counts that differ from the reference');
    for (const param of ['category', 'company', 'venue']) {
      // Long groups list their largest options first; show them all.
      const more = page.locator(`${SEL.facet(param)} button[aria-expanded="false"]`);
      if (await more.count()) await more.click();
      const rows = await page
        .locator(`${SEL.facet(param)} [data-value]`)
        .filter({ visible: true })
        .evaluateAll((els) => els.map((el) => [el.dataset.value, el.querySelector('.atlas-facet__count').textContent]));
      const list = { category: 'categories', company: 'companies', venue: 'venues' }[param];
      assert.equal(rows.length, app.catalog[list].length, `every ${param} shows`);
      const off = rows.filter(([id, n]) => Number(n) !== ref.matches(`q=${text}&${param}=${id}`).length);
      assert.deepEqual(off, [], `${param} counts that differ from the reference`);
    }
  });

  app.test('a long group shows its largest options, and all of them from the keyboard, in the same order', async (page) => {
    await app.openView(page, '');
    const facet = SEL.facet('company');
    const visible = () =>
      page.locator(`${facet} [data-value]`).filter({ visible: true }).evaluateAll((els) => els.map((el) => el.dataset.value));
    const all = await page.locator(`${facet} [data-value]`).evaluateAll((els) => els.map((el) => el.dataset.value));
    assert.ok(app.catalog.companies.length >= 40, 'the catalog has 40 or more companies');
    assert.equal(all.length, app.catalog.companies.length, 'one option per company');
    const top = await visible();
    assert.ok(top.length >= 5 && top.length < all.length, `a few companies first (${top.length} of ${all.length})`);
    assert.deepEqual(top, all.slice(0, top.length), 'the first ones in the group\'s order');
    const more = page.locator(`${facet} button[aria-expanded]`);
    assert.match(await more.textContent(), new RegExp(`Show all ${all.length} companies`));
    await more.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((sel) => document.querySelector(sel).getAttribute('aria-expanded') === 'true', `${facet} button[aria-expanded]`);
    assert.deepEqual(await visible(), all, 'every company once expanded, order kept');
    await page.keyboard.press('Enter');
    assert.deepEqual(await visible(), top, 'and fewer again');
    // A chosen company stays visible although it is not among the first.
    const last = all[all.length - 1];
    await app.openView(page, `company=${last}`);
    assert.ok((await visible()).includes(last), `the chosen ${last} shows while collapsed`);
  });
});
