#!/usr/bin/env node
// Open a running app in headless Chromium, wait for it to mount, save a PNG screenshot and
// fail on console errors, failed requests or requests leaving the origin.
// Usage: node tests/browser/screenshot.mjs URL OUT.png [--dark] [--width 390] [--height 800]
//          [--first-screen] [--at 2026-03-02T15:10:00Z] [--selector "main h1"]
// --first-screen: only the window (what a visitor sees before scrolling), not the whole page;
// --at: the page's clock stands at that instant (reproducible countdowns).
// Handy to check `scripts/serve.sh` or a deployed/static copy of dist/ by eye; the
// screenshots in docs/screenshots/ are made with it.
import { launchBrowser, openPage } from './lib.mjs';

const args = process.argv.slice(2);
const positional = [];
const opts = { dark: false, width: 1280, height: 800, firstScreen: false, at: null, selector: '#app main h1' };
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dark') opts.dark = true;
  else if (args[i] === '--width') opts.width = Number(args[++i]);
  else if (args[i] === '--height') opts.height = Number(args[++i]);
  else if (args[i] === '--first-screen') opts.firstScreen = true;
  else if (args[i] === '--at') opts.at = args[++i];
  else if (args[i] === '--selector') opts.selector = args[++i];
  else positional.push(args[i]);
}
const [url, out] = positional;
if (!url || !out) {
  console.error('usage: node tests/browser/screenshot.mjs URL OUT.png [--dark] [--width N] [--height N] [--first-screen] [--at RFC3339] [--selector CSS]');
  process.exit(2);
}

const browser = await launchBrowser();
let code = 0;
try {
  const t = await openPage(browser, {
    appUrl: url,
    viewport: { width: opts.width, height: opts.height },
    colorScheme: opts.dark ? 'dark' : 'light',
  });
  if (opts.at) await t.page.clock.setFixedTime(new Date(opts.at));
  await t.openApp('', { selector: opts.selector });
  await t.page.waitForTimeout(300);
  await t.page.screenshot({ path: out, fullPage: !opts.firstScreen });
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
