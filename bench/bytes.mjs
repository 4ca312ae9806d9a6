// Reports every shipped file of dist/ with its raw, gzip and brotli size,
// then what each page loads: the calculator's first load (index.html and
// the files it references) and the ticket audit (audit.html, its files and
// its worker script), and fails when a brotli total exceeds its budget.
//   node bench/bytes.mjs [--dist dist] [--budget 150000] [--audit-budget 150000]
//   (a budget of 0: report only)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { attr } from '../scripts/html.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dist = option('dist', 'dist');
const budgets = { 'first load': Number(option('budget', '150000')), audit: Number(option('audit-budget', '150000')) };
// The audit page's worker script (scripts/csp.mjs: WORKERS).
const WORKERS = { 'audit.html': ['audit-worker.js'] };

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const rows = files(dist).sort().map((path) => {
  const bytes = readFileSync(path);
  return {
    file: relative(dist, path),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
});
const sum = (list) =>
  list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const pad = (v, n) => String(v).padStart(n);
const line = (name, r) => console.log(`${name.padEnd(40)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)}`);
console.log(`${'file'.padEnd(40)} ${pad('raw', 9)} ${pad('gzip', 9)} ${pad('brotli', 9)}`);
for (const r of rows) line(r.file, r);
line('total', sum(rows));

// What a page loads: the page, the scripts, wasm and styles it references, its workers.
function loads(page) {
  const html = readFileSync(join(dist, page), 'utf8');
  const names = new Set([page, ...(WORKERS[page] ?? [])]);
  for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*>/g)) {
    const url = attr(tag, 'href') ?? attr(tag, 'src');
    if (url && /\.(?:js|wasm|css)$/.test(url)) names.add(url.split('/').pop());
  }
  return rows.filter((r) => names.has(r.file));
}

let over = false;
for (const [what, page] of [
  ['first load', 'index.html'],
  ['audit', 'audit.html'],
]) {
  if (!existsSync(join(dist, page))) continue;
  const parts = loads(page);
  const total = sum(parts);
  const kinds = ['wasm', 'js', 'html']
    .map((ext) => `${ext} ${sum(parts.filter((r) => r.file.endsWith(`.${ext}`))).brotli}`)
    .join('; ');
  console.log(`${what} (${page}): brotli ${total.brotli} bytes (${kinds}); gzip ${total.gzip}, raw ${total.raw}`);
  const budget = budgets[what];
  if (budget > 0) {
    console.log(`${what}: budget ${budget} bytes (${((100 * total.brotli) / budget).toFixed(1)}% used)`);
    if (total.brotli > budget) {
      console.error(`${what}: over budget by ${total.brotli - budget} bytes`);
      over = true;
    }
  }
}
if (over) process.exit(1);
