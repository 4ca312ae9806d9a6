// Post-build: fits the JS glue Trunk ships to the wasm it loads, and
// updates each file's integrity hash in the page that loads it. scripts/csp.mjs runs
// after it and verifies every hash.
//
// The site build links the wasm without exports that nothing in this app
// calls (scripts/link-wasm.sh), so the glue's classes for them are dead and
// are dropped. The build fails if the glue still calls an export that is
// gone, or uses what was dropped.
//
// Then the wasm's import and export names become short ones, in the wasm
// and in the glue, and the wasm loses its custom sections
// (scripts/wasm-compact.mjs says why); its integrity hash is updated too.
// Last, the glue is minified with terser (about 1.2 KB brotli a page).
//   node scripts/fit-glue.mjs [dist]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parse } from 'acorn';
import { minify } from 'terser';
import { compactModule } from './wasm-compact.mjs';
import { attr } from './html.mjs';

const dist = process.argv[2] || 'dist';
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const fail = (message) => {
  console.error(`fit-glue: ${message}`);
  process.exit(1);
};

// Every node below `node`, depth first.
function* nodes(node) {
  if (!node || typeof node.type !== 'string') return;
  yield node;
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child.type === 'string') yield* nodes(child);
    }
  }
}

// The names `wasm.<name>` reads below `node`.
const wasmReads = (node) =>
  [...nodes(node)]
    .filter((n) => n.type === 'MemberExpression' && n.object.type === 'Identifier' && n.object.name === 'wasm' && !n.computed)
    .map((n) => n.property.name);

// A top-level statement without its `export`.
const unwrap = (s) => (s.type === 'ExportNamedDeclaration' && s.declaration ? s.declaration : s);

// The names a top-level statement declares (classes, functions, variables).
function declared(statement) {
  const s = unwrap(statement);
  if (s.type === 'ClassDeclaration' || s.type === 'FunctionDeclaration') return [s.id.name];
  if (s.type === 'VariableDeclaration') return s.declarations.flatMap((d) => (d.id.type === 'Identifier' ? [d.id.name] : []));
  return [];
}

/**
 * The glue without the classes and registries that call missing exports,
 * nor the statements that only set those up (`if (Symbol.dispose) ...`).
 * Any other code that calls a missing export is an error: the app needs it.
 */
function fitGlue(source, exported) {
  const ast = parse(source, { ecmaVersion: 'latest', sourceType: 'module' });
  const cut = new Set(
    ast.body.filter((s) => {
      const kind = unwrap(s).type;
      const dead = wasmReads(s).some((name) => !exported.has(name));
      return dead && (kind === 'ClassDeclaration' || kind === 'VariableDeclaration');
    }),
  );
  const gone = new Set([...cut].flatMap(declared));
  for (const s of ast.body) {
    const setup = declared(s).length === 0 && unwrap(s).type !== 'ExportDefaultDeclaration';
    if (!cut.has(s) && setup && [...nodes(s)].some((n) => n.type === 'Identifier' && gone.has(n.name))) cut.add(s);
  }
  const kept = ast.body.filter((s) => !cut.has(s));
  const stillMissing = kept.flatMap(wasmReads).filter((name) => !exported.has(name));
  if (stillMissing.length) throw new Error(`the glue calls wasm exports that are gone: ${[...new Set(stillMissing)].join(', ')}`);
  const stillUsed = kept.flatMap((s) => [...nodes(s)]).filter((n) => n.type === 'Identifier' && gone.has(n.name));
  if (stillUsed.length) throw new Error(`the glue still uses what was dropped: ${[...new Set(stillUsed.map((n) => n.name))].join(', ')}`);
  let out = '';
  let at = 0;
  for (const statement of ast.body.filter((s) => cut.has(s))) {
    out += source.slice(at, statement.start);
    at = statement.end;
  }
  return { code: out + source.slice(at), dropped: [...gone] };
}

/**
 * The glue renamed to the wasm's short names (scripts/wasm-compact.mjs): each
 * `wasm.<export>` read, the import object's key for the module and the
 * keys of that module's functions; functions the wasm does not import are
 * dropped. Fails unless every import is provided.
 */
