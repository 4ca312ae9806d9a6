// Every figure that rests on an assumption carries a marker beside it
// (data-assumption, a <details> badge) whose text is one click, a key press
// or a hover (title) away; sources name the policy document; the policy's
// own words (Numonix) are kept.
import { test, assert } from './lib.mjs';
import { deadlines, query } from './engine.mjs';

const OPENED = '2026-03-03T17:00:00Z'; // Tue 12:00 New York

test('a target resting on an assumption is marked beside its due time', async (t) => {
  await t.openApp(query({ vendor: 'threepbx', package: 'standard', severity: '3', opened: OPENED, tz: 'UTC' }), { selector: '[data-target]' });
  const mark = t.page.locator('[data-target="resolution"] .due [data-assumption]');
  assert.equal(await mark.count(), 1);
  assert.equal(await t.page.locator('[data-target="response"] [data-assumption]').count(), 0, 'no assumption, no marker');
  const summary = mark.locator('summary');
  assert.match(await summary.textContent(), /^Assumption behind this figure$/);
  assert.match(await summary.getAttribute('title'), /Business hours are not defined; Mon–Fri 09:00–19:00 Eastern/);
  assert.equal(await mark.locator('.mark-text').isVisible(), false);
  // Keyboard: focus the badge and press Enter.
  await summary.focus();
  await t.page.keyboard.press('Enter');
  assert.equal(await mark.locator('.mark-text').isVisible(), true);
  assert.match(await mark.locator('.mark-text').textContent(), /Mon–Fri 09:00–19:00 Eastern/);
  // The source names the document, not a file.
  const source = await t.page.$eval('[data-target="resolution"] .rule', (d) => d.textContent);
  assert.match(source, /ThreePBX Support Policy \(updated 12\/01\/21\), §5/);
  assert.doesNotMatch(await t.text('main'), /\.txt\b/);
});

test('lead times, support hours and charges carry their assumptions', async (t) => {
  await t.openApp(
    query({ vendor: 'threepbx', package: 'standard', severity: '1', opened: '2026-03-04T01:00:00Z', service: 'p1_after_hours', flag: 'not_vendor_fault', tz: 'UTC' }),
    { selector: '[data-charge-total]' },
  );
  // Beside the notice period (a sibling, so the hook's text stays the period's).
  const lead = t.page.locator('.with-mark:has([data-lead-time="new_install"]) > [data-assumption]');
  assert.equal(await lead.getAttribute('data-assumption'), '2');
  await lead.locator('summary').click();
  assert.match(await lead.locator('.mark-text').textContent(), /third business day/);
  const total = t.page.locator('td.total [data-assumption]');
  assert.equal(await total.count(), 1, 'a marker beside the total');
  assert.match(await total.locator('summary').getAttribute('title'), /both the contact \(the opening\) and the "after-hours" work/);
  assert.equal(await t.page.locator('[data-judged]').count(), 2, 'contact and work each judged');
  assert.match(await t.text('[data-judged="opened"]'), /^Judged at the opening, Tue 3 Mar 2026, 20:00 EST: outside/);
  // NextPlane Custom: 24 x 7 except US and EMEA holidays, marked beside the state.
  await t.openApp(query({ vendor: 'nextplane', package: 'custom', severity: '1', opened: OPENED }), { selector: '[data-support]' });
  const support = t.page.locator('.support [data-assumption]').first();
  assert.match(await support.locator('summary').getAttribute('title'), /excludes any USA or EMEA holidays/);
});

test('IPcelerate response targets say they count from the opening, not the acknowledgement', async (t) => {
  await t.openApp(query({ vendor: 'ipcelerate', package: 'maintenance', severity: '1', opened: OPENED, tz: 'UTC' }), { selector: '[data-target]' });
  for (const id of ['level1_response', 'level2_response']) {
    const title = await t.page.getAttribute(`[data-target="${id}"] .due [data-assumption] summary`, 'title');
    assert.match(title, /the support team acknowledges/);
  }
});

test('Numonix: periodic status reports and the policy\'s own words', async (t) => {
  const request = { vendor: 'numonix', package: 'saas', severity: '1', opened: OPENED };
  const want = deadlines(request).targets.find((x) => x.id === 'status_reports');
  assert.equal(want.outcome, 'periodic');
  await t.openApp(query({ ...request, tz: 'UTC' }), { selector: '[data-target="status_reports"]' });
  assert.equal(await t.page.getAttribute('[data-target="status_reports"]', 'data-outcome'), 'periodic');
  assert.match(await t.text('[data-target="status_reports"] .outcome'), /^Periodic reports on the status of the correction; the policy does not state how often\./);
  assert.match(await t.text('[data-target="resolution"] .outcome'), /as long as useful progress can be made/);
  await t.openApp(query({ ...request, severity: '3', tz: 'UTC' }), { selector: '[data-target="resolution"]' });
  assert.match(await t.text('[data-target="resolution"] .outcome'), /^Commercially reasonable efforts to include in the next major release\./);
});
