// The README's first command: `make serve` (scripts/serve.sh) builds the release and serves it,
// and the page it serves starts the app; with its usual port taken it says so and serves on the
// next free one. Run by `make test` in a copy of the checkout at a path with a space, with an
// absolute CARGO_TARGET_DIR, as developers' machines often have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { isAbsolute } from 'node:path';
import { appInCharge } from './support/app.mjs';
import { launch } from './support/browser.mjs';
import { freePort } from './support/process.mjs';
import { CHECKOUT, fetchServed, runScript } from './support/trunk-serve.mjs';

test('make test runs these in a checkout whose path has a space, with an absolute CARGO_TARGET_DIR', { skip: !process.env.E2E_CHECKOUT && 'run alone, in this checkout' }, () => {
  assert.match(CHECKOUT, / /);
  assert.ok(isAbsolute(process.env.CARGO_TARGET_DIR ?? ''), `CARGO_TARGET_DIR=${process.env.CARGO_TARGET_DIR}`);
});

test('make serve builds the release and serves it, on the next free port when its own is taken', { timeout: 600_000 }, async () => {
  const taken = await freePort();
  const occupant = createServer().listen(taken, '127.0.0.1');
  await new Promise((listening) => occupant.once('listening', listening));
  const browser = await launch();
  const server = runScript('scripts/serve.sh', ['--dist', 'target/dist-serve'], { PORT: String(taken) });
  try {
    await server.built();
    const moved = server.log().match(new RegExp(`port ${taken} is in use; serving on port (\\d+) instead`));
    assert.ok(moved, `no word of the taken port:\n${server.log().slice(-2000)}`);
    const url = `http://127.0.0.1:${moved[1]}/`;
    assert.ok(server.log().includes(url), 'the address to open is printed');
    const response = await fetchServed(url, server.log);
    assert.ok(!(await response.text()).includes('__TRUNK_'), 'no placeholder of trunk is left in the page');
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(url);
    await appInCharge(page);
    assert.equal(await page.locator('.salary-explorer .bar').count(), 10);
    assert.deepEqual(errors, []);
  } finally {
    server.stop();
    occupant.close();
    await browser.close();
  }
});

test('a port that is not a number is refused with a clear message', async () => {
  const server = runScript('scripts/serve.sh', [], { PORT: 'eighty' });
  for (let waited = 0; !/not a port number/.test(server.log()) && waited < 120_000; waited += 200) {
    await new Promise((r) => setTimeout(r, 200));
  }
  server.stop();
  assert.match(server.log(), /PORT=eighty is not a port number/);
});
