// Takes the README's screenshots of the release build (run after `trunk build --release`).
import { launch } from '../tests/e2e/support/browser.mjs';
import { serve } from '../tests/e2e/support/server.mjs';

const server = await serve();
const browser = await launch();
const shots = [
  { file: 'docs/screenshot-desktop.png', viewport: { width: 1280, height: 900 }, colorScheme: 'light', hash: '' },
  { file: 'docs/screenshot-phone-dark.png', viewport: { width: 390, height: 844 }, colorScheme: 'dark', hash: '#roadmap' },
];
for (const shot of shots) {
  const context = await browser.newContext({ viewport: shot.viewport, colorScheme: shot.colorScheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(server.url + shot.hash);
  await page.waitForSelector('.guide-section');
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot.file });
  await context.close();
  console.log(`wrote ${shot.file}`);
}
await browser.close();
await server.close();
