// The static server as a process of its own, so a test can stop it entirely:
//   node serve-cli.mjs <root> <port> [prefix]   prints "ready <url>" once listening.
import { serve } from './server.mjs';

const [root, port, prefix = '/'] = process.argv.slice(2);
const { url } = await serve(root, { port: Number(port), prefix });
console.log(`ready ${url}`);
