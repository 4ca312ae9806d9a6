// Deep links: for every vendor, package (and region) and severity, the page
// shows exactly the targets, outcomes and due instants the engine computes
// natively (`sla batch`), including pauses and holiday edits.
import { test, assert } from './lib.mjs';
import { batch, deadlines, policies, query, shownTargets } from './engine.mjs';

// A Friday afternoon in New York: business-hour targets run over the weekend.
const OPENED = ['2026-03-06T19:30:00Z', '2026-11-25T16:00:00Z'];

// Every vendor, package and region, from the engine's own list, so the
// coverage cannot drift from the policies.
const POLICIES = policies();
const SELECTIONS = POLICIES.flatMap((p) =>
  p.packages.flatMap((pkg) => (pkg.regions.length ? pkg.regions : [null]).map((region) => [p.id, pkg.id, region])),
);

const cases = [];
for (const [vendor, pkg, region] of SELECTIONS) {
  for (const severity of POLICIES.find((p) => p.id === vendor).severities) {
    const opened = OPENED[cases.length % OPENED.length];
    cases.push({ vendor, package: pkg, ...(region ? { region } : {}), severity, opened });
  }
}
const expected = batch(cases);

async function assertMatches(t, request, answer, label) {
  assert.ok(answer.targets, `${label}: the engine answered ${JSON.stringify(answer)}`);
  await t.openApp(query({ ...request, tz: 'UTC' }), { selector: '[data-target]' });
  const shown = await shownTargets(t.page);
  const want = answer.targets.map((x) => ({ id: x.id, outcome: x.outcome, due: x.due }));
  assert.deepEqual(
    shown.map(({ id, outcome, due }) => ({ id, outcome, due })),
    want,
    `${label}: targets differ from the engine`,
  );
  for (const s of shown) {
    // Dated targets count down; the others say their outcome in words.
    if (s.due) assert.match(s.countdown, /^(due in|breached|due now|not before, in|date reached) /, `${label} ${s.id}`);
    else assert.equal(s.countdown, null, `${label} ${s.id} has no countdown`);
  }
}

test('the deep links cover every package and region, nextplane/enterprise/us included', () => {
  assert.ok(SELECTIONS.some(([v, p, r]) => v === 'nextplane' && p === 'enterprise' && r === 'us'));
  assert.equal(new Set(SELECTIONS.map(([v]) => v)).size, POLICIES.length);
  assert.ok(SELECTIONS.length >= 14, `${SELECTIONS.length} selections`);
});

for (const { id: vendor } of POLICIES) {
  test(`deep links for ${vendor} show the engine's deadlines`, async (t) => {
    let checked = 0;
    for (const [i, request] of cases.entries()) {
      if (request.vendor !== vendor) continue;
      await assertMatches(t, request, expected[i], JSON.stringify(request));
      checked++;
    }
    assert.ok(checked >= 4);
  }, { timeoutMs: 120000 });
}

test('pauses and holiday edits in the link move the deadlines as the engine does', async (t) => {
  const request = {
    vendor: 'nextplane',
    package: 'business',
    region: 'us',
    severity: '3',
    opened: '2026-11-25T14:00:00Z',
    pause: ['2026-11-25T15:00:00Z/2026-11-25T17:30:00Z', '2026-11-25T17:00:00Z/2026-11-25T18:00:00Z'],
    holiday: ['-2026-11-26', '+2026-11-27'],
  };
  const answer = deadlines(request);
  await assertMatches(t, request, answer, 'pauses + holidays');
  // The same without edits gives other dates: the edits were applied.
  const plain = deadlines({ ...request, pause: [], holiday: [] });
  assert.notDeepEqual(plain.targets, answer.targets);
});

test('the display zone changes the words, never the instants', async (t) => {
  const request = { vendor: 'unnamed-eu', package: 'gold', severity: '2', opened: '2026-03-02T08:00:00Z' };
  const [answer] = batch([request]);
  // A zone compiled into the wasm, with its abbreviation.
  await t.openApp(query({ ...request, tz: 'Asia/Kolkata' }), { selector: '[data-target]' });
  assert.equal(await t.text('[data-target="first_response"] time'), 'Mon 2 Mar 2026, 21:30 IST');
  assert.equal(
    await t.page.getAttribute('[data-target="first_response"] time', 'datetime'),
    answer.targets[0].due,
  );
  // Berlin is the vendor's zone: shown beside the display time.
  assert.match(await t.text('[data-target="first_response"] .vendor-time'), /^Mon 2 Mar 2026, 17:00 CET \(Berlin\)$/);
  // Zones chrono-tz was built without go through the browser's Intl.
  await t.openApp(query({ ...request, tz: 'Asia/Kathmandu' }), { selector: '[data-target]' });
  assert.equal(await t.text('[data-target="first_response"] time'), 'Mon 2 Mar 2026, 21:45 UTC+5:45');
  await t.openApp(query({ ...request, tz: 'Asia/Tokyo' }), { selector: '[data-target]' });
  assert.equal(await t.text('[data-target="first_response"] time'), 'Tue 3 Mar 2026, 01:00 UTC+9');
  assert.equal(
    await t.page.getAttribute('[data-target="first_response"] time', 'datetime'),
    answer.targets[0].due,
  );
});

// Zones chrono-tz lacks, the browser's own among them, come from Temporal
// where the browser has it (fast at start-up) and from Intl where it does not.
for (const temporal of [true, false]) {
  test(`the browser's zone and other zones, ${temporal ? 'through Temporal' : 'through Intl in a browser without Temporal'}`, async (t) => {
    if (temporal) {
      assert.equal(await t.page.evaluate(() => typeof Temporal), 'object', 'this Chromium has Temporal');
    } else {
      await t.page.addInitScript(() => delete globalThis.Temporal);
    }
    // Counts the page's Intl.DateTimeFormat constructions (the slow path).
    await t.page.addInitScript(() => {
      globalThis.intlFormats = 0;
      Intl.DateTimeFormat = new Proxy(Intl.DateTimeFormat, {
        construct(target, args) {
          globalThis.intlFormats += 1;
          return Reflect.construct(target, args);
        },
      });
    });
    const cdp = await t.context.newCDPSession(t.page);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'America/Sao_Paulo' });
    const request = { vendor: 'unnamed-eu', package: 'gold', severity: '2', opened: '2026-03-02T08:00:00Z' };
    await t.openApp(query(request), { selector: '[data-target]' });
    assert.equal(await t.text('[data-target="first_response"] time'), 'Mon 2 Mar 2026, 13:00 UTC-3');
    await t.openApp(query({ ...request, tz: 'Asia/Kathmandu' }), { selector: '[data-target]' });
    assert.equal(await t.text('[data-target="first_response"] time'), 'Mon 2 Mar 2026, 21:45 UTC+5:45');
    assert.equal(await t.page.evaluate(() => typeof Temporal), temporal ? 'object' : 'undefined');
    const formats = await t.page.evaluate(() => globalThis.intlFormats);
    if (temporal) assert.equal(formats, 0, 'no Intl.DateTimeFormat where Temporal answers');
    else assert.ok(formats > 0, 'Intl.DateTimeFormat answers without Temporal');
    assert.deepEqual(t.consoleErrors, []);
  });
}
