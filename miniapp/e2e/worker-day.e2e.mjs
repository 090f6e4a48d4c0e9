// A worker's day, end to end in the real H5 build against the real backend (demo mode), on a 375×667 phone: three
// visits of 张建国 at 向阳社区 wait for confirmation (made through the API as the member would make them, with the code
// the worker's phone shows); the worker (刘芳) sees the count on the home tile and the 首页 tab, opens the queue from the
// tile, selects all three, confirms them in one go and sees the result on each row; the counts drop to 0; an undo
// within the window puts one record back to 待确认 and the count shows it again.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromiumAvailable, launchPhone, openRoute as open, signIn } from './browser.mjs';
import { startProduct } from './product-server.mjs';

const ARTIFACTS = new URL('../../artifacts/browser', import.meta.url).pathname;
const HOME = '#/pages/index/index';
const COMMUNITY = '向阳社区';
const VISITS = ['整理社区图书角', '为独居老人送午餐', '清理楼道小广告'];
const SLOT_SECONDS = 5;
const required = process.env.CI === 'true';

/** The API as a phone would call it: a bearer token, and an Idempotency-Key on every write. */
function apiAs(baseUrl, token) {
  return async (method, path, body) => {
    const headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (method !== 'GET') headers['Idempotency-Key'] = `worker-day-${randomUUID()}`;
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
    const data = await res.json().catch(() => null);
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(data)}`);
    return data;
  };
}

async function demoToken(baseUrl, role) {
  return (await apiAs(baseUrl)('POST', '/api/v1/auth/demo', { role })).accessToken;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The badge on one home tile, or '' when it shows none. */
async function tileBadge(page, key) {
  const badge = page.locator(`.home-shortcut--${key} .home-shortcut__badge`);
  return (await badge.count()) === 0 ? '' : badge.innerText();
}

/** The badge on the 首页 tab (Taro's H5 tab bar), or '' when it shows none. */
async function homeTabBadge(page) {
  return page.evaluate(() => {
    const first = document.querySelector('.weui-tabbar__item');
    return first?.querySelector('.taro-tabbar-badge')?.textContent ?? '';
  });
}

if (!chromiumAvailable() && !required) {
  test('a worker’s day in Chromium', { skip: 'chromium is not installed (apt-get install chromium); required when CI=true' }, () => {});
} else {
  let product;
  let phone;
  let page;
  const serverErrors = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // Short code slots: each visit's start needs a code slot of its own, and the test should not wait 15 s for each.
    product = await startProduct({ env: { CHECKIN_SLOT_SECONDS: String(SLOT_SECONDS) } });
    const base = product.baseUrl;
    const member = apiAs(base, await demoToken(base, 'member'));
    const worker = apiAs(base, await demoToken(base, 'worker'));
    const overview = await apiAs(base)('GET', '/api/v1/public/overview');
    const communityId = overview.communities.find((c) => c.name === COMMUNITY).id;
    const asked = await member('POST', '/api/v1/registrations', { communityId });
    await worker('POST', `/api/v1/registrations/${asked.id}/approve`, {});
    for (const description of VISITS) {
      const code = await worker('GET', `/api/v1/checkin/code?communityId=${communityId}`);
      const started = await member('POST', '/api/v1/services/start', { code: code.code });
      await member('POST', `/api/v1/services/${started.id}/end`, { code: code.code, serviceType: 'volunteer', description });
      // The next start needs the next slot's code.
      await sleep(Math.max(0, new Date(code.expiresAt).getTime() - Date.now()) + 300);
    }

    phone = await launchPhone({ baseUrl: base });
    page = await phone.context.newPage();
    await page.setViewportSize({ width: 375, height: 667 });
    page.on('response', (res) => {
      if (res.url().includes('/api/v1/') && res.status() >= 500) serverErrors.push(`${res.status()} ${res.url()}`);
    });
  });

  after(async () => {
    await phone?.close();
    await product?.stop();
  });

  async function step(name, body) {
    try {
      await body();
    } catch (error) {
      await page?.screenshot({ path: join(ARTIFACTS, `worker-day-failed-${name}.png`), fullPage: true }).catch(() => undefined);
      throw error;
    }
  }

  test('the worker sees the three waiting records on the home tile and on the 首页 tab', async () => {
    await step('badges', async () => {
      await signIn(page, product.baseUrl, 'worker');
      await open(page, product.baseUrl, HOME);
      await page.locator('.home-shortcut--worker-queue .home-shortcut__badge').waitFor({ timeout: 30_000 });
      assert.equal(await tileBadge(page, 'worker-queue'), '3');
      // The registration was approved before: nothing waits there, so no badge.
      assert.equal(await tileBadge(page, 'worker-registrations'), '');
      await page.waitForFunction(() => document.querySelector('.weui-tabbar__item .taro-tabbar-badge')?.textContent === '3', null, {
        timeout: 15_000,
      });
      assert.equal(await homeTabBadge(page), '3');
      await page.screenshot({ path: join(ARTIFACTS, 'worker-day-home.png') });
    });
  });

  test('from the tile the worker selects all three, confirms them at once and sees the result on each row', async () => {
    await step('bulk', async () => {
      await page.locator('.home-shortcut--worker-queue').click();
      await page.waitForFunction(() => location.hash.includes('/packages/worker/pages/queue/'), null, { timeout: 30_000 });
      const rows = page.locator('.queue-item');
      await rows.nth(2).waitFor({ timeout: 30_000 });
      assert.equal(await rows.count(), 3);
      for (const description of VISITS) assert.equal(await rows.filter({ hasText: description }).count(), 1);

      await page.locator('.queue-select-mode').click();
      await page.locator('.queue-select-all').click();
      assert.equal(await page.locator('.queue-actions__count').innerText(), '已选 3 条');
      await page.screenshot({ path: join(ARTIFACTS, 'worker-day-selected.png') });
      await page.locator('.queue-confirm').click();

      await page.locator('.queue-item__result').nth(2).waitFor({ timeout: 30_000 });
      const results = await page.locator('.queue-item__result').allInnerTexts();
      assert.deepEqual(results, ['已确认', '已确认', '已确认']);
      const statuses = await page.locator('.queue-item__status').allInnerTexts();
      assert.deepEqual(statuses, ['已确认', '已确认', '已确认']);
      // Each row now offers its undo while the window is open.
      assert.equal(await page.locator('.queue-item__undo').count(), 3);
      await page.screenshot({ path: join(ARTIFACTS, 'worker-day-confirmed.png'), fullPage: true });
    });
  });

  test('back home the counts are gone', async () => {
    await step('cleared', async () => {
      await open(page, product.baseUrl, HOME);
      await page.locator('.home-shortcut--worker-queue').waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => !document.querySelector('.weui-tabbar__item .taro-tabbar-badge'), null, { timeout: 15_000 });
      // The counts request has answered once the tab badge is gone; the tile follows the same answer.
      assert.equal(await tileBadge(page, 'worker-queue'), '');
      assert.equal(await homeTabBadge(page), '');
    });
  });

  test('an undo within the window puts one record back to 待确认, and it is counted again', async () => {
    await step('undo', async () => {
      await page.locator('.home-shortcut--worker-queue').click();
      await page.waitForFunction(() => location.hash.includes('/packages/worker/pages/queue/'), null, { timeout: 30_000 });
      await page.locator('.queue-empty').waitFor({ timeout: 30_000 });
      await page.locator('.queue-status--confirmed').click();
      const row = page.locator('.queue-item').filter({ hasText: VISITS[0] });
      await row.locator('.queue-item__undo').waitFor({ timeout: 30_000 });
      await row.locator('.queue-item__undo').click();
      await row.locator('.queue-item__result').waitFor({ timeout: 30_000 });
      assert.equal(await row.locator('.queue-item__result').innerText(), '已撤销，记录重新待确认');
      assert.equal(await row.locator('.queue-item__status').innerText(), '待确认');
      // Waiting again: it can be confirmed or returned from its row.
      await row.locator('.queue-item__confirm').waitFor({ timeout: 10_000 });
      await page.screenshot({ path: join(ARTIFACTS, 'worker-day-undone.png'), fullPage: true });

      await open(page, product.baseUrl, HOME);
      await page.waitForFunction(
        () => document.querySelector('.home-shortcut--worker-queue .home-shortcut__badge')?.textContent === '1',
        null,
        { timeout: 30_000 },
      );
      assert.deepEqual(serverErrors, [], 'no server errors');
    });
  });

  test('no page logged an error, broke the security policy or failed to load a file', () => {
    assert.deepEqual(phone.problems(), []);
  });
}
