// The release's last build step (scripts/short-names.mjs) on a small build made here: a wasm with
// wasm-bindgen's kind of imports and a script shaped as wasm-bindgen writes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { shortenNames, u32 as leb } from '../../scripts/short-names.mjs';

const name = (text) => [...leb(Buffer.byteLength(text)), ...Buffer.from(text)];
const section = (id, body) => [id, ...leb(body.length), ...body];

const FIELDS = ['__wbg_said_0123456789abcdef', '__wbg_heard_fedcba9876543210'];

/** A wasm that imports FIELDS from `./app_bg.js` and exports `run`, which calls both. */
function wasm() {
  const types = section(1, [1, 0x60, 0, 0]);
  const imports = section(2, [FIELDS.length, ...FIELDS.flatMap((field) => [...name('./app_bg.js'), ...name(field), 0, 0])]);
  const functions = section(3, [1, 0]);
  const exports = section(7, [1, ...name('run'), 0, FIELDS.length]);
  const body = [0, 0x10, 0, 0x10, 1, 0x0b];
  const code = section(10, [1, body.length, ...body]);
  // A custom section after the code, as producers write one: copied as it is.
  const custom = section(0, [...name('note'), 1, 2, 3]);
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...imports, ...functions, ...exports, ...code, ...custom]);
}

/** The script, in the shape wasm-bindgen 0.2.130 writes its imports object. */
const GLUE = `function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        ${FIELDS[0]}: function() {
            globalThis.calls.push('said');
        },
        ${FIELDS[1]}: function() {
            globalThis.calls.push('heard');
        },
    };
    return {
        __proto__: null,
        "./app_bg.js": import0,
    };
}
export { __wbg_get_imports };
`;

function build(glue = GLUE) {
  const dir = mkdtempSync(join(tmpdir(), 'cg-short-names-'));
  writeFileSync(join(dir, 'app-00112233_bg.wasm'), wasm());
  writeFileSync(join(dir, 'app-00112233.js'), glue);
  writeFileSync(join(dir, 'index.html'), "<script type=module>import('/app-00112233.js'); fetch('/app-00112233_bg.wasm');</script>");
  return dir;
}

test('short import names in both files, which still fit each other', async () => {
  const dir = build();
  const { glue, wasm: wasmFile } = await shortenNames(dir);
  const bytes = readFileSync(join(dir, wasmFile));
  const module = new WebAssembly.Module(bytes);
  assert.deepEqual(WebAssembly.Module.imports(module).map((i) => [i.module, i.name]), [['a', 'a'], ['a', 'b']]);
  assert.deepEqual(WebAssembly.Module.customSections(module, 'note').map((s) => [...new Uint8Array(s)]), [[1, 2, 3]]);
  const script = readFileSync(join(dir, glue), 'utf8');
  assert.ok(!FIELDS.some((field) => script.includes(field)), 'no long name is left');
  assert.ok(script.length < GLUE.length / 2, 'minified');
  const { __wbg_get_imports } = await import(pathToFileURL(join(dir, glue)).href);
  globalThis.calls = [];
  new WebAssembly.Instance(module, __wbg_get_imports()).exports.run();
  assert.deepEqual(globalThis.calls, ['said', 'heard'], 'each import reaches its own function');
});

test('both files are named by the hash of what they hold, and the page follows', async () => {
  const dir = build();
  const { glue, wasm: wasmFile } = await shortenNames(dir);
  const hash = createHash('sha256').update(readFileSync(join(dir, glue))).update(readFileSync(join(dir, wasmFile))).digest('hex').slice(0, 16);
  assert.equal(glue, `app-${hash}.js`);
  assert.equal(wasmFile, `app-${hash}_bg.wasm`);
  assert.deepEqual(readdirSync(dir).sort(), [glue, wasmFile, 'index.html'].sort());
  const page = readFileSync(join(dir, 'index.html'), 'utf8');
  assert.ok(page.includes(`import('/${glue}')`) && page.includes(`fetch('/${wasmFile}')`));
  assert.ok(!page.includes('00112233'));
});

test('a script not shaped as expected fails the build and changes nothing', async () => {
  const dir = build(GLUE.replace(`${FIELDS[1]}: function`, `${FIELDS[1]}: () =>`));
  await assert.rejects(shortenNames(dir), new RegExp(`${FIELDS[1]} is in the script 0 times`));
  assert.deepEqual(readFileSync(join(dir, 'app-00112233_bg.wasm')), wasm());
  assert.equal(readFileSync(join(dir, 'app-00112233.js'), 'utf8'), GLUE.replace(`${FIELDS[1]}: function`, `${FIELDS[1]}: () =>`));
});
