// Charges for each vendor with rates: the page shows the engine's estimate
// (rounding, minimums, after-hours detection, hourly vs daily) and says when
// the policy states a fee without its amount.
import { test, assert } from './lib.mjs';
import { charge, query } from './engine.mjs';

// Monday 2 March 2026: 10:00 Los Angeles / 13:00 New York; and 21:00 New York.
const WEEKDAY = '2026-03-02T18:00:00Z';
const EVENING = '2026-03-03T02:00:00Z';
const SATURDAY = '2026-03-07T18:00:00Z';

const CASES = [
  { vendor: 'nextplane', package: 'startup', severity: '2', opened: WEEKDAY, service: 'federated_partner', hours: '1.25', billing: 'billable' },
  { vendor: 'nextplane', package: 'startup', severity: '2', opened: SATURDAY, service: 'federated_partner', hours: '3', billing: 'unavailable' },
  { vendor: 'ipcelerate', package: 'time-and-materials', severity: '2', opened: WEEKDAY, service: 'remote_hourly', hours: '2.5', billing: 'billable' },
  { vendor: 'ipcelerate', package: 'time-and-materials', severity: '2', opened: WEEKDAY, service: 'remote_daily', days: '2', billing: 'billable' },
  { vendor: 'ipcelerate', package: 'time-and-materials', severity: '1', opened: WEEKDAY, service: 'onsite_daily', days: '3', billing: 'billable' },
  { vendor: 'threepbx', package: 'standard', severity: '3', opened: EVENING, service: 'new_install', hours: '0.5', billing: 'billable' },
  { vendor: 'threepbx', package: 'standard', severity: '3', opened: WEEKDAY, service: 'new_install', hours: '1:45', billing: 'not-billable' },
  { vendor: 'threepbx', package: 'standard', severity: '3', opened: WEEKDAY, service: 'new_install', hours: '1:45', flag: 'priority_handling', billing: 'billable' },
  { vendor: 'threepbx', package: 'standard', severity: '1', opened: EVENING, service: 'p1_after_hours', hours: '2', flag: 'not_vendor_fault', billing: 'billable' },
  { vendor: 'threepbx', package: 'standard', severity: '1', opened: EVENING, service: 'p1_after_hours', hours: '2', billing: 'not-billable' },
  { vendor: 'threepbx', package: 'standard', severity: '4', opened: WEEKDAY, service: 'professional_services', hours: '1.1', billing: 'billable' },
];

async function shownTotal(t) {
  const total = t.page.locator('[data-charge-total]');
  return { minor: Number(await total.getAttribute('data-charge-total')), currency: await total.getAttribute('data-currency'), text: (await total.textContent()).trim() };
}

for (const c of CASES) {
  const { billing, ...request } = c;
  const label = `${c.vendor} ${c.service} ${c.hours ?? ''}${c.days ? `${c.days} d` : ''}${c.flag ? ` +${c.flag}` : ''} (${billing})`;
  test(`charge: ${label} matches the engine`, async (t) => {
    const want = charge(request);
    await t.openApp(query({ ...request, tz: 'UTC' }), { selector: '[data-charge-total]' });
    const got = await shownTotal(t);
    assert.equal(got.minor, want.total_minor);
    assert.equal(got.currency, want.currency);
    assert.equal(await t.page.getAttribute('[data-billing]', 'data-billing'), billing);
    const lines = await t.page.$$eval('.lines tbody tr', (rows) =>
      rows.map((r) => ({ label: r.querySelector('th').firstChild.textContent.trim(), rule: r.querySelector('.line-rule').textContent.trim() })),
    );
    assert.deepEqual(lines, want.lines.map((l) => ({ label: l.label, rule: l.rule })), 'each line with the rule behind it');
  });
}

