// Prints the size of every file the first load needs, raw, gzip and brotli, and the totals, and
// checks them against the budgets in scripts/size-budget.json:
//   node scripts/bench.mjs [dist]            the target (120 KB gzip): exits 1 when it is missed
//   node scripts/bench.mjs [dist] --ceiling  the ratchet CI holds the build to: exits 1 above it
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const root = args.find((arg) => !arg.startsWith('--')) ?? 'dist';
const budget = JSON.parse(readFileSync(new URL('./size-budget.json', import.meta.url), 'utf8'));

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

// Fetched after the first paint or only by others (the worker, install icons, the host loader).
const LATER = [/^icons\//, /^sw\.js$/, /^embed\.js$/, /^manifest\.webmanifest$/];

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(8);
const rows = [...files(root)].map((path) => {
  const body = readFileSync(path);
  return {
    file: relative(root, path),
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
rows.sort((a, b) => b.gzip - a.gzip);
const later = rows.filter((row) => LATER.some((re) => re.test(row.file)));
const first = rows.filter((row) => !later.includes(row));
const total = first.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }), { raw: 0, gzip: 0, brotli: 0 });

console.log(`first load from ${root}/ (KiB)`);
console.log(`${'file'.padEnd(44)}${'raw'.padStart(8)}${'gzip'.padStart(8)}${'brotli'.padStart(8)}`);
for (const row of first) console.log(`${row.file.padEnd(44)}${kb(row.raw)}${kb(row.gzip)}${kb(row.brotli)}`);
console.log(`${'total'.padEnd(44)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}`);
console.log(`\nserved later or to other sites: ${later.map((row) => `${row.file} (${kb(row.gzip).trim()} gzip)`).join(', ')}`);

// Budgets are in bytes of gzip (level 9), over everything the first load fetches.
const check = (name, limit) => {
  const ok = total.gzip <= limit;
  const line = `${name}: first load ${(total.gzip / 1000).toFixed(1)} KB gzip, limit ${(limit / 1000).toFixed(1)} KB`;
  console.log(ok ? `ok      ${line}` : `MISSED  ${line}  <-- over by ${((total.gzip - limit) / 1000).toFixed(1)} KB`);
  return ok;
};
console.log(`\nsize budgets (scripts/size-budget.json; 1 KB = 1000 bytes; brotli total ${(total.brotli / 1000).toFixed(1)} KB)`);
const ceilingOk = check('ceiling (CI)', budget.ceiling_first_load_gzip_bytes);
const targetOk = check('target', budget.target_first_load_gzip_bytes);
if (args.includes('--ceiling') ? !ceilingOk : !(ceilingOk && targetOk)) {
  console.error('\nSIZE BUDGET EXCEEDED: see the MISSED line above.');
  process.exitCode = 1;
}
