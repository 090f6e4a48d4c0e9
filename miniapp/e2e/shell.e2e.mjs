// The H5 shell as a person meets it: an inner page has a way back, an unknown address says so and leads home, tapping
// the tabs is quiet (no security-policy violation), the page has its icon, and nothing behind the page fails.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromiumAvailable, launchPhone, watchPage } from './browser.mjs';
import { startProduct } from './product-server.mjs';

const ARTIFACTS = new URL('../../artifacts/browser', import.meta.url).pathname;
const ABOUT = '#/packages/about/pages/about/index';
const required = process.env.CI === 'true';

if (!chromiumAvailable() && !required) {
  test('H5 shell in Chromium', { skip: 'chromium is not installed (apt-get install chromium); required when CI=true' }, () => {});
} else {
  let product;
  let browser;

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    product = await startProduct();
    browser = await launchPhone();
  });

  after(async () => {
    await browser?.close();
    await product?.stop();
  });

  test('tabs switch without a security-policy violation, and the page has its icon', async () => {
    const page = await browser.context.newPage();
    const watch = watchPage(page, product.baseUrl);
    const favicon = [];
    page.on('request', (req) => {
      if (/favicon/.test(req.url())) favicon.push(req.url());
    });
    await page.goto(product.baseUrl, { waitUntil: 'domcontentloaded' });
    await page.locator('.home-community').first().waitFor({ timeout: 30_000 });
    for (const label of ['我的', '活动', '首页']) {
      await page.locator('.weui-tabbar__item', { hasText: label }).click();
      await page.waitForTimeout(400);
    }
    await page.locator('.home-community').first().waitFor({ timeout: 10_000 });
    const icon = await page.evaluate(() => document.querySelector('link[rel="icon"]')?.getAttribute('href') ?? '');
    assert.match(icon, /^data:image\/svg\+xml,/, 'the page declares its icon inline');
    assert.deepEqual(favicon.filter((url) => url.endsWith('/favicon.ico')), [], 'no request for a missing /favicon.ico');
    assert.deepEqual(watch.problems, []);
    await page.close();
  });

  test('an inner page has a way back', async () => {
    const page = await browser.context.newPage();
    const watch = watchPage(page, product.baseUrl);
    await page.goto(product.baseUrl, { waitUntil: 'domcontentloaded' });
    await page.locator('.home-about').first().waitFor({ timeout: 30_000 });
    await page.locator('.home-about').first().click();
    await page.locator('.about-intro').waitFor({ timeout: 15_000 });
    const back = page.locator('.taro-navigation-bar-show .taro-navigation-bar-back');
    await back.waitFor({ state: 'visible', timeout: 5_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'about.png') });
    await back.click();
    await page.locator('.home-community').first().waitFor({ timeout: 10_000 });
    assert.deepEqual(watch.problems, []);
    await page.close();
  });

  test('an unknown address shows a not-found page with a way home', async () => {
    const page = await browser.context.newPage();
    const watch = watchPage(page, product.baseUrl);
    // First a real page, so "the previous page stays on screen" would be visible if it happened.
    await page.goto(`${product.baseUrl}/${ABOUT}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.about-intro').waitFor({ timeout: 30_000 });
    await page.goto(`${product.baseUrl}/#/pages/no-such-page/index`);
    await page.locator('.not-found').waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await page.locator('.about-intro:visible').count(), 0, 'the previous page is not left on screen');
    assert.match(await page.locator('.not-found').innerText(), /没有找到这个页面/);
    await page.screenshot({ path: join(ARTIFACTS, 'not-found.png') });
    await page.locator('.not-found__home').click();
    await page.locator('.home-community').first().waitFor({ timeout: 15_000 });
    assert.deepEqual(watch.problems, []);
    await page.close();
  });
}
