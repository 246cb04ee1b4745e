// Draws the app icons (192, 512 and a maskable 512) with headless Chromium; run once, commit the PNGs.
import { launch } from '../tests/e2e/support/browser.mjs';

const icon = (size, safe) => `<!doctype html><body style="margin:0"><svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
  <rect width="100" height="100" rx="${safe ? 0 : 18}" fill="#0b57b7"/>
  <g transform="translate(50 50) scale(${safe ? 0.62 : 0.8}) translate(-50 -50)" stroke="#fff" stroke-width="12" stroke-linecap="round">
    <path d="M25 78V52M50 78V26M75 78V62"/>
  </g></svg></body>`;
const browser = await launch();
const page = await browser.newPage();
for (const [file, size, safe] of [['icon-192.png', 192, false], ['icon-512.png', 512, false], ['icon-maskable-512.png', 512, true]]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(icon(size, safe));
  await page.screenshot({ path: `public/icons/${file}`, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  console.log(`wrote public/icons/${file}`);
}
await browser.close();
