// Compacts what a wasm module carries besides its code and data:
//   - the names it imports and exports become short ones. wasm-bindgen names
//     each import after its JS function plus a 16-hex-digit hash
//     (`__wbg_append_8c3f0a1b2d4e5f60`); the wasm and its JS glue both carry
//     every name, and compression cannot fold the hashes. scripts/fit-glue.mjs
//     renames the glue to match;
//   - custom sections (producers, target features, leptos' wasm-split
//     markers) are dropped: no browser reads them.
//   import { compactModule } from './wasm-compact.mjs';

const CUSTOM = 0;
const IMPORT = 2;
const EXPORT = 7;
const DATA = 11;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function reader(bytes) {
  let at = 0;
  const r = {
    get at() {
      return at;
    },
    byte() {
      if (at >= bytes.length) throw new Error('the wasm ends inside a section');
      return bytes[at++];
    },
    u32() {
      let value = 0;
      for (let shift = 0; ; shift += 7) {
        const b = r.byte();
        value += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return value;
      }
    },
    name() {
      const length = r.u32();
      const text = utf8.decode(bytes.subarray(at, at + length));
      at += length;
      return text;
    },
    skip(count) {
      at += count;
    },
    // A signed LEB128 of up to 32 bits (an i32.const).
    s32() {
      let value = 0;
      let shift = 0;
      let b;
      do {
        b = r.byte();
        value |= (b & 0x7f) << shift;
        shift += 7;
      } while (b & 0x80);
      return shift < 32 && b & 0x40 ? value | (-1 << shift) : value;
    },
    limits() {
      const flags = r.byte();
      r.u32();
      if (flags & 1) r.u32();
    },
  };
  return r;
}

const u32 = (value) => {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return out;
};
const name = (text) => {
  const encoded = new TextEncoder().encode(text);
  return [...u32(encoded.length), ...encoded];
};

// The `index`th short name: a, b, ..., Z, aa, ab, ... (letters only, so
// each is also a JS identifier).
function shortName(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let text = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / letters.length)) {
    text = letters[(n - 1) % letters.length] + text;
  }
  return text;
}

// Skips the description of an import of `kind` (function, table, memory, global, tag).
function skipImport(r, kind) {
  if (kind === 0 || kind === 4) {
    if (kind === 4) r.byte();
    r.u32();
  } else if (kind === 1) {
    r.byte();
    r.limits();
  } else if (kind === 2) {
    r.limits();
  } else if (kind === 3) {
    r.byte();
    r.byte();
  } else {
    throw new Error(`unknown import kind ${kind}`);
  }
}

// The lowest offset of the data section's active segments. Each offset must
// be an `i32.const`, as rustc and wasm-opt write them.
function lowestSegment(r) {
  let lowest = Infinity;
  for (let count = r.u32(); count > 0; count--) {
    const flags = r.u32();
    if (flags === 1) {
      r.skip(r.u32());
      continue;
    }
    if (flags === 2) r.u32();
    else if (flags !== 0) throw new Error(`data segment with flags ${flags}`);
    if (r.byte() !== 0x41) throw new Error('a data segment offset that is not an i32.const');
    const offset = r.s32() >>> 0;
    if (r.byte() !== 0x0b) throw new Error('a data segment offset that is more than an i32.const');
    lowest = Math.min(lowest, offset);
    r.skip(r.u32());
  }
  return lowest;
}

/**
 * The module with short import module names, import names and export
 * names and without custom sections, and the renames: `modules` and
 * `exports` map old to new names, `imports` maps each old module name to a
 * map of its imports' names; `dataStart`, the lowest address an active data
 * segment is placed at (Infinity without any).
 */
export function compactModule(bytes) {
  const r = reader(bytes);
  for (let i = 0; i < 8; i++) r.byte();
  const modules = new Map();
  const imports = new Map();
  const exports = new Map();
  let dataStart = Infinity;
  const parts = [bytes.subarray(0, 8)];
  while (r.at < bytes.length) {
    const sectionStart = r.at;
    const id = r.byte();
    const size = r.u32();
    const start = r.at;
    const end = start + size;
    if (id === DATA) dataStart = lowestSegment(reader(bytes.subarray(start, end)));
    if (id !== IMPORT && id !== EXPORT) {
      r.skip(size);
      if (id !== CUSTOM) parts.push(bytes.subarray(sectionStart, end));
      continue;
    }
    const body = [];
    const count = r.u32();
    body.push(...u32(count));
    const copyFrom = (from) => body.push(...bytes.subarray(from, r.at));
    for (let i = 0; i < count; i++) {
      if (id === IMPORT) {
        const module = r.name();
        if (!modules.has(module)) {
          modules.set(module, shortName(modules.size));
          imports.set(module, new Map());
        }
        const fields = imports.get(module);
        const field = r.name();
        if (fields.has(field)) throw new Error(`${module} ${field} is imported twice`);
        fields.set(field, shortName(fields.size));
        body.push(...name(modules.get(module)), ...name(fields.get(field)));
        const from = r.at;
        skipImport(r, r.byte());
        copyFrom(from);
      } else {
        const field = r.name();
        exports.set(field, shortName(exports.size));
        body.push(...name(exports.get(field)));
        const from = r.at;
        r.byte();
        r.u32();
        copyFrom(from);
      }
    }
    if (r.at !== end) throw new Error(`section ${id} is ${size} bytes but its entries end at ${r.at - start}`);
    parts.push(Uint8Array.from([id, ...u32(body.length), ...body]));
  }
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return { bytes: out, modules, imports, exports, dataStart };
}