test('typing hours, picking a service and ticking a fact update the estimate', async (t) => {
  const base = { vendor: 'threepbx', package: 'standard', severity: '3', opened: WEEKDAY };
  await t.openApp(query({ ...base, tz: 'UTC' }), { selector: '[data-charge-total]' });
  await t.page.selectOption('select[name="service"]', 'professional_services');
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('service') === 'professional_services');
  await t.page.fill('input[name="hours"]', '1:10');
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('hours') === '1:10');
  let want = charge({ ...base, service: 'professional_services', hours: '1:10' });
  assert.equal((await shownTotal(t)).minor, want.total_minor);
  assert.equal((await shownTotal(t)).text, 'US$187.50');
  // A value that is not a number of hours is explained and not applied.
  await t.page.fill('input[name="hours"]', 'two');
  await t.page.waitForFunction(() => /not a number of hours/.test(document.getElementById('f-hours-hint').textContent));
  assert.equal(await t.page.getAttribute('input[name="hours"]', 'aria-invalid'), 'true');
  assert.equal(new URL(t.page.url()).searchParams.get('hours'), '1:10');
  await t.page.fill('input[name="hours"]', '0.5');
  await t.page.selectOption('select[name="service"]', 'new_install');
  await t.page.check('input[name="flag"][value="priority_handling"]');
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('flag') === 'priority_handling');
  want = charge({ ...base, service: 'new_install', hours: '0.5', flag: 'priority_handling' });
  assert.equal((await shownTotal(t)).minor, want.total_minor);
  assert.equal(await t.page.locator('.lines tbody tr').count(), 2, 'the work and the one-hour minimum');
});

test('daily rates ask for days; the currency follows the vendor', async (t) => {
  const base = { vendor: 'ipcelerate', package: 'time-and-materials', severity: '2', opened: WEEKDAY };
  await t.openApp(query({ ...base, service: 'onsite_daily', tz: 'UTC' }), { selector: '[data-charge-total]' });
  assert.equal(await t.page.locator('input[name="hours"]').count(), 0);
  await t.page.fill('input[name="days"]', '4');
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('days') === '4');
  assert.equal((await shownTotal(t)).text, 'US$32,000.00');
  assert.equal((await shownTotal(t)).minor, charge({ ...base, service: 'onsite_daily', days: '4' }).total_minor);
});

test('a fee whose amount the policy does not state says so', async (t) => {
  await t.openApp(query({ vendor: 'ipcelerate', package: 'time-and-materials', severity: '2', opened: WEEKDAY, service: 'workaround_fee', tz: 'UTC' }), {
    selector: '[data-charge-status]',
  });
  assert.equal(await t.page.getAttribute('[data-charge-status]', 'data-charge-status'), 'not-stated');
  assert.equal(await t.page.locator('[data-charge-total]').count(), 0);
  assert.match(await t.text('[data-billing]'), /states that this fee exists but not its amount/);
  assert.match(await t.text('.unstated'), /Major release upgrade.*exists but not its amount/);
  // The assessment fee applies only once maintenance lapsed or was never held.
  assert.doesNotMatch(await t.text('.unstated'), /Software assessment fee/);
  await t.openApp(query({ vendor: 'ipcelerate', package: 'maintenance', severity: '2', opened: WEEKDAY }), { selector: '[data-billing]' });
  assert.equal(await t.page.inputValue('select[name="service"]'), 'software_assessment');
  assert.equal(await t.page.getAttribute('[data-billing]', 'data-billing'), 'not-billable');
  assert.equal(await t.page.getAttribute('[data-charge-total]', 'data-charge-total'), '0');
  await t.page.check('input[name="flag"][value="maintenance_lapsed"]');
  await t.page.waitForSelector('[data-charge-status="not-stated"]');
  assert.match(await t.text('.unstated'), /Software assessment fee.*exists but not its amount/);
  // Major releases (fee based) on Maintenance, the one-time enrollment on Impact.
  const services = async () => t.page.$$eval('select[name="service"] option', (o) => o.map((x) => x.value));
  assert.deepEqual(await services(), ['software_assessment', 'major_release']);
  await t.openApp(query({ vendor: 'ipcelerate', package: 'impact', severity: '2', opened: WEEKDAY, service: 'impact_enrollment' }), {
    selector: '[data-charge-status]',
  });
  assert.deepEqual(await services(), ['software_assessment', 'impact_enrollment']);
  assert.match(await t.text('.unstated'), /Impact program enrollment.*A one-time fee/);
});

