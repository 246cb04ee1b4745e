// Starts and stops the static server as a child process.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('./serve-cli.mjs', import.meta.url));

/** A TCP port that is free on loopback right now. */
export function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/**
 * Serves `root` at `port` under `prefix` in a new process; resolves to { url, stop }. With
 * `redirectIndex`, index.html and *.html redirect to their clean URLs (see serve in server.mjs).
 */
export function startServer(root, port, prefix = '/', { redirectIndex = false } = {}) {
  const args = [CLI, root, String(port), prefix, ...(redirectIndex ? ['--redirect-index'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`server exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      const line = chunk.toString();
      if (line.startsWith('ready ')) {
        done({
          url: line.slice(6).trim(),
          stop: () => new Promise((stopped) => {
            child.once('exit', stopped);
            child.kill('SIGKILL');
          }),
        });
      }
    });
  });
}
