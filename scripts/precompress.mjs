// Writes `<name>.gz` beside each of the build's content-addressed files (trunk's
// `name-<hash>.js`, `name-<hash>_bg.wasm`, `name-<hash>.css`): gzip made by zopfli, about 5%
// smaller than gzip -9 (the wasm: 11 KB less), for hosts that send a file's .gz as it is
// (nginx's `gzip_static`, deploy/nginx.conf) instead of compressing it on every request.
// A trunk post_build step, release only, after everything else has written the files:
//   node scripts/precompress.mjs [dir]   (default: $TRUNK_STAGING_DIR, else dist)
// Only those files: their names change with their bytes, so a .gz can never be stale. Files a
// site may replace without a build (data/guide.json, index.html) are compressed by the host.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { gzip as zopfliGzip } from '@gfx/zopfli';
import { HASHED, precompressedName } from './precache.mjs';

const gzip = promisify(zopfliGzip);

/** Writes the .gz of every content-addressed file at the top of `dir`; returns their names. */
export async function precompress(dir) {
  const written = [];
  for (const name of readdirSync(dir).sort()) {
    if (!HASHED.test(name)) continue;
    const body = readFileSync(join(dir, name));
    const zipped = Buffer.from(await gzip(body, { numiterations: 15 }));
    // What a host sends must be what the build made: checked here, not trusted.
    if (!gunzipSync(zipped).equals(body)) throw new Error(`zopfli's gzip of ${name} does not give it back`);
    writeFileSync(join(dir, precompressedName(name)), zipped);
    written.push(precompressedName(name));
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
  const written = await precompress(dir);
  console.log(`precompress: ${written.join(', ')}`);
}
