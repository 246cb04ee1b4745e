// The guide rendered into index.html at build time: read before the wasm arrives (or without
// JavaScript at all), then replaced by the app without moving a line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { appInCharge, useApp } from './support/app.mjs';

const guide = JSON.parse(readFileSync('public/data/guide.json', 'utf8'));
const app = useApp();
const steps = guide.sections.find((s) => s.id === 'roadmap').blocks[0].steps;
const itemCount = steps.reduce((sum, step) => sum + step.items.length, 0);

/** A page whose wasm is held back until `release()` is called. */
async function pageWithHeldWasm(contextOptions = {}) {
  const context = await app.browser.newContext({ serviceWorkers: 'block', reducedMotion: 'reduce', ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  let release;
  const released = new Promise((done) => (release = done));
  await page.route('**/*_bg.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return { context, page, errors, release };
}

/** The visible text of the guide's layout, with runs of white space made single. */
const layoutText = (page, selector) => page.$eval(selector, (el) => el.innerText.replace(/\s+/g, ' ').trim());

describe('the guide rendered at build time', () => {
  test('with JavaScript disabled, the whole guide can be read', async () => {
    const context = await app.browser.newContext({ javaScriptEnabled: false, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(app.server.url);
    const headings = await page.$$eval('.guide-section > .section-heading > h2', (els) => els.map((el) => el.textContent));
    assert.deepEqual(headings, guide.sections.map((section) => section.title));
    assert.match(await page.textContent('.key-figures'), /\$95,360/);
    assert.equal(await page.locator('.bar-chart .bar').count(), 10, 'the chart is drawn');
    assert.equal(await page.locator('.check-item').count(), itemCount, 'the checklist lists every item');
    assert.match(await page.textContent('noscript'), /read the whole guide/);
    assert.equal(await page.locator('#prerendered button:not([disabled]), #prerendered input:not([disabled])').count(), 0,
      'controls that cannot work say so');
    await page.click('nav.toc a[href="#faq"]');
    assert.ok(page.url().endsWith('#faq'));
    await page.waitForFunction(() => Math.abs(document.querySelector('#faq').getBoundingClientRect().top) < 40);
    await context.close();
  });

  test('is readable before the wasm arrives, and the app takes over without moving the text', async () => {
    const { context, page, errors, release } = await pageWithHeldWasm();
    await page.goto(app.server.url, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('#prerendered #certifications');
    assert.equal(await page.locator('#app .guide-section').count(), 0, 'the app has not rendered yet');
    await page.$eval('#certifications', (el) => el.scrollIntoView());
    await page.mouse.wheel(0, 137);
    await page.waitForFunction(() => window.scrollY > 0);
    const before = await page.evaluate(() => ({
      y: window.scrollY,
      top: document.querySelector('#certifications h2').getBoundingClientRect().top,
      height: document.querySelector('#prerendered').offsetHeight,
    }));
    const staticText = await layoutText(page, '#prerendered .guide-layout');
    await page.evaluate(() => {
      window.shifts = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => (window.shifts += entry.value)))
        .observe({ type: 'layout-shift' });
    });

    release();
    await appInCharge(page);
    const after = await page.evaluate(() => ({
      y: window.scrollY,
      top: document.querySelector('#certifications h2').getBoundingClientRect().top,
      height: document.querySelector('#app .guide-layout').offsetHeight,
    }));
    assert.equal(after.y, before.y, 'the scroll offset is kept');
    assert.ok(Math.abs(after.top - before.top) < 1, `the heading stays put (${before.top} → ${after.top})`);
    assert.ok(Math.abs(after.height - before.height) < 1, `the page keeps its height (${before.height} → ${after.height})`);
    assert.equal(await layoutText(page, '#app .guide-layout'), staticText, 'the app shows the same text');
    assert.equal(await page.evaluate(() => window.shifts), 0, 'no layout shift');
    assert.equal(await page.locator('.guide-section').count(), 17, 'one copy of the guide');
    assert.equal(await page.locator('button[disabled]').count(), 0, 'the controls work now');
    await page.waitForSelector('nav.toc a[aria-current="location"]');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('embed mode never shows the whole guide while it loads', async () => {
    const { context, page, release } = await pageWithHeldWasm();
    await page.goto(app.server.url + '?embed=chart', { waitUntil: 'domcontentloaded' });
    assert.equal(await page.locator('#prerendered').isVisible(), false);
    release();
    await page.waitForSelector('#app .salary-explorer');
    assert.equal(await page.locator('#prerendered').count(), 0);
    assert.equal(await page.locator('.guide-section h2').count(), 0);
    await context.close();
  });
});
