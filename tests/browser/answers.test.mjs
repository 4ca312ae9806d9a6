// Issue 19 "Answers first", items 2, 3, 7 and 9: the zone of the opened
// time beside it, the charge arithmetic, comparisons that say better or
// worse (copied and printed), and the context that was missing.
import { test, assert } from './lib.mjs';
import { charge, params, query, waitForParam } from './engine.mjs';

async function inZone(t, zone) {
  const cdp = await t.context.newCDPSession(t.page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: zone });
}

// Tue 3 Mar 2026 18:30 UTC: 18:30 in London (GMT, offset 0: the browser
// gives no abbreviation, so it reads UTC), 13:30 in New York (EST).
const LONDON_EVENING = { vendor: 'threepbx', package: 'standard', severity: '2', opened: '2026-03-03T18:30:00Z' };

test('item 2: the opened time says its zone, and only that zone moves it', async (t) => {
  await inZone(t, 'Europe/London');
  await t.openApp(query(LONDON_EVENING), { selector: '[data-target]' });
  assert.equal(await t.page.inputValue('input[name="opened"]'), '2026-03-03T18:30');
  assert.equal(await t.page.inputValue('select[name="opened_tz"]'), '', 'the default: your zone');
  const label = await t.page.$eval('select[name="opened_tz"]', (s) => s.selectedOptions[0].textContent.trim());
  assert.equal(label, 'Your zone (Europe/London)', 'the default is said');
  assert.equal(
    await t.text('[data-opened-words]'),
    "Tue 3 Mar 2026, 18:30 London time (UTC), your zone; 13:30 EST in New York, the vendor's support zone",
  );

  // "Show times in" New York: the ticket does not move, nor does its field.
  await t.page.selectOption('select[name="tz"]', 'America/New_York');
  await waitForParam(t.page, 'tz', 'America/New_York');
  assert.equal(params(t.page).get('opened'), '2026-03-03T18:30:00Z');
  assert.equal(await t.page.inputValue('input[name="opened"]'), '2026-03-03T18:30');

  // The zone of the opened time, changed deliberately: the wall time stays.
  await t.page.selectOption('select[name="opened_tz"]', 'America/New_York');
  await waitForParam(t.page, 'opened_tz', 'America/New_York');
  assert.equal(params(t.page).get('opened'), '2026-03-03T23:30:00Z');
  assert.equal(await t.page.inputValue('input[name="opened"]'), '2026-03-03T18:30');
  assert.equal(await t.text('[data-opened-words]'), "Tue 3 Mar 2026, 18:30 New York time (EST), the vendor's support zone");

  // Typing now means New York time.
  await t.page.fill('input[name="opened"]', '2026-03-04T09:00');
  await waitForParam(t.page, 'opened', '2026-03-04T14:00:00Z');
});

test('item 2: a link keeps its instant for a visitor in any zone, and carries opened_tz', async (t) => {
  await inZone(t, 'Asia/Kolkata');
  await t.openApp(query({ ...LONDON_EVENING, opened_tz: 'Europe/Berlin' }), { selector: '[data-target]' });
  assert.equal(params(t.page).get('opened'), '2026-03-03T18:30:00Z');
  assert.equal(await t.page.inputValue('input[name="opened"]'), '2026-03-03T19:30', 'read in Berlin (CET)');
  assert.match(await t.text('[data-opened-words]'), /^Tue 3 Mar 2026, 19:30 Berlin time \(CET\); 13:30 EST in New York/);
});

test('item 9: each zone appears once in the zone lists', async (t) => {
  await inZone(t, 'America/New_York');
  await t.openApp(query(LONDON_EVENING), { selector: '[data-target]' });
  for (const select of ['tz', 'opened_tz']) {
    const texts = await t.page.$$eval(`select[name="${select}"] option`, (o) => o.map((x) => x.textContent));
    const ny = texts.filter((x) => x.includes('America/New_York'));
    assert.deepEqual(ny, ["Your zone, also the vendor's (America/New_York)"], `${select}: ${JSON.stringify(texts)}`);
    const values = await t.page.$$eval(`select[name="${select}"] option`, (o) => o.map((x) => x.value));
    assert.equal(new Set(values).size, values.length, `${select}: no value twice`);
  }
});

