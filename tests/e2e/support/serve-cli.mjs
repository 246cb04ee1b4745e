// The static server as a process of its own, so a test can stop it entirely:
//   node serve-cli.mjs <root> <port> [prefix] [--redirect-index]   prints "ready <url>" once listening.
import { serve } from './server.mjs';

const args = process.argv.slice(2);
const redirectIndex = args.includes('--redirect-index');
const [root, port, prefix = '/'] = args.filter((arg) => arg !== '--redirect-index');
const { url } = await serve(root, { port: Number(port), prefix, redirectIndex });
console.log(`ready ${url}`);
