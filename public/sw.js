// career-guide's service worker. Every file of a release is precached in one cache per
// version and served from it, so a page never mixes files of two releases; a new release is
// installed beside the old one and takes over only when the reader chooses to reload.
// This file is a template: at build time scripts/precache.mjs
// (a trunk post_build hook) writes the real sw.js beside index.html, with the list of every
// built file and its content revision, and a version derived from all of them, so that any
// change to any file changes this worker's text and browsers install the new version.
'use strict';

const PRECACHE = /* precache manifest */ [];
const VERSION = '/* cache version */';
const CACHE_PREFIX = 'career-guide-';
const CACHE = `${CACHE_PREFIX}${VERSION}`;

// Every URL is relative to the worker, so the app works at / and under any sub-path.
const scopeUrl = (path) => new URL(path, self.registration.scope).href;
const INDEX = scopeUrl('index.html');
const byUrl = new Map(PRECACHE.map((entry) => [scopeUrl(entry.url), entry]));

/** A copy of `response` with the right Content-Type: wasm must be application/wasm to stream. */
function withType(response, url) {
  if (!url.endsWith('.wasm') || response.headers.get('content-type') === 'application/wasm') return response;
  const headers = new Headers(response.headers);
  headers.set('content-type', 'application/wasm');
  return response.blob().then((body) => new Response(body, { status: response.status, statusText: response.statusText, headers }));
}

self.addEventListener('install', (event) => {
  // All or nothing: if any file fails, the install fails and the old version stays in charge.
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(PRECACHE.map(async (entry) => {
      const url = scopeUrl(entry.url);
      // Files without a hash in their name are fetched past the HTTP cache, so the copy
      // matches the revision this worker was built with.
      const response = await fetch(url, { cache: entry.hashed ? 'default' : 'no-cache' });
      if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
      await cache.put(url, await withType(response, url));
    }));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

// The page asks a waiting worker to take over only when the reader chooses to reload.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'career-guide:skip-waiting') self.skipWaiting();
});

/** The version's own copy first, so every file the page gets belongs to one release. */
async function precached(request, url) {
  const cached = await caches.match(url, { cacheName: CACHE });
  return cached ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.searchParams.has('cg-probe')) return;
  // Every page of the app is index.html; the query (?embed=…, chart state) is read by the app.
  if (request.mode === 'navigate') {
    event.respondWith(precached(request, INDEX));
    return;
  }
  const key = url.origin + url.pathname;
  if (byUrl.has(key)) event.respondWith(precached(request, key));
});
