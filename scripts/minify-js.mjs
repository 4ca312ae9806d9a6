// Post-build: fits the JS Trunk ships to the wasm it loads, minifies it
// (Trunk's release `minify` leaves the wasm-bindgen glue whole: 41 KB raw,
// 6.6 KB brotli, against 19 KB and 5.0 KB minified) and updates each file's
// integrity hash in index.html. scripts/csp.mjs runs after it and verifies
// every hash.
//
// Fitting: wasm-opt removes exports that nothing in this app calls (see
// `data-wasm-opt-params` in index.html), so the glue's classes for them are
// dead and are dropped. The build fails if the glue still calls an export
// that is gone, or uses what was dropped.
//   node scripts/minify-js.mjs [dist]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parse } from 'acorn';
import { minify } from 'terser';

const dist = process.argv[2] || 'dist';
const htmlPath = join(dist, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const fail = (message) => {
  console.error(`minify-js: ${message}`);
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

const wasmFiles = readdirSync(dist).filter((f) => f.endsWith('.wasm'));
if (wasmFiles.length !== 1) fail(`expected one .wasm file in ${dist}, found ${wasmFiles.length}`);
const wasm = new WebAssembly.Module(readFileSync(join(dist, wasmFiles[0])));
const exported = new Set(WebAssembly.Module.exports(wasm).map((e) => e.name));

for (const file of readdirSync(dist).filter((f) => f.endsWith('.js'))) {
  const path = join(dist, file);
  const source = readFileSync(path, 'utf8');
  let fitted;
  try {
    fitted = fitGlue(source, exported);
  } catch (e) {
    fail(`${file}: ${e.message}`);
  }
  // Exports stay: index.html imports the module as a whole.
  const { code } = await minify(fitted.code, { module: true, compress: { passes: 2 }, format: { comments: false } });
  const before = sri(Buffer.from(source));
  if (!html.includes(before)) fail(`${file}: index.html does not reference it with integrity ${before}`);
  writeFileSync(path, code);
  html = html.replaceAll(before, sri(Buffer.from(code)));
  const dropped = fitted.dropped.length ? `; dropped ${fitted.dropped.join(', ')}` : '';
  console.log(`minify-js: ${file}: ${source.length} -> ${code.length} bytes${dropped}`);
}
writeFileSync(htmlPath, html);
