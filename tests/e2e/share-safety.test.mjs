// What a progress link or an imported file can never do to a reader's progress: change a note
// when it carries none, be applied without a way back, or be read as progress when altered.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { useApp } from './support/app.mjs';
import { mark, noteOf, openNote, pressed, PROGRESS_KEY } from './support/checklist.mjs';

const KEY = PROGRESS_KEY;
const app = useApp();
const guide = JSON.parse(readFileSync('public/data/guides/infrastructure-engineer.json', 'utf8'));
const itemIds = guide.sections.find((s) => s.id === 'roadmap').blocks[0].steps.flatMap((s) => s.items.map((i) => i.id));

/** What the reader's stored progress shows: each item's state and note, and the plan. */
const shown = (page) => page.evaluate((key) => {
  const doc = JSON.parse(localStorage.getItem(key) ?? '{"items":{}}');
  const items = Object.entries(doc.items ?? {})
    .filter(([, item]) => item.state !== 'not_started' || item.note)
    .map(([id, item]) => `${id}:${item.state}:${item.note ?? ''}`)
    .sort();
  return { items, planner: doc.planner ?? null };
}, KEY);

/** Waits until item `id` shows `label` as its pressed state; returns that text. */
async function showsState(page, id, label) {
  const button = page.locator(`#item-${id} .state-button[aria-pressed="true"]:has-text("${label}")`);
  await button.waitFor({ timeout: 5000 });
  return button.textContent();
}

