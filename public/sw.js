// career-guide's service worker. Every file of a release is precached in one cache per
// version, and every page is served from the release that served the page itself, so a page
// never mixes files of two releases: not even a tab that still shows the previous release (a
// static page whose app starts only on the reader's first input) after a newer worker took
// over. A new release is installed beside the old one and takes over only when the reader
// chooses to reload; the old release's cache goes once no open page uses it.
// This file is a template: at build time scripts/precache.mjs
// (a trunk post_build hook) writes the real sw.js beside index.html, with the list of every
// built file and its content revision, and a version derived from all of them, so that any
// change to any file changes this worker's text and browsers install the new version.
'use strict';

const PRECACHE = /* precache manifest */ [];
const VERSION = '/* cache version */';
const CACHE_PREFIX = 'career-guide-';
const CACHE = `${CACHE_PREFIX}${VERSION}`;
// Which release served each open page, which releases this scope has activated, and which is
// the newest: small entries in a cache of their own. Its name does not start with CACHE_PREFIX,
// so it is never taken for a release.
const META = 'career-guide:clients';

// Every URL is relative to the worker, so the app works at / and under any sub-path.
const SCOPE = self.registration.scope;
const scopeUrl = (path) => new URL(path, SCOPE).href;
const byUrl = new Map(PRECACHE.map((entry) => [scopeUrl(entry.url), entry]));
// trunk's content-hashed names (as in scripts/precache.mjs): an older release's script, wasm
// and styles have names this release does not list, and are still served from that release.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;

// Keys of the entries in META (never fetched: cache keys only), all under this scope.
const pageKey = (id) => scopeUrl(`__cg/page/${encodeURIComponent(id)}`);
const releaseKey = (version) => scopeUrl(`__cg/release/${version}`);
const NEWEST = scopeUrl('__cg/newest');

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const isRelease = (name) => name.startsWith(CACHE_PREFIX);
const releaseCaches = async () => (await caches.keys()).filter(isRelease);
const versionOf = (name) => name.slice(CACHE_PREFIX.length);

/** The site's pages, by their folder below the scope: '' (the root) and each guide's 'slug/'. */
const PAGE_FOLDERS = PRECACHE.filter((entry) => /(^|\/)index\.html$/.test(entry.url))
  .map((entry) => entry.url.slice(0, -'index.html'.length));

/**
 * The stored page `url` is (the root, a guide's own page, or its index.html, with any query:
 * `?embed=chart&id=…`, `?metric=employed`), as the key of its index.html; undefined for any
 * other page under the scope (a docs folder beside the app, a mistyped path), which is the
 * server's business.
 */
function sitePageKey(url) {
  if (url.origin !== self.location.origin) return undefined;
  const { pathname } = new URL(SCOPE);
  // A guide's page with or without its folder's slash (hosts that serve `/slug` as `/slug/`).
  const folder = PAGE_FOLDERS.find((dir) => [pathname + dir, `${pathname}${dir}index.html`, dir && pathname + dir.slice(0, -1)]
    .includes(url.pathname));
  return folder === undefined ? undefined : scopeUrl(`${folder}index.html`);
}

// ---- Responses -------------------------------------------------------------------------------

/** `headers` fit to store: wasm must be application/wasm to stream-compile. */
function withType(headers, url) {
  const fixed = new Headers(headers);
  if (url.endsWith('.wasm')) fixed.set('content-type', 'application/wasm');
  // The body is stored decoded: the server's encoding and length no longer describe it.
  fixed.delete('content-encoding');
  fixed.delete('content-length');
  return fixed;
}

/**
 * `response` as a navigation may use it. A host that redirects /index.html to / gives a
 * response marked `redirected`, which browsers refuse for a navigation (its redirect mode is
 * "manual"): the site would become unreachable. The install stores clean copies; this also
 * covers copies stored by an older worker.
 */
async function unredirected(response) {
  if (!response.redirected) return response;
  const { status, statusText, headers } = response;
  return new Response(await response.blob(), { status, statusText, headers });
}

// ---- Install: every file of the release, each checked against its revision ------------------

