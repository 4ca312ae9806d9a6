// Post-build hardening of dist/index.html: adds a Content-Security-Policy
// that allows only the page's own files (the one inline bootstrap script
// Trunk writes is pinned by its SHA-256 hash), and checks that every shipped
// script, style and preload carries a Subresource Integrity hash.
//   node scripts/csp.mjs [dist]
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dist = process.argv[2] || 'dist';
const path = join(dist, 'index.html');
let html = readFileSync(path, 'utf8');

const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);

// frame-ancestors cannot be set from a meta element, and is deliberately left
// open so any page can embed the calculator in an iframe.
const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
// After the charset declaration, which must stay first.
html = /<meta charset[^>]*>/.test(html)
  ? html.replace(/(<meta charset[^>]*>)/, `$1\n    ${meta}`)
  : html.replace(/<head>/, `<head>\n    ${meta}`);

const external = [...html.matchAll(/<(?:link|script)\b[^>]*(?:href|src)="([^"]+\.(?:js|wasm|css))"[^>]*>/g)];
const missing = external.filter((m) => !/\bintegrity="sha(256|384|512)-/.test(m[0])).map((m) => m[1]);
if (missing.length) {
  console.error(`no integrity hash on: ${missing.join(', ')}`);
  process.exit(1);
}
writeFileSync(path, html);
console.log(`csp: ${inline.length} inline script(s) pinned; ${external.length} asset reference(s) carry integrity`);
console.log(`csp: ${policy}`);
