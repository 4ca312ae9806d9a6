// Post-build hardening of dist/index.html: adds a Content-Security-Policy
// that allows only the page's own files (inline scripts and the inlined
// style sheet are pinned by their SHA-256 hashes), and checks that every
// shipped script and the wasm carry a Subresource Integrity hash.
//   node scripts/csp.mjs [dist]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { attr } from './html.mjs';

const dist = process.argv[2] || 'dist';
const path = join(dist, 'index.html');
let html = readFileSync(path, 'utf8');

const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
const pin = (body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;

// frame-ancestors cannot be set from a meta element, and is deliberately left
// open so any page can embed the calculator in an iframe.
const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${inline.map(pin).join(' ')}`.trim(),
  // The one style sheet is inlined: nothing else may style the page.
  `style-src ${styles.map(pin).join(' ') || "'none'"}`,
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

// Every shipped script, wasm and style must be referenced with the right
// hash. Attributes may be unquoted: Trunk minifies the HTML.
// Files by name: URLs are relative (./) or absolute under PUBLIC_URL.
const fileName = (url) => url.split('/').pop();
const references = new Map();
for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*>/g)) {
  const url = attr(tag, 'href') ?? attr(tag, 'src');
  if (url && /\.(?:js|wasm|css)$/.test(url)) references.set(fileName(url), attr(tag, 'integrity'));
}
const problems = [];
for (const file of readdirSync(dist).filter((f) => /\.(?:js|wasm|css)$/.test(f))) {
  const want = `sha384-${createHash('sha384').update(readFileSync(join(dist, file))).digest('base64')}`;
  const have = references.get(file);
  if (have === undefined) problems.push(`${file}: shipped but not referenced with an integrity hash`);
  else if (have !== want) problems.push(`${file}: integrity is ${have}, the file hashes to ${want}`);
}
if (problems.length || references.size === 0) {
  console.error(`csp: subresource integrity: ${problems.join('; ') || 'no asset references found'}`);
  process.exit(1);
}
writeFileSync(path, html);
console.log(`csp: ${inline.length} inline script(s) and ${styles.length} style sheet(s) pinned; ${references.size} shipped file(s) carry a verified integrity hash`);
console.log(`csp: ${policy}`);