/** The first 16 hex digits of the SHA-256 of `body`, as scripts/precache.mjs writes them. */
async function revisionOf(body) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  return [...digest.slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Fetches `url` with the given HTTP-cache mode; resolves to the response and its body. */
async function fetchBody(url, cache) {
  const response = await fetch(url, { cache });
  if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
  return { response, body: await response.arrayBuffer() };
}

/**
 * The file of `entry` exactly as this release was built, as a clean response to store (never
 * marked redirected). Files without a hash in their name are fetched past the HTTP cache's
 * fresh copies. A body that does not match the revision (a CDN or HTTP cache answered with an
 * older or newer copy) is fetched once more past every cache; if it still does not match, the
 * install fails and the release in charge stays in charge.
 */
async function fetchRevision(entry) {
  const url = scopeUrl(entry.url);
  let fetched = await fetchBody(url, entry.hashed ? 'default' : 'no-cache');
  if ((await revisionOf(fetched.body)) !== entry.revision) {
    fetched = await fetchBody(url, 'reload');
    const revision = await revisionOf(fetched.body);
    if (revision !== entry.revision && !isThisReleasesPage(entry, fetched.body)) {
      throw new Error(`precache: ${url} is revision ${revision}, this release has ${entry.revision}`);
    }
  }
  const { response, body } = fetched;
  return new Response(body, { status: response.status, statusText: response.statusText, headers: withType(response.headers, url) });
}

/**
 * Whether a page that does not match its revision is still this release's: some hosts change
 * the HTML they serve (an injected analytics script, obfuscated e-mail addresses), so its bytes
 * never match, yet it is the right page when every hashed file it names (the app's script and
 * wasm) is this release's. Without this, such a host would keep every reader on the old release.
 */
function isThisReleasesPage(entry, body) {
  if (!/(^|\/)index\.html$/.test(entry.url)) return false;
  const named = new TextDecoder().decode(body).match(/[\w.-]+-[0-9a-f]{8,16}(_bg)?\.(js|wasm)/g) ?? [];
  return named.length > 0 && named.every((name) => byUrl.has(scopeUrl(name)));
}

/** All or nothing: if any file fails, the install fails. */
async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(PRECACHE.map(async (entry) => cache.put(scopeUrl(entry.url), await fetchRevision(entry))));
}

/** After a failed install, its partial cache goes, unless that release is in use already. */
async function discardFailedInstall() {
  const meta = await caches.open(META);
  if (!(await meta.match(releaseKey(VERSION)))) await caches.delete(CACHE);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().catch(async (error) => {
    await discardFailedInstall();
    throw error;
  }));
});

// ---- Which release each page uses ------------------------------------------------------------

/** Page id -> release version, as recorded in META (read once per page, then kept here). */
const pageReleases = new Map();

/** Records that the page `id` was served by the release `version`. */
async function recordPage(id, version) {
  await (await caches.open(META)).put(pageKey(id), new Response(version));
  pageReleases.set(id, version);
}

/** The release that served the page `id`, or undefined if none was recorded. */
async function releaseOfPage(id) {
  if (!id) return undefined;
  if (!pageReleases.has(id)) {
    const record = await (await caches.open(META)).match(pageKey(id));
    if (!record) return undefined;
    pageReleases.set(id, await record.text());
  }
  return pageReleases.get(id);
}

/** Every recorded page of this scope: id -> version. */
async function pageRecords() {
  const meta = await caches.open(META);
  const prefix = pageKey('');
  const records = new Map();
  for (const request of await meta.keys()) {
    if (!request.url.startsWith(prefix)) continue;
    const record = await meta.match(request);
    if (record) records.set(decodeURIComponent(request.url.slice(prefix.length)), await record.text());
  }
  return records;
}

/** Every open window of the origin (the app's pages and any other). */
const openPages = () => self.clients.matchAll({ type: 'window', includeUncontrolled: true });

/** Resolves to whether the page `id` became a live client within `timeout` ms. */
async function whenLive(id, timeout = 10_000) {
  for (const end = Date.now() + timeout; Date.now() < end; await sleep(50)) {
    if (await self.clients.get(id)) return true;
  }
  return false;
}

// ---- Releases of this scope and their cleanup ------------------------------------------------

/** The versions this scope has activated (or adopted) and not yet deleted. */
async function releasesOfScope() {
  const prefix = releaseKey('');
  return (await (await caches.open(META)).keys())
    .filter((request) => request.url.startsWith(prefix))
    .map((request) => request.url.slice(prefix.length));
}

/** Marks this release as activated in this scope, and as its newest. */
async function registerRelease() {
  const meta = await caches.open(META);
  // Newest first: an older worker still cleaning up then stops before it sees this release.
  await meta.put(NEWEST, new Response(VERSION));
  await meta.put(releaseKey(VERSION), new Response(''));
}

/**
 * Release caches that no scope registered (those of an older worker that kept no records, or
 * left by an interrupted install) become this scope's, so that its cleanup deletes them once
 * they are unused. Never while a worker installs: its cache is not registered yet.
 */
async function adoptStrayReleases() {
  if (self.registration.installing) return;
  const meta = await caches.open(META);
  const registered = new Set((await meta.keys()).map((request) => request.url.match(/\/__cg\/release\/([^/]+)$/)?.[1]));
  for (const name of await releaseCaches()) {
    if (!registered.has(versionOf(name))) await meta.put(releaseKey(versionOf(name)), new Response(''));
  }
}

/**
 * On the very first activation (no other release exists), the pages open now were served by
 * the network just before this release was installed: they are this release's.
 */
async function recordFirstPages() {
  const records = await pageRecords();
  for (const page of await openPages()) {
    if (sitePageKey(new URL(page.url)) && !records.has(page.id)) await recordPage(page.id, VERSION);
  }
}

