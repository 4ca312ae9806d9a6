// Reports every shipped file of dist/ with its raw, gzip and brotli size and
// fails when the brotli total exceeds the budget.
//   node bench/bytes.mjs [--dist dist] [--budget 150000]   (--budget 0: report only)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dist = option('dist', 'dist');
const budget = Number(option('budget', '150000'));

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
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
  raw: 0,
  gzip: 0,
  brotli: 0,
});
const pad = (v, n) => String(v).padStart(n);
console.log(`${'file'.padEnd(40)} ${pad('raw', 9)} ${pad('gzip', 9)} ${pad('brotli', 9)}`);
for (const r of rows) console.log(`${r.file.padEnd(40)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)}`);
console.log(`${'total'.padEnd(40)} ${pad(total.raw, 9)} ${pad(total.gzip, 9)} ${pad(total.brotli, 9)}`);
if (budget > 0) {
  console.log(`brotli total ${total.brotli} bytes; budget ${budget} bytes (${((100 * total.brotli) / budget).toFixed(1)}% used)`);
}
if (budget > 0 && total.brotli > budget) {
  console.error(`over budget by ${total.brotli - budget} bytes`);
  process.exit(1);
}
