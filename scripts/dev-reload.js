// `make dev` only (scripts/dev-page.mjs adds it to the page; never in a release): reloads the page
// once trunk has finished a newer build, found by polling the build's id. A file of the page's
// own origin, so the page's CSP allows it as it is; trunk's own reload script is inline, which
// the CSP forbids. While trunk swaps one build for the next, a file may be missing for a moment
// (and trunk answers with its index page instead): the reload waits until both the new id and
// the page that carries it are there.
(() => {
  const current = document.currentScript.dataset.build;
  const base = document.baseURI;
  const fresh = (path) => fetch(new URL(path, base), { cache: 'no-store' })
    .then((response) => (response.ok ? response.text() : ''));
  const poll = async () => {
    try {
      const id = (await fresh('dev-build-id.txt')).trim();
      if (/^[0-9]+-[0-9]+$/.test(id) && id !== current
        && (await fresh('./')).includes(`data-build="${id}"`)) {
        location.reload();
        return;
      }
    } catch {
      // trunk is between builds or restarting: ask again shortly.
    }
    setTimeout(poll, 250);
  };
  poll();
})();
