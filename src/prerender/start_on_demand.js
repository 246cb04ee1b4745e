// The built page's start script, in place of trunk's (src/prerender/start.rs writes it in and
// fills its placeholders: the glue's and the wasm's paths, whether to register the service
// worker, where the rest of trunk's own start goes, and the names shared with the app, such as
// the query keys of the chart's state, the progress link's key and the data's path).
// The guide above is already readable without the app, so the app (the chart, the checklist, the
// reading position in the contents) is fetched and started only when the reader needs it, and
// the first load is the page alone.
const page = document.documentElement;

// The service worker makes the page (and, once it has precached them, the app's files) work
// offline, so it is registered even for readers who never start the app; after the load event,
// so that its precaching never competes with the first load. This is the one place that decides
// whether there is a worker: release builds only (a debug build changes on every rebuild and must
// not be served stale), the top-level page only (an embedded copy must not install a worker on
// the host's behalf), and browsers that have them. The app's offline module only follows the
// registration made here (`navigator.serviceWorker.ready`) to notice updates.
if (__REGISTER_WORKER__ && 'serviceWorker' in navigator && window.top === window) {
  addEventListener('load', () => navigator.serviceWorker.register('sw.js').catch(() => {}));
}

// A page restored from the back/forward cache still runs the release it was loaded with. If the
// server now sends another (whose page, this script, names other files), the files this one
// would fetch next are gone and its data may be the new release's: it reloads into the new
// release instead of mixing the two. Offline, it stays as it is.
addEventListener('pageshow', (event) => {
  if (!event.persisted) return;
  const running = document.querySelector('script[type=module]')?.textContent.trim();
  fetch(location.href.split('#')[0], { cache: 'no-store' })
    .then((response) => (response.ok ? response.text() : null))
    .then((served) => {
      // This guide's page (not a portal's or a host's error page) with another start script.
      const guide = served?.includes('id="__PRERENDERED_ID__"') && served.includes('<script type="module">');
      if (running && guide && !served.includes(running)) location.reload();
    })
    .catch(() => {});
});

/**
 * What the reader presses in the static copy before the app is in charge (a Done button, a
 * chart's radio or bar): the app does the same once it is (`takeover::first_acts`), so no first
 * act is lost. The copy's controls come disabled, as they must be read without JavaScript; here
 * the ones a press is enough for (marked __WAITING__ by the build) work again, and the chart's
 * bars come back into the tab order (text fields stay disabled: what is typed there would be
 * lost; a tool the app itself disabled stays so). Each act is the pressed
 * control's place (`takeover/places.rs`), kept in order in the copy's __PENDING_ACTS__ attribute
 * ("item-x:2.3 bar-TX:").
 */
const copy = document.getElementById('__PRERENDERED_ID__');
/** The copy's own controls: the app puts its live parts in their place one by one. */
const waiting = new WeakSet();
copy?.querySelectorAll('[__WAITING__], svg [tabindex]').forEach((control) => {
  control.disabled = false;
  waiting.add(control);
});
// The chart keeps one bar in the tab order (arrow keys move between them): the first, at first.
copy?.querySelectorAll('svg').forEach((chart) => chart.querySelector('[tabindex="-1"]')?.setAttribute('tabindex', '0'));
copy?.addEventListener('click', (event) => {
  const root = copy.firstElementChild;
  let control = event.target instanceof Element && event.target.closest('button, input, [tabindex]');
  if (!waiting.has(control) || !root?.contains(control)) return;
  // The place: the nearest element with an id (an item's row, a bar, a section), then child
  // indices, so that it holds where the app's page differs elsewhere (a saved plan, a notice).
  const path = [];
  for (; control !== root && !control.id; control = control.parentElement) {
    path.unshift(Array.prototype.indexOf.call(control.parentElement.children, control));
  }
  const place = (control === root ? '' : control.id) + ':' + path.join('.');
  const acts = copy.getAttribute('__PENDING_ACTS__');
  copy.setAttribute('__PENDING_ACTS__', (acts ? acts + ' ' : '') + place);
});

/** A query that carries the chart's state (`?metric=employed`), which only the app can show. */
const CHART_STATE = /[?&](__CHART_KEYS__)=/;

/**
 * Resolves when the reader needs the app: at once for an embed (which shows nothing without
 * it); after the first paint for a link whose query carries the chart's state or whose fragment
 * carries the reader's progress (a progress link, which the checklist previews), and in a browser
 * without IntersectionObserver; otherwise at the reader's first input, or when the chart or the
 * checklist (`.salary-explorer`, `#roadmap-checklist`) comes within a screen's height of the
 * viewport, so that they work by the time they are reached. (The static copy's other disabled
 * controls, such as each section's Embed button, are used by an input, which starts the app.)
 */
