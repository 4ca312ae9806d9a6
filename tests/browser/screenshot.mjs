#!/usr/bin/env node
// Open a running app in headless Chromium, wait for it to mount, save a PNG screenshot and
// fail on console errors, failed requests or requests leaving the origin.
// Usage: node tests/browser/screenshot.mjs URL OUT.png [--dark] [--width 390] [--selector "main h1"]
// Handy to check `scripts/serve.sh` or a deployed/static copy of dist/ by eye.
import { launchBrowser, openPage } from './lib.mjs';

const args = process.argv.slice(2);
const positional = [];
const opts = { dark: false, width: 1280, selector: '#app main h1' };
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dark') opts.dark = true;
  else if (args[i] === '--width') opts.width = Number(args[++i]);
  else if (args[i] === '--selector') opts.selector = args[++i];
  else positional.push(args[i]);
}
const [url, out] = positional;
if (!url || !out) {
  console.error('usage: node tests/browser/screenshot.mjs URL OUT.png [--dark] [--width N] [--selector CSS]');
  process.exit(2);
}

const browser = await launchBrowser();
let code = 0;
try {
  const t = await openPage(browser, {
    appUrl: url,
    viewport: { width: opts.width, height: 800 },
    colorScheme: opts.dark ? 'dark' : 'light',
  });
  await t.openApp('', { selector: opts.selector });
  await t.page.waitForTimeout(100);
  await t.page.screenshot({ path: out, fullPage: true });
  console.log(`title: ${await t.page.title()}`);
  console.log(`${opts.selector}: ${await t.text(opts.selector)}`);
  console.log(`screenshot: ${out}`);
  const problems = t.problems();
  if (problems.length) {
    code = 1;
    console.log('problems:');
    for (const p of problems) console.log(`  ${p}`);
  } else {
    console.log('no console errors, no failed or external requests');
  }
} catch (err) {
  code = 1;
  console.error(err && err.stack ? err.stack : err);
} finally {
  await browser.close();
}
process.exit(code);
