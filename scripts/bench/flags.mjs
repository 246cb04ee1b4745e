// Chromium command-line flags shared by every browser the bench starts: the e2e tests' own.
import { CHROMIUM_ARGS } from '../../tests/e2e/support/browser.mjs';

/** Debian's Chromium: the bench never downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, reproducible headless Chromium (playwright adds headless itself). */
export { CHROMIUM_ARGS as CHROMIUM_FLAGS };

/** The same flags for chrome-launcher (Lighthouse), which needs headless asked for explicitly. */
export const LIGHTHOUSE_CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];
