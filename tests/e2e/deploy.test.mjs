// The shipped host configurations: deploy/nginx.conf really run by nginx on the release builds,
// at / and under /career-guide/, and deploy/Caddyfile by Caddy at / (content types, cache
// headers, compression with the build's own compressed copies, security headers, no fallback to
// index.html), and deploy/_headers holding the same policy.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { precompressedName } from '../../scripts/precache.mjs';
import { appInCharge } from './support/app.mjs';
import { launch } from './support/browser.mjs';
import { caddyAvailable, CADDY, startCaddy } from './support/caddy.mjs';
import { nginxAvailable, NGINX, startNginx } from './support/nginx.mjs';
import { freePort } from './support/process.mjs';
import { HASHED } from './support/server.mjs';

const deployed = (name) => readFileSync(new URL(`../../deploy/${name}`, import.meta.url), 'utf8');

/** The headers every response carries, with the values of docs/deploy.md's advice. */
const SECURITY = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  'cross-origin-opener-policy': 'same-origin',
  'content-security-policy': "object-src 'none'; base-uri 'self'; form-action 'self'",
};
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A GET with Node's http (no redirects followed, no decompression): { status, headers, body }. */
function raw(url, headers = {}) {
  return new Promise((done, fail) => {
    get(url, { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => done({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

/** The trunk-hashed files of a build, by kind. */
function hashedFiles(dir) {
  const names = readdirSync(dir).filter((name) => HASHED.test(name));
  const js = names.find((name) => name.endsWith('.js'));
  const wasm = names.find((name) => name.endsWith('_bg.wasm'));
  assert.ok(js && wasm, `${dir} has a hashed .js and _bg.wasm (found ${names.join(', ') || 'none'})`);
  return { js, wasm, css: names.filter((name) => name.endsWith('.css')) };
}

function assertSecure(response, what) {
  for (const [name, value] of Object.entries(SECURITY)) assert.equal(response.headers[name], value, `${what}: ${name}`);
  assert.equal(response.headers['x-frame-options'], undefined, `${what}: no X-Frame-Options`);
  assert.doesNotMatch(response.headers['content-security-policy'] ?? '', /frame-ancestors/, `${what}: no frame-ancestors`);
}

test('nginx and Caddy are installed (scripts/setup-test.sh installs them; these tests never skip)', () => {
  assert.ok(nginxAvailable(), `${NGINX} is missing: run scripts/setup-test.sh`);
  assert.ok(caddyAvailable(), `${CADDY} is missing: run scripts/setup-test.sh`);
});

const HOSTS = {
  nginx: {
    config: 'deploy/nginx.conf',
    start: startNginx,
    // Debian's nginx has no brotli: the build's gzip, for a browser that takes both.
    precompressed: { gzip: 'gzip', 'br, gzip': 'gzip' },
  },
  Caddy: {
    config: 'deploy/Caddyfile',
    start: (dir, port) => startCaddy(dir, port),
    precompressed: { gzip: 'gzip', 'br, gzip': 'br' },
  },
};

const decode = { gzip: gunzipSync, br: brotliDecompressSync };

function hostSuite(host, name, dir, prefix) {
  const { config, start, precompressed } = HOSTS[host];
  describe(`${config} on ${host} (${name})`, () => {
    let server;
    let origin;
    let files;
    before(async () => {
      files = hashedFiles(dir);
      const port = await freePort();
      server = await start(dir, port, prefix);
      origin = `http://127.0.0.1:${port}`;
    });
    after(async () => {
      await server?.stop();
    });

    test('content types: wasm exactly application/wasm, js, json, the manifest, html, png', async () => {
      const expected = {
        '': /^text\/html\b/,
        'index.html': /^text\/html\b/,
        [files.js]: /^text\/javascript\b/,
        'sw.js': /^text\/javascript\b/,
        'embed.js': /^text\/javascript\b/,
        'data/guides/infrastructure-engineer.json': /^application\/json\b/,
        'manifest.webmanifest': /^application\/manifest\+json\b/,
        'icons/icon-192.png': /^image\/png$/,
        ...Object.fromEntries(files.css.map((css) => [css, /^text\/css\b/])),
      };
      for (const [path, type] of Object.entries(expected)) {
        const response = await fetch(server.url + path);
        assert.equal(response.status, 200, path);
        assert.match(response.headers.get('content-type'), type, path);
        await response.arrayBuffer();
      }
      // The streaming compile takes exactly this, parameters and all.
      const wasm = await fetch(server.url + files.wasm);
      assert.equal(wasm.headers.get('content-type'), 'application/wasm');
      assert.deepEqual(Buffer.from(await wasm.arrayBuffer()), readFileSync(join(dir, files.wasm)));
    });

    test('cache headers: no-cache, except a year for trunk-hashed names', async () => {
      for (const path of ['', 'index.html', 'index.html?embed=chart', 'sw.js', 'embed.js', 'data/guides/infrastructure-engineer.json', 'manifest.webmanifest', 'icons/icon-192.png']) {
        const response = await fetch(server.url + path);
        assert.equal(response.status, 200, path);
        assert.equal(response.headers.get('cache-control'), 'no-cache', path);
        await response.arrayBuffer();
      }
      for (const path of [files.js, files.wasm, ...files.css]) {
        const response = await fetch(server.url + path);
        assert.equal(response.status, 200, path);
        assert.equal(response.headers.get('cache-control'), IMMUTABLE, path);
        await response.arrayBuffer();
      }
      // A hashed name that is not (yet) there is a 404 no cache keeps.
      const missing = await fetch(server.url + files.js.replace(/-[0-9a-f]+\.js$/, '-0000000000000000.js'));
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('cache-control'), 'no-cache');
      await missing.arrayBuffer();
    });

    test('gzip for the wasm, the JSON, the js and the page when the browser accepts it', async () => {
      for (const path of [files.wasm, 'data/guides/infrastructure-engineer.json', files.js, '']) {
        const file = readFileSync(join(dir, path || 'index.html'));
        const zipped = await raw(server.url + path, { 'accept-encoding': 'gzip' });
        assert.equal(zipped.status, 200, path);
        assert.equal(zipped.headers['content-encoding'], 'gzip', path);
        assert.match(zipped.headers.vary ?? '', /accept-encoding/i, path);
        assert.deepEqual(gunzipSync(zipped.body), file, path);
        const plain = await raw(server.url + path);
        assert.equal(plain.headers['content-encoding'], undefined, `${path} without Accept-Encoding`);
        assert.match(plain.headers.vary ?? '', /accept-encoding/i, `${path} without Accept-Encoding: Vary`);
        assert.deepEqual(plain.body, file, path);
      }
    });

    test('the wasm and the script as the build compressed them, byte for byte, headers and all', async () => {
      for (const path of [files.wasm, files.js]) {
        const file = readFileSync(join(dir, path));
        // The build's gzip (zopfli) is smaller than gzip -9, its brotli smaller again.
        const gz = readFileSync(join(dir, precompressedName(path, 'gzip')));
        const br = readFileSync(join(dir, precompressedName(path, 'br')));
        assert.ok(br.length < gz.length && gz.length < gzipSync(file, { level: 9 }).length, `${path}: ${br.length} < ${gz.length}`);
        for (const [accepted, encoding] of Object.entries(precompressed)) {
          const sent = await raw(server.url + path, { 'accept-encoding': accepted });
          assert.equal(sent.status, 200, `${path} (${accepted})`);
          assert.equal(sent.headers['content-encoding'], encoding, `${path} (${accepted})`);
          assert.deepEqual(sent.body, readFileSync(join(dir, precompressedName(path, encoding))), `${path} (${accepted}): the build's copy is what is sent`);
          assert.deepEqual(decode[encoding](sent.body), file, `${path} (${accepted})`);
          assert.match(sent.headers.vary ?? '', /accept-encoding/i, path);
          assert.equal(sent.headers['cache-control'], IMMUTABLE, path);
          assert.match(sent.headers['content-type'], path.endsWith('.wasm') ? /^application\/wasm$/ : /^text\/javascript\b/, path);
          assertSecure(sent, `${path} (${accepted})`);
        }
      }
    });

    test('the page served here starts the app, with no error', async () => {
      const browser = await launch();
      try {
        const page = await browser.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(String(error)));
        const wasm = page.waitForResponse((response) => response.url().endsWith(files.wasm));
        await page.goto(server.url);
        await appInCharge(page);
        assert.equal((await wasm).status(), 200);
        assert.equal(await page.locator('.salary-explorer .bar').count(), 10);
        assert.deepEqual(errors, []);
      } finally {
        await browser.close();
      }
    });

    test('every security header on the page, the hashed files, the worker, the data and a 404', async () => {
      for (const path of ['', 'index.html', files.js, files.wasm, 'sw.js', 'data/guides/infrastructure-engineer.json', 'nope/deeper']) {
        assertSecure(await raw(server.url + path, { 'accept-encoding': 'gzip' }), path || prefix);
      }
    });

    test('unknown paths are 404s, not the page', async () => {
      const page = readFileSync(join(dir, 'index.html'), 'utf8');
      for (const path of ['nope/deeper', 'nope', 'nope.html', 'data/', 'data/nope.json', 'icons/', '.git/config']) {
        const response = await raw(server.url + path);
        assert.equal(response.status, 404, path);
        assert.notEqual(response.body.toString(), page, path);
        assert.doesNotMatch(response.body.toString(), /career-guide/, path);
      }
    });

    if (prefix !== '/') {
      test('the sub-path without its slash redirects, keeping the query; nothing outside it is the app', async () => {
        const bare = await raw(`${origin}${prefix.slice(0, -1)}?embed=chart`);
        assert.equal(bare.status, 301);
        assert.equal(bare.headers.location, `${prefix}?embed=chart`);
        assertSecure(bare, 'the redirect');
        for (const path of ['/sw.js', '/index.html', `/${files.wasm}`]) {
          assert.equal((await raw(origin + path)).status, 404, path);
        }
      });
    }
  });
}

hostSuite('nginx', 'at the root', 'dist', '/');
hostSuite('nginx', 'under /career-guide/', 'target/dist-subpath', '/career-guide/');
hostSuite('Caddy', 'at the root', 'dist', '/');

/** Non-comment lines of a config file. */
const code = (text) => text.split('\n').filter((line) => !/^\s*#/.test(line));

/** `add_header Name "value" always;` lines of nginx.conf, by lowercase name. */
function nginxHeaders(text) {
  const headers = {};
  for (const line of code(text)) {
    const match = line.match(/^\s*add_header\s+([\w-]+)\s+(?:"([^"]*)"|(\S+))\s+always;/);
    if (match) headers[match[1].toLowerCase()] = match[2] ?? match[3];
  }
  return headers;
}

/** The `header { Name "value" }` block of the Caddyfile, by lowercase name. */
function caddyHeaders(text) {
  const lines = code(text);
  const start = lines.findIndex((line) => /^\s*header\s*\{\s*$/.test(line));
  assert.ok(start >= 0, 'the Caddyfile has a header { } block');
  const headers = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\s*\}/.test(line)) break;
    const match = line.match(/^\s*([\w-]+)\s+(?:"(.*)"|(\S.*?))\s*$/);
    assert.ok(match, `header line: ${line}`);
    headers[match[1].toLowerCase()] = match[2] ?? match[3];
  }
  return headers;
}

/** The rules of a `_headers` file: [{ path, headers: [[lowercase name, value]] }]. */
function headersRules(text) {
  const rules = [];
  for (const line of code(text)) {
    if (!line.trim()) continue;
    if (/^\S/.test(line)) rules.push({ path: line.trim(), headers: [] });
    else {
      const match = line.match(/^\s+([\w-]+):\s*(.*?)\s*$/);
      assert.ok(match && rules.length, `_headers line: ${line}`);
      rules.at(-1).headers.push([match[1].toLowerCase(), match[2]]);
    }
  }
  return rules;
}

/** Whether a `_headers` path matches `path` (a `*` matches anything, `:name` one segment). */
function matches(rule, path) {
  const pattern = rule.split(/(\*|:\w+)/).map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${pattern}$`).test(path);
}

/** Every file of a build, as site paths ('/index.html', '/data/guides/infrastructure-engineer.json'). */
function sitePaths(dir, sub = '') {
  return readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sitePaths(dir, `${sub}/${entry.name}`) : [`${sub}/${entry.name}`],
  );
}

describe('the other hosts: deploy/_headers and deploy/Caddyfile', () => {
  test('nginx.conf, _headers and the Caddyfile send the same security headers', () => {
    assert.deepEqual(Object.fromEntries(Object.entries(nginxHeaders(deployed('nginx.conf'))).filter(([name]) => name !== 'cache-control')), SECURITY);
    assert.deepEqual(caddyHeaders(deployed('Caddyfile')), SECURITY);
    const all = headersRules(deployed('_headers')).find((rule) => rule.path === '/*');
    assert.ok(all, '_headers has a /* rule');
    assert.deepEqual(Object.fromEntries(all.headers), SECURITY);
  });

  test('none of them sends X-Frame-Options or frame-ancestors: other sites embed the app', () => {
    for (const name of ['nginx.conf', 'Caddyfile', '_headers']) {
      const text = code(deployed(name)).join('\n');
      assert.doesNotMatch(text, /x-frame-options/i, name);
      assert.doesNotMatch(text, /frame-ancestors/i, name);
    }
  });

  test('nginx.conf and the Caddyfile cache by the same hashed-name pattern as the tests', () => {
    for (const name of ['nginx.conf', 'Caddyfile']) {
      assert.ok(code(deployed(name)).some((line) => line.includes(HASHED.source)), `${name} uses ${HASHED.source}`);
    }
  });

  test('_headers gives each file of the build one Cache-Control: a year for hashed names, else no-cache', () => {
    const rules = headersRules(deployed('_headers'));
    const valuesFor = (path, header) => rules.filter((rule) => matches(rule.path, path)).flatMap((rule) => rule.headers.filter(([name]) => name === header).map(([, value]) => value));
    const paths = sitePaths('dist');
    for (const path of ['/index.html', '/sw.js', '/embed.js', '/manifest.webmanifest', '/data/guides/infrastructure-engineer.json', '/icons/icon-192.png']) {
      assert.ok(paths.includes(path), `the build has ${path}`);
    }
    for (const path of ['/', ...paths]) {
      const values = valuesFor(path, 'cache-control');
      // Both hosts join the values of two matching rules: one rule per file, or none (the hosts'
      // default then revalidates).
      assert.ok(values.length <= 1, `${path}: ${values.join(' + ')}`);
      if (HASHED.test(path)) assert.deepEqual(values, [IMMUTABLE], path);
      else if (values.length) assert.deepEqual(values, ['no-cache'], path);
      for (const type of valuesFor(path, 'content-type')) {
        assert.equal(type, { '.wasm': 'application/wasm', '.webmanifest': 'application/manifest+json' }[path.slice(path.lastIndexOf('.'))], `${path}: Content-Type`);
      }
    }
    for (const path of ['/', '/index.html', '/sw.js', '/embed.js', '/manifest.webmanifest', '/data/guides/infrastructure-engineer.json', '/icons/icon-192.png']) {
      assert.deepEqual(valuesFor(path, 'cache-control'), ['no-cache'], `${path} revalidates`);
    }
  });
});
