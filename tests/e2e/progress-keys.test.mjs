// Each guide keeps its progress under keys of its own (roadmap/model/keys.rs). The progress the
// release before saved, when the site served one guide (`career-guide:roadmap` and its backups),
// joins that guide's: on the first load, and whenever a tab still open on that release saves.
// The old keys are left as they were, for a page of that release its worker may still serve.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { appInCharge, useApp } from './support/app.mjs';
import {
  BACKUP_PREFIX, LEGACY_BACKUP_PREFIX, LEGACY_KEY, noteOf, pressed, PROGRESS_KEY,
} from './support/checklist.mjs';

const app = useApp();
const guide = JSON.parse(readFileSync('public/data/guides/infrastructure-engineer.json', 'utf8'));
const itemIds = guide.sections.find((s) => s.id === 'roadmap').blocks[0].steps.flatMap((s) => s.items.map((i) => i.id));
/**
 * What the release before this one stored after a reader marked two items, wrote a note and set
 * a plan: copied from its localStorage, byte for byte (tests/e2e/fixtures/README.md).
 */
const saved = readFileSync('tests/e2e/fixtures/progress-one-guide-release.json', 'utf8').trim();
const savedDoc = JSON.parse(saved);
const [doneId, busyId] = Object.keys(savedDoc.items);

/** Every key of this origin's localStorage that the app uses, with its value, sorted. */
const storedKeys = (page) => page.evaluate(() => Object.keys(localStorage)
  .filter((key) => key.startsWith('career-guide:'))
  .sort()
  .map((key) => [key, localStorage.getItem(key)]));

/** A page of the origin that is not the app (the data file), to set storage before the app runs. */
async function storageOnly(context, values) {
  const page = await context.newPage();
  await page.goto(`${app.server.url}data/guides/infrastructure-engineer.json`);
  await page.evaluate((values) => values.forEach(([key, value]) => localStorage.setItem(key, value)), values);
  return page;
}

/** Opens the guide's roadmap in `context` and waits for the app's checklist. */
async function openGuide(context, contextErrors = []) {
  const page = await context.newPage();
  page.on('pageerror', (error) => contextErrors.push(error));
  await page.goto(`${app.server.url}#roadmap`);
  await appInCharge(page);
  await page.waitForSelector('#app .check-item');
  return page;
}

describe('progress kept per guide, and moved from the release before', () => {
  test('on the first load, the progress and backups the release before saved are the guide\'s, the old keys left as they were', async () => {
    const context = await app.browser.newContext();
    const backups = [[`${LEGACY_BACKUP_PREFIX}100-0000000000000001`, '{"damaged":'], [`${LEGACY_BACKUP_PREFIX}200`, '{"older":']];
    await storageOnly(context, [[LEGACY_KEY, saved], ...backups]);
    const errors = [];
    const page = await openGuide(context, errors);
    assert.match(await pressed(page, doneId), /Done/);
    assert.match(await pressed(page, busyId), /In progress/);
    assert.equal(await noteOf(page, busyId), savedDoc.items[busyId].note);
    assert.equal(await page.inputValue('.planner input[type="date"]'), savedDoc.planner.start);
    assert.deepEqual(await storedKeys(page), [
      [PROGRESS_KEY, saved],
      [LEGACY_KEY, saved],
      ...backups,
      ...backups.map(([key, value]) => [key.replace(LEGACY_BACKUP_PREFIX, BACKUP_PREFIX), value]),
    ].sort(), 'copied as they were');
    await page.reload();
    await appInCharge(page);
    await page.waitForTimeout(200);
    assert.equal((await storedKeys(page)).length, 2 + 2 * backups.length, 'opening again copies nothing twice');
    assert.equal(await page.locator('.roadmap .notice').count(), 0, 'nothing to tell the reader');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('what a tab still open on the release before saves joins the guide\'s progress', async () => {
    const context = await app.browser.newContext();
    const page = await openGuide(context);
    await page.click(`#item-${itemIds[5]} .state-button.done`);
    // That tab writes its whole document under the old key, as it always did.
    const older = await storageOnly(context, [[LEGACY_KEY, saved]]);
    await page.waitForFunction((id) => document.querySelector(`#item-${id} .state-button.done`)?.getAttribute('aria-pressed') === 'true', doneId);
    assert.match(await pressed(page, itemIds[5]), /Done/, 'this tab\'s own edit stays');
    await page.waitForFunction(([key, id]) => JSON.parse(localStorage.getItem(key)).items[id], [PROGRESS_KEY, doneId]);
    const doc = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY));
    assert.deepEqual([doneId, busyId, itemIds[5]].map((id) => doc.items[id]?.state), ['done', 'in_progress', 'done']);
    assert.equal(doc.items[busyId].note, savedDoc.items[busyId].note);
    await older.close();
    await context.close();
  });

  test('a damaged value of the release before is kept as this guide\'s backup, once, and left where it was', async () => {
    const context = await app.browser.newContext();
    const damaged = saved.slice(0, 40);
    await storageOnly(context, [[LEGACY_KEY, damaged]]);
    const page = await openGuide(context);
    await page.waitForSelector('.roadmap .notice');
    const keys = await storedKeys(page);
    assert.deepEqual(keys.filter(([key]) => key.startsWith(BACKUP_PREFIX)).map(([, value]) => value), [damaged]);
    assert.deepEqual(keys.filter(([key]) => key === LEGACY_KEY), [[LEGACY_KEY, damaged]], 'the old value where it was');
    await page.reload();
    await appInCharge(page);
    assert.equal((await storedKeys(page)).filter(([key]) => key.startsWith(BACKUP_PREFIX)).length, 1, 'not copied again');
    await context.close();
  });

  test('when the copy cannot be written, the progress is shown from where it is, and the page says it saves nothing', async () => {
    const context = await app.browser.newContext();
    await storageOnly(context, [[LEGACY_KEY, saved]]);
    // Storage full for every new key: the old one stays as it is.
    await context.addInitScript((legacy) => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key.startsWith('career-guide:') && key !== legacy && !key.startsWith('career-guide:probe')) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return setItem.call(this, key, value);
      };
    }, LEGACY_KEY);
    const page = await openGuide(context);
    assert.match(await pressed(page, doneId), /Done/, 'the saved progress is shown from where it is');
    await page.waitForSelector('.roadmap .notice.warning');
    assert.match(await page.textContent('.roadmap .notice.warning'), /storage for this site is full/);
    assert.deepEqual(await storedKeys(page), [[LEGACY_KEY, saved]], 'nothing changed, nothing half-written');
    await context.close();
  });
});
