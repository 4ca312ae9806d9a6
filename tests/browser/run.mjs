#!/usr/bin/env node
// Browser test runner: serves a built site (dist/) from a tiny static server under a
// sub-path, then runs every tests/browser/*.test.mjs in headless Chromium.
//
// Usage: node tests/browser/run.mjs [--dist DIR] [--base /sla/] [--url URL] [--file NAME]... [FILTER...]\n  --file: run only this file of tests/browser (e.g. one-vendor.site.mjs, the tests of a one-vendor site)
//   --dist DIR   directory to serve (default: dist/ at the repository root; env DIST)
//   --base PATH  sub-path to serve it under (default: /sla/; env BASE_PATH)
//   --url URL    test an already running server instead (e.g. trunk serve); no static server
//   FILTER       only run tests whose "file: name" contains one of these strings
//
// A test fails on: a thrown error/failed assertion, any console error or uncaught page
// error, any failed same-origin request (or HTTP >= 400), or any request leaving the origin.
// A failing test leaves a screenshot in tests/browser/artifacts/.
// Exits non-zero when any test fails (or none ran). Last line: "browser: N passed, N failed".

import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ARTIFACTS_DIR,
  launchBrowser,
  loadTestFile,
  openPage,
  startStaticServer,
  withTimeout,
} from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');

function parseArgs(argv) {
  const opts = {
    dist: process.env.DIST || join(repoRoot, 'dist'),
    base: process.env.BASE_PATH || '/sla/',
    url: process.env.APP_URL || null,
    filters: [],
    files: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--dist') opts.dist = resolve(value());
    else if (a === '--base') opts.base = value();
    else if (a === '--url') opts.url = value();
    else if (a === '--file') opts.files.push(value());
    else if (a === '-h' || a === '--help') {
      console.log('usage: node tests/browser/run.mjs [--dist DIR] [--base /sla/] [--url URL] [--file NAME]... [FILTER...]\n  --file: run only this file of tests/browser (e.g. one-vendor.site.mjs, the tests of a one-vendor site)');
      process.exit(0);
    } else opts.filters.push(a);
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();

  let server = null;
  let appUrl = opts.url;
  if (!appUrl) {
    if (!existsSync(join(opts.dist, 'index.html'))) {
      throw new Error(`${opts.dist}/index.html not found: build the site first (trunk build)`);
    }
    server = await startStaticServer({ root: opts.dist, base: opts.base });
    appUrl = server.url;
    console.log(`serving ${opts.dist} at ${appUrl}`);
  } else {
    if (!appUrl.endsWith('/')) appUrl += '/';
    console.log(`testing ${appUrl}`);
  }

  // *.test.mjs test the full site; a *.site.mjs file tests another build and runs only by --file.
  const files = opts.files.length ? opts.files : (await readdir(here)).filter((f) => f.endsWith('.test.mjs')).sort();
  const tests = [];
  for (const f of files) {
    const path = join(here, f);
    tests.push(...(await loadTestFile(f, pathToFileURL(path).href)));
  }
  const selected = opts.filters.length
    ? tests.filter((t) => opts.filters.some((s) => `${t.file}: ${t.name}`.includes(s)))
    : tests;

  await rm(ARTIFACTS_DIR, { recursive: true, force: true });

  let passed = 0;
  let failed = 0;
  const failures = [];
  const browser = await launchBrowser();
  console.log(`chromium ${browser.version()}; ${selected.length} test(s) in ${files.length} file(s)`);
  try {
    for (const test of selected) {
      const label = `${test.file}: ${test.name}`;
      const t0 = Date.now();
      const t = await openPage(browser, {
        appUrl,
        viewport: test.options.viewport,
        colorScheme: test.options.colorScheme,
      });
      const problems = [];
      try {
        await withTimeout(
          Promise.resolve(test.fn(t)),
          test.options.timeoutMs || 60000,
          `test "${test.name}"`,
        );
      } catch (err) {
        problems.push(err && err.stack ? err.stack : String(err));
      }
      // Let late console messages / requests arrive before judging.
      await t.page.waitForTimeout(50).catch(() => {});
      if (!test.options.allowConsoleErrors) problems.push(...t.consoleErrors);
      problems.push(...t.failedRequests.map((r) => `failed request: ${r}`));
      if (!test.options.allowExternalRequests) {
        problems.push(...t.externalRequests.map((u) => `request left the origin: ${u}`));
      }
      const ms = Date.now() - t0;
      if (problems.length === 0) {
        passed++;
        console.log(`ok   ${label} (${ms} ms)`);
      } else {
        failed++;
        let shot = '';
        try {
          shot = await t.screenshot(`FAILED-${basename(test.file, '.test.mjs')}-${test.name}`);
        } catch {
          /* page may be gone */
        }
        console.log(`FAIL ${label} (${ms} ms)`);
        for (const p of problems) console.log(indent(p));
        if (shot) console.log(indent(`screenshot: ${shot}`));
        failures.push(label);
      }
      await t.context.close().catch(() => {});
    }
  } finally {
    await browser.close().catch(() => {});
    if (server) await server.close();
  }

  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (failures.length) console.log(`\nfailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  if (selected.length === 0) console.log('no browser tests were run');
  console.log(`browser tests finished in ${secs} s`);
  console.log(`browser: ${passed} passed, ${failed} failed`);
  return failed === 0 && selected.length > 0 ? 0 : 1;
}

function indent(text) {
  return String(text)
    .split('\n')
    .map((l) => `     ${l}`)
    .join('\n');
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`browser test runner error: ${err && err.stack ? err.stack : err}`);
    process.exit(2);
  },
);
