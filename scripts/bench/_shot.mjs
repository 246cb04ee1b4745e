import { chromium } from 'playwright-core';
import { serveGzip } from '/work/main/scripts/bench/gzip-server.mjs';
const server = await serveGzip('/work/main/dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const [width, name] of [[390, 'phone'], [1280, 'desk']]) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, serviceWorkers: 'block', colorScheme: process.env.SCHEME ?? 'light' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.keyboard.press('Shift');
  await page.waitForFunction(() => !document.getElementById('prerendered') && document.querySelector('#app > *'));
  await page.waitForSelector('#roadmap-checklist .check-item');
  if (process.env.PLAN) {
    await page.fill('.planner input[type=date]', '2025-06-01');
    await page.locator('.planner input[type=date]').dispatchEvent('change');
    await page.click('#item-tool-terraform .state-button.done').catch(()=>{});
    await page.waitForTimeout(300);
  }
  await page.click('.check-item .note-toggle');
  await page.fill('.check-item textarea', 'reading chapter 4;\nlab on <b>Saturday</b>');
  await page.click('.check-item .note-toggle');
  await page.waitForTimeout(500);
  const el = await page.$(process.env.SEL ?? '.checklist-steps > li:nth-child(2)');
  await el.screenshot({ path: `/tmp/probe/${name}.png` });
  await context.close();
}
await browser.close(); await server.close();
