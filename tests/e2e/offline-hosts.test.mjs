// The service worker on real hosts and across releases, with real server processes that are
// stopped: a host that redirects index.html to its folder ("clean URLs"), Debian's nginx with
// the shipped deploy/nginx.conf, two releases open at once in two tabs, navigations that are not
// the app's, and a release whose files do not match their revisions. At / and under a sub-path.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from './support/app.mjs';
import { launch } from './support/browser.mjs';
import { startNginx } from './support/nginx.mjs';
import { controlled, eventually, newWorkerOutcome } from './support/worker.mjs';
import { freePort, startServer } from './support/process.mjs';
import { writeWorker } from '../../scripts/precache.mjs';
import { precompress } from '../../scripts/precompress.mjs';
import { policyOf, withPolicy } from '../../scripts/csp.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const BUILDS = [
  ['at the root', 'dist', '/'],
  ['under /career-guide/', 'target/dist-subpath', '/career-guide/'],
];

// ---- Builds -------------------------------------------------------------------------------------

const guidePath = (dir) => join(dir, 'data', 'guides', 'infrastructure-engineer.json');
const editionOf = (dir) => JSON.parse(readFileSync(guidePath(dir), 'utf8')).edition;

/** Sets the edition in `dir`'s guide data (and so changes that file's revision). */
function setEdition(dir, edition) {
  const data = JSON.parse(readFileSync(guidePath(dir), 'utf8'));
  data.edition = edition;
  writeFileSync(guidePath(dir), JSON.stringify(data));
}

/** A copy of the build in `dir`, in a new temporary folder. */
function copyBuild(dir) {
  const copy = mkdtempSync(join(tmpdir(), 'cg-release-'));
  cpSync(dir, copy, { recursive: true });
  return copy;
}

function* filesUnder(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/**
 * Gives the app's script and wasm (trunk's `name-<hash>.js`, `name-<hash>_bg.wasm`) new hashes
 * in `dir`, as a build with changed code would, and rewrites every file that names them. The
 * page's inline start script names the module, so its CSP hash is written again too.
 */
function renameAppFiles(dir) {
  const before = readFileSync(join(dir, 'index.html'), 'utf8');
  const stems = new Map();
  for (const name of readdirSync(dir)) {
    const match = name.match(/^(.+)-([0-9a-f]{8,16})(_bg)?\.(js|wasm)$/);
    if (!match) continue;
    const [, base, hash] = match;
    const fresh = createHash('sha256').update(`${hash} in release 2`).digest('hex').slice(0, hash.length);
    stems.set(`${base}-${hash}`, `${base}-${fresh}`);
  }
  assert.ok(stems.size > 0, `no hashed script or wasm in ${dir}`);
  for (const name of readdirSync(dir)) {
    for (const [from, to] of stems) {
      if (name.startsWith(`${from}.`) || name.startsWith(`${from}_`)) renameSync(join(dir, name), join(dir, to + name.slice(from.length)));
    }
  }
  for (const path of filesUnder(dir)) {
    if (!/\.(html|js|mjs|css|json|webmanifest|svg|txt)$/.test(path)) continue;
    const text = readFileSync(path, 'utf8');
    let rewritten = text;
    for (const [from, to] of stems) rewritten = rewritten.replaceAll(from, to);
    if (path === join(dir, 'index.html') && policyOf(rewritten)) rewritten = withPolicy(rewritten);
    if (rewritten !== text) writeFileSync(path, rewritten);
  }
  const page = readFileSync(join(dir, 'index.html'), 'utf8');
  // The lazy parts and their loader are named by the app's script, not by the page.
  for (const [from, to] of [...stems].filter(([from]) => before.includes(from))) {
    assert.ok(!page.includes(from), `index.html still names ${from}`);
    assert.ok(page.includes(to), `index.html names ${to}`);
  }
}

/**
 * A new release of `dir`: its guide's edition says "(updated)", and, with `newCode`, its script
 * and wasm have new names (the old names are gone from the server) and, as a build's would,
 * gzip copies of their bytes under those names (scripts/precompress.mjs).
 */
async function newRelease(dir, { newCode = false } = {}) {
  const copy = copyBuild(dir);
  setEdition(copy, `${editionOf(dir)} (updated)`);
  if (newCode) {
    renameAppFiles(copy);
    await precompress(copy);
  }
  writeWorker(copy);
  return copy;
}

// ---- Pages --------------------------------------------------------------------------------------

const HEADINGS = '.guide-section > .section-heading > h2';
const releaseCaches = (page) => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('career-guide-')));

/** A new context and page whose uncaught errors are collected. */
async function openPage(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return { page, errors };
}

/** A first visit by a reader who only reads: the page registers the worker without the app. */
async function visitUntilControlled(page, url) {
  await page.goto(url);
  await controlled(page);
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  assert.deepEqual(fetched.filter((name) => /\.(wasm|js|json)$/.test(name)), [], 'the app was never started');
}

/**
 * Starts the app (a Shift press) and resolves once it has taken over, or fails at once with the
 * page's "could not start" notice instead of waiting for a timeout.
 */
