// `make dev` (scripts/dev.sh): a debug build served with its reload script, which the page's CSP
// allows; a saved change to a view is rebuilt and the open page reloads into it by itself.
// `make bench` measures the same loop (scripts/bench/dev-loop.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devLoop } from '../../scripts/bench/dev-loop.mjs';

test('make dev serves a working debug build and reloads the page after a saved change', { timeout: 900_000 }, async () => {
  const result = await devLoop();
  assert.deepEqual(result.cspViolations, [], 'the reload script runs under the page\'s CSP');
  assert.deepEqual(result.pageErrors, []);
  assert.equal(result.bars, 10, 'the app runs in the debug build');
  assert.equal(result.headingAfter, result.changedHeading, 'the reloaded page shows the saved change');
  console.log(`make dev: saved change to reloaded page in ${(result.loopMs / 1000).toFixed(1)} s`);
});
