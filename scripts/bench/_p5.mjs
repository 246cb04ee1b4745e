import { chromium } from 'playwright-core';
import { serveGzip } from '/work/main/scripts/bench/gzip-server.mjs';
const server = await serveGzip('/work/main/dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const width of [390, 1280]) {
const page = await browser.newPage({ viewport: { width, height: 844 } });
await page.goto(server.url);
await page.keyboard.press('Shift');
await page.waitForFunction(() => !document.getElementById('prerendered') && document.querySelector('#app > *'));
await page.waitForTimeout(1500);
console.log(width, JSON.stringify(await page.evaluate(() => {
  const h = (e) => Math.round(e.getBoundingClientRect().height);
  const items = [...document.querySelectorAll('.check-item')].map(h).sort((a, b) => a - b);
  const sec = document.getElementById('roadmap');
  const steps = [...sec.querySelectorAll('.checklist-steps > li')].map((li) => [...li.children].map((c) => c.tagName + '.' + c.className.split(' ')[0] + ':' + h(c)).join(' '));
  return { median: items[12], items: items.join(','), section: h(sec), parts: [...sec.querySelectorAll(':scope > *, .roadmap > *')].map((e) => e.className + ':' + h(e)), steps };
}), null, 1));
await page.close();
}
await browser.close(); await server.close();
