// The precache generator on a small build it makes itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildManifest, manifestOf, renderWorker, templateOf, writeWorker } from '../../scripts/precache.mjs';

/** public/sw.js with its shared names filled in, as the build's prerender step leaves it. */
const named = () => readFileSync('public/sw.js', 'utf8').replace(/'__([A-Z_]+)__'/g, "'name-$1'");

function fakeBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'cg-precache-'));
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  writeFileSync(join(dir, 'app-0123456789abcdef_bg.wasm'), 'wasm');
  writeFileSync(join(dir, 'base-5f9124a16b7e8a.css'), 'css');
  writeFileSync(join(dir, 'data', 'guide.json'), '{}');
  writeFileSync(join(dir, 'sw.js'), named());
  return dir;
}

test('lists every file but the worker, marks hashed names, and revisions by content', () => {
  const dir = fakeBuild();
  const manifest = buildManifest(dir);
  assert.deepEqual(manifest.map((e) => [e.url, e.hashed]), [
    ['app-0123456789abcdef_bg.wasm', true],
    ['base-5f9124a16b7e8a.css', true],
    ['data/guide.json', false],
    ['index.html', false],
  ]);
  assert.ok(manifest.every((e) => /^[0-9a-f]{16}$/.test(e.revision)));
});

test('the worker text changes whenever any file changes, and only then', () => {
  const dir = fakeBuild();
  const template = named();
  const first = renderWorker(template, buildManifest(dir));
  assert.equal(renderWorker(template, buildManifest(dir)), first, 'same build, same worker');
  writeFileSync(join(dir, 'data', 'guide.json'), '{"changed": true}');
  const second = renderWorker(template, buildManifest(dir));
  assert.notEqual(second, first);
  assert.notEqual(second.match(/const VERSION = "(\w+)"/)[1], first.match(/const VERSION = "(\w+)"/)[1]);
});

test('writes a worker whose manifest reads back, and refuses a template without placeholders', () => {
  const dir = fakeBuild();
  const manifest = writeWorker(dir);
  assert.deepEqual(manifestOf(readFileSync(join(dir, 'sw.js'), 'utf8')), manifest);
  assert.throws(() => renderWorker('const PRECACHE = [];', manifest), /placeholders/);
  assert.throws(() => renderWorker(readFileSync('public/sw.js', 'utf8'), manifest), /shared name '__\w+__' was not filled in/);
});

test('a written worker is listed again from itself when its build changes', () => {
  const dir = fakeBuild();
  writeWorker(dir);
  const written = readFileSync(join(dir, 'sw.js'), 'utf8');
  assert.equal(templateOf(written), named(), 'the template comes back exactly');
  writeFileSync(join(dir, 'data', 'guide.json'), '{"changed": true}');
  const manifest = writeWorker(dir);
  const again = readFileSync(join(dir, 'sw.js'), 'utf8');
  assert.deepEqual(manifestOf(again), manifest);
  assert.notEqual(again, written);
  assert.match(again, /'name-SKIP_WAITING_MESSAGE'/, 'the names stay');
});
