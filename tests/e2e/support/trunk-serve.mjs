// Runs `make serve` or `make dev` (scripts/serve.sh, scripts/dev.sh) as a developer does, in the
// checkout `scripts/test.sh` prepares (E2E_CHECKOUT: a copy at a path with a space, built with
// an absolute CARGO_TARGET_DIR), or in this one when run alone.
import { spawn } from 'node:child_process';

/** The checkout the scripts run in. */
export const CHECKOUT = process.env.E2E_CHECKOUT ?? process.cwd();

/**
 * Starts `script` (e.g. 'scripts/dev.sh') in CHECKOUT with `env` added; resolves nothing, returns
 * { log(), built(n), stop() }: log() is all it printed so far; built(n) waits until trunk has
 * reported n successful builds (failing on an error or an exit); stop() ends it and its children.
 */
export function runScript(script, args = [], env = {}) {
  const child = spawn(script, args, {
    cwd: CHECKOUT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  // A script that cannot start (a missing checkout) is reported in the log, not thrown.
  child.on('error', (error) => { log += `\n${error}\n`; });
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => { log += chunk; });
  }
  const successes = () => log.split('✅ success').length - 1;
  return {
    log: () => log,
    async built(count = 1, timeout = 540_000) {
      for (const started = Date.now(); successes() < count; await new Promise((r) => setTimeout(r, 200))) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${script} stopped:\n${log.slice(-3000)}`);
        if (/\bERROR\b/.test(log)) throw new Error(`the build reported an error:\n${log.slice(-3000)}`);
        if (Date.now() - started > timeout) throw new Error(`no build ${count} after ${timeout} ms:\n${log.slice(-3000)}`);
      }
    },
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch (error) {
        if (error.code !== 'ESRCH') throw error; // it had already stopped
      }
    },
  };
}

/** Fetches `url` until it answers 200 (trunk may still be binding its port); returns the response. */
export async function fetchServed(url, log) {
  let response;
  for (let tries = 0; !response?.ok && tries < 30; tries += 1) {
    if (tries) await new Promise((r) => setTimeout(r, 1000));
    response = await fetch(url, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
  }
  if (response?.status !== 200) throw new Error(`${url} is not served:\n${log().slice(-2000)}`);
  return response;
}