// Mon 2 Mar 2026 13:00 New York: within ThreePBX business hours (09:00-19:00).
const WEEKDAY = { vendor: 'threepbx', package: 'standard', severity: '3', opened: '2026-03-02T18:00:00Z', service: 'new_install', hours: '1.5' };

test('item 3: a 0 says what the work would cost and what would make it billable', async (t) => {
  const want = charge(WEEKDAY);
  assert.equal(want.total_minor, 0);
  await t.openApp(query({ ...WEEKDAY, tz: 'UTC' }), { selector: '[data-charge-total]' });
  assert.equal(await t.page.getAttribute('[data-charge-total]', 'data-charge-total'), '0');
  assert.equal(await t.text('[data-charge-arithmetic]'), 'If billed: 1 h 30 min × US$125.00 an hour, 1 h minimum = US$187.50');
  assert.equal(
    await t.text('[data-billable-when]'),
    'Billed for work starting outside Mon–Fri 09:00–19:00 US Eastern time, or “Priority handling requested”. ' +
      'Work starting from Mon 2 Mar 2026, 19:00 EST would be billed.',
  );

  // Ticking priority handling bills it: the same arithmetic, no condition.
  await t.page.check('input[name="flag"][value="priority_handling"]');
  await t.page.waitForFunction(() => document.querySelector('[data-charge-total]')?.dataset.chargeTotal === '18750');
  assert.equal(await t.text('[data-charge-arithmetic]'), '1 h 30 min × US$125.00 an hour, 1 h minimum = US$187.50');
  assert.equal(await t.page.locator('[data-billable-when]').count(), 0);

  // Half an hour: the minimum decides.
  await t.page.fill('input[name="hours"]', '0.5');
  await t.page.press('input[name="hours"]', 'Tab');
  await t.page.waitForFunction(() => document.querySelector('[data-charge-total]')?.dataset.chargeTotal === '12500');
  assert.equal(await t.text('[data-charge-arithmetic]'), '30 min × US$125.00 an hour, 1 h minimum = US$125.00');
});

// NextPlane severity 1, opened Mon 2 Mar 2026 14:00 UTC; your package
// Business (US): first response in 1 business hour, 15:00 UTC. Startup's 4
// business hours on Pacific hours end 21:00 UTC: worse.
const NEXTPLANE = { vendor: 'nextplane', package: 'business', region: 'us', severity: '1', opened: '2026-03-02T14:00:00Z', tz: 'UTC' };

test('item 7: compare says better or worse in words', async (t) => {
  await t.openApp(query({ ...NEXTPLANE, view: 'compare' }), { selector: 'table.compare' });
  const startup = t.page.locator('tr[data-row="first_response"] td').first();
  assert.equal(await startup.getAttribute('data-verdict'), 'worse');
  assert.match(await startup.innerText(), /^▼ Worse/);
  const chosen = t.page.locator('tr[data-row="first_response"] td').nth(1);
  assert.equal(await chosen.getAttribute('data-verdict'), null, 'your package is the reference');
  // Support hours differ without an order.
  assert.match(await t.page.locator('tr[data-row="coverage"] td').first().innerText(), /Differs, not comparable/);
});

test('item 7: all vendors line up by kind and judge against your package', async (t) => {
  await t.openApp(query({ ...NEXTPLANE, view: 'vendors' }), { selector: 'table.compare' });
  const kinds = await t.page.$$eval('table.compare', (tables) =>
    tables.map((table) => [...table.querySelectorAll('tbody tr')].slice(0, 3).map((r) => r.dataset.kind)),
  );
  assert.equal(kinds.length, 5);
  for (const k of kinds) assert.deepEqual(k, ['first-response', 'update', 'resolution']);
  // ThreePBX responds in 1 clock hour: 15:00 UTC, the same date as yours.
  const threepbx = t.page.locator('table.compare[data-vendor="threepbx"] tr[data-kind="first-response"] td').first();
  assert.equal(await threepbx.getAttribute('data-verdict'), 'same');
  assert.match(await threepbx.innerText(), /Same date/);
  assert.equal(await t.text('table.compare[data-vendor="ipcelerate"] tr[data-kind="first-response"] th'), 'First response (Level 1 response)');
});

