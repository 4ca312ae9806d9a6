// Where the wasm's bytes are: its sections, its code by crate (from the
// name section) and its largest functions. twiggy 0.7 panics on this wasm.
// The shipped wasm has no names; make a named copy of the same build first:
//   node_modules/.bin/wasm-opt -Oz -g --enable-bulk-memory --enable-multivalue \
//     --enable-mutable-globals --enable-nontrapping-float-to-int \
//     --enable-reference-types --enable-sign-ext \
//     $CARGO_TARGET_DIR/wasm-bindgen/release/app_bg.wasm -o named.wasm
//   node bench/wasm-breakdown.mjs named.wasm [--top 40]
// (scripts/build-site.sh keeps the symbol names in that file.) "brotli
// alone" compresses each part by itself, so the parts add up to more than
// the whole.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const top = Number(args.includes('--top') ? args[args.indexOf('--top') + 1] : 40);
const bytes = readFileSync(args[0]);
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

let at = 8;
const u32 = () => {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return value;
  }
};
const name = () => {
  const n = u32();
  const text = bytes.subarray(at, at + n).toString('utf8');
  at += n;
  return text;
};
const limits = () => (u32() & 1 ? (u32(), u32()) : u32());

let imported = 0;
const bodies = [];
const names = new Map();
console.log('section\traw\tbrotli alone');
while (at < bytes.length) {
  const id = bytes[at++];
  const size = u32();
  const start = at;
  const end = start + size;
  const label = id === 0 ? `custom ${name()}` : ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'data count', 'tag'][id];
  console.log(`${label}\t${size}\t${br(bytes.subarray(start, end))}`);
  if (id === 2) {
    for (let n = u32(); n > 0; n--) {
      name();
      name();
      const kind = bytes[at++];
      if (kind === 0) (u32(), imported++);
      else if (kind === 1) (at++, limits());
      else if (kind === 2) limits();
      else if (kind === 3) at += 2;
      else throw new Error(`import kind ${kind}`);
    }
  } else if (id === 10) {
    for (let n = u32(); n > 0; n--) {
      const s = u32();
      bodies.push(bytes.subarray(at, at + s));
      at += s;
    }
  } else if (label === 'custom name') {
    while (at < end) {
      const sub = bytes[at++];
      const subEnd = u32() + at;
      if (sub === 1) for (let n = u32(); n > 0; n--) names.set(u32(), name());
      at = subEnd;
    }
  }
  at = end;
}
if (names.size === 0) throw new Error(`${args[0]} has no function names (wasm-opt -g keeps them)`);

// The crate a function belongs to; generic code of a library compiled for
// the app's own types is counted apart, and sla's by module.
function group(full) {
  const n = full.replace(/\[[0-9a-f]{16}\]/g, '').replace(/^<+/, '').replace(/^(dyn |impl |&mut |&|\*const |\*mut |\[)/, '');
  const forApp = /\bsla::/.test(n) ? ' (for app types)' : '';
  if (n.startsWith('core::ptr::drop_in_place')) return `drop glue${forApp}`;
  if (n.startsWith('sla::')) return n.split('::').slice(0, 2).join('::');
  if (n.startsWith('core::fmt')) return 'core::fmt';
  if (n.startsWith('_ as ')) return `${n.slice(5).split('::')[0]} (erased views and attributes)`;
  return (n.split('::')[0].split(/[< ]/)[0] || '?') + forApp;
}

const groups = new Map();
const all = bodies.map((body, i) => {
  const full = names.get(i + imported) ?? `function ${i + imported}`;
  const g = group(full);
  if (!groups.has(g)) groups.set(g, []);
  groups.get(g).push(body);
  return [body.length, full];
});
const total = all.reduce((sum, [s]) => sum + s, 0);
console.log(`\ncode: ${bodies.length} functions, ${total} B raw, ${br(Buffer.concat(bodies))} B brotli alone`);
console.log('\ngroup\tfunctions\traw\tbrotli alone');
for (const [g, parts] of [...groups].sort((a, b) => b[1].reduce((s, p) => s + p.length, 0) - a[1].reduce((s, p) => s + p.length, 0))) {
  console.log(`${g}\t${parts.length}\t${parts.reduce((s, p) => s + p.length, 0)}\t${br(Buffer.concat(parts))}`);
}
console.log(`\nlargest ${top} functions (raw)`);
for (const [s, n] of all.sort((a, b) => b[0] - a[0]).slice(0, top)) console.log(`${s}\t${n.replace(/\[[0-9a-f]{16}\]/g, '').slice(0, 160)}`);
