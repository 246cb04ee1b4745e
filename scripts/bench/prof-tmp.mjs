import { launch } from '../../tests/e2e/support/browser.mjs';
import { serve } from '../../tests/e2e/support/server.mjs';
const server = await serve(process.argv[2]);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
await page.goto(server.url);
await page.waitForFunction(() => !document.getElementById('prerendered'), null, { timeout: 60000 });
await page.waitForTimeout(500);
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const dt = profile.timeDeltas; let total = 0;
const incl = {}; const self = {};
profile.samples.forEach((id, i) => {
  const d = (dt[i + 1] ?? 0) / 1000; total += d;
  const seen = new Set();
  let cur = id; const cf = byId.get(id).callFrame; const leaf = (cf.functionName || "(anon)") + " @" + cf.url.split("/").pop() + ":" + cf.lineNumber;
  self[leaf] = (self[leaf] ?? 0) + d;
  while (cur) {
    const name = byId.get(cur).callFrame.functionName;
    const m = name.match(/career_guide::[a-z_]+(::[a-z_]+)?(::[A-Za-z_]+)?/);
    const key = m ? m[0] : null;
    if (key && !seen.has(key)) { seen.add(key); incl[key] = (incl[key] ?? 0) + d; }
    cur = parent.get(cur);
  }
});
const top = (o, n) => Object.entries(o).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1).padStart(7)} ${k.slice(0, 150)}`).join('\n');
console.log('total sampled ms', total.toFixed(1));
console.log('--- inclusive by career_guide path'); console.log(top(incl, 45));
console.log('--- self'); console.log(top(self, 30));
await browser.close(); await server.close();
