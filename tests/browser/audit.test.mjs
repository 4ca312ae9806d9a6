// The ticket audit page (audit.html): each fixture of tests/fixtures/audit
// dropped on it gives the summary and bad rows `sla audit` gives for the
// same file and choices, a ticket opens in the calculator, the exports
// equal the CLI's, a long run can be cancelled, and nothing leaves the page.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, assert } from './lib.mjs';
import { sla } from './engine.mjs';

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'audit');

// The choices tests/audit.rs audits each fixture with.
const CASES = [
  { file: 'generic.csv', vendor: 'unnamed-eu', package: 'enterprise', tz: 'Europe/Berlin', asOf: '2026-04-30T00:00:00Z' },
  { file: 'zendesk.csv', vendor: 'threepbx', package: 'standard', tz: 'America/New_York', asOf: '2026-07-31T00:00:00Z' },
  { file: 'zendesk.json', vendor: 'threepbx', package: 'standard', tz: 'UTC', asOf: '2026-07-31T00:00:00Z' },
  { file: 'jira.csv', vendor: 'unnamed-eu', package: 'gold', tz: 'Europe/Berlin', asOf: '2026-04-30T00:00:00Z' },
  { file: 'freshdesk.csv', vendor: 'threepbx', package: 'standard', tz: 'America/New_York', asOf: '2026-07-31T00:00:00Z' },
  { file: 'servicenow.csv', vendor: 'unnamed-eu', package: 'enterprise', tz: 'Europe/Berlin', asOf: '2026-04-30T00:00:00Z' },
];

const cliArgs = (c) => ['audit', '--vendor', c.vendor, '--package', c.package, '--tz', c.tz, '--as-of', c.asOf];

/** `sla audit --json` of a case: { tickets, errors }. */
function expected(c) {
  const lines = sla([...cliArgs(c), '--json', resolve(fixtures, c.file)])
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  return { tickets: lines.filter((l) => 'ticket' in l), errors: lines.filter((l) => 'error' in l) };
}

/** Per "severity/target": met, breached and open counts of `sla audit --json` lines. */
function counts(tickets) {
  const out = {};
  for (const t of tickets) {
    for (const target of t.targets) {
      if (!['met', 'breached', 'open'].includes(target.state)) continue;
      const key = `${t.severity}/${target.id}`;
      out[key] ??= { met: 0, breached: 0, open: 0 };
      out[key][target.state] += 1;
    }
  }
  return out;
}

/** Opens the audit page with a case's choices and drops its file (or `file`). */
async function audit(t, c, file = resolve(fixtures, c.file)) {
  await t.openApp(`audit.html?vendor=${c.vendor}&package=${c.package}`, { selector: 'input[name="file"]' });
  await t.page.selectOption('select[name="tz"]', c.tz);
  await t.page.fill('input[name="as_of"]', c.asOf);
  await t.page.press('input[name="as_of"]', 'Tab');
  await t.page.setInputFiles('input[name="file"]', file);
  await t.waitFor('[data-run="done"], [data-run="failed"]', { state: 'attached', timeout: 30000 });
  assert.equal(await t.page.getAttribute('[data-run]', 'data-run'), 'done', await t.page.locator('[data-run]').textContent());
}

