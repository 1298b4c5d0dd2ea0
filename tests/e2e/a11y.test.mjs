// Accessibility (WCAG 2.2 AA): axe-core on the main view, a filtered view
// and a paper page, in light and dark, with no serious or critical
// violations; and the whole explorer works from the keyboard.

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SEL, expectPaperPage, expectView, useApp, waitForUrl } from './helpers.mjs';

const tools = fileURLToPath(new URL('../../tools/package.json', import.meta.url));
const AXE = createRequire(tools).resolve('axe-core/axe.min.js');

/** Runs axe on the page; returns the serious and critical violations. */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('accessibility', () => {
  const app = useApp();

  for (const scheme of ['light', 'dark']) {
    app.test(`axe finds nothing serious on the main, filtered and paper views (${scheme})`, async (page) => {
      // axe is injected as a script, which the app's CSP would rightly refuse.
      const context = await page.context().browser().newContext({ bypassCSP: true, colorScheme: scheme });
      try {
        const p = await context.newPage();
        await app.open(p);
        await expectView(p, app.reference.matches(''), 'the main view');
        assert.deepEqual(await violations(p), [], 'main view');
        await app.open(p, '?category=networking&tag=rdma&year=2021-');
        await expectView(p, app.reference.matches('?category=networking&tag=rdma&year=2021-'), 'a filtered view');
        assert.deepEqual(await violations(p), [], 'filtered view');
        const paper = app.catalog.papers[0];
        await app.open(p, `paper/${paper.id}`);
        await expectPaperPage(p, paper);
        assert.deepEqual(await violations(p), [], 'paper page');
        // The saved page with two papers and one the catalog lacks, the
        // clear-all confirmation open, and a shared list with its notice.
        const ids = [app.catalog.papers[1].id, app.catalog.papers[2].id];
        await p.evaluate((ids) => localStorage.setItem('atlas-saved', JSON.stringify({
          version: 1,
          papers: [...ids, 'not-in-this-catalog-99'].map((id, i) => ({ id, saved: i })),
        })), ids);
        await app.open(p, 'saved');
        await p.locator('[data-testid="saved-missing"]').waitFor();
        await p.locator('[data-testid="clear-saved"]').click();
        assert.deepEqual(await violations(p), [], 'saved page');
        await app.open(p, `?paper=${ids.join(',')}`);
        await expectView(p, ids, 'a shared list');
        assert.deepEqual(await violations(p), [], 'shared list');
      } finally {
        await context.close();
      }
    });
  }

  app.test('facets, the year chart and the company chart work from the keyboard', async (page) => {
    await app.openView(page);
    // A facet option is a button: focus and Enter.
    await page.locator(`${SEL.facet('category')} [data-value="storage"]`).focus();
    await page.keyboard.press('Enter');
    await waitForUrl(page, (u) => u.search === '?category=storage', 'Enter on a facet option');
    // A year bar is focusable and answers Enter and Space.
    const bar = page.locator(`${SEL.timeline} [data-year="2022"]`);
    await bar.focus();
    await page.keyboard.press('Enter');
    await waitForUrl(page, (u) => u.searchParams.get('year') === '2022', 'Enter on a year bar');
    const company = page.locator(`${SEL.companyChart} [data-company]`).first();
    const id = await company.getAttribute('data-company');
    await company.focus();
    await page.keyboard.press(' ');
    const url = await waitForUrl(page, (u) => u.searchParams.get('company') === id, 'Space on a company bar');
    await expectView(page, app.reference.matches(url.search), 'after keyboard filtering');
    // Focus is visible: the focused element draws an outline or a stroke.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement.querySelector('rect') ?? document.activeElement).stroke);
    assert.notEqual(outline, 'none', 'the focused bar is marked');
  });

  app.test('charts have a table alternative with the same numbers', async (page) => {
    await app.openView(page, 'company=meta');
    const panel = page.locator('section', { has: page.locator(SEL.timeline) });
    await panel.getByRole('button', { name: 'Table' }).click();
    const rows = await page.locator(`${SEL.timeline} table tbody tr`).evaluateAll((trs) =>
      trs.map((tr) => Number(tr.lastElementChild.textContent)),
    );
    const total = rows.reduce((a, b) => a + b, 0);
    assert.equal(total, app.reference.matches('company=meta').length);
  });
});
