// Issue 19, item 6: no view is ever wider than the window. Wide tables
// scroll inside their own focusable, labelled box, whose hidden side fades.
import { test, assert } from './lib.mjs';
import { query } from './engine.mjs';

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
