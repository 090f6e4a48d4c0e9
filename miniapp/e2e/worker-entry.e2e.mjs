// A worker's day at the desk, in the real H5 build against the real backend (demo mode), in headless Chromium: 刘芳
// (向阳社区) finds a member on a paper sheet by name, sees the times already set around now, enters the visit, is
// refused beside the member when entering the same visit again, and shows the check-in code full screen with its ring,
// which says plainly when the phone goes offline.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromiumAvailable, launchPhone, openRoute as open, signIn } from './browser.mjs';
import { startProduct } from './product-server.mjs';

const ARTIFACTS = new URL('../../artifacts/browser', import.meta.url).pathname;
const ON_BEHALF = '#/packages/worker/pages/on-behalf/index';
const WORKER_CODE = '#/packages/worker/pages/code/index';
const MEMBER = '张建国';
const OFFLINE = '网络已断开，签到码可能已失效，请恢复网络';
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

/** The demo member registers with the worker's community and the worker approves it: only then may they be entered. */
async function registerMember(baseUrl) {
  const worker = await api(baseUrl, '/api/v1/auth/demo', { method: 'POST', body: { role: 'worker' } });
  const member = await api(baseUrl, '/api/v1/auth/demo', { method: 'POST', body: { role: 'member' } });
  const me = await api(baseUrl, '/api/v1/me', { token: worker.accessToken });
  const duty = me.roles.find((role) => role.role === 'worker' && role.scopeName === '向阳社区');
  assert.ok(duty, 'the demo worker serves 向阳社区');
  const registration = await api(baseUrl, '/api/v1/registrations', {
    token: member.accessToken,
    method: 'POST',
    body: { communityId: duty.scopeId },
  });
  await api(baseUrl, `/api/v1/registrations/${registration.id}/approve`, { token: worker.accessToken, method: 'POST', body: {} });
}

async function choose(page, field, label) {
  await page.locator(`.${field} .select-field__control`).click();
  await page.locator(`.${field} .select-field__option`).filter({ hasText: new RegExp(`^${label}$`) }).click();
}

const minutesOf = (clock) => {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
};

/** The member chosen from the list under the search box, after searching by part of the name. */
async function findAndPick(page, text, name) {
  const filter = page.locator('input.on-behalf-members__filter');
  await filter.waitFor({ timeout: 30_000 });
  await filter.fill(text);
  const listed = page.locator('.on-behalf-members__list .on-behalf-member__name');
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('.on-behalf-members__list .on-behalf-member__name')].map((el) => el.textContent).join() === n,
    name,
    { timeout: 10_000 },
  );
  assert.deepEqual(await listed.allInnerTexts(), [name]);
  await page.locator('.on-behalf-members__list .on-behalf-member').filter({ hasText: name }).click();
  const chip = page.locator('.on-behalf-chip').filter({ hasText: name });
  await chip.waitFor({ timeout: 10_000 });
  await chip.scrollIntoViewIfNeeded();
}

async function fillSheet(page) {
  await choose(page, 'on-behalf-type', '其他');
  await page.locator('.on-behalf-description textarea').fill('帮助独居老人清理楼道杂物');
  await page.locator('.on-behalf-reason input').fill('纸质签到表补录');
}

