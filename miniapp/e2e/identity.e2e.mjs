// An organizer imports a roster in the real H5 build against the real backend (demo mode), in headless Chromium:
// signs in through the demo role picker, uploads a CSV made here (two good rows and one bad), reads the dry-run
// report with the bad row's Chinese reason, commits, sees the result, and the API then finds the new members.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromiumAvailable, launchPhone } from './browser.mjs';
import { startProduct } from './product-server.mjs';

const ARTIFACTS = new URL('../../artifacts/browser', import.meta.url).pathname;
const LOGIN = '#/packages/account/pages/login/index';
const ROSTER_IMPORT = '#/packages/manage/pages/roster-import/index';
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
  const data = text ? JSON.parse(text) : null;
  assert.ok(res.ok, `${method} ${path} answered ${res.status}: ${text}`);
  return data;
}

/**
 * The H5 pages scroll inside the page element rather than the document, so a full-page screenshot would stop at the
 * viewport: grow the viewport to the content first (the width, which sets the scale, stays the same).
 */
async function screenshotWhole(page, path) {
  const size = page.viewportSize();
  const height = await page.evaluate(() =>
    Math.max(...[document.body, ...document.querySelectorAll('.taro_page')].map((el) => el.scrollHeight)),
  );
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 6000) });
  await page.screenshot({ path, fullPage: true });
  await page.setViewportSize(size);
}

/** The same person the H5 role picker signs in as (demo login picks deterministically), to know their unit. */
async function demoOrganizer(baseUrl) {
  const { accessToken } = await api(baseUrl, '/api/v1/auth/demo', { method: 'POST', body: { role: 'organizer' } });
  const me = await api(baseUrl, '/api/v1/me', { token: accessToken });
  return { token: accessToken, me };
}

