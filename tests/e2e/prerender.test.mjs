// The guide rendered into index.html at build time: read before the wasm arrives (or without
// JavaScript at all), then replaced by the app without moving a line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { appInCharge, appTookOver, NEW_EDITION, newDataDeployed, startApp, useApp } from './support/app.mjs';
import { PROGRESS_KEY } from './support/checklist.mjs';

const guide = JSON.parse(readFileSync('public/data/guides/infrastructure-engineer.json', 'utf8'));
const app = useApp();
const steps = guide.sections.find((s) => s.id === 'roadmap').blocks[0].steps;
const itemCount = steps.reduce((sum, step) => sum + step.items.length, 0);

/**
 * Spaces the app's build turns (messages the page posts to itself) 200 ms apart, as on a very
 * slow phone, so that a test can act while the page is being built.
 */
const slowTurns = (page) => page.addInitScript(() => {
  const post = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (...args) {
    setTimeout(() => post.apply(this, args), 200);
  };
});

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

/** Opens the page with its wasm held, presses Done on item `id` in the static copy, then lets the wasm come. */
async function pressDoneBeforeTheApp(page, release, id) {
  await page.goto(app.server.url, { waitUntil: 'domcontentloaded' });
  await page.click(`#prerendered #item-${id} .state-button.done`);
  release();
}

/** Resolves once the app's checklist shows item `id` as Done. */
const doneInApp = (page, id) => page.waitForFunction(
  (id) => document.querySelector(`#app #item-${id} .state-button.done`)?.getAttribute('aria-pressed') === 'true', id);

/**
 * The text of the guide's layout, with runs of white space made single. The chart's own text is
 * left out on request: the app redraws the chart for the reader's width (the static copy draws it
 * at 640 px, in a scroller), so its ticks may differ on a phone, but not its height.
 */
