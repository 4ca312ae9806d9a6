// Expected values for the browser tests, computed natively by the same engine
// through the `sla` command (never by re-implementing its rules in JS).
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs `sla ARGS...` (built on first use) and returns its stdout. */
export function sla(args, input = '') {
  return execFileSync('cargo', ['run', '--offline', '--quiet', '--bin', 'sla', '--', ...args], {
    cwd: repoRoot,
    input,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
}

/** `sla policies --json`: every vendor with its packages (and their regions) and severities. */
export function policies() {
  return JSON.parse(sla(['policies', '--json'])).policies;
}

/** `sla batch`: one answer ({ targets } or { error }) per request object. */
export function batch(requests) {
  const out = sla(['batch'], requests.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return out.trim().split('\n').map((line) => JSON.parse(line));
}

/** `sla deadlines ... --json` for options { vendor, package, region, severity, opened, pause: [], holiday: [] }. */
export function deadlines(options) {
  return JSON.parse(sla(['deadlines', ...flags(options), '--json']));
}

/** `sla charge ... --json` for the same options plus service, hours, days, flag: []. */
export function charge(options) {
  return JSON.parse(sla(['charge', ...flags(options), '--json']));
}

function flags(options) {
  const out = [];
  for (const [name, value] of Object.entries(options)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null) out.push(`--${name}`, String(v));
    }
  }
  return out;
}

/** A query string for the app from the same options (repeatable values as arrays). */
export function query(options) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(options)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null) params.append(name, String(v));
    }
  }
  return `?${params}`;
}

/** The cards' targets, not the answer strip's repeat of one. */
export const CARDS = '[data-target]:not([data-strip] *)';

/** Every target the page shows: [{ id, outcome, due (datetime or null), countdown }]. */
export async function shownTargets(page) {
  return page.$$eval(CARDS, (nodes) =>
    nodes.map((n) => ({
      id: n.getAttribute('data-target'),
      outcome: n.getAttribute('data-outcome'),
      due: n.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
      countdown: n.querySelector('[data-countdown]')?.textContent.trim() ?? null,
    })),
  );
}

/** The page's current query parameters (after history.replaceState). */
export function params(page) {
  return new URL(page.url()).searchParams;
}

/** Waits until the URL's parameter `name` equals `value` (null: absent). */
export async function waitForParam(page, name, value, timeout = 5000) {
  await page.waitForFunction(
    ([n, v]) => new URL(location.href).searchParams.get(n) === v,
    [name, value],
    { timeout },
  );
}
