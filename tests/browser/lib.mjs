// Shared helpers for the browser tests (headless Debian Chromium driven by playwright-core).
//
// A test file (tests/browser/*.test.mjs) registers tests with `test(name, fn)`; run.mjs
// serves dist/ under a sub-path, gives every test a fresh browser context and fails a test
// on any console error, uncaught page error, failed same-origin request or request that
// leaves the origin (those are blocked, and recorded).
//
//   import { test, assert } from './lib.mjs';
//   test('title is set', async (t) => {
//     await t.openApp();
//     assert.equal(await t.page.title(), 'SLA calculator');
//   });

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { extname, join, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

export { default as assert } from 'node:assert/strict';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Flags for a closed network: no background/component/update traffic from Chromium itself.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Default time (ms) to wait for the wasm app to appear / for a selector. */
export const DEFAULT_TIMEOUT_MS = Number(process.env.BROWSER_TIMEOUT_MS || 20000);

// ---------------------------------------------------------------------------------------
// Test registry

const registry = [];

/**
 * Register a browser test. `fn(t)` receives a TestContext (see openPage).
 * Options: { timeoutMs, allowConsoleErrors, allowExternalRequests, viewport, colorScheme }.
 */
export function test(name, fn, options = {}) {
  registry.push({ name, fn, options, file: currentFile });
}

let currentFile = null;

/** Used by run.mjs: import a test file and return the tests it registered. */
export async function loadTestFile(path, url) {
  currentFile = path;
  const before = registry.length;
  try {
    await import(url);
  } finally {
    currentFile = null;
  }
  return registry.slice(before);
}

// ---------------------------------------------------------------------------------------
// Static file server (serves a directory under a sub-path, like a static host would)

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Normalise a sub-path to the form "/a/b/" ("/" for the root). */
export function normaliseBase(base = '/') {
  let b = base.trim();
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b.replace(/\/{2,}/g, '/');
}

/**
 * Serve `root` at http://127.0.0.1:<port><base>. "<base>" without its trailing slash is
 * redirected to "<base>"; anything outside base is 404. Returns { url, origin, close, requests }.
 * `requests` records every request path the server saw (for asset/byte checks).
 */
const encodedCache = new Map();

/** A file's bytes in an encoding (null: as stored), cached while unchanged. */
async function encoded(file, mtime, encoding) {
  const key = `${file}\0${mtime}\0${encoding}`;
  if (!encodedCache.has(key)) {
    const raw = await readFile(file);
    const body =
      encoding === 'br'
        ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
        : encoding === 'gzip'
          ? gzipSync(raw, { level: 9 })
          : raw;
    encodedCache.set(key, body);
  }
  return encodedCache.get(key);
}

export async function startStaticServer({ root, base = '/', port = 0, host = '127.0.0.1' }) {
  const rootDir = resolve(root);
  const basePath = normaliseBase(base);
  const requests = [];

  const server = createServer(async (req, res) => {
    const reqUrl = new URL(req.url, 'http://localhost');
    const pathname = decodeURIComponent(reqUrl.pathname);
    requests.push({ method: req.method, path: pathname });

    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      res.end(body);
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    if (basePath !== '/' && pathname === basePath.slice(0, -1)) {
      return send(301, '', { Location: basePath + reqUrl.search });
    }
    if (!pathname.startsWith(basePath)) return send(404, 'not found');

    let file = join(rootDir, pathname.slice(basePath.length));
    if (file !== rootDir && !file.startsWith(rootDir + sep)) return send(403, 'forbidden');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      // Compressed like on any static host (brotli, else gzip), so load
      // benchmarks and Lighthouse see the bytes a visitor would download.
      const accepts = String(req.headers['accept-encoding'] || '');
      const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      const body = await encoded(file, info.mtimeMs, encoding);
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': body.length,
        ...(encoding && { 'Content-Encoding': encoding, Vary: 'Accept-Encoding' }),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      send(404, 'not found');
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const { port: actualPort } = server.address();
  const origin = `http://${host}:${actualPort}`;
  return {
    origin,
    url: `${origin}${basePath}`,
    base: basePath,
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

// ---------------------------------------------------------------------------------------
// Browser

/** Launch Debian's Chromium headless. Never downloads a browser. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * Open a fresh context + page on `appUrl` (not navigated yet) and start recording problems.
 * Returns a TestContext:
 *   page, context            playwright objects
 *   appUrl, origin           where the app is served (appUrl ends with "/")
 *   consoleErrors            console.error messages + uncaught page errors (strings)
 *   failedRequests           same-origin requests that failed or answered >= 400
 *   externalRequests         URLs of requests that left the origin (blocked)
 *   openApp(path?)           navigate to appUrl + path and wait for the app to mount
 *   waitFor(selector, opts)  wait for a visible element, returns its Locator
 *   text(selector)           trimmed textContent of the first match
 *   screenshot(name)         full-page PNG into tests/browser/artifacts/<name>.png
 *   problems()               all of the above problems, as strings
 */
export async function openPage(browser, { appUrl, viewport, colorScheme, appSelector } = {}) {
  const origin = new URL(appUrl).origin;
  const context = await browser.newContext({
    viewport: viewport || { width: 1280, height: 800 },
    colorScheme: colorScheme || 'light',
    serviceWorkers: 'block',
  });
  const consoleErrors = [];
  const failedRequests = [];
  const externalRequests = [];

  // ws(s):// to the same host:port counts as same-origin (e.g. trunk serve's live reload).
  const isExternal = (url) => {
    if (!/^(https?|wss?):/i.test(url)) return false; // data:, blob:, about:
    const u = new URL(url);
    return `${u.protocol.replace(/^ws/, 'http')}//${u.host}` !== origin;
  };

  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isExternal(url)) {
      externalRequests.push(url);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });

  const page = await context.newPage();
  page.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      const where = loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : '';
      consoleErrors.push(`console.error: ${msg.text()}${where}`);
    }
  });
  page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.stack || err.message}`));
  page.on('websocket', (ws) => {
    if (isExternal(ws.url())) externalRequests.push(ws.url());
  });
  page.on('requestfailed', (req) => {
    if (!isExternal(req.url())) {
      failedRequests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText}`);
    }
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !isExternal(res.url())) {
      failedRequests.push(`${res.request().method()} ${res.url()}: HTTP ${res.status()}`);
    }
  });

  const t = {
    page,
    context,
    appUrl,
    origin,
    consoleErrors,
    failedRequests,
    externalRequests,
    async openApp(path = '', { selector = appSelector || '#app main h1' } = {}) {
      await page.goto(new URL(path, appUrl).href, { waitUntil: 'load' });
      if (selector) await t.waitFor(selector);
      return page;
    },
    async waitFor(selector, { state = 'visible', timeout = DEFAULT_TIMEOUT_MS } = {}) {
      const locator = page.locator(selector).first();
      await locator.waitFor({ state, timeout });
      return locator;
    },
    async text(selector) {
      const locator = await t.waitFor(selector);
      return ((await locator.textContent()) || '').trim();
    },
    async screenshot(name) {
      const path = artifactPath(`${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    problems() {
      return [
        ...consoleErrors,
        ...failedRequests.map((r) => `failed request: ${r}`),
        ...externalRequests.map((u) => `request left the origin: ${u}`),
      ];
    },
  };
  return t;
}

export const ARTIFACTS_DIR = resolve(new URL('.', import.meta.url).pathname, 'artifacts');

export function artifactPath(file) {
  return join(ARTIFACTS_DIR, file.replace(/[^A-Za-z0-9._-]+/g, '_'));
}

/**
 * Holds each wasm download of `page` until `release()`, to see the page as
 * painted before the app. `release()` waits for the next download to be
 * held, then lets it go.
 */
export async function holdWasm(page) {
  let held;
  let arrived;
  let next = new Promise((ok) => (arrived = ok));
  await page.route('**/*.wasm', async (route) => {
    const go = new Promise((ok) => (held = ok));
    arrived();
    await go;
    await route.continue();
  });
  return {
    async release() {
      await next;
      next = new Promise((ok) => (arrived = ok));
      held();
    },
  };
}

/** Reject after `ms` with a clear message (used for per-test timeouts). */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