test('item 7: the comparison copies as text and prints whole', async (t) => {
  await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.origin });
  await t.openApp(query({ ...NEXTPLANE, view: 'compare' }), { selector: 'table.compare' });
  await t.page.click('[data-action="copy-comparison"]');
  await t.page.waitForFunction(() => /copied/.test(document.querySelector('[data-compare-notice]')?.textContent ?? ''));
  const text = await t.page.evaluate(() => navigator.clipboard.readText());
  assert.match(text, /^Deadlines for a ticket opened Mon 2 Mar 2026, 14:00 UTC\./);
  assert.match(text, /\nPackages: Startup \| Business \(US Eastern hours\) \(your package\) \|/);
  assert.match(text, /\nFirst response: ▼ Worse: 4 business hours, Mon 2 Mar 2026, 21:00 UTC \| 1 business hour, Mon 2 Mar 2026, 15:00 UTC/);

  await t.page.emulateMedia({ media: 'print' });
  assert.equal(await t.page.locator('table.compare').isVisible(), true, 'the comparison prints');
  assert.equal(await t.page.locator('[data-action="print"]').isVisible(), false, 'its buttons do not');
  const clipped = await t.page.$eval('.table-wrap', (box) => box.scrollWidth > box.clientWidth + 1);
  assert.equal(clipped, false, 'no column is cut off on paper');
});

// ThreePBX Standard severity 1 opened Tue 3 Mar 2026 12:00 UTC: response in
// 1 clock hour (13:00); paused 12:15-12:45, it is due 13:30.
const PAUSED = { vendor: 'threepbx', package: 'standard', severity: '1', opened: '2026-03-03T12:00:00Z', pause: '2026-03-03T12:15:00Z/2026-03-03T12:45:00Z', tz: 'UTC' };

test('item 9: a pause shows on the cards it moved, and the window is named', async (t) => {
  await t.openApp(query(PAUSED), { selector: '[data-target]' });
  assert.equal(await t.page.getAttribute('[data-target="response"] time', 'datetime'), '2026-03-03T13:30:00Z');
  assert.equal(await t.text('[data-target="response"] [data-moved]'), 'Moved 30 min later by the clock pauses (from Tue 3 Mar 2026, 13:00 UTC)');
  assert.match(await t.text('[data-target="response"] .used span'), /^\d+% of the 1 clock hour allowed used, clock pauses not counted$/);
});

test('item 9: a pause over before the opening is reported, in the link and in the form', async (t) => {
  await t.openApp(query({ ...PAUSED, pause: '2026-03-02T12:15:00Z/2026-03-02T12:45:00Z' }), { selector: '[data-target]' });
  assert.equal(await t.page.getAttribute('[role="alert"] li', 'data-problem'), 'pause');
  assert.match(await t.text('[role="alert"] li'), /ends before the ticket opened \(2026-03-03T12:00:00Z\), so it would move nothing; this pause is left out/);
  assert.equal(await t.page.locator('[data-pause]').count(), 0);

  // A kept pause the opening then moves past is marked on its row.
  await t.openApp(query(PAUSED), { selector: '[data-pause]' });
  assert.equal(await t.page.locator('[data-pause-before-opening]').count(), 0);
  await t.page.fill('input[name="opened"]', '2026-03-03T14:00');
  await t.page.waitForSelector('[data-pause-before-opening]');
  assert.match(await t.text('[data-pause-before-opening]'), /ends before the ticket opened/);
});

test('item 9: impossible dates and unknown severities say what is wrong', async (t) => {
  await t.openApp(query({ ...PAUSED, pause: undefined, opened: '2026-13-45T99:00', severity: '9' }), { selector: '[data-target]' });
  const shown = await t.page.locator('[role="alert"] li').allTextContents();
  assert.deepEqual(shown.map((s) => s.trim()), [
    'unknown severity "9" (expected one of: 1, 2, 3, 4); showing Priority 1 instead',
    'opened: "2026-13-45T99:00" is not a valid time: month 13 does not exist (months run from 01 to 12); ' +
      'expected RFC 3339 such as 2026-03-02T09:00:00Z; showing the current time',
  ]);
});
