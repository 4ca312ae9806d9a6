// The audit's worker: runs the page's wasm (src/ui/audit/client.rs says how).
onmessage = async (e) => {
  onmessage = null;
  const g = await import(e.data.glue);
  await g.default({ module_or_path: e.data.module });
};
