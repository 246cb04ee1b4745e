// Runs Debian's Caddy with the shipped deploy/Caddyfile, as a child process on a loopback port.
// The site block is the shipped text itself, with only the lines it tags rewritten (see its
// header): `# [site]` (the address, made plain HTTP on 127.0.0.1) and `# [root]`, so the tests
// test what a reader deploys. Global options keep Caddy to itself: no admin endpoint, no
// certificates, its state in a folder of the test's.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serving } from './process.mjs';

/** The Caddy binary scripts/setup-test.sh installs (Debian's package). */
export const CADDY = '/usr/bin/caddy';

/** The shipped site block. */
export const SHIPPED = fileURLToPath(new URL('../../../deploy/Caddyfile', import.meta.url));

/** Whether Caddy is installed. The tests fail, never skip, without it. */
export function caddyAvailable() {
  return existsSync(CADDY);
}

/** `text` with its one line tagged `# [tag]` rewritten by `change`, or a loud error. */
function retag(text, tag, change) {
  const lines = text.split('\n');
  const found = lines.filter((line) => line.trimEnd().endsWith(`# [${tag}]`));
  if (found.length !== 1) throw new Error(`${SHIPPED}: ${found.length} lines tagged "# [${tag}]", not one`);
  const changed = change(found[0]);
  if (changed === found[0]) throw new Error(`${SHIPPED}: the [${tag}] line is not what the tests rewrite: ${found[0].trim()}`);
  return lines.map((line) => (line === found[0] ? changed : line)).join('\n');
}

/** The shipped Caddyfile `text` made to serve `root` at http://127.0.0.1:`port`/. */
export function siteConfig(text, { root, port }) {
  let site = retag(text, 'site', (line) => line.replace(/^\S+ \{/, `http://127.0.0.1:${port} {`));
  site = retag(site, 'root', (line) => line.replace(/root \* \S+/, `root * ${JSON.stringify(resolve(root))}`));
  return site;
}

/**
 * Serves `root` with Caddy and the shipped deploy/Caddyfile at 127.0.0.1:`port`; resolves to
 * { url, log, stop } like startNginx.
 */
export async function startCaddy(root, port) {
  if (!caddyAvailable()) throw new Error(`${CADDY} is missing: scripts/setup-test.sh installs Debian's caddy`);
  root = resolve(root);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root} holds no build (no index.html)`);
  const dir = mkdtempSync(join(tmpdir(), 'cg-caddy-'));
  const config = join(dir, 'Caddyfile');
  writeFileSync(config, `# Written by tests/e2e/support/caddy.mjs around ${SHIPPED}.
{
	admin off
	auto_https off
	storage file_system ${JSON.stringify(join(dir, 'data'))}
}

# ---- ${SHIPPED} ----
${siteConfig(readFileSync(SHIPPED, 'utf8'), { root, port })}
`);
  const output = [];
  const child = spawn(CADDY, ['run', '--adapter', 'caddyfile', '--config', config], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOME: dir, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') },
  });
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => output.push(chunk));
  const exited = new Promise((done) => child.once('exit', done));
  // If the test process ends without stop(), Caddy must not outlive it.
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  const log = () => Buffer.concat(output).toString().trim();
  const stop = async () => {
    process.off('exit', orphan);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await new Promise((done, fail) => {
      child.once('error', fail);
      child.once('spawn', done);
    });
    await serving(child, port, { name: 'caddy', timeout: 15_000 });
  } catch (error) {
    await stop();
    throw new Error(`caddy did not start (${error.message}):\n${log()}`);
  }
  return { url: `http://127.0.0.1:${port}/`, log, stop };
}
