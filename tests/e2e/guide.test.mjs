// The release build in a real browser: every section, navigation, errors, accessibility, layout.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { appInCharge, startApp, useApp } from './support/app.mjs';

const guide = JSON.parse(readFileSync('public/data/guides/infrastructure-engineer.json', 'utf8'));
const app = useApp();
const open = (...args) => app.open(...args);

/** Whether the element's top edge is within the viewport. */
function topInView(page, selector) {
  return page.$eval(selector, (el) => {
    const top = el.getBoundingClientRect().top;
    return top >= -2 && top < 40;
  });
}

describe('the guide', () => {
  test('shows every section heading and the key figures', async () => {
    const { page, context, errors } = await open();
    await appInCharge(page);
    const headings = await page.$$eval('.guide-section > .section-heading > h2', (els) => els.map((el) => el.textContent));
    assert.deepEqual(headings, guide.sections.map((section) => section.title));
    const figures = await page.textContent('.key-figures');
    for (const figure of ['$95,360', '$57,620 - $147,500', 'Job growth (10 years)+3%', '18,200', '451,360']) {
      assert.ok(figures.includes(figure), `${figure} is in the header`);
    }
    const facts = await page.textContent('.key-facts');
    assert.match(facts, /SOC 15-1244/);
    assert.match(facts, /BLS.*2025/);
    assert.equal(await page.locator('.bar-chart .bar').count(), 10);
    const caveats = await page.$$eval('.note.caveat', (els) => els.map((el) => el.textContent).join(' '));
    assert.match(caveats, /1,675,000/, 'the state total is flagged against the national one');
    assert.match(caveats, /23%/, 'the negotiation claim is flagged');
    assert.deepEqual(errors, []);
    await context.close();
  });

  // Reduced motion makes the jump instant, so the position can be read as soon as the hash changes.
  test('table of contents links jump to their section and set the hash', async () => {
    const { page, context } = await open('', { reducedMotion: 'reduce' });
    await appInCharge(page);
    for (const id of ['faq', 'roadmap', 'salary-by-state']) {
      await page.click(`nav.toc a[href="#${id}"]`);
      await page.waitForFunction((hash) => location.hash === hash, `#${id}`);
      assert.ok(await topInView(page, `#${id}`), `#${id} is at the top after its link is clicked`);
    }
    await context.close();
  });

  test('a deep link lands on its section, which the table of contents marks as being read', async () => {
    const { page, context } = await open('#certifications', { reducedMotion: 'reduce' });
    await page.waitForSelector('#certifications');
    await page.waitForFunction(() => Math.abs(document.querySelector('#certifications').getBoundingClientRect().top) < 40);
    assert.ok(await topInView(page, '#certifications'));
    await page.waitForSelector('nav.toc a[href="#certifications"][aria-current="location"]');
    assert.equal(await page.locator('nav.toc a[aria-current]').count(), 1);
    await context.close();
  });

  test('a ToC link keeps the chart state in the URL and does not reload the page', async () => {
    const { page, context } = await open('?metric=employed#salary-by-state', { reducedMotion: 'reduce' });
    await page.evaluate(() => { window.sameDocument = true; });
    await page.click('nav.toc a[href="#faq"]');
    await page.waitForFunction(() => location.hash === '#faq');
    assert.match(page.url(), /\?metric=employed#faq$/);
    assert.equal(await page.evaluate(() => window.sameDocument), true, 'no new page load');
    await page.waitForFunction(() => Math.abs(document.querySelector('#faq').getBoundingClientRect().top) < 40);
    await context.close();
  });

  test('a missing data file shows what failed, and Retry recovers', async () => {
    // The service worker would answer from its cache; these tests are about the network.
    const context = await app.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route('**/data/guides/infrastructure-engineer.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(app.server.url);
    await startApp(page);
    const alert = page.locator('.load-error');
    await alert.waitFor();
    assert.match(await alert.textContent(), /data\/guides\/infrastructure-engineer\.json: the server answered 404/);
    // The guide rendered at build time stays readable below the notice; a press there waits.
    assert.equal(await page.locator('#prerendered .guide-section').count(), 17);
    await page.click('#prerendered .check-item .state-button.done');
    await page.unroute('**/data/guides/infrastructure-engineer.json');
    await page.click('button.retry');
    await page.waitForSelector('#prerendered', { state: 'detached' });
    assert.equal(await page.locator('.load-error').count(), 0);
    assert.equal(await page.locator('.guide-section').count(), 17);
    assert.equal(await page.locator('button.state-button[disabled]').count(), 0);
    await page.waitForFunction(() => document.querySelector('#app .check-item .state-button.done').getAttribute('aria-pressed') === 'true');
    await context.close();
  });

  test('a damaged data file names the field that is wrong', async () => {
    // The service worker would answer from its cache; these tests are about the network.
    const context = await app.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const damaged = structuredClone(guide);
    damaged.states[4].median_salary = 'lots';
    await page.route('**/data/guides/infrastructure-engineer.json', (route) => route.fulfill({ json: damaged }));
    await page.goto(app.server.url);
    await startApp(page);
    await page.waitForSelector('.load-error');
    assert.match(await page.textContent('.load-error'), /field states\[4\]\.median_salary/);
    await page.route('**/data/guides/infrastructure-engineer.json', (route) => route.fulfill({ body: '{"title": ' }));
    await page.click('button.retry');
    await page.waitForFunction(() => document.querySelector('.load-error')?.textContent.includes('not valid JSON'));
    await context.close();
  });

  test('fits a 320 px wide phone without sideways scrolling', async () => {
    const { page, context } = await open('', { viewport: { width: 320, height: 640 } });
    await appInCharge(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await context.close();
  });

  // The takeover lays out the sections off screen later, a frame each: until then a smooth jump
  // would pass sections that change height on the way and land in the wrong place.
  test('a smooth ToC jump to the last section lands on it', async () => {
    const { page, context } = await open('', { reducedMotion: 'no-preference' });
    await page.waitForFunction(() => [...document.querySelectorAll('.guide-section > .section-heading > h2')]
      .every((h2) => h2.checkVisibility({ contentVisibilityAuto: true })));
    await page.click('nav.toc a[href="#sources"]');
    await page.waitForFunction(() => Math.abs(document.querySelector('#sources').getBoundingClientRect().top) < 40);
    await context.close();
  });

  test('prints without navigation and with every section', async () => {
    const { page, context } = await open();
    await appInCharge(page);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('nav.toc'), false);
    // Laid out, not just sized: the takeover skips the layout of sections off screen for a moment.
    const visible = await page.$$eval('.guide-section > .section-heading > h2',
      (els) => els.filter((el) => el.checkVisibility({ contentVisibilityAuto: true })).length);
    assert.equal(visible, guide.sections.length);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`axe finds no accessibility violations in ${colorScheme} mode`, async () => {
      const { page, context } = await open('', { colorScheme });
      await appInCharge(page);
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
      assert.deepEqual(summary, []);
      await context.close();
    });
  }

  test('axe finds no violations in the error view', async () => {
    const context = await app.browser.newContext({ colorScheme: 'dark', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route('**/data/guides/infrastructure-engineer.json', (route) => route.abort());
    await page.goto(app.server.url);
    await startApp(page);
    await page.waitForSelector('.load-error');
    const results = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(results.violations.map((v) => v.id), []);
    await context.close();
  });
});