function renameGlue(source, names) {
  const ast = parse(source, { ecmaVersion: 'latest', sourceType: 'module' });
  const all = [...nodes(ast)];
  const edits = [];
  for (const n of all) {
    if (n.type === 'MemberExpression' && n.object.type === 'Identifier' && n.object.name === 'wasm' && !n.computed) {
      const name = names.exports.get(n.property.name);
      if (!name) throw new Error(`the glue calls a wasm export that is gone: ${n.property.name}`);
      edits.push([n.property.start, n.property.end, name]);
    }
  }
  const keyOf = (p) => (p.key.type === 'Identifier' ? p.key.name : p.key.value);
  for (const [module, fields] of names.imports) {
    const entries = all.filter((n) => n.type === 'Property' && !n.computed && keyOf(n) === module && n.value.type === 'Identifier');
    if (entries.length !== 1) throw new Error(`expected one import object entry for module ${module}, found ${entries.length}`);
    const [entry] = entries;
    edits.push([entry.key.start, entry.key.end, names.modules.get(module)]);
    const objects = all.filter((n) => n.type === 'VariableDeclarator' && n.id.name === entry.value.name && n.init?.type === 'ObjectExpression');
    if (objects.length !== 1) throw new Error(`expected one object literal named ${entry.value.name} (the imports of ${module})`);
    const provided = new Set();
    for (const p of objects[0].init.properties) {
      if (p.type !== 'Property' || p.computed || keyOf(p) === '__proto__') continue;
      if (fields.has(keyOf(p))) {
        provided.add(keyOf(p));
        edits.push([p.key.start, p.key.end, fields.get(keyOf(p))]);
      } else {
        // A function the wasm no longer imports (the linker or wasm-opt removed its last caller).
        const comma = source.slice(p.end).match(/^\s*,/);
        edits.push([p.start, p.end + (comma ? comma[0].length : 0), '']);
      }
    }
    const missing = [...fields.keys()].filter((f) => !provided.has(f));
    if (missing.length) throw new Error(`the glue provides no ${module} import named ${missing.join(', ')}`);
  }
  edits.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end, text] of edits) {
    out += source.slice(at, start) + text;
    at = end;
  }
  return out + source.slice(at);
}

// Each page (index.html, and the audit's audit.html) ships one wasm and its
// glue; the files a page references are fitted together.
const referenced = (html, ext) =>
  [...new Set([...html.matchAll(/<(?:link|script)\b[^>]*>/g)].map(([tag]) => attr(tag, 'href') ?? attr(tag, 'src')))]
    .filter((url) => url && url.endsWith(ext))
    .map((url) => url.split('/').pop());

const pages = readdirSync(dist).filter((f) => f.endsWith('.html'));
if (!pages.includes('index.html')) fail(`no index.html in ${dist}`);
const fitted = new Set();
for (const page of pages) {
  const htmlPath = join(dist, page);
  let html = readFileSync(htmlPath, 'utf8');
  const wasmFiles = referenced(html, '.wasm');
  if (wasmFiles.length !== 1) fail(`${page}: expected one referenced .wasm file, found ${wasmFiles.length}`);
  const wasmPath = join(dist, wasmFiles[0]);
  const wasmBytes = readFileSync(wasmPath);
  const names = compactModule(wasmBytes);
  const exported = new Set(names.exports.keys());
  if (!WebAssembly.validate(names.bytes)) fail(`${wasmFiles[0]}: not valid once compacted`);
  // wasm-opt ran with --low-memory-unused (index.html, audit.html): it may
  // fold constant offsets into loads and stores as if nothing lives in the
  // lowest 1 KiB. rustc places the stack first and the data above it; if
  // static data ever starts lower, that assumption is wrong and the flag
  // must go.
  if (names.dataStart < 1024) {
    fail(`${wasmFiles[0]}: data starts at ${names.dataStart}, inside the low 1 KiB that wasm-opt --low-memory-unused assumes unused; remove the flag from ${page}`);
  }

  for (const file of referenced(html, '.js')) {
    const path = join(dist, file);
    const source = readFileSync(path, 'utf8');
    let glue;
    try {
      glue = fitGlue(source, exported);
    } catch (e) {
      fail(`${file}: ${e.message}`);
    }
    let code;
    try {
      code = renameGlue(glue.code, names);
    } catch (e) {
      fail(`${file}: ${e.message}`);
    }
    // Trunk's own minifier gives up on the glue (it ships it whole).
    // Properties are never mangled: `wasm.<export>` and the import keys
    // must keep the names the wasm has.
    const minified = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
    if (!minified.code) fail(`${file}: terser returned nothing`);
    code = minified.code;
    const before = sri(Buffer.from(source));
    if (!html.includes(before)) fail(`${file}: ${page} does not reference it with integrity ${before}`);
    writeFileSync(path, code);
    fitted.add(file);
    html = html.replaceAll(before, sri(Buffer.from(code)));
    const dropped = glue.dropped.length ? `; dropped ${glue.dropped.join(', ')}` : '';
    console.log(`fit-glue: ${file}: ${source.length} -> ${code.length} bytes${dropped}`);
  }
  // The file keeps its name: Trunk's hash in it stays a function of the
  // content, as this renaming is.
  const wasmBefore = sri(wasmBytes);
  if (!html.includes(wasmBefore)) fail(`${wasmFiles[0]}: ${page} does not reference it with integrity ${wasmBefore}`);
  writeFileSync(wasmPath, names.bytes);
  fitted.add(wasmFiles[0]);
  html = html.replaceAll(wasmBefore, sri(names.bytes));
  console.log(`fit-glue: ${wasmFiles[0]}: ${wasmBytes.length} -> ${names.bytes.length} bytes (short import and export names, no custom sections)`);
  writeFileSync(htmlPath, html);
}
// A wasm or glue no page references would ship unfitted.
const stray = readdirSync(dist).filter((f) => (f.endsWith('.wasm') || /^[^.]+-[0-9a-f]{16}\.js$/.test(f)) && !fitted.has(f));
if (stray.length) fail(`shipped but no page references them: ${stray.join(', ')}`);
