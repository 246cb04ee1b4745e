// Debian's Chromium under playwright-core, as the service-worker and chart benches use it.
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './flags.mjs';

/** Launches headless Chromium with the bench flags and no CPU or network throttling. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}