/** Forgets the records of pages that are closed (ids are never reused). */
async function forgetClosedPages(records, live) {
  const meta = await caches.open(META);
  for (const id of records.keys()) {
    if (live.has(id)) continue;
    await meta.delete(pageKey(id));
    pageReleases.delete(id);
    records.delete(id);
  }
}

/**
 * Whether this worker may delete releases: only the newest release of the scope does (an older
 * worker still finishing its work must not delete the newer release), and never while another
 * release installs or waits (its cache may have a version this scope used before).
 */
async function mayDeleteReleases() {
  if (self.serviceWorker?.state === 'redundant') return false;
  if (self.registration.installing || self.registration.waiting) return false;
  const newest = await (await caches.open(META)).match(NEWEST);
  return newest !== undefined && (await newest.text()) === VERSION;
}

/**
 * Deletes every release of this scope (but the current one) that no open page uses, and the
 * records of closed pages. While an open page of the app has no record (served by an older
 * worker that kept no records, or by the network), any release may be its own: all are kept.
 */
async function cleanUp() {
  // Records first: a record is written once its page is live, so a recorded page missing from
  // the list read afterwards is closed.
  const records = await pageRecords();
  const pages = await openPages();
  const live = new Set(pages.map((page) => page.id));
  await forgetClosedPages(records, live);
  if (!(await mayDeleteReleases())) return;
  if (pages.some((page) => sitePageKey(new URL(page.url)) && !records.has(page.id))) return;
  const inUse = new Set([VERSION, ...records.values()]);
  for (const version of await releasesOfScope()) {
    if (inUse.has(version)) continue;
    await caches.delete(CACHE_PREFIX + version);
    await (await caches.open(META)).delete(releaseKey(version));
  }
}

/**
 * After a navigation: records the new page's release once the page exists (`pageId`: none if
 * the page came from the network), then cleans up. Again a little later, for the page this one
 * replaced, which a browser may close only after the new one is live.
 */
async function afterNavigation(pageId) {
  if (pageId && (await whenLive(pageId))) await recordPage(pageId, VERSION);
  for (const delay of [0, 500, 3000]) {
    await sleep(delay);
    await cleanUp();
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const first = (await releaseCaches()).every((name) => name === CACHE);
    await registerRelease();
    await adoptStrayReleases();
    await self.clients.claim();
    if (first) await recordFirstPages();
    await cleanUp();
  })());
});

// The page asks a waiting worker to take over only when the reader chooses to reload.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === '__SKIP_WAITING_MESSAGE__') self.skipWaiting();
});

// ---- Serving ---------------------------------------------------------------------------------

/** The first release cache, newest first, that holds `key`. */
async function fromAnyRelease(key) {
  for (const name of (await releaseCaches()).reverse()) {
    const cached = await caches.match(key, { cacheName: name });
    if (cached) return cached;
  }
  return undefined;
}

/**
 * The stored copy of `key` for the page `pageId`: from the release that served the page, while
 * that release's cache exists; else from the current release. A page with no record (served
 * by an older worker that kept no records, or by the network) gets the current release's copy,
 * or any release's copy of a file the current one does not have.
 */
async function storedFor(pageId, key) {
  const version = await releaseOfPage(pageId);
  if (version !== undefined && (await caches.has(CACHE_PREFIX + version))) {
    return caches.match(key, { cacheName: CACHE_PREFIX + version });
  }
  const current = await caches.match(key, { cacheName: CACHE });
  if (current || version !== undefined) return current;
  return fromAnyRelease(key);
}

/** A file for a page: its release's copy, else the network. */
async function serveFile(request, pageId, key) {
  const stored = await storedFor(pageId, key);
  return stored ? unredirected(stored) : fetch(request);
}

/** The page `key` from the current release (undefined when it is not stored). */
async function storedPage(key) {
  const page = await caches.match(key, { cacheName: CACHE });
  return page && unredirected(page);
}

/**
 * A navigation to one of the site's pages (`key`, see `sitePageKey`): that page of the current
 * release (the query is read by the app), else the network; then its page is recorded as this
 * release's.
 */
function navigate(event, key) {
  const page = storedPage(key).catch(() => undefined);
  event.respondWith(page.then((stored) => stored ?? fetch(event.request)));
  event.waitUntil(page.then((stored) => afterNavigation(stored ? event.resultingClientId : null)));
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // The connectivity probe must reach the server; other origins and paths are not ours.
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE) || url.searchParams.has('__PROBE_PARAM__')) return;
  if (request.mode === 'navigate') {
    const key = sitePageKey(url);
    if (key) navigate(event, key);
    return;
  }
  const key = url.origin + url.pathname;
  if (byUrl.has(key) || HASHED.test(url.pathname)) event.respondWith(serveFile(request, event.clientId, key));
});
