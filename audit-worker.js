// The audit's Web Worker. It runs the page's own wasm: the page posts
// { glue, module } (its JS glue's URL and its compiled WebAssembly.Module),
// and the wasm's start function, seeing no window, becomes the worker
// (src/bin/audit.rs) and posts "ready" before the page sends any work.
onmessage = async (e) => {
  onmessage = null;
  const bindings = await import(e.data.glue);
  await bindings.default({ module_or_path: e.data.module });
};
