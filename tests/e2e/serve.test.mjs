// The README's first command: `make serve` (scripts/serve.sh) builds the release and serves it,
// and the page it serves starts the app. Run here on a free port, into a folder of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appInCharge } from './support/app.mjs';
import { launch } from './support/browser.mjs';
import { freePort } from './support/process.mjs';

test('make serve builds the release and serves a page that starts the app', { timeout: 600_000 }, async () => {
  const port = await freePort();
  const browser = await launch();
  const server = spawn('scripts/serve.sh', ['--port', String(port), '--dist', 'target/dist-serve'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  for (const stream of [server.stdout, server.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => { log += chunk; });
  }
  try {
    const url = `http://127.0.0.1:${port}/`;
    const built = () => log.includes('ERROR') || /✅ success/.test(log);
    // trunk serves an older dist while it builds: wait for the build to end.
    for (const started = Date.now(); !built() && Date.now() - started < 540_000; await new Promise((r) => setTimeout(r, 1000))) {
      assert.ok(server.exitCode === null && server.signalCode === null, `serve.sh stopped:\n${log.slice(-2000)}`);
    }
    assert.ok(!log.includes('ERROR'), `the build reported an error:\n${log.slice(-2000)}`);
    assert.ok(/✅ success/.test(log), `the build never succeeded:\n${log.slice(-2000)}`);
    let response;
    for (let tries = 0; !response?.ok && tries < 30; tries += 1) {
      if (tries) await new Promise((r) => setTimeout(r, 1000));
      response = await fetch(url, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
    }
    assert.equal(response?.status, 200, `the page is not served:\n${log.slice(-2000)}`);
    assert.ok(!(await response.text()).includes('__TRUNK_'), 'no placeholder of trunk is left in the page');
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(url);
    await appInCharge(page);
    assert.equal(await page.locator('.salary-explorer .bar').count(), 10);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch (error) {
      if (error.code !== 'ESRCH') throw error; // it had already stopped
    }
  }
});
