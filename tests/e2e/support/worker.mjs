// Waiting on the service worker from a test.
// Playwright's waitForFunction takes the promise an async predicate returns for a truthy value
// at once, so waits on the worker's state are written as promises in the page, or polled here.

/** Resolves once a worker controls `page`. */
export const controlled = (page) => page.evaluate(() => new Promise((done) => {
  if (navigator.serviceWorker.controller) done(true);
  else navigator.serviceWorker.addEventListener('controllerchange', () => done(true), { once: true });
}));

/** Resolves once the browser has found a new worker and is installing it (or has installed it). */
export const newWorkerFound = (page) => page.evaluate(async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  if (registration.installing || registration.waiting) return true;
  return new Promise((done) => registration.addEventListener('updatefound', () => done(true), { once: true }));
});

/**
 * Asks the browser to check for a new worker and resolves to what became of it: 'installed'
 * (it waits), 'redundant' (its install failed) or 'none' (no new worker within 20 s).
 */
export const newWorkerOutcome = (page) => page.evaluate(async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  const worker = registration.installing ?? registration.waiting ?? await new Promise((done) => {
    registration.addEventListener('updatefound', () => done(registration.installing), { once: true });
    registration.update().catch(() => {});
    setTimeout(() => done(null), 20_000);
  });
  if (!worker) return 'none';
  return new Promise((done) => {
    const settled = () => {
      if (worker.state === 'redundant') done('redundant');
      else if (worker.state !== 'installing') done('installed');
    };
    worker.addEventListener('statechange', settled);
    settled();
  });
});

/** Polls `check` (in Node) until it is true or `ms` have passed; resolves to the last answer. */
export async function eventually(check, ms) {
  for (const end = Date.now() + ms; ; await new Promise((done) => setTimeout(done, 200))) {
    if (await check()) return true;
    if (Date.now() > end) return false;
  }
}
