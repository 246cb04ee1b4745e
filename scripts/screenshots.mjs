// Takes the screenshots of README.md and docs/ of the release build (run after `trunk build --release`).
import { launch } from '../tests/e2e/support/browser.mjs';
import { serve } from '../tests/e2e/support/server.mjs';

const server = await serve();
const browser = await launch();
const shots = [
  { file: 'docs/screenshot-desktop.png', viewport: { width: 1280, height: 900 }, colorScheme: 'light', hash: '' },
  { file: 'docs/screenshot-phone-dark.png', viewport: { width: 390, height: 844 }, colorScheme: 'dark', hash: '#roadmap', tick: true, scrollTo: '#step-core-tools' },
  { file: 'docs/salary-chart.png', viewport: { width: 1000, height: 900 }, colorScheme: 'light', hash: '?state=TX#salary-by-state', element: '.salary-explorer', focus: '#bar-TX' },
  { file: 'docs/salary-table.png', viewport: { width: 1000, height: 900 }, colorScheme: 'light', hash: '?view=table&metric=employed#salary-by-state', element: '.salary-explorer' },
  { file: 'docs/salary-map.png', viewport: { width: 1000, height: 900 }, colorScheme: 'dark', hash: '?view=map&metric=difference#salary-by-state', element: '.salary-explorer' },
  { file: 'docs/roadmap-checklist.png', viewport: { width: 1000, height: 1400 }, colorScheme: 'light', hash: '#roadmap', element: '#step-core-tools', tick: true },
  { file: 'docs/roadmap-timeline.png', viewport: { width: 1000, height: 1400 }, colorScheme: 'light', hash: '#roadmap', element: '.planner', tick: true, wait: '.plan-timeline' },
];
for (const shot of shots) {
  const context = await browser.newContext({ viewport: shot.viewport, colorScheme: shot.colorScheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(server.url + shot.hash);
  await page.waitForSelector('.guide-section');
  if (shot.focus) await page.focus(shot.focus);
  if (shot.tick) {
    await page.fill('.planner input[type="date"]', '2026-06-01');
    await page.dispatchEvent('.planner input[type="date"]', 'change');
    await page.click('#item-tool-terraform .state-button:has-text("Done")');
    await page.click('#item-tool-kubernetes .state-button:has-text("In progress")');
    await page.click('#item-tool-kubernetes .note-toggle');
    await page.fill('#item-tool-kubernetes textarea', 'Working through a k3s homelab cluster');
    // Closed again: the note then shows under its item, as a reader sees it the next day.
    await page.click('#item-tool-kubernetes .note-toggle');
  }
  if (shot.wait) await page.waitForSelector(shot.wait);
  if (shot.scrollTo) await page.locator(shot.scrollTo).evaluate((el) => el.scrollIntoView());
  await page.waitForTimeout(300);
  if (shot.element) await page.locator(shot.element).screenshot({ path: shot.file });
  else await page.screenshot({ path: shot.file });
  await context.close();
  console.log(`wrote ${shot.file}`);
}

// The "Share or move my progress" dialog, with a little progress and a note, light mode.
{
  const context = await browser.newContext({ viewport: { width: 900, height: 1100 }, colorScheme: 'light', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(server.url + '#roadmap');
  await page.keyboard.press('Shift');
  await page.waitForSelector('#app .check-item');
  await page.click('#item-tool-terraform .state-button:has-text("Done")');
  await page.click('#item-tool-kubernetes .state-button:has-text("In progress")');
  await page.click('#item-tool-kubernetes .note-toggle');
  await page.fill('#item-tool-kubernetes textarea', 'k3s homelab');
  await page.click('button.share-button');
  await page.waitForSelector('.share-dialog svg.share-qr');
  await page.waitForTimeout(300);
  await page.locator('.share-dialog').screenshot({ path: 'docs/share-dialog.png' });
  await context.close();
  console.log('wrote docs/share-dialog.png');
}

// The embedding demo: a host page on another origin with the chart and a guide section.
const { mkdtempSync, writeFileSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');
const hostDir = mkdtempSync(join(tmpdir(), 'cg-demo-'));
writeFileSync(join(hostDir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Demo host</title>
<style>body{font-family:Georgia,serif;background:#f3efe6;margin:0;padding:2rem;max-width:760px}h1{margin-top:0}</style></head>
<body><h1>Tech Careers Weekly</h1><p>Thinking about infrastructure work? Here is what it pays, state by state:</p>
<div data-career-guide="chart" data-query="metric=difference"></div>
<p>And the questions readers ask most:</p>
<div data-career-guide="guide" data-section="faq" data-theme="dark"></div>
<script src="${server.url}embed.js" async></script></body></html>`);
const host = await serve(hostDir);
const context = await browser.newContext({ viewport: { width: 820, height: 1500 }, reducedMotion: 'reduce' });
const page = await context.newPage();
await page.goto(host.url);
for (const frame of await page.$$('iframe')) {
  await frame.scrollIntoViewIfNeeded();
  await (await frame.contentFrame()).waitForSelector('.embed-root');
}
await page.evaluate(() => window.scrollTo(0, 0));
await page.waitForTimeout(800);
await page.screenshot({ path: 'docs/embed-demo.png' });
console.log('wrote docs/embed-demo.png');
await context.close();
await host.close();
await browser.close();
await server.close();