async function appStarts(page) {
  await page.bringToFront();
  await startApp(page);
  const outcome = await page.waitForFunction(() => {
    const notice = document.querySelector('.load-error');
    if (notice) return `the app could not start: ${notice.textContent}`;
    return !document.getElementById('prerendered') && document.querySelector('#app > *') ? 'started' : false;
  });
  assert.equal(await outcome.jsonValue(), 'started');
}

/** The URL of `path` in the page's release, as the page resolves it (its <base>). */
const pageUrl = (page, path) => page.evaluate((path) => new URL(path, document.baseURI).href, path);

/** Runs `body` with a fresh context, always closing it (and every server in `servers`). */
async function withContext(servers, body) {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  try {
    await body(context);
  } finally {
    await context.close();
    for (const server of servers) await server.current?.stop();
  }
}

/** A server slot the test can replace; withContext stops whatever it holds at the end. */
const slot = (server) => ({ current: server });

// ---- Tests --------------------------------------------------------------------------------------

for (const [name, dist, prefix] of BUILDS) {
  describe(`the worker on real hosts (${name})`, () => {
    test('a host that redirects index.html to its folder: reloads, embeds, and works offline', async () => {
      const port = await freePort();
      const server = slot(await startServer(dist, port, prefix, { redirectIndex: true }));
      await withContext([server], async (context) => {
        const { page, errors } = await openPage(context);
        const url = server.current.url;
        const redirect = await fetch(`${url}index.html`, { redirect: 'manual' });
        assert.equal(redirect.status, 301, 'the host really redirects index.html');

        await visitUntilControlled(page, url);
        const index = await pageUrl(page, 'index.html');
        assert.equal(await page.evaluate(async (index) => (await caches.match(index))?.redirected, index), false,
          'index.html is stored as a clean copy, not as the redirect\'s answer');

        const reloaded = await page.reload();
        assert.ok(reloaded.fromServiceWorker(), 'the worker answers the page');
        assert.equal(await page.locator(HEADINGS).count(), 17, 'the guide is there');

        const embedded = await page.goto(`${url}?embed=chart`);
        assert.ok(embedded.fromServiceWorker());
        await page.waitForSelector('#app .salary-explorer');
        assert.equal(await page.locator('.bar-chart .bar').count(), 10, 'the embedded chart is there');

        await page.goto(url);
        await server.current.stop();
        server.current = null;
        await page.reload();
        await appStarts(page);
        assert.equal(await page.locator(HEADINGS).count(), 17, 'offline: every section is there');
        assert.equal(await page.locator('.bar-chart .bar').count(), 10, 'offline: the chart is there');
        assert.deepEqual(errors, []);
      });
    });

    test('nginx with deploy/nginx.conf: its 404s stay 404s, and the app works offline', async () => {
      const port = await freePort();
      const server = slot(await startNginx(dist, port, prefix));
      await withContext([server], async (context) => {
        const { page, errors } = await openPage(context);
        const url = server.current.url;
        await visitUntilControlled(page, url);

        const missing = await page.goto(`${url}docs/`);
        assert.equal(missing.status(), 404, 'a page that is not the app gets the server\'s answer');
        assert.equal(missing.fromServiceWorker(), false);

        await page.goto(url);
        await server.current.stop();
        server.current = null;
        const reloaded = await page.reload();
        assert.ok(reloaded.fromServiceWorker());
        await appStarts(page);
        assert.equal(await page.locator(HEADINGS).count(), 17, 'every section is there');
        assert.equal(await page.locator('.bar-chart .bar').count(), 10, 'the chart is there');
        const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).find((n) => n.endsWith('.wasm')));
        assert.equal(await page.evaluate(async (wasm) => (await caches.match(wasm)).headers.get('content-type'), wasm), 'application/wasm');
        assert.deepEqual(errors, []);
      });
    });

    test('only the app\'s own pages are answered by the worker', async () => {
      const port = await freePort();
      const server = slot(await startServer(dist, port, prefix));
      await withContext([server], async (context) => {
        const { page } = await openPage(context);
        const url = server.current.url;
        await visitUntilControlled(page, url);

        const missing = await page.goto(`${url}not-the-app/`);
        assert.equal(missing.status(), 404, 'online, the server\'s 404');
        assert.equal(missing.fromServiceWorker(), false);
        assert.equal(await page.locator('.guide-section').count(), 0, 'not the app');

        await server.current.stop();
        server.current = null;
        await assert.rejects(page.goto(`${url}not-the-app/`), /net::ERR_/, 'offline, the browser\'s own error');

        // A fresh tab: the one on the browser's error page may still be navigating there.
        const fresh = await context.newPage();
        const embedded = await fresh.goto(`${url}?embed=guide`);
        assert.ok(embedded.fromServiceWorker(), 'offline, the app\'s page still comes from the worker');
        await fresh.waitForSelector('.embed-root .guide-section');
        assert.equal(await fresh.locator('.embed-root .guide-section').count(), 17);
      });
    });
  });

  describe(`releases (${name})`, () => {
    test('behind nginx, a tab still on the previous release starts its app from that release after another tab took the new one', async () => {
      const port = await freePort();
      const firstEdition = editionOf(dist);
      // Behind nginx with the shipped configuration, as a real deployment would be.
      const server = slot(await startNginx(dist, port, prefix));
      await withContext([server], async (context) => {
        // Tab A: release 1, read but never started.
        const { page: tabA, errors: errorsA } = await openPage(context);
        await visitUntilControlled(tabA, server.current.url);
        const [firstCache] = await releaseCaches(tabA);

        // Release 2 is deployed: new data, and new names for the script and the wasm.
        await server.current.stop();
        server.current = await startNginx(await newRelease(dist, { newCode: true }), port, prefix);

        // Tab B opens (release 1, from the worker), the new worker installs and waits.
        const { page: tabB, errors: errorsB } = await openPage(context);
        await tabB.goto(server.current.url);
        assert.equal(await newWorkerOutcome(tabB), 'installed', 'release 2 installs and waits');
        await appStarts(tabB);
        await tabB.waitForSelector('.update-prompt', { timeout: 20_000 });
        assert.equal(await tabB.textContent('.edition'), firstEdition);

        // Its reader takes the update: the new worker takes over every tab, tab B reloads.
        await Promise.all([tabB.waitForEvent('load'), tabB.click('.update-prompt button')]);
        await appStarts(tabB);
        await tabB.waitForFunction(() => document.querySelector('.edition')?.textContent.includes('(updated)'));

        // Tab A, still release 1's static page, now starts its app: release 1's files, whole.
        assert.equal(await tabA.locator('#prerendered').count(), 1, 'tab A was never reloaded');
        await appStarts(tabA);
        assert.equal(await tabA.textContent('.edition'), firstEdition, 'release 1\'s data, not release 2\'s');
        assert.equal(await tabA.locator(HEADINGS).count(), 17);
        assert.equal(await tabA.locator('.bar-chart .bar').count(), 10);
        assert.deepEqual(errorsA, []);

        // Once no tab uses release 1, its cache goes.
        await tabA.close();
        await tabB.reload();
        const oneLeft = await eventually(async () => (await releaseCaches(tabB)).length === 1, 15_000);
        assert.ok(oneLeft, `one release cache should remain: ${await releaseCaches(tabB)}`);
        const [lastCache] = await releaseCaches(tabB);
        assert.notEqual(lastCache, firstCache, 'the remaining cache is release 2\'s');
        assert.deepEqual(errorsB, []);
      });
    });

    test('a host that changes the page it serves (an injected script) still gets the new release installed', async () => {
      const port = await freePort();
      const server = slot(await startServer(dist, port, prefix));
      await withContext([server], async (context) => {
        const { page } = await openPage(context);
        await visitUntilControlled(page, server.current.url);
        // The worker lists the page's revision; the host serves it with a snippet of its own.
        const release = await newRelease(dist);
        const index = join(release, 'index.html');
        writeFileSync(index, readFileSync(index, 'utf8').replace('</body>', '<script src="https://analytics.example/a.js"></script></body>'));
        await server.current.stop();
        server.current = await startServer(release, port, prefix);
        assert.equal(await newWorkerOutcome(page), 'installed', 'the new release installs despite the host\'s snippet');
      });
    });

    test('a release whose files do not match their revisions is not installed; the one in charge stays', async () => {
      const port = await freePort();
      const firstEdition = editionOf(dist);
      const server = slot(await startServer(dist, port, prefix));
      await withContext([server], async (context) => {
        const { page, errors } = await openPage(context);
        await visitUntilControlled(page, server.current.url);
        const before = await releaseCaches(page);

        // The worker lists one revision of the data; the host serves another.
        const broken = await newRelease(dist);
        setEdition(broken, `${firstEdition} (not this release)`);
        await server.current.stop();
        server.current = await startServer(broken, port, prefix);

        const outcome = await page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          const active = registration.active;
          const found = new Promise((done) => registration.addEventListener('updatefound', () => done(registration.installing), { once: true }));
          await registration.update().catch(() => {});
          const worker = await Promise.race([found, new Promise((done) => setTimeout(() => done(null), 10_000))]);
          if (!worker) return { found: false };
          await new Promise((done) => {
            const settled = () => worker.state !== 'installing';
            if (settled()) done();
            else worker.addEventListener('statechange', () => settled() && done());
          });
          return {
            found: true,
            state: worker.state,
            installing: registration.installing !== null,
            waiting: registration.waiting !== null,
            sameActive: registration.active === active,
          };
        });
        assert.deepEqual(outcome, { found: true, state: 'redundant', installing: false, waiting: false, sameActive: true },
          'the new worker was found, failed its install, and the old one stays in charge');
        assert.deepEqual(await releaseCaches(page), before, 'the failed install left no cache behind');

        const reloaded = await page.reload();
        assert.ok(reloaded.fromServiceWorker());
        await appStarts(page);
        assert.equal(await page.textContent('.edition'), firstEdition, 'the release in charge, whole');
        assert.equal(await page.locator(HEADINGS).count(), 17);
        assert.deepEqual(errors, []);
      });
    });
  });
}
