// No request leaves the origin: the page loads its own assets and then works
// without the network, whatever the user does.
import { test, assert } from './lib.mjs';
import { query } from './engine.mjs';

test('after loading, using every feature makes no request at all', async (t) => {
  const seen = [];
  t.page.on('request', (r) => seen.push(r.url()));
  await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.origin });
  await t.openApp(query({ vendor: 'ipcelerate', package: 'time-and-materials', severity: '2', opened: '2026-03-02T14:00:00Z' }), {
    selector: '[data-target]',
  });
  await t.page.waitForLoadState('networkidle');
  for (const url of seen) assert.equal(new URL(url).origin, t.origin, `loaded from the origin: ${url}`);
  const loaded = seen.length;

  await t.page.selectOption('select[name="vendor"]', 'nextplane');
  await t.page.selectOption('select[name="package"]', 'business');
  await t.page.selectOption('select[name="region"]', 'emea');
  await t.page.check('input[name="severity"][value="3"]');
  await t.page.fill('input[name="opened"]', '2026-03-05T09:30');
  await t.page.click('button:text-is("Add pause")');
  await t.page.selectOption('select[name="tz"]', 'Asia/Dubai');
  await t.page.click('.holidays summary');
  await t.page.fill('input[name="holiday"]', '2026-03-06');
  await t.page.click('.holidays button:text-is("Add")');
  await t.page.check('input[name="view"][value="compare"]');
  await t.page.check('input[name="view"][value="vendors"]');
  await t.page.check('input[name="view"][value="ticket"]');
  await Promise.all([t.page.waitForEvent('download'), t.page.click('[data-action="calendar"]')]);
  await t.page.click('[data-action="summary"]');
  await t.page.click('[data-action="link"]');
  await t.page.click('[data-action="embed"]');
  await t.page.waitForTimeout(1500);

  const after = seen.slice(loaded).filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(after, [], 'no request after the page loaded');
  assert.deepEqual(t.externalRequests, []);
});
