// The checklist as readers use it daily: notes in sight, compact on a phone, the plan as a
// picture (the timeline, its table, the step cards and the calendar file agree), axe at phone
// width, and the embedded checklist's timeline.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { appInCharge, useApp } from './support/app.mjs';
import { mark, openNote, PROGRESS_KEY } from './support/checklist.mjs';
import { serve } from './support/server.mjs';

const KEY = PROGRESS_KEY;
const app = useApp();
const guide = JSON.parse(readFileSync('public/data/guides/infrastructure-engineer.json', 'utf8'));
const steps = guide.sections.find((s) => s.id === 'roadmap').blocks[0].steps;
const itemIds = steps.flatMap((s) => s.items.map((i) => i.id));
// The steps the planner gives dates: those whose duration has months ("3-6 months").
const timed = steps.filter((step) => /\d/.test(step.duration));
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const STATES = ['Not started', 'In progress', 'Done', 'Skipped'];

async function openChecklist(options = {}) {
  const opened = await app.open('#roadmap', { reducedMotion: 'reduce', ...options });
  await opened.page.waitForSelector('#app .check-item');
  return opened;
}

/** Sets the planner's start date and hours a week in `page` (a page or a frame), as a reader does. */
async function planFrom(page, start, hours = 10) {
  await page.fill('.planner input[type="number"]', String(hours));
  await page.dispatchEvent('.planner input[type="number"]', 'change');
  await page.fill('.planner input[type="date"]', start);
  await page.dispatchEvent('.planner input[type="date"]', 'change');
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Every checklist item's height, and the whole roadmap section's, in CSS pixels. */
const heights = (page) => page.evaluate(() => ({
  items: [...document.querySelectorAll('#app .check-item')].map((el) => el.getBoundingClientRect().height),
  section: document.querySelector('section#roadmap').getBoundingClientRect().height,
}));

const violations = (results) => results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);

/** Today as the app reckons it: the UTC date (`Date::from_unix_ms`). */
const today = () => new Date().toISOString().slice(0, 10);
/** The day `days` before today (UTC, as the app's clock here), as YYYY-MM-DD. */
const daysAgo = (days) => new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);

/** The timeline's twin table, a row per step: its id and the four cells' text. */
const twinRows = (page) => page.$$eval('table.timeline-table tbody tr', (rows) => rows.map((row) => ({
  step: row.dataset.step,
  cells: [...row.children].map((cell) => cell.textContent),
})));

