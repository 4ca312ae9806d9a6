// Smoke test: the app loads under a sub-path, mounts, and logs no errors.
import { test, assert } from './lib.mjs';

test('app mounts under the sub-path without errors', async (t) => {
  await t.openApp();
  assert.equal(await t.text('main h1'), 'SLA calculator');
  assert.equal(await t.page.title(), 'SLA calculator');
  assert.equal(await t.page.getAttribute('html', 'lang'), 'en');
  assert.ok(
    (await t.page.getAttribute('meta[name="description"]', 'content'))?.length > 0,
    'meta description is set',
  );
  assert.deepEqual(t.consoleErrors, [], 'no console errors');
  assert.deepEqual(t.externalRequests, [], 'no request left the origin');
});

test('app is served from the sub-path (assets resolve relative to it)', async (t) => {
  const loaded = [];
  t.page.on('response', (res) => loaded.push(new URL(res.url()).pathname));
  await t.openApp();
  const base = new URL(t.appUrl).pathname;
  const wasm = loaded.filter((p) => p.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `exactly one .wasm loaded (got ${JSON.stringify(wasm)})`);
  for (const p of loaded) assert.ok(p.startsWith(base), `${p} is under ${base}`);
});
