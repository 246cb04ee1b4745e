// One served release build and one browser per test file, and pages opened on it.
import { after, before } from 'node:test';
import { launch } from './browser.mjs';
import { serve } from './server.mjs';

/**
 * Starts the app as a reader does: the page starts it on the reader's first input (here a press
 * of Shift, which changes nothing else), or when a control comes near.
 */
export const startApp = (page) => page.keyboard.press('Shift');

/** Waits until the app has replaced the guide rendered into the page at build time. */
export const appTookOver = (page) =>
  page.waitForFunction(() => !document.getElementById('prerendered') && document.querySelector('#app > *'));

/** Starts the app (see `startApp`) and waits until it has taken over. */
export async function appInCharge(page) {
  await startApp(page);
  await appTookOver(page);
}

/**
 * Serves `page` a data file other than the one the page was built from, as after new data is
 * deployed without rebuilding the page: the same file with its edition changed (2026 -> 2027,
 * digits of the same width, so the layout does not move). The app must then build the page
 * from the fetched data instead of adopting the static copy.
 */
export const NEW_EDITION = '2027 career guide';
export const newDataDeployed = (page) => page.route('**/data/guides/infrastructure-engineer.json', async (route) => {
  const response = await route.fetch();
  const guide = await response.json();
  guide.edition = NEW_EDITION;
  await route.fulfill({ response, body: JSON.stringify(guide) });
});

/**
 * Starts the server (of the release in `root`, default dist/) and browser before the file's
 * tests and stops them after.
 */
export function useApp(root = undefined) {
  const app = {
    server: null,
    browser: null,
    /** A new page in its own context at `path`; `options` go to newContext. */
    async open(path = '', options = {}) {
      const context = await app.browser.newContext(options);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error));
      await page.goto(app.server.url + path);
      await appInCharge(page);
      return { page, context, errors };
    },
  };
  before(async () => {
    app.server = await serve(root);
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
