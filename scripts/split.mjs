// Leptos's code splitting for a trunk build (trunk has none): the app's `#[lazy]` functions (see
// docs/architecture.md, "Lazy modules") become wasm modules of their own, fetched the first time
// one is called. Run by post-build.sh first, in place of the single module trunk built:
//   1. wasm_split_cli (the crate wasm_split_cli_support, the splitter `cargo leptos --split` uses)
//      cuts cargo's wasm (linked with --emit-relocs, scripts/env.sh and .cargo/config.toml) into
//      the main module, one module per lazy function (and chunks they share), and a small loader
//      script that the main module imports;
//   2. wasm-bindgen makes the main module's script, as trunk does, keeping the exports the parts
//      need (--keep-lld-exports);
//   3. in a release, wasm-opt -Oz each module, as trunk's `data-wasm-opt="z"` did.
// The splitter runs with fixed random bytes (scripts/fixed-random.c), twice, and the two outputs
// must be equal: the same code gives the same files, and so the same content hashes.
// Trunk's script and wasm are replaced under their own names, so index.html stays as trunk wrote
// it; short-names.mjs then gives every file its content hash.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The loader's name as the splitter writes it, and as the main module's script imports it. */
export const LOADER = '__wasm_split.js';
/** The parts' files as the splitter names them (`split_<function>_<n>.wasm`, `chunk_<n>.wasm`). */
export const PART = /^(split|chunk)_[A-Za-z0-9_]+\.wasm$/;

// The splitter keeps the input's function names in the parts: gone, as wasm-bindgen drops them.
const WASM_OPT = ['-Oz', '--strip-debug', '--strip-producers'];

/**
 * The splitter with fixed random bytes (scripts/fixed-random.c, built here with gcc): its hash
 * tables' order, and so its output, are the same at every run. Returns the environment to run it
 * in. The library is built in the temporary folder `work`, never under the checkout or the target
 * folder: LD_PRELOAD splits its value at spaces and colons, which those paths may hold.
 */
function reproducible(work) {
  mkdirSync(join(work, 'preload'));
  const library = join(work, 'preload', 'fixed-random.so');
  if (/[\s:]/.test(library)) throw new Error(`split: the temporary folder's path ${library} holds a space or colon, which LD_PRELOAD cannot take: set TMPDIR`);
  execFileSync('gcc', ['-shared', '-fPIC', '-O2', '-o', library, 'scripts/fixed-random.c'], { stdio: 'inherit' });
  return { ...process.env, LD_PRELOAD: library };
}

/** The files of `dir`, by name, with their bytes. */
const contents = (dir) => readdirSync(dir)
  .filter((name) => statSync(join(dir, name)).isFile())
  .sort()
  .map((name) => [name, readFileSync(join(dir, name))]);

/** Splits the build in `dir` (`profile`: release or debug); returns the parts' file names. */
export function splitBuild(dir, profile) {
  const files = readdirSync(dir);
  const wasmFile = files.find((file) => file.endsWith('_bg.wasm'));
  if (!wasmFile) throw new Error(`split: no wasm in ${dir}`);
  const base = wasmFile.slice(0, -'_bg.wasm'.length);
  const target = process.env.CARGO_TARGET_DIR || 'target';
  const input = join(target, 'wasm32-unknown-unknown', profile === 'release' ? 'release' : 'debug', 'career-guide.wasm');
  const work = mkdtempSync(join(tmpdir(), 'career-guide-split-'));
  try {
    // Run twice: the two outputs must be the same bytes, or the build is not reproducible.
    const env = reproducible(work);
    execFileSync('wasm_split_cli', [input, work], { stdio: 'inherit', env });
    const again = join(work, 'again');
    execFileSync('wasm_split_cli', [input, again], { stdio: 'inherit', env });
    const [first, second] = [contents(work), contents(again)];
    if (JSON.stringify(first.map(([name]) => name)) !== JSON.stringify(second.map(([name]) => name))
      || first.some(([, bytes], index) => !bytes.equals(second[index][1]))) {
      throw new Error('split: two runs of the splitter on the same wasm gave different files');
    }
    const bound = join(work, 'bound');
    execFileSync('wasm-bindgen', [
      '--target=web', `--out-dir=${bound}`, `--out-name=${base}`, '--no-typescript', '--keep-lld-exports',
      join(work, 'main.wasm'),
    ], { stdio: 'inherit' });
    copyFileSync(join(bound, `${base}.js`), join(dir, `${base}.js`));
    copyFileSync(join(bound, `${base}_bg.wasm`), join(dir, wasmFile));
    const parts = readdirSync(work).filter((file) => PART.test(file)).sort();
    for (const part of parts) copyFileSync(join(work, part), join(dir, part));
    // The loader imports the main module's script (to share its memory and table) by this name.
    const loader = readFileSync(join(work, LOADER), 'utf8');
    const mainImport = 'from "./main.js"';
    if (loader.split(mainImport).length !== 2) throw new Error('split: the loader does not import "./main.js" once');
    // The loader fetches a part and its shared chunks side by side; when a chunk fails, the
    // part's own fetch is never awaited: its rejection is handled here, not left unhandled.
    const fetchPart = 'const src = fetch(srcUrl);';
    if (loader.split(fetchPart).length !== 2) throw new Error('split: the loader does not fetch a part as expected');
    const patched = loader
      .replace(mainImport, `from "./${base}.js"`)
      .replace(fetchPart, `${fetchPart}\n        src.catch(() => {});`);
    writeFileSync(join(dir, LOADER), patched);
    if (profile === 'release') {
      for (const file of [wasmFile, ...parts]) {
        execFileSync('wasm-opt', [...WASM_OPT, join(dir, file), '-o', join(dir, file)], { stdio: ['ignore', 'inherit', 'pipe'] });
      }
    }
    console.log(`split: ${base} and ${parts.length} parts: ${parts.join(', ')}`);
    return parts;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, profile = 'debug'] = process.argv.slice(2);
  if (!dir) throw new Error('usage: node scripts/split.mjs <dir> [release|debug]');
  splitBuild(dir, profile);
}
