// Aligned plain-text tables and the ok/MISSED verdict for the bench's output.

/**
 * Prints `rows` (arrays of cells) under `header` as an aligned table. `align` has one letter per
 * column, 'l' or 'r' (default: the first column left, the others right).
 */
export function printTable(header, rows, align = 'l'.padEnd(header.length, 'r')) {
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const pad = (cell, i) => (align[i] === 'l' ? cell.padEnd(widths[i]) : cell.padStart(widths[i]));
  const line = (row) => row.map(pad).join('  ').trimEnd();
  console.log(line(cells[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

/** "ok" when `held`, "MISSED" otherwise, "n/a" when it could not be measured (null). */
export function verdict(held) {
  if (held === null) return 'n/a';
  return held ? 'ok' : 'MISSED';
}

/** A section title followed by an underline. */
export function heading(title) {
  console.log(`\n${title}\n${'='.repeat(title.length)}`);
}
