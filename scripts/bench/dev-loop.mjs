// The change loop of `make dev`: starts scripts/dev.sh, opens the page, saves a change to a view
// (the "On this page" heading, src/guide/toc.rs) and times it from the save to the reloaded page
// showing it; then puts the file back. Used by `make bench` (run directly) and the e2e suite.
//   node scripts/bench/dev-loop.mjs
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from '../../tests/e2e/support/browser.mjs';
import { freePort } from '../../tests/e2e/support/process.mjs';
import { CHECKOUT, fetchServed, runScript } from '../../tests/e2e/support/trunk-serve.mjs';

const VIEW = 'src/guide/toc.rs';
const HEADING = '<h2 id="toc-heading">"On this page"</h2>';

/** Runs the loop once; resolves to what a developer would see, and the loop's time. */
export async function devLoop() {
  const file = join(CHECKOUT, VIEW);
  const original = readFileSync(file, 'utf8');
  if (!original.includes(HEADING)) throw new Error(`${VIEW} no longer has ${HEADING}`);
  const changedHeading = `On this page ${Date.now().toString(36)}`;
  const port = await freePort();
  const dev = runScript('scripts/dev.sh', [], { PORT: String(port) });
  const browser = await launch();
  const pageErrors = [];
  const cspViolations = [];
  try {
    await dev.built(1, 840_000);
    const url = `http://127.0.0.1:${port}/`;
    await fetchServed(url, dev.log);
    const page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto(url);
    await page.keyboard.press('Shift'); // starts the app, as a reader's first input does
    await page.waitForFunction(() => !document.getElementById('prerendered') && document.querySelector('#app > *'));
    const bars = await page.locator('.salary-explorer .bar').count();
    await page.waitForFunction(() => document.querySelector('script[src="dev-reload.js"]'));
    const saved = Date.now();
    writeFileSync(file, original.replace(HEADING, `<h2 id="toc-heading">${JSON.stringify(changedHeading)}</h2>`));
    // The page reloads by itself (maybe more than once, if trunk builds twice): ask it, through
    // its navigations, until it shows the change.
    const heading = () => page.evaluate(() => document.getElementById('toc-heading')?.textContent).catch(() => null);
    while ((await heading()) !== changedHeading) {
      if (Date.now() - saved > 300_000) throw new Error(`no reload with the change after 300 s:\n${dev.log().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const loopMs = Date.now() - saved;
    const headingAfter = await page.locator('#toc-heading').textContent();
    return { bars, changedHeading, headingAfter, loopMs, pageErrors, cspViolations };
  } finally {
    writeFileSync(file, original);
    // Newer than any build made from the change, so the next build is made from this text again.
    const now = new Date();
    utimesSync(file, now, now);
    dev.stop();
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { loopMs, headingAfter, changedHeading } = await devLoop();
  if (headingAfter !== changedHeading) throw new Error('the reloaded page does not show the change');
  console.log(`make dev: a saved change to a view (${VIEW}) to the reloaded page showing it: ${(loopMs / 1000).toFixed(1)} s`);
}
