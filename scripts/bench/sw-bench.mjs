// Bytes a repeat visit still sends over the network once the service worker is in control.
import { launchChromium } from './browser-launch.mjs';
import { serveGzip } from './gzip-server.mjs';
import { heading, printTable, verdict } from './table.mjs';

// Chromium checks the worker for updates a few seconds (3-6 s seen) after a controlled
// navigation: watch the server until well past that and quiet.
const WATCH = { minMs: 10000, quietMs: 2000, maxMs: 20000 };

/** Waits until the page is controlled by a service worker, reloading once if it is not. */
async function waitForControl(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
}

/** Waits until `WATCH.minMs` after `start` and `WATCH.quietMs` after the server's last request. */
async function waitForQuiet(server, start) {
  for (;;) {
    const now = performance.now();
    const last = server.log.reduce((latest, entry) => Math.max(latest, entry.at), start);
    if ((now - start >= WATCH.minMs && now - last >= WATCH.quietMs) || now - start >= WATCH.maxMs) return;
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** What a request the server saw is, for the reader of the list. */
function describe({ method, path }) {
  if (path.includes('cg-probe=')) return 'connectivity probe (the worker lets it through)';
  if (/^\/sw\.js(\?|$)/.test(path)) return 'update check of the worker script';
  if (method === 'GET' && /^\/(\?|$)|index\.html/.test(path)) return 'the page itself';
  return '';
}

/**
 * One repeat visit: a new page in `context` at the server, `act` run on it once loaded (the
 * reader's input, or nothing), then the server watched until quiet. Prints what it saw.
 */
async function repeatVisit(context, server, title, act) {
  server.reset();
  const page = await context.newPage();
  const responses = [];
  page.on('response', (response) => responses.push(response));
  const start = performance.now();
  await page.goto(server.url, { waitUntil: 'load' });
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  await act(page);
  await waitForQuiet(server, start);
  const watched = performance.now() - start;
  const seen = [...server.log];
  const total = seen.reduce((sum, entry) => sum + entry.bytes, 0);
  const fromWorker = responses.filter((response) => response.fromServiceWorker()).length;
  await page.close();

  console.log(`\n${title}`);
  console.log(`controlled by the worker: ${controlled ? 'yes' : 'NO'}; the page's responses: ${responses.length}, of which answered by the worker: ${fromWorker}`);
  console.log(`bytes counted at the server for ${(watched / 1000).toFixed(1)} s after the navigation started\n`);
  printTable(
    ['method', 'path', 'status', 'bytes', 'at', 'what'],
    seen.map((entry) => [entry.method, entry.path, entry.status, entry.bytes, `${Math.round(entry.at - start)} ms`, describe(entry)]),
    'llrrrl',
  );
  if (seen.length === 0) console.log('(no request reached the server)');
  const bodies = seen.reduce((sum, entry) => sum + entry.body, 0);
  console.log(`\nrepeat-visit total: ${total} bytes in ${seen.length} requests  ${verdict(total === 0)} (goal 0)`);
  console.log(`of which response bodies: ${bodies} bytes  ${verdict(bodies === 0)} (the rest are headers: the probe, 304s)`);
}

/**
 * Serves `distDir`, lets the service worker take control, then opens the page again in the same
 * context twice, once only reading and once starting the app, and prints every request the
 * server saw during each repeat visit and their bytes.
 */
export async function swBench(distDir) {
  heading('Repeat visit with the service worker in control (goal: 0 bytes)');
  const server = await serveGzip(distDir);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(server.url, { waitUntil: 'load' });
    await waitForControl(first);
    await first.waitForLoadState('networkidle');
    const firstVisit = server.log.reduce((sum, entry) => sum + entry.bytes, 0);
    const firstRequests = server.log.length;
    await first.close();
    console.log(`first visit, reading only (until controlled and idle): ${server.url}, ${firstRequests} requests, ${firstVisit} bytes`);
    console.log('sent by the server (the page, then the files the worker precaches in the background)');
    console.log(`each repeat visit is a new page in the same browser context; the server is watched for at least`);
    console.log(`${WATCH.minMs / 1000} s and until ${WATCH.quietMs / 1000} s quiet; bytes = headers + body as written to the socket; 'at' counts`);
    console.log('from the navigation\'s start');

    await repeatVisit(context, server, 'repeat visit, reading only', async () => {});
    await repeatVisit(context, server, 'repeat visit, starting the app (a key press once loaded)', async (page) => {
      await page.keyboard.press('Shift');
      await page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 15000 });
    });
  } finally {
    await browser.close();
    await server.close();
  }
}
