// The in-page half of the chart bench: runs inside the page through page.evaluate, so it must
// stay self-contained (no imports, no closures over this module).

/**
 * Performs each step of `plan` ({ kind, control: 'metric' | 'sort', value }) on the salary chart
 * and times it with the Performance API, from just before the input to the end of the layout
 * forced right after the last DOM mutation it caused (seen by a MutationObserver). Resolves to
 * [{ kind, ms, layoutMs (the forced layout's share), changed, timedOut }], cut short after three
 * switches in a row that changed nothing within 2 s.
 */
export async function runSwitchesInPage(plan) {
  // The last chart in the page: the one the app mounted, should a pre-rendered copy precede it.
  const metricInput = [...document.querySelectorAll('input[name="salary-metric"]')].pop();
  const root = metricInput.closest('figure') ?? metricInput.closest('section') ?? document.body;
  const chart = () => root.querySelector('svg') ?? root;
  // A task after every pending microtask, without setTimeout's clamping.
  const channel = new MessageChannel();
  const nextTask = () => new Promise((done) => { channel.port1.onmessage = () => done(); channel.port2.postMessage(0); });
  const afterFrame = () => new Promise((done) => requestAnimationFrame(() => nextTask().then(done)));

  const apply = ({ control, value }) => {
    if (control === 'metric') {
      root.querySelector(`input[name="salary-metric"][value="${value}"]`).click();
      return;
    }
    const radio = root.querySelector(`input[name="salary-sort"][value="${value}"]`);
    if (radio) {
      radio.click();
      return;
    }
    const select = root.querySelector('select');
    select.value = value;
    select.dispatchEvent(new Event('input', { bubbles: true }));
    select.dispatchEvent(new Event('change', { bubbles: true }));
  };

  const results = [];
  for (const step of plan) {
    await afterFrame();
    const before = root.innerHTML;
    // Each mutation burst is followed by a forced layout; the last one's end is the switch's end.
    let mutations = 0;
    let domDone = null;
    let end = null;
    const settle = (records) => {
      if (records.length === 0) return;
      mutations += records.length;
      domDone = performance.now();
      chart().getBoundingClientRect();
      end = performance.now();
    };
    const observer = new MutationObserver(settle);
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    performance.mark('switch-start');
    const started = performance.now();
    apply(step);
    // Done once a whole task has passed (all microtasks ran) without a new mutation.
    let seen = 0;
    let timedOut = false;
    for (;;) {
      await nextTask();
      settle(observer.takeRecords());
      if (mutations > 0 && mutations === seen) break;
      seen = mutations;
      if (performance.now() - started > 2000) {
        timedOut = true;
        domDone ??= performance.now();
        end ??= performance.now();
        break;
      }
    }
    observer.disconnect();
    performance.mark('switch-end', { startTime: end });
    const { duration } = performance.measure('switch', 'switch-start', 'switch-end');
    performance.clearMarks();
    performance.clearMeasures();
    results.push({ kind: step.kind, ms: duration, layoutMs: end - domDone, changed: root.innerHTML !== before, timedOut });
    // Three switches in a row without any effect: the chart does not respond, stop here.
    if (results.length >= 3 && results.slice(-3).every((r) => r.timedOut)) break;
  }
  return results;
}

/**
 * The state of the (last) chart: how many charts the page has, its checked metric, and the sort
 * orders it offers in their order with the current one (from its select or its sort radios).
 */
export function chartStateInPage() {
  const charts = document.querySelectorAll('input[name="salary-metric"][value="salary"]').length;
  const metricInput = [...document.querySelectorAll('input[name="salary-metric"]')].pop();
  const root = metricInput.closest('figure') ?? metricInput.closest('section') ?? document.body;
  const radios = [...root.querySelectorAll('input[name="salary-sort"]')];
  const metric = root.querySelector('input[name="salary-metric"]:checked')?.value;
  if (radios.length) return { charts, metric, sort: { values: radios.map((r) => r.value), current: radios.find((r) => r.checked)?.value } };
  const select = root.querySelector('select');
  return { charts, metric, sort: { values: [...select.options].map((o) => o.value), current: select.value } };
}