// ThreePBX §3 bills "new install support tickets requiring support after
// 7pm Eastern": a ticket opened Tue 3 Mar 12:00 EST for a session at 20:00
// EST is billed, one opened at 08:00 for a session at 10:00 is not.
test('charges are judged when the work starts (work_at), and the page says when', async (t) => {
  const base = { vendor: 'threepbx', package: 'standard', severity: '4', service: 'new_install', hours: '1' };
  for (const [opened, workAt, billing] of [
    ['2026-03-03T17:00:00Z', '2026-03-04T01:00:00Z', 'billable'],
    ['2026-03-03T13:00:00Z', '2026-03-03T15:00:00Z', 'not-billable'],
  ]) {
    const want = charge({ ...base, opened, 'work-at': workAt });
    await t.openApp(query({ ...base, opened, work_at: workAt, tz: 'UTC' }), { selector: '[data-charge-total]' });
    assert.equal(await t.page.getAttribute('[data-billing]', 'data-billing'), billing);
    assert.equal((await shownTotal(t)).minor, want.total_minor);
    assert.equal(await t.text('[data-judged="work"]'), want.judged[0]);
  }
  assert.match(await t.text('[data-judged="work"]'), /^Judged at the work start, Tue 3 Mar 2026, 10:00 EST: within /);
  // Typing the work start updates the URL and the charge; "At opening" clears it.
  // The work start is typed in the opened time's zone (opened_tz).
  await t.openApp(query({ ...base, opened: '2026-03-03T17:00:00Z', opened_tz: 'America/New_York' }), { selector: '[data-work-at]' });
  assert.equal(await t.page.getAttribute('[data-billing]', 'data-billing'), 'not-billable');
  assert.equal(await t.page.inputValue('input[name="work_at"]'), '2026-03-03T12:00');
  await t.page.fill('input[name="work_at"]', '2026-03-03T20:30');
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('work_at') === '2026-03-04T01:30:00Z');
  await t.page.waitForSelector('[data-billing="billable"]');
  await t.page.click('#f-work-at + button');
  await t.page.waitForFunction(() => !new URL(location.href).searchParams.has('work_at'));
  await t.page.waitForSelector('[data-billing="not-billable"]');
  // A service charged at any time does not ask when the work starts.
  await t.page.selectOption('select[name="service"]', 'professional_services');
  await t.page.waitForFunction(() => !document.querySelector('[data-work-at]'));
});

test('charges read the same calendar as the deadlines (holiday edits)', async (t) => {
  const base = { vendor: 'threepbx', package: 'standard', severity: '4', service: 'new_install', hours: '1' };
  // (Holiday edits are remembered between visits, so the plain case goes first.)
  for (const [opened, holiday, billing] of [
    ['2026-11-26T17:00:00Z', null, 'billable'],
    ['2026-03-03T17:00:00Z', '+2026-03-03', 'billable'],
    ['2026-11-26T17:00:00Z', '-2026-11-26', 'not-billable'],
  ]) {
    const want = charge({ ...base, opened, holiday });
    await t.openApp(query({ ...base, opened, holiday, tz: 'UTC' }), { selector: '[data-charge-total]' });
    assert.equal(await t.page.getAttribute('[data-billing]', 'data-billing'), billing, `${opened} ${holiday}`);
    assert.equal((await shownTotal(t)).minor, want.total_minor);
  }
  // NextPlane partner support names no holidays: Thanksgiving 10:00 PST is billed.
  const partner = { vendor: 'nextplane', package: 'startup', severity: '2', opened: '2026-11-26T18:00:00Z', service: 'federated_partner', hours: '1' };
  await t.openApp(query({ ...partner, tz: 'UTC' }), { selector: '[data-charge-total]' });
  assert.equal(await t.page.getAttribute('[data-billing]', 'data-billing'), 'billable');
  assert.equal((await shownTotal(t)).minor, charge(partner).total_minor);
});

test('vendors without chargeable services say so', async (t) => {
  for (const [vendor, pkg] of [['numonix', 'saas'], ['unnamed-eu', 'gold']]) {
    await t.openApp(query({ vendor, package: pkg, severity: '1', opened: WEEKDAY }), { selector: '[data-charges="none"]' });
    assert.match(await t.text('[data-charges="none"]'), /lists no chargeable services/);
  }
});

// Issue 19, item 4: a shared link shows the same numbers to everyone, not
// the choices this browser remembers.
test('a link without flag= is not billed after ticking the flag once', async (t) => {
  const link = { vendor: 'threepbx', package: 'standard', severity: '3', opened: WEEKDAY, service: 'new_install', hours: '1.5' };
  const fresh = charge(link);
  assert.equal(fresh.total_minor, 0, 'a fresh visitor sees nothing billed');
  await t.openApp(query({ ...link, tz: 'UTC' }), { selector: '[data-charge-total]' });
  await t.page.check('input[name="flag"][value="priority_handling"]');
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('flag') === 'priority_handling');
  assert.equal(await t.page.getAttribute('[data-billing]', 'data-billing'), 'billable');
  assert.equal((await shownTotal(t)).minor, charge({ ...link, flag: 'priority_handling' }).total_minor);
  await t.page.waitForFunction(() => /flag=priority_handling/.test(Object.values(localStorage).join()));
  // The remembered choice fills a page opened without parameters ...
  await t.openApp('', { selector: '[data-charge-total]' });
  assert.equal(new URL(t.page.url()).searchParams.get('flag'), 'priority_handling');
  // ... but not a link.
  await t.openApp(query(link), { selector: '[data-charge-total]' });
  assert.equal(await t.page.getAttribute('[data-billing]', 'data-billing'), 'not-billable');
  assert.equal((await shownTotal(t)).minor, fresh.total_minor);
  assert.equal(await t.page.isChecked('input[name="flag"][value="priority_handling"]'), false);
  assert.equal(new URL(t.page.url()).searchParams.get('flag'), null);
});