function needed() {
  return new Promise((start) => {
    if (page.classList.contains('embedded')) {
      start();
      return;
    }
    // A progress link (#__PROGRESS_KEY__=…) is for the checklist, which shows what it carries.
    const progressLink = () => location.hash.startsWith('#__PROGRESS_KEY__=');
    if (CHART_STATE.test(location.search) || progressLink() || !('IntersectionObserver' in window)) {
      // Hidden tabs and off-screen frames get no animation frames: the timer starts them anyway.
      requestAnimationFrame(() => setTimeout(start));
      setTimeout(start, 250);
      return;
    }
    const inputs = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'scroll', 'focusin'];
    const near = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) go();
    }, { rootMargin: '100% 0px' });
    // A progress link pasted into the address bar of this page before the app has started.
    const linked = () => progressLink() && go();
    function go() {
      inputs.forEach((type) => removeEventListener(type, go, true));
      removeEventListener('hashchange', linked);
      near.disconnect();
      start();
    }
    inputs.forEach((type) => addEventListener(type, go, { capture: true, passive: true }));
    addEventListener('hashchange', linked);
    copy?.querySelectorAll('.salary-explorer, #roadmap-checklist')?.forEach((part) => near.observe(part));
  });
}

/**
 * The one notice for an app that cannot go on (it could not start, or it stopped later):
 * `message` says what failed, and Reload starts afresh. Shown once; the controls stop promising
 * the app.
 */
function showFailure(message) {
  page.classList.remove('app-starting');
  if (document.querySelector('.app-failure')) return;
  const notice = document.createElement('section');
  notice.className = 'load-error above-static-page app-failure';
  notice.setAttribute('aria-label', 'Problem with the app');
  notice.innerHTML = '<p role="alert"></p><button type="button" class="retry">Reload</button>';
  notice.firstChild.textContent = message;
  notice.lastChild.addEventListener('click', () => location.reload());
  document.body.prepend(notice);
}

/** The frames of a stack trace, innermost first, without its message. */
const framesOf = (stack) => String(stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
const inWasm = (frame) => /wasm-function\[/.test(frame);

/**
 * A panic in the running app (or its memory running out) stops the wasm at once: the release
 * build aborts on panic without a message (scripts/env.sh), which the browser reports as a
 * `WebAssembly.RuntimeError` thrown out of whatever the app was doing, a listener or a task.
 * An exception thrown into the app by the browser (a stack overflow, a call the app did not
 * expect to fail) and out again leaves it as broken: its stack runs through the wasm. Other
 * errors (a host page's, an extension's) are none of the app's and are left alone, also when
 * the app's own call reached the listener that threw (a press it replays): `here`, the stack
 * where the error is reported, then still runs through the wasm, and when the error's own path
 * up to that point does not, it never unwound the app, which goes on. When the two stacks
 * cannot be matched up (traces cut short), the error counts as the app's.
 */
function stopped(error, thrown, here) {
  const trap = typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError;
  if (!trap) {
    const path = framesOf(error?.stack);
    if (!thrown || !path.some(inWasm)) return false;
    const below = framesOf(here).slice(1); // under the listener: the app's call, if any
    const joined = below.some(inWasm) ? path.indexOf(below[0]) : -1;
    if (joined >= 0 && !path.slice(0, joined).some(inWasm)) return false;
  }
  showFailure('Something went wrong in the app (' + error.message + '). The chart and the '
    + 'checklist have stopped; progress saved before this is kept. Reload the page to go on.');
  return true;
}
addEventListener('error', (event) => stopped(event.error, true, new Error().stack));
addEventListener('unhandledrejection', (event) => stopped(event.reason, false));

// The guide this page shows (the data file the build names on the static copy). The site's
// index shows none: there the app only shows the reader's progress on each guide, so it starts
// once the page is on screen when this browser holds some progress, and never otherwise.
const guideFile = copy?.getAttribute('__GUIDE_FILE__');
const holdsProgress = () => {
  try {
    return Object.keys(localStorage).some((key) => key.startsWith('__STORAGE_PREFIX__'));
  } catch {
    return false; // storage blocked: there is nothing to show
  }
};
const onScreen = () => new Promise((start) => requestAnimationFrame(() => setTimeout(start)));

try {
  await (guideFile ? needed() : holdsProgress() ? onScreen() : new Promise(() => {}));
  const loading = import('__MODULE__');
  // The wasm is fetched beside the script instead of once the script has run: trunk's start
  // below gives this response to wasm-bindgen's init, which compiles it as it streams in.
  const wasmResponse = fetch('__WASM__');
  wasmResponse.catch(() => {}); // a failure is reported where init awaits it
  // The guide's data is fetched beside the script and the wasm instead of after them: the app's
  // own request for it (the same URL, mode and credentials) is answered by this preload.
  if (guideFile) {
    const data = document.createElement('link');
    Object.assign(data, { rel: 'preload', as: 'fetch', href: guideFile, crossOrigin: 'anonymous' });
    document.head.append(data);
  }
  // Until the app arrives, the static copy's controls show that something is coming.
  page.classList.add('app-starting');
  const bindings = await loading;
  const init = bindings.default;
  /* trunk's start */
} catch (error) {
  // A trap while the app was already taking the page over is the app stopping, not a download.
  // On the index, where the app only adds the reader's progress, the page reads as it is.
  if (guideFile && !stopped(error, false)) showFailure('The chart and the checklist could not start (' + error + '). '
    + 'The guide below can still be read. Check your connection, then reload the page.');
}
