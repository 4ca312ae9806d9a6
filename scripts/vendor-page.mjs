// Post-build step of a one-vendor site (SLA_VENDORS with one id): the
// static header (the first paint, before the wasm) and the page title name
// the vendor. Usage: node scripts/vendor-page.mjs DIST "Vendor name"
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dist, name] = process.argv.slice(2);
if (!dist || !name) {
  console.error('usage: node scripts/vendor-page.mjs DIST "Vendor name"');
  process.exit(2);
}
const file = join(dist, 'index.html');
const html = readFileSync(file, 'utf8');
const escaped = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
let out = html;
for (const tag of ['title', 'h1']) {
  const from = `<${tag}>SLA calculator</${tag}>`;
  const count = out.split(from).length - 1;
  if (count !== 1) {
    console.error(`error: ${file}: expected one ${from}, found ${count} (index.html changed shape?)`);
    process.exit(1);
  }
  out = out.replace(from, `<${tag}>${escaped} SLA calculator</${tag}>`);
}
writeFileSync(file, out);
console.log(`    header and title: ${name} SLA calculator`);
