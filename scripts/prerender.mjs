// Build-time first view: renders the default view of the built site in
// headless Chromium and writes its markup into dist/index.html, so the page
// paints real content before the wasm arrives. Values that depend on the
// moment of viewing (times, countdowns, open/closed) are left blank; the app
// removes every [data-prerendered] element when it mounts and renders live.
//   node scripts/prerender.mjs [dist]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, startStaticServer } from '../tests/browser/lib.mjs';

const dist = process.argv[2] || 'dist';
const path = join(dist, 'index.html');
const server = await startStaticServer({ root: dist, base: '/' });
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ timezoneId: 'UTC' })).newPage();
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForSelector('[data-target]', { timeout: 30000 });
  const markup = await page.evaluate(() => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll('script').forEach((n) => n.remove());
    // Moment-dependent text would be stale by the time anyone reads it.
    body.querySelectorAll('time, [data-countdown], [data-live], [aria-live]').forEach((n) => {
      n.textContent = '';
    });
    // Only the live app's deadlines carry a datetime (benchmarks wait for it).
    body.querySelectorAll('time[datetime]').forEach((n) => n.removeAttribute('datetime'));
    body.querySelectorAll('[role="alert"]').forEach((n) => n.remove());
    // Inputs hold their defaults as attributes only once serialised.
    body.querySelectorAll('input, select, textarea, button').forEach((n) => n.setAttribute('disabled', ''));
    return [...body.children].map((n) => {
      n.setAttribute('data-prerendered', '');
      return n.outerHTML;
    }).join('');
  });
  const html = readFileSync(path, 'utf8');
  if (!/<body>\s*<\/body>/.test(html)) throw new Error(`${path}: expected an empty <body> to fill`);
  writeFileSync(path, html.replace(/<body>\s*<\/body>/, `<body>${markup}</body>`));
  console.log(`prerender: ${markup.length} bytes of first-view markup written into ${path}`);
} finally {
  await browser.close();
  await server.close();
}
