// Printing: the deadlines print without the controls, and the rule behind
// each deadline (assumptions included) prints even when closed on screen.
import { test, assert } from './lib.mjs';

test('print shows deadlines and their rules, not the controls', async (t) => {
  await t.openApp('?vendor=threepbx&package=standard&severity=3&opened=2026-03-02T14:00:00Z&tz=UTC', {
    selector: '[data-target]',
  });
  const rule = t.page.locator('details.rule').first().locator(':scope > :not(summary)').first();
  assert.equal(await rule.isVisible(), false, 'closed on screen');
  await t.page.emulateMedia({ media: 'print' });
  assert.equal(await rule.isVisible(), true, 'the rule prints');
  assert.equal(await t.page.locator('[data-target]').first().isVisible(), true, 'deadlines print');
  assert.equal(await t.page.locator('select[name="vendor"]').isVisible(), false, 'controls do not print');
});
