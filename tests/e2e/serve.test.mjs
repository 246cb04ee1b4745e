// The README's first command: `make serve` (scripts/serve.sh) builds the release and serves it,
// and the page it serves starts the app. Run here on a free port, into a folder of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { appInCharge } from './support/app.mjs';
import { launch } from './support/browser.mjs';

/** A loopback port nobody listens on. */
const freePort = () => new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

test('make serve builds the release and serves a page that starts the app', { timeout: 600_000 }, async () => {
  const port = await freePort();
  const server = spawn('scripts/serve.sh', ['--port', String(port), '--dist', 'target/dist-serve'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout.on('data', (chunk) => { log += chunk; });
  server.stderr.on('data', (chunk) => { log += chunk; });
  const browser = await launch();
  try {
    const url = `http://127.0.0.1:${port}/`;
    let html = '';
    for (const started = Date.now(); Date.now() - started < 540_000; await new Promise((r) => setTimeout(r, 1000))) {
      assert.equal(server.exitCode, null, `serve.sh stopped:\n${log.slice(-2000)}`);
      if (log.includes('ERROR')) break;
      const response = await fetch(url).catch(() => null);
      if (response?.ok) {
        html = await response.text();
        // trunk serves an older dist while it builds: wait for the build that succeeded.
        if (/✅ success/.test(log)) break;
      }
    }
    assert.ok(!log.includes('ERROR'), `the build reported an error:\n${log.slice(-2000)}`);
    assert.ok(/✅ success/.test(log), `the build never succeeded:\n${log.slice(-2000)}`);
    assert.ok(!html.includes('__TRUNK_'), 'no placeholder of trunk is left in the page');
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(url);
    await appInCharge(page);
    assert.equal(await page.locator('.salary-explorer .bar').count(), 10);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    process.kill(-server.pid, 'SIGTERM');
  }
});
