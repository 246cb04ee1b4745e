// `make dev` (scripts/post-build.sh, when DEV_BUILD=1): gives the debug build its reload script
// (scripts/dev-reload.js), tagged with this build's id, and writes that id where the script
// polls for it. Runs before csp.mjs, which then allows nothing new: the script is a file.
//   node scripts/dev-page.mjs <dir>
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/dev-page.mjs <dir>');
const id = `${Date.now()}-${process.pid}`;
const index = join(dir, 'index.html');
const html = readFileSync(index, 'utf8');
if (!html.includes('</head>')) throw new Error(`dev-page: no </head> in ${index}`);
copyFileSync(new URL('./dev-reload.js', import.meta.url), join(dir, 'dev-reload.js'));
writeFileSync(index, html.replace('</head>', `<script src="dev-reload.js" data-build="${id}"></script></head>`));
writeFileSync(join(dir, 'dev-build-id.txt'), id);
console.log(`dev-page: reload script added, build ${id}`);
