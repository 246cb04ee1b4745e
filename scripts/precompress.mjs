// Writes, beside each of the build's content-addressed files (trunk's `name-<hash>.js`,
// `name-<hash>_bg.wasm`, `name-<hash>.css`), the compressed copies a host can send as they are
// instead of compressing the file on every request: `<name>.gz`, gzip made by zopfli, smaller
// than gzip -9 (nginx's `gzip_static`, deploy/nginx.conf), and `<name>.br`, brotli at its best,
// smaller again (Caddy's `precompressed`, deploy/Caddyfile). `make bench` prints both beside
// what compressing on the fly would give.
// A trunk post_build step, release only, after everything else has written the files:
//   node scripts/precompress.mjs [dir]   (default: $TRUNK_STAGING_DIR, else dist)
// Only those files: their names change with their bytes, so a copy can never be stale. Files a
// site may replace without a build (the guides' data files, index.html) are compressed by the host.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { gzip as zopfliGzip } from '@gfx/zopfli';
import { HASHED, precompressedName } from './precache.mjs';

const zopfli = promisify(zopfliGzip);

/** Each encoding a host may send: how to make it, and how to read it back. */
const ENCODINGS = {
  gzip: {
    make: async (body) => Buffer.from(await zopfli(body, { numiterations: 15 })),
    read: gunzipSync,
  },
  br: {
    make: async (body) => brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    read: brotliDecompressSync,
  },
};

/** Writes the compressed copies of every content-addressed file at the top of `dir`; returns their names. */
export async function precompress(dir) {
  const written = [];
  for (const name of readdirSync(dir).sort()) {
    if (!HASHED.test(name)) continue;
    const body = readFileSync(join(dir, name));
    for (const [encoding, { make, read }] of Object.entries(ENCODINGS)) {
      const packed = await make(body);
      // What a host sends must be what the build made: checked here, not trusted.
      if (!read(packed).equals(body)) throw new Error(`the ${encoding} of ${name} does not give it back`);
      writeFileSync(join(dir, precompressedName(name, encoding)), packed);
      written.push(precompressedName(name, encoding));
    }
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
  console.log(`precompress: ${(await precompress(dir)).join(', ')}`);
}
