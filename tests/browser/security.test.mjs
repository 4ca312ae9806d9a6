// Security: script injection through every URL parameter and through
// localStorage never executes and never becomes markup; the page carries a
// Content-Security-Policy and integrity hashes on everything it loads.
import { test, assert } from './lib.mjs';

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=1</script>',
  "javascript:window.__pwned=1",
  '<svg onload="window.__pwned=1"></svg>',
];
const PARAMS = ['vendor', 'package', 'region', 'severity', 'opened', 'pause', 'tz', 'opened_tz', 'hours', 'embed', 'service', 'days', 'flag', 'holiday', 'view', 'theme'];

async function assertInert(t, what) {
  // Give any injected handler a chance to run.
  await t.page.waitForTimeout(50);
  const state = await t.page.evaluate(() => ({
    pwned: window.__pwned === 1,
    injected:
      document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]').length +
      [...document.scripts].filter((s) => s.textContent.includes('__pwned')).length,
  }));
  assert.equal(state.pwned, false, `${what}: injected script ran`);
  assert.equal(state.injected, 0, `${what}: injected markup reached the DOM`);
}

for (const param of PARAMS) {
  test(`injection through ?${param}= stays text`, async (t) => {
    for (const payload of PAYLOADS) {
      const query = new URLSearchParams({ vendor: 'threepbx', package: 'standard', severity: '1', [param]: payload });
      await t.openApp(`?${query}`, { selector: '.layout' });
      await assertInert(t, `${param}=${payload}`);
      if (param !== 'embed') {
        // A rejected value is reported in words, and the view still works.
        const alert = await t.page.locator('[role="alert"]').allTextContents();
        assert.ok(alert.join(' ').length > 0, `${param}=${payload}: a message names the bad parameter`);
      }
      assert.ok((await t.page.locator('[data-target]').count()) > 0, `${param}: the view still shows targets`);
    }
  });
}

test('injection through localStorage stays text', async (t) => {
  await t.openApp('', { selector: '.layout' });
  await t.page.evaluate((payload) => {
    for (let i = 0; i < localStorage.length; i++) localStorage.setItem(localStorage.key(i), payload);
    localStorage.setItem('sla-calculator', payload);
  }, PAYLOADS[0]);
  await t.openApp('', { selector: '.layout' });
  await assertInert(t, 'localStorage');
  assert.ok((await t.page.locator('[data-target]').count()) > 0, 'the view still shows targets');
});

test('the page has a strict CSP and integrity on every asset', async (t) => {
  await t.openApp('', { selector: '.layout' });
  const csp = await t.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.ok(csp, 'a CSP meta element exists');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(csp, /unsafe-inline|https?:|\*/, 'no inline allowance or outside origin');
  const unhashed = await t.page.$$eval('link[href], script[src]', (nodes) =>
    nodes.filter((n) => /\.(js|wasm|css)$/.test(n.getAttribute('href') || n.getAttribute('src') || '') && !n.integrity).map((n) => n.outerHTML),
  );
  assert.deepEqual(unhashed, [], 'every script, style and preload carries an integrity hash');
  // An inline script the CSP does not pin must not run.
  const ran = await t.page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 20));
    return window.__inline === 1;
  });
  assert.equal(ran, false, 'an unpinned inline script is blocked');
}, { allowConsoleErrors: true });
