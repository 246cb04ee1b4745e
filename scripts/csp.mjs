// Writes each page's Content-Security-Policy into it (index.html and every guide's
// <slug>/index.html; a trunk post_build hook,
// after the prerender and before the precache list, which must hash the final page).
//   node scripts/csp.mjs [dir]   (default: $TRUNK_STAGING_DIR, else dist)
// The policy allows no inline code but the exact scripts and styles this build emits, by their
// SHA-256 hashes, so it is computed from the built page, never written by hand. It goes in a
// <meta http-equiv> right after <meta charset>, so that it holds on any host; the server
// configurations in deploy/ add, as a header, the parts a <meta> cannot carry. The build fails
// on inline code no hash can allow (event handler attributes, style attributes, javascript:).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The header-level policy that deploy/ sends; the same text in every config (tested). */
export const HEADER_POLICY = "object-src 'none'; base-uri 'self'; form-action 'self'";

// Browsers hash inline code after turning every CR LF (or lone CR) into LF, as their parser
// does: a checkout with Windows line endings must hash the same way.
const sha256 = (text) => `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`;

/** The text of every inline element `tag` (`script` without a src, or `style`) in `html`. */
function inlineBodies(html, tag) {
  const pattern = new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'gi');
  return [...html.matchAll(pattern)]
    .filter(([, attributes = '']) => !/\ssrc\s*=/i.test(attributes))
    .map(([, , body]) => body);
}

/** Inline code in attributes, which only 'unsafe-inline' or 'unsafe-hashes' could allow. */
export function forbiddenInline(html) {
  const found = [];
  for (const [tag] of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
    if (/\son[a-z]+\s*=/i.test(tag)) found.push(`event handler attribute in ${tag.slice(0, 80)}`);
    if (/\sstyle\s*=/i.test(tag)) found.push(`style attribute in ${tag.slice(0, 80)}`);
    if (/=\s*["']?\s*javascript:/i.test(tag)) found.push(`javascript: URL in ${tag.slice(0, 80)}`);
  }
  return found;
}

/** The policy for `html`: its inline scripts and styles allowed by hash, nothing else inline. */
export function policyFor(html) {
  const scripts = [...new Set(inlineBodies(html, 'script').map(sha256))];
  const styles = [...new Set(inlineBodies(html, 'style').map(sha256))];
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scripts.join(' ')}`.trim(),
    `style-src 'self' ${styles.join(' ')}`.trim(),
    // data: for the favicon; blob: for the chart's PNG download, drawn from an SVG blob.
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'self'",
    HEADER_POLICY,
  ].join('; ');
}

/** `html` with its policy as the first element after `<meta charset>`; replaces an old one. */
export function withPolicy(html) {
  const problems = forbiddenInline(html);
  if (problems.length > 0) throw new Error(`inline code a strict CSP cannot allow:\n${problems.join('\n')}`);
  const stripped = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">\s*/, '');
  const charset = stripped.match(/<meta charset="utf-8"\s*\/?>/i);
  if (!charset) throw new Error('index.html has no <meta charset="utf-8">');
  const at = charset.index + charset[0].length;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(stripped)}">`;
  return `${stripped.slice(0, at)}${meta}${stripped.slice(at)}`;
}

/** The policy written into a built page, or null. */
export function policyOf(html) {
  return html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1] ?? null;
}

/** The site's pages in `dir`: its index.html and each guide's `<slug>/index.html`. */
export function pagesIn(dir) {
  const guides = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'index.html')))
    .map((entry) => join(dir, entry.name, 'index.html'));
  return [join(dir, 'index.html'), ...guides.sort()];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
  for (const path of pagesIn(dir)) {
    const page = withPolicy(readFileSync(path, 'utf8'));
    writeFileSync(path, page);
    console.log(`csp: ${policyOf(page).split('; ').length} directives written into ${path}`);
  }
}