/** Drops `csv` on ThreePBX Standard's audit, "as of" typed first if given; waits for the run to end. */
async function dropCsv(t, name, csv, asOf) {
  await t.openApp('audit.html?vendor=threepbx&package=standard', { selector: 'input[name="file"]' });
  if (asOf) {
    await t.page.fill('input[name="as_of"]', asOf);
    await t.page.press('input[name="as_of"]', 'Tab');
  }
  await t.page.setInputFiles('input[name="file"]', { name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await t.waitFor('[data-run="done"], [data-run="failed"]', { state: 'attached' });
}

/** The summary table as "severity/target" -> counts. */
async function summary(t) {
  return t.page.$$eval('[data-summary] tbody tr', (rows) =>
    Object.fromEntries(
      rows.map((r) => [
        `${r.dataset.severity}/${r.dataset.target}`,
        {
          met: Number(r.querySelector('[data-met]').textContent),
          breached: Number(r.querySelector('[data-breached]').textContent),
          open: Number(r.querySelector('[data-open]').textContent),
        },
      ]),
    ),
  );
}

for (const c of CASES) {
  test(`${c.file}: the summary and bad rows are sla audit's`, async (t) => {
    const want = expected(c);
    await audit(t, c);
    const got = await summary(t);
    const wantCounts = counts(want.tickets);
    // Lines without met, breached or open tickets are shown too; compare the counted ones.
    for (const [key, value] of Object.entries(got)) {
      if (value.met + value.breached + value.open === 0) delete got[key];
    }
    assert.deepEqual(got, wantCounts);
    assert.equal(Number(await t.page.getAttribute('[data-shown]', 'data-shown')), want.tickets.length, 'every ticket in the table');
    if (want.errors.length) {
      assert.equal(Number(await t.page.getAttribute('[data-bad-rows]', 'data-bad-rows')), want.errors.length);
      const lines = await t.page.$$eval('[data-bad-line]', (items) => items.map((i) => Number(i.dataset.badLine)));
      assert.deepEqual(lines, want.errors.map((e) => e.line));
    } else {
      assert.equal(await t.page.locator('[data-bad-rows]').count(), 0);
    }
    // Breached first by default.
    const states = await t.page.$$eval('[data-tickets] tbody tr[data-ticket]', (rows) => rows.map((r) => r.dataset.state));
    const firstOther = states.findIndex((s) => s !== 'breached');
    assert.ok(firstOther === -1 || !states.slice(firstOther).includes('breached'), `breached first: ${states}`);
    // The mapping shows the detected format.
    assert.ok(await t.page.getAttribute('[data-format]', 'data-format'));
  });
}

/** The table's ticket ids, top to bottom, once it shows `n` tickets from `first`. */
async function tableIds(t, n, first) {
  await t.page.waitForFunction(
    ([n, first]) =>
      document.querySelector('[data-shown]')?.dataset.shown === String(n) &&
      document.querySelector('[data-tickets] tbody tr[data-ticket]')?.dataset.ticket === first,
    [n, first],
  );
  return t.page.$$eval('[data-tickets] tbody tr[data-ticket]', (rows) => rows.map((r) => r.dataset.ticket));
}

test('the ticket table sorts and filters', async (t) => {
  const c = { vendor: 'unnamed-eu', package: 'enterprise', tz: 'UTC', asOf: '2026-04-30T00:00:00Z' };
  const csv = [
    'id,severity,opened,first_response,resolved',
    'ZD-10,1,2026-03-02T09:00:00Z,2026-03-02T09:20:00Z,',
    'ZD-9,2,2026-03-02T09:00:00Z,2026-03-05T09:00:00Z,',
    '42,1,2026-03-02T09:00:00Z,,',
    '7,3,2026-03-02T09:00:00Z,2026-03-02T09:10:00Z,2026-03-02T10:00:00Z',
    'INC2,1,2026-03-02T09:00:00Z,2026-03-02T09:05:00Z,2026-03-02T09:30:00Z',
  ].join('\n');
  const want = sla([...cliArgs(c), '--json', '-'], csv)
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  await t.openApp(`audit.html?vendor=${c.vendor}&package=${c.package}`, { selector: 'input[name="file"]' });
  await t.page.selectOption('select[name="tz"]', c.tz);
  await t.page.fill('input[name="as_of"]', c.asOf);
  await t.page.press('input[name="as_of"]', 'Tab');
  await t.page.click('.paste summary');
  await t.page.fill('textarea[name="paste"]', csv);
  await t.page.click('[data-action="audit-paste"]');
  await t.waitFor('[data-run="done"]', { state: 'attached' });
  // A ticket breached by a target with no event yet (ZD-10: answered in
  // 20 min, never resolved) says so, not its met target's margin.
  await t.waitFor('[data-tickets] tr[data-ticket="ZD-10"]', { state: 'attached' });
  assert.equal(await t.text('[data-tickets] tr[data-ticket="ZD-10"] td.num'), 'still open');
  // A ticket's state in the table is its worst target's.
  const rank = ['breached', 'open', 'met', 'not_measured', 'no_deadline'];
  const worst = (x) => x.targets.map((g) => g.state).sort((a, b) => rank.indexOf(a) - rank.indexOf(b))[0];
  // By id in natural order: plain numbers by value, then by the text before
  // a trailing number, then by that number (ZD-9 before ZD-10).
  await t.page.selectOption('select[name="sort"]', 'ticket');
  const natural = ['7', '42', 'INC2', 'ZD-9', 'ZD-10'];
  assert.deepEqual(await tableIds(t, 5, natural[0]), natural);
  await t.page.check('input[name="descending"]');
  assert.deepEqual(await tableIds(t, 5, 'ZD-10'), [...natural].reverse());
  await t.page.uncheck('input[name="descending"]');
  // Only met tickets, in the same order.
  await t.page.selectOption('select[name="state"]', 'met');
  const met = natural.filter((id) => worst(want.find((x) => x.ticket === id)) === 'met');
  assert.ok(met.length > 0 && met.length < 5, `met and other tickets: ${met}`);
  assert.deepEqual(await tableIds(t, met.length, met[0]), met);
  // Only severity 1, then an id search (case does not matter).
  await t.page.selectOption('select[name="state"]', '');
  await t.page.selectOption('select[name="severity"]', '1');
  assert.deepEqual(await tableIds(t, 3, '42'), ['42', 'INC2', 'ZD-10']);
  // Audited again (another zone: the same instants): a new table keeps the
  // filter, and its control shows it.
  await t.page.$eval('[data-shown]', (e) => (e.dataset.before = '1'));
  await t.page.selectOption('select[name="tz"]', 'Europe/Berlin');
  await t.waitFor('[data-shown]:not([data-before])', { state: 'attached' });
  assert.deepEqual(await tableIds(t, 3, '42'), ['42', 'INC2', 'ZD-10']);
  assert.equal(await t.page.inputValue('select[name="severity"]'), '1');
  await t.page.selectOption('select[name="severity"]', '');
  await t.page.fill('input[name="search"]', 'zd-1');
  assert.deepEqual(await tableIds(t, 1, 'ZD-10'), ['ZD-10']);
});

test('a table of 2,000 tickets keeps only the rows on screen in the DOM, and scrolls to the last', async (t) => {
  const lines = ['id,severity,opened,first_response,resolved'];
  // Every ticket met (answered and resolved within minutes), so "breached
  // first" keeps the file's order: T1 at the top, T2000 at the bottom.
  for (let i = 1; i <= 2000; i++) lines.push(`T${i},1,2026-03-02T09:00:00Z,2026-03-02T09:05:00Z,2026-03-02T09:10:00Z`);
  await dropCsv(t, 'many.csv', lines.join('\n'));
  const ids = await tableIds(t, 2000, 'T1');
  assert.ok(ids.length < 60, `only the rows near the screen are drawn: ${ids.length}`);
  await t.page.$eval('.ticket-scroll', (box) => box.scrollTo(0, box.scrollHeight));
  await t.page.waitForFunction(() => [...document.querySelectorAll('[data-tickets] tbody tr[data-ticket]')].some((r) => r.dataset.ticket === 'T2000'));
  const last = await t.page.$$eval('[data-tickets] tbody tr[data-ticket]', (rows) => rows.map((r) => [r.dataset.ticket, Number(r.getAttribute('aria-rowindex'))]));
  assert.ok(last.length < 60, `still only the rows near the screen: ${last.length}`);
  // Row 1 is the header: ticket N is row N + 1.
  assert.deepEqual(last.at(-1), ['T2000', 2001]);
});

test('a ticket opens in the calculator with its vendor, package, severity and opening', async (t) => {
  const c = CASES[0];
  await audit(t, c);
  const row = t.page.locator('[data-tickets] tbody tr[data-ticket]').first();
  const ticket = await row.getAttribute('data-ticket');
  const want = expected(c).tickets.find((x) => x.ticket === ticket);
  // Its link with a modifier opens a new tab and leaves the audit here.
  const [tab] = await Promise.all([
    t.page.context().waitForEvent('page'),
    row.locator('a[data-open-ticket]').click({ modifiers: ['Control'] }),
  ]);
  await tab.waitForSelector('[data-target]');
  assert.equal(new URL(tab.url()).searchParams.get('severity'), want.severity);
  await tab.close();
  assert.ok(t.page.url().includes('audit.html'), `the audit stays: ${t.page.url()}`);
  // So does the row itself, clicked beside the link.
  const [rowTab] = await Promise.all([
    t.page.context().waitForEvent('page'),
    row.locator('td').first().click({ modifiers: ['Control'] }),
  ]);
  await rowTab.waitForSelector('[data-target]');
  await rowTab.close();
  assert.ok(t.page.url().includes('audit.html'), `the audit stays: ${t.page.url()}`);
  assert.equal(await t.page.locator('[data-tickets] tbody tr[data-ticket]').count() > 0, true);
  await Promise.all([t.page.waitForURL((u) => !u.pathname.endsWith('audit.html')), row.locator('td').first().click()]);
  await t.waitFor('[data-target]');
  const params = new URL(t.page.url()).searchParams;
  assert.equal(params.get('vendor'), c.vendor);
  assert.equal(params.get('package'), c.package);
  assert.equal(params.get('severity'), want.severity);
  assert.ok(params.get('opened'), 'the opening is in the link');
  assert.equal(await t.page.inputValue('select[name="package"]'), c.package);
});

test('the exports are the CLI results CSV and the summary text', async (t) => {
  const c = CASES[1];
  await audit(t, c);
  const [csv] = await Promise.all([t.page.waitForEvent('download'), t.page.click('[data-action="export-csv"]')]);
  assert.equal(csv.suggestedFilename(), 'audit-results.csv');
  const got = readFileSync(await csv.path(), 'utf8');
  assert.equal(got, sla([...cliArgs(c), resolve(fixtures, c.file)]));
  const [text] = await Promise.all([t.page.waitForEvent('download'), t.page.click('[data-action="export-summary"]')]);
  const summaryText = readFileSync(await text.path(), 'utf8');
  assert.match(summaryText, /ticket\(s\) audited/);
  // Its first line names the file and the contract by the policy's names.
  assert.match(summaryText.split('\n')[0], /^SLA audit of zendesk\.csv against ThreePBX, Standard[^,;]*; times without an offset read in America\/New_York$/);
  assert.match(summaryText, /zendesk\.csv/);
});

test('pasted text is audited like the file', async (t) => {
  const c = CASES[0];
  await t.openApp(`audit.html?vendor=${c.vendor}&package=${c.package}`, { selector: 'input[name="file"]' });
  await t.page.selectOption('select[name="tz"]', c.tz);
  await t.page.fill('input[name="as_of"]', c.asOf);
  await t.page.press('input[name="as_of"]', 'Tab');
  await t.page.click('.paste summary');
  await t.page.fill('textarea[name="paste"]', readFileSync(resolve(fixtures, c.file), 'utf8'));
  await t.page.click('[data-action="audit-paste"]');
  await t.waitFor('[data-run="done"]', { state: 'attached' });
  assert.deepEqual(
    Object.fromEntries(Object.entries(await summary(t)).filter(([, v]) => v.met + v.breached + v.open > 0)),
    counts(expected(c).tickets),
  );
});

test('dates that fit both orders ask for a choice, then audit', async (t) => {
  const csv = 'id,severity,opened,first_response,resolved\nA1,1,3/4/2026 10:00,3/4/2026 10:20,\nA2,2,5/6/2026 09:00,,\n';
  await dropCsv(t, 'dates.csv', csv);
  await t.waitFor('[data-run="failed"]', { state: 'attached' });
  assert.match(await t.text('[data-file-error]'), /dmy or mdy/);
  assert.equal(await t.page.locator('[data-date-order].attention').count(), 1, 'the order field asks');
  await t.page.selectOption('select[name="order"]', 'dmy');
  await t.waitFor('[data-run="done"]', { state: 'attached' });
  assert.equal(await t.page.getAttribute('[data-shown]', 'data-shown'), '2');
  assert.equal(await t.page.locator('[data-date-order].attention').count(), 0);
  // "As of" is read in the order chosen for the file: 6/5/2026 is 6 May,
  // before A2 (5 June) was opened, so A2 is no longer breached but open.
  assert.equal(await t.page.getAttribute('[data-ticket="A2"]', 'data-state'), 'breached');
  await t.page.fill('input[name="as_of"]', '6/5/2026 12:00');
  await t.page.press('input[name="as_of"]', 'Tab');
  await t.page.waitForFunction(() => document.querySelector('[data-ticket="A2"]')?.dataset.state === 'open');
});

test('an "as of" with a slashed date is read in the order the file decided', async (t) => {
  // 25/3 can only be day-first, so the file is; "1/5/2026" is then 1 May
  // (B1's first response long overdue), not 5 January (before it opened).
  const csv = 'id,severity,opened,first_response,resolved\nB1,1,25/3/2026 09:00,,\n';
  await dropCsv(t, 'dmy.csv', csv, '1/5/2026 00:00');
  await t.waitFor('[data-run="done"]', { state: 'attached' });
  await t.waitFor('[data-ticket="B1"][data-state="breached"]', { state: 'attached' });
  assert.equal(await t.text('[data-ticket="B1"] td.num'), 'still open');
});

test('an "as of" that fits both orders is named as the problem, not the file', async (t) => {
  const csv = 'id,severity,opened,first_response,resolved\nA1,1,2026-03-04T10:00:00Z,2026-03-04T10:20:00Z,\n';
  await dropCsv(t, 'iso.csv', csv, '3/4/2026 12:00');
  await t.waitFor('[data-run="failed"]', { state: 'attached' });
  assert.match(await t.text('[data-file-error]'), /^as of: "3\/4\/2026 12:00" fits both/);
  assert.equal(await t.page.locator('[data-date-order].attention').count(), 0, 'the file is not the problem');
  // Choosing an order reads it.
  await t.page.selectOption('select[name="order"]', 'mdy');
  await t.waitFor('[data-run="done"]', { state: 'attached' });
});

test('a long run shows its progress and stops on Cancel', async (t) => {
  // About 30 MB of generic rows.
  const lines = ['id,severity,opened,first_response,resolved'];
  for (let i = 0; i < 400000; i++) lines.push(`T${i},${1 + (i % 4)},2026-03-02T09:00:00Z,2026-03-02T09:30:00Z,2026-03-03T09:00:00Z`);
  const buffer = Buffer.from(lines.join('\n'));
  await t.openApp('audit.html?vendor=threepbx&package=standard', { selector: 'input[name="file"]' });
  await t.page.setInputFiles('input[name="file"]', { name: 'big.csv', mimeType: 'text/csv', buffer });
  await t.waitFor('[data-progress]');
  await t.page.waitForFunction(() => Number(document.querySelector('[data-progress]')?.value) > 0);
  await t.page.click('[data-action="cancel"]');
  await t.waitFor('[data-run="cancelled"]', { state: 'attached' });
  assert.equal(await t.page.locator('[data-summary]').count(), 0, 'no summary of a cancelled run');
  // Still usable: the next file is audited.
  await t.page.fill('input[name="as_of"]', '2026-04-30T00:00:00Z');
  await t.page.setInputFiles('input[name="file"]', resolve(fixtures, 'generic.csv'));
  await t.waitFor('[data-run="done"], [data-run="failed"]', { state: 'attached' });
}, { timeoutMs: 120000 });

test('no request leaves the page during an audit and its exports', async (t) => {
  const seen = [];
  t.page.on('request', (r) => seen.push(r));
  const c = CASES[1];
  await audit(t, c);
  await Promise.all([t.page.waitForEvent('download'), t.page.click('[data-action="export-csv"]')]);
  await Promise.all([t.page.waitForEvent('download'), t.page.click('[data-action="export-summary"]')]);
  const base = new URL(t.appUrl).pathname;
  for (const r of seen) {
    const u = new URL(r.url());
    if (u.protocol === 'blob:' || u.protocol === 'data:') continue;
    assert.equal(u.origin, t.origin, `same origin: ${r.url()}`);
    assert.equal(r.method(), 'GET', `only the page's own files are fetched: ${r.method()} ${r.url()}`);
    assert.equal(r.postData(), null);
    // The page, its script, wasm and worker script: nothing with the file's contents.
    assert.match(u.pathname.slice(base.length), /^(audit\.html|audit-[0-9a-f]+(_bg\.wasm|\.js)|audit-worker\.js)$/, r.url());
    assert.equal(u.search, u.pathname.endsWith('audit.html') ? `?vendor=${c.vendor}&package=${c.package}` : '');
  }
  assert.deepEqual(t.externalRequests, []);
});

test('?view=audit on the calculator opens the audit with the same vendor and package; the calculator links to it', async (t) => {
  await t.openApp('?vendor=threepbx&package=standard&severity=2&view=audit', { selector: 'input[name="file"]' });
  assert.match(t.page.url(), /audit\.html\?vendor=threepbx&package=standard$/);
  assert.equal(await t.page.inputValue('select[name="package"]'), 'standard');
  assert.equal(await t.page.inputValue('select[name="vendor"]'), 'threepbx');
  await t.openApp('?vendor=threepbx&package=standard', { selector: '[data-audit-link]' });
  assert.equal(await t.page.getAttribute('[data-audit-link]', 'href'), 'audit.html?vendor=threepbx&package=standard');
});

test('on a phone the audited page never scrolls sideways; wide tables scroll in their own box', async (t) => {
  await audit(t, CASES[1]);
  const overflow = await t.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
  // The chart's bars each read as text.
  const bars = await t.page.$$eval('[data-chart="states"] ul li', (ts) => ts.map((x) => x.textContent));
  assert.equal(bars.length, await t.page.locator('[data-chart="states"] [data-bar]').count(), 'a text per bar');
  assert.ok(bars.length > 0 && bars.every((b) => /: \d+ met, \d+ breached/.test(b)), bars.join('; '));
}, { viewport: { width: 390, height: 844 } });

test('editing the mapping audits again: a priority mapped, a column left out', async (t) => {
  const c = CASES[0];
  await audit(t, c);
  const bad = Number(await t.page.getAttribute('[data-bad-rows]', 'data-bad-rows'));
  assert.ok(await t.page.locator('[data-severity-map] tr[data-value="Critical"][data-unmapped]').count(), 'Critical starts unmapped');
  // Chosen from the keyboard's place: the select has the focus.
  await t.page.focus('[data-severity-map] tr[data-value="Critical"] select');
  await t.page.selectOption('[data-severity-map] tr[data-value="Critical"] select', '1');
  await t.waitFor('[data-run="done"]', { state: 'attached' });
  await t.page.waitForFunction((n) => Number(document.querySelector('[data-bad-rows]')?.dataset.badRows ?? 0) === n, bad - 1);
  assert.equal(await t.page.locator('[data-severity-map] tr[data-value="Critical"][data-unmapped]').count(), 0);
  // The row was kept, so a keyboard user is still on the select they changed.
  assert.equal(
    await t.page.evaluate(() => document.activeElement?.closest('tr')?.dataset.value),
    'Critical',
    'focus stays on the edited mapping',
  );
  assert.equal(await t.page.inputValue('[data-severity-map] tr[data-value="Critical"] select'), '1');
  // Targets by the policy's names; counts in words.
  const named = await t.page.$$eval('[data-summary] tr[data-target]', (trs) => trs.map((tr) => [tr.dataset.target, tr.querySelector('td').textContent]));
  assert.ok(named.length > 0 && named.every(([id, label]) => label !== id), `targets named by their labels: ${JSON.stringify(named)}`);
  assert.match(await t.text('[data-counts]'), /^\d+ tickets? audited; \d+ rows? could not be audited\./);
  // Without a resolved column, no resolution target is met, breached or open.
  await t.page.selectOption('[data-mapping] tr[data-field="resolved"] select', 'none');
  await t.page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-summary] tr[data-target="resolution"]')];
    return document.querySelector('[data-run]')?.dataset.run === 'done' &&
      rows.every((r) => ['[data-met]', '[data-breached]', '[data-open]'].every((s) => r.querySelector(s).textContent === '0'));
  });
  assert.equal(await t.page.inputValue('[data-mapping] tr[data-field="resolved"] select'), 'none');
});
