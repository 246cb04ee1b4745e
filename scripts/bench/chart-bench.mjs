// How long the salary chart takes to switch metric and sort order (target: under 16 ms).
import { launchChromium } from './browser-launch.mjs';
import { chartStateInPage, runSwitchesInPage } from './chart-switch-page.mjs';
import { serveGzip } from './gzip-server.mjs';
import { max, median } from './stats.mjs';
import { heading, printTable, verdict } from './table.mjs';

const TARGET_MS = 16;

/** The switches to time: `rounds` of salary<->employed, then `rounds` cycles through the orders. */
function switchPlan(sort, rounds) {
  const plan = [];
  for (let i = 0; i < rounds; i++) {
    plan.push({ kind: 'metric: salary -> employed', control: 'metric', value: 'employed' });
    plan.push({ kind: 'metric: employed -> salary', control: 'metric', value: 'salary' });
  }
  const start = sort.values.indexOf(sort.current);
  const cycle = [...sort.values.slice(start), ...sort.values.slice(0, start)];
  for (let i = 0; i < rounds; i++) {
    cycle.forEach((value, j) => {
      const next = cycle[(j + 1) % cycle.length];
      plan.push({ kind: `sort: ${value} -> ${next}`, control: 'sort', value: next });
    });
  }
  return plan;
}

/**
 * Opens the gzip-served release `distDir` (no CPU throttling), waits for the worker's precache, times
 * every chart switch `rounds` times after a warm-up round, and prints median and max per kind.
 */
export async function chartBench(distDir, rounds = 20) {
  heading(`Chart switch time (target < ${TARGET_MS} ms)`);
  const server = await serveGzip(distDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url, { waitUntil: 'networkidle' });
    // The worker precaches every file on the first visit: let that finish (15 s at most) first.
    await page.evaluate(() => Promise.race([navigator.serviceWorker.ready, new Promise((done) => setTimeout(done, 15000))]));
    await page.waitForLoadState('networkidle');
    // The page starts the app on the reader's first input: a key press that changes nothing else.
    await page.keyboard.press('Shift');
    await page.waitForFunction(() => !document.getElementById('prerendered'));
    await page.waitForSelector('input[name="salary-metric"]');
    await page.waitForSelector('[id^="bar-"]');
    let state = await page.evaluate(chartStateInPage);
    if (state.metric !== 'salary') {
      await page.locator('input[name="salary-metric"][value="salary"]').last().click();
      state = await page.evaluate(chartStateInPage);
    }
    const { sort } = state;
    const warmUp = await page.evaluate(runSwitchesInPage, switchPlan(sort, 1));
    const results = await page.evaluate(runSwitchesInPage, switchPlan(sort, rounds));

    console.log("headless Chromium without CPU throttling, after the service worker's precache finished;");
    console.log(`${rounds} switches per kind, after ${warmUp.length} warm-up switches. Each is timed from a performance.mark`);
    console.log('before the click/change to one after the layout forced (getBoundingClientRect) in the');
    console.log('MutationObserver callback of its last mutation burst (checked: a whole task passed without');
    console.log('another). Paint is not included; "layout" is the median share of that forced layout.\n');
    if (state.charts > 1) console.log(`WARNING: the page has ${state.charts} salary charts (a pre-rendered copy beside the app's?); measuring the last one\n`);
    if (results.length < switchPlan(sort, rounds).length) console.log(`WARNING: stopped after ${results.length} switches: the chart stopped responding\n`);
    const kinds = [...new Set(switchPlan(sort, 1).map((step) => step.kind))];
    printTable(
      ['switch', 'n', 'median', 'max', 'layout', 'no DOM change', `median < ${TARGET_MS}`, `max < ${TARGET_MS}`],
      kinds.map((kind) => {
        const mine = results.filter((r) => r.kind === kind);
        const done = mine.filter((r) => r.changed && !r.timedOut);
        const times = done.map((r) => r.ms);
        const fmt = (value) => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(1)} ms`);
        const judge = (value) => verdict(Number.isNaN(value) ? null : value < TARGET_MS);
        return [kind, done.length, fmt(median(times)), fmt(max(times)), fmt(median(done.map((r) => r.layoutMs))), mine.length - done.length, judge(median(times)), judge(max(times))];
      }),
    );
    for (const error of errors) console.log(`page error: ${error}`);
    console.log('("no DOM change": switches that changed nothing in the chart within 2 s; left out of the times)');
  } finally {
    await browser.close();
    await server.close();
  }
}
