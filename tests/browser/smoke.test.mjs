// Smoke test: the app loads under a sub-path, mounts, and logs no errors.
import { test, assert } from './lib.mjs';

test('app mounts under the sub-path without errors', async (t) => {
  // The header is static HTML; the deadlines mean the app has mounted.
  await t.openApp('', { selector: '[data-target]' });
  assert.equal(await t.text('main h1'), 'SLA calculator');
  // Written by an effect, just after the first render.
  await t.page.waitForFunction(() => /^.+, .+, .+ \u2013 SLA calculator$/.test(document.title));
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

// The first paint needs no request but the page (the style sheet is inline),
// and the wasm download starts from the preload in the head, while the page
// is parsed, without waiting for the JS glue to ask for it.
test('the wasm download starts from the preload, before the JS glue asks', async (t) => {
  await t.openApp('', { selector: '[data-target]' });
  const resources = await t.page.evaluate(() =>
    performance.getEntriesByType('resource').map((r) => [r.name.split('/').pop(), r.initiatorType, r.startTime, r.responseEnd]),
  );
  const named = (ending) => resources.filter(([name]) => name.endsWith(ending));
  assert.deepEqual(named('.css'), [], 'no style sheet request');
  const wasm = named('.wasm');
  const [glue] = named('.js');
  assert.equal(wasm.length, 1, `one wasm download (got ${JSON.stringify(resources)})`);
  const [[, initiator, start]] = wasm;
  assert.equal(initiator, 'link', 'the preload link started the wasm download');
  assert.ok(start < glue[3], `the wasm started at ${start} ms, before the glue arrived at ${glue[3]} ms`);
});

// The header is real HTML in index.html, painted before the wasm arrives;
// the embed view hides it (but for a screen-reader heading) from first paint.
for (const [path, shown] of [['', true], ['?embed=1', false]]) {
  test(`first paint, before the wasm, ${shown ? 'shows' : 'hides'} the header (${path || 'no query'})`, async (t) => {
    // Hold the wasm back: the page as painted before it arrives.
    await t.page.route('**/*.wasm', () => {});
    await t.page.goto(new URL(path, t.appUrl).href, { waitUntil: 'domcontentloaded' });
    assert.equal(await t.page.locator('h1').textContent(), 'SLA calculator');
    assert.equal(await t.page.locator('.lede').isVisible(), shown);
    assert.equal(await t.page.locator('.layout').count(), 0, 'the app did not mount');
  });
}

test('the app mounts after the static header, once', async (t) => {
  await t.openApp();
  assert.equal(await t.page.locator('h1').count(), 1);
  const order = await t.page.$$eval('#main > *', (nodes) => nodes.map((n) => n.className || n.tagName));
  assert.equal(order[0], 'page-header', `main starts with the header: ${order}`);
  assert.ok(order.includes('layout'), `main holds the app: ${order}`);
});

// The first render is one short task per part (ui::staged), in page order:
// a tap during load waits for one part at most, and no part is inserted
// above one already on screen. A mutation observer's callback runs once
// per task that changed the page, so each part must arrive in a later one.
test('the first render comes in parts, one task each, in page order', async (t) => {
  const parts = [
    '#f-vendor',
    'fieldset.severity',
    '#f-opened',
    'fieldset.pauses',
    '#f-tz',
    'details.holidays',
    '#h-support',
    '#h-deadlines',
    '#h-share',
    'fieldset.view-switch',
    '#h-charges',
    '.page-footer',
  ];
  await t.page.addInitScript((parts) => {
    window.partsSeen = {};
    let task = 0;
    new MutationObserver(() => {
      task += 1;
      for (const p of parts) {
        if (!(p in window.partsSeen) && document.querySelector(p)) window.partsSeen[p] = task;
      }
    }).observe(document, { childList: true, subtree: true });
  }, parts);
  await t.openApp('', { selector: '.page-footer' });
  const seen = await t.page.evaluate(() => window.partsSeen);
  for (let i = 1; i < parts.length; i++) {
    const [before, after] = [parts[i - 1], parts[i]];
    assert.ok(seen[after] > seen[before], `${after} arrived after ${before} (${JSON.stringify(seen)})`);
  }
});

test('without JavaScript, the page says what it needs', async (t) => {
  const context = await t.page.context().browser().newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(t.appUrl);
    assert.equal(await page.locator('h1').textContent(), 'SLA calculator');
    assert.match(await page.locator('main').innerText(), /needs JavaScript and WebAssembly/);
  } finally {
    await context.close();
  }
});
