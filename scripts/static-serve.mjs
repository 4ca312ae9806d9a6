// Serves a built site (dist/) as a static host would (brotli or gzip), for
// scripts/serve.sh: both pages, the calculator and the ticket audit.
//   node scripts/static-serve.mjs DIST ADDRESS PORT
import { startStaticServer } from '../tests/browser/lib.mjs';

const [dist = 'dist', host = '127.0.0.1', port = '8080'] = process.argv.slice(2);
const server = await startStaticServer({ root: dist, base: '/', host, port: Number(port) });
console.log(`serving ${dist} at ${server.url} (the audit page: ${server.url}audit.html); Ctrl-C to stop`);
