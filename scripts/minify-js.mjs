// Post-build: minifies the JS Trunk ships (its release `minify` leaves the
// wasm-bindgen glue whole: 41 KB raw, 6.6 KB brotli, against 19 KB and
// 5.0 KB minified) and updates each file's integrity hash in index.html.
// scripts/csp.mjs runs after it and verifies every hash.
//   node scripts/minify-js.mjs [dist]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { minify } from 'terser';

const dist = process.argv[2] || 'dist';
const htmlPath = join(dist, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

for (const file of readdirSync(dist).filter((f) => f.endsWith('.js'))) {
  const path = join(dist, file);
  const source = readFileSync(path, 'utf8');
  // Exports stay: index.html imports the module as a whole.
  const { code } = await minify(source, { module: true, compress: { passes: 2 }, format: { comments: false } });
  const before = sri(Buffer.from(source));
  if (!html.includes(before)) {
    console.error(`minify-js: ${file}: index.html does not reference it with integrity ${before}`);
    process.exit(1);
  }
  writeFileSync(path, code);
  html = html.replaceAll(before, sri(Buffer.from(code)));
  console.log(`minify-js: ${file}: ${source.length} -> ${code.length} bytes`);
}
writeFileSync(htmlPath, html);
