// Load benchmark: loads the built site in headless Chromium several times and
// reports the median time until the first deadline is in the DOM, next to the
// median first paint of the same page saved as plain static HTML, and their
// ratio (same run, same machine). Target: ratio <= 2.
//   node bench/load.mjs [--dist dist] [--runs 9] [--max-ratio 2]
import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, startStaticServer } from '../tests/browser/lib.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dist = option('dist', 'dist');
const runs = Number(option('runs', '9'));
const maxRatio = Number(option('max-ratio', '0'));
const query = '?vendor=nextplane&package=business&severity=1&opened=2026-03-02T14:00:00Z&tz=UTC';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

// Records when the first deadline's <time> appears, from navigation start.
const watchFirstDeadline = () => {
  const seen = () => document.querySelector('[data-target] time[datetime]');
  const mark = () => {
    if (!window.__firstDeadline && seen()) window.__firstDeadline = performance.now();
  };
  new MutationObserver(mark).observe(document, { childList: true, subtree: true });
};

async function measure(browser, url, probe) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(watchFirstDeadline);
    await page.goto(url, { waitUntil: 'load' });
    times.push(await page.waitForFunction(probe, null, { timeout: 20000 }).then((h) => h.jsonValue()));
    await context.close();
  }
  return times;
}

const browser = await launchBrowser();
const app = await startStaticServer({ root: dist, base: '/' });

// The same view, saved as plain static HTML: rendered DOM without scripts.
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(app.url + query);
await page.waitForSelector('[data-target] time[datetime]');
const snapshot = await page.evaluate(() => {
  const copy = document.documentElement.cloneNode(true);
  copy.querySelectorAll('script, link[rel=modulepreload], link[rel=preload], meta[http-equiv]').forEach((n) => n.remove());
  return '<!doctype html>\n' + copy.outerHTML;
});
await context.close();
const staticDir = mkdtempSync(join(tmpdir(), 'sla-static-'));
cpSync(dist, staticDir, { recursive: true });
writeFileSync(join(staticDir, 'index.html'), snapshot);
const plain = await startStaticServer({ root: staticDir, base: '/' });

const appTimes = await measure(browser, app.url + query, () => window.__firstDeadline);
const staticTimes = await measure(browser, plain.url, () => {
  const paint = performance.getEntriesByName('first-contentful-paint')[0] || performance.getEntriesByName('first-paint')[0];
  return paint && paint.startTime;
});
await app.close();
await plain.close();
await browser.close();

const a = median(appTimes);
const s = median(staticTimes);
const ratio = a / s;
console.log(`runs: ${runs}`);
console.log(`app: first deadline in DOM, median ${a.toFixed(1)} ms (${appTimes.map((t) => t.toFixed(0)).join(', ')})`);
console.log(`plain HTML: first contentful paint, median ${s.toFixed(1)} ms (${staticTimes.map((t) => t.toFixed(0)).join(', ')})`);
console.log(`ratio: ${ratio.toFixed(2)} (target <= 2)`);
if (maxRatio > 0 && ratio > maxRatio) {
  console.error(`load ratio ${ratio.toFixed(2)} exceeds ${maxRatio}`);
  process.exit(1);
}
