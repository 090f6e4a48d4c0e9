// Hours people can trust, end to end in the real H5 build against the real backend (demo mode), at 375×667: a member
// (张建国) checks in at 向阳社区 and sees the open visit first on the home page; after two minutes the check-out form
// proposes 0.5 h and says how much of today is left before anything is sent; 1.5 h needs a reason; an entry the worker
// made meanwhile makes the server refuse more than is left, and that shows beside the hours. The worker (刘芳, through
// the API while the queue screens change) rejects the record; the member corrects and resubmits it from the records
// page; the worker confirms the new version, and the member's month and year totals move from 待确认 to 已确认.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromiumAvailable, launchPhone, openRoute as open, signIn } from './browser.mjs';
import { startProduct } from './product-server.mjs';

const ARTIFACTS = new URL('../../artifacts/browser', import.meta.url).pathname;
const CHECKIN = '#/packages/service/pages/checkin/index';
const RECORDS = '#/packages/service/pages/records/index';
const HOME = '#/pages/index/index';
const MINE = '#/pages/mine/index';
const COMMUNITY = '向阳社区';
const DESCRIPTION = '为独居老人清理楼道杂物';
const CORRECTED = '为三号楼独居老人清理楼道杂物，并讲解医保报销新规定';
const REASON = '签到前已在楼道清理';
const SHANGHAI_MS = 8 * 3600_000;
const required = process.env.CI === 'true';

