// The roadmap checklist in the release build: persistence, corrupt storage, blocked storage,
// export/import, reset/undo, two tabs, print and axe.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { useApp } from './support/app.mjs';
import { BACKUP_PREFIX, mark, noteOf, openNote, pressed, PROGRESS_KEY } from './support/checklist.mjs';

const KEY = PROGRESS_KEY;
const app = useApp();
const guide = JSON.parse(readFileSync('public/data/guides/infrastructure-engineer.json', 'utf8'));
const steps = guide.sections.find((s) => s.id === 'roadmap').blocks[0].steps;
const itemIds = steps.flatMap((s) => s.items.map((i) => i.id));

async function openRoadmap(options = {}) {
  const opened = await app.open('#roadmap', { reducedMotion: 'reduce', ...options });
  await opened.page.waitForSelector('.check-item');
  return opened;
}

const overall = (page) => page.textContent('.roadmap-overview .progress-count');
const stored = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);
const backups = (page) => page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).map((k) => [k, localStorage.getItem(k)]), BACKUP_PREFIX);

/** Writes a file for the import input and returns its path. */
function fileWith(text) {
  const path = join(mkdtempSync(join(tmpdir(), 'cg-')), 'progress.json');
  writeFileSync(path, text);
  return path;
}

describe('the roadmap checklist', () => {
  test('shows every item of the six steps, and ticks survive a reload', async () => {
    const { page, context, errors } = await openRoadmap();
    assert.equal(await page.locator('.checklist-steps > .step').count(), 6);
    assert.deepEqual(await page.$$eval('.check-item', (els) => els.map((el) => el.id.replace('item-', ''))), itemIds);
    assert.equal(await overall(page), `0 of ${itemIds.length} done`);
    // The icons are the stylesheet's, and stay out of the buttons' names.
    const first = page.locator(`#item-${itemIds[0]}`);
    for (const name of ['Not started', 'In progress', 'Done', 'Skipped']) {
      assert.equal(await first.getByRole('button', { name, exact: true }).count(), 1, name);
    }
    await mark(page, itemIds[0], 'Done');
    await mark(page, itemIds[1], 'In progress');
    await mark(page, itemIds[2], 'Skipped');
    await page.focus(`#item-${itemIds[3]} .state-button >> nth=0`);
    await page.keyboard.press('d');
    await (await openNote(page, itemIds[0])).fill('Did the AWS support rotation');
    assert.equal(await page.textContent(`#item-${itemIds[0]} .note-counter`), '28 / 1000');
    assert.equal(await overall(page), `2 of ${itemIds.length - 1} done, 1 skipped`);

    await page.reload();
    await page.waitForSelector('#app .check-item');
    await page.waitForFunction((id) => document.querySelector(`#item-${id} .state-button[aria-pressed="true"]`)?.textContent.includes('Done'), itemIds[0]);
    assert.match(await pressed(page, itemIds[0]), /Done/);
    assert.match(await pressed(page, itemIds[1]), /In progress/);
    assert.match(await pressed(page, itemIds[2]), /Skipped/);
    assert.match(await pressed(page, itemIds[3]), /Done/);
    assert.equal(await noteOf(page, itemIds[0]), 'Did the AWS support rotation');
    const doc = JSON.parse(await stored(page));
    assert.equal(doc.version, 1);
    assert.equal(doc.items[itemIds[0]].state, 'done');
    assert.deepEqual(errors, []);
    await context.close();
  });

  // A value of a future version is not damaged: it is never written over nor backed up
  // (storage-faults.test.mjs).
  const corruptions = {
    'not JSON': '{"version": 1, "items": {',
    'the wrong shape': '[1, 2, 3]',
    'a huge value': JSON.stringify({ version: 1, updated_at: 1, items: {}, padding: 'x'.repeat(1_100_000) }),
    'a partly valid document': JSON.stringify({ version: 1, updated_at: 5, items: { [itemIds[0]]: { state: 'done', note: 'kept', updated_at: 5 }, [itemIds[1]]: { state: 'exploded', updated_at: 5 } } }),
  };
  for (const [kind, value] of Object.entries(corruptions)) {
    test(`a stored value that is ${kind} is backed up, announced, and what can be is kept`, async () => {
      const { page, context } = await openRoadmap();
      await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, value]);
      await page.reload();
      await page.waitForSelector('.roadmap .notice.warning');
      const notice = await page.textContent('.roadmap .notice.warning');
      const found = await backups(page);
      assert.equal(found.length, 1, 'one backup key');
      assert.equal(found[0][1], value, 'the backup holds the original, byte for byte');
      assert.ok(notice.includes(found[0][0]), `the notice names the backup key: ${notice}`);
      if (kind === 'a partly valid document') {
        assert.match(await pressed(page, itemIds[0]), /Done/, 'the valid item is salvaged');
        assert.match(await pressed(page, itemIds[1]), /Not started/);
      }
      await mark(page, itemIds[5], 'Done');
      assert.equal((await backups(page))[0][1], value, 'saving later never touches the backup');
      await context.close();
    });
  }

  test('storage that throws on write keeps the checklist working, and says so', async () => {
    const context = await app.browser.newContext();
    await context.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(app.server.url + '#roadmap');
    await page.waitForSelector('#app .check-item');
    assert.match(await page.textContent('.roadmap .notice.warning'), /Progress will not be saved here: this browser's storage for this site is full/);
    await mark(page, itemIds[0], 'Done');
    assert.match(await pressed(page, itemIds[0]), /Done/);
    assert.equal(await overall(page), `1 of ${itemIds.length} done`);
    assert.equal(await page.locator('.roadmap .notice.warning button:has-text("Export")').count(), 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('export then import round-trips, with a preview before anything changes', async () => {
    const { page, context } = await openRoadmap({ acceptDownloads: true });
    await mark(page, itemIds[0], 'Done');
    await mark(page, itemIds[4], 'Skipped');
    await (await openNote(page, itemIds[4])).fill('Not needed: I already use Azure');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Export progress")')]);
    assert.match(download.suggestedFilename(), /^career-guide-roadmap-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = readFileSync(await download.path(), 'utf8');
    assert.equal(JSON.parse(exported).items[itemIds[0]].state, 'done');

    await page.click('button:has-text("Reset all")');
    await page.click('button:has-text("Reset everything")');
    assert.equal(await overall(page), `0 of ${itemIds.length} done`);
    await page.setInputFiles('.file-button input', fileWith(exported));
    await page.waitForSelector('.import-preview');
    assert.match(await page.textContent('.import-preview'), /changes 2 items and 1 notes/);
    assert.equal(await overall(page), `0 of ${itemIds.length} done`, 'nothing changes before the reader chooses');
    await page.click('button:has-text("Replace my progress")');
    assert.match(await pressed(page, itemIds[0]), /Done/);
    assert.match(await pressed(page, itemIds[4]), /Skipped/);
    assert.equal(await noteOf(page, itemIds[4]), 'Not needed: I already use Azure');
    await context.close();
  });

  const badImports = {
    'not JSON': ['this is not json', /not JSON/],
    'a wrong version': [JSON.stringify({ version: 7, items: {} }), /version 7/],
    'wrong types': [JSON.stringify({ version: 1, updated_at: 1, items: { [itemIds[0]]: { state: 42 } } }), /state/],
    '5 MB': [JSON.stringify({ version: 1, items: {}, pad: 'y'.repeat(5 * 1024 * 1024) }), /MB/],
    'only unknown ids': [JSON.stringify({ version: 1, updated_at: 1, items: { 'no-such-item': { state: 'done', note: '', updated_at: 1 } } }), /not in this roadmap/],
  };
  for (const [kind, [text, message]] of Object.entries(badImports)) {
    test(`importing ${kind} changes nothing and says why`, async () => {
      const { page, context } = await openRoadmap();
      await mark(page, itemIds[0], 'In progress');
      const before = await stored(page);
      await page.setInputFiles('.file-button input', fileWith(text));
      await page.waitForSelector('.roadmap-tools .notice.error');
      const error = await page.textContent('.roadmap-tools .notice.error');
      assert.match(error, message);
      assert.match(error, /Nothing was changed/);
      assert.equal(await stored(page), before);
      assert.match(await pressed(page, itemIds[0]), /In progress/);
      await context.close();
    });
  }

  test('markup in an imported note is shown as text, never as HTML', async () => {
    const { page, context } = await openRoadmap();
    const markup = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const file = JSON.stringify({ version: 1, updated_at: 1, items: { [itemIds[0]]: { state: 'done', note: markup, updated_at: 1 } } });
    await page.setInputFiles('.file-button input', fileWith(file));
    await page.click('button:has-text("Replace my progress")');
    assert.equal(await noteOf(page, itemIds[0]), markup);
    assert.equal(await page.locator(`#item-${itemIds[0]} img, #item-${itemIds[0]} b`).count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await context.close();
  });

  test('reset asks first, and Undo brings everything back', async () => {
    const { page, context } = await openRoadmap();
    await mark(page, itemIds[0], 'Done');
    await mark(page, itemIds[1], 'Done');
    await page.click('button:has-text("Reset all")');
    assert.match(await page.textContent('[role="alertdialog"]'), /Reset all progress\?/);
    await page.click('[role="alertdialog"] button:has-text("Cancel")');
    assert.equal(await overall(page), `2 of ${itemIds.length} done`);
    await page.click('button:has-text("Reset all")');
    await page.click('button:has-text("Reset everything")');
    assert.equal(await overall(page), `0 of ${itemIds.length} done`);
    await page.click('button:has-text("Undo reset")');
    assert.equal(await overall(page), `2 of ${itemIds.length} done`);
    await page.reload();
    await page.waitForSelector('#app .check-item');
    await page.waitForFunction((n) => document.querySelector('.roadmap-overview .progress-count')?.textContent === `2 of ${n} done`, itemIds.length);
    await context.close();
  });

  test('two tabs stay in step: a change in each is kept by both', async () => {
    const context = await app.browser.newContext();
    const first = await context.newPage();
    const second = await context.newPage();
    for (const page of [first, second]) {
      await page.goto(app.server.url + '#roadmap');
      await page.waitForSelector('#app .check-item');
    }
    await mark(first, itemIds[0], 'Done');
    await mark(second, itemIds[1], 'Skipped');
    for (const page of [first, second]) {
      await page.waitForFunction((id) => document.querySelector(`#item-${id} [aria-pressed="true"]`)?.textContent.includes('Skipped'), itemIds[1]);
      await page.waitForFunction((id) => document.querySelector(`#item-${id} [aria-pressed="true"]`)?.textContent.includes('Done'), itemIds[0]);
    }
    const doc = JSON.parse(await first.evaluate((key) => localStorage.getItem(key), KEY));
    assert.equal(doc.items[itemIds[0]].state, 'done');
    assert.equal(doc.items[itemIds[1]].state, 'skipped');
    await context.close();
  });

  test('the pace planner gives target dates that move with the hours', async () => {
    const { page, context } = await openRoadmap();
    await page.fill('.planner input[type="date"]', '2020-01-01');
    await page.dispatchEvent('.planner input[type="date"]', 'change');
    await page.waitForSelector('#step-core-tools .step-target');
    const slow = await page.textContent('#step-core-tools .step-target time');
    assert.match(await page.textContent('#step-core-tools .step-target'), /Behind schedule/, 'a 2020 start is behind today');
    await page.fill('.planner input[type="number"]', '20');
    await page.dispatchEvent('.planner input[type="number"]', 'change');
    await page.waitForFunction((before) => document.querySelector('#step-core-tools .step-target time')?.textContent !== before, slow);
    const fast = await page.textContent('#step-core-tools .step-target time');
    assert.ok(fast < slow, `${fast} is earlier than ${slow}`);
    assert.equal(await page.locator('#step-entry-path .step-target').count(), 0, 'a step that varies has no target');
    await page.fill('.planner input[type="number"]', '500');
    await page.dispatchEvent('.planner input[type="number"]', 'change');
    assert.match(await page.textContent('.planner .field-error'), /from 1 to 80/);
    await context.close();
  });

  test('prints each item with its state and note', async () => {
    const { page, context } = await openRoadmap();
    await mark(page, itemIds[0], 'Done');
    await (await openNote(page, itemIds[0])).fill('Printed note');
    await page.emulateMedia({ media: 'print' });
    // The pressed button alone is printed, as the item's status in words.
    const printed = await page.$$eval(`#item-${itemIds[0]} .state-button`, (buttons) => buttons
      .filter((button) => button.checkVisibility())
      .map((button) => getComputedStyle(button, '::before').content + button.textContent));
    assert.deepEqual(printed, ['"Status: " / ""Done']);
    assert.equal(await page.isVisible(`#item-${itemIds[0]} .item-note`), true);
    assert.equal(await page.isVisible('.roadmap-tools'), false);
    await context.close();
  });

  test('the plan goes to a calendar: an all-day event per timed step at its target, a reminder a week before', async () => {
    const { page, context } = await openRoadmap({ acceptDownloads: true });
    const button = page.locator('button.calendar-button');
    assert.equal(await button.isDisabled(), true, 'no start date yet');
    const reason = await page.textContent(`#${await button.getAttribute('aria-describedby')}`);
    assert.match(reason, /start date in the pace planner/);
    const timed = steps.filter((step) => /\d/.test(step.duration));
    const coreTools = timed[0];
    await mark(page, coreTools.items[0].id, 'Done');
    await page.fill('.planner input[type="date"]', '2027-01-04');
    await page.dispatchEvent('.planner input[type="date"]', 'change');
    await page.waitForFunction(() => !document.querySelector('button.calendar-button').disabled);
    assert.equal(await button.getAttribute('aria-describedby'), null, 'the reason goes with the block');
    const download = async () => {
      const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
      assert.equal(file.suggestedFilename(), 'infrastructure-engineer-roadmap.ics');
      return readFileSync(await file.path(), 'utf8');
    };
    const text = await download();
    assert.match(text, /^BEGIN:VCALENDAR\r\n/);
    assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines folded at 75 octets');
    const { default: ICAL } = await import('ical.js');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
    assert.equal(events.length, timed.length, 'one event per step with a duration');
    for (const [index, step] of timed.entries()) {
      const event = events[index];
      const target = await page.getAttribute(`#step-${step.id} .step-target time`, 'datetime');
      assert.equal(event.startDate.isDate, true, 'all day');
      assert.equal(event.startDate.toString(), target, `${step.id} on its target date`);
      const next = event.startDate.clone();
      next.addDuration(ICAL.Duration.fromString('P1D'));
      assert.equal(event.endDate.toString(), next.toString());
      assert.match(event.summary, new RegExp(step.title));
      const alarm = event.component.getFirstSubcomponent('valarm');
      assert.equal(alarm.getFirstPropertyValue('trigger').toString(), '-P7D');
      assert.equal(alarm.getFirstPropertyValue('action'), 'DISPLAY');
      assert.ok(event.component.getFirstPropertyValue('dtstamp'), 'stamped');
      assert.equal(event.sequence, 1, 'the first file is the first revision');
      assert.match(event.uid, new RegExp(`^step-${step.id}-[a-z0-9]{16}-infrastructure-engineer@`), 'this step, this reader, this guide');
    }
    const name = (item) => item.term ?? item.text;
    const described = events[0].description;
    assert.ok(!described.includes(name(coreTools.items[0])), 'a done item is not listed');
    for (const item of coreTools.items.slice(1)) assert.ok(described.includes(name(item)), `${name(item)} listed, unescaped`);
    const second = new ICAL.Component(ICAL.parse(await download())).getAllSubcomponents('vevent');
    const again = second.map((event) => event.getFirstPropertyValue('uid'));
    assert.deepEqual(again, events.map((event) => event.uid), 'the same ids every time, so a calendar updates');
    assert.equal(new Set(again).size, again.length);
    // Downloaded again within the same second, and after a reload: each a newer revision.
    assert.deepEqual(second.map((event) => event.getFirstPropertyValue('sequence')), events.map(() => 2));
    await page.reload();
    await page.keyboard.press('Shift');
    await page.waitForSelector('#app .check-item');
    await page.waitForFunction(() => !document.querySelector('button.calendar-button').disabled);
    const third = new ICAL.Component(ICAL.parse(await download())).getAllSubcomponents('vevent');
    assert.deepEqual(third.map((event) => event.getFirstPropertyValue('sequence')), events.map(() => 3));
    assert.deepEqual(third.map((event) => event.getFirstPropertyValue('uid')), again);
    // Another reader (another browser) gets events of their own.
    const other = await openRoadmap({ acceptDownloads: true });
    await other.page.fill('.planner input[type="date"]', '2027-01-04');
    await other.page.dispatchEvent('.planner input[type="date"]', 'change');
    await other.page.waitForFunction(() => !document.querySelector('button.calendar-button').disabled);
    const [theirs] = await Promise.all([other.page.waitForEvent('download'), other.page.click('button.calendar-button')]);
    const theirUids = new ICAL.Component(ICAL.parse(readFileSync(await theirs.path(), 'utf8')))
      .getAllSubcomponents('vevent').map((event) => event.getFirstPropertyValue('uid'));
    assert.ok(theirUids.every((uid) => !again.includes(uid)), 'no event of theirs collides with this reader\'s');
    await other.context.close();
    await context.close();
  });

  test('a plan whose dates run past the year 9999 gives no calendar file, and says why', async () => {
    const { page, context } = await openRoadmap();
    await page.fill('.planner input[type="date"]', '9999-12-01');
    await page.dispatchEvent('.planner input[type="date"]', 'change');
    const button = page.locator('button.calendar-button');
    await page.waitForFunction(() => document.querySelector('.calendar-button')?.getAttribute('aria-describedby'));
    assert.equal(await button.isDisabled(), true);
    const reason = await page.textContent(`#${await button.getAttribute('aria-describedby')}`);
    assert.match(reason, /past the year 9999/);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`axe finds no violations in the checklist, ${colorScheme} mode`, async () => {
      const { page, context } = await openRoadmap({ colorScheme });
      await page.waitForSelector('.roadmap-tools .tool-hint');
      const before = await new AxeBuilder({ page }).include('.roadmap-tools').analyze();
      assert.deepEqual(before.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), [], 'with the calendar\'s reason shown');
      await mark(page, itemIds[0], 'Done');
      await page.click(`#item-${itemIds[0]} .note-toggle`);
      await page.fill('.planner input[type="date"]', '2020-01-01');
      await page.dispatchEvent('.planner input[type="date"]', 'change');
      await page.click('button:has-text("Reset all")');
      const results = await new AxeBuilder({ page }).include('#roadmap').analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), []);
      await context.close();
    });
  }
});
