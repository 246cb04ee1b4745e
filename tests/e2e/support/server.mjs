// A static file server for the built app on loopback, started and stopped by the tests.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { HASHED } from '../../../scripts/precache.mjs';

/** Content types by file extension, as a host of the build should send them. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** Files whose names carry trunk's content hash: cached for a year, never revalidated. */
export { HASHED };

/**
 * Serves `root` (default: dist/) on 127.0.0.1 under `prefix` (default `/`), at `port` (default:
 * a free one); resolves to { url, close }. Headers follow docs/deploy.md's advice.
 *
 * With `redirectIndex`, it answers like the hosts with "clean URLs" (Cloudflare Pages, Netlify):
 * a request for an existing `<prefix>index.html` or `<prefix>foo.html` (or `dir/index.html`) is
 * redirected (301, query kept) to `<prefix>`, `<prefix>foo` (or `dir/`), and `<prefix>foo` serves
 * `foo.html`.
 */
export async function serve(root = resolve('dist'), { port = 0, prefix = '/', redirectIndex = false } = {}) {
  root = resolve(root);
  const isFile = async (file) => {
    try {
      return (await stat(file)).isFile();
    } catch {
      return false;
    }
  };
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://x');
    const pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(prefix)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const path = '/' + pathname.slice(prefix.length);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (redirectIndex) {
      if (path.endsWith('.html') && (await isFile(file))) {
        const clean = pathname.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '');
        response.writeHead(301, { location: encodeURI(clean) + url.search, 'cache-control': 'no-cache' }).end();
        return;
      }
      if (!path.endsWith('/') && !(await isFile(file)) && (await isFile(`${file}.html`))) file = `${file}.html`;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const hashed = HASHED.test(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}${prefix}`,
    close: () => new Promise((done) => server.close(done)),
  };
}
