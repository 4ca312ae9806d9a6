// Bad link parameters: a clear message in role="alert", and that field alone
// falls back to its default; the rest of the link still applies.
import { test, assert } from './lib.mjs';
import { batch, params, query, shownTargets } from './engine.mjs';

const GOOD = { vendor: 'threepbx', package: 'standard', severity: '2', opened: '2026-03-02T14:00:00Z', tz: 'UTC' };

async function alerts(t) {
  return (await t.page.locator('[role="alert"] li').allTextContents()).map((s) => s.trim());
}

const CASES = [
  ['vendor', 'acme', /unknown vendor "acme" \(expected one of: nextplane, numonix, ipcelerate, unnamed-eu, threepbx\); showing NextPlane ConverseCloud/],
  ['package', 'platinum', /unknown package "platinum" \(expected one of: standard\); showing Standard support/],
  ['region', 'emea', /Standard support has no coverage regions, so region "emea" does not apply/],
  ['severity', '7', /unknown severity "7" .*showing Priority 1/],
  ['opened', '2026-03-02 09:00', /opened: .*is not a valid time.*showing the current time/],
  ['opened', '2026-03-02T09:00:00', /no UTC offset; add one such as Z or \+01:00/],
  ['pause', '2026-03-02T16:00:00Z/2026-03-02T15:00:00Z', /ends before it starts; this pause is left out/],
  ['tz', 'Mars/Olympus', /"Mars\/Olympus" is not an IANA time zone .*showing your browser's zone/],
  // Temporal reads an ISO date-time as the zone of its offset; not a zone name.
  ['tz', '20260101T00Z', /"20260101T00Z" is not an IANA time zone .*showing your browser's zone/],
  ['hours', 'lots', /"lots" is not a number of hours .*showing 1 hour/],
  ['days', '-3', /not a whole number of days from 0 to 1000; showing 1 day/],
  ['service', 'massage', /unknown service "massage" \(expected one of: new_install, p1_after_hours, professional_services\)/],
  ['flag', 'vip', /unknown flag "vip" \(expected one of: priority_handling, not_vendor_fault\)/],
  ['holiday', '+2026-13-45', /"2026-13-45" is not a date.*left out/],
  ['view', 'map', /unknown view "map" \(expected one of: ticket, compare, vendors\)/],
  ['embed', 'maybe', /embed: "maybe" is not 1 or 0; showing the full page/],
  ['theme', 'sepia', /theme: "sepia" is not light, dark or auto; showing your browser's colour scheme/],
];

for (const [name, value, message] of CASES) {
  test(`bad ${name}=${value} is reported and falls back alone`, async (t) => {
    await t.openApp(query({ ...GOOD, [name]: value }), { selector: '[data-target]' });
    const shown = await alerts(t);
    assert.equal(shown.length, 1, `one message: ${JSON.stringify(shown)}`);
    assert.match(shown[0], message);
    assert.equal(await t.page.getAttribute(`[role="alert"] li`, 'data-problem'), name);
    // Every other field of the link still applies.
    for (const [k, v] of Object.entries(GOOD)) {
      if (k === name || (name === 'vendor' && ['package'].includes(k)) || (name === 'tz' && k === 'tz')) continue;
      if (name === 'vendor' && k === 'severity') continue;
      assert.equal(params(t.page).get(k), name === 'opened' && k === 'opened' ? params(t.page).get(k) : v, `${k} kept`);
    }
    assert.ok((await t.page.locator('[data-target]').count()) > 0, 'the view still works');
  });
}

test('several bad parameters: one message each, and the good ones apply', async (t) => {
  const link = query({ vendor: 'unnamed-eu', package: 'gold', severity: 'x', opened: 'soon', tz: 'UTC', hours: '2' });
  await t.openApp(link, { selector: '[data-target]' });
  const shown = await alerts(t);
  assert.equal(shown.length, 2);
  assert.deepEqual(
    await t.page.$$eval('[role="alert"] li', (l) => l.map((x) => x.getAttribute('data-problem'))),
    ['severity', 'opened'],
  );
  assert.equal(params(t.page).get('package'), 'gold');
  assert.equal(params(t.page).get('severity'), '1');
  assert.ok(await t.page.isVisible('.problems'), 'the problems box is shown');
  // The message can be dismissed, and its box goes with it.
  await t.page.click('[role="alert"] button:text-is("Dismiss")');
  assert.equal(await t.page.locator('[role="alert"] li').count(), 0);
  assert.ok(await t.page.isHidden('.problems'), 'no empty problems box after dismissing');
});

test('a corrected link shows the engine deadlines with no alert', async (t) => {
  await t.openApp(query(GOOD), { selector: '[data-target]' });
  assert.deepEqual(await alerts(t), []);
  assert.ok(await t.page.isHidden('.problems'), 'no empty problems box');
  const [answer] = batch([{ vendor: GOOD.vendor, package: GOOD.package, severity: GOOD.severity, opened: GOOD.opened }]);
  assert.deepEqual((await shownTargets(t.page)).map((x) => x.due), answer.targets.map((x) => x.due));
});

test('extreme but valid inputs never panic or freeze the page', async (t) => {
  const links = [
    query({ ...GOOD, opened: '9000-12-31T23:00:00Z' }),
    query({ ...GOOD, opened: '1000-01-01T00:00:00Z', hours: '10000' }),
    // The longest pause accepted (10 years), on a business-day target.
    query({ vendor: 'ipcelerate', package: 'maintenance', severity: '3', opened: '2026-03-02T14:00:00Z', pause: '2026-03-02T14:00:00Z/2036-02-28T00:00:00Z' }),
    query({
      vendor: 'unnamed-eu', package: 'gold', severity: '2', opened: '2026-03-02T14:00:00Z',
      holiday: Array.from({ length: 400 }, (_, i) => `+${new Date(Date.UTC(2026, 2, 2 + i)).toISOString().slice(0, 10)}`),
    }),
  ];
  for (const link of links) {
    await t.openApp(link, { selector: '.layout' });
    // The page keeps ticking: the countdowns or the error stay live.
    const before = await t.page.evaluate(() => performance.now());
    await t.page.waitForTimeout(1100);
    const lag = (await t.page.evaluate(() => performance.now())) - before;
    assert.ok(lag < 3000, `the page stays responsive (${Math.round(lag)} ms)`);
    const shown = (await t.page.locator('[data-target]').count()) + (await t.page.locator('.deadlines [role="alert"]').count());
    assert.ok(shown > 0, `targets or a reason: ${link.slice(0, 100)}`);
  }
  assert.deepEqual(t.consoleErrors, []);
});

test('out-of-range times are refused, not computed', async (t) => {
  await t.openApp(query({ ...GOOD, opened: '9999-01-01T00:00:00Z', pause: '2026-03-02T14:00:00Z/2056-03-02T14:00:00Z' }), {
    selector: '[data-target]',
  });
  const shown = await alerts(t);
  assert.equal(shown.length, 2);
  assert.match(shown[0], /outside the years 1000 to 9000/);
  assert.match(shown[1], /at most 10 years/);
});
