// The comparison page: the release's index.html without any script, served as plain HTML.
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi;
const PRELOAD = /<link\b[^>]*\brel\s*=\s*["']?(?:modulepreload|preload)["']?[^>]*>/gi;
const STYLESHEET = /<link\b[^>]*\brel\s*=\s*["']?stylesheet["']?[^>]*>/gi;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/** `html` with every script element and every (module)preload link removed. */
export function stripScripts(html) {
  return html.replace(SCRIPT, '').replace(PRELOAD, '');
}

/** The local paths (relative to the site root) of the stylesheets `html` links. */
export function stylesheetPaths(html) {
  return (html.match(STYLESHEET) ?? [])
    .map((link) => link.match(HREF))
    .filter(Boolean)
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((href) => !/^[a-z]+:|^\/\//i.test(href))
    .map((href) => href.split(/[?#]/)[0].replace(/^\/+/, ''));
}

/**
 * Writes the script-free copy of `<distDir>/index.html` and the CSS files it links into a fresh
 * temporary directory; resolves to { dir, stylesheets, bytes }.
 */
export async function buildStaticPage(distDir) {
  const html = stripScripts(await readFile(join(distDir, 'index.html'), 'utf8'));
  const dir = await mkdtemp(join(tmpdir(), 'cg-static-'));
  const stylesheets = stylesheetPaths(html);
  for (const path of stylesheets) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await copyFile(join(distDir, path), join(dir, path));
  }
  await writeFile(join(dir, 'index.html'), html);
  return { dir, stylesheets, bytes: Buffer.byteLength(html) };
}
