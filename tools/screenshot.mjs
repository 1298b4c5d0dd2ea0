// Screenshots of a build at desktop and phone widths, light and dark, for
// looking at every visible change (and the README's picture).
//
//   node tools/screenshot.mjs <dist> <out-dir> [path-with-query ...]
//
// Each path (default: the root view, a filtered view, a paper page) is
// taken at 1280 and 390 px wide in both colour schemes. To show the reading
// list, ATLAS_SAVED=id1,id2 saves papers first and ATLAS_LAST_VISIT=day
// makes that day the visit before this one. ATLAS_NO_JS=1 takes them with
// JavaScript off (the prerendered pages as served).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../tests/e2e/helpers.mjs';
import { serveStatic } from '../tests/e2e/server.mjs';

const [dist, out, ...paths] = process.argv.slice(2);
if (!dist || !out) {
  console.error('usage: node tools/screenshot.mjs <dist> <out-dir> [path ...]');
  process.exit(2);
}
const views = paths.length ? paths : ['', '?category=networking&year=2021-2023', 'paper/orion-nsdi21'];
const sizes = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

mkdirSync(out, { recursive: true });
const server = await serveStatic(dist);
const browser = await launchBrowser();
try {
  for (const scheme of ['light', 'dark']) {
    for (const size of sizes) {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        colorScheme: scheme,
        deviceScaleFactor: 1,
        javaScriptEnabled: !process.env.ATLAS_NO_JS,
      });
      const saved = (process.env.ATLAS_SAVED ?? '').split(',').filter(Boolean);
      const lastVisit = process.env.ATLAS_LAST_VISIT;
      await context.addInitScript(({ saved, lastVisit }) => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        if (saved.length) {
          localStorage.setItem('atlas-saved', JSON.stringify({ version: 1, papers: saved.map((id, i) => ({ id, saved: i })) }));
        }
        if (lastVisit) localStorage.setItem('atlas-visits', JSON.stringify({ current: lastVisit, previous: null }));
      }, { saved, lastVisit });
      const page = await context.newPage();
      page.on('console', (m) => m.type() === 'error' && console.error(`console error: ${m.text()}`));
      for (const [i, view] of views.entries()) {
        await page.goto(server.url + view);
        await page.waitForSelector('[data-testid="result-count"], [data-testid="paper-title"], [data-testid="saved-count"], [data-testid="not-found"], [data-testid="error"], main h1');
        await page.waitForTimeout(150);
        const file = join(out, `${i}-${size.name}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: size.name === 'desktop' ? false : false });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
