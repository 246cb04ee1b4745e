// The browser half of the benchmark, run after a release build:
//   node scripts/bench/browser.mjs <distDir>
// Prints Lighthouse for the app and a script-free copy of its page, the bytes a repeat visit
// still sends with the service worker in control, what starting the app on the reader's first
// input costs, how long the reader's presses take to show once it runs (Event Timing), and the
// chart's switch times. The targets are reported as ok/MISSED only; the exit status is non-zero
// only when a part crashed.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chartBench } from './chart-bench.mjs';
import { inpBench } from './inp-bench.mjs';
import { lighthouseBench } from './lighthouse-bench.mjs';
import { startBench } from './start-bench.mjs';
import { swBench } from './sw-bench.mjs';

const [distArg] = process.argv.slice(2);
if (!distArg || !existsSync(join(distArg, 'index.html'))) {
  console.error('usage: node scripts/bench/browser.mjs <distDir>   (a release build with index.html)');
  process.exit(2);
}
const distDir = resolve(distArg);

const parts = [
  ['Lighthouse', () => lighthouseBench(distDir, 5)],
  ['service worker repeat visit', () => swBench(distDir)],
  ['app start', () => startBench(distDir, 5)],
  ['interactions (Event Timing)', () => inpBench(distDir, 5)],
  ['chart switch time', () => chartBench(distDir, 20)],
];
const started = performance.now();
let crashed = 0;
for (const [name, run] of parts) {
  try {
    await run();
  } catch (error) {
    crashed++;
    console.error(`\n${name} crashed:`, error);
  }
}
console.log(`\nbrowser bench done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exit(crashed ? 1 : 0);
