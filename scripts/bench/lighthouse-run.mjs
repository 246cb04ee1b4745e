// One Lighthouse performance run (mobile defaults, simulated throttling) in a fresh Chromium.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH, LIGHTHOUSE_CHROME_FLAGS } from './flags.mjs';

const AUDITS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
  bytes: 'total-byte-weight',
};

/**
 * Runs Lighthouse's performance category once against `url`; resolves to { score (0-100),
 * fcp, lcp, tbt, si (ms), cls, bytes } or { error } when Lighthouse could not measure the page.
 */
export async function runLighthouse(url) {
  process.env.CHROME_PATH = CHROMIUM_PATH;
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: LIGHTHOUSE_CHROME_FLAGS });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    const lhr = result?.lhr;
    if (!lhr) return { error: 'Lighthouse returned no result' };
    if (lhr.runtimeError) return { error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` };
    const metrics = { score: Math.round(lhr.categories.performance.score * 100) };
    for (const [key, id] of Object.entries(AUDITS)) {
      const value = lhr.audits[id]?.numericValue;
      if (typeof value !== 'number') return { error: `no ${id}: ${lhr.audits[id]?.errorMessage ?? 'missing'}` };
      metrics[key] = value;
    }
    return metrics;
  } finally {
    await chrome.kill();
  }
}
