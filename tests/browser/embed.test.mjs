// Embed mode: no header or footer, one narrow column with the answers first
// and the inputs behind "Change ticket", the app's height posted to the
// parent window once laid out and whenever it changes, and the colours the
// host asks for (theme=light|dark).
import { test, assert, holdWasm } from './lib.mjs';
import { query } from './engine.mjs';

const EMBED = query({ vendor: 'threepbx', package: 'standard', severity: '2', opened: '2026-03-02T14:00:00Z', tz: 'UTC', embed: '1' });

/** Serves a host page at <app>/host.html (same origin) that frames `src`. */
async function openHost(t, body) {
  const hostUrl = new URL('host.html', t.appUrl).href;
  await t.page.route(hostUrl, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: `<!doctype html><html lang="en"><body>${body}</body></html>` }),
  );
  await t.page.goto(hostUrl);
}

test('embed=1 drops the header and footer and keeps the contract', async (t) => {
  await t.openApp(EMBED, { selector: '[data-target]' });
  assert.equal(await t.page.locator('html.embedded').count(), 1);
  assert.equal(await t.page.locator('footer').count(), 0);
  assert.equal(await t.page.locator('.lede').isVisible(), false, 'the introduction is hidden');
  // The page keeps a level-one heading for screen readers only.
  const box = await t.page.locator('h1').boundingBox();
  assert.ok(box.width <= 1 && box.height <= 1, 'the heading is visually hidden');
  assert.ok((await t.page.locator('[data-target] time[datetime]').count()) > 0);
  // The answers come first; the inputs wait behind "Change ticket".
  assert.equal(await t.page.locator('[data-strip] [data-target] time[datetime]').count(), 1);
  assert.equal(await t.page.locator('#ticket-form').isVisible(), false);
  await t.page.click('[data-action="change-ticket"]');
  // The link keeps embed=1 while the user works in the frame.
  await t.page.check('input[name="severity"][value="1"]');
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('severity') === '1');
  assert.equal(new URL(t.page.url()).searchParams.get('embed'), '1');
});

test('a narrow frame gets the height it needs once laid out, and updates when the content grows', async (t) => {
  await openHost(
    t,
    `<iframe id="sla" title="SLA calculator" src="./${EMBED}" style="width:360px;height:150px;border:0"></iframe>
     <script>
       window.heights = [];
       addEventListener('message', (e) => {
         if (e.data && e.data.type === 'sla-calculator:height') {
           window.heights.push(e.data.height);
           document.getElementById('sla').style.height = e.data.height + 'px';
         }
       });
     </script>`,
  );
  await t.page.waitForFunction(() => window.heights.length > 0, null, { timeout: 20000 });
  const frame = t.page.frameLocator('#sla');
  await frame.locator('[data-target]').first().waitFor();
  const measure = () =>
    t.page.evaluate(() => {
      const doc = document.getElementById('sla').contentDocument;
      return {
        posted: window.heights[window.heights.length - 1],
        app: Math.ceil(doc.getElementById('app').getBoundingClientRect().height),
        frame: document.getElementById('sla').getBoundingClientRect().height,
        scroll: doc.documentElement.scrollWidth,
      };
    });
  await t.page.waitForTimeout(300);
  let m = await measure();
  assert.equal(m.posted, m.app, 'the posted height is the app height');
  assert.equal(m.frame, m.posted, 'the parent sized the frame');
  assert.ok(m.scroll <= 360, `no horizontal scroll in a 360 px frame (${m.scroll})`);
  // The first message waits for the laid-out page: it is already its
  // height (no collapsed frame for an instant), and nothing follows it.
  assert.deepEqual(await t.page.evaluate(() => window.heights), [m.app], 'one message, the laid-out height');
  // More content: the comparison of all vendors.
  const before = m.posted;
  await frame.locator('input[name="view"][value="vendors"]').check();
  await t.page.waitForFunction((h) => window.heights[window.heights.length - 1] > h, before, { timeout: 5000 });
  await t.page.waitForTimeout(300);
  m = await measure();
  assert.equal(m.posted, m.app);
  assert.ok(m.posted > before);
});

test('outside a frame, embed mode posts nothing and still works', async (t) => {
  await t.page.addInitScript(() => {
    window.__posted = 0;
    const original = window.postMessage.bind(window);
    window.postMessage = (...args) => {
      window.__posted++;
      return original(...args);
    };
  });
  await t.openApp(EMBED, { selector: '[data-target]' });
  assert.equal(await t.page.evaluate(() => window.__posted), 0);
});

for (const [theme, scheme, background] of [
  ['dark', 'light', 'rgb(18, 20, 23)'],
  ['light', 'dark', 'rgb(255, 255, 255)'],
]) {
  test(`theme=${theme} gives an embed in a ${scheme} browser the host's colours, from first paint`, async (t) => {
    const link = `${EMBED}&theme=${theme}`;
    const colours = () =>
      t.page.evaluate(() => ({
        theme: document.documentElement.getAttribute('data-theme'),
        background: getComputedStyle(document.body).backgroundColor,
        scheme: getComputedStyle(document.documentElement).colorScheme,
      }));
    // Before the wasm: index.html reads the parameter.
    const wasm = await holdWasm(t.page);
    await t.page.goto(new URL(link, t.appUrl).href, { waitUntil: 'domcontentloaded' });
    await t.waitFor('#strip-placeholder');
    assert.deepEqual(await colours(), { theme, background, scheme: theme });
    // The app agrees, and the links it writes keep the theme.
    await wasm.release();
    await t.waitFor('[data-strip] [data-target]');
    assert.deepEqual(await colours(), { theme, background, scheme: theme });
    await t.page.waitForFunction(() => new URL(location.href).searchParams.has('opened'));
    assert.equal(new URL(t.page.url()).searchParams.get('theme'), theme);
  }, { colorScheme: scheme });
}
