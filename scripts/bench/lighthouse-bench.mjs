// Lighthouse on the app and on the plain static page of the same text, with the targets.
import { rm } from 'node:fs/promises';
import { serveGzip } from './gzip-server.mjs';
import { runLighthouse } from './lighthouse-run.mjs';
import { median } from './stats.mjs';
import { buildStaticPage } from './static-page.mjs';
import { heading, printTable, verdict } from './table.mjs';

const ms = (value) => `${Math.round(value)} ms`;
const kib = (value) => `${(value / 1024).toFixed(1)} KiB`;

/** The per-metric medians over the successful runs, or null when none succeeded. */
function medians(runs) {
  const ok = runs.filter((run) => !run.error);
  if (ok.length === 0) return null;
  const keys = ['score', 'fcp', 'lcp', 'tbt', 'cls', 'si', 'bytes'];
  return { ...Object.fromEntries(keys.map((key) => [key, median(ok.map((run) => run[key]))])), n: ok.length };
}

/** One row of the results table for `name`, from its medians (or the errors of its runs). */
function row(name, runs, m) {
  if (!m) return [name, 'error', '', '', '', '', '', '', `0/${runs.length}`];
  return [name, Math.round(m.score), ms(m.fcp), ms(m.lcp), ms(m.tbt), m.cls.toFixed(3), ms(m.si), kib(m.bytes), `${m.n}/${runs.length}`];
}

/**
 * Runs Lighthouse `times` times on each page (the gzip-served release `distDir` and its static
 * copy), alternating between them, and prints the median table, the LCP ratio and the targets.
 */
export async function lighthouseBench(distDir, times = 3) {
  heading('Lighthouse (performance only; mobile defaults: simulated throttling)');
  const page = await buildStaticPage(distDir);
  const app = await serveGzip(distDir);
  const plain = await serveGzip(page.dir);
  const runs = { app: [], static: [] };
  try {
    for (let i = 0; i < times; i++) {
      runs.app.push(await runLighthouse(app.url));
      runs.static.push(await runLighthouse(plain.url));
    }
  } finally {
    await app.close();
    await plain.close();
    await rm(page.dir, { recursive: true, force: true });
  }
  console.log(`median of ${times} runs per page, runs alternating app/static; served gzipped from 127.0.0.1`);
  console.log(`static page: ${distDir}/index.html without scripts or preloads (${kib(page.bytes)} html) + ${page.stylesheets.length} stylesheets\n`);
  const m = { app: medians(runs.app), static: medians(runs.static) };
  printTable(
    ['page', 'score', 'FCP', 'LCP', 'TBT', 'CLS', 'Speed Index', 'transfer', 'runs ok'],
    [row('app (release)', runs.app, m.app), row('static html', runs.static, m.static)],
  );
  for (const [name, list] of Object.entries(runs)) {
    const errors = list.filter((run) => run.error).map((run) => run.error);
    for (const error of new Set(errors)) console.log(`  ${name}: ${errors.filter((e) => e === error).length} run(s) failed: ${error}`);
  }
  const ratio = m.app && m.static ? m.app.lcp / m.static.lcp : null;
  console.log(`\nLCP ratio app/static: ${ratio === null ? 'n/a' : ratio.toFixed(2)}\n`);
  printTable(
    ['target (app, medians)', 'measured', 'result'],
    [
      ['performance score = 100', m.app ? Math.round(m.app.score) : 'n/a', verdict(m.app ? Math.round(m.app.score) === 100 : null)],
      ['LCP <= 1.3 x static', ratio === null ? 'n/a' : `${ratio.toFixed(2)} x`, verdict(ratio === null ? null : ratio <= 1.3)],
      ['TBT = 0 ms', m.app ? ms(m.app.tbt) : 'n/a', verdict(m.app ? Math.round(m.app.tbt) === 0 : null)],
      ['CLS = 0', m.app ? m.app.cls.toFixed(3) : 'n/a', verdict(m.app ? m.app.cls === 0 : null)],
    ],
  );
}
