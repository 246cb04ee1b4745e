// A site of two guides, built as a publisher would make one: the release built with a second
// data file in public/data/guides/ (tests/fixtures/guides/sample-analyst.json, made-up test data
// never shipped) and no code change, into target/dist-two-guides (scripts/test.sh). The root
// becomes an index; each guide works at its own address; the root's old links still reach the
// guide it used to show.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { appInCharge, useApp } from './support/app.mjs';
import { controlled } from './support/worker.mjs';

const app = useApp('target/dist-two-guides');
const infra = JSON.parse(readFileSync('public/data/guides/infrastructure-engineer.json', 'utf8'));
const sample = JSON.parse(readFileSync('tests/fixtures/guides/sample-analyst.json', 'utf8'));
const GUIDES = [
  { slug: 'infrastructure-engineer', guide: infra, median: '$95,360', growth: '+3%' },
  { slug: 'sample-analyst', guide: sample, median: '$50,000', growth: '+1%' },
];
const firstItem = (guide) => guide.sections.find((s) => s.id === 'roadmap').blocks[0].steps[0].items[0].id;
const keyOf = (slug) => `career-guide:${slug}:roadmap`;

/** Opens `path` in a new context (options for it too); waits for the load. */
async function open(path, options = {}) {
  const context = await app.browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(app.server.url + path);
  return { context, page, errors };
}

