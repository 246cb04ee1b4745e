// Turns each guide's preview drawing (<slug>/preview.svg, written by the prerender from the
// guide's title and key figures: src/prerender/preview.rs) into the PNG its page names for link
// previews (<slug>/preview.png), drawn in DejaVu Sans from npm so that every machine draws the
// same image, then removes the drawing (a post_build step).
//   node scripts/preview-images.mjs <dir>
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);
/** The font files the drawings use (font-family "DejaVu Sans", regular and bold). */
const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((name) => require.resolve(`dejavu-fonts-ttf/ttf/${name}`));

/** Renders `svg` to PNG bytes with the bundled fonts only (no system fonts: the same everywhere). */
export function renderPng(svg) {
  const resvg = new Resvg(svg, { font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } });
  return resvg.render().asPng();
}

/** Draws every `<slug>/preview.png` of the build in `dir` from its drawing; returns how many. */
export function drawPreviews(dir) {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const drawing = join(dir, entry.name, 'preview.svg');
    if (!entry.isDirectory() || !existsSync(drawing)) continue;
    writeFileSync(join(dir, entry.name, 'preview.png'), renderPng(readFileSync(drawing, 'utf8')));
    rmSync(drawing);
    count += 1;
  }
  return count;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node scripts/preview-images.mjs <dir>');
  console.log(`preview-images: ${drawPreviews(dir)} preview image(s) drawn`);
}