describe('the checklist day to day', () => {
  test('a written note is in sight under its item after a reload, as text; its editor is built only when asked for', async () => {
    const { page, context, errors } = await openChecklist();
    const id = itemIds[1];
    // A line break the reader typed, and markup, which must stay the characters typed.
    const note = 'Call Sam on Monday\n<b>markup</b> stays text';
    await (await openNote(page, id)).fill(note);
    await page.waitForFunction(([key, id, note]) => JSON.parse(localStorage.getItem(key) ?? '{}').items?.[id]?.note === note, [KEY, id, note]);

    await page.reload();
    await appInCharge(page);
    await page.waitForSelector(`#app #item-${id} .item-note`);
    const shown = page.locator(`#item-${id} .item-note`);
    assert.equal(await shown.isVisible(), true, 'the note shows without opening anything');
    // "Note: " is for screen readers (visually hidden); the rest is the note, line break kept.
    assert.equal(await shown.textContent(), `Note: ${note}`);
    assert.ok((await shown.innerText()).includes(note), 'the line break is rendered, not collapsed');
    assert.equal(await shown.locator('b').count(), 0, 'markup stays text');
    assert.equal(await page.locator(`#item-${itemIds[0]} .item-note`).count(), 0, 'an item without a note has none');
    assert.equal(await page.locator('#roadmap .note-editor').count(), 0, 'no editor is built until asked for');
    const toggle = page.locator(`#item-${id} .note-toggle`);
    assert.equal(await toggle.textContent(), 'Edit note');
    assert.equal(await page.textContent(`#item-${itemIds[0]} .note-toggle`), 'Add note');

    // The editor takes the note's place while open; the note is back once it closes.
    await toggle.click();
    const editor = page.locator(`#item-${id} .note-editor textarea`);
    assert.equal(await editor.isVisible(), true);
    assert.equal(await editor.inputValue(), note);
    assert.equal(await shown.isVisible(), false, 'the note is read in its editor while that is open');
    assert.equal(await page.locator('#roadmap .note-editor').count(), 1, 'only the one asked for');
    await toggle.click();
    assert.equal(await page.locator('#roadmap .note-editor').count(), 0);
    assert.equal(await shown.isVisible(), true);

    await page.emulateMedia({ media: 'print' });
    assert.equal(await shown.isVisible(), true, 'the note is printed');
    assert.equal(await toggle.isVisible(), false, 'its button is not');
    assert.deepEqual(errors, []);
    await context.close();
  });

  // Print hides the editor: the note must not go with it.
  test('a note whose editor is still open is printed too', async () => {
    const { page, context } = await openChecklist();
    await (await openNote(page, itemIds[0])).fill('Printed while editing');
    await page.emulateMedia({ media: 'print' });
    const printed = await page.$$eval(`#item-${itemIds[0]} .item-note, #item-${itemIds[0]} .note-editor`,
      (els) => els.filter((el) => el.checkVisibility()).map((el) => el.className));
    const label = await page.$eval(`#item-${itemIds[0]} .item-note > span`, (el) => [el.textContent, el.getBoundingClientRect().width > 10]);
    await context.close();
    assert.deepEqual(printed, ['item-note'], 'the note is on paper');
    assert.deepEqual(label, ['Note: ', true], 'labelled as a note');
  });

  test('on a 390 px phone the items are compact: the four states on one row, each big enough to press', async () => {
    const { page, context } = await openChecklist({ viewport: PHONE });
    const measured = await heights(page);
    const middle = median(measured.items);
    console.log(`390x844: median item ${middle.toFixed(1)} px of ${measured.items.length}, section#roadmap ${measured.section.toFixed(1)} px`);
    assert.ok(middle <= 110, `median item ${middle} px`);
    assert.ok(measured.section <= 5000, `section ${measured.section} px`);

    const rows = await page.$$eval('#app .check-item', (items) => items.map((item) => ({
      id: item.id,
      buttons: [...item.querySelectorAll('.state-button')].map((b) => b.getBoundingClientRect().toJSON()),
      toggle: item.querySelector('.note-toggle').getBoundingClientRect().toJSON(),
    })));
    assert.equal(rows.length, itemIds.length);
    for (const { id, buttons, toggle } of rows) {
      assert.equal(buttons.length, 4, id);
      const tops = buttons.map((b) => b.top);
      assert.ok(Math.max(...tops) - Math.min(...tops) <= 2, `${id}: the states on one row (tops ${tops})`);
      for (const b of buttons) assert.ok(b.height >= 24 && b.width >= 24, `${id}: a state button ${b.width}x${b.height} px (WCAG 2.5.8)`);
      // The note's button ends the text, above the states' row rather than squeezing it.
      assert.ok(toggle.bottom <= Math.min(...tops) + 1, `${id}: the note's button is above the states`);
      assert.ok(Math.max(...buttons.map((b) => b.right)) <= PHONE.width, `${id}: no state off screen`);
    }

    // Every state a real click away (Playwright checks the press lands on the button itself).
    const id = itemIds[5];
    for (const name of ['Done', 'In progress', 'Skipped', 'Not started']) {
      await page.locator(`#item-${id}`).getByRole('button', { name, exact: true }).click();
      const states = await page.$$eval(`#item-${id} .state-button`, (els) => els.map((el) => [el.textContent, el.getAttribute('aria-pressed')]));
      assert.deepEqual(states, STATES.map((state) => [state, String(state === name)]), `after pressing ${name}`);
    }
    // And a key away, from a state button that has focus.
    await page.focus(`#item-${id} .state-button >> nth=0`);
    await page.keyboard.press('d');
    assert.equal(await page.getAttribute(`#item-${id} .state-button.done`, 'aria-pressed'), 'true');
    await page.keyboard.press('n');
    assert.equal(await page.getAttribute(`#item-${id} .state-button.not_started`, 'aria-pressed'), 'true');
    await context.close();
  });

  test('on a 1280 px screen the items stay as they were', async () => {
    const { page, context } = await openChecklist({ viewport: DESKTOP });
    const measured = await heights(page);
    const middle = median(measured.items);
    console.log(`1280x900: median item ${middle.toFixed(1)} px, section#roadmap ${measured.section.toFixed(1)} px`);
    assert.ok(middle <= 90, `median item ${middle} px`);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`axe finds nothing at 390 px before the app starts, ${colorScheme} mode`, async () => {
      // Not app.open: that starts the app. This is the page built ahead, as first painted.
      const context = await app.browser.newContext({ viewport: PHONE, colorScheme });
      const page = await context.newPage();
      await page.goto(app.server.url);
      await page.waitForSelector('#prerendered .check-item');
      const results = await new AxeBuilder({ page }).analyze();
      assert.equal(await page.locator('#prerendered').count(), 1, 'still the page built ahead');
      assert.deepEqual(violations(results), []);
      await context.close();
    });

    test(`axe finds nothing at 390 px once the app is in charge, and with a plan drawn and its table open, ${colorScheme} mode`, async () => {
      const { page, context } = await app.open('', { viewport: PHONE, colorScheme, reducedMotion: 'reduce' });
      await page.waitForSelector('#app .check-item');
      assert.deepEqual(violations(await new AxeBuilder({ page }).analyze()), [], 'no plan');
      await mark(page, timed[0].items[0].id, 'Done');
      await planFrom(page, daysAgo(600));
      await page.waitForSelector('figure.plan-timeline svg.timeline');
      await page.click('details.timeline-details > summary');
      await page.waitForSelector('table.timeline-table', { state: 'visible' });
      assert.deepEqual(violations(await new AxeBuilder({ page }).analyze()), [], 'with the timeline and its table');
      await context.close();
    });
  }
});

