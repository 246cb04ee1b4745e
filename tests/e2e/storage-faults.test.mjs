// The checklist's progress under storage faults and hostile files: imports that could not be
// read back, damaged values seen on every visit, storage that reads but does not write, huge
// files, and another tab writing what this one cannot read. Nothing is lost or copied twice.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appInCharge, useApp } from './support/app.mjs';
import { BACKUP_PREFIX, PROGRESS_KEY } from './support/checklist.mjs';

const KEY = PROGRESS_KEY;
const BACKUP = BACKUP_PREFIX;
const app = useApp();
const guide = JSON.parse(readFileSync('public/data/guides/infrastructure-engineer.json', 'utf8'));
const itemIds = guide.sections.find((s) => s.id === 'roadmap').blocks[0].steps.flatMap((s) => s.items.map((i) => i.id));

const mark = (page, id, label) => page.click(`#item-${id} .state-button:has-text("${label}")`);
const pressed = (page, id) => page.textContent(`#item-${id} .state-button[aria-pressed="true"]`);
const stored = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);
const backups = (page) => page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).sort().map((k) => [k, localStorage.getItem(k)]), BACKUP);

function fileWith(text) {
  const path = join(mkdtempSync(join(tmpdir(), 'cg-')), 'progress.json');
  writeFileSync(path, text);
  return path;
}

/** Opens the roadmap in `context` (a new page) and waits for the app's checklist. */
async function openIn(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${app.server.url}#roadmap`);
  await appInCharge(page);
  await page.waitForSelector('#app .check-item');
  return { page, errors };
}

