// The app's lazy parts (scripts/split.mjs, src/platform/parts.rs): a part is fetched only when the
// reader first uses what it holds, once; one that cannot be fetched says so and can be tried again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { mark, pressed } from './support/checklist.mjs';

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

describe('lazy parts of the app', () => {
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
