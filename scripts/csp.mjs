// Post-build hardening of each page of dist/ (index.html, and the audit's
// audit.html): adds a Content-Security-Policy that allows only the page's
// own files (inline scripts and the inlined style sheets are pinned by
// their SHA-256 hashes), and checks that every shipped script and wasm is
// referenced by a page with a Subresource Integrity hash that matches.
//   node scripts/csp.mjs [dist]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { attr } from './html.mjs';

const dist = process.argv[2] || 'dist';
// Worker scripts a page starts. A worker script cannot carry an integrity
// hash (neither `new Worker` nor `importScripts` takes one); the audit's
// only imports its page's glue, whose hash the page pins, and instantiates
// the module the page already verified and compiled.
const WORKERS = { 'audit.html': ['audit-worker.js'] };

const pin = (body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
// Files by name: URLs are relative (./) or absolute under PUBLIC_URL.
const fileName = (url) => url.split('/').pop();

const pages = readdirSync(dist).filter((f) => f.endsWith('.html'));
const references = new Map();
const exempt = new Set();
const problems = [];
for (const page of pages) {
  const path = join(dist, page);
  let html = readFileSync(path, 'utf8');
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  const workers = WORKERS[page] ?? [];

  // frame-ancestors cannot be set from a meta element, and is deliberately left
  // open so any page can embed the calculator in an iframe.
  const policy = [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${inline.map(pin).join(' ')}`.trim(),
    // The style sheets are inlined: nothing else may style the page.
    `style-src ${styles.map(pin).join(' ') || "'none'"}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    // Only the page's own worker script (the audit's), nothing from blob: or data:.
    ...(workers.length ? ["worker-src 'self'"] : []),
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
  let count = 0;
  for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*>/g)) {
    const url = attr(tag, 'href') ?? attr(tag, 'src');
    if (url && /\.(?:js|wasm|css)$/.test(url)) {
      const name = fileName(url);
      const integrity = attr(tag, 'integrity');
      if (references.has(name) && references.get(name) !== integrity) {
        problems.push(`${name}: referenced with two different integrity hashes`);
      }
      references.set(name, integrity);
      count++;
    }
  }
  if (count === 0) problems.push(`${page}: no asset references found`);
  for (const w of workers) exempt.add(w);
  writeFileSync(path, html);
  console.log(`csp: ${page}: ${inline.length} inline script(s) and ${styles.length} style sheet(s) pinned; ${count} asset reference(s)`);
  console.log(`csp: ${page}: ${policy}`);
}
for (const file of readdirSync(dist).filter((f) => /\.(?:js|wasm|css)$/.test(f))) {
  if (exempt.has(file)) continue;
  const want = `sha384-${createHash('sha384').update(readFileSync(join(dist, file))).digest('base64')}`;
  const have = references.get(file);
  if (have === undefined) problems.push(`${file}: shipped but not referenced with an integrity hash`);
  else if (have !== want) problems.push(`${file}: integrity is ${have}, the file hashes to ${want}`);
}
for (const [page, workers] of Object.entries(WORKERS)) {
  for (const w of workers) {
    if (pages.includes(page) && !readdirSync(dist).includes(w)) problems.push(`${page}: its worker script ${w} is not shipped`);
  }
}
if (problems.length) {
  console.error(`csp: subresource integrity: ${problems.join('; ')}`);
  process.exit(1);
}
console.log(`csp: ${references.size} shipped file(s) carry a verified integrity hash`);
