// Embedding from another origin: the host loader, auto-height, forged messages, embed mode,
// the Embed dialog's snippet, blocked storage in the frame, and axe.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { launch } from './support/browser.mjs';
import { serve } from './support/server.mjs';

let app;
let browser;
before(async () => {
  app = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** Serves a host page with `body` from its own loopback port: another origin than the app. */
async function host(body, files = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cg-host-'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title></head><body><main><h1>A site that embeds the guide</h1>${body}</main></body></html>`);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return serve(dir);
}

const loader = () => `<script src="${app.url}embed.js" async></script>`;

/**
 * Waits until the iframe's height has followed its content's (no inner scrollbar) and stayed so
 * for two polls; with `from`, until it has also moved away from that height.
 */
async function settled(page, selector, from = null) {
  const frame = await (await page.$(selector)).contentFrame();
  await frame.waitForSelector('.embed-root');
  const measure = async () => ({
    outer: await page.$eval(selector, (el) => el.getBoundingClientRect().height),
    // The content's own height (what the app measures), and the document's: a frame taller than
    // its content shows no scrollbar either, so the content's height is what tells it fits.
    inner: await frame.evaluate(() => ({
      content: document.body.getBoundingClientRect().height,
      scroll: document.documentElement.scrollHeight,
      client: document.documentElement.clientHeight,
    })),
  });
  // The frame's size comes in a message the host handles in a task of its own: poll for it.
  let last = null;
  for (const started = Date.now(); Date.now() - started < 15_000; await page.waitForTimeout(300)) {
    const now = await measure();
    const fits = Math.abs(now.outer - now.inner.content) <= 4 && (from === null || Math.abs(now.outer - from) >= 1);
    if (fits && last && Math.abs(last.outer - now.outer) < 1) return { frame, ...now };
    last = fits ? now : null;
  }
  return { frame, ...(await measure()) };
}

describe('embedding', () => {
  test('the loader embeds the chart, the roadmap and a guide section, each sized to its content', async () => {
    const site = await host(`
      <div id="chart" data-career-guide="chart"></div>
      <div id="roadmap" data-career-guide="roadmap"></div>
      <div id="faq" data-career-guide="guide" data-section="faq" data-theme="dark"></div>
      ${loader()}`);
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(site.url);
    await page.waitForFunction(() => document.querySelectorAll('iframe').length === 3);
    const titles = await page.$$eval('iframe', (frames) => frames.map((f) => [f.title, f.loading, f.getAttribute('src')]));
    assert.deepEqual(titles.map((t) => t[0]), ['Infrastructure Engineer salary by state', 'Infrastructure Engineer roadmap checklist', 'How to Become an Infrastructure Engineer']);
    assert.ok(titles.every((t) => t[1] === 'lazy'));
    assert.match(titles[2][2], /embed=guide&id=career-guide-3-\w+&section=faq&theme=dark/);

    for (const id of ['chart', 'roadmap', 'faq']) {
      await page.locator(`#${id} iframe`).scrollIntoViewIfNeeded();
      const { frame, outer, inner } = await settled(page, `#${id} iframe`);
      assert.ok(Math.abs(outer - inner.content) <= 4 && Math.abs(outer - inner.scroll) <= 4, `#${id}: frame ${outer}px, content ${inner.content}px, document ${inner.scroll}px`);
      assert.ok(inner.scroll <= inner.client + 1, `#${id} has no inner scrollbar`);
      assert.equal(await frame.locator('.guide-header, nav.toc, .skip-link').count(), 0, 'no site chrome');
      assert.equal(await frame.locator('.open-full a[target="_blank"]').count(), 1);
    }
    const faqFrame = await (await page.$('#faq iframe')).contentFrame();
    assert.equal(await faqFrame.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await faqFrame.locator('.guide-section').count(), 1);
    assert.equal(await faqFrame.evaluate(() => navigator.serviceWorker.controller), null, 'no worker in a frame');
    assert.equal(await faqFrame.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);

    // The content changes size: the frame follows.
    const { frame: chart, outer: before } = await settled(page, '#chart iframe');
    await chart.getByRole('radio', { name: 'Table' }).check();
    await chart.waitForSelector('.salary-table');
    const { outer: afterwards, inner } = await settled(page, '#chart iframe', before);
    assert.notEqual(Math.round(afterwards), Math.round(before));
    assert.ok(Math.abs(afterwards - inner.content) <= 4, `frame ${afterwards}px, content ${inner.content}px`);

    // Forged messages: from the host itself (wrong origin) and from another frame (wrong source).
    const chartId = new URL(await page.getAttribute('#chart iframe', 'src')).searchParams.get('id');
    await page.evaluate((id) => window.postMessage({ type: 'career-guide:resize', id, height: 7 }, '*'), chartId);
    const roadmap = await (await page.$('#roadmap iframe')).contentFrame();
    await roadmap.evaluate((id) => parent.postMessage({ type: 'career-guide:resize', id, height: 9 }, '*'), chartId);
    await page.waitForTimeout(300);
    const height = await page.$eval('#chart iframe', (el) => el.getBoundingClientRect().height);
    assert.ok(Math.abs(height - afterwards) < 1, `forged messages changed nothing (${height}px)`);

    // Elements added later are embedded too.
    await page.evaluate(() => {
      const late = document.createElement('div');
      late.dataset.careerGuide = 'guide';
      late.dataset.section = 'outlook';
      late.id = 'late';
      document.querySelector('main').append(late);
    });
    await page.waitForSelector('#late iframe');
    await context.close();
    await site.close();
  });

  test('markup on the host page cannot point the frames at another origin', async () => {
    // <img name="currentScript"> shadows document.currentScript; an element with the loader's
    // global name must not stop it either.
    const elsewhere = 'http://127.0.0.1:9/evil/';
    const site = await host(`
      <img name="currentScript" src="${elsewhere}x.js" alt="">
      <div id="careerGuideEmbed"></div>
      <div id="chart" data-career-guide="chart"></div>
      ${loader()}`);
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      await page.goto(site.url);
      await page.waitForFunction(() => document.querySelectorAll('iframe').length === 1);
      const src = await page.getAttribute('#chart iframe', 'src');
      assert.ok(src.startsWith(app.url), `the frame loads the app, not another origin: ${src}`);
      const { frame, outer } = await settled(page, '#chart iframe');
      assert.ok(frame.url().startsWith(app.url));
      assert.ok(outer > 100, 'the frame is sized by the app\'s messages');

      // Run where the only "currentScript" is such an image: the loader does nothing at all.
      const blind = await context.newPage();
      await blind.goto('about:blank');
      await blind.setContent(`<img name="currentScript" src="${elsewhere}x.js" alt=""><div data-career-guide="chart"></div>`);
      const code = await (await fetch(`${app.url}embed.js`)).text();
      await blind.evaluate((text) => new Function(text)(), code);
      assert.equal(await blind.locator('iframe').count(), 0, 'no frame when the script element cannot be told');
    } finally {
      await context.close();
      await site.close();
    }
  });

  test('host elements named after document and form properties cannot stop or misplace the frames', async () => {
    // Named images shadow document.body, .baseURI and .createElement; inputs shadow their form's
    // methods; an element's id shadows window.addEventListener.
    const site = await host(`
      <img name="body" alt=""><img name="baseURI" alt=""><img name="createElement" alt="">
      <div id="addEventListener"></div>
      <form id="chart" data-career-guide="chart"><input name="getAttribute"><input name="setAttribute"><input name="appendChild"></form>
      ${loader()}`);
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(site.url);
      await page.waitForFunction(() => document.querySelectorAll('#chart iframe').length === 1, null, { timeout: 10_000 });
      assert.ok((await page.getAttribute('#chart iframe', 'src')).startsWith(app.url));
      const { outer } = await settled(page, '#chart iframe');
      assert.ok(outer > 100, 'the frame is sized by the app\'s messages');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await site.close();
    }
  });

  test('an explicit app address on the script element is used', async () => {
    const site = await host(`<div id="guide" data-career-guide="guide" data-section="faq"></div>`, {});
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(site.url);
      const code = await (await fetch(`${app.url}embed.js`)).text();
      await page.evaluate(([text, appUrl]) => {
        // The loader copied onto the host's own origin, pointed at the app by an attribute.
        const script = document.createElement('script');
        script.src = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
        script.dataset.careerGuideApp = appUrl;
        document.body.append(script);
      }, [code, app.url]);
      await page.waitForSelector('#guide iframe');
      assert.ok((await page.getAttribute('#guide iframe', 'src')).startsWith(app.url));
    } finally {
      await context.close();
      await site.close();
    }
  });

  test('the Embed dialog hands out a snippet that works pasted into a blank page', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${app.url}?metric=employed&view=map#salary-by-state`);
    await page.waitForSelector('#app .salary-explorer');
    await page.click('.salary-explorer .embed-button');
    const dialog = page.locator('dialog.embed-dialog');
    await dialog.waitFor();
    assert.equal(await dialog.evaluate((d) => d.open && d.matches(':modal')), true, 'a modal dialog, so focus stays inside');
    const snippet = await page.inputValue('#embed-loader');
    assert.match(snippet, /data-career-guide="chart" data-guide="infrastructure-engineer" data-title="Infrastructure Engineer salary by state" data-query="metric=employed&amp;view=map"/);
    assert.match(await page.inputValue('#embed-iframe'), /infrastructure-engineer\/\?embed=chart&amp;metric=employed&amp;view=map/);
    await page.click('.snippet:has(#embed-loader) button');
    await page.waitForFunction(() => document.querySelector('.snippet .copy-status')?.textContent === 'Copied');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
    for (let i = 0; i < 8; i += 1) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => !!document.activeElement.closest('dialog')), true, 'Tab stays in the dialog');
    await page.keyboard.press('Escape');
    assert.equal(await dialog.evaluate((d) => d.open), false);
    assert.match(await page.evaluate(() => document.activeElement.className), /embed-button/, 'focus returns to the button');

    const site = await host(snippet.replaceAll('&amp;', '&'));
    const other = await context.newPage();
    await other.goto(site.url);
    const frame = await (await other.waitForSelector('iframe')).contentFrame();
    await frame.waitForSelector('.tile-map');
    assert.equal(await frame.isChecked('input[name="salary-metric"][value="employed"]'), true);
    await context.close();
    await site.close();
  });

  test('in another site\'s page the embedded checklist says whether it keeps progress, and points to the link that carries it', async () => {
    // localhost and 127.0.0.1 are different sites: the frame is a third-party one, whose storage
    // the browser partitions (kept for that host site only) or blocks.
    const site = await host(`<div id="roadmap" data-career-guide="roadmap"></div>${loader()}`);
    const context = await browser.newContext({ reducedMotion: 'reduce', permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error));
      await page.goto(site.url.replace('127.0.0.1', 'localhost'));
      const frame = await (await page.waitForSelector('#roadmap iframe')).contentFrame();
      await frame.waitForSelector('.check-item');
      const kept = await frame.evaluate(() => {
        try {
          localStorage.setItem('career-guide:probe-test', '1');
          localStorage.removeItem('career-guide:probe-test');
          return true;
        } catch {
          return false;
        }
      });
      const notice = frame.locator('.notice.warning');
      await notice.waitFor();
      assert.match(await notice.textContent(), kept ? /Progress here is kept for this site only/ : /Progress will not be saved here/);
      await frame.click('#item-tool-terraform .state-button:has-text("Done")');
      await notice.locator('button:has-text("Share or move my progress")').click();
      await frame.waitForSelector('.share-dialog #share-link');
      const link = await frame.inputValue('.share-dialog #share-link');
      assert.ok(link.startsWith(app.url) && !link.includes('embed='), `the link opens the full guide: ${link}`);
      // The full guide, opened from that link, brings the frame's tick along.
      const full = await context.newPage();
      await full.goto(link);
      await full.locator('.import-preview').waitFor();
      await full.click('button:has-text("Replace my progress")');
      assert.match(await full.textContent('#item-tool-terraform [aria-pressed="true"]'), /Done/);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await site.close();
    }
  });

  test('with storage blocked in the frame, the embedded checklist works in memory and says so', async () => {
    const site = await host(`<div id="roadmap" data-career-guide="roadmap"></div>${loader()}`);
    const context = await browser.newContext();
    await context.addInitScript(() => {
      if (window !== window.top) {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('Access is denied for this document.', 'SecurityError');
          },
        });
      }
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(site.url);
    const frame = await (await page.waitForSelector('#roadmap iframe')).contentFrame();
    await frame.waitForSelector('.check-item');
    assert.match(await frame.textContent('.notice.warning'), /Progress will not be saved here: this browser blocks storage for this page/);
    assert.equal(await frame.locator('.notice.warning button:has-text("Share or move my progress")').count(), 1, 'the way to carry the ticks');
    await frame.click('#item-tool-terraform .state-button:has-text("Done")');
    assert.match(await frame.textContent('#item-tool-terraform [aria-pressed="true"]'), /Done/);
    assert.deepEqual(errors, []);
    await context.close();
    await site.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`axe finds no violations in the embedded views, ${colorScheme} mode`, async () => {
      const site = await host(`
        <div data-career-guide="chart"></div>
        <div data-career-guide="roadmap"></div>
        <div data-career-guide="guide" data-section="comparisons"></div>
        ${loader()}`);
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(site.url);
      for (const frame of await page.$$('iframe')) {
        await frame.scrollIntoViewIfNeeded();
        await (await frame.contentFrame()).waitForSelector('.embed-root');
      }
      const results = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), []);
      await context.close();
      await site.close();
    });
  }
});
