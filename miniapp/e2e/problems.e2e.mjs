// Residents' problems from a household visit to the resident's follow-up, in the real H5 build against the real
// backend (demo mode), in headless Chromium, with three people on three phones: 张建国 visits the household he is
// paired with and records the problem the resident raised there; the district organizer 孙伟 sends it to 向阳社区;
// the worker 刘芳 resolves it; 张建国 sees both steps on the timeline and a message in his inbox. A second problem he
// answers on the spot himself. No screen shows the resident's name, phone or address unmasked except the audited
// "查看完整联系方式" of those handling it.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromiumAvailable, launchPhone, openRoute as open, signIn } from './browser.mjs';
import { startProduct } from './product-server.mjs';

const ARTIFACTS = new URL('../../artifacts/browser', import.meta.url).pathname;
const HOUSEHOLD = '#/packages/pairing/pages/household/index';
const DETAIL = '#/packages/problems/pages/detail/index';
const NEW = '#/packages/problems/pages/new/index';
const LIST = '#/packages/problems/pages/list/index';
const INBOX = '#/packages/service/pages/inbox/index';
const RESIDENT = { name: '周秀珍', phone: '13977776666', address: '向阳路 26 号 4 栋 1 单元 302' };
const WORDS = `屋里暖气不热，老人晚上冷得睡不着 ${Date.now().toString(36).slice(-4)}`;
const required = process.env.CI === 'true';

