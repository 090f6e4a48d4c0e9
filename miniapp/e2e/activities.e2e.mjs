// Activities from publishing to a certificate, in the real H5 build against the real backend (demo mode), in headless
// Chromium, with three people on three phones: the district organizer 孙伟 publishes a 区委组织部 activity with one
// place; he takes the place himself and 张建国 is waitlisted first in line; 孙伟 cancels and 张建国 has the place and an
// inbox message saying so; at the activity 张建国 scans the rotating code on 孙伟's phone at arrival and at departure,
// and the credited hours appear on the service certificate he issues. Then the worker 刘芳 publishes a need of 向阳社区
// and 张建国, registered there, takes it on.
//
// Presence: the product runs with ACTIVITY_PRESENCE_PERCENT=1, so a half-hour activity credits its hours after 18
// seconds on site rather than 18 minutes; and once the sign-ups are settled the organizer moves the start to a minute
// ago (an edit everyone signed up is told about), so the test need not wait for the planned day.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromiumAvailable, launchPhone, openRoute as open, signIn } from './browser.mjs';
import { startProduct } from './product-server.mjs';

const ARTIFACTS = new URL('../../artifacts/browser', import.meta.url).pathname;
const EDIT = '#/packages/organize/pages/edit/index';
const DETAIL = '#/packages/activity/pages/detail/index';
const SCAN = '#/packages/activity/pages/scan/index';
const ATTENDANCE = '#/packages/organize/pages/attendance/index';
const CERTIFICATE = '#/packages/activity/pages/certificate/index';
const INBOX = '#/packages/service/pages/inbox/index';
const ACTIVITIES_TAB = '#/pages/activities/index';
const TITLE = `周末义务植树${Date.now().toString(36).slice(-4)}`;
const NEED_TITLE = '帮独居老人买菜';
const SLOT_SECONDS = 5;
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

const demoToken = async (baseUrl, role) =>
  (await api(baseUrl, '/api/v1/auth/demo', { method: 'POST', body: { role } })).accessToken;

/** 张建国 registers with 向阳社区 and 刘芳 approves it: a community's needs are for the members registered there. */
async function registerMember(baseUrl) {
  const worker = await demoToken(baseUrl, 'worker');
  const member = await demoToken(baseUrl, 'member');
  const me = await api(baseUrl, '/api/v1/me', { token: worker });
  const duty = me.roles.find((role) => role.role === 'worker' && role.scopeName === '向阳社区');
  assert.ok(duty, 'the demo worker serves 向阳社区');
  const registration = await api(baseUrl, '/api/v1/registrations', { token: member, method: 'POST', body: { communityId: duty.scopeId } });
  await api(baseUrl, `/api/v1/registrations/${registration.id}/approve`, { token: worker, method: 'POST', body: {} });
}

async function choose(page, field, label) {
  await page.locator(`.${field} .select-field__control`).click();
  await page.locator(`.${field} .select-field__option`).filter({ hasText: new RegExp(`^${label}$`) }).click();
}

/** Taro's H5 modal (Taro.showModal): confirm it. */
async function confirmModal(page) {
  const confirm = page.locator('.taro__modal .taro-model__confirm');
  await confirm.waitFor({ timeout: 10_000 });
  await confirm.click();
  await page.locator('.taro__modal').waitFor({ state: 'hidden', timeout: 10_000 });
}

async function textOf(page, selector) {
  const el = page.locator(selector).first();
  await el.waitFor({ timeout: 30_000 });
  return (await el.innerText()).trim();
}

async function waitForText(page, selector, pattern, timeout = 30_000) {
  await page.waitForFunction(
    ({ selector, source }) => [...document.querySelectorAll(selector)].some((el) => new RegExp(source).test(el.textContent ?? '')),
    { selector, source: pattern.source },
    { timeout },
  );
}

