// Writes the service worker's precache list from the files of a build (a trunk post_build hook).
//   node scripts/precache.mjs [dir]   (default: $TRUNK_STAGING_DIR, else dist)
// Every file of the build is listed with a content revision; files whose names carry trunk's
// content hash (name-0123456789abcdef.ext) are marked `hashed` and served cache-first.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATE = fileURLToPath(new URL('../public/sw.js', import.meta.url));
const WORKER = 'sw.js';
/** trunk's content-addressed names: `name-<hash>.js`, `name-<hash>_bg.wasm`, `name-<hash>.css`. */
export const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;
/** A guide's preview image, for other sites' link previews, never the reader's pages: never precached. */
export const LINK_PREVIEW = /(^|\/)preview\.png$/;
/** A compressed copy a host may send for a file as it is (scripts/precompress.mjs): never precached. */
export const PRECOMPRESSED = /\.(gz|br)$/;
/** The name of `name`'s compressed copy in `encoding` ('gzip' or 'br'). */
export function precompressedName(name, encoding) {
  const suffix = { gzip: 'gz', br: 'br' }[encoding];
  if (!suffix) throw new Error(`no precompressed copy in ${encoding}`);
  return `${name}.${suffix}`;
}

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** The precache entries for every file under `dir` except the worker itself, the compressed
 * copies and the link previews' images. */
export function buildManifest(dir) {
  return [...walk(dir)]
    .map((path) => relative(dir, path).split(sep).join('/'))
    .filter((url) => url !== WORKER && !PRECOMPRESSED.test(url) && !LINK_PREVIEW.test(url))
    .map((url) => ({
      url,
      revision: createHash('sha256').update(readFileSync(join(dir, url))).digest('hex').slice(0, 16),
      hashed: HASHED.test(url),
    }));
}

/** The worker's text: the template with the manifest and a version derived from it. */
export function renderWorker(template, manifest) {
  if (!template.includes('/* precache manifest */ []') || !template.includes("'/* cache version */'")) {
    throw new Error('the service worker template has lost its placeholders');
  }
  const unnamed = template.match(/'__[A-Z0-9_]+__'/);
  if (unnamed) throw new Error(`the service worker's shared name ${unnamed[0]} was not filled in (src/prerender/shared_names.rs)`);
  const version = createHash('sha256').update(JSON.stringify(manifest)).digest('hex').slice(0, 12);
  const rendered = template
    .replace('/* precache manifest */ []', JSON.stringify(manifest, null, 0))
    .replace("'/* cache version */'", JSON.stringify(version));
  return rendered;
}

/** Reads the manifest back out of a written worker. */
export function manifestOf(workerText) {
  const match = workerText.match(/const PRECACHE = (\[.*?\]);\n/s);
  if (!match) throw new Error('no precache manifest in the worker');
  return JSON.parse(match[1]);
}

/**
 * The template inside a worker `text`: the build's own copy of public/sw.js (whose shared names
 * the prerender step has filled in) is one already; a worker written before is turned back
 * into one, so that a changed build can be listed again.
 */
export function templateOf(text) {
  if (text.includes('/* precache manifest */ []')) return text;
  return text
    .replace(/const PRECACHE = \[.*?\];\n/s, 'const PRECACHE = /* precache manifest */ [];\n')
    .replace(/const VERSION = "[^"]*";/, "const VERSION = '/* cache version */';");
}

/**
 * Writes `dir`/sw.js for the build in `dir`, from the template the build holds there (its names
 * filled in by the prerender step), else from public/sw.js.
 */
export function writeWorker(dir) {
  const manifest = buildManifest(dir);
  const own = join(dir, WORKER);
  const template = existsSync(own) ? templateOf(readFileSync(own, 'utf8')) : readFileSync(TEMPLATE, 'utf8');
  writeFileSync(own, renderWorker(template, manifest));
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
  const manifest = writeWorker(dir);
  console.log(`precache: ${manifest.length} files listed in ${join(dir, WORKER)}`);
}
