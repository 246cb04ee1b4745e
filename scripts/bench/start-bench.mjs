// What starting the app costs the page, now that it starts on the reader's first input (or when
// the chart or the checklist comes near) instead of during the first load.
import { launchChromium } from './browser-launch.mjs';
import { serveGzip } from './gzip-server.mjs';
import { median } from './stats.mjs';
import { heading, printTable } from './table.mjs';

/** Chrome's CPU slowdown here, as Lighthouse's mobile preset simulates it. */
const CPU_SLOWDOWN = 4;

/** In the page: notes the time of the reader's key press and of the static copy's removal. */
function watchTheStart() {
  window.startBench = { longTasks: [], pressedAt: null, tookOverAt: null };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.startBench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
  addEventListener('keydown', () => (window.startBench.pressedAt ??= performance.now()), true);
  new MutationObserver(() => {
    if (!document.getElementById('prerendered')) window.startBench.tookOverAt ??= performance.now();
  }).observe(document.body, { childList: true });
}

/** One start: load at a phone's size with the CPU slowed, press a key, wait until laid out. */
async function oneStart(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    await page.evaluate(watchTheStart);
    await page.keyboard.press('Shift');
    await page.waitForFunction(() => window.startBench.tookOverAt !== null, null, { timeout: 60000 });
    // The takeover lays the sections out one per frame afterwards: wait for that, then a second.
    await page.waitForFunction(() => !document.querySelector('#app .guide-section[style*="content-visibility"]'), null, { timeout: 60000 });
    await page.waitForTimeout(1000);
    const { longTasks, pressedAt, tookOverAt } = await page.evaluate(() => window.startBench);
    return {
      tookOver: tookOverAt - pressedAt,
      count: longTasks.length,
      longest: longTasks.length ? Math.max(...longTasks) : 0,
      blocking: longTasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
    };
  } finally {
    await context.close();
  }
}

/** Starts the app `runs` times from the gzip-served `distDir` and prints each run and the medians. */
export async function startBench(distDir, runs = 3) {
  heading(`Starting the app on the reader's first input (${CPU_SLOWDOWN}x CPU slowdown)`);
  const server = await serveGzip(distDir);
  const browser = await launchChromium();
  try {
    const results = [];
    for (let run = 0; run < runs; run++) results.push(await oneStart(browser, server.url));
    console.log(`412 x 823 px, Chrome's CPU throttling at ${CPU_SLOWDOWN}x; the app's files from the server on loopback (no service worker).`);
    console.log('A key press once the page has loaded fetches the script, wasm and data and builds the app;');
    console.log('"took over" is from the key press to the static copy\'s removal. Long tasks (over 50 ms) are');
    console.log('counted from the key press until every section is laid out and a second has passed;');
    console.log('"blocking" adds up their time over 50 ms, as TBT does.\n');
    const ms = (value) => `${Math.round(value)} ms`;
    const rows = results.map((r, i) => [`run ${i + 1}`, ms(r.tookOver), r.count, ms(r.longest), ms(r.blocking)]);
    rows.push(['median', ...['tookOver', 'count', 'longest', 'blocking'].map((key) => {
      const value = median(results.map((r) => r[key]));
      return key === 'count' ? Math.round(value) : ms(value);
    })]);
    printTable(['', 'took over', 'long tasks', 'longest', 'blocking'], rows);
  } finally {
    await browser.close();
    await server.close();
  }
}
