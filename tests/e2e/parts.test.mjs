// The app's lazy parts (scripts/split.mjs, src/platform/parts.rs): a part is fetched only when the
// reader first uses what it holds, once; one that cannot be fetched says so and can be tried again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withPolicy } from '../../scripts/csp.mjs';
import { useApp } from './support/app.mjs';
import { launchWithBackForwardCache } from './support/browser.mjs';
import { mark, pressed } from './support/checklist.mjs';
import { serve } from './support/server.mjs';

const app = useApp();

/** The app started at `rest` in a fresh context without a worker, with the parts it fetched. */
async function started(rest = '#roadmap') {
  const context = await app.browser.newContext({ serviceWorkers: 'block', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const parts = [];
  page.on('request', (request) => {
    // A release build's names (part-<hash>.wasm), or a debug build's (split_…, chunk_…).
    if (/\/(part-[0-9a-f]+|split_\w+|chunk_\d+)\.wasm$/.test(new URL(request.url()).pathname)) parts.push(request.url());
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(new URL(rest, app.server.url).href);
  await page.keyboard.press('Shift');
  await page.waitForSelector('#app .check-item');
  return { context, page, parts, errors };
}

/**
 * Deploys into `dir` a newer release of the build in `dist`: the same app under other content
 * hashes (each hash reversed, in every name and every file that names it), so that none of the
 * files of the release before is left, as after a real deploy; its page's CSP made anew.
 */
function deployNewerRelease(dir) {
  rmSync(dir, { recursive: true, force: true });
  cpSync('dist', dir, { recursive: true });
  const hashes = new Set();
  for (const name of readdirSync(dir)) {
    const found = name.match(/^(?:career-guide(?:-loader)?|part)-([0-9a-f]{16})/);
    if (found) hashes.add(found[1]);
  }
  const renamed = (text) => [...hashes].reduce((out, hash) => out.replaceAll(hash, [...hash].reverse().join('')), text);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (/\.(gz|br)$/.test(name)) {
      rmSync(path);
      continue;
    }
    if (/\.(js|html)$/.test(name)) writeFileSync(path, renamed(readFileSync(path, 'utf8')));
    if (renamed(name) !== name) renameSync(path, join(dir, renamed(name)));
  }
  const index = join(dir, 'index.html');
  writeFileSync(index, withPolicy(readFileSync(index, 'utf8')));
}

describe('lazy parts of the app', () => {
  test('a part a newer release replaced offers Reload, which brings that release with nothing lost', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'cg-release-')), 'site');
    cpSync('dist', dir, { recursive: true });
    const site = await serve(dir);
    const context = await app.browser.newContext({ serviceWorkers: 'block', reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error));
      await page.goto(`${site.url}#roadmap`);
      await page.keyboard.press('Shift');
      await page.waitForSelector('#app .check-item');
      const id = await page.$eval('.check-item', (item) => item.id.replace(/^item-/, ''));
      await mark(page, id, 'Done');
      deployNewerRelease(dir);
      await page.click('button.share-button');
      const alert = page.locator('.roadmap-tools .part-missing[role="alert"]');
      await alert.waitFor();
      assert.match(await alert.textContent(), /A newer version of this guide is available/);
      assert.equal(await alert.locator('button:has-text("Try again")').count(), 0, 'no Try again for a file that is gone');
      await Promise.all([page.waitForEvent('load'), alert.locator('button:has-text("Reload")').click()]);
      await page.keyboard.press('Shift');
      await page.waitForSelector('#app .check-item');
      assert.equal(await pressed(page, id), 'Done', 'the progress is still there');
      await page.click('button.share-button');
      await page.waitForSelector('.share-dialog #share-link');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await site.close();
    }
  });

  test('a page restored by Back after a newer release was deployed reloads into that release', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'cg-release-')), 'site');
    cpSync('dist', dir, { recursive: true });
    const site = await serve(dir);
    const browser = await launchWithBackForwardCache();
    const context = await browser.newContext({ serviceWorkers: 'block', reducedMotion: 'reduce' });
    // Every pageshow, in order: whether the page came from the back/forward cache.
    await context.addInitScript(() => addEventListener('pageshow', (event) => {
      sessionStorage.setItem('shows', `${sessionStorage.getItem('shows') ?? ''}${event.persisted ? 'cache ' : 'load '}`);
    }));
    try {
      const page = await context.newPage();
      const script = () => page.evaluate(() => document.querySelector('script[type=module]').textContent);
      await page.goto(site.url);
      const first = await script();
      await page.goto(`${site.url}manifest.webmanifest`);
      deployNewerRelease(dir);
      const newer = readFileSync(join(dir, 'index.html'), 'utf8');
      await page.goBack();
      await page.waitForFunction(() => (sessionStorage.getItem('shows') ?? '').includes('cache load'), null, { timeout: 10_000 }).catch(async (error) => {
        throw new Error(`${error.message}; pageshows: ${await page.evaluate(() => sessionStorage.getItem('shows'))}`);
      });
      assert.notEqual(await script(), first);
      assert.ok(newer.includes((await script()).trim()), 'the page runs the newer release');
      await page.keyboard.press('Shift');
      await page.waitForSelector('#app .check-item');
    } finally {
      await browser.close();
      await site.close();
    }
  });

  test('nothing of a part is fetched until it is used; the share dialog fetches its part once', async () => {
    const { context, page, parts, errors } = await started();
    await page.waitForTimeout(500);
    assert.deepEqual(parts, [], 'no part before a tool is used');
    await page.click('button.share-button');
    await page.waitForSelector('.share-dialog #share-link');
    const fetched = parts.length;
    assert.ok(fetched > 0, 'the share dialog fetched its part');
    await page.click('.share-dialog .close-dialog');
    await page.click('button.share-button');
    await page.waitForSelector('.share-dialog #share-link');
    assert.equal(parts.length, fetched, 'opened again, nothing more is fetched');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a part that cannot be fetched says so, and Try again fetches it once it can be', async () => {
    const { context, page, errors } = await started();
    await page.route('**/part-*.wasm', (route) => route.abort('internetdisconnected'));
    await page.click('button.share-button');
    // The share dialog is in the tool panels' part: the message shows under the tool bar.
    const alert = page.locator('.roadmap-tools .part-missing[role="alert"]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /could not be fetched/);
    assert.equal(await page.locator('.share-dialog').count(), 0);
    await page.unroute('**/part-*.wasm');
    // Try again fetches the part, which then opens the dialog that was asked for.
    await alert.locator('button:has-text("Try again")').click();
    await page.waitForSelector('.share-dialog #share-link');
    assert.equal(await alert.count(), 0, 'the message is gone');
    // The rest of the app kept working meanwhile, and nothing went unhandled.
    await page.click('.share-dialog .close-dialog');
    const id = await page.$eval('.check-item', (item) => item.id.replace(/^item-/, ''));
    await mark(page, id, 'Done');
    assert.equal(await pressed(page, id), 'Done');
    await page.waitForTimeout(200);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a progress link leaves the address bar at once, even when the tools\' part cannot be fetched', async () => {
    // The link is made in a page whose tools do load.
    const maker = await started();
    await maker.page.click('button.share-button');
    await maker.page.waitForSelector('.share-dialog #share-link');
    const link = await maker.page.inputValue('.share-dialog #share-link');
    await maker.context.close();
    const { context, page, errors } = await started();
    await page.route('**/part-*.wasm', (route) => route.abort('internetdisconnected'));
    await page.goto(link);
    const alert = page.locator('.roadmap-tools .part-missing[role="alert"]');
    await alert.waitFor();
    assert.ok(!page.url().includes('#'), `the fragment is gone: ${page.url()}`);
    await page.reload();
    await page.keyboard.press('Shift');
    await page.waitForSelector('#app .check-item');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('.import-preview').count(), 0, 'a reload does not bring the link back');
    // Opened again, the link's preview comes once the part can be fetched.
    await page.goto(link);
    await alert.waitFor();
    await page.unroute('**/part-*.wasm');
    await alert.locator('button:has-text("Try again")').click();
    await page.locator('.import-preview').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('while the part is missing, pressing the tool again tries again', async () => {
    const { context, page, errors } = await started();
    await page.route('**/part-*.wasm', (route) => route.abort('internetdisconnected'));
    await page.click('button.share-button');
    await page.locator('.roadmap-tools .part-missing').waitFor();
    await page.unroute('**/part-*.wasm');
    await page.click('button.share-button');
    await page.waitForSelector('.share-dialog #share-link');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('tools pressed while their part is on its way are all done once it is there', async () => {
    const { context, page, errors } = await started();
    let release;
    const held = new Promise((done) => (release = done));
    await page.route('**/part-*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.click('button:has-text("Reset all")');
    await page.click('button.share-button');
    release();
    await page.waitForSelector('.share-dialog #share-link');
    await page.click('.share-dialog .close-dialog');
    assert.match(await page.textContent('[role="alertdialog"]'), /Reset all progress\?/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('focusing a state fetches the tooltip; when it cannot be, no alert, and the next try works', async () => {
    const { context, page, errors } = await started('?view=map#salary-by-state');
    await page.route('**/part-*.wasm', (route) => route.abort('internetdisconnected'));
    await page.focus('#tile-CA');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('.salary-explorer [role="alert"]:visible').count(), 0, 'no alert for a focus');
    assert.equal(await page.locator('.chart-tooltip').count(), 0);
    await page.unroute('**/part-*.wasm');
    await page.focus('#tile-TX');
    assert.match(await page.textContent('.chart-tooltip'), /Texas/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a download whose part cannot be fetched says so beside the buttons, and Try again saves it', async () => {
    const { context, page } = await started('#salary-by-state');
    await page.route('**/part-*.wasm', (route) => route.abort('internetdisconnected'));
    await page.click('.downloads button:has-text("CSV data")');
    const alert = page.locator('.downloads [role="alert"]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /could not be fetched/);
    await page.unroute('**/part-*.wasm');
    // Try again fetches the part, which then saves what was asked for.
    const download = page.waitForEvent('download');
    await alert.locator('button:has-text("Try again")').click();
    assert.match((await download).suggestedFilename(), /\.csv$/);
    await alert.waitFor({ state: 'detached' });
    await context.close();
  });
});
