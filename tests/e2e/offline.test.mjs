// Offline use of the release build, with the server process really stopped: the first visit
// installs the worker; without a server the guide, chart and checklist still work; a changed
// build is offered as an update and replaces the old caches. At / and under a sub-path.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { appInCharge } from './support/app.mjs';
import { launch, launchPersistent } from './support/browser.mjs';
import { freePort, startServer } from './support/process.mjs';
import { controlled, eventually, newWorkerFound } from './support/worker.mjs';
import { buildManifest, LINK_PREVIEW, manifestOf, PRECOMPRESSED, writeWorker } from '../../scripts/precache.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A copy of `dir` whose guide data (and so whose worker) differs: a new release. */
function changedBuild(dir) {
  const copy = mkdtempSync(join(tmpdir(), 'cg-build-'));
  cpSync(dir, copy, { recursive: true });
  const dataPath = join(copy, 'data', 'guides', 'infrastructure-engineer.json');
  const data = JSON.parse(readFileSync(dataPath, 'utf8'));
  data.edition = `${data.edition} (updated)`;
  writeFileSync(dataPath, JSON.stringify(data));
  writeWorker(copy);
  return copy;
}

const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('career-guide-')));

/** A first visit by a reader who only reads: the page registers the worker without the app. */
async function visitUntilControlled(page, url) {
  await page.goto(url);
  await controlled(page);
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  assert.deepEqual(fetched.filter((name) => /\.(wasm|js|json)$/.test(name)), [], 'the app was never started');
}

function offlineSuite(name, dist, prefix) {
  describe(`offline use (${name})`, () => {
    test('works with the server stopped, then takes an update when a new build is served', async () => {
      const port = await freePort();
      let server = await startServer(dist, port, prefix);
      const context = await browser.newContext({ reducedMotion: 'reduce' });
      const page = await context.newPage();
      await visitUntilControlled(page, server.url);

      // The app's files came from the worker's precache alone: the page never asked for them.
      await server.stop();
      await page.reload();
      await appInCharge(page);
      assert.equal(await page.locator('.guide-section > .section-heading > h2').count(), 17, 'every section is there');
      assert.equal(await page.locator('.bar-chart .bar').count(), 10, 'the chart is there');
      await page.click('#item-tool-terraform .state-button:has-text("Done")');
      await page.getByLabel('Number employed').check();
      await page.waitForFunction(() => document.querySelector('.bar-chart .bar-name')?.textContent === 'California');
      await page.click('#item-tool-kubernetes .state-button:has-text("In progress")');
      await page.waitForSelector('.offline-status');
      assert.equal(await page.textContent('.offline-status'), 'Offline: showing the saved copy');
      const wasmType = await page.evaluate(async () => {
        const wasm = performance.getEntriesByType('resource').map((e) => e.name).find((n) => n.endsWith('.wasm'));
        return (await caches.match(wasm)).headers.get('content-type');
      });
      assert.equal(wasmType, 'application/wasm');
      await page.reload();
      await appInCharge(page);
      assert.match(await page.textContent('#item-tool-terraform [aria-pressed="true"]'), /Done/, 'offline ticks persist');
      assert.match(await page.textContent('#item-tool-kubernetes [aria-pressed="true"]'), /In progress/);
      const results = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(results.violations.map((v) => v.id), [], 'axe, offline');
      const [oldCache] = await cacheNames(page);

      server = await startServer(changedBuild(dist), port, prefix);
      // The browser finds the new release on its own before the reader starts the app: hold the
      // new worker's download of the data back, so that it is still installing when the app
      // starts, and only then let it finish.
      let finishInstall;
      const installHeld = new Promise((done) => (finishInstall = done));
      await context.route('**/data/guides/infrastructure-engineer.json', async (route) => {
        await installHeld;
        await route.continue();
      });
      await page.reload();
      // Found on the reload's navigation, and held installing by the route above.
      assert.equal(await newWorkerFound(page), true);
      assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).installing !== null), true,
        'the new release is still installing when the app starts');
      await appInCharge(page);
      finishInstall();
      await page.waitForSelector('.update-prompt', { timeout: 20_000 });
      await context.unroute('**/data/guides/infrastructure-engineer.json');
      assert.match(await page.textContent('.update-prompt'), /A new version is available/);
      assert.doesNotMatch(await page.textContent('.edition'), /updated/, 'no forced switch mid-session');
      await Promise.all([page.waitForEvent('load'), page.click('.update-prompt button')]);
      await appInCharge(page);
      await page.waitForFunction(() => document.querySelector('.edition')?.textContent.includes('(updated)'));
      // The worker deletes the old release once the new page is live, in tasks of its own.
      const oneLeft = await eventually(async () => {
        const names = await cacheNames(page);
        return names.length === 1 && names[0] !== oldCache;
      }, 15_000);
      assert.ok(oneLeft, `only the new version's cache remains: ${await cacheNames(page)} (old: ${oldCache})`);
      await context.close();
      await server.stop();
    });
  });
}

offlineSuite('at the root', 'dist', '/');
offlineSuite('under /career-guide/', 'target/dist-subpath', '/career-guide/');

describe('the install manifest and the precache list', () => {
  test('the browser finds the app installable', async () => {
    const port = await freePort();
    const server = await startServer('dist', port, '/');
    const context = await launchPersistent();
    const page = await context.newPage();
    await visitUntilControlled(page, server.url);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const manifest = await page.evaluate(async () => (await fetch('manifest.webmanifest')).json());
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.start_url, './');
    assert.ok(manifest.icons.some((icon) => icon.purpose === 'maskable'));
    await context.close();
    await server.stop();
  });

  for (const dir of ['dist', 'target/dist-subpath']) {
    test(`every built file in ${dir} is precached, with its current revision`, () => {
      const listed = manifestOf(readFileSync(join(dir, 'sw.js'), 'utf8'));
      assert.deepEqual(listed, buildManifest(dir));
      const files = [];
      const walk = (sub) => {
        for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
          const path = sub ? `${sub}/${entry.name}` : entry.name;
          if (entry.isDirectory()) walk(path);
          else if (path !== 'sw.js' && !PRECOMPRESSED.test(path) && !LINK_PREVIEW.test(path)) files.push(path);
        }
      };
      walk('');
      assert.deepEqual(listed.map((entry) => entry.url).sort(), files.sort());
      assert.ok(listed.some((entry) => entry.url === 'data/guides/infrastructure-engineer.json' && !entry.hashed));
      assert.ok(listed.some((entry) => entry.url.endsWith('_bg.wasm') && entry.hashed));
      assert.ok(listed.some((entry) => entry.url === 'index.html' && !entry.hashed));
    });
  }
});
