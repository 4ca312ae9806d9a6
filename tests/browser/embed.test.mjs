// Embed mode: no header or footer, one narrow column, and the app's height
// posted to the parent window whenever it changes.
import { test, assert } from './lib.mjs';
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
  // The link keeps embed=1 while the user works in the frame.
  await t.page.check('input[name="severity"][value="1"]');
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('severity') === '1');
  assert.equal(new URL(t.page.url()).searchParams.get('embed'), '1');
});

test('a narrow frame gets the height it needs, and updates when the content grows', async (t) => {
  await openHost(
    t,
    `<iframe id="sla" title="SLA calculator" src="./${EMBED}" style="width:320px;height:150px;border:0"></iframe>
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
  assert.ok(m.scroll <= 320, `no horizontal scroll in a 320 px frame (${m.scroll})`);
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