if (!chromiumAvailable() && !required) {
  test('a worker’s entry and code in Chromium', { skip: 'chromium is not installed (apt-get install chromium); required when CI=true' }, () => {});
} else {
  let product;
  let browser;
  let page;
  const serverErrors = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    product = await startProduct();
    await registerMember(product.baseUrl);
    browser = await launchPhone({ baseUrl: product.baseUrl });
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 375, height: 667 });
    page.on('response', (res) => {
      if (res.url().includes('/api/v1/') && res.status() >= 500) serverErrors.push(`${res.status()} ${res.url()}`);
    });
    await signIn(page, product.baseUrl, 'worker');
  });

  after(async () => {
    await browser?.close();
    await product?.stop();
  });

  async function step(name, body) {
    try {
      await body();
    } catch (error) {
      await page?.screenshot({ path: join(ARTIFACTS, `worker-entry-failed-${name}.png`), fullPage: true }).catch(() => undefined);
      throw error;
    }
  }

  test('the worker finds a member by name, with the times already set around now, and enters the visit', async () => {
    await step('entry', async () => {
      await open(page, product.baseUrl, ON_BEHALF);
      await findAndPick(page, '建国', MEMBER);

      const start = await page.locator('.on-behalf-start .select-field__value').innerText();
      const end = await page.locator('.on-behalf-end .select-field__value').innerText();
      assert.notEqual(start, '00:00');
      assert.equal(minutesOf(end) - minutesOf(start), 60, `an hour before the end (${start}–${end})`);
      assert.match(await page.locator('.on-behalf-day .select-field__value').innerText(), /（(今天|昨天)）/);
      // What the day already holds for the member, beside their name.
      await page.locator('.on-behalf-chip').filter({ hasText: /还可记 8 小时/ }).waitFor({ timeout: 10_000 });

      await fillSheet(page);
      await page.locator('.on-behalf-chip').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, 'worker-entry-sheet.png'), fullPage: true });
      await page.locator('.on-behalf-submit').click();
      const done = page.locator('.on-behalf-done');
      await done.waitFor({ timeout: 30_000 });
      assert.match(await done.innerText(), /已为 1 位党员补录服务记录/);
      assert.match(await done.innerText(), new RegExp(`${MEMBER}：计入 1 小时`));
    });
  });

  test('the same visit entered again is refused beside the member, and nothing is recorded twice', async () => {
    await step('overlap', async () => {
      await page.locator('.on-behalf-again').click();
      await findAndPick(page, '张', MEMBER);
      await fillSheet(page);
      const chip = page.locator('.on-behalf-chip').filter({ hasText: MEMBER });
      await chip.locator('.field-error').filter({ hasText: /重叠/ }).waitFor({ timeout: 10_000 });
      let posted = 0;
      page.on('request', (req) => {
        if (req.method() === 'POST' && req.url().includes('/api/v1/services/on-behalf')) posted += 1;
      });
      await page.locator('.on-behalf-submit').click();
      await page.waitForTimeout(500);
      assert.equal(posted, 0, 'refused before sending');
      assert.equal(await page.locator('.on-behalf-done').count(), 0);
      await chip.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, 'worker-entry-overlap.png'), fullPage: true });
    });
  });

  test('the code opens full screen with a calm ring, and says so plainly when the phone goes offline', async () => {
    await step('code', async () => {
      await open(page, product.baseUrl, WORKER_CODE);
      const full = page.locator('.worker-code--full');
      await full.waitFor({ timeout: 30_000 });
      const viewport = page.viewportSize();
      const box = await full.boundingBox();
      assert.ok(box && box.width >= viewport.width - 1 && box.height >= viewport.height - 1, 'covers the screen');
      const qr = await page.locator('.worker-code-qr').boundingBox();
      assert.ok(qr && qr.width >= viewport.width * 0.8, `the QR fills the width (${qr?.width} of ${viewport.width})`);
      await page.locator('.progress-ring svg').waitFor();
      assert.match(await page.locator('.progress-ring').getAttribute('aria-label'), /^签到码 \d+ 秒后自动更新$/);
      // Calm: no seconds counting down in view.
      assert.doesNotMatch(await full.innerText(), /\d+ 秒后/);
      await page.screenshot({ path: join(ARTIFACTS, 'worker-entry-code-full.png') });

      await browser.context.setOffline(true);
      await page.locator('.worker-code-network').filter({ hasText: OFFLINE }).waitFor({ timeout: 10_000 });
      // Once the code's time is up with no network, it is greyed.
      await page.locator('.worker-code-qr--stale').waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(ARTIFACTS, 'worker-entry-code-offline.png') });
      await browser.context.setOffline(false);
      await page.locator('.worker-code-network').waitFor({ state: 'detached', timeout: 30_000 });
      assert.equal(await page.locator('.worker-code-qr--stale').count(), 0);

      await page.locator('.worker-code-exit').click();
      await page.locator('.worker-code__hint').waitFor({ timeout: 10_000 });
      assert.equal(await page.locator('.worker-code--full').count(), 0);
      assert.deepEqual(serverErrors, [], 'no server errors');
    });
  });

  test('no page logged an error, broke the security policy or failed to load a file', () => {
    assert.deepEqual(browser.problems(), []);
  });
}
