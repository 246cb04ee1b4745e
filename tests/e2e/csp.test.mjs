// The strict Content-Security-Policy, behind Debian's nginx with the shipped configuration:
// every page and embed works under it with no violation, and inline code it did not hash is
// refused. At / and under /career-guide/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appInCharge } from './support/app.mjs';
import { launch } from './support/browser.mjs';
import { startNginx } from './support/nginx.mjs';
import { freePort } from './support/process.mjs';
import { serve } from './support/server.mjs';
import { HEADER_POLICY, policyFor, policyOf } from '../../scripts/csp.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Every violation in every frame of the context's pages is recorded in that frame. */
async function watchedContext(options = {}) {
  const context = await browser.newContext({ reducedMotion: 'reduce', ...options });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}: ${event.sample}`);
    });
  });
  return context;
}

const violations = (frame) => frame.evaluate(() => window.__violations);

for (const [dir, prefix] of [['dist', '/'], ['target/dist-subpath', '/career-guide/']]) {
  describe(`the strict CSP behind nginx (${prefix})`, () => {
    let server;
    before(async () => {
      server = await startNginx(dir, await freePort(), prefix);
    });
    after(async () => {
      await server?.stop();
    });

    test('the policy is the build\'s own: hashes only, nothing unsafe-inline, and the header adds the rest', async () => {
      const html = readFileSync(join(dir, 'index.html'), 'utf8');
      const policy = policyOf(html);
      assert.ok(policy, 'index.html carries the policy');
      assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*/);
      assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      assert.match(policy, /object-src 'none'/);
      assert.match(policy, /base-uri 'self'/);
      assert.doesNotMatch(policy, /frame-ancestors/, 'other sites may embed the app');
      const withoutMeta = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, '');
      assert.equal(policy, policyFor(withoutMeta), 'the hashes are of this very page');
      const response = await fetch(server.url);
      assert.equal(response.headers.get('content-security-policy'), HEADER_POLICY);
    });

    test('the full page works with no violation, and injected inline code is refused', async () => {
      const context = await watchedContext({ acceptDownloads: true });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error));
      await page.goto(server.url);
      await appInCharge(page);
      await page.waitForSelector('#app .salary-explorer .bar');
      // What draws styles and images at run time: the tooltip, the map, the PNG download.
      await page.locator('.bar-chart .bar').first().hover();
      const [png] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("PNG")')]);
      assert.match(png.suggestedFilename(), /\.png$/);
      await page.check('input[name="salary-view"][value="map"]');
      await page.waitForSelector('.tile-map');
      await page.click('#item-tool-terraform .state-button:has-text("Done")');
      await page.click('.salary-explorer .embed-button');
      await page.waitForSelector('dialog.embed-dialog[open]');
      await page.keyboard.press('Escape');
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(errors, []);

      await page.addScriptTag({ content: 'window.__injected = true;' }).catch(() => {});
      assert.equal(await page.evaluate(() => window.__injected), undefined, 'an inline script it did not hash never runs');
      // The browser reports a violation in a task of its own, after the refusal: wait for it.
      await page.waitForFunction(() => window.__violations.some((v) => v.startsWith('script-src-elem blocked inline')), null, { timeout: 5_000 });
      await context.close();
    });

    test('every embed works under the policy, alone and in a host page', async () => {
      const context = await watchedContext();
      for (const query of ['?embed=chart&metric=employed&view=map', '?embed=roadmap', '?embed=guide&section=faq']) {
        const page = await context.newPage();
        await page.goto(server.url + query);
        await page.waitForSelector('.embed-root');
        assert.deepEqual(await violations(page), [], query);
        await page.close();
      }
      const site = mkdtempSync(join(tmpdir(), 'cg-host-'));
      writeFileSync(join(site, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
        <div data-career-guide="chart"></div><div data-career-guide="roadmap"></div>
        <script src="${server.url}embed.js" async></script></body></html>`);
      const host = await serve(site);
      try {
        const page = await context.newPage();
        await page.goto(host.url);
        await page.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
        for (const element of await page.$$('iframe')) {
          await element.scrollIntoViewIfNeeded();
          const frame = await element.contentFrame();
          await frame.waitForSelector('.embed-root');
          assert.deepEqual(await violations(frame), [], frame.url());
        }
      } finally {
        await host.close();
        await context.close();
      }
    });
  });
}
