// Taking it elsewhere: the .ics file, the plain-text summary, the link and
// the embed code (which, pasted into a page, sizes its frame).
import { readFile } from 'node:fs/promises';
import { test, assert } from './lib.mjs';
import { batch, query } from './engine.mjs';

const REQUEST = { vendor: 'threepbx', package: 'standard', severity: '2', opened: '2026-03-02T14:00:00Z' };
const LINK = query({ ...REQUEST, tz: 'UTC' });

async function allowClipboard(t) {
  await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.origin });
}
const clipboard = (t) => t.page.evaluate(() => navigator.clipboard.readText());

test('add to calendar downloads an RFC 5545 file with one event per dated target', async (t) => {
  await t.openApp(LINK, { selector: '[data-target]' });
  const [download] = await Promise.all([t.page.waitForEvent('download'), t.page.click('[data-action="calendar"]')]);
  assert.equal(download.suggestedFilename(), 'sla-threepbx-standard-priority-2.ics');
  const ics = await readFile(await download.path(), 'utf8');
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:'));
  assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
  assert.equal(ics.replace(/\r\n/g, '').includes('\n'), false, 'every line ends in CRLF');
  for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
  const [answer] = batch([REQUEST]);
  const dated = answer.targets.filter((x) => x.due);
  const starts = [...ics.matchAll(/^DTSTART:(\d{8}T\d{6}Z)$/gm)].map((m) => m[1]);
  const basic = (iso) => iso.replace(/[-:]/g, '');
  assert.deepEqual(starts, dated.map((x) => basic(x.due)));
  assert.equal((ics.match(/^BEGIN:VEVENT$/gm) || []).length, dated.length);
  assert.equal((ics.match(/^BEGIN:VALARM$/gm) || []).length, dated.length, 'a reminder per event');
  assert.match(ics, /^TRIGGER:-PT\d+M$/m);
  assert.match(ics, /^UID:threepbx-standard-2-response-\d+@sla-calculator$/m);
  assert.match(await t.text('[data-notice]'), /downloaded/);
});

test('copy summary puts the entitlements and deadlines on the clipboard', async (t) => {
  await allowClipboard(t);
  await t.openApp(LINK, { selector: '[data-target]' });
  await t.page.click('[data-action="summary"]');
  await t.page.waitForFunction(() => /copied/.test(document.querySelector('[data-notice]').textContent));
  const text = await clipboard(t);
  assert.match(text, /^SLA summary: ThreePBX, Standard support, Priority 2\n/);
  assert.match(text, /\nOpened: Mon 2 Mar 2026, 14:00 UTC \(2026-03-02T14:00:00Z\)\n/);
  assert.match(text, /\n- Response: due Mon 2 Mar 2026, 16:00 UTC \(2026-03-02T16:00:00Z\) \[2 clock hours\]; breached, breached /);
  assert.match(text, /\n- Resolution: as soon as possible, no committed time, best effort\n/);
  assert.match(text, /\nChannels: Trouble ticketing system/);
  // Nothing in priority 2 rests on an assumption; priority 3's resolution
  // counts business hours the policy does not define.
  assert.doesNotMatch(text, /\nAssumptions/);
  assert.ok(text.includes(`\nLink: ${t.page.url()}\n`), 'ends with the link to this view');
  await t.page.check('input[name="severity"][value="3"]');
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('severity') === '3');
  await t.page.click('[data-action="summary"]');
  await t.page.waitForFunction(async () => /Priority 3/.test(await navigator.clipboard.readText()));
  assert.match(
    await clipboard(t),
    /\nAssumptions \(the policy is silent; this is our reading\):\n- Business hours are not defined; Mon–Fri 09:00–19:00 Eastern/,
  );
});

test('copy link copies the current view', async (t) => {
  await allowClipboard(t);
  await t.openApp(LINK, { selector: '[data-target]' });
  await t.page.check('input[name="severity"][value="3"]');
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('severity') === '3');
  await t.page.click('[data-action="link"]');
  await t.page.waitForFunction(() => /copied/.test(document.querySelector('[data-notice]').textContent));
  assert.equal(await clipboard(t), t.page.url());
});

test('the copied embed code, pasted into a page, frames and sizes the calculator', async (t) => {
  await allowClipboard(t);
  await t.openApp(LINK, { selector: '[data-target]' });
  await t.page.click('[data-action="embed"]');
  await t.page.waitForFunction(() => /copied/.test(document.querySelector('[data-notice]').textContent));
  const code = await clipboard(t);
  assert.match(code, /^<iframe id="sla-calculator" src="[^"]+embed=1" title="SLA calculator"/);
  const hostUrl = new URL('host.html', t.appUrl).href;
  await t.page.route(hostUrl, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: `<!doctype html><html lang="en"><body style="margin:0">${code}</body></html>` }),
  );
  await t.page.goto(hostUrl);
  const frame = t.page.frameLocator('#sla-calculator');
  await frame.locator('[data-target]').first().waitFor();
  await t.page.waitForFunction(() => {
    const f = document.getElementById('sla-calculator');
    const app = f.contentDocument?.getElementById('app');
    return app && Math.abs(f.getBoundingClientRect().height - Math.ceil(app.getBoundingClientRect().height)) < 1;
  });
});

test('when the browser refuses the clipboard, the text is offered to copy by hand', async (t) => {
  await t.page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await t.openApp(LINK, { selector: '[data-target]' });
  await t.page.click('[data-action="link"]');
  await t.waitFor('#f-manual-copy');
  assert.equal(await t.page.inputValue('#f-manual-copy'), t.page.url());
  assert.match(await t.text('[data-notice]'), /did not allow copying/);
});
