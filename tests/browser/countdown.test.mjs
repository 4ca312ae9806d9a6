// The countdown ticks every second from one clock, states change at the
// engine's thresholds, and only state changes are announced.
import { test, assert } from './lib.mjs';
import { query } from './engine.mjs';

const link = query({ vendor: 'threepbx', package: 'standard', severity: '1', opened: '2026-03-02T14:00:00Z', tz: 'UTC' });
const countdown = (t, id) => t.text(`[data-target="${id}"] [data-countdown]`);

test('the countdown ticks in real time', async (t) => {
  await t.openApp(query({ vendor: 'numonix', package: 'saas', severity: '3' }), { selector: '[data-countdown]' });
  const first = await countdown(t, 'response');
  assert.match(first, /^due in (2 d 23 h|3 d 0 h) \d\d min \d\d s$/);
  await t.page.waitForFunction(
    (before) => document.querySelector('[data-target="response"] [data-countdown]').textContent.trim() !== before,
    first,
    { timeout: 3000 },
  );
});

test('countdown, state and share used follow a controlled clock', async (t) => {
  await t.page.clock.install({ time: new Date('2026-03-02T14:00:00Z') });
  await t.openApp(link, { selector: '[data-countdown]' });
  await t.page.clock.pauseAt(new Date('2026-03-02T14:10:00Z'));
  await t.page.clock.runFor(1000);
  assert.equal(await countdown(t, 'response'), 'due in 49 min 59 s');
  await t.page.clock.runFor(1000);
  assert.equal(await countdown(t, 'response'), 'due in 49 min 58 s');
  // The card, and the answer strip that repeats the next deadline.
  const card = t.page.locator('[data-target="response"]:not([data-strip] *)');
  const strip = t.page.locator('[data-strip] [data-target="response"]');
  const stripShows = async (state, countdown) => {
    assert.equal(await strip.getAttribute('data-state'), state);
    assert.equal(await strip.locator('[data-countdown]').textContent(), countdown);
    assert.equal(await strip.locator('time').getAttribute('datetime'), '2026-03-02T15:00:00Z');
  };
  assert.equal(await card.getAttribute('data-state'), 'on-track');
  await stripShows('on-track', 'due in 49 min 58 s');
  assert.equal(await t.page.locator('[data-strip-missed]').count(), 0, 'nothing missed yet');
  assert.match(await t.text('[data-target="response"] .used'), /^16% of the 1 clock hour allowed used$/);
  // The last quarter of the window is "due soon"; past the due time, "breached".
  await t.page.clock.runFor(35 * 60 * 1000);
  assert.equal(await card.getAttribute('data-state'), 'due-soon');
  await stripShows('due-soon', 'due in 14 min 58 s');
  assert.equal(await t.text('[data-target="response"] .state'), '!Due soon');
  await t.page.clock.runFor(20 * 60 * 1000);
  assert.equal(await card.getAttribute('data-state'), 'breached');
  assert.equal(await countdown(t, 'response'), 'breached 5 min ago');
  // The strip moves on to the next deadline ahead: the reason for outage, 24 h after opening.
  assert.equal(await t.page.locator('[data-strip] [data-target]').getAttribute('data-target'), 'reason_for_outage');
  assert.equal(await t.page.locator('[data-strip] time').getAttribute('datetime'), '2026-03-03T14:00:00Z');
  // ...and still names the missed response.
  assert.equal(await t.text('[data-strip] [data-strip-missed]'), '\u2715 Already breached: Response');
  assert.equal(await t.text('[data-target="response"] .used'), '100% of the 1 clock hour allowed used');
  // The live region names the change, in words.
  const live = await t.page.locator('.deadlines [aria-live="polite"]').textContent();
  assert.match(live, /Response: Breached\./);
});

test('the polite announcement does not change on every tick', async (t) => {
  await t.page.clock.install({ time: new Date('2026-03-02T14:00:00Z') });
  await t.openApp(link, { selector: '[data-countdown]' });
  await t.page.clock.pauseAt(new Date('2026-03-02T14:05:00Z'));
  const region = t.page.locator('.deadlines [aria-live="polite"]');
  const before = await region.textContent();
  await t.page.evaluate(() => {
    window.__announcements = 0;
    const node = document.querySelector('.deadlines [aria-live="polite"]');
    new MutationObserver(() => window.__announcements++).observe(node, { childList: true, subtree: true, characterData: true });
  });
  for (let i = 0; i < 5; i++) await t.page.clock.runFor(1000);
  assert.notEqual(await countdown(t, 'response'), '');
  assert.equal(await t.page.evaluate(() => window.__announcements), 0);
  assert.equal(await region.textContent(), before);
});

test('support hours: open or closed, and when that changes', async (t) => {
  // Saturday in Berlin: the Unnamed EU vendor is closed until Monday 09:00.
  await t.page.clock.setFixedTime(new Date('2026-03-07T12:00:00Z'));
  await t.openApp(query({ vendor: 'unnamed-eu', package: 'gold', severity: '1', tz: 'UTC' }), { selector: '[data-support]' });
  assert.equal(await t.page.getAttribute('[data-support]', 'data-support'), 'closed');
  assert.equal(await t.text('[data-support]'), 'Closed, opens Mon 09:00 Berlin time, in 1 d 20 h');
  // NextPlane states a weekly downtime window.
  await t.openApp(query({ vendor: 'nextplane', package: 'startup', severity: '1', tz: 'UTC' }), { selector: '[data-support]' });
  assert.match(await t.text('[data-downtime]'), /^Scheduled downtime: In progress now, ends Sun 00:00 Los Angeles time \(in \d+ h( \d+ min)?\)$/);
  // ThreePBX: open around the clock, and an install notice period.
  await t.openApp(query({ vendor: 'threepbx', package: 'standard', severity: '1', tz: 'UTC' }), { selector: '[data-support]' });
  assert.equal(await t.text('[data-support]'), 'Open now, around the clock');
  assert.match(await t.text('[data-lead-time]'), /^Earliest new-install session: Wed 11 Mar 2026, if requested now \(3 business days in advance\)$/);
});