/** The API as a second device of the same person would call it (the demo sign-in). */
async function apiAs(baseUrl, role) {
  const res = await fetch(`${baseUrl}/api/v1/auth/demo`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role }),
  });
  assert.equal(res.status, 200, `demo sign-in as ${role}`);
  const { accessToken } = await res.json();
  const call = async (method, path, body) => {
    const headers = { Authorization: `Bearer ${accessToken}` };
    if (method !== 'GET') Object.assign(headers, { 'Content-Type': 'application/json', 'Idempotency-Key': `e2e-${randomUUID()}` });
    const answer = await fetch(`${baseUrl}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await answer.text();
    return { status: answer.status, body: text ? JSON.parse(text) : null };
  };
  return { get: (path) => call('GET', path), post: (path, body = {}) => call('POST', path, body) };
}

/** The start of today in Asia/Shanghai, as an instant. */
function shanghaiDayStart(now) {
  return new Date(Math.floor((now + SHANGHAI_MS) / 86_400_000) * 86_400_000 - SHANGHAI_MS);
}

const hoursText = (h) => `${Number.isInteger(h) ? h : h.toFixed(1)} 小时`;

async function screenshot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true }).catch(() => undefined);
}

if (!chromiumAvailable() && !required) {
  test('trusted hours in Chromium', { skip: 'chromium is not installed (apt-get install chromium); required when CI=true' }, () => {});
} else {
  let product;
  let browser;
  let member;
  let asMember;
  let asWorker;
  let communityId;
  let memberId;
  let startedAt;
  let recordId;
  let resubmittedId;
  let totalsBefore;
  const failures = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    product = await startProduct();
    browser = await launchPhone({ baseUrl: product.baseUrl });
    member = await browser.context.newPage();
    await member.setViewportSize({ width: 375, height: 667 });
    member.on('response', (res) => {
      if (res.url().includes('/api/v1/') && res.status() >= 500) failures.push(`${res.status()} ${res.url()}`);
    });
    asMember = await apiAs(product.baseUrl, 'member');
    asWorker = await apiAs(product.baseUrl, 'worker');
    const overview = await (await fetch(`${product.baseUrl}/api/v1/public/overview`)).json();
    communityId = overview.communities.find((c) => c.name === COMMUNITY).id;
    memberId = (await asMember.get('/me')).body.id;
    // Registration is the registrations flow's business (checkin.e2e.mjs drives it on screen).
    const asked = await asMember.post('/registrations', { communityId });
    assert.equal(asked.status, 201);
    assert.equal((await asWorker.post(`/registrations/${asked.body.id}/approve`)).status, 200);
  });

  async function step(name, body) {
    try {
      await body();
    } catch (error) {
      await screenshot(member, `hours-failed-${name}.png`);
      throw error;
    }
  }

  after(async () => {
    await browser?.close();
    await product?.stop();
  });

  test('the member checks in with the worker’s code and sees the open visit first on the home page', async () => {
    await step('checkin', async () => {
      await signIn(member, product.baseUrl, 'member');
      const code = await asWorker.get(`/checkin/code?communityId=${communityId}`);
      assert.equal(code.status, 200);
      await open(member, product.baseUrl, CHECKIN);
      const input = member.locator('.checkin-short-code__input input');
      await input.waitFor({ timeout: 30_000 });
      await input.fill(code.body.shortCode);
      await member.locator('.checkin-short-code__submit').click();
      await member.waitForFunction(() => location.hash.includes('/packages/service/pages/visit/'), null, { timeout: 30_000 });
      startedAt = Date.now();

      await open(member, product.baseUrl, HOME);
      const card = member.locator('.home-visit');
      await card.waitFor({ timeout: 30_000 });
      const first = await member.locator('.section-card').first().getAttribute('class');
      assert.match(first, /home-visit/, 'the open visit is the first card');
      assert.match(await card.innerText(), new RegExp(COMMUNITY));
      assert.match(await member.locator('.home-visit__since').innerText(), /签到，已服务 \d+ 分钟/);
      await member.locator('.home-hours .hours-summary__month').waitFor({ timeout: 30_000 });
      await screenshot(member, 'hours-home-open-visit.png');
      await member.locator('.home-visit__end').click();
      await member.waitForFunction(() => location.hash.includes('/packages/service/pages/visit/'), null, { timeout: 30_000 });
    });
  });

  test('two minutes in, the check-out proposes 0.5 h, says what is left of today, and wants a reason for 1.5 h', async () => {
    await step('form', async () => {
      // The visit really lasts two minutes: no clock is bent for the test.
      await new Promise((r) => setTimeout(r, Math.max(0, startedAt + 120_000 - Date.now())));
      await member.reload({ waitUntil: 'domcontentloaded' });
      const value = member.locator('.visit-end__hours .hours-stepper__value');
      await value.waitFor({ timeout: 30_000 });
      assert.equal(await value.innerText(), '0.5 小时');
      await member.locator('.visit-end__room').waitFor({ timeout: 30_000 });
      assert.equal(await member.locator('.visit-end__room').innerText(), '今日还可记 8 小时');
      assert.equal(await member.locator('.visit-end__reason').count(), 0);

      await member.locator('.visit-end__type-option--care').click();
      await member.locator('.visit-end__description textarea').fill(DESCRIPTION);
      await member.locator('.visit-end__hours .hours-stepper__plus').click();
      await member.locator('.visit-end__hours .hours-stepper__plus').click();
      assert.equal(await value.innerText(), '1.5 小时');
      await member.locator('.visit-end__reason').waitFor({ timeout: 10_000 });
      await member.locator('.visit-end__submit').click();
      const reasonError = member.locator('.visit-end__reason .text-field__error');
      await reasonError.waitFor({ timeout: 10_000 });
      assert.match(await reasonError.innerText(), /申报时长超过实际时长（约 0.5 小时），请用 2–200 个字说明原因/);
      await screenshot(member, 'hours-reason-required.png');
    });
  });

  test('an entry the worker made meanwhile: the server’s refusal shows beside the hours, then 1.5 h with a reason goes through', async () => {
    await step('cap', async () => {
      // Earlier today, before the visit: as many hours as the day had then (up to 6, so 1.5 h still fits), from a sheet.
      const dayStart = shanghaiDayStart(startedAt).getTime();
      const entered = Math.min(6, Math.floor((startedAt - dayStart - 5 * 60_000) / 1_800_000) / 2);
      assert.ok(entered >= 0.5, 'the day (Asia/Shanghai) has room for an earlier entry');
      const sheet = await asWorker.post('/services/on-behalf', {
        memberIds: [memberId],
        communityId,
        startedAt: new Date(dayStart).toISOString(),
        endedAt: new Date(dayStart + entered * 3600_000).toISOString(),
        serviceType: 'volunteer',
        description: '社区义诊志愿服务',
        reason: '纸质签到表补录',
      });
      assert.equal(sheet.status, 201, JSON.stringify(sheet.body));
      const room = 8 - entered;

      // The form still shows this morning's room; ask for half an hour more than is left now.
      const plus = member.locator('.visit-end__hours .hours-stepper__plus');
      const value = member.locator('.visit-end__hours .hours-stepper__value');
      const proposed = room + 0.5;
      for (let shown = 1.5; shown < proposed; shown += 0.5) await plus.click();
      assert.equal(await value.innerText(), hoursText(proposed));
      await member.locator('.visit-end__reason input').fill(REASON);
      await member.locator('.visit-end__submit').click();
      const capError = member.locator('.visit-end__hours .field-error');
      await capError.waitFor({ timeout: 30_000 });
      assert.equal(await capError.innerText(), `今日还可记 ${hoursText(room)}`);
      assert.equal(await member.locator('.visit-end-error').count(), 0, 'no generic failure banner');
      await screenshot(member, 'hours-cap-refused.png');

      // Back down to 1.5 h (within the room): the error clears on change, and the form goes through.
      const minus = member.locator('.visit-end__hours .hours-stepper__minus');
      let shown = proposed;
      while (shown > 1.5) {
        await minus.click();
        shown -= 0.5;
      }
      assert.equal(await capError.count(), 0);
      assert.equal(await value.innerText(), '1.5 小时');
      await member.locator('.visit-end__submit').click();
      await member.waitForFunction(() => location.hash.includes('/packages/service/pages/records/'), null, { timeout: 30_000 });
      const record = member.locator('.record-item--pending').filter({ hasText: DESCRIPTION });
      await record.waitFor({ timeout: 30_000 });
      assert.equal(await record.locator('.record-item__hours').innerText(), '申报 1.5 小时 · 待确认');
      assert.match(await record.innerText(), new RegExp(`时长说明：${REASON}`));
      await screenshot(member, 'hours-records-pending.png');
      const mine = await asMember.get('/services/mine?status=pending');
      recordId = mine.body.items.find((r) => r.description === DESCRIPTION).id;
      assert.deepEqual(mine.body.items.find((r) => r.id === recordId).flags, ['hours_above_duration']);
    });
  });

  test('the worker rejects it; the member sees why, corrects and resubmits it, and the first reads 已重新提交', async () => {
    await step('resubmit', async () => {
      const rejected = await asWorker.post('/services/decide', { ids: [recordId], decision: 'reject', reason: '请写明具体楼栋' });
      assert.deepEqual({ decided: rejected.body.decided, skipped: rejected.body.skipped }, { decided: [recordId], skipped: [] });

      await open(member, product.baseUrl, RECORDS);
      const record = member.locator('.record-item--rejected').filter({ hasText: DESCRIPTION });
      await record.waitFor({ timeout: 30_000 });
      assert.equal(await record.locator('.record-item__reason').innerText(), '未通过原因：请写明具体楼栋');
      await record.locator('.record-item__resubmit').click();
      const form = record.locator('.resubmit-form');
      await form.waitFor({ timeout: 10_000 });
      // The form starts from what was proposed, with its reason.
      assert.equal(await form.locator('.hours-stepper__value').innerText(), '1.5 小时');
      assert.equal(await form.locator('.resubmit-form__reason input').inputValue(), REASON);
      await form.locator('.resubmit-form__description textarea').fill(CORRECTED);
      await screenshot(member, 'hours-resubmit-form.png');
      await form.locator('.resubmit-form__submit').click();

      const done = member.locator('.record-item--rejected').filter({ hasText: DESCRIPTION }).locator('.record-item__resubmitted');
      await done.waitFor({ timeout: 30_000 });
      assert.equal(await done.innerText(), '已重新提交');
      const fresh = member.locator('.record-item--pending').filter({ hasText: CORRECTED });
      await fresh.waitFor({ timeout: 30_000 });
      assert.equal(await fresh.locator('.record-item__hours').innerText(), '申报 1.5 小时 · 待确认');
      await screenshot(member, 'hours-resubmitted.png');

      const queue = await asWorker.get('/services/queue?status=pending&pageSize=100');
      const linked = queue.body.items.find((r) => r.resubmittedFrom === recordId);
      assert.ok(linked, 'the worker sees the resubmission linked to the first record');
      resubmittedId = linked.id;
    });
  });

  test('the worker confirms the new version, and the member’s month and year totals move from 待确认 to 已确认', async () => {
    await step('totals', async () => {
      await open(member, product.baseUrl, MINE);
      const month = member.locator('.mine-hours .hours-summary__month');
      await month.waitFor({ timeout: 30_000 });
      totalsBefore = (await asMember.get('/services/mine/hours')).body;
      const squeeze = (text) => text.replace(/\s+/g, '');
      const line = (p) => squeeze(`已确认 ${hoursText(p.confirmed)}待确认 ${hoursText(p.pending)}`);
      assert.ok(squeeze(await month.innerText()).includes(line(totalsBefore.month)), 'the screen shows the API’s month');
      assert.ok(totalsBefore.month.pending >= 1.5, 'the resubmission waits as 待确认');

      const confirmed = await asWorker.post('/services/decide', { ids: [resubmittedId], decision: 'confirm', hours: { [resubmittedId]: 1.5 } });
      assert.deepEqual({ decided: confirmed.body.decided, skipped: confirmed.body.skipped }, { decided: [resubmittedId], skipped: [] });

      const expectMonth = { confirmed: totalsBefore.month.confirmed + 1.5, pending: totalsBefore.month.pending - 1.5 };
      const expectYear = { confirmed: totalsBefore.year.confirmed + 1.5, pending: totalsBefore.year.pending - 1.5 };
      for (const route of [MINE, HOME]) {
        await open(member, product.baseUrl, route);
        const scope = route === MINE ? '.mine-hours' : '.home-hours';
        const m = member.locator(`${scope} .hours-summary__month`);
        await m.waitFor({ timeout: 30_000 });
        await member.waitForFunction(
          ([selector, text]) => document.querySelector(selector)?.textContent?.includes(text),
          [`${scope} .hours-summary__month`, `已确认${hoursText(expectMonth.confirmed)}`],
          { timeout: 30_000 },
        );
        const monthText = squeeze(await m.innerText());
        const yearText = squeeze(await member.locator(`${scope} .hours-summary__year`).innerText());
        assert.ok(monthText.includes(line(expectMonth)), `${route} month: ${monthText}`);
        assert.ok(yearText.includes(line(expectYear)), `${route} year: ${yearText}`);
        await screenshot(member, `hours-totals-${route === MINE ? 'mine' : 'home'}.png`);
      }
      assert.deepEqual(failures, [], 'no server errors');
    });
  });

  test('no page logged an error, broke the security policy or failed to load a file', () => {
    assert.deepEqual(browser.problems(), []);
  });
}