if (!chromiumAvailable() && !required) {
  test('activities in Chromium', { skip: 'chromium is not installed (apt-get install chromium); required when CI=true' }, () => {});
} else {
  let product;
  const phones = [];
  const pages = {};
  const serverErrors = [];
  let activityId;

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    product = await startProduct({ env: { CHECKIN_SLOT_SECONDS: String(SLOT_SECONDS), ACTIVITY_PRESENCE_PERCENT: '1' } });
    await registerMember(product.baseUrl);
    for (const role of ['organizer', 'member', 'worker']) {
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
        await page.screenshot({ path: join(ARTIFACTS, `activities-failed-${name}-${role}.png`), fullPage: true }).catch(() => undefined);
      }
      throw error;
    }
  }

  test('the organizer publishes a 区委组织部 activity with one place', async () => {
    await step('publish', async () => {
      const page = pages.organizer;
      await open(page, product.baseUrl, EDIT);
      await page.locator('.edit-title input').waitFor({ timeout: 30_000 });
      await choose(page, 'edit-kind', '志愿服务');
      await choose(page, 'edit-sub-kind', '绿化植树');
      await page.locator('.edit-title input').fill(TITLE);
      await page.locator('.edit-description textarea').fill('在滨河公园补种银杏树苗，工具由社区提供，请穿便于劳动的衣服。');
      await page.locator('.edit-place input').fill('滨河公园东门');
      await page.locator('.edit-capacity input').fill('1');
      await page.locator('.edit-waitlist input').fill('5');
      await choose(page, 'edit-scope__select', '区委组织部党员');
      await page.locator('.edit-submit').click();
      await page.locator('.edit-done').waitFor({ timeout: 30_000 });
      assert.match(await textOf(page, '.edit-done'), /已发布/);

      const organizer = await demoToken(product.baseUrl, 'organizer');
      const managed = await api(product.baseUrl, '/api/v1/activities/manage?pageSize=100', { token: organizer });
      const mine = managed.items.find((a) => a.title === TITLE);
      assert.ok(mine, 'the new activity is in the organizer’s list');
      assert.equal(mine.status, 'published', 'a unit’s activity needs no district review');
      assert.equal(mine.capacity, 1);
      activityId = mine.id;
    });
  });

  test('the first to sign up has the place; the second is waitlisted first in line', async () => {
    await step('sign-up', async () => {
      // 孙伟 is a member of 区委组织部 too, and takes the one place.
      await open(pages.organizer, product.baseUrl, `${DETAIL}?id=${activityId}`);
      await pages.organizer.locator('.activity-detail__sign-up').click({ timeout: 30_000 });
      await waitForText(pages.organizer, '.activity-detail__outcome', /报名成功/);

      await open(pages.member, product.baseUrl, `${DETAIL}?id=${activityId}`);
      const join = pages.member.locator('.activity-detail__sign-up');
      await join.waitFor({ timeout: 30_000 });
      assert.match(await join.innerText(), /候补/, 'a full activity offers the waitlist');
      await join.click();
      await waitForText(pages.member, '.activity-detail__outcome', /候补.*第\s*1\s*位/);
      await waitForText(pages.member, '.activity-detail__signup', /候补/);
    });
  });

  test('when the place is given back, the waitlisted member has it and an inbox message', async () => {
    await step('promotion', async () => {
      await open(pages.organizer, product.baseUrl, `${DETAIL}?id=${activityId}`);
      await pages.organizer.locator('.activity-detail__cancel').click({ timeout: 30_000 });
      await confirmModal(pages.organizer);
      await waitForText(pages.organizer, '.activity-detail__outcome', /已取消报名/);

      await open(pages.member, product.baseUrl, `${DETAIL}?id=${activityId}`);
      await waitForText(pages.member, '.activity-detail__signup', /已报名/);
      await open(pages.member, product.baseUrl, INBOX);
      await waitForText(pages.member, '.message-item__body, .message-item__title', new RegExp(TITLE));
      assert.match(await pages.member.locator('.inbox-list').innerText(), /候补转为正式报名/);
    });
  });

  test('arrival and departure by the rotating code credit the hours, and they appear on the certificate', async () => {
    await step('attendance', async () => {
      // The organizer brings the start forward to a minute ago (a half-hour activity), so it is on now.
      const organizer = await demoToken(product.baseUrl, 'organizer');
      const start = new Date(Date.now() - 60_000);
      const iso = (d) => d.toISOString();
      await api(product.baseUrl, `/api/v1/activities/${activityId}`, {
        token: organizer,
        method: 'PATCH',
        body: {
          startsAt: iso(start),
          endsAt: iso(new Date(start.getTime() + 30 * 60_000)),
          signupDeadline: iso(new Date(start.getTime() - 60_000)),
          cancelDeadline: iso(new Date(start.getTime() - 60_000)),
          creditedHours: 0.5,
        },
      });

      await open(pages.organizer, product.baseUrl, `${ATTENDANCE}?id=${activityId}`);
      const scanWith = async () => {
        const code = (await textOf(pages.organizer, '.attendance-short-code')).replace(/\D/g, '');
        assert.match(code, /^\d{6}$/, 'the organizer’s phone shows the six-digit code of the demo');
        await pages.member.locator('.activity-scan__short-code input').fill(code);
        await pages.member.locator('.activity-scan__submit').click();
      };

      await open(pages.member, product.baseUrl, `${SCAN}?id=${activityId}`);
      await pages.member.locator('.activity-scan__short-code input').waitFor({ timeout: 30_000 });
      await scanWith();
      await pages.member.locator('.activity-scan__result').waitFor({ timeout: 30_000 });
      assert.doesNotMatch(await textOf(pages.member, '.activity-scan__arrived'), /还没有记录/);
      await waitForText(pages.organizer, '.attendance-counts', /1/);

      // 1 % of half an hour is 18 s; the departure code must also be a later one.
      await new Promise((r) => setTimeout(r, 20_000));
      await open(pages.organizer, product.baseUrl, `${ATTENDANCE}?id=${activityId}`);
      await scanWith();
      await waitForText(pages.member, '.activity-scan__hours', /计入\s*0\.5\s*小时/);

      await open(pages.member, product.baseUrl, CERTIFICATE);
      await pages.member.locator('.certificate-form__submit').click({ timeout: 30_000 });
      await pages.member.locator('.certificate-shown').waitFor({ timeout: 30_000 });
      const certificate = await pages.member.locator('.certificate-shown').innerText();
      assert.ok(certificate.includes(TITLE), 'the certificate lists the activity');
      assert.match(certificate, /0\.5\s*小时/);
      assert.match(certificate, /张建国/);
      await pages.member.screenshot({ path: join(ARTIFACTS, 'activities-certificate.png'), fullPage: true });
    });
  });

  test('a worker publishes a need of the community and a member registered there takes it on', async () => {
    await step('need', async () => {
      const worker = pages.worker;
      await open(worker, product.baseUrl, `${EDIT}?need=1`);
      await worker.locator('.edit-title input').waitFor({ timeout: 30_000 });
      await choose(worker, 'edit-need-kind', '微心愿');
      await worker.locator('.edit-title input').fill(NEED_TITLE);
      await worker.locator('.edit-description textarea').fill('王奶奶腿脚不便，每周六上午需要有人帮忙买菜送到家。');
      await worker.locator('.edit-place input').fill('向阳社区3号楼');
      await worker.locator('.edit-submit').click();
      await worker.locator('.edit-done').waitFor({ timeout: 30_000 });

      const member = pages.member;
      await open(member, product.baseUrl, ACTIVITIES_TAB);
      await member.locator('.activities-tabs .choice-chips__item').filter({ hasText: '社区需求' }).click({ timeout: 30_000 });
      const card = member.locator('.activity-card').filter({ hasText: NEED_TITLE });
      await card.first().click({ timeout: 30_000 });
      await member.locator('.activity-detail__sign-up').click({ timeout: 30_000 });
      await waitForText(member, '.activity-detail__outcome', /报名成功/);
      // Once the page has reloaded the sign-up, a taken need leads to the check-in that does it.
      await waitForText(member, '.activity-detail__signup', /已报名/);
      await member.locator('.activity-detail__need-checkin').waitFor({ timeout: 30_000 });
    });
  });

  test('no page logged an error and no request failed on the server', () => {
    assert.deepEqual(serverErrors, []);
    assert.deepEqual(phones.flatMap((p) => p.problems()), []);
  });
}