describe('progress under storage faults', () => {
  test('an import that could not be read back after a reload is refused before anything changes', async () => {
    const context = await app.browser.newContext();
    const { page } = await openIn(context);
    await mark(page, itemIds[0], 'In progress');
    const before = await stored(page);
    // One known id and thousands of unknown ones: under the size limit as a file, over it once
    // stored with each item's note and time.
    const done = [itemIds[1], ...Array.from({ length: 14_000 }, (_, n) => `retired-item-${n}`)];
    const text = JSON.stringify({ done });
    assert.ok(text.length < 1_000_000, `the file is ${text.length} bytes`);
    await page.setInputFiles('.file-button input', fileWith(text));
    await page.waitForSelector('.roadmap-tools .notice.error');
    const error = await page.textContent('.roadmap-tools .notice.error');
    assert.match(error, /14000 items that are not in this roadmap; at most 100 such items are kept/);
    assert.match(error, /Nothing was changed/);
    assert.equal(await page.locator('.import-preview').count(), 0, 'no preview to accept');
    assert.equal(await stored(page), before);
    await page.reload();
    await appInCharge(page);
    await page.waitForSelector('#app .check-item');
    assert.match(await pressed(page, itemIds[0]), /In progress/, 'the saved progress still reads');
    await context.close();
  });

  test('a huge file is refused by its size, before it is read', async () => {
    const context = await app.browser.newContext();
    await context.addInitScript(() => {
      window.__read = 0;
      const text = Blob.prototype.text;
      Blob.prototype.text = function () {
        window.__read += 1;
        return text.call(this);
      };
    });
    const { page } = await openIn(context);
    await page.setInputFiles('.file-button input', fileWith(JSON.stringify({ version: 1, items: {}, pad: 'y'.repeat(3_000_000) })));
    await page.waitForSelector('.roadmap-tools .notice.error');
    assert.match(await page.textContent('.roadmap-tools .notice.error'), /The file is 3\.1 MB; the limit is 1 MB/);
    assert.equal(await page.evaluate(() => window.__read), 0, 'the file was never read');
    await context.close();
  });

  test('a damaged value is backed up once, however often the page is opened', async () => {
    const context = await app.browser.newContext();
    const { page } = await openIn(context);
    const damaged = '{"version": 1, "items": {"tool-terraform": {"state": "do';
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, damaged]);
    for (let visit = 0; visit < 5; visit += 1) {
      await page.reload();
      await appInCharge(page);
      await page.waitForSelector('.roadmap .notice.warning');
    }
    const found = await backups(page);
    assert.equal(found.length, 1, `one backup after five visits: ${found.map(([k]) => k)}`);
    assert.equal(found[0][1], damaged);
    assert.ok((await page.textContent('.roadmap .notice.warning')).includes(found[0][0]), 'the notice names it');
    assert.equal(await stored(page), damaged, 'opening alone writes nothing over it');
    await context.close();
  });

  test('no more than three backups are kept, the newest always among them and named', async () => {
    const context = await app.browser.newContext();
    const { page } = await openIn(context);
    for (let n = 0; n < 5; n += 1) {
      const damaged = `{"broken": ${n},`;
      await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, damaged]);
      await page.reload();
      await appInCharge(page);
      await page.waitForSelector('.roadmap .notice.warning');
      const found = await backups(page);
      assert.ok(found.length <= 3, `at most three backups: ${found.length}`);
      const holder = found.find(([, value]) => value === damaged);
      assert.ok(holder, 'the reader\'s latest data is backed up');
      assert.ok((await page.textContent('.roadmap .notice.warning')).includes(holder[0]), 'the notice names the backup that holds it');
    }
    const values = (await backups(page)).map(([, value]) => value);
    assert.deepEqual(values, ['{"broken": 2,', '{"broken": 3,', '{"broken": 4,'], 'the oldest went first');
    await context.close();
  });

  test('when even the room of the oldest backup is not enough, no backup is lost for nothing', async () => {
    const context = await app.browser.newContext();
    const { page } = await openIn(context);
    const kept = [[`${BACKUP}100-0000000000000001`, '{"a":'], [`${BACKUP}200-0000000000000002`, '{"b":'], [`${BACKUP}300-0000000000000003`, '{"c":']];
    const damaged = '{"version": 1, "items": {';
    await page.evaluate(([key, text, backups]) => {
      backups.forEach(([k, v]) => localStorage.setItem(k, v));
      localStorage.setItem(key, text);
    }, [KEY, damaged, kept]);
    await page.close();
    // The quota is full for anything new: only the values already stored may be written again.
    await context.addInitScript((prefix) => {
      const known = new Set(Object.keys(localStorage).filter((k) => k.startsWith(prefix)));
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key.startsWith(prefix) && !known.has(key)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    }, BACKUP);
    const again = await openIn(context);
    await again.page.waitForSelector('.roadmap .notice.warning');
    assert.match(await again.page.textContent('.roadmap .notice.warning'), /New changes are not being saved: this browser's storage for this site is full/);
    assert.deepEqual(await backups(again.page), kept, 'every earlier backup is still there');
    assert.equal(await stored(again.page), damaged, 'and the damaged value is untouched');
    assert.deepEqual(again.errors, []);
    await context.close();
  });

  test('storage that reads but cannot write shows and exports the saved progress, and touches nothing', async () => {
    const context = await app.browser.newContext({ acceptDownloads: true });
    const first = await openIn(context);
    await mark(first.page, itemIds[0], 'Done');
    await mark(first.page, itemIds[2], 'Skipped');
    const saved = await stored(first.page);
    await first.page.close();

    await context.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const { page, errors } = await openIn(context);
    await page.waitForSelector('.roadmap .notice.warning');
    assert.match(await page.textContent('.roadmap .notice.warning'), /New changes are not being saved: this browser's storage for this site is full/);
    assert.match(await pressed(page, itemIds[0]), /Done/, 'the saved progress is shown');
    assert.match(await pressed(page, itemIds[2]), /Skipped/);
    await mark(page, itemIds[1], 'In progress');
    assert.match(await pressed(page, itemIds[1]), /In progress/, 'the checklist still works');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.roadmap-tools button:has-text("Export progress")')]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(exported.items[itemIds[0]].state, 'done', 'the export holds the saved progress');
    assert.equal(exported.items[itemIds[1]].state, 'in_progress', 'and this session\'s changes');
    assert.equal(await stored(page), saved, 'nothing stored was touched');
    assert.deepEqual(await backups(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a value another tab wrote that this one cannot read is never written over nor copied per event', async () => {
    const context = await app.browser.newContext();
    const reader = await openIn(context);
    await mark(reader.page, itemIds[0], 'Done');
    // Another tab of the same origin that writes and never reads: a plain file, not the app
    // (the app in that tab would back the value up once on opening, as it should).
    const other = await context.newPage();
    await other.goto(`${app.server.url}data/guides/infrastructure-engineer.json`);
    // A newer release in another tab writes a version this one does not read, several times.
    const newer = (n) => JSON.stringify({ version: 2, updated_at: n, items: { [itemIds[0]]: { state: 'done', updated_at: n } } });
    for (let n = 1; n <= 4; n += 1) {
      await other.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, newer(n)]);
    }
    await reader.page.waitForSelector('.roadmap .notice.warning');
    assert.match(await reader.page.textContent('.roadmap .notice.warning'), /saved by a newer version of this guide/);
    // The other tab's writes reach this one's storage in their own time: wait for the last, then
    // give the app's storage events time to do what they would do.
    await reader.page.waitForFunction(([key, text]) => localStorage.getItem(key) === text, [KEY, newer(4)]);
    await reader.page.waitForTimeout(300);
    assert.equal(await stored(reader.page), newer(4), 'what the other tab wrote stays');
    assert.deepEqual(await backups(reader.page), [], 'no backup per event');
    await mark(reader.page, itemIds[3], 'Done');
    assert.match(await pressed(reader.page, itemIds[3]), /Done/);
    assert.equal(await stored(reader.page), newer(4), 'an edit here does not write over it either');
    assert.equal(await reader.page.locator('.roadmap .notice.warning:has-text("newer version")').count(), 1, 'one notice');
    assert.deepEqual(reader.errors, []);
    await context.close();
  });
  test('progress saved by a newer release is never written over: the page saves nothing, says so, and offers Reload', async () => {
    const context = await app.browser.newContext();
    const { page, errors } = await openIn(context);
    const newer = JSON.stringify({ version: 2, updated_at: 9, items: { [itemIds[0]]: { state: 'done', updated_at: 9 } }, streak: 12 });
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, newer]);
    await page.reload();
    await appInCharge(page);
    const notice = page.locator('.roadmap .notice.warning:has-text("newer version")');
    await notice.waitFor();
    assert.match(await notice.textContent(), /format 2.*saves nothing/);
    assert.equal(await notice.locator('button:has-text("Reload")').count(), 1);
    await mark(page, itemIds[1], 'Done');
    await page.waitForTimeout(200);
    assert.match(await pressed(page, itemIds[1]), /Done/, 'the checklist still answers');
    assert.equal(await stored(page), newer, 'what the newer release saved is untouched');
    assert.deepEqual(await backups(page), [], 'nothing to back up: it is not damaged');
    const download = page.waitForEvent('download');
    await notice.locator('button:has-text("Export")').click();
    const file = await download;
    assert.match(file.suggestedFilename(), /\.json$/);
    assert.equal(readFileSync(await file.path(), 'utf8'), newer, 'the export carries what the newer release saved');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