const layoutText = (page, selector, withoutChart = false) =>
  page.$eval(selector, (el, withoutChart) => {
    const copy = el.cloneNode(true);
    // What the reader sees: the chart's views not on screen (kept hidden once built) are not.
    copy.querySelectorAll('.chart-panel[hidden]').forEach((hidden) => hidden.remove());
    if (withoutChart) copy.querySelectorAll('svg.bar-chart').forEach((svg) => svg.remove());
    return copy.textContent.replace(/\s+/g, ' ').trim();
  }, withoutChart);

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
    assert.equal(await page.isChecked('input[name="salary-metric"][value="salary"]'), true, 'the default metric shows as chosen');
    assert.equal(await page.inputValue('.planner input[type="number"]'), '10', 'the default hours a week');
    assert.match(await page.textContent('noscript'), /read the whole guide/);
    assert.equal(await page.locator('#prerendered button:not([disabled]), #prerendered input:not([disabled])').count(), 0,
      'controls that cannot work say so');
    await page.click('nav.toc a[href="#faq"]');
    assert.ok(page.url().endsWith('#faq'));
    await page.waitForFunction(() => Math.abs(document.querySelector('#faq').getBoundingClientRect().top) < 40);
    await context.close();
  });

  const takeovers = [
    { path: 'adopts the static copy (same data)', newData: false },
    { path: 'rebuilds the page (new data deployed)', newData: true },
  ];
  for (const [viewport, { path, newData }] of [
    [{ width: 1280, height: 720 }, takeovers[0]],
    [{ width: 390, height: 844 }, takeovers[0]],
    [{ width: 1280, height: 720 }, takeovers[1]],
    [{ width: 390, height: 844 }, takeovers[1]],
  ]) {
    test(`is readable before the wasm arrives, and the app ${path} without moving the text (${viewport.width} px)`, async () => {
      const { context, page, errors, release } = await pageWithHeldWasm({ viewport });
      if (newData) await newDataDeployed(page);
      await page.goto(app.server.url, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('#prerendered #certifications');
      assert.equal(await page.locator('#app .guide-section').count(), 0, 'the app has not rendered yet');
      const atHeading = await page.$eval('#certifications', (el) => (el.scrollIntoView(), window.scrollY));
      // A reader's own scroll, to a place no script would choose; wheel scrolling lands a frame later.
      await page.mouse.wheel(0, 137);
      await page.waitForFunction((y) => window.scrollY !== y, atHeading);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const before = await page.evaluate(() => ({
        y: window.scrollY,
        top: document.querySelector('#certifications h2').getBoundingClientRect().top,
        height: document.querySelector('#prerendered').offsetHeight,
      }));
      const staticText = (await layoutText(page, '#prerendered .guide-layout', viewport.width < 640))
        .replace('2026 career guide', newData ? NEW_EDITION : '2026 career guide');
      // A node of the static prose, to tell whether the app kept it or built its own.
      await page.evaluate(() => (document.querySelector('#prerendered #certifications p').dataset.fromBuild = 'yes'));
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
      assert.equal(await page.evaluate(() => window.shifts), 0, 'no layout shift');
      // Off-screen sections stood in at the static copy's heights; laid out for real, the same.
      await page.waitForFunction(() => !document.querySelector('#app .guide-section[style*="content-visibility"]'));
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const laidOut = await page.evaluate(() => ({
        y: window.scrollY,
        top: document.querySelector('#certifications h2').getBoundingClientRect().top,
        height: document.querySelector('#app .guide-layout').offsetHeight,
      }));
      assert.deepEqual(laidOut, after, 'every section laid out: still the same place and height');
      assert.equal(await page.evaluate(() => window.shifts), 0, 'no layout shift after the layout either');
      assert.equal(await layoutText(page, '#app .guide-layout', viewport.width < 640), staticText, 'the app shows the same text');
      assert.equal(await page.locator('.guide-section').count(), 17, 'one copy of the guide');
      assert.equal(await page.locator('#app [data-from-build]').count(), newData ? 0 : 1,
        newData ? 'the page is built from the fetched data' : 'the static prose is kept as it is');
      assert.equal(await page.textContent('#app .edition'), newData ? NEW_EDITION : '2026 career guide');
      assert.equal(await page.locator('button[disabled]:not(.calendar-button)').count(), 0, 'the controls work now (the calendar waits for a plan)');
      await page.click('#app .check-item .state-button.done');
      assert.equal(await page.getAttribute('#app .check-item .state-button.done', 'aria-pressed'), 'true', 'the checklist works');
      await page.waitForSelector('nav.toc a[aria-current="location"]');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('axe finds no violations in the page before the app arrives', async () => {
    const { context, page } = await pageWithHeldWasm();
    await page.goto(app.server.url, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('#prerendered #sources');
    const results = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), []);
    assert.equal(await page.locator('#app .guide-section').count(), 0, 'measured before the app');
    await context.close();
  });

  test('with new data, the app is built a part at a time out of sight, and a link followed meanwhile still lands', async () => {
    const { context, page, errors, release } = await pageWithHeldWasm();
    await newDataDeployed(page);
    await slowTurns(page);
    await page.goto(app.server.url, { waitUntil: 'domcontentloaded' });
    await startApp(page);
    release();
    await page.waitForSelector('#app > .guide-layout[hidden] .guide-section', { state: 'attached' });
    const building = await page.evaluate(() => ({
      sections: document.querySelectorAll('#app .guide-section').length,
      shown: document.querySelector('#prerendered').checkVisibility(),
    }));
    assert.ok(building.sections < 17, `the sections arrive one by one (${building.sections} so far)`);
    assert.equal(building.shown, true, 'the static copy is what the reader sees meanwhile');
    // Once the hidden page has its own #faq, the browser's jump would find that one first.
    await page.waitForSelector('#app > .guide-layout[hidden] #faq', { state: 'attached' });
    // Whether the app was still building is read at the moment of the click, not after it.
    await page.evaluate(() => document.addEventListener('click', () => {
      window.hiddenAtClick = document.querySelector('#app > .guide-layout').hidden;
    }, { capture: true, once: true }));
    await page.click('#prerendered nav.toc a[href="#faq"]');
    assert.equal(await page.evaluate(() => window.hiddenAtClick), true, 'still building');
    await page.waitForFunction(() => Math.abs(document.querySelector('#prerendered #faq').getBoundingClientRect().top) < 40);
    await appInCharge(page);
    assert.ok(page.url().endsWith('#faq'));
    await page.waitForFunction(() => Math.abs(document.querySelector('#faq').getBoundingClientRect().top) < 40);
    assert.equal(await page.locator('.guide-section').count(), 17);
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const { path, newData } of takeovers) {
    test(`what the reader pressed before the app arrived is done once it ${path.split(' (')[0]}`, async () => {
      const { context, page, errors, release } = await pageWithHeldWasm();
      if (newData) await newDataDeployed(page);
      await page.goto(app.server.url, { waitUntil: 'domcontentloaded' });
      const firstItem = '.check-item:first-of-type';
      await page.click(`#prerendered ${firstItem} .state-button.done`);
      await page.click('#prerendered input[name="salary-metric"][value="employed"]');
      await page.click(`#prerendered .check-item:nth-of-type(2) .state-button.in_progress`);
      await page.click('#prerendered nav.toc a[href="#faq"]');
      assert.equal(await page.locator('#prerendered').count(), 1, 'the app has not arrived yet');
      release();
      await appTookOver(page);
      await page.waitForFunction((item) => document.querySelector(`#app ${item} .state-button.done`)?.getAttribute('aria-pressed') === 'true', firstItem);
      assert.equal(await page.getAttribute('#app .check-item:nth-of-type(2) .state-button.in_progress', 'aria-pressed'), 'true');
      assert.equal(await page.isChecked('#app input[name="salary-metric"][value="employed"]'), true);
      await page.waitForFunction(() => /metric=employed/.test(location.search));
      const saved = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY));
      assert.deepEqual(Object.values(saved.items).map((item) => item.state).sort(), ['done', 'in_progress']);
      assert.ok(page.url().endsWith('#faq'), 'the link was followed in the static page itself');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('a press made before the app arrives finds its control where saved progress changed the page', async () => {
    const { context, page, errors, release } = await pageWithHeldWasm();
    // A saved plan adds each timed step's target date to the app's page, which the static copy
    // (built with no progress) has not: the controls below it sit one element further down.
    await page.addInitScript((key) => localStorage.setItem(key, JSON.stringify({
      version: 1, updated_at: 1, items: {}, planner: { start: '2027-01-04', hours_per_week: 10 }, planner_updated_at: 1,
    })), PROGRESS_KEY);
    const item = steps[1].items[0].id;
    await pressDoneBeforeTheApp(page, release, item);
    await appTookOver(page);
    await doneInApp(page, item);
    assert.equal(await page.locator('#app .step-target').count() > 0, true, 'the plan shows in the app');
    assert.equal(await page.locator('.check-item .state-button.done[aria-pressed="true"]').count(), 1, 'only that press was done');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a script of the page that throws in a listener the app\'s own press reaches does not stop the app', async () => {
    const { context, page, release } = await pageWithHeldWasm();
    // An extension's script in the page's world, say, failing on the click the app replays: the
    // browser reports the error with the app's wasm still running below, and the app goes on.
    await page.addInitScript(() => document.addEventListener('click', (event) => {
      if (!event.isTrusted) throw new Error('not the app');
    }, { capture: true }));
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const item = steps[0].items[0].id;
    await pressDoneBeforeTheApp(page, release, item);
    await appTookOver(page);
    await doneInApp(page, item);
    assert.deepEqual(errors, ['not the app'], 'the listener did throw on the replayed press');
    await page.click(`#app #item-${steps[0].items[1].id} .state-button.done`);
    assert.equal(await page.locator('.check-item .state-button.done[aria-pressed="true"]').count(), 2, 'the app goes on');
    assert.equal(await page.locator('section.app-failure').count(), 0, 'no notice');
    await context.close();
  });

  test('a call failing inside the app\'s own handler of the press it replays still shows the notice', async () => {
    const { context, page, release } = await pageWithHeldWasm();
    // The first browser call of the app's handler of a state button (the click's target), made
    // to fail on the replayed (untrusted) click: the exception unwinds the app's handler,
    // inside the app's replay, which is still running below when the error is reported.
    await page.addInitScript(() => {
      const target = Object.getOwnPropertyDescriptor(Event.prototype, 'target');
      Object.defineProperty(Event.prototype, 'target', {
        configurable: true,
        get() {
          if (this.type === 'click' && !this.isTrusted && this.currentTarget?.classList?.contains('state-buttons')) {
            throw new Error('a call failed');
          }
          return target.get.call(this);
        },
      });
    });
    await pressDoneBeforeTheApp(page, release, steps[0].items[0].id);
    const notice = page.locator('section.app-failure [role="alert"]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /^Something went wrong in the app \(a call failed\)\./);
    await context.close();
  });
  test('a keyboard user can tab to the chart before the app arrives, and keeps their place in it', async () => {
    const { context, page, release } = await pageWithHeldWasm();
    await page.goto(app.server.url, { waitUntil: 'domcontentloaded' });
    await page.focus('#prerendered .salary-explorer input[name="salary-metric"]:checked');
    const reached = [];
    for (let press = 0; press < 12 && !reached.includes('bar'); press++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => (document.activeElement.closest('.bar') ? 'bar' : document.activeElement.tagName)));
    }
    assert.ok(reached.includes('bar'), `Tab reaches a bar of the static chart (${reached.join(', ')})`);
    const name = await page.evaluate(() => document.activeElement.closest('.bar').textContent);
    release();
    await appTookOver(page);
    await page.waitForFunction((name) => document.activeElement.closest('#app .bar')?.textContent === name, name);
    await page.keyboard.press('ArrowDown');
    assert.notEqual(await page.evaluate(() => document.activeElement.closest('.bar')?.textContent), name, 'the arrow keys move along the bars');
    await context.close();
  });

  test('a notice about unreadable saved progress appears once the page is on screen, so it is announced', async () => {
    const { context, page, release } = await pageWithHeldWasm();
    await page.addInitScript((key) => localStorage.setItem(key, '{not json'), PROGRESS_KEY);
    await slowTurns(page);
    await page.goto(app.server.url, { waitUntil: 'domcontentloaded' });
    await page.evaluate(() => {
      // Where each alert was when it arrived: inside a page still hidden, or on screen.
      window.alerts = [];
      new MutationObserver(() => document.querySelectorAll('.roadmap [role="alert"]').forEach((el) => {
        if (!el.dataset.seen) {
          el.dataset.seen = '1';
          window.alerts.push(el.checkVisibility());
        }
      })).observe(document.body, { childList: true, subtree: true });
    });
    release();
    await appInCharge(page);
    await page.waitForSelector('.roadmap .notice.warning');
    assert.deepEqual(await page.evaluate(() => window.alerts), [true], 'one alert, added where it can be seen');
    await context.close();
  });

  test('keyboard focus in the static copy moves to the same control of the app', async () => {
    const { context, page, release } = await pageWithHeldWasm();
    await page.goto(app.server.url, { waitUntil: 'domcontentloaded' });
    await page.focus('#prerendered nav.toc a[href="#faq"]');
    release();
    await appInCharge(page);
    assert.equal(await page.evaluate(() => document.activeElement.matches('#app nav.toc a[href="#faq"]')), true);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.matches('#app nav.toc a[href="#sources"]')), true,
      'Tab goes on from there');
    await context.close();
  });

  test('the checklist works from its first step while later steps are still built, and focus and presses in those carry over', async () => {
    const { context, page, errors, release } = await pageWithHeldWasm();
    await slowTurns(page);
    const [first, last] = [steps[0].items[0].id, steps.at(-1).items[0].id];
    // The app's controls are the ones the start script did not mark as waiting for it.
    const live = (id, state) => `#item-${id} .state-button.${state}:not([data-waits])`;
    await page.goto(app.server.url, { waitUntil: 'domcontentloaded' });
    await startApp(page);
    release();
    await page.waitForSelector(live(first, 'done'));
    assert.equal(await page.locator(live(last, 'done')).count(), 0, 'the last step is not built yet');
    await page.click(live(first, 'done'));
    assert.equal(await page.getAttribute(live(first, 'done'), 'aria-pressed'), 'true', 'the first step works at once');
    // Focus on a control of a step not built yet, and a press there (a click that leaves focus
    // where it is).
    const waiting = (state) => `#item-${last} .state-button.${state}[data-waits]`;
    await page.focus(waiting('in_progress'));
    await page.$eval(waiting('done'), (button) => button.click());
    await appInCharge(page);
    await page.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('aria-pressed') === 'true', live(last, 'done'));
    assert.equal(await page.evaluate((selector) => document.activeElement.matches(selector), live(last, 'in_progress')), true,
      'focus moved to the same control of the built step');
    assert.equal(await page.locator('.check-item').count(), itemCount, 'every item once: no stand-in is left');
    assert.equal(await page.locator('[data-waits]').count(), 0);
    const saved = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY));
    assert.deepEqual(Object.keys(saved.items).sort(), [first, last].sort());
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('when the app cannot start, the guide stays readable and a notice offers Reload', async () => {
    const context = await app.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route('**/*_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(app.server.url);
    await startApp(page);
    const notice = page.locator('section.load-error [role="alert"]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not start.*The guide below can still be read/);
    assert.notEqual(await page.$eval('#prerendered .state-button', (button) => getComputedStyle(button).cursor), 'progress',
      'the controls no longer promise that the app is coming');
    assert.equal(await page.locator('#prerendered .guide-section').count(), 17);
    await page.unroute('**/*_bg.wasm');
    await Promise.all([page.waitForEvent('load'), page.click('section.load-error button.retry')]);
    await appInCharge(page);
    assert.equal(await page.locator('.load-error').count(), 0, 'Reload brought the app');
    await context.close();
  });

  test('when the running app stops, the same notice says so and offers Reload', async () => {
    const context = await app.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(app.server.url);
    await appInCharge(page);
    // A real trap of the release wasm: wasm-bindgen's allocator, asked for more than a wasm can
    // hold, aborts as a panic does in this build (scripts/env.sh), thrown out of a timer as a
    // listener's would be, or out of a promise's reaction.
    const trap = (how) => page.evaluate(async (how) => {
      const glue = performance.getEntriesByType('resource').map((entry) => entry.name)
        .find((name) => /career-guide-[0-9a-f]+\.js$/.test(name));
      const wasm = await (await import(glue)).default();
      const abort = () => wasm.__wbindgen_malloc(0xfffffff0, 1);
      if (how === 'promise') Promise.resolve().then(abort);
      else setTimeout(abort);
    }, how);
    const notice = page.locator('section.app-failure [role="alert"]');
    const reload = async () => {
      await Promise.all([page.waitForEvent('load'), page.click('section.app-failure button.retry')]);
      await appInCharge(page);
      assert.equal(await page.locator('section.app-failure').count(), 0, 'Reload brought the app back');
    };
    // An error that is not the app's (a host page's, an extension's) is left alone.
    await page.evaluate(() => setTimeout(() => { throw new Error('not the app'); }));
    await page.evaluate(() => { Promise.reject(new Error('not the app either')); });
    await page.waitForTimeout(200);
    assert.equal(await page.locator('section.app-failure').count(), 0, 'no notice for others');
    // A browser call that throws where the app expects none (here a click's ctrlKey, read by the
    // app's in-page link listener) leaves the app as broken as a panic would.
    await page.evaluate(() => {
      const click = new MouseEvent('click', { bubbles: true });
      Object.defineProperty(click, 'ctrlKey', { get() { throw new Error('a call failed'); } });
      document.querySelector('.toc a[href^="#"]').dispatchEvent(click);
    });
    await notice.waitFor();
    assert.match(await notice.textContent(), /Something went wrong in the app \(a call failed\)\./);
    await reload();
    await trap('listener');
    await notice.waitFor();
    assert.match(await notice.textContent(), /Something went wrong in the app \(unreachable\)\..*progress saved before this is kept\. Reload the page/);
    await trap('promise');
    await page.waitForTimeout(200);
    assert.equal(await page.locator('section.app-failure').count(), 1, 'one notice');
    await reload();
    await trap('promise');
    await notice.waitFor();
    await context.close();
  });

  test('a panic while the app starts is the app stopping, not a failed download', async () => {
    const context = await app.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    // The script as served, with a trap right after the app's main (its mount) ran: what a
    // panic in the mount looks like from the page.
    await page.route(/career-guide-[0-9a-f]+\.js$/, async (route) => {
      const response = await route.fetch();
      const script = await response.text();
      assert.ok(script.includes('.__wbindgen_start(),'), 'the script starts the app as expected');
      const body = script.replace('.__wbindgen_start(),', ".__wbindgen_start(),(() => { throw new WebAssembly.RuntimeError('unreachable'); })(),");
      await route.fulfill({ response, body });
    });
    await page.goto(app.server.url);
    await page.keyboard.press('Tab');
    const notice = page.locator('section.app-failure [role="alert"]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /^Something went wrong in the app \(unreachable\)\./);
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

describe('the app starts when the reader needs it', () => {
  /** A page that records the paths it fetches (the worker is blocked: the page's own requests). */
  async function recordedPage(contextOptions = {}) {
    const context = await app.browser.newContext({ serviceWorkers: 'block', ...contextOptions });
    const page = await context.newPage();
    const fetched = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    return { context, page, fetched, appFiles: () => fetched.filter((path) => /\.(wasm|js|json)$/.test(path)) };
  }
  /** Lets the page settle: its load event, then a second in which a started app would fetch. */
  const settle = async (page) => {
    await page.waitForLoadState('load');
    await page.waitForTimeout(1000);
  };

  test('a reader who only reads fetches the page alone; the first key press starts the app, its controls showing progress meanwhile', async () => {
    const { context, page, appFiles } = await recordedPage({ viewport: { width: 390, height: 844 } });
    await page.goto(app.server.url);
    await settle(page);
    assert.deepEqual(appFiles(), [], 'no script, wasm or data yet');
    assert.equal(await page.locator('#prerendered .guide-section').count(), 17, 'the guide is there to read');
    const cursor = () => page.$eval('#prerendered .state-button', (button) => getComputedStyle(button).cursor);
    assert.notEqual(await cursor(), 'progress', 'nothing is on its way yet');
    let releaseWasm;
    const wasmHeld = new Promise((done) => (releaseWasm = done));
    await page.route('**/*_bg.wasm', async (route) => {
      await wasmHeld;
      await route.continue();
    });
    await startApp(page);
    await page.waitForFunction(() => getComputedStyle(document.querySelector('#prerendered .state-button')).cursor === 'progress');
    releaseWasm();
    await appTookOver(page);
    // The script (with its lazy parts' loader), the wasm and the data are all fetched on the act,
    // side by side, and once each: the app's own request for the data is answered by what the
    // start script preloaded. No lazy part (scripts/split.mjs): nothing in them was used.
    const unhashed = appFiles().map((path) => path.replace(/-[0-9a-f]{8,16}(?=(_bg)?\.)/, '')).sort();
    assert.deepEqual(unhashed, ['/career-guide-loader.js', '/career-guide.js', '/career-guide_bg.wasm', '/data/guides/infrastructure-engineer.json']);
    assert.equal(await page.locator('button[disabled]:not(.calendar-button)').count(), 0, 'the controls work (the calendar waits for a plan)');
    await context.close();
  });

  test('the checklist coming within a screen of the viewport starts the app without any input', async () => {
    const { context, page, appFiles } = await recordedPage({ viewport: { width: 1280, height: 700 } });
    await page.goto(app.server.url);
    await settle(page);
    assert.deepEqual(appFiles(), [], 'the roadmap is further than a screen away');
    const roadmapTop = await page.$eval('#roadmap', (el) => el.getBoundingClientRect().top);
    // A taller window, not a scroll: only the nearness of the checklist's controls can start it.
    await page.setViewportSize({ width: 1280, height: Math.ceil(roadmapTop / 2) + 400 });
    await appTookOver(page);
    assert.ok(appFiles().some((path) => path.endsWith('.wasm')));
    await context.close();
  });

  test('a link that carries the chart\'s state starts the app at once; another query does not', async () => {
    const { context, page, appFiles } = await recordedPage();
    await page.goto(app.server.url + '?utm_source=newsletter&ref=x');
    await settle(page);
    assert.deepEqual(appFiles(), [], 'a tracking query is not the chart\'s state');
    await page.goto(app.server.url + '?ref=x&metric=employed');
    await appTookOver(page);
    assert.equal(await page.isChecked('input[name="salary-metric"][value="employed"]'), true);
    await context.close();
  });
});