/** A fresh browser (another device) at `path`, the app started, the checklist in place. */
async function device(path = '#roadmap') {
  const context = await app.browser.newContext({ reducedMotion: 'reduce', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(new URL(path, app.server.url).href);
  await page.keyboard.press('Shift');
  await page.waitForSelector('#app .check-item');
  return { context, page };
}

/** A link made on another device with `id` done, with or without its notes. */
async function linkWith(id, { notes }) {
  const { context, page } = await device();
  await mark(page, id, 'Done');
  await (await openNote(page, id)).fill('the sender\'s note');
  await page.click('button.share-button');
  await page.waitForSelector('.share-dialog #share-link');
  if (!notes) {
    const before = await page.inputValue('.share-dialog #share-link');
    await page.uncheck('.share-notes input');
    await page.waitForFunction((old) => document.querySelector('.share-dialog #share-link').value !== old, before);
  }
  const link = await page.inputValue('.share-dialog #share-link');
  await context.close();
  return link;
}

/**
 * Opens `link` in the reader's page: pasted into the address bar of the open page, or (`fresh`)
 * in a new page load, so that no notice of an earlier link is left to be mistaken for its own.
 */
async function openLink(page, link, { fresh = false } = {}) {
  if (fresh) await page.goto('about:blank');
  await page.goto(link);
  await page.locator('.import-preview, .roadmap-tools .notice.error').first().waitFor();
}

describe('progress links and imports cannot take progress away', () => {
  test('a link made without notes changes no note: not one it lacks, not one written while its preview is open', async () => {
    const bare = await linkWith(itemIds[0], { notes: false });
    assert.match(bare, /#progress=2n\./);
    const { context, page } = await device();
    await (await openNote(page, itemIds[1])).fill('lab on Saturday');
    await (await openNote(page, itemIds[0])).fill('reading chapter 4');
    await openLink(page, bare);
    const preview = page.locator('.import-preview');
    assert.match(await preview.textContent(), /changes 1 items and 0 notes/);
    // Written after the preview opened: the counts follow, and Replace keeps it.
    await (await openNote(page, itemIds[2])).fill('written during the preview');
    await mark(page, itemIds[0], 'Done');
    await page.waitForFunction(() => /changes 0 items and 0 notes/.test(document.querySelector('.import-preview').textContent));
    await page.click('button:has-text("Replace my progress")');
    assert.match(await showsState(page, itemIds[0], 'Done'), /Done/);
    assert.equal(await noteOf(page, itemIds[0]), 'reading chapter 4');
    assert.equal(await noteOf(page, itemIds[1]), 'lab on Saturday');
    assert.equal(await noteOf(page, itemIds[2]), 'written during the preview');
    await context.close();
  });

  test('Replace and Merge from a link can be undone exactly, and a pending Undo reset is kept', async () => {
    const link = await linkWith(itemIds[3], { notes: true });
    const { context, page } = await device();
    await mark(page, itemIds[0], 'In progress');
    await (await openNote(page, itemIds[0])).fill('mine');
    await page.fill('.planner input[type="date"]', '2027-02-01');
    await page.dispatchEvent('.planner input[type="date"]', 'change');
    await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? '{}').planner, KEY);
    const original = await shown(page);
    await page.click('button:has-text("Reset all")');
    await page.click('button:has-text("Reset everything")');
    await page.locator('button:has-text("Undo reset")').waitFor();
    const afterReset = await shown(page);

    await openLink(page, link);
    await page.click('button:has-text("Replace my progress")');
    const notice = page.locator('.roadmap-tools .notice:has(button:has-text("Undo replace"))');
    await notice.waitFor();
    assert.match(await notice.textContent(), /replaced with the link's\. 1 earlier change can be undone/);
    assert.match(await showsState(page, itemIds[3], 'Done'), /Done/);
    await page.click('button:has-text("Undo replace")');
    assert.deepEqual(await shown(page), afterReset, 'Undo replace puts back the progress as it was');
    await page.click('button:has-text("Undo reset")');
    assert.deepEqual(await shown(page), original, 'the earlier Undo reset was still there');

    assert.equal(await page.locator('.roadmap-tools button:has-text("Undo")').count(), 0);
    await context.close();

    // Merge, in a browser whose reader has progress of their own (the link's item is newer).
    const other = await device();
    await mark(other.page, itemIds[0], 'Skipped');
    const before = await shown(other.page);
    await openLink(other.page, link);
    await other.page.click('button:has-text("Merge with my progress")');
    await other.page.locator('button:has-text("Undo merge")').waitFor();
    assert.match(await showsState(other.page, itemIds[3], 'Done'), /Done/);
    assert.match(await showsState(other.page, itemIds[0], 'Skipped'), /Skipped/);
    await other.page.click('button:has-text("Undo merge")');
    assert.deepEqual(await shown(other.page), before, 'Undo merge puts back the progress as it was');
    await other.context.close();
  });

  test('a link with any character changed, cut or added is refused as damaged; a link of the earlier format still opens', async () => {
    const link = await linkWith(itemIds[4], { notes: true });
    const [base, fragment] = link.split('#');
    const [key, data] = fragment.split('.');
    const swap = (c) => (c === 'A' ? 'B' : 'A');
    const altered = [];
    for (const at of [0, 7, Math.floor(data.length / 2), data.length - 6, data.length - 1]) {
      altered.push(`${data.slice(0, at)}${swap(data[at])}${data.slice(at + 1)}`);
    }
    altered.push(data.slice(0, -1), data.slice(1), `${data}A`, `${data.slice(0, 9)}Q${data.slice(9)}`);
    const { context, page } = await device();
    await mark(page, itemIds[6], 'Skipped');
    const before = await page.evaluate((k) => localStorage.getItem(k), KEY);
    for (const changed of altered) {
      await openLink(page, `${base}#${key}.${changed}`, { fresh: true });
      const error = page.locator('.roadmap-tools .notice.error');
      assert.match(await error.textContent(), /damaged or was cut short.*Nothing was changed/, changed);
      assert.equal(await page.locator('.import-preview').count(), 0);
    }
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), before);

    // Version 1: the document's JSON, deflate-raw, base64url, no checksum.
    const v1 = await page.evaluate(async (id) => {
      const json = JSON.stringify({ version: 1, updated_at: 5, items: { [id]: { state: 'done', note: 'from v1', updated_at: 5 } }, planner: null, planner_updated_at: 0 });
      const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
      const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }, itemIds[5]);
    await openLink(page, `${base}#progress=1.${v1}`, { fresh: true });
    await page.click('button:has-text("Merge with my progress")');
    assert.match(await showsState(page, itemIds[5], 'Done'), /Done/);
    assert.equal(await noteOf(page, itemIds[5]), 'from v1');
    await context.close();
  });
  test('entries this guide no longer has are counted, can be removed, and the removal undone', async () => {
    const { context, page } = await device();
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({
      version: 1,
      updated_at: 5,
      items: {
        'retired-one': { state: 'done', note: '', updated_at: 5 },
        'retired-two': { state: 'not_started', note: 'an old note', updated_at: 5 },
        'retired-three': { state: 'not_started', note: '', updated_at: 5 },
      },
      planner: null,
      planner_updated_at: 0,
    })), KEY);
    await page.reload();
    await page.keyboard.press('Shift');
    await page.waitForSelector('#app .check-item');
    const line = page.locator('.roadmap .leftovers');
    await line.waitFor();
    assert.match(await line.textContent(), /2 entries this guide no longer has are kept/);
    await line.locator('button:has-text("Remove them")').click();
    await page.locator('button:has-text("Undo remove")').waitFor();
    assert.equal(await line.count(), 0);
    const cleared = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).items, KEY);
    assert.equal(cleared['retired-one'].state, 'not_started');
    assert.equal(cleared['retired-two'].note, '');
    await page.click('button:has-text("Undo remove")');
    await line.waitFor();
    assert.match(await line.textContent(), /2 entries/);
    await context.close();
  });
  test('a link as long as the largest progress opens; one a tenth longer is refused before it is read', async () => {
    // The largest document a link can bring: every roadmap item and the 100 entries it lacks
    // that an import takes, each id and note at its longest, in characters deflate cannot shrink.
    const { context, page } = await device();
    await page.evaluate(([key, ids]) => {
      const astral = (n) => Array.from(crypto.getRandomValues(new Uint32Array(n)), (r) => String.fromCodePoint(0x10000 + (r % 0xFFFF0))).join('');
      const items = {};
      for (const id of [...ids, ...Array.from({ length: 100 }, () => astral(100))]) {
        items[id] = { state: 'done', note: astral(1000), updated_at: 5 };
      }
      localStorage.setItem(key, JSON.stringify({ version: 1, updated_at: 5, items, planner: null, planner_updated_at: 0 }));
    }, [KEY, itemIds]);
    await page.reload();
    await page.keyboard.press('Shift');
    await page.waitForSelector('#app .check-item');
    await page.click('button.share-button');
    await page.waitForSelector('.share-dialog #share-link');
    const link = await page.inputValue('.share-dialog #share-link');
    const [base, fragment] = link.split('#');
    const data = fragment.split('.')[1];
    console.log(`the largest link's data: ${data.length} characters`);
    await context.close();
    const reader = await device();
    await openLink(reader.page, link, { fresh: true });
    assert.equal(await reader.page.locator('.import-preview').count(), 1, 'the largest link opens');
    const longer = `${base}#progress=2.${'A'.repeat(Math.ceil(data.length * 1.1))}`;
    await openLink(reader.page, longer, { fresh: true });
    assert.match(await reader.page.textContent('.roadmap-tools .notice.error'), /longer than any progress could make it/);
    await reader.context.close();
  });

  test('a crafted link that unfolds to hundreds of megabytes is refused with the page responsive and the heap near where it was', async () => {
    // 300 MB of zeros, deflated to a link under the length cap, with a right checksum (of the
    // version, a dot and the bytes).
    const bomb = deflateRawSync(Buffer.alloc(300_000_000));
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc32(Buffer.concat([Buffer.from('2.'), bomb])) >>> 0);
    const data = Buffer.concat([bomb, sum]).toString('base64url');
    const { context, page } = await device();
    const base = page.url().split('#')[0];
    // The tools' module fetched and compiled first, so that only the link's reading is measured.
    await page.click('button.share-button');
    await page.waitForSelector('.share-dialog #share-link');
    await page.keyboard.press('Escape');
    const cdp = await context.newCDPSession(page);
    const heap = async () => {
      const { usedSize, backingStorageSize = 0 } = await cdp.send('Runtime.getHeapUsage');
      return usedSize + backingStorageSize;
    };
    await cdp.send('HeapProfiler.collectGarbage');
    const before = await heap();
    await page.evaluate(() => {
      window.longestTask = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.longestTask = Math.max(window.longestTask, entry.duration);
      }).observe({ type: 'longtask' });
    });
    let peak = before;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await heap());
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await page.goto(`${base}#progress=2.${data}`);
    const error = page.locator('.roadmap-tools .notice.error');
    await error.waitFor();
    sampling = false;
    await sampler;
    assert.match(await error.textContent(), /unfolds to more than/);
    const grown = (peak - before) / 1e6;
    console.log(`a crafted link: the heap grew by at most ${grown.toFixed(1)} MB; longest task ${await page.evaluate(() => window.longestTask)} ms`);
    assert.ok(grown < 8, `the heap grew by ${grown.toFixed(1)} MB`);
    assert.ok(await page.evaluate(() => window.longestTask) < 200, 'no task held the page for long');
    await context.close();
  });
});