async function api(baseUrl, path, { token, method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    headers['Idempotency-Key'] = randomUUID();
  }
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

const demoToken = async (baseUrl, role) => (await api(baseUrl, '/api/v1/auth/demo', { method: 'POST', body: { role } })).accessToken;

const field = (page, label) => page.locator('.text-field').filter({ hasText: label }).first().locator('input, textarea').first();

async function waitForText(page, selector, pattern, timeout = 30_000) {
  await page.waitForFunction(
    ({ selector, source }) => [...document.querySelectorAll(selector)].some((el) => new RegExp(source).test(el.textContent ?? '')),
    { selector, source: pattern.source },
    { timeout },
  );
}

/** What the whole page shows, to prove the resident's details never appear in the clear. */
const bodyText = (page) => page.evaluate(() => document.body.innerText);

if (!chromiumAvailable() && !required) {
  test('residents’ problems in Chromium', { skip: 'chromium is not installed (apt-get install chromium); required when CI=true' }, () => {});
} else {
  let product;
  const phones = [];
  const pages = {};
  const serverErrors = [];
  let householdId;
  let problemId;

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    product = await startProduct();
    // 张建国 registers with 向阳社区 (刘芳 approves) and is paired with a household there.
    const worker = await demoToken(product.baseUrl, 'worker');
    const member = await demoToken(product.baseUrl, 'member');
    const me = await api(product.baseUrl, '/api/v1/me', { token: worker });
    const duty = me.roles.find((role) => role.role === 'worker' && role.scopeName === '向阳社区');
    assert.ok(duty, 'the demo worker serves 向阳社区');
    const registration = await api(product.baseUrl, '/api/v1/registrations', { token: member, method: 'POST', body: { communityId: duty.scopeId } });
    await api(product.baseUrl, `/api/v1/registrations/${registration.id}/approve`, { token: worker, method: 'POST', body: {} });
    const household = await api(product.baseUrl, '/api/v1/households', {
      token: member,
      method: 'POST',
      body: { communityId: duty.scopeId, contactName: RESIDENT.name, phone: RESIDENT.phone, address: RESIDENT.address, consent: true },
    });
    householdId = household.id;
    for (const role of ['member', 'organizer', 'worker']) {
      const phone = await launchPhone({ baseUrl: product.baseUrl });
      phones.push(phone);
      const page = await phone.context.newPage();
      page.on('response', (res) => {
        if (res.url().includes('/api/v1/') && res.status() >= 500) serverErrors.push(`${res.status()} ${res.url()}`);
      });
      await signIn(page, product.baseUrl, role);
      pages[role] = page;
    }
  });

  after(async () => {
    for (const phone of phones) await phone.close().catch(() => undefined);
    await product?.stop();
  });

  async function step(name, body) {
    try {
      await body();
    } catch (error) {
      for (const [role, page] of Object.entries(pages)) {
        await page.screenshot({ path: join(ARTIFACTS, `problems-failed-${name}-${role}.png`), fullPage: true }).catch(() => undefined);
      }
      throw error;
    }
  }

  async function act(page, label, fill) {
    await page.locator('.problem-detail__action').filter({ hasText: new RegExp(`^${label}$`) }).click({ timeout: 30_000 });
    await page.locator('.problem-detail__form').waitFor({ timeout: 10_000 });
    await fill?.();
    await page.locator('.problem-detail__confirm').click();
    await page.locator('.problem-detail__form').waitFor({ state: 'hidden', timeout: 30_000 });
  }

  test('the member visits his paired household and records the problem raised there', async () => {
    await step('record', async () => {
      const page = pages.member;
      await open(page, product.baseUrl, `${HOUSEHOLD}?id=${householdId}`);
      await page.locator('.household-visit-form__submit').waitFor({ timeout: 30_000 });
      assert.ok(!(await bodyText(page)).includes(RESIDENT.phone), 'the household page shows the phone masked');
      await field(page, '情况记录').fill('老人说暖气不热，已记下');
      await page.locator('.household-visit-form__submit').click();
      await page.locator('.household-visit-form__problem').click({ timeout: 30_000 });
      await page.waitForURL(/packages\/problems\/pages\/new\/index\?visitId=/, { timeout: 30_000 });

      await field(page, '群众姓名').fill(RESIDENT.name);
      await field(page, '联系电话').fill(RESIDENT.phone);
      await field(page, '住址').fill(RESIDENT.address);
      await page.locator('.problem-new__consent').click();
      await page.locator('.problem-new__category .choice-chips__item').filter({ hasText: '冬季取暖' }).click();
      await field(page, '问题描述').fill(WORDS);
      await page.locator('.problem-new__urgency .choice-chips__item').filter({ hasText: '一般' }).click();
      await page.locator('.problem-new__deadline').waitFor({ timeout: 30_000 });
      await page.locator('.problem-new__submit').click();
      // The demo's own winter-heating problem of 向阳社区 may be offered as a possible duplicate: this one is not.
      const notSame = page.locator('.problem-new__not-same');
      await Promise.race([
        page.waitForURL(/packages\/problems\/pages\/detail\/index\?id=/, { timeout: 30_000 }),
        notSame.waitFor({ timeout: 30_000 }).then(() => notSame.click()),
      ]);
      await page.waitForURL(/packages\/problems\/pages\/detail\/index\?id=/, { timeout: 30_000 });
      problemId = decodeURIComponent(/[?&]id=([^&#]+)/.exec(page.url())?.[1] ?? '');
      assert.ok(problemId, 'the detail page of the new problem opened');
      await waitForText(page, '.problem-detail', /已登记/);
      const text = await bodyText(page);
      for (const value of [RESIDENT.name, RESIDENT.phone, RESIDENT.address]) assert.ok(!text.includes(value), `${value} is masked on the detail`);
    });
  });

  test('the district organizer sends it to 向阳社区; the worker reads the contact and resolves it', async () => {
    await step('dispatch', async () => {
      const page = pages.organizer;
      await open(page, product.baseUrl, `${DETAIL}?id=${problemId}`);
      await act(page, '交办', async () => {
        await page.locator('.problem-detail__form .choice-chips__item').filter({ hasText: '交给社区' }).click();
        await page.locator('.problem-detail__form .select-field__control').click();
        await page.locator('.problem-detail__form .select-field__option').filter({ hasText: /^向阳社区$/ }).click();
      });
      await waitForText(page, '.problem-detail', /已交办/);
    });
    await step('resolve', async () => {
      const page = pages.worker;
      await open(page, product.baseUrl, `${DETAIL}?id=${problemId}`);
      await page.locator('.problem-detail__contact').click({ timeout: 30_000 });
      await waitForText(page, '.problem-detail', /查看记录已留存/);
      assert.ok((await bodyText(page)).includes(RESIDENT.phone), 'the handler sees the phone in full after asking');
      await act(page, '已解决', () => field(page, '做了哪些事').fill('联系供热公司上门排气，室温已恢复到二十度'));
      await waitForText(page, '.problem-detail', /已解决/);
    });
  });

  test('the member sees the timeline and the message; a second problem he answers on the spot', async () => {
    await step('timeline', async () => {
      const page = pages.member;
      await open(page, product.baseUrl, `${DETAIL}?id=${problemId}`);
      await waitForText(page, '.problem-detail__event', /孙伟 交办/);
      await waitForText(page, '.problem-detail__event', /刘芳 已解决/);
      await open(page, product.baseUrl, INBOX);
      await waitForText(page, '.page', /您登记的群众问题已解决/);
    });
    await step('answer', async () => {
      const page = pages.member;
      await open(page, product.baseUrl, NEW);
      await field(page, '群众姓名').waitFor({ timeout: 30_000 });
      // The draft of the first problem was cleared once the server accepted it.
      assert.equal(await field(page, '群众姓名').inputValue(), '');
      await field(page, '群众姓名').fill('孙大爷');
      await page.locator('.problem-new__consent').click();
      await page.locator('.problem-new__category .choice-chips__item').filter({ hasText: '社会保障' }).click();
      await field(page, '问题描述').fill(`想知道高龄津贴怎么申请 ${Date.now().toString(36).slice(-4)}`);
      await page.locator('.problem-new__urgency .choice-chips__item').filter({ hasText: '一般' }).click();
      await page.locator('.problem-new__submit').click();
      await page.waitForURL(/packages\/problems\/pages\/detail\/index\?id=/, { timeout: 30_000 });
      await act(page, '当场解答', () => field(page, '给群众的解答').fill('年满八十周岁可带身份证到社区服务站申请，已告诉老人所需材料'));
      await waitForText(page, '.problem-detail', /当场解答/);
      await open(page, product.baseUrl, LIST);
      await waitForText(page, '.problem-list__items', /当场解答/);
      await waitForText(page, '.problem-list__items', /已解决/);
      assert.deepEqual(serverErrors, []);
    });
  });
}
