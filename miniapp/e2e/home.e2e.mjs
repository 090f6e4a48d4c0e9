// The product as `npm start` runs it, in headless Chromium at phone size: the home page shows data from the API.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromiumAvailable, launchPhone } from './browser.mjs';
import { startProduct } from './product-server.mjs';

const ARTIFACTS = new URL('../../artifacts/browser', import.meta.url).pathname;
const required = process.env.CI === 'true';

if (!chromiumAvailable() && !required) {
  test('home page in Chromium', { skip: 'chromium is not installed (apt-get install chromium); required when CI=true' }, () => {});
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

  test('the home page renders the district from the API', async () => {
    const page = await browser.context.newPage();
    const apiCalls = [];
    const consoleErrors = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('response', (res) => {
      if (res.url().includes('/api/v1/public/overview')) apiCalls.push(res.status());
    });
    const overview = await (await fetch(`${product.baseUrl}/api/v1/public/overview`)).json();
    await page.goto(product.baseUrl, { waitUntil: 'domcontentloaded' });
    await page.locator('.home-community').first().waitFor({ timeout: 30_000 });
    const communityNames = await page.locator('.home-community').allInnerTexts();
    for (const community of overview.communities) {
      assert.ok(
        communityNames.some((text) => text.includes(community.name)),
        `community ${community.name} is shown (saw: ${communityNames.join(' | ')})`,
      );
    }
    assert.ok((await page.textContent('body')).includes(overview.districtName), 'the district name is shown');
    assert.deepEqual(apiCalls.filter((s) => s !== 200), [], 'every overview call succeeded');
    assert.ok(apiCalls.length >= 1, 'the page called the API');
    assert.deepEqual(
      consoleErrors.filter((text) => /Content Security Policy|Refused to/.test(text)),
      [],
      'the security policy blocks nothing the page needs',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'home.png'), fullPage: true });
  });

  test('the API health endpoint answers beside the app', async () => {
    const res = await fetch(`${product.baseUrl}/api/health`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok', db: 'up' });
  });

  test('no page logged an error, broke the security policy or failed to load a file', () => {
    assert.deepEqual(browser.problems(), []);
  });
}
