// Starts and stops the static server as a child process.
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
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

/** Whether 127.0.0.1:`port` accepts a connection right now. */
const accepts = (port) => new Promise((done) => {
  const socket = connect(port, '127.0.0.1');
  socket.once('connect', () => {
    socket.destroy();
    done(true);
  });
  socket.once('error', () => {
    socket.destroy();
    done(false);
  });
});

/**
 * Resolves once the server process `child` (`name` in messages) serves 127.0.0.1:`port`, and
 * `ready()` holds if given; fails when the process exits first, or after `timeout` ms.
 */
export async function serving(child, port, { name, ready = () => true, timeout = 10_000 }) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode})`);
    if (ready() && (await accepts(port))) return;
    if (Date.now() > deadline) throw new Error(`${name} does not serve 127.0.0.1:${port} after ${timeout} ms`);
    await new Promise((wait) => setTimeout(wait, 50));
  }
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
