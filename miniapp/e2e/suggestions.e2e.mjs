// Identity in the real H5 build (demo mode), in headless Chromium: a member signs in through the role picker, sees their
// own profile with a masked phone, and sends a suggestion; a district organizer answers it in the console; the member
// then sees the answer and its status.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromiumAvailable, launchPhone, openRoute as open, signIn } from './browser.mjs';
import { startProduct } from './product-server.mjs';

const ARTIFACTS = new URL('../../artifacts/browser', import.meta.url).pathname;
const MINE = '#/pages/mine/index';
const NEW_SUGGESTION = '#/packages/suggestions/pages/new/index';
const MY_SUGGESTIONS = '#/packages/suggestions/pages/list/index';
const HANDLE = '#/packages/suggestions/pages/handle/index';
const required = process.env.CI === 'true';

if (!chromiumAvailable() && !required) {
  test('suggestions in Chromium', { skip: 'chromium is not installed (apt-get install chromium); required when CI=true' }, () => {});
} else {
  let product;
  let memberBrowser;
  let organizerBrowser;
  const content = `建议在向阳社区增设老年人休息座椅（${Date.now() % 100000}）`;
  const reply = '已联系街道，下月在社区广场增设六组座椅。';

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    product = await startProduct();
    memberBrowser = await launchPhone({ baseUrl: product.baseUrl });
    organizerBrowser = await launchPhone({ baseUrl: product.baseUrl });
  });

  after(async () => {
    await memberBrowser?.close();
    await organizerBrowser?.close();
    await product?.stop();
  });

  test('a member sees their own profile with a masked phone', async () => {
    const page = await memberBrowser.context.newPage();
    await signIn(page, product.baseUrl, 'member');
    await open(page, product.baseUrl, MINE);
    const phone = page.locator('.mine-phone');
    await phone.waitFor({ timeout: 30_000 });
    assert.match(await phone.innerText(), /1\d{2}\*{4}\d{4}/, 'the phone is masked');
    assert.ok((await page.locator('.mine-name').innerText()).trim().length > 0, 'the name is shown');
    assert.doesNotMatch(await page.locator('body').innerText(), /1[3-9]\d{9}/, 'no full phone number anywhere on the page');
    await page.screenshot({ path: join(ARTIFACTS, 'mine.png') });
  });

  test('a member sends a suggestion and an organizer answers it', async () => {
    const memberPage = await memberBrowser.context.newPage();
    await open(memberPage, product.baseUrl, NEW_SUGGESTION);
    const textarea = memberPage.locator('.suggestion-new__content textarea, textarea.suggestion-new__content').first();
    await textarea.waitFor({ timeout: 30_000 });
    await textarea.fill(content);
    await memberPage.locator('.suggestion-new__submit').click();
    const mine = memberPage.locator('.suggestion-item').filter({ hasText: content });
    await mine.waitFor({ timeout: 30_000 });
    assert.match(await mine.locator('.suggestion-status').innerText(), /已提交/);

    const organizerPage = await organizerBrowser.context.newPage();
    await signIn(organizerPage, product.baseUrl, 'organizer');
    await open(organizerPage, product.baseUrl, HANDLE);
    const item = organizerPage.locator('.suggestion-handle__item').filter({ hasText: content });
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    const replyInput = organizerPage
      .locator('.suggestion-handle__reply-input textarea, textarea.suggestion-handle__reply-input')
      .first();
    await replyInput.waitFor({ timeout: 15_000 });
    await replyInput.fill(reply);
    await organizerPage.locator('.suggestion-handle__submit').click();
    await organizerPage.locator('.suggestion-reply').filter({ hasText: reply }).first().waitFor({ timeout: 15_000 });
    await organizerPage.screenshot({ path: join(ARTIFACTS, 'suggestion-handle.png') });

    await open(memberPage, product.baseUrl, MY_SUGGESTIONS);
    const answered = memberPage.locator('.suggestion-item').filter({ hasText: content });
    await answered.locator('.suggestion-reply').filter({ hasText: reply }).waitFor({ timeout: 30_000 });
    assert.match(await answered.locator('.suggestion-status').innerText(), /已答复/);
    await memberPage.screenshot({ path: join(ARTIFACTS, 'suggestion-answered.png') });
  });

  test('no page logged an error, broke the security policy or failed to load a file', () => {
    assert.deepEqual([...memberBrowser.problems(), ...organizerBrowser.problems()], []);
  });
}