// Issue 19, item 5: a total never stands beside hours it was not computed from.
test('invalid hours remove the total until fixed; a decimal comma counts', async (t) => {
  const base = { vendor: 'threepbx', package: 'standard', severity: '3', opened: WEEKDAY, service: 'professional_services' };
  await t.openApp(query({ ...base, hours: '3', tz: 'UTC' }), { selector: '[data-charge-total]' });
  const stripTotal = () => t.page.locator('[data-strip] [data-strip-total]').getAttribute('data-strip-total');
  assert.equal(Number(await stripTotal()), charge({ ...base, hours: '3' }).total_minor, 'the answer strip has the total too');
  await t.page.fill('input[name="hours"]', 'abc');
  await t.page.waitForFunction(() => !document.querySelector('[data-charge-total]'));
  // The answer strip withholds it as well.
  await t.page.waitForFunction(() => !document.querySelector('[data-strip-total]'));
  assert.match(await t.text('[data-strip-estimate] .strip-value'), /^No total$/);
  assert.match(await t.text('#f-hours-hint'), /^hours: "abc" is not a number of hours \(for example/);
  assert.equal(await t.page.inputValue('input[name="hours"]'), 'abc', 'what was typed stays');
  assert.equal(await t.page.locator('[data-charge-status]').count(), 0);
  // Another hourly service reads the same field: still no total.
  await t.page.selectOption('select[name="service"]', 'new_install');
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('service') === 'new_install');
  assert.equal(await t.page.locator('[data-charge-total]').count(), 0);
  await t.page.fill('input[name="hours"]', '1,5');
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('hours') === '1,5');
  await t.waitFor('[data-charge-total]');
  assert.equal(await t.page.getAttribute('input[name="hours"]', 'aria-invalid'), 'false');
  const want = charge({ ...base, service: 'new_install', hours: '1.5' });
  assert.equal(Number(await t.page.getAttribute('[data-charge-total]', 'data-charge-total')), want.total_minor);
  assert.equal(Number(await stripTotal()), want.total_minor);
  const paid = charge({ ...base, hours: '1,5' });
  assert.equal(paid.total_minor, charge({ ...base, hours: '1.5' }).total_minor, 'the engine reads the comma too');
  await t.page.selectOption('select[name="service"]', 'professional_services');
  await t.page.waitForFunction((minor) => document.querySelector('[data-charge-total]')?.getAttribute('data-charge-total') === String(minor), paid.total_minor);
});

test('a daily rate has its total while the hourly field it replaced was invalid', async (t) => {
  const base = { vendor: 'ipcelerate', package: 'time-and-materials', severity: '2', opened: WEEKDAY };
  await t.openApp(query({ ...base, service: 'remote_hourly', hours: '2', tz: 'UTC' }), { selector: '[data-charge-total]' });
  await t.page.fill('input[name="hours"]', '2..5');
  await t.page.waitForFunction(() => !document.querySelector('[data-charge-total]'));
  await t.page.selectOption('select[name="service"]', 'remote_daily');
  await t.waitFor('[data-charge-total]');
  assert.equal(Number(await t.page.getAttribute('[data-charge-total]', 'data-charge-total')), charge({ ...base, service: 'remote_daily', days: '1' }).total_minor);
  // Back to hours: the field shows the last usable value, and its total.
  await t.page.selectOption('select[name="service"]', 'remote_hourly');
  await t.waitFor('input[name="hours"]');
  assert.equal(await t.page.inputValue('input[name="hours"]'), '2');
  await t.waitFor('[data-charge-total]');
  assert.equal(Number(await t.page.getAttribute('[data-charge-total]', 'data-charge-total')), charge({ ...base, service: 'remote_hourly', hours: '2' }).total_minor);
});