if (!chromiumAvailable() && !required) {
  test('roster import in Chromium', { skip: 'chromium is not installed (apt-get install chromium); required when CI=true' }, () => {});
} else {
  let product;
  let browser;
  let workDir;

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    workDir = mkdtempSync(join(tmpdir(), 'pioneer-roster-'));
    product = await startProduct();
    browser = await launchPhone({ baseUrl: product.baseUrl });
  });

  after(async () => {
    await browser?.close();
    await product?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test('an organizer dry-runs a roster, sees the bad row explained, commits it and sees the result', async () => {
    const { token, me } = await demoOrganizer(product.baseUrl);
    const unit = me.unit.name;
    const branch = me.branch?.name ?? '';
    // Two new people for the organizer's own unit, and one row with a phone number that cannot be right.
    const csv = [
      '姓名,手机号,单位,支部',
      `测试导入甲,13912340001,${unit},${branch}`,
      `测试导入乙,13912340002,${unit},${branch}`,
      `测试错误行,12345,${unit},${branch}`,
    ].join('\r\n');
    const file = join(workDir, '名册.csv');
    writeFileSync(file, `\uFEFF${csv}\r\n`, 'utf8');

    const page = await browser.context.newPage();
    const failures = [];
    page.on('response', (res) => {
      if (res.url().includes('/api/v1/') && res.status() >= 500) failures.push(`${res.status()} ${res.url()}`);
    });

    await page.goto(`${product.baseUrl}/${LOGIN}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.login-role--organizer').click({ timeout: 30_000 });
    await page.waitForFunction(() => !location.hash.includes('/login/'), null, { timeout: 30_000 });

    // A fresh load of the page, as when an organizer opens the link from the console's home page.
    await page.goto(`${product.baseUrl}/?from=e2e${ROSTER_IMPORT}`, { waitUntil: 'domcontentloaded' });
    const input = page.locator('.roster-upload input[type="file"]');
    await input.waitFor({ state: 'attached', timeout: 30_000 });
    await input.setInputFiles(file);
    await page.locator('.roster-file').filter({ hasText: '名册.csv' }).waitFor({ timeout: 10_000 });

    await page.locator('.roster-dry-run').click();
    const summary = page.locator('.roster-summary--dry_run');
    await summary.waitFor({ timeout: 30_000 });
    assert.equal(await summary.locator('.roster-count--create .roster-count__value').innerText(), '2');
    assert.equal(await summary.locator('.roster-count--error .roster-count__value').innerText(), '1');
    assert.equal(await page.locator('.roster-row').count(), 3, 'one report row per data row');
    const errorRow = page.locator('.roster-row--error');
    assert.equal(await errorRow.count(), 1);
    assert.match(await errorRow.innerText(), /第 4 行/);
    assert.match(await errorRow.locator('.roster-issue').first().innerText(), /手机号.*格式不正确/);
    // Errors come first in the table.
    assert.match(await page.locator('.roster-row').first().getAttribute('class'), /roster-row--error/);
    await screenshotWhole(page, join(ARTIFACTS, 'roster-dry-run.png'));

    // A dry run writes nothing.
    const before = await api(product.baseUrl, '/api/v1/members/search', { token, method: 'POST', body: { q: '测试导入' } });
    assert.equal(before.total, 0, 'nobody was created by the dry run');

    await page.locator('.roster-commit').click();
    const confirm = page.locator('.taro__modal .taro-model__confirm');
    await confirm.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(await page.locator('.taro__modal .taro-modal__text').innerText(), /新增 2 人/);
    await confirm.click();

    const result = page.locator('.roster-summary--commit');
    await result.waitFor({ timeout: 30_000 });
    assert.equal(await result.locator('.roster-count--create .roster-count__value').innerText(), '2');
    assert.equal(await result.locator('.roster-count--error .roster-count__value').innerText(), '1');
    // Let the confirmation fade out and the 导入完成 toast pass, so the screenshot shows the page itself.
    await page.locator('.taro__modal').waitFor({ state: 'hidden', timeout: 10_000 });
    await page.waitForFunction(
      () => [...document.querySelectorAll('.taro__toast')].every((el) => getComputedStyle(el).display === 'none'),
      null,
      { timeout: 10_000 },
    );
    await screenshotWhole(page, join(ARTIFACTS, 'roster-commit.png'));

    const afterCommit = await api(product.baseUrl, '/api/v1/members/search', { token, method: 'POST', body: { q: '测试导入' } });
    assert.deepEqual(afterCommit.items.map((member) => member.name).sort(), ['测试导入乙', '测试导入甲']);
    assert.ok(afterCommit.items.every((member) => member.unit.name === unit && member.phoneMasked));
    const bad = await api(product.baseUrl, '/api/v1/members/search', { token, method: 'POST', body: { q: '测试错误行' } });
    assert.equal(bad.total, 0, 'the bad row was not imported');
    assert.deepEqual(failures, [], 'no server errors');
  });

  test('the people list finds the imported members and opens one', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${product.baseUrl}/?from=e2e#/packages/manage/pages/people/index`, { waitUntil: 'domcontentloaded' });
    await page.locator('.people-item').first().waitFor({ timeout: 30_000 });
    await page.locator('.people-search input').fill('测试导入甲');
    await page.locator('.people-search__button').click();
    await page.waitForFunction(
      () => {
        const names = [...document.querySelectorAll('.people-item .person-name')].map((node) => node.textContent);
        return names.length === 1 && names[0] === '测试导入甲';
      },
      null,
      { timeout: 15_000 },
    );
    await page.locator('.people-item').first().click();
    await page.locator('.person-profile .person-name').filter({ hasText: '测试导入甲' }).waitFor({ timeout: 15_000 });
    assert.match(await page.locator('.person-phone__number').innerText(), /^139\*{4}0001$/, 'the phone is masked by default');
    await screenshotWhole(page, join(ARTIFACTS, 'person.png'));
  });

  test('no page logged an error, broke the security policy or failed to load a file', () => {
    assert.deepEqual(browser.problems(), []);
  });
}
