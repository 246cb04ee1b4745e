// The page passes the Nu HTML checker (vnu-jar from npm, run with the machine's Java): as
// built, as it stands before the app arrives, and after the app has taken over.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vnu from 'vnu-jar';
import { appInCharge, useApp } from './support/app.mjs';

const app = useApp();

// The checker's CSS grammar predates `paint-order` (CSS Fill and Stroke, in every browser since
// 2017), which the chart's labels use: that one message is not a fault of the page.
const KNOWN_GAPS = /“paint-order”: Property “paint-order” doesn't exist/;

/** The checker's errors for `html` (warnings and info are not failures). */
function errorsIn(html, name) {
  const path = join(mkdtempSync(join(tmpdir(), 'cg-vnu-')), `${name}.html`);
  writeFileSync(path, html);
  const out = execFileSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', '--exit-zero-always', '--stdout', path], { encoding: 'utf8' });
  return JSON.parse(out).messages
    .filter((m) => !KNOWN_GAPS.test(m.message))
    .map((m) => `${m.type} at line ${m.lastLine}: ${m.message} [${(m.extract ?? '').trim().slice(0, 120)}]`);
}

describe('the Nu HTML checker', () => {
  test('finds no error in the built page', () => {
    assert.deepEqual(errorsIn(readFileSync('dist/index.html', 'utf8'), 'built'), []);
  });

  test('finds no error in the page before and after the app takes over', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(app.server.url);
    assert.deepEqual(errorsIn(await page.content(), 'static'), [], 'before the app');
    await appInCharge(page);
    await page.waitForSelector('#app .salary-explorer .bar');
    assert.deepEqual(errorsIn(await page.content(), 'app'), [], 'after the app took over');
    await context.close();
  });
});
