// Post-build: starts the wasm download right after the first paint instead
// of from a <link rel=preload> in the head. The first view is static HTML
// with the CSS inlined, so nothing the first paint needs waits on the wasm,
// and the download still starts one round trip before the JS glue would
// request it. Trunk's preload would let Lighthouse's simulation (which
// counts every request started before the largest paint) charge the whole
// wasm to that paint.
//   - removes Trunk's wasm preload link, keeping its URL and integrity hash;
//   - adds an inline script that fetches the wasm (with that integrity) as
//     soon as the first paint is reported, unless the loader asked first;
//   - points Trunk's loader at that one fetch.
// scripts/csp.mjs runs after it, pins the inline scripts by hash and checks
// every integrity hash.
//   node scripts/defer-wasm.mjs [dist]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { attr } from './html.mjs';

const dist = process.argv[2] || 'dist';
const path = join(dist, 'index.html');
let html = readFileSync(path, 'utf8');
const fail = (what) => {
  console.error(`defer-wasm: ${path}: ${what} (has Trunk's output changed?)`);
  process.exit(1);
};

const preloads = [...html.matchAll(/<link\b[^>]*\brel="?preload"?[^>]*>/g)].map((m) => m[0]).filter((tag) => /\.wasm\b/.test(attr(tag, 'href') ?? ''));
if (preloads.length !== 1) fail(`expected one wasm preload link, found ${preloads.length}`);
const [preload] = preloads;
const href = attr(preload, 'href');
const integrity = attr(preload, 'integrity');
if (!integrity) fail(`the wasm preload of ${href} has no integrity hash`);
html = html.replace(preload, '');

const loaderCall = `init({ module_or_path: '${href}' })`;
if (html.split(loaderCall).length !== 2) fail(`expected Trunk's loader to call ${loaderCall} once`);
html = html.replace(loaderCall, 'init({ module_or_path: self.slaWasm() })');

// Whichever asks first starts the one download: the first paint, once the
// browser reports it (its presentation can come after the next task starts,
// so a timer is not enough), or the loader (a background tab paints nothing).
const starter =
  `<script>self.slaWasm=()=>self.slaWasmResponse??=fetch(${JSON.stringify(href)},{integrity:${JSON.stringify(integrity)}});` +
  'try{new PerformanceObserver((_,o)=>{o.disconnect();slaWasm()}).observe({type:"paint",buffered:!0})}catch{slaWasm()}</script>';
const loader = html.indexOf('<script type=module>');
if (loader < 0) fail("Trunk's module loader script is missing");
html = html.slice(0, loader) + starter + html.slice(loader);

writeFileSync(path, html);
console.log(`defer-wasm: ${href} starts downloading after the first paint`);
