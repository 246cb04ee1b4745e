// How long the reader waits to see the effect of a press once the app is running, as Event Timing
// (what INP is built on) reports it, at 4x CPU on a phone-sized page: checklist presses, a note
// opened and closed, and the chart's metric, order and view. The target is 100 ms for each.
import { launchChromium } from './browser-launch.mjs';
import { serveGzip } from './gzip-server.mjs';
import { median } from './stats.mjs';
import { heading, printTable, verdict } from './table.mjs';

/** Chrome's CPU slowdown here, as Lighthouse's mobile preset simulates it. */
const CPU_SLOWDOWN = 4;

/** The target for each interaction, from the input to the next paint (ms). */
const TARGET_MS = 100;

/** Event Timing leaves out events shorter than this (ms; 16 is the least it allows). */
const THRESHOLD_MS = 16;

/** The wait after each interaction, for its paint and the observer's delivery of its entries (ms). */
const SETTLE_MS = 300;

/**
 * In the page: collects the events Event Timing reports with an interaction id, per interaction,
 * in `window.inpBench`, from which `takeInteractions` reads them.
 */
function observeEvents(threshold) {
  window.inpBench = new Map();
  new PerformanceObserver((list) => {
    for (const { interactionId, name, startTime, duration, processingStart, processingEnd } of list.getEntries()) {
      if (!interactionId) continue;
      if (!window.inpBench.has(interactionId)) window.inpBench.set(interactionId, []);
      window.inpBench.get(interactionId).push({ name, startTime, duration, processingStart, processingEnd });
    }
  }).observe({ type: 'event', durationThreshold: threshold, buffered: false });
}

/**
 * In the page: the interactions observed since the last call (forgetting them), longest first.
 * Each is its longest event's name and duration, split as web-vitals attributes INP over the
 * events painted with that one (a click's pointerdown, pointerup and click): input delay to the
 * first's handlers, processing from them to the end of the last's, then presentation to the paint.
 */
function takeInteractions() {
  const interactions = [...window.inpBench.values()].map((events) => {
    const longest = events.reduce((a, b) => (b.duration > a.duration ? b : a));
    const paint = longest.startTime + longest.duration;
    const frame = events.filter((e) => Math.abs(e.startTime + e.duration - paint) <= 8);
    const first = frame.reduce((a, b) => (b.startTime < a.startTime ? b : a));
    const handled = Math.max(...frame.map((e) => e.processingEnd));
    return {
      name: longest.name,
      duration: longest.duration,
      delay: first.processingStart - first.startTime,
      processing: handled - first.processingStart,
      // The duration is rounded to 8 ms, the processing times are not: no less than nothing.
      presentation: Math.max(0, paint - handled),
    };
  });
  window.inpBench.clear();
  return interactions.sort((a, b) => b.duration - a.duration);
}

/**
 * The reader's interactions of one round, each { kind, run(page), shows }: the item pressed Done,
 * In progress and Not started (back where it was), its note opened and closed, the chart's metric
 * there and back, its order (arrow keys on the select) there and back, and its view. `shows` is
 * the selector that must match afterwards, or with a leading '!' must not (the press worked).
 */
function roundPlan(item) {
  const press = (state) => (page) => page.locator(`#item-${item} .state-button.${state}`).click();
  const note = (page) => page.locator(`#item-${item} .note-toggle`).click();
  const radio = (name, value) => (page) => page.locator(`input[name="${name}"][value="${value}"]`).last().click();
  const key = (name) => (page) => page.keyboard.press(name);
  const pressed = (state) => `#item-${item} .state-button.${state}[aria-pressed="true"]`;
  const checked = (name, value) => `input[name="${name}"][value="${value}"]:checked`;
  return [
    ['checklist: Done', press('done'), pressed('done')],
    ['checklist: In progress', press('in_progress'), pressed('in_progress')],
    ['checklist: Not started', press('not_started'), pressed('not_started')],
    ['note: open', note, `#item-${item} .note-editor`],
    ['note: close', note, `!#item-${item} .note-editor`],
    ['metric: salary -> employed', radio('salary-metric', 'employed'), checked('salary-metric', 'employed')],
    ['metric: employed -> salary', radio('salary-metric', 'salary'), checked('salary-metric', 'salary')],
    ['order: next (arrow key)', key('ArrowDown'), '.chart-controls select option[value="asc"]:checked'],
    ['order: back (arrow key)', key('ArrowUp'), '.chart-controls select option[value="desc"]:checked'],
    ['view: chart -> table', radio('salary-view', 'table'), checked('salary-view', 'table')],
    ['view: table -> map', radio('salary-view', 'map'), checked('salary-view', 'map')],
    ['view: map -> chart', radio('salary-view', 'chart'), checked('salary-view', 'chart')],
  ].map(([kind, run, shows]) => ({ kind, run, shows }));
}

/**
 * Brings what the interaction of `kind` on `item` acts on into view, and focuses the order's
 * select for the arrow keys, then waits: the scroll and focus stay out of the timed interaction.
 */
