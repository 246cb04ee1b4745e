// "Share or move my progress": the whole progress document in a link's fragment (never sent to
// a server) and its QR code; opening the link previews it like an imported file.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { useApp } from './support/app.mjs';
import { mark, noteOf, openNote, pressed, PROGRESS_KEY } from './support/checklist.mjs';
import { controlled } from './support/worker.mjs';

const KEY = PROGRESS_KEY;
const app = useApp();
const guide = JSON.parse(readFileSync('public/data/guides/infrastructure-engineer.json', 'utf8'));
const steps = guide.sections.find((s) => s.id === 'roadmap').blocks[0].steps;
const itemIds = steps.flatMap((s) => s.items.map((i) => i.id));

/** The app's address with `rest` (a query or fragment) resolved against it. */
const at = (rest) => new URL(rest, app.server.url).href;
const stored = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);

/** Opens the dialog and returns the link it shows. */
async function shareLink(page) {
  await page.click('button.share-button');
  await page.waitForSelector('.share-dialog #share-link');
  return page.inputValue('.share-dialog #share-link');
}

/** A page in a fresh browser context (another device) with `path` opened, no app started yet. */
async function freshPage(url, options = {}) {
  const context = await app.browser.newContext({ reducedMotion: 'reduce', serviceWorkers: 'block', ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(url);
  return { context, page, errors };
}

/** Another device: a fresh context with the app started and `id` marked Done there. */
async function deviceWithProgress(id) {
  const device = await freshPage(at('#roadmap'));
  await device.page.keyboard.press('Shift');
  await device.page.waitForSelector('#app .check-item');
  await mark(device.page, id, 'Done');
  return device;
}

describe('moving progress with a link', () => {
  test('a link opened in another browser previews, merges, and is gone from the address bar', async () => {
    const { page, context } = await app.open('#roadmap', { reducedMotion: 'reduce', permissions: ['clipboard-read', 'clipboard-write'] });
    await page.waitForSelector('.check-item');
    await mark(page, itemIds[0], 'Done');
    await mark(page, itemIds[1], 'In progress');
    await (await openNote(page, itemIds[0])).fill('Did it, with commas, and "quotes"');
    await page.fill('.planner input[type="date"]', '2027-01-04');
    await page.dispatchEvent('.planner input[type="date"]', 'change');
    const link = await shareLink(page);
    assert.ok(link.startsWith(at('#progress=2.')), link);
    assert.equal(await page.textContent('.share-length'), `${link.length} characters`);
    await page.click('.share-dialog button:has-text("Copy")');
    await page.waitForSelector('.share-dialog .copy-status:has-text("Copied")');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'Copy puts the link on the clipboard');

    // Another device, with some progress of its own that a merge must keep.
    const other = await deviceWithProgress(itemIds[5]);
    // The link opened in a new tab there: a fresh page load, the start script starting the app.
    await other.page.close();
    other.page = await other.context.newPage();
    other.page.on('pageerror', (error) => other.errors.push(error));
    await other.page.goto(link);
    const preview = other.page.locator('.import-preview');
    await preview.waitFor();
    await other.page.waitForFunction(() => {
      const box = document.querySelector('.import-preview').getBoundingClientRect();
      return box.top > -2 && box.top < innerHeight / 2;
    }, null, { timeout: 5000 });
    assert.match(await preview.textContent(), /this link changes/);
    assert.ok(!other.page.url().includes('#'), `the fragment is gone at once: ${other.page.url()}`);
    assert.match(await pressed(other.page, itemIds[5]), /Done/, 'nothing changes before the reader chooses');
    assert.match(await pressed(other.page, itemIds[0]), /Not started/);
    await other.page.click('button:has-text("Merge with my progress")');
    assert.match(await pressed(other.page, itemIds[0]), /Done/);
    assert.match(await pressed(other.page, itemIds[1]), /In progress/);
    assert.match(await pressed(other.page, itemIds[5]), /Done/, 'its own progress kept');

    await other.page.reload();
    await other.page.keyboard.press('Shift');
    await other.page.waitForSelector('#app .check-item');
    await other.page.waitForFunction((id) => document.querySelector(`#item-${id} .state-button[aria-pressed="true"]`)?.textContent.includes('Done'), itemIds[0]);
    assert.equal(await noteOf(other.page, itemIds[0]), 'Did it, with commas, and "quotes"');
    assert.equal(await other.page.inputValue('.planner input[type="date"]'), '2027-01-04');
    assert.equal(await other.page.locator('.import-preview').count(), 0, 'a reload does not bring the link back');
    assert.deepEqual(other.errors, []);
    await other.context.close();
    await context.close();
  });

  test('the QR code reads back as the same link', async () => {
    const { page, context } = await app.open('#roadmap', { reducedMotion: 'reduce' });
    await page.waitForSelector('.check-item');
    await mark(page, itemIds[2], 'Skipped');
    const link = await shareLink(page);
    const png = await page.locator('.share-dialog svg.share-qr').screenshot();
    // jsQR (npm) in a blank page: the PNG drawn on a canvas, its pixels read.
    const reader = await context.newPage();
    await reader.addScriptTag({ path: 'node_modules/jsqr/dist/jsQR.js' });
    const read = await reader.evaluate(async (dataUrl) => {
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      const canvas = new OffscreenCanvas(image.naturalWidth, image.naturalHeight);
      const context2d = canvas.getContext('2d');
      context2d.drawImage(image, 0, 0);
      const pixels = context2d.getImageData(0, 0, canvas.width, canvas.height);
      return window.jsQR(pixels.data, pixels.width, pixels.height)?.data ?? null;
    }, `data:image/png;base64,${png.toString('base64')}`);
    assert.equal(read, link);
    await context.close();
  });

  test('notes can be left out, and a link without them carries none', async () => {
    const { page, context } = await app.open('#roadmap', { reducedMotion: 'reduce' });
    await page.waitForSelector('.check-item');
    await mark(page, itemIds[0], 'Done');
    await (await openNote(page, itemIds[0])).fill('A private note '.repeat(20));
    const withNotes = await shareLink(page);
    await page.uncheck('.share-notes input');
    await page.waitForFunction((before) => {
      const field = document.querySelector('.share-dialog #share-link');
      return field && field.value !== before;
    }, withNotes);
    const bare = await page.inputValue('.share-dialog #share-link');
    assert.ok(bare.length < withNotes.length, `${bare.length} < ${withNotes.length}`);
    assert.match(bare, /#progress=2n\./, 'the link says it carries no notes');
    const other = await freshPage(bare);
    await other.page.click('button:has-text("Replace my progress")');
    assert.match(await pressed(other.page, itemIds[0]), /Done/);
    assert.equal(await noteOf(other.page, itemIds[0]), '');
    // A reader with notes of their own keeps them, whichever they choose.
    await (await openNote(other.page, itemIds[0])).fill('mine');
    await mark(other.page, itemIds[0], 'In progress');
    const tab = await other.context.newPage();
    await tab.goto(bare);
    await tab.click('button:has-text("Replace my progress")');
    assert.match(await pressed(tab, itemIds[0]), /Done/);
    assert.equal(await noteOf(tab, itemIds[0]), 'mine');
    await other.context.close();
    await context.close();
  });

  test('a damaged, cut or foreign link says so and changes nothing; a section anchor still jumps', async () => {
    const { page, context } = await app.open('#roadmap', { reducedMotion: 'reduce' });
    await page.waitForSelector('.check-item');
    await mark(page, itemIds[0], 'Done');
    const link = await shareLink(page);
    const [base, fragment] = link.split('#');
    // progress=<version>.<data>: the data altered, cut or spoiled, or the version unknown.
    const [key, data] = fragment.split('.');
    assert.ok(/^progress=2n?$/.test(key) && /^[A-Za-z0-9_-]{20,}$/.test(data), fragment);
    const tampered = [
      [`${base}#${key}.${data.slice(0, 10)}AAAA${data.slice(14)}`, /cannot be used/],
      [`${base}#${key}.${data.slice(0, Math.floor(data.length / 2))}`, /cannot be used/],
      [`${base}#${key}.${data}%%`, /damaged/],
      [`${base}#progress=9.${data}`, /newer version/],
    ];
    for (const [url, message] of tampered) {
      const other = await deviceWithProgress(itemIds[3]);
      const before = await stored(other.page);
      await other.page.goto(url);
      const notice = other.page.locator('.roadmap-tools .notice.error');
      await notice.waitFor();
      assert.match(await notice.textContent(), message, url);
      assert.match(await notice.textContent(), /Nothing was changed/);
      assert.equal(await stored(other.page), before, 'the saved progress is untouched');
      assert.ok(!other.page.url().includes('#'), 'the fragment is gone');
      await other.context.close();
    }
    const anchor = await freshPage(`${base}#faq`);
    await anchor.page.waitForFunction(() => Math.abs(document.querySelector('#faq').getBoundingClientRect().top) < 40);
    assert.ok(anchor.page.url().endsWith('#faq'), 'a plain anchor is left alone');
    await anchor.context.close();
    await context.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`axe finds no violations in the share dialog, ${colorScheme} mode`, async () => {
      const { page, context } = await app.open('#roadmap', { reducedMotion: 'reduce', colorScheme });
      await page.waitForSelector('.check-item');
      await mark(page, itemIds[0], 'Done');
      await (await openNote(page, itemIds[0])).fill('note');
      await shareLink(page);
      await page.waitForSelector('.share-dialog svg.share-qr');
      const results = await new AxeBuilder({ page }).include('.share-dialog').analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), []);
      await context.close();
    });
  }

  test('offline, with the site saved by its worker, a link is made, opened and applied', async () => {
    const context = await app.browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(at('#roadmap'));
    await controlled(page);
    await page.reload();
    await page.keyboard.press('Shift');
    await page.waitForSelector('#app .check-item');
    await context.setOffline(true);
    await mark(page, itemIds[0], 'Done');
    const link = await shareLink(page);
    await page.keyboard.press('Escape');
    await page.click('button:has-text("Reset all")');
    await page.click('button:has-text("Reset everything")');
    assert.match(await pressed(page, itemIds[0]), /Not started/);
    const tab = await context.newPage();
    await tab.goto(link);
    await tab.locator('.import-preview').waitFor();
    await tab.click('button:has-text("Replace my progress")');
    assert.match(await pressed(tab, itemIds[0]), /Done/);
    await context.close();
  });

  test('the embedded checklist shares a link to the full app', async () => {
    const { page, context } = await app.open('?embed=roadmap', { reducedMotion: 'reduce' });
    await page.waitForSelector('.check-item');
    await mark(page, itemIds[0], 'Done');
    const link = await shareLink(page);
    assert.ok(link.startsWith(at('#progress=2')), link);
    assert.ok(!link.includes('embed='), link);
    await context.close();
  });
});
