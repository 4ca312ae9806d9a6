// Every control updates the view and the URL (history.replaceState), the
// keyboard alone can drive the form, and the last choices are remembered.
import { test, assert } from './lib.mjs';
import { batch, params, query, shownTargets, waitForParam } from './engine.mjs';

// Monday 13:00 in New York, 19:00 in Berlin: the two regions differ.
const OPENED = '2026-03-02T18:00:00Z';
const start = query({ vendor: 'nextplane', package: 'business', region: 'us', severity: '2', opened: OPENED, tz: 'UTC' });

async function due(t, id) {
  return (await shownTargets(t.page)).find((x) => x.id === id)?.due ?? null;
}

test('vendor, package, region and severity update the view and the URL', async (t) => {
  await t.openApp(start, { selector: '[data-target]' });
  const before = await due(t, 'first_response');

  await t.page.selectOption('select[name="region"]', 'emea');
  await waitForParam(t.page, 'region', 'emea');
  const [emea] = batch([{ vendor: 'nextplane', package: 'business', region: 'emea', severity: '2', opened: OPENED }]);
  await t.page.waitForFunction((d) => document.querySelector('[data-target="first_response"] time')?.getAttribute('datetime') === d, emea.targets[0].due);
  assert.notEqual(await due(t, 'first_response'), before);

  await t.page.check('input[name="severity"][value="4"]');
  await waitForParam(t.page, 'severity', '4');
  await t.page.waitForFunction(() => document.querySelector('[data-target="next_update"] time') !== null);

  await t.page.selectOption('select[name="package"]', 'startup');
  await waitForParam(t.page, 'package', 'startup');
  assert.equal(params(t.page).get('region'), null, 'Startup has no region');
  await t.page.waitForFunction(() => document.title === 'NextPlane ConverseCloud, Startup, Priority Four \u2013 SLA calculator');
  assert.equal(await t.page.locator('select[name="region"]').count(), 0, 'the region control goes away');
  await t.page.waitForFunction(() => document.querySelector('[data-target="next_update"]')?.getAttribute('data-outcome') === 'as_needed');

  await t.page.selectOption('select[name="vendor"]', 'unnamed-eu');
  await waitForParam(t.page, 'vendor', 'unnamed-eu');
  assert.equal(params(t.page).get('package'), 'professional');
  assert.equal(params(t.page).get('severity'), '4', 'the severity id carries over');
  await t.page.waitForFunction(() => document.querySelector('[data-target="resolution"]')?.getAttribute('data-outcome') === 'best_effort');
  // Each severity shows the policy's own definition next to its label.
  assert.match(await t.text('label[for="f-severity-1"]'), /^Severity 1 \(Urgent\)\s*Most users of a part of the software/);
});

