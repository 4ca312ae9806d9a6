// Issue 19, item 6: no view is ever wider than the window. Wide tables
// scroll inside their own focusable, labelled box, whose hidden side fades.
import { test, assert, holdWasm } from './lib.mjs';
import { deadlines, query } from './engine.mjs';

const LINK = { vendor: 'nextplane', package: 'business', region: 'emea', severity: '1', opened: '2026-03-02T09:00:00Z', tz: 'UTC' };
const WIDTHS = [320, 390, 768, 1280];
const VIEWS = [
  ['ticket', {}, '[data-charge-total], [data-charges="none"]'],
  ['compare', {}, 'table.compare'],
  ['vendors', {}, 'table.compare[data-vendor="threepbx"]'],
  ['vendors', { embed: '1' }, 'table.compare[data-vendor="threepbx"]'],
];

for (const colorScheme of ['light', 'dark']) {
  test(`no horizontal page scroll at 320-1280 px in every view (${colorScheme})`, async (t) => {
    for (const [view, extra, selector] of VIEWS) {
      await t.openApp(query({ ...LINK, ...extra, view }), { selector });
      for (const width of WIDTHS) {
        await t.page.setViewportSize({ width, height: 800 });
        const { scroll, inner } = await t.page.evaluate(async () => {
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          return { scroll: document.documentElement.scrollWidth, inner: innerWidth };
        });
        assert.ok(scroll <= inner, `${view}${extra.embed ? ' (embed)' : ''} at ${width} px (${colorScheme}): document ${scroll} px wide in a ${inner} px window`);
      }
    }
  }, { colorScheme, timeoutMs: 120000 });
}

test('a table wider than its box scrolls inside it, with a cue', async (t) => {
  await t.page.setViewportSize({ width: 390, height: 844 });
  await t.openApp(query({ ...LINK, view: 'compare' }), { selector: 'table.compare' });
  const box = t.page.locator('.table-wrap').first();
  assert.equal(await box.getAttribute('role'), 'region');
  assert.match(await box.getAttribute('aria-label'), /packages for/);
  assert.equal(await box.getAttribute('tabindex'), '0');
  const state = () => box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, left: el.scrollLeft, overflow: getComputedStyle(el).overflowX, mask: getComputedStyle(el).maskImage }));
  const masked = () => getComputedStyle(document.querySelector('.table-wrap')).maskImage.includes('gradient');
  await t.page.waitForFunction(masked);
  let s = await state();
  assert.equal(s.overflow, 'auto');
  assert.ok(s.scroll > s.client, `the table (${s.scroll} px) is wider than its ${s.client} px box`);
  assert.match(s.mask, /linear-gradient/, 'the side with more columns fades');
  const atStart = s.mask;
  // The keyboard scrolls it.
  await box.focus();
  await t.page.keyboard.press('ArrowRight');
  await t.page.waitForFunction(() => document.querySelector('.table-wrap').scrollLeft > 0);
  await t.page.waitForFunction((before) => getComputedStyle(document.querySelector('.table-wrap')).maskImage !== before, atStart);
  s = await state();
  assert.match(s.mask, /linear-gradient/, 'scrolled: both sides fade');
  // A table that fits has no fade (ThreePBX has one package).
  await t.page.setViewportSize({ width: 1280, height: 800 });
  await t.openApp(query({ ...LINK, vendor: 'threepbx', package: 'standard', region: undefined, view: 'compare' }), { selector: 'table.compare' });
  s = await state();
  assert.ok(s.scroll <= s.client, `the one-package table (${s.scroll} px) fits its ${s.client} px box`);
  assert.equal(s.mask, 'none');
});

