// Accessibility: axe-core finds no violations on the default view, a view of
// each vendor, the comparison views, the embed view, dark mode, the themes a
// link asks for, and a phone-width deep link (answer strip first, inputs folded).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test, assert } from './lib.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const opened = 'opened=2026-03-02T14:00:00Z&tz=UTC';

async function audit(t, path, name) {
  await t.openApp(path, { selector: '[data-target]' });
  // Evaluated through DevTools, so the page's CSP (no inline script) still holds.
  await t.page.evaluate(axeSource);
  const result = await t.page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'], runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
  );
  const violations = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`,
  );
  assert.deepEqual(violations, [], `${name}: axe violations`);
}

const views = [
  ['default view', ''],
  ['nextplane', `?vendor=nextplane&package=business&region=emea&severity=1&${opened}`],
  ['numonix', `?vendor=numonix&package=saas&severity=1&${opened}`],
  ['ipcelerate', `?vendor=ipcelerate&package=time-and-materials&severity=2&hours=3&${opened}`],
  ['unnamed-eu', `?vendor=unnamed-eu&package=gold&severity=2&${opened}`],
  ['threepbx', `?vendor=threepbx&package=standard&severity=1&hours=1.5&${opened}`],
  ['tier comparison', `?vendor=unnamed-eu&package=gold&severity=2&view=compare&${opened}`],
  ['all vendors', `?vendor=threepbx&package=standard&severity=2&view=vendors&${opened}`],
  ['embed', `?vendor=threepbx&package=standard&severity=2&embed=1&${opened}`],
];
for (const [name, path] of views) {
  test(`axe: ${name} has no violations`, (t) => audit(t, path, name));
}
test('axe: dark mode has no violations', (t) => audit(t, `?vendor=nextplane&package=startup&severity=2&${opened}`, 'dark'), {
  colorScheme: 'dark',
});
test('axe: theme=dark in a light browser has no violations', (t) => audit(t, `?vendor=threepbx&package=standard&severity=2&hours=1.5&embed=1&theme=dark&${opened}`, 'theme=dark'));
test('axe: theme=light in a dark browser has no violations', (t) => audit(t, `?vendor=threepbx&package=standard&severity=2&hours=1.5&embed=1&theme=light&${opened}`, 'theme=light'), {
  colorScheme: 'dark',
});
for (const colorScheme of ['light', 'dark']) {
  test(`axe: a deep link on a phone has no violations (${colorScheme})`, (t) => audit(t, `?vendor=nextplane&package=business&region=emea&severity=1&${opened}`, `phone, ${colorScheme}`), {
    colorScheme,
    viewport: { width: 390, height: 844 },
  });
}

// The ticket audit page, with a fixture audited (summary, chart, table, bad rows shown).
for (const colorScheme of ['light', 'dark']) {
  test(`axe: the audit page with a file audited has no violations (${colorScheme})`, async (t) => {
    await t.openApp('audit.html?vendor=unnamed-eu&package=enterprise', { selector: 'input[name="file"]' });
    await t.page.fill('input[name="as_of"]', '2026-04-30T00:00:00Z');
    await t.page.press('input[name="as_of"]', 'Tab');
    await t.page.setInputFiles('input[name="file"]', new URL('../fixtures/audit/generic.csv', import.meta.url).pathname);
    await t.waitFor('[data-run="done"]', { state: 'attached' });
    await t.page.evaluate(axeSource);
    const result = await t.page.evaluate(() =>
      window.axe.run(document, { resultTypes: ['violations'], runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
    );
    const violations = result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`,
    );
    assert.deepEqual(violations, [], 'audit page: axe violations');
  }, { colorScheme });
}
