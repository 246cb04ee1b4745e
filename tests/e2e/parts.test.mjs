// The app's lazy parts (scripts/split.mjs, src/platform/parts.rs): a part is fetched only when the
// reader first uses what it holds, once; one that cannot be fetched says so and can be tried again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';

const app = useApp();

/** The app started at `rest` in a fresh context without a worker, with the parts it fetched. */
async function started(rest = '#roadmap') {
  const context = await app.browser.newContext({ serviceWorkers: 'block', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const parts = [];
  page.on('request', (request) => {
    if (/\/part-[0-9a-f]+\.wasm$/.test(new URL(request.url()).pathname)) parts.push(request.url());
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
    // The rest of the app kept working meanwhile.
    await page.click('.share-dialog .close-dialog');
    await page.click('.check-item .state-button >> nth=0');
    assert.deepEqual(errors.filter((e) => !/fetch|wasm|network/i.test(String(e))), []);
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