test('switching vendors rewrites the severity radios and target cards in place', async (t) => {
  await t.openApp(start, { selector: '[data-target]' });
  // Record what changes: a radio or card built again would show up as
  // attributes removed and set, or as text nodes replaced.
  await t.page.evaluate(() => {
    window.changed = [];
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && r.target.matches('input[name="severity"]')) window.changed.push(`radio ${r.attributeName}`);
        if (r.type === 'childList' && r.target.closest?.('li.card time, li.card h3')) window.changed.push(`card ${r.target.tagName}`);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const words = () => t.text('label[for="f-severity-1"]');
  const before = await words();
  // NextPlane has two targets, ipcelerate four, numonix three.
  await t.page.selectOption('select[name="vendor"]', 'ipcelerate');
  await t.page.waitForFunction(() => document.querySelectorAll('li.card').length === 4);
  assert.notEqual(await words(), before, 'the words follow the vendor');
  await t.page.selectOption('select[name="vendor"]', 'numonix');
  await t.page.waitForFunction(() => document.querySelectorAll('li.card').length === 3);
  assert.deepEqual(await t.page.evaluate(() => window.changed), []);
  const targets = await t.page.$$eval('li.card', (cards) => cards.map((c) => c.dataset.target));
  assert.deepEqual(targets, ['response', 'resolution', 'status_reports'], 'the cards show the new targets');
  assert.equal(await t.page.evaluate(() => document.querySelector('input[name="severity"]:checked')?.value), '2');
});

test('the opened time, the Now button and the display zone update the view and the URL', async (t) => {
  await t.openApp(start, { selector: '[data-target]' });
  await t.page.fill('input[name="opened"]', '2026-03-03T10:00');
  await waitForParam(t.page, 'opened', '2026-03-03T10:00:00Z');
  const [answer] = batch([{ vendor: 'nextplane', package: 'business', region: 'us', severity: '2', opened: '2026-03-03T10:00:00Z' }]);
  assert.equal(await due(t, 'first_response'), answer.targets[0].due);

  await t.page.selectOption('select[name="tz"]', 'Asia/Kolkata');
  await waitForParam(t.page, 'tz', 'Asia/Kolkata');
  assert.match(await t.text('[data-target="first_response"] time'), / IST$/);
  // The opened time is typed in its own zone (here the browser's, UTC),
  // not the display zone: neither the field nor the instant moves.
  assert.equal(await t.page.inputValue('input[name="opened"]'), '2026-03-03T10:00', 'the input keeps its own zone');
  assert.equal(await due(t, 'first_response'), answer.targets[0].due, 'the instant does not move');

  // Typing a wall time means that time in the opened field's zone.
  await t.page.fill('input[name="opened"]', '2026-03-04T09:00');
  await waitForParam(t.page, 'opened', '2026-03-04T09:00:00Z');

  await t.page.selectOption('select[name="tz"]', '');
  await waitForParam(t.page, 'tz', null);

  // Another IANA zone, typed; a bad one is refused with an alert.
  await t.page.selectOption('select[name="tz"]', 'other');
  await t.waitFor('#f-tz-other');
  assert.equal(await t.page.locator('#f-tz-names option').count(), 0, 'suggestions wait for the field to be focused');
  await t.page.fill('#f-tz-other', 'Mars/Olympus_Mons');
  await t.page.press('#f-tz-other', 'Enter');
  await t.page.waitForFunction(() => /not a time zone/.test(document.querySelector('#f-tz-other-error')?.textContent ?? ''));
  assert.equal(await t.page.getAttribute('#f-tz-other-error', 'role'), 'alert');
  assert.ok((await t.page.locator('#f-tz-names option').count()) > 300, 'the browser suggests its zones');
  await t.page.fill('#f-tz-other', 'America/Argentina/Ushuaia');
  await t.page.press('#f-tz-other', 'Enter');
  await waitForParam(t.page, 'tz', 'America/Argentina/Ushuaia');
  assert.match(await t.text('[data-target="first_response"] time'), / UTC-3$/);

  await t.page.click('button:text-is("Now")');
  await t.page.waitForFunction(() => {
    const opened = new URL(location.href).searchParams.get('opened');
    return Math.abs(Date.parse(opened) - Date.now()) < 120000;
  });
});

test('pauses can be added, edited and removed', async (t) => {
  await t.openApp(start, { selector: '[data-target]' });
  const before = await due(t, 'first_response');
  await t.page.click('button:text-is("Add pause")');
  await t.page.waitForFunction(() => new URL(location.href).searchParams.getAll('pause').length === 1);
  await t.page.fill('[data-pause="0"] [data-pause-from]', '2026-03-02T18:30');
  await t.page.fill('[data-pause="0"] [data-pause-until]', '2026-03-02T19:30');
  await waitForParam(t.page, 'pause', '2026-03-02T18:30:00Z/2026-03-02T19:30:00Z');
  const [answer] = batch([
    {
      vendor: 'nextplane', package: 'business', region: 'us', severity: '2', opened: OPENED,
      pauses: [{ from: '2026-03-02T18:30:00Z', until: '2026-03-02T19:30:00Z' }],
    },
  ]);
  assert.equal(await due(t, 'first_response'), answer.targets[0].due);
  assert.notEqual(answer.targets[0].due, before);

  // An end before the start is refused with a message; the pause stays as it was.
  await t.page.fill('[data-pause="0"] [data-pause-until]', '2026-03-02T18:00');
  await t.page.waitForFunction(() => /end must be after the start/.test(document.querySelector('.pauses').textContent));
  assert.equal(params(t.page).get('pause'), '2026-03-02T18:30:00Z/2026-03-02T19:30:00Z');
  // A pause moved before the opening is refused, named once as the list numbers it.
  await t.page.fill('[data-pause="0"] [data-pause-from]', '2026-03-01T09:00');
  await t.page.waitForFunction(() => /ends before the ticket opened/.test(document.querySelector('.pauses').textContent));
  assert.match(await t.text('.pauses'), /pause 1: the pause \S+ ends before the ticket opened \(\S+\), so it would move nothing\./);
  assert.doesNotMatch(await t.text('.pauses'), /pause: /);
  assert.equal(params(t.page).get('pause'), '2026-03-02T18:30:00Z/2026-03-02T19:30:00Z');

  await t.page.click('button[aria-label="Remove pause 1"]');
  await waitForParam(t.page, 'pause', null);
  assert.equal(await due(t, 'first_response'), before);
});

test('holiday dates of the schedule in view can be removed and added', async (t) => {
  // Thanksgiving 2026 (26 Nov) is a US federal holiday in NextPlane's US hours.
  const link = query({ vendor: 'nextplane', package: 'business', region: 'us', severity: '3', opened: '2026-11-25T23:30:00Z', tz: 'UTC' });
  await t.openApp(link, { selector: '[data-target]' });
  const request = { vendor: 'nextplane', package: 'business', region: 'us', severity: '3', opened: '2026-11-25T23:30:00Z' };
  await t.page.click('.holidays summary');
  const thanksgiving = t.page.locator('input#f-hol-2026-11-26');
  assert.equal(await thanksgiving.isChecked(), true);
  await thanksgiving.uncheck();
  await waitForParam(t.page, 'holiday', '-2026-11-26');
  const { deadlines } = await import('./engine.mjs');
  const worked = deadlines({ ...request, holiday: ['-2026-11-26'] });
  assert.equal(await due(t, 'first_response'), worked.targets[0].due);
  assert.equal(await thanksgiving.isChecked(), false);
  assert.equal(await t.page.evaluate(() => document.activeElement?.id), 'f-hol-2026-11-26', 'focus stays on the box');

  await t.page.fill('input[name="holiday"]', '2026-11-27');
  await t.page.click('.holidays button:text-is("Add")');
  await t.page.waitForFunction(() => new URL(location.href).searchParams.getAll('holiday').includes('+2026-11-27'));
  const both = deadlines({ ...request, holiday: ['-2026-11-26', '+2026-11-27'] });
  assert.equal(await due(t, 'first_response'), both.targets[0].due);
  assert.match(await t.text('.holidays summary'), /\(2 changes\)/);
});

test('the view switch shows the tier table and all vendors', async (t) => {
  await t.openApp(start, { selector: '[data-target]' });
  await t.page.check('input[name="view"][value="compare"]');
  await waitForParam(t.page, 'view', 'compare');
  await t.waitFor('table.compare[data-vendor="nextplane"]');
  assert.equal(await t.page.locator('table.compare').count(), 1);
  await t.page.check('input[name="view"][value="vendors"]');
  await waitForParam(t.page, 'view', 'vendors');
  await t.page.waitForFunction(() => document.querySelectorAll('table.compare').length === 5);
  await t.page.check('input[name="view"][value="ticket"]');
  await waitForParam(t.page, 'view', null);
  await t.waitFor('[data-charges], select[name="service"]');
});

test('the keyboard alone drives the form, and focus stays put', async (t) => {
  await t.openApp(start, { selector: '[data-target]' });
  await t.page.focus('select[name="vendor"]');
  // Tab order reaches the package select next, then the region.
  await t.page.keyboard.press('Tab');
  assert.equal(await t.page.evaluate(() => document.activeElement.name), 'package');
  await t.page.keyboard.press('Tab');
  assert.equal(await t.page.evaluate(() => document.activeElement.name), 'region');
  await t.page.keyboard.press('Tab');
  assert.equal(await t.page.evaluate(() => document.activeElement.id), 'f-severity-2');
  await t.page.keyboard.press('ArrowDown');
  await waitForParam(t.page, 'severity', '3');
  assert.equal(await t.page.evaluate(() => document.activeElement.id), 'f-severity-3');
  await t.page.keyboard.press('ArrowDown');
  await waitForParam(t.page, 'severity', '4');
  assert.equal(await t.page.evaluate(() => document.activeElement.id), 'f-severity-4');
  // The view switch works with arrows too.
  await t.page.focus('input[name="view"][value="ticket"]');
  await t.page.keyboard.press('ArrowRight');
  await waitForParam(t.page, 'view', 'compare');
  // Every form control has a label.
  const unlabelled = await t.page.$$eval('input, select, textarea', (els) =>
    els.filter((e) => e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')).map((e) => e.outerHTML),
  );
  assert.deepEqual(unlabelled, []);
});

test('the tier table marks your package and the cells that differ from it', async (t) => {
  await t.openApp(query({ vendor: 'unnamed-eu', package: 'gold', severity: '1', opened: OPENED, tz: 'UTC', view: 'compare' }), {
    selector: 'table.compare',
  });
  assert.deepEqual(await t.page.$$eval('th[data-chosen]', (l) => l.map((h) => h.getAttribute('data-package'))), ['gold']);
  assert.match(await t.text('th[data-chosen]'), /Your package/);
  // Professional has no first response at all: that cell differs, Gold's own does not.
  const row = 'tr[data-row="first_response"]';
  assert.ok(await t.page.locator(`${row}[data-varies]`).count(), 'the row is marked as varying');
  const cells = await t.page.$$eval(`${row} td`, (l) =>
    l.map((c) => ({ differs: c.hasAttribute('data-differs'), verdict: c.dataset.verdict ?? null, text: c.innerText, bg: getComputedStyle(c).backgroundColor })),
  );
  assert.equal(cells.length, 3);
  assert.deepEqual(cells.map((c) => c.differs), [true, false, false]);
  // Said in words, not colour alone: no promise is worse than Gold's.
  assert.deepEqual(cells.map((c) => c.verdict), ['worse', null, null]);
  assert.match(cells[0].text, /^▼ Worse/);
  assert.notEqual(cells[0].bg, cells[2].bg, 'a differing cell is shaded');
});

test('last choices fill a page opened without parameters; a link shows only itself', async (t) => {
  await t.openApp(start, { selector: '[data-target]' });
  await t.page.selectOption('select[name="vendor"]', 'threepbx');
  await t.page.check('input[name="severity"][value="3"]');
  await t.page.selectOption('select[name="tz"]', 'Australia/Sydney');
  await waitForParam(t.page, 'tz', 'Australia/Sydney');
  await t.openApp('', { selector: '[data-target]' });
  assert.equal(params(t.page).get('vendor'), 'threepbx');
  assert.equal(params(t.page).get('severity'), '3');
  assert.equal(params(t.page).get('tz'), 'Australia/Sydney');
  assert.equal(await t.page.locator('[role="alert"] li').count(), 0, 'remembered values raise no alert');
  await t.openApp(query({ vendor: 'numonix', severity: '2' }), { selector: '[data-target]' });
  assert.equal(params(t.page).get('vendor'), 'numonix');
  assert.equal(params(t.page).get('package'), 'saas');
  assert.equal(params(t.page).get('severity'), '2');
  assert.equal(params(t.page).get('tz'), null, 'fields a link leaves out take their defaults');
});

// The zone list is short and fixed; whatever zone is in use is the one shown.
test('the zone select always shows the zone in use', async (t) => {
  const selected = () => t.page.$eval('select[name="tz"]', (s) => s.selectedOptions[0].textContent.trim());
  // An alias chrono-tz compiles but the list leaves out gets its own option.
  await t.openApp(query({ vendor: 'nextplane', package: 'startup', severity: '2', opened: OPENED, tz: 'US/Pacific' }), { selector: '[data-target]' });
  assert.equal(await selected(), 'US/Pacific');
  // Each zone once: the vendor's (Los Angeles) is not listed again.
  const labels = await t.page.$$eval('select[name="tz"] option', (o) => o.map((x) => x.textContent.trim()));
  assert.deepEqual(labels.filter((l) => l.includes('America/Los_Angeles')), ["Vendor's zone (America/Los_Angeles)"]);
  await t.page.selectOption('select[name="tz"]', 'America/Los_Angeles');
  await waitForParam(t.page, 'tz', 'America/Los_Angeles');
  assert.equal(await selected(), "Vendor's zone (America/Los_Angeles)");
  // Another vendor: the same zone is now just a list entry.
  await t.page.selectOption('select[name="vendor"]', 'unnamed-eu');
  await waitForParam(t.page, 'vendor', 'unnamed-eu');
  assert.equal(await selected(), 'America/Los_Angeles');
  assert.equal(await t.page.$eval('select[name="tz"]', (s) => s.selectedOptions.length), 1);
});