describe('the plan as a timeline', () => {
  test('draws each timed step as the step cards date it, its status told by more than colour', async () => {
    const { page, context, errors } = await openChecklist();
    assert.equal(await page.locator('figure.plan-timeline').count(), 0, 'no picture without a start date');
    for (const item of timed[0].items) await mark(page, item.id, 'Done');
    // 600 days ago at 10 hours a week: the first timed step (done) and the second (open) have
    // passed their targets, today falls in the third.
    const start = daysAgo(600);
    await planFrom(page, start, 10);
    await page.waitForSelector('figure.plan-timeline svg.timeline');
    const now = today();

    const svg = page.locator('.planner figure.plan-timeline svg.timeline');
    assert.equal(await svg.getAttribute('role'), 'img');
    const rows = svg.locator('g.timeline-row');
    assert.equal(await rows.count(), timed.length);
    const twin = await twinRows(page);
    assert.deepEqual(twin.map((row) => row.step), timed.map((step) => step.id), 'the twin table, a row per timed step, in order');

    const statuses = [];
    for (const [n, step] of timed.entries()) {
      const row = rows.nth(n);
      const card = page.locator(`#step-${step.id} .step-target`);
      const target = await card.locator('time').textContent();
      const status = await row.getAttribute('data-status');
      // The status from the dates themselves: done when every item is, behind once the target
      // has passed, on track otherwise.
      const expected = n === 0 ? 'done' : target < now ? 'behind' : 'on track';
      assert.equal(status, expected, `${step.id}: target ${target}, today ${now}`);
      assert.equal(await card.getAttribute('data-status'), status, `${step.id}: the card says the same`);
      statuses.push(status);

      const [icon, words] = { done: ['✓', 'Done'], behind: ['⚠', 'Behind schedule'], 'on track': ['→', 'On track'] }[status];
      assert.equal(await row.locator('text.timeline-title').textContent(), `${icon} ${step.title}`);
      assert.equal(await row.locator('text.timeline-date').textContent(), target, `${step.id}: the picture's date is the card's`);
      assert.equal(await card.locator('.step-status').textContent(), `${icon} ${words}`);
      assert.equal(await row.locator('rect.timeline-bar').count(), 1);
      const [, starts, twinTarget, twinStatus] = twin[n].cells;
      assert.equal(twinTarget, target, `${step.id}: the table's target is the card's`);
      assert.equal(twinStatus, `${icon} ${words}`);
      assert.equal(starts, n === 0 ? start : twin[n - 1].cells[2], `${step.id} starts when the step before ends`);
    }
    assert.deepEqual(statuses, ['done', 'behind', 'on track', 'on track']);
    const finish = twin.at(-1).cells[2];
    const behind = statuses.filter((s) => s === 'behind').length;
    assert.match(await svg.getAttribute('aria-label'), new RegExp(`${timed.length} steps from ${start} to ${finish}; 1 done, ${behind} behind schedule\\. Today falls in ${timed[2].title}\\.`));

    // Not colour alone: the behind bar is dashed, the done bar solid and filled.
    const bar = (status) => svg.locator(`g.timeline-row[data-status="${status}"] rect.timeline-bar`).first()
      .evaluate((el) => ({ dash: getComputedStyle(el).strokeDasharray, opacity: getComputedStyle(el).fillOpacity }));
    const [done, late] = [await bar('done'), await bar('behind')];
    assert.notEqual(late.dash, 'none', 'behind is dashed');
    assert.notEqual(done.dash, late.dash, 'done is not');
    if (statuses.includes('on track')) {
      const onTrack = await bar('on track');
      assert.equal(onTrack.dash, 'none');
      assert.ok(Number(done.opacity) > Number(onTrack.opacity), `done is filled (${done.opacity} against ${onTrack.opacity})`);
    }

    // The years after the start, up to the finish, mark the axis (at most six, so each here).
    const years = await svg.locator('text.timeline-year').allTextContents();
    const expectedYears = [];
    for (let year = Number(start.slice(0, 4)) + 1; year <= Number(finish.slice(0, 4)); year += 1) expectedYears.push(String(year));
    assert.deepEqual(years, expectedYears);

    // Today's line, within the plan, falls in the bar of the step under way.
    const today_ = svg.locator('g.timeline-today');
    {
      assert.equal(await today_.locator('text').textContent(), 'Today');
      const line = await today_.locator('line').evaluate((el) => { const r = el.getBoundingClientRect(); return (r.left + r.right) / 2; });
      const bars = await svg.locator('rect.timeline-bar').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()));
      assert.ok(line >= bars[0].left - 1 && line <= bars.at(-1).right + 1, `today at ${line}, the plan from ${bars[0].left} to ${bars.at(-1).right}`);
      const current = twin.findIndex((row) => row.cells[1] <= now && now <= row.cells[2]);
      assert.ok(line >= bars[current].left - 1 && line <= bars[current].right + 1, `today at ${line} in ${twin[current].step}'s bar (${bars[current].left} to ${bars[current].right})`);
    }

    // The theme reaches the picture's text.
    const fill = () => svg.locator('text.timeline-title').first().evaluate((el) => getComputedStyle(el).fill);
    const light = await fill();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await fill();
    assert.notEqual(dark, light, `dark ${dark}, light ${light}`);

    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    assert.equal(await svg.isVisible(), true, 'the picture is printed');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('at 320 px every label stays inside the picture and clear of the others', async () => {
    const { page, context } = await openChecklist({ viewport: { width: 320, height: 700 } });
    await planFrom(page, daysAgo(600), 10);
    const boxes = await page.locator('svg.timeline').evaluate((svg) => {
      const frame = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll('text')].map((el) => ({ text: el.textContent, ...el.getBoundingClientRect().toJSON() }));
      return { frame: frame.toJSON(), texts };
    });
    for (const box of boxes.texts) {
      assert.ok(box.left >= boxes.frame.left - 1 && box.right <= boxes.frame.right + 1, `"${box.text}" (${box.left}-${box.right}) inside ${boxes.frame.left}-${boxes.frame.right}`);
    }
    const overlaps = boxes.texts.flatMap((a, i) => boxes.texts.slice(i + 1)
      .filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
      .map((b) => `"${a.text}" and "${b.text}"`));
    assert.deepEqual(overlaps, []);
    await context.close();
  });

  test('its dates are the calendar file\'s', async () => {
    const { page, context } = await openChecklist({ acceptDownloads: true });
    await planFrom(page, daysAgo(600), 10);
    await page.waitForSelector('table.timeline-table tbody tr', { state: 'attached' });
    await page.waitForFunction(() => !document.querySelector('button.calendar-button').disabled);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('button.calendar-button')]);
    const { default: ICAL } = await import('ical.js');
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(await file.path(), 'utf8')));
    const starts = calendar.getAllSubcomponents('vevent').map((event) => event.getFirstPropertyValue('dtstart'));
    assert.ok(starts.every((start) => start.isDate), 'all-day events');
    const targets = (await twinRows(page)).map((row) => row.cells[2]);
    assert.equal(targets.length, timed.length);
    assert.deepEqual(starts.map(String), targets);
    assert.deepEqual(await page.locator('svg.timeline text.timeline-date').allTextContents(), targets);
    await context.close();
  });

  test('the embedded checklist draws the plan too', async () => {
    // A host page on another origin with the loader, as a site embeds the checklist.
    const dir = mkdtempSync(join(tmpdir(), 'cg-host-'));
    writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title></head><body><main><h1>A site that embeds the checklist</h1><div id="roadmap" data-career-guide="roadmap"></div><script src="${app.server.url}embed.js" async></script></main></body></html>`);
    const site = await serve(dir);
    const context = await app.browser.newContext({ reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error));
      await page.goto(site.url);
      const frame = await (await page.waitForSelector('#roadmap iframe')).contentFrame();
      await frame.waitForSelector('.check-item');
      assert.equal(await frame.locator('figure.plan-timeline').count(), 0);
      await planFrom(frame, daysAgo(600));
      await frame.waitForSelector('.planner figure.plan-timeline svg.timeline');
      assert.equal(await frame.locator('svg.timeline g.timeline-row').count(), timed.length);
      const target = await frame.textContent(`#step-${timed[0].id} .step-target time`);
      assert.equal(await frame.textContent('svg.timeline g.timeline-row text.timeline-date'), target);
      assert.equal(await frame.locator('details.timeline-details table.timeline-table tbody tr').count(), timed.length);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await site.close();
    }
  });
});
