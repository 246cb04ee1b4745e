// Where the wasm's bytes go: the 15 largest items (functions and data) of the release wasm as
// cargo built it, names kept (before wasm-bindgen and wasm-opt strip them), from `twiggy top`.
//   node scripts/bench/wasm-items.mjs [file.wasm]
// Custom sections (names, wasm-bindgen's own) are left out: the shipped wasm has none of them.
import { execFileSync } from 'node:child_process';

const file = process.argv[2] ?? 'target/wasm32-unknown-unknown/release/career-guide.wasm';
const items = JSON.parse(execFileSync('twiggy', ['top', '-n', '60', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 64 << 20 }));
const code = items.filter((item) => !/^custom section|subsection$|^Σ|^\.\.\. and/.test(item.name));
const total = items.find((item) => item.name.startsWith('Σ'))?.shallow_size;
console.log(`\nthe 15 largest items of the wasm (names kept, before wasm-opt; ${file})`);
console.log('   bytes  item');
for (const item of code.slice(0, 15)) {
  console.log(`${String(item.shallow_size).padStart(8)}  ${item.name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 110)}`);
}
if (total) console.log(`(of ${total} bytes in that file, custom sections included)`);