async function prepare(page, kind, item) {
  const target = kind.startsWith('order')
    ? page.locator('.chart-controls select').last()
    : kind.startsWith('checklist') || kind.startsWith('note')
      ? page.locator(`#item-${item}`)
      : page.locator('.chart-controls').last();
  await target.scrollIntoViewIfNeeded();
  if (kind.startsWith('order')) await target.focus();
  await page.waitForTimeout(SETTLE_MS);
}

/**
 * Opens the gzip-served `distDir` at a phone's size, starts the app on a key press, lets it settle,
 * slows the CPU, then performs `rounds` rounds of interactions (another checklist item each round)
 * with Playwright's real mouse and keyboard input. Throws when one did not take effect. Resolves
 * to [{ kind, round, seen, others }]: seen is the interaction as takeInteractions gives it, or null when
 * Event Timing reported none (under the threshold); others counts further interactions observed.
 */
async function interact(browser, url, rounds) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: 'load' });
    await page.keyboard.press('Shift');
    await page.waitForFunction(() => !document.getElementById('prerendered')
      && document.querySelector('.check-item') && document.querySelector('.chart-controls input[name="salary-metric"]'));
    await page.waitForTimeout(1500);
    const items = await page.$$eval('.check-item', (els) => els.map((el) => el.id.replace('item-', '')));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.evaluate(observeEvents, THRESHOLD_MS);
    const results = [];
    for (let round = 0; round < rounds; round++) {
      const item = items[(round * 3 + 1) % items.length];
      for (const { kind, run, shows } of roundPlan(item)) {
        await prepare(page, kind, item);
        await page.evaluate(takeInteractions);
        await run(page);
        await page.waitForTimeout(SETTLE_MS);
        const [seen = null, ...others] = await page.evaluate(takeInteractions);
        const worked = await page.evaluate((sel) => !document.querySelector(sel.replace(/^!/, '')) === sel.startsWith('!'), shows);
        if (!worked) throw new Error(`${kind} (round ${round + 1}) did not work: expected ${shows}`);
        results.push({ kind, round: round + 1, seen, others: others.length });
      }
    }
    if (errors.length) throw new Error(`the page failed: ${errors.join('; ')}`);
    return results;
  } finally {
    await context.close();
  }
}

/** Measures `rounds` rounds of interactions in the gzip-served `distDir` and prints them per kind. */
export async function inpBench(distDir, rounds = 5) {
  heading(`Interactions once the app runs, by Event Timing (${CPU_SLOWDOWN}x CPU slowdown, target <= ${TARGET_MS} ms)`);
  const server = await serveGzip(distDir);
  const browser = await launchChromium();
  try {
    const results = await interact(browser, server.url, rounds);
    console.log(`412 x 823 px, Chrome's CPU throttling at ${CPU_SLOWDOWN}x (set once the app had started and idled 1.5 s);`);
    console.log(`no service worker. ${rounds} rounds of real mouse clicks and key presses, each after scrolling its target`);
    console.log(`into view, then ${SETTLE_MS} ms for its paint. An interaction's time is its longest event's Event Timing`);
    console.log('duration (input to the next paint), which the browser rounds to 8 ms; "-" or "<16": no event');
    console.log(`reached the ${THRESHOLD_MS} ms threshold. The split is the worst one's: input delay / processing / presentation.\n`);
    const ms = (value) => (value < THRESHOLD_MS ? `<${THRESHOLD_MS}` : `${Math.round(value)} ms`);
    const kinds = [...new Set(results.map((r) => r.kind))];
    // The slowest of `mine` (a result whose seen may be null: none reached the threshold).
    const worstOf = (mine) => mine.reduce((worst, r) => ((r.seen?.duration ?? 0) > (worst.seen?.duration ?? 0) ? r : worst));
    printTable(
      ['interaction', 'n', 'median', 'max', 'worst: delay', 'processing', 'presentation', `max <= ${TARGET_MS}`],
      kinds.map((kind) => {
        const mine = results.filter((r) => r.kind === kind);
        const worst = worstOf(mine).seen;
        const times = mine.map((r) => r.seen?.duration ?? 0);
        const split = worst ? [worst.delay, worst.processing, worst.presentation].map((v) => `${Math.round(v)} ms`) : ['-', '-', '-'];
        return [kind, mine.length, ms(median(times)), ms(Math.max(...times)), ...split, verdict(Math.max(...times) <= TARGET_MS)];
      }),
    );
    const extra = results.reduce((sum, r) => sum + r.others, 0);
    if (extra) console.log(`\nWARNING: ${extra} more interactions observed than performed (left out)`);
    const worst = worstOf(results);
    const slowest = worst.seen?.duration ?? 0;
    console.log(`\nslowest interaction (INP-like, the worst of ${results.length}): ${ms(slowest)} (${worst.kind}, round ${worst.round}) against ${TARGET_MS} ms: ${verdict(slowest <= TARGET_MS)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}