describe('a site of two guides', () => {
  test('a second guide adds its data file and its page, and nothing to the app', () => {
    // The app's files are named by their content: the same names are the same bytes.
    const appFiles = (dir) => readdirSync(dir).filter((name) => /\.(js|wasm)$/.test(name) && !['sw.js', 'embed.js'].includes(name)).sort();
    assert.ok(appFiles('dist').length > 3);
    assert.deepEqual(appFiles('target/dist-two-guides'), appFiles('dist'));
    assert.deepEqual(readdirSync('target/dist-two-guides/data/guides').sort(), ['infrastructure-engineer.json', 'sample-analyst.json']);
  });

  test('the root is an index of the guides, each with its figures and a link to its page', async () => {
    const { context, page, errors } = await open('');
    assert.equal(await page.title(), 'Career guides');
    const cards = page.locator('.guide-card');
    assert.equal(await cards.count(), 2);
    for (const [index, { slug, guide, median, growth }] of GUIDES.entries()) {
      const card = cards.nth(index);
      assert.equal(await card.locator('h2 a').textContent(), guide.title);
      assert.equal(await card.locator('h2 a').getAttribute('href'), `${slug}/`);
      assert.match(await card.textContent(), new RegExp(`Median salary\\s*${median.replace('$', '\\$')}`));
      assert.match(await card.textContent(), new RegExp(`Job growth \\(10 years\\)\\s*\\${growth}`));
    }
    await cards.nth(1).locator('h2 a').click();
    await page.waitForURL(`${app.server.url}sample-analyst/`);
    assert.equal(await page.textContent('h1'), sample.title);
    const results = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(results.violations.map((v) => v.id), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the index shows the reader\'s progress on each guide they started; with none, it fetches no app', async () => {
    const { context, page, errors } = await open('');
    const fetched = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.reload();
    await page.waitForTimeout(1000);
    assert.deepEqual(fetched.filter((path) => /\.wasm$|career-guide-/.test(path)), [], 'no progress, no app');
    await page.goto(`${app.server.url}sample-analyst/`);
    await appInCharge(page);
    await page.click(`#item-${firstItem(sample)} .state-button.done`);
    await page.goto(app.server.url);
    const meter = page.locator('.guide-card[data-guide="sample-analyst"] .progress-meter');
    await meter.waitFor();
    assert.equal((await meter.textContent()).trim(), 'Your progress: 1 of 3 done');
    assert.equal(await page.getAttribute('.guide-card[data-guide="sample-analyst"] progress', 'value'), '1');
    assert.equal(await page.locator('.guide-card[data-guide="infrastructure-engineer"] .progress-meter').count(), 0, 'not started there');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('each guide works at its own address, its progress kept apart from the other\'s', async () => {
    const { context, page, errors } = await open('sample-analyst/');
    await appInCharge(page);
    assert.equal(await page.locator('.guide-section').count(), sample.sections.length);
    assert.equal(await page.locator('.bar-chart .bar').count(), sample.states.length, 'the chart of its own states');
    await page.click(`#item-${firstItem(sample)} .state-button.done`);
    await page.goto(`${app.server.url}infrastructure-engineer/`);
    await appInCharge(page);
    assert.equal(await page.locator('.guide-section').count(), infra.sections.length);
    assert.equal(await page.locator('.check-item .state-button.done[aria-pressed="true"]').count(), 0, 'nothing ticked here');
    await page.click(`#item-${firstItem(infra)} .state-button.in_progress`);
    await page.goto(`${app.server.url}sample-analyst/`);
    await appInCharge(page);
    assert.equal(await page.getAttribute(`#item-${firstItem(sample)} .state-button.done`, 'aria-pressed'), 'true', 'kept over a reload');
    const stored = await page.evaluate((keys) => keys.map((key) => Object.keys(JSON.parse(localStorage.getItem(key)).items)),
      GUIDES.map(({ slug }) => keyOf(slug)));
    assert.deepEqual(stored, [[firstItem(infra)], [firstItem(sample)]]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the contents\' links stay on the guide\'s own page, with JavaScript or without', async () => {
    for (const javaScriptEnabled of [false, true]) {
      const { context, page } = await open('sample-analyst/', { javaScriptEnabled });
      await page.click('nav.toc a[href$="#faq"]');
      await page.waitForURL(`${app.server.url}sample-analyst/#faq`);
      assert.equal(await page.textContent('h1'), sample.title, 'still this guide');
      await context.close();
    }
  });

  test('links made while the root showed the infrastructure guide still reach it', async () => {
    const { context, page } = await open('');
    // A section's link pasted while the index is open.
    await page.evaluate(() => { location.hash = '#faq'; });
    await page.waitForURL(`${app.server.url}infrastructure-engineer/#faq`);
    for (const [path, expected] of [
      ['#roadmap', 'infrastructure-engineer/#roadmap'],
      ['?metric=employed', 'infrastructure-engineer/?metric=employed'],
      ['?embed=chart&id=x', 'infrastructure-engineer/?embed=chart&id=x'],
    ]) {
      // Each a fresh visit, as a link followed from elsewhere.
      await page.goto('about:blank');
      await page.goto(app.server.url + path);
      await page.waitForURL(app.server.url + expected);
    }
    await appInCharge(page);
    assert.equal(await page.locator('.salary-explorer').count(), 1, 'the embedded chart');
    await page.goto(`${app.server.url}?utm_source=x`);
    assert.equal(await page.title(), 'Career guides', 'another query stays on the index');
    await context.close();
  });

  test('the saved progress of the release before goes to the infrastructure guide, not the other', async () => {
    const { context, page } = await open('data/site.json');
    const saved = readFileSync('tests/e2e/fixtures/progress-one-guide-release.json', 'utf8').trim();
    await page.evaluate((saved) => localStorage.setItem('career-guide:roadmap', saved), saved);
    await page.goto(`${app.server.url}sample-analyst/`);
    await appInCharge(page);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), keyOf('sample-analyst')), null, 'not this guide\'s');
    await page.goto(`${app.server.url}infrastructure-engineer/`);
    await appInCharge(page);
    await page.waitForFunction((key) => localStorage.getItem(key) !== null, keyOf('infrastructure-engineer'));
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), keyOf('infrastructure-engineer')), saved);
    await context.close();
  });

  test('a progress link or file made on one guide, opened on the other, says so and changes nothing', async () => {
    const { context, page } = await open('sample-analyst/#roadmap', { acceptDownloads: true });
    await appInCharge(page);
    await page.click(`#item-${firstItem(sample)} .state-button.done`);
    await page.click('button.share-button');
    await page.waitForSelector('.share-dialog #share-link');
    const link = await page.inputValue('.share-dialog #share-link');
    assert.ok(link.startsWith(`${app.server.url}sample-analyst/#progress=`), link);
    await page.keyboard.press('Escape');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.roadmap-tools button:has-text("Export progress")')]);
    const file = await download.path();
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).guide, 'sample-analyst', 'the file names its guide');
    // On the other guide's page: the link, then the file.
    await page.goto('about:blank');
    await page.goto(link.replace('/sample-analyst/', '/infrastructure-engineer/'));
    await appInCharge(page);
    const notice = page.locator('.roadmap-tools .notice.error');
    await notice.waitFor();
    assert.match(await notice.textContent(), /another guide \("sample-analyst"\)/);
    assert.match(await notice.textContent(), /Nothing was changed/);
    await page.setInputFiles('.file-button input', file);
    await page.waitForFunction(() => document.querySelectorAll('.roadmap-tools .notice.error').length > 0
      && [...document.querySelectorAll('.roadmap-tools .notice.error')].every((n) => /another guide/.test(n.textContent)));
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), keyOf('infrastructure-engineer')), null, 'nothing saved there');
    await context.close();
  });

  test('the second guide\'s own journeys: its calendar file, its progress link opened elsewhere, offline ticks', async () => {
    const { context, page, errors } = await open('sample-analyst/#roadmap', { acceptDownloads: true });
    await appInCharge(page);
    await page.click(`#item-${firstItem(sample)} .state-button.done`);
    await page.fill('.planner input[type="date"]', '2027-01-04');
    await page.dispatchEvent('.planner input[type="date"]', 'change');
    await page.waitForSelector('.calendar-button:not([disabled])');
    const [calendar] = await Promise.all([page.waitForEvent('download'), page.click('.calendar-button')]);
    const ics = readFileSync(await calendar.path(), 'utf8');
    assert.match(ics, /X-WR-CALNAME:Sample Analyst roadmap/);
    const uids = ics.match(/^UID:.*$/gm) ?? [];
    assert.equal(uids.length, sample.sections[1].blocks[0].steps.length, 'an event per timed step');
    assert.ok(uids.every((uid) => /^UID:step-fx-[a-z-]+-.+-sample-analyst@/.test(uid.trim())), uids.join(' '));
    await page.click('button.share-button');
    await page.waitForSelector('.share-dialog #share-link');
    const link = await page.inputValue('.share-dialog #share-link');
    await context.close();

    // The link in another browser: the sample guide's page, its preview, Replace.
    const other = await open('');
    await other.page.goto(link);
    await other.page.click('button:has-text("Replace my progress")');
    await other.page.waitForFunction((id) => document.querySelector(`#item-${id} .state-button.done`)?.getAttribute('aria-pressed') === 'true', firstItem(sample));
    assert.equal(other.page.url(), `${app.server.url}sample-analyst/`, 'the fragment gone, the guide\'s page kept');
    // Offline: the worker serves the page, and a tick is kept over a reload.
    await controlled(other.page);
    await other.context.setOffline(true);
    await other.page.reload();
    await appInCharge(other.page);
    const second = sample.sections[1].blocks[0].steps[0].items[1].id;
    await other.page.click(`#item-${second} .state-button.in_progress`);
    await other.page.reload();
    await appInCharge(other.page);
    assert.equal(await other.page.getAttribute(`#item-${second} .state-button.in_progress`, 'aria-pressed'), 'true');
    assert.deepEqual([...errors, ...other.errors], []);
    await other.context.close();
  });

  test('an embed names its guide, and shows that guide\'s part', async () => {
    const { context, page } = await open('sample-analyst/');
    await appInCharge(page);
    await page.click('.salary-explorer .embed-button');
    const snippet = await page.inputValue('#embed-loader');
    assert.match(snippet, /data-guide="sample-analyst"/);
    assert.match(snippet, /data-title="Sample Analyst salary by state"/);
    // Pasted into a page of another origin (about:blank), as a host would.
    const host = await context.newPage();
    await host.setContent(`<!doctype html><html lang="en"><head><title>host</title></head><body>${snippet}</body></html>`);
    const frame = host.frameLocator('iframe');
    await frame.locator('.bar-chart .bar').first().waitFor();
    assert.equal(await frame.locator('.bar-chart .bar').count(), sample.states.length, 'the sample guide\'s chart');
    assert.equal(await host.getAttribute('iframe', 'title'), 'Sample Analyst salary by state');
    await context.close();
  });

  test('offline, every guide\'s page and the index come from the worker', async () => {
    const { context, page } = await open('');
    await controlled(page);
    await context.setOffline(true);
    for (const { slug, guide } of GUIDES) {
      await page.goto(`${app.server.url}${slug}/`);
      assert.equal(await page.textContent('h1'), guide.title);
    }
    await page.goto(app.server.url);
    assert.equal(await page.locator('.guide-card').count(), 2);
    await context.close();
  });
});
