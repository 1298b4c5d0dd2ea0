// node /tmp/lh/tasks.mjs <dist> : long tasks and marks at 4x CPU, mobile-ish viewport
import { serveStatic } from '/work/main/tests/e2e/server.mjs';
import { chromium } from 'playwright-core';
const [dir, runs = '2'] = process.argv.slice(2);
const server = await serveStatic(dir, { gzip: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (let i = 0; i < +runs; i++) {
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__lt = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:took-over').length > 0, null, { timeout: 30000 });
  await page.waitForTimeout(1500);
  const r = await page.evaluate(() => ({ lt: window.__lt, marks: performance.getEntriesByType('mark').map((m) => `${m.name}@${Math.round(m.startTime)}`) }));
  const tbt = r.lt.reduce((s, [, d]) => s + Math.max(0, d - 50), 0);
  console.log(`run ${i}: TBT~${tbt} tasks ${r.lt.map(([s, d]) => `${s}+${d}`).join(' ')}\n  ${r.marks.join(' ')}`);
  await ctx.close();
}
await browser.close(); await server.close();
