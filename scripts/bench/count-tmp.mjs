import { launch } from '../../tests/e2e/support/browser.mjs';
import { serve } from '../../tests/e2e/support/server.mjs';
const server = await serve(process.argv[2]);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
const page = await context.newPage();
await page.goto(server.url);
await page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 60000 });
console.log(await page.evaluate(() => {
  const n = (el) => el ? el.querySelectorAll('*').length : 0;
  const out = { all: n(document), toc: n(document.querySelector('nav')), listeners: 0 };
  for (const s of document.querySelectorAll('.guide-section')) out[s.id] = n(s);
  for (const sel of ['.salary-explorer', 'svg', '.tile-map', 'table', '.roadmap', '.checklist', '.planner']) out[sel] = [...document.querySelectorAll(sel)].reduce((a, e) => a + n(e) + 1, 0);
  return out;
}));
await browser.close(); await server.close();
