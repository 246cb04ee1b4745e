// A static file server on loopback that gzips text and wasm and tallies the bytes it sends.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HASHED, TYPES } from '../../tests/e2e/support/server.mjs';

const COMPRESSED = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.webmanifest']);

/** Whether the request's Accept-Encoding allows gzip (and does not refuse it with q=0). */
function acceptsGzip(request) {
  return (request.headers['accept-encoding'] ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (!q || Number(q.slice(2)) > 0);
  });
}

/**
 * Serves `root` on 127.0.0.1 at a free port with gzip and the tests' cache headers; resolves to
 * { url, log, reset(), close() }, where `log` lists { method, path, status, bytes, body, at } per
 * finished response: bytes = everything written to the socket for it, headers included; body = the
 * response body's bytes alone; at = the
 * performance.now() of the request's arrival.
 */
export async function serveGzip(root) {
  root = resolve(root);
  const gzipped = new Map();
  const log = [];
  const server = createServer(async (request, response) => {
    const entry = { method: request.method, path: request.url, status: 0, bytes: 0, body: 0, at: performance.now() };
    const socket = request.socket;
    const before = socket.bytesWritten;
    response.on('finish', () => {
      entry.status = response.statusCode;
      entry.bytes = socket.bytesWritten - before;
      log.push(entry);
    });
    try {
      let file = normalize(join(root, decodeURIComponent(new URL(request.url, 'http://x').pathname)));
      if (file !== root && !file.startsWith(root + sep)) {
        response.writeHead(403).end();
        return;
      }
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const ext = extname(file);
      let body = await readFile(file);
      const headers = {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      // A validator, as every real static host sends: a repeat request for an unchanged file
      // (the browser's update check of sw.js, a no-cache revalidation) is answered 304, no body.
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
      headers.etag = etag;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, headers).end();
        return;
      }
      if (COMPRESSED.has(ext)) {
        headers.vary = 'Accept-Encoding';
        if (acceptsGzip(request)) {
          if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 9 }));
          body = gzipped.get(file);
          headers['content-encoding'] = 'gzip';
        }
      }
      headers['content-length'] = body.length;
      response.writeHead(200, headers);
      if (request.method !== 'HEAD') entry.body = body.length;
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    log,
    /** Forgets every request logged so far. */
    reset: () => { log.length = 0; },
    /** Stops the server, dropping kept-alive connections. */
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
  };
}
