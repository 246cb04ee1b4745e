// The salary explorer in the release build: chart, keyboard, table, map, downloads, URL state, axe.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { useApp } from './support/app.mjs';

const guide = JSON.parse(readFileSync('public/data/guides/infrastructure-engineer.json', 'utf8'));
const national = guide.role.median_salary;
const app = useApp();

const money = (n) => `$${n.toLocaleString('en-US')}`;
const count = (n) => n.toLocaleString('en-US');
const percent = (state) => Math.round(((state.median_salary - national) / national) * 100);
const byName = Object.fromEntries(guide.states.map((s) => [s.name, s]));

/** Opens the app at `query` and waits for the chart section. */
async function openChart(query = '', options = {}) {
  const opened = await app.open(query + '#salary-by-state', { reducedMotion: 'reduce', ...options });
  await opened.page.waitForSelector('.salary-explorer');
  return opened;
}

const barNames = (page) => page.$$eval('.bar-chart .bar .bar-name', (els) => els.map((el) => el.textContent));

describe('the salary chart', () => {
  test('draws ten bars, the national median line and the national range', async () => {
    const { page, context, errors } = await openChart();
    assert.equal(await page.locator('.bar-chart .bar').count(), 10);
    assert.match(await page.textContent('.bar-chart .reference'), /National median \$95,360/);
    assert.match(await page.textContent('.bar-chart .band'), /\$57,620 - \$147,500/);
    const expected = [...guide.states].sort((a, b) => b.median_salary - a.median_salary).map((s) => s.name);
    assert.deepEqual(await barNames(page), expected);
    const values = await page.$$eval('.bar-chart .bar-value', (els) => els.map((el) => el.textContent));
    assert.deepEqual(values, expected.map((name) => money(byName[name].median_salary)));
    assert.match(await page.textContent('.chart-summary'), /California pays the highest median salary \(\$128,736, \+35%\) and Ohio the lowest/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the metric switch and the sort change the order of the bars', async () => {
    const { page, context } = await openChart();
    await page.getByLabel('Number employed').check();
    const byEmployment = [...guide.states].sort((a, b) => b.employed - a.employed).map((s) => s.name);
    await page.waitForFunction((first) => document.querySelector('.bar-chart .bar-name')?.textContent === first, byEmployment[0]);
    assert.deepEqual(await barNames(page), byEmployment);
    assert.equal(await page.locator('.bar-chart .reference').count(), 0);

    await page.selectOption('.sort select', 'asc');
    await page.waitForFunction(() => document.querySelector('.bar-chart .bar-name')?.textContent === 'Washington');
    const ascending = [...guide.states].sort((a, b) => a.employed - b.employed).map((s) => s.name);
    assert.deepEqual(await barNames(page), ascending, 'ties keep the source order');

    await page.selectOption('.sort select', 'name');
    await page.waitForFunction(() => document.querySelector('.bar-chart .bar-name')?.textContent === 'California');
    assert.deepEqual(await barNames(page), guide.states.map((s) => s.name).sort());

    await page.getByLabel('Difference from national median').check();
    await page.waitForSelector('.bar-chart .bar.negative');
    const negatives = await page.$$eval('.bar.negative .bar-name', (els) => els.map((el) => el.textContent).sort());
    assert.deepEqual(negatives, guide.states.filter((s) => percent(s) < 0).map((s) => s.name).sort());
    assert.match(page.url(), /metric=difference/);
    assert.match(page.url(), /sort=name/);
    await context.close();
  });

  test('the keyboard walks the bars, one tab stop, with the tooltip on each', async () => {
    const { page, context } = await openChart();
    await page.focus('.sort select');
    await page.keyboard.press('Tab'); // the view radio group
    await page.keyboard.press('Tab'); // the chart: its one tab stop
    const expected = [...guide.states].sort((a, b) => b.median_salary - a.median_salary);
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    for (let index = 0; index < expected.length; index += 1) {
      const state = expected[index];
      const difference = percent(state);
      const phrase = difference === 0 ? 'the same as the national median' : `${Math.abs(difference)}% ${difference > 0 ? 'above' : 'below'} the national median`;
      assert.equal(await focused(), `${state.name}: median ${money(state.median_salary)}, ${phrase}, ${count(state.employed)} employed`);
      const tooltip = await page.textContent('.chart-tooltip');
      assert.ok(tooltip.includes(state.name), tooltip);
      assert.ok(tooltip.includes(money(state.median_salary)), tooltip);
      assert.ok(tooltip.includes(count(state.employed)), tooltip);
      assert.ok(tooltip.includes(`${index + 1} of 10 by median salary`), tooltip);
      assert.equal(await page.locator('.bar[tabindex="0"]').count(), 1, 'one tab stop');
      if (index + 1 < expected.length) await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('ArrowDown');
    assert.match(await focused(), /^Ohio:/, 'focus stops at the last bar');
    await page.keyboard.press('Home');
    assert.match(await focused(), /^California:/);
    await page.keyboard.press('End');
    assert.match(await focused(), /^Ohio:/);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.chart-tooltip').count(), 0, 'Escape hides the tooltip');
    await page.keyboard.press('Enter');
    // The address is rewritten by an effect, after the key press: wait for it.
    await page.waitForFunction(() => /state=OH/.test(location.search), null, { timeout: 5_000 });
    await page.keyboard.press('Shift+Tab');
    const after = await page.evaluate(() => `${document.activeElement.tagName} ${document.activeElement.id} ${document.activeElement.className?.baseVal ?? document.activeElement.className}`);
    assert.ok(!/bar/.test(after), `Shift+Tab leaves the chart, focus is on ${after}`);
    await context.close();
  });

  test('the table view shows the same numbers and sorts by its headers', async () => {
    const { page, context } = await openChart('?view=table');
    const rows = await page.$$eval('.salary-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
    assert.equal(rows.length, 10);
    for (const [name, salary, employed, difference] of rows) {
      const state = byName[name];
      assert.equal(salary, money(state.median_salary));
      assert.equal(employed, count(state.employed));
      const d = percent(state);
      assert.equal(difference, d > 0 ? `+${d}%` : `${d}%`);
    }
    assert.equal(await page.getAttribute('th:has-text("Median salary")', 'aria-sort'), 'descending');
    await page.click('th:has-text("Employed") button');
    assert.equal(await page.getAttribute('th:has-text("Employed")', 'aria-sort'), 'descending');
    assert.equal(await page.getAttribute('th:has-text("Median salary")', 'aria-sort'), 'none');
    await page.click('th:has-text("Employed") button');
    assert.equal(await page.getAttribute('th:has-text("Employed")', 'aria-sort'), 'ascending');
    const first = await page.textContent('.salary-table tbody tr:first-child th');
    assert.equal(first, [...guide.states].sort((a, b) => a.employed - b.employed)[0].name);
    await page.click('th:has-text("State") button');
    assert.equal(await page.getAttribute('th:has-text("State")', 'aria-sort'), 'ascending');
    await context.close();
  });

  test('the map shades exactly the ten states with data', async () => {
    const { page, context } = await openChart('?view=map');
    const shaded = await page.$$eval('.tile-map .tile.has-data', (tiles) => tiles.map((t) => t.id.replace('tile-', '')).sort());
    assert.deepEqual(shaded, guide.states.map((s) => s.code).sort());
    assert.equal(await page.locator('.tile-map .tile').count(), 51);
    assert.equal(await page.locator('.tile-map .tile.no-data').count(), 41);
    assert.match(await page.textContent('.map-legend'), /No data/);
    await page.focus('#tile-CA');
    assert.match(await page.textContent('.chart-tooltip'), /California.*\$128,736/s);
    await context.close();
  });

  test('downloads: CSV with BOM and data, SVG and PNG of the chart', async () => {
    const { page, context } = await openChart('?metric=employed&state=TX', { acceptDownloads: true });
    const save = async (label) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`.downloads button:has-text("${label}")`)]);
      const path = await download.path();
      return { name: download.suggestedFilename(), body: readFileSync(path) };
    };
    const csv = await save('CSV');
    assert.equal(csv.name, 'infrastructure-engineer-salary-by-state.csv');
    assert.deepEqual([...csv.body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const lines = csv.body.toString('utf8').slice(1).split('\r\n');
    assert.equal(lines[0], 'State,Code,Median salary (USD),Employed,Difference from national median (%)');
    assert.equal(lines[1], 'California,CA,128736,287500,35', 'rows follow the chart: most employed first');
    for (const state of guide.states) assert.ok(lines.includes(`${state.name},${state.code},${state.median_salary},${state.employed},${percent(state)}`));
    assert.ok(lines.some((line) => line.startsWith('Source: BLS')));

    const svg = await save('SVG');
    const text = svg.body.toString('utf8');
    assert.match(text, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(text, /number employed by state/);
    assert.match(text, /Source: BLS Occupational Employment and Wage Statistics/);
    assert.match(text, /287,500/);
    const parsed = await page.evaluate((source) => new DOMParser().parseFromString(source, 'image/svg+xml').querySelector('parsererror') === null, text);
    assert.ok(parsed, 'the SVG parses as XML');

    const png = await save('PNG');
    assert.deepEqual([...png.body.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    const svgWidth = Number(text.match(/width="(\d+)"/)[1]);
    assert.equal(png.body.readUInt32BE(16), svgWidth * 2, 'the PNG is twice the chart width');
    await context.close();
  });

  test('a link with chart state reopens that view; garbage falls back to defaults', async () => {
    const { page, context } = await openChart('?metric=employed&sort=asc&view=table&state=TX');
    assert.equal(await page.isChecked('input[name="salary-metric"][value="employed"]'), true);
    assert.equal(await page.isChecked('input[name="salary-view"][value="table"]'), true);
    assert.equal(await page.inputValue('.sort select'), 'asc');
    assert.match(await page.getAttribute('.salary-table tbody tr.highlighted th', 'scope'), /row/);
    assert.equal(await page.textContent('.salary-table tbody tr.highlighted th'), 'Texas');
    await page.goto(app.server.url + '?metric=%ZZ&sort=sideways&view=3d&state=<b>#salary-by-state');
    await page.waitForSelector('#app .bar-chart');
    assert.equal(await page.isChecked('input[name="salary-metric"][value="salary"]'), true);
    assert.equal(await page.locator('.bar.highlighted').count(), 0);
    assert.ok(!page.url().includes('metric='), 'the URL is cleaned to the defaults');
    await context.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    for (const view of ['chart', 'table', 'map']) {
      test(`axe finds no violations in the ${view} view, ${colorScheme} mode`, async () => {
        const { page, context } = await openChart(`?view=${view}&state=NY`, { colorScheme });
        if (view !== 'table') await page.focus(view === 'chart' ? '#bar-CA' : '#tile-CA');
        const results = await new AxeBuilder({ page }).include('.salary-explorer').analyze();
        assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), []);
        await context.close();
      });
    }
  }
});