// Issue 19, items 1 and 8: the answers come first. A deep link's strip
// (support, the next deadline, the estimate) is on the first screen of a
// phone in every view, its inputs wait behind "Change ticket", and the
// placeholder painted before the wasm has the strip's very shape.
test('a deep link shows its first deadline on the first phone screen, in every view', async (t) => {
  // Opened Mon 2 Mar 2026 10:00 CET: the first response (1 business hour) is the next deadline.
  await t.page.clock.setFixedTime(new Date('2026-03-02T09:30:00Z'));
  const { tz, ...request } = LINK;
  const first = deadlines(request).targets[0];
  await t.page.setViewportSize({ width: 390, height: 844 });
  for (const [view, extra] of [['ticket', {}], ['compare', {}], ['vendors', {}], ['ticket', { embed: '1' }]]) {
    const what = `${view}${extra.embed ? ' (embed)' : ''}`;
    await t.openApp(query({ ...LINK, ...extra, view }), { selector: '[data-strip] [data-target] time[datetime]' });
    const shown = await t.page.evaluate(() => {
      const time = document.querySelector('[data-strip] [data-target] time[datetime]');
      const { top, bottom } = time.getBoundingClientRect();
      return {
        top,
        bottom,
        scrollY,
        inner: innerHeight,
        target: time.closest('[data-target]').getAttribute('data-target'),
        datetime: time.getAttribute('datetime'),
        countdown: document.querySelector('[data-strip] [data-countdown]').textContent,
        form: getComputedStyle(document.getElementById('ticket-form')).display,
      };
    });
    assert.equal(shown.scrollY, 0, `${what}: not scrolled`);
    assert.ok(shown.top >= 0 && shown.bottom <= shown.inner, `${what}: the deadline (${shown.top}-${shown.bottom} px) is inside the ${shown.inner} px window`);
    assert.deepEqual([shown.target, shown.datetime], [first.id, first.due], `${what}: the first deadline, as the engine computes it`);
    assert.equal(shown.countdown, 'due in 30 min 00 s');
    assert.equal(shown.form, 'none', `${what}: the inputs are folded away`);
  }
  // "Change ticket" unfolds them, under the strip.
  const change = t.page.locator('[data-action="change-ticket"]');
  assert.equal(await change.getAttribute('aria-expanded'), 'false');
  await change.click();
  assert.equal(await change.getAttribute('aria-expanded'), 'true');
  await t.waitFor('#ticket-form select[name="vendor"]');
  // A wide page keeps its two columns: the inputs beside the answers, no button.
  await t.page.setViewportSize({ width: 1280, height: 800 });
  await t.openApp(query(LINK), { selector: '[data-strip] [data-target]' });
  assert.equal(await change.isVisible(), false);
  await t.waitFor('#ticket-form select[name="vendor"]');
  // A page opened without a link starts with its inputs unfolded, on a phone too.
  await t.page.setViewportSize({ width: 390, height: 844 });
  await t.openApp('', { selector: '#ticket-form select[name="vendor"]' });
  assert.equal(await change.getAttribute('aria-expanded'), 'true');
});

test('the placeholder painted before the wasm has the strip\'s shape: nothing moves', async (t) => {
  // Long answers: "Open, closes in 7 h 50 min", "due in 50 min 00 s".
  await t.page.clock.setFixedTime(new Date('2026-03-02T09:10:00Z'));
  const wasm = await holdWasm(t.page);
  const box = (selector) =>
    t.page.evaluate((s) => {
      const r = document.querySelector(s).getBoundingClientRect();
      return { top: r.top, left: r.left, width: r.width, height: r.height };
    }, selector);
  // The placeholder keeps two lines for the ticket's name on narrow screens:
  // "ThreePBX, Standard support, Priority 2" at 320 px, NextPlane's longer
  // name (three lines at 320 px) from 390 px.
  const THREEPBX = { vendor: 'threepbx', package: 'standard', severity: '2', opened: LINK.opened, service: 'new_install', hours: '1.5' };
  const sizes = [
    [320, 640, THREEPBX],
    [390, 844, LINK],
    [768, 800, LINK],
    [1280, 800, LINK],
    [360, 740, { ...THREEPBX, embed: '1' }],
    [320, 640, { ...THREEPBX, embed: '1' }],
  ];
  for (const [width, height, link] of sizes) {
    const what = `${width} px ${link.vendor}${link.embed ? ' embed' : ''}`;
    await t.page.setViewportSize({ width, height });
    await t.page.goto(new URL(query(link), t.appUrl).href, { waitUntil: 'domcontentloaded' });
    await t.waitFor('#strip-placeholder');
    const before = await box('#strip-placeholder');
    assert.ok(before.height > 0, `${what}: the placeholder is painted`);
    await wasm.release();
    await t.waitFor('[data-strip] [data-target]');
    assert.equal(await t.page.locator('#strip-placeholder').count(), 0, `${what}: the app removed the placeholder`);
    assert.deepEqual(await box('[data-strip]'), before, `${what}: the strip takes the placeholder's place and size`);
  }
});
