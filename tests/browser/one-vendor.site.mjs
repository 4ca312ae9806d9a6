// A site built for one fixture vendor in a zone no built-in policy uses
// (scripts/test.sh step `vendor`:
//   SLA_VENDORS=acme SLA_POLICIES=tests/fixtures/acme.json scripts/build-site.sh).
// Run with --file one-vendor.site.mjs: no vendor chooser or all-vendors
// view, the header and title name the vendor, and every package and
// severity shows the deadlines `sla deadlines --policy` computes.
import { test, assert } from './lib.mjs';
import { query, shownTargets, sla } from './engine.mjs';

const POLICY = 'tests/fixtures/acme.json';
const NAME = 'Acme Cloud Voice';
// A Friday afternoon in Sydney (daylight time), and a Monday in its winter.
const OPENED = ['2026-03-06T05:30:00Z', '2026-07-13T01:00:00Z'];
const PACKAGES = ['standard', 'premium'];
const SEVERITIES = ['1', '2', '3'];

test('a one-vendor site names the vendor and offers no other', async (t) => {
  await t.openApp('', { selector: '[data-target]' });
  assert.equal(await t.page.locator('select[name="vendor"]').count(), 0, 'no vendor chooser');
  assert.equal(await t.page.locator('input[name="view"][value="vendors"]').count(), 0, 'no all-vendors view');
  assert.equal(await t.page.locator('input[name="view"]').count(), 2, 'this ticket and the packages');
  assert.equal((await t.page.textContent('h1')).trim(), `${NAME} SLA calculator`);
  assert.ok((await t.page.title()).startsWith(NAME), await t.page.title());
  // view=vendors is reported and shows this ticket.
  await t.openApp(query({ view: 'vendors' }), { selector: '[data-target]' });
  assert.equal(await t.page.locator('[data-problem="view"]').count(), 1);
  assert.equal(await t.page.locator('table.compare').count(), 0);
  assert.equal(await t.page.locator('input[name="view"][value="ticket"]').isChecked(), true);
});

test("every package and severity shows sla deadlines' answer", async (t) => {
  let checked = 0;
  for (const pkg of PACKAGES) {
    for (const severity of SEVERITIES) {
      const opened = OPENED[checked % OPENED.length];
      const want = JSON.parse(
        sla(['deadlines', '--policy', POLICY, '--package', pkg, '--severity', severity, '--opened', opened, '--json']),
      );
      assert.ok(want.targets?.length, JSON.stringify(want));
      await t.openApp(query({ vendor: 'acme', package: pkg, severity, opened, tz: 'UTC' }), { selector: '[data-target]' });
      const shown = await shownTargets(t.page);
      assert.deepEqual(
        shown.map(({ id, outcome, due }) => ({ id, outcome, due })),
        want.targets.map(({ id, outcome, due }) => ({ id, outcome, due })),
        `${pkg} severity ${severity} opened ${opened}`,
      );
      checked++;
    }
  }
  assert.equal(checked, 6);
}, { timeoutMs: 120000 });

test('the audit page of a one-vendor site offers no other vendor and audits against it', async (t) => {
  await t.openApp('?view=audit', { selector: 'input[name="file"]' });
  assert.match(t.page.url(), /audit\.html$/);
  assert.equal(await t.page.locator('select[name="vendor"]').count(), 0, 'no vendor chooser');
  assert.deepEqual(await t.page.$$eval('select[name="package"] option', (os) => os.map((o) => o.value)), PACKAGES);
  const csv = 'id,severity,opened,first_response,resolved\nA-1,1,2026-03-06T05:30:00Z,2026-03-06T05:40:00Z,\n';
  await t.page.setInputFiles('input[name="file"]', { name: 'acme.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await t.waitFor('[data-run="done"]', { state: 'attached' });
  assert.equal(await t.page.getAttribute('[data-shown]', 'data-shown'), '1');
  assert.ok(await t.page.locator('[data-summary] tr[data-severity="1"]').count() > 0);
});
