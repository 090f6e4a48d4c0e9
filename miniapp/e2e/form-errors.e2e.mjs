// A refusal from the real backend shows beside the field it is about and goes once that field is edited: an admin adds
// a unit with a code another unit already has (the demo seed's JG001), in the real H5 build, in headless Chromium.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromiumAvailable, launchPhone } from './browser.mjs';
import { startProduct } from './product-server.mjs';

const ARTIFACTS = new URL('../../artifacts/browser', import.meta.url).pathname;
const LOGIN = '#/packages/account/pages/login/index';
const UNITS = '#/packages/manage/pages/units/index';
const required = process.env.CI === 'true';

if (!chromiumAvailable() && !required) {
  test('form errors in Chromium', { skip: 'chromium is not installed (apt-get install chromium); required when CI=true' }, () => {});
} else {
  let product;
  let browser;

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    product = await startProduct();
    browser = await launchPhone({ baseUrl: product.baseUrl });
  });

  after(async () => {
    await browser?.close();
    await product?.stop();
  });

  test('a unit code already taken shows beside the code, not in a banner, and goes when the code is edited', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${product.baseUrl}/${LOGIN}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.login-role--admin').click({ timeout: 30_000 });
    await page.waitForFunction(() => !location.hash.includes('/login/'), null, { timeout: 30_000 });

    await page.goto(`${product.baseUrl}/?from=e2e${UNITS}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.unit-add').click({ timeout: 30_000 });
    const form = page.locator('.unit-form');
    await form.locator('.unit-form__name input').fill('区教育局');
    await form.locator('.unit-form__kind .select-field__control').click();
    await form.locator('.unit-form__kind .select-field__option').filter({ hasText: '机关' }).click();
    await form.locator('.unit-form__code input').fill('JG001');
    await form.locator('.unit-form__submit').click();

    const beside = form.locator('.unit-form__code .text-field__error');
    await beside.waitFor({ timeout: 15_000 });
    assert.match(await beside.innerText(), /JG001.*已被其他单位使用/);
    assert.equal(await form.locator('.unit-form__error').count(), 0, 'no banner repeats it');
    await page.screenshot({ path: join(ARTIFACTS, 'unit-code-taken.png'), fullPage: true });

    await form.locator('.unit-form__code input').fill('JG901');
    await beside.waitFor({ state: 'detached', timeout: 5_000 });
    await form.locator('.unit-form__submit').click();
    await page.locator('.unit-item').filter({ hasText: '区教育局' }).waitFor({ timeout: 15_000 });
  });

  test('no page logged an error, broke the security policy or failed to load a file', () => {
    assert.deepEqual(browser.problems(), []);
  });
}
