// Deep links: for every vendor, package (and region) and severity, the page
// shows exactly the targets, outcomes and due instants the engine computes
// natively (`sla batch`), including pauses and holiday edits.
import { test, assert } from './lib.mjs';
import { batch, deadlines, query, shownTargets } from './engine.mjs';

// A Friday afternoon in New York: business-hour targets run over the weekend.
const OPENED = ['2026-03-06T19:30:00Z', '2026-11-25T16:00:00Z'];

const SELECTIONS = [
  ['nextplane', 'startup', null],
  ['nextplane', 'business', 'us'],
  ['nextplane', 'business', 'emea'],
  ['nextplane', 'enterprise', 'emea'],
  ['nextplane', 'custom', null],
  ['numonix', 'saas', null],
  ['ipcelerate', 'maintenance', null],
  ['ipcelerate', 'impact', null],
  ['ipcelerate', 'time-and-materials', null],
  ['unnamed-eu', 'professional', null],
  ['unnamed-eu', 'enterprise', null],
  ['unnamed-eu', 'gold', null],
  ['threepbx', 'standard', null],
];

const cases = [];
for (const [vendor, pkg, region] of SELECTIONS) {
  for (const severity of ['1', '2', '3', '4']) {
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

for (const vendor of ['nextplane', 'numonix', 'ipcelerate', 'unnamed-eu', 'threepbx']) {
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
