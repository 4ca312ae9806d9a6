// Load benchmark: what a person waits for. Loads the built site and the same
// view saved as plain static HTML, with the same probe on both, and reports
// the median time from navigation until the first deadline's <time> is in
// the DOM and the frame after it has been presented. Both pages are served
// brotli-compressed by the test server, in one run, unthrottled and as a
// phone on slow 4G (150 ms latency, 1.6 Mbps down, 750 kbps up, CPU 4x
// slower). The gate is the phone ratio (app / static HTML).
//   node bench/load.mjs [--dist dist]... [--runs 9] [--max-ratio 2.8]
// With several --dist, each site is measured against its own static copy,
// runs interleaved, so builds can be compared in one run.
import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, startStaticServer } from '../tests/browser/lib.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dists = args.flatMap((a, i) => (a === '--dist' ? [args[i + 1]] : []));
if (dists.length === 0) dists.push('dist');
const runs = Number(option('runs', '9'));
const maxRatio = Number(option('max-ratio', '0'));
const query = '?vendor=nextplane&package=business&severity=1&opened=2026-03-02T14:00:00Z&tz=UTC';

const conditions = [
  { name: 'unthrottled' },
  {
    name: 'slow 4G phone',
    network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
    cpu: 4,
  },
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

// From navigation start until the first deadline's <time> is in the DOM and
// the next frame has been presented: a task posted from the animation frame
// callback runs once that frame is out.
const probe = () => {
  const seen = () => document.querySelector('[data-target] time[datetime]');
  const presented = () =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (window.__firstDeadline = performance.now());
      channel.port2.postMessage(0);
    });
  const observer = new MutationObserver(() => {
    if (seen()) {
      observer.disconnect();
      presented();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
};

async function once(browser, url, condition) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (condition.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', condition.network);
  }
  if (condition.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpu });
  await page.addInitScript(probe);
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(() => window.__firstDeadline, null, { timeout: 60000 });
  const ms = await handle.jsonValue();
  await context.close();
  return ms;
}

// The same view, saved as plain static HTML: the rendered DOM without scripts.
async function staticCopy(browser, dist, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-target] time[datetime]');
  const snapshot = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true);
    copy.querySelectorAll('script, link[rel=modulepreload], link[rel=preload], meta[http-equiv]').forEach((n) => n.remove());
    return '<!doctype html>\n' + copy.outerHTML;
  });
  await context.close();
  const dir = mkdtempSync(join(tmpdir(), 'sla-static-'));
  cpSync(dist, dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), snapshot);
  return dir;
}

const browser = await launchBrowser();
const sites = [];
for (const dist of dists) {
  const app = await startStaticServer({ root: dist, base: '/' });
  const plain = await startStaticServer({ root: await staticCopy(browser, dist, app.url + query), base: '/' });
  sites.push({ dist, servers: [app, plain], urls: { app: app.url + query, plain: plain.url }, times: {} });
}

for (const condition of conditions) {
  for (const site of sites) site.times[condition.name] = { app: [], plain: [] };
  for (let i = 0; i < runs; i++) {
    for (const site of sites) {
      for (const kind of ['app', 'plain']) site.times[condition.name][kind].push(await once(browser, site.urls[kind], condition));
    }
  }
}
for (const site of sites) for (const server of site.servers) await server.close();
await browser.close();

let failed = false;
console.log(`runs: ${runs} per page and condition; probe: first deadline in the DOM and the next frame presented`);
for (const site of sites) {
  console.log(`${site.dist}:`);
  for (const condition of conditions) {
    const { app, plain } = site.times[condition.name];
    const ratio = median(app) / median(plain);
    console.log(
      `  ${condition.name}: app ${median(app).toFixed(0)} ms, static HTML ${median(plain).toFixed(0)} ms, ratio ${ratio.toFixed(2)}` +
        ` (app ${app.map((t) => t.toFixed(0)).join(', ')}; static ${plain.map((t) => t.toFixed(0)).join(', ')})`,
    );
    if (condition.cpu && maxRatio > 0 && ratio > maxRatio) {
      console.error(`  ${site.dist}: ${condition.name} ratio ${ratio.toFixed(2)} exceeds ${maxRatio}`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
