// Runs Debian's nginx with the shipped deploy/nginx.conf, as a child process on a loopback port.
// The server block is the shipped text itself, with only the lines it tags rewritten (see its
// header): `# [listen]`, `# [root]`, `# [alias]`, and the `# [at /]` / `# [under /career-guide/]`
// sections, so the tests test what a reader deploys.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serving } from './process.mjs';

/** The nginx binary scripts/setup-test.sh installs (Debian's package). */
export const NGINX = '/usr/sbin/nginx';

/** The shipped server block. */
export const SHIPPED = fileURLToPath(new URL('../../../deploy/nginx.conf', import.meta.url));

/** Whether nginx is installed. The tests fail, never skip, without it. */
export function nginxAvailable() {
  return existsSync(NGINX);
}

/** Whether `line` is a directive tagged `# [tag]` (a `;`, then the tag, at the end of the line). */
const isTagged = (line, tag) => new RegExp(String.raw`;\s*# \[${tag}\]\s*$`).test(line);

const quote = (path) => `"${path.replace(/["\\]/g, '\\$&')}"`;

/** Lines `begin` to `end` (the marker lines included), or a loud error if they are missing. */
function section(lines, name) {
  const begin = lines.findIndex((line) => line.trim() === `# [${name}] begin`);
  const end = lines.findIndex((line) => line.trim() === `# [${name}] end`);
  if (begin < 0 || end < begin) throw new Error(`${SHIPPED}: no "# [${name}] begin" ... "# [${name}] end" section`);
  return [begin, end];
}

/**
 * The shipped config `text` made to serve `root` at 127.0.0.1:`port` under `prefix` ('/' or a
 * sub-path such as '/career-guide/'); `emptyRoot` is the server's root when the app is under a
 * sub-path (so that nothing else is served).
 */
export function siteConfig(text, { root, port, prefix = '/', emptyRoot }) {
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`prefix ${prefix} must start and end with /`);
  let lines = text.split('\n');
  const tagged = (tag) => {
    const found = lines.filter((line) => isTagged(line, tag));
    if (found.length === 0) throw new Error(`${SHIPPED}: no line tagged "# [${tag}]"`);
    return found;
  };

  // One listen line, on loopback: the first tagged one rewritten, the others dropped.
  tagged('listen');
  const first = lines.findIndex((line) => isTagged(line, 'listen'));
  const listen = lines[first].replace(/listen\s[^;]*;/, `listen 127.0.0.1:${port};`);
  if (listen === lines[first]) throw new Error(`${SHIPPED}: the [listen] line has no listen directive`);
  lines = lines.flatMap((line, index) => (index === first ? [listen] : isTagged(line, 'listen') ? [] : [line]));

  const rootLine = tagged('root')[0];
  const setRoot = (dir) => {
    const replaced = rootLine.replace(/root\s[^;]*;/, `root ${quote(dir)};`);
    if (replaced === rootLine) throw new Error(`${SHIPPED}: the [root] line has no root directive`);
    lines = lines.map((line) => (line === rootLine ? replaced : line));
  };

  const [atRootBegin, atRootEnd] = section(lines, 'at /');
  section(lines, 'under /career-guide/');
  if (prefix === '/') {
    setRoot(root);
    return lines.join('\n');
  }

  setRoot(emptyRoot);
  lines.splice(atRootBegin, atRootEnd - atRootBegin + 1);
  const [begin, end] = section(lines, 'under /career-guide/');
  const sub = lines.slice(begin + 1, end).map((line) => {
    const code = line.replace(/^(\s*)# ?/, '$1');
    if (code === line) throw new Error(`${SHIPPED}: "${line.trim()}" in the sub-path section is not commented out`);
    if (isTagged(line, 'alias')) {
      const replaced = code.replace(/alias\s[^;]*;/, `alias ${quote(resolve(root) + '/')};`);
      if (replaced === code) throw new Error(`${SHIPPED}: the [alias] line has no alias directive`);
      return replaced;
    }
    return code.replaceAll('/career-guide', prefix.slice(0, -1));
  });
  if (!sub.some((line) => isTagged(line, 'alias'))) throw new Error(`${SHIPPED}: no line tagged "# [alias]" in the sub-path section`);
  lines.splice(begin, end - begin + 1, ...sub);
  return lines.join('\n');
}

/**
 * Serves `root` with nginx and the shipped deploy/nginx.conf at 127.0.0.1:`port` under `prefix`
 * ('/' or a sub-path like '/career-guide/'); resolves to { url, stop } like startServer.
 */
export async function startNginx(root, port, prefix = '/') {
  if (!nginxAvailable()) throw new Error(`${NGINX} is missing: scripts/setup-test.sh installs Debian's nginx`);
  root = resolve(root);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root} holds no build (no index.html)`);
  const dir = mkdtempSync(join(tmpdir(), 'cg-nginx-'));
  const emptyRoot = join(dir, 'empty');
  mkdirSync(emptyRoot);
  const site = siteConfig(readFileSync(SHIPPED, 'utf8'), { root, port, prefix, emptyRoot });
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `    ${name}_temp_path ${quote(join(dir, name))};`)
    .join('\n');
  writeFileSync(join(dir, 'nginx.conf'), `# Written by tests/e2e/support/nginx.mjs around ${SHIPPED}.
${process.getuid?.() === 0 ? 'user root;  # the workers must read the build like the tests do\n' : ''}daemon off;
worker_processes 1;
pid ${quote(join(dir, 'nginx.pid'))};
error_log ${quote(join(dir, 'error.log'))} warn;
events {
    worker_connections 64;
}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    log_not_found off;
${temp}

# ---- ${SHIPPED} ----
${site}
}
`);

  const stderr = [];
  const child = spawn(NGINX, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', (chunk) => stderr.push(chunk));
  const exited = new Promise((done) => child.once('exit', done));
  // If the test process ends without stop(), nginx (not a daemon) must not outlive it.
  const orphan = () => child.kill('SIGTERM');
  process.once('exit', orphan);
  const log = () => {
    const file = join(dir, 'error.log');
    return `${Buffer.concat(stderr).toString()}${existsSync(file) ? readFileSync(file, 'utf8') : ''}`.trim();
  };

  try {
    await new Promise((done, fail) => {
      child.once('error', fail);
      child.once('spawn', done);
    });
    // nginx writes its pid file after binding its ports: the port is then its, not another's.
    const pidFile = join(dir, 'nginx.pid');
    await serving(child, port, { name: 'nginx', ready: () => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() === String(child.pid) });
  } catch (error) {
    process.off('exit', orphan);
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    throw new Error(`nginx did not start (${error.message}):\n${log()}\nconfig: ${join(dir, 'nginx.conf')}`);
  }

  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    /** The error log so far, for a failing assertion's message. */
    log,
    stop: async () => {
      process.off('exit', orphan);
      if (child.exitCode === null && child.signalCode === null) {
        // SIGTERM: the master stops its workers, then itself (SIGKILL would orphan the workers).
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
