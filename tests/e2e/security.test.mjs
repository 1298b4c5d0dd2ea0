// Nothing runs in it (issue "Robustness, security and accessibility"):
// catalog text is always text, links are only http(s), external links do
// not leak the opener, and the Content-Security-Policy blocks inline script.

import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { SEL, expectView, useApp } from './helpers.mjs';

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=(window.__pwned||0)+1">',
  '<script>window.__pwned=(window.__pwned||0)+1</script>',
  '"><svg onload="window.__pwned=(window.__pwned||0)+1">',
];

/** The served catalog with markup and script in every text field. */
function hostileCatalog(catalog) {
  const bad = (text, i = 0) => `${text} ${PAYLOADS[i % PAYLOADS.length]}`;
  const c = structuredClone(catalog);
  c.name = bad(c.name);
  c.categories.forEach((x, i) => {
    x.name = bad(x.name, i);
    x.description = bad(x.description ?? '', i + 1);
  });
  c.companies.forEach((x, i) => (x.name = bad(x.name, i)));
  c.venues.forEach((x, i) => {
    x.name = bad(x.name, i);
    x.full_name = bad(x.full_name ?? '', i + 2);
  });
  c.tags.forEach((x, i) => {
    x.name = bad(x.name, i);
    x.description = bad(x.description ?? '', i + 1);
  });
  c.papers.forEach((p, i) => {
    p.title = bad(p.title, i);
    p.summary = bad(p.summary, i + 1);
  });
  return c;
}

describe('security', () => {
  const app = useApp();

  app.test('markup and script in every catalog field are shown as text and never run', async (page) => {
    const hostile = hostileCatalog(app.catalog);
    app.server.override('catalog.json', { body: JSON.stringify(hostile) });
    await app.open(page);
    await page.locator(SEL.count).waitFor();
    const first = hostile.papers.find((p) => p.id === 'orion-nsdi21');
    await app.open(page, `paper/${first.id}`);
    await page.locator('[data-testid="paper-title"]').waitFor();
    assert.equal(await page.locator('[data-testid="paper-title"]').textContent(), first.title, 'the title is literal text');
    await app.open(page, '?q=img');
    await page.locator(SEL.card).first().waitFor();
    const found = await page.evaluate(() => ({
      pwned: window.__pwned ?? 0,
      injected: document.querySelectorAll('main img, main svg[onload], main script').length,
      text: document.querySelector('article')?.textContent ?? '',
    }));
    assert.equal(found.pwned, 0, 'no injected script ran');
    assert.equal(found.injected, 0, 'no injected element exists');
    assert.ok(found.text.includes('<img src=x'), 'the markup is visible as text');
  });

  app.test('a javascript: link in the catalog is refused with a message naming the paper and field', { expectErrors: [] }, async (page) => {
    const c = structuredClone(app.catalog);
    c.papers[0].url = 'javascript:alert(1)';
    app.server.override('catalog.json', { body: JSON.stringify(c) });
    await app.open(page);
    const alert = page.locator(SEL.error);
    await alert.waitFor();
    const text = await alert.textContent();
    assert.ok(text.includes(c.papers[0].id) && text.includes('url'), text);
  });

  app.test('external links open without opener or referrer', async (page) => {
    await app.openView(page);
    const rels = await page.evaluate(() =>
      [...document.querySelectorAll('a[target="_blank"]')].map((a) => [a.href, a.rel]),
    );
    assert.ok(rels.length > 0, 'the cards link to the papers');
    for (const [href, rel] of rels) {
      assert.match(href, /^https?:/, href);
      assert.equal(rel, 'noopener noreferrer', href);
    }
  });

  app.test('the Content-Security-Policy blocks inline script', { expectErrors: [/Content Security Policy/] }, async (page) => {
    await app.openView(page);
    const policy = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '',
    );
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(policy, /unsafe-inline/);
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      return window.__inline ?? 0;
    });
    assert.equal(ran, 0, 'an injected inline script did not run');
  });
});
