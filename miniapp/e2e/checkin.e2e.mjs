// Check-in without cheating, end to end in the real H5 build against the real backend (demo mode), in headless
// Chromium with two people at once: the worker (刘芳, 向阳社区) shows the rotating code; a member (张建国) registers
// with 向阳社区 and the worker approves it; the member starts a visit with the code the worker's screen shows (typed,
// as a desktop browser has no camera), ends it with a service record, and the worker confirms it in the queue with
// the hours (the end was not scanned). Both then see the confirmed record, and the member has an inbox message.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromiumAvailable, launchPhone, openRoute as open, signIn } from './browser.mjs';
import { startProduct } from './product-server.mjs';

const ARTIFACTS = new URL('../../artifacts/browser', import.meta.url).pathname;
const WORKER_CODE = '#/packages/worker/pages/code/index';
const WORKER_QUEUE = '#/packages/worker/pages/queue/index';
const WORKER_REGISTRATIONS = '#/packages/worker/pages/registrations/index';
const REGISTER = '#/packages/service/pages/register/index';
const CHECKIN = '#/packages/service/pages/checkin/index';
const VISIT = '#/packages/service/pages/visit/index';
const RECORDS = '#/packages/service/pages/records/index';
const INBOX = '#/packages/service/pages/inbox/index';
const COMMUNITY = '向阳社区';
const MEMBER = '张建国';
const DESCRIPTION = '为独居老人清理楼道杂物，讲解医保报销新规定';
const required = process.env.CI === 'true';

/**
 * The H5 pages scroll inside the page element, so grow the viewport to the content before a full-page screenshot;
 * first let a page's slide-in finish and any toast fade, so the picture shows the page itself.
 */
async function screenshotWhole(page, name) {
  await page.waitForFunction(
    () =>
      document.getAnimations().every((animation) => animation.playState !== 'running') &&
      [...document.querySelectorAll('.taro__toast')].every((el) => getComputedStyle(el).display === 'none'),
    null,
    { timeout: 10_000 },
  );
  const size = page.viewportSize();
  const height = await page.evaluate(() =>
    Math.max(...[document.body, ...document.querySelectorAll('.taro_page')].map((el) => el.scrollHeight)),
  );
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 6000) });
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
  await page.setViewportSize(size);
}

/** Taro's H5 modal (Taro.showModal): confirm it. */
async function confirmModal(page) {
  const confirm = page.locator('.taro__modal .taro-model__confirm');
  await confirm.waitFor({ state: 'visible', timeout: 10_000 });
  await confirm.click();
  await page.locator('.taro__modal').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Records every API answer ≥ 500, so a server error anywhere fails the test even when the page hides it. */
function watchServerErrors(page, failures) {
  page.on('response', (res) => {
    if (res.url().includes('/api/v1/') && res.status() >= 500) failures.push(`${res.status()} ${res.url()}`);
  });
}

/** On a failure, pictures of both screens beside the error: the two people's pages are the first thing to look at. */
async function failureShots(pages, name) {
  for (const [who, page] of Object.entries(pages)) {
    await page?.screenshot({ path: join(ARTIFACTS, `checkin-failed-${name}-${who}.png`), fullPage: true }).catch(() => undefined);
  }
}

if (!chromiumAvailable() && !required) {
  test('check-in in Chromium', { skip: 'chromium is not installed (apt-get install chromium); required when CI=true' }, () => {});
} else {
  let product;
  let workerBrowser;
  let memberBrowser;
  let worker;
  let member;
  const failures = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    product = await startProduct();
    // Two browsers with their own storage: two people on two phones.
    workerBrowser = await launchPhone({ baseUrl: product.baseUrl });
    memberBrowser = await launchPhone({ baseUrl: product.baseUrl });
    worker = await workerBrowser.context.newPage();
    member = await memberBrowser.context.newPage();
    watchServerErrors(worker, failures);
    watchServerErrors(member, failures);
  });

  /** Runs one step of the story; when it fails, both screens are photographed before the error is reported. */
  async function step(name, body) {
    try {
      await body();
    } catch (error) {
      await failureShots({ worker, member }, name);
      throw error;
    }
  }

  after(async () => {
    await workerBrowser?.close();
    await memberBrowser?.close();
    await product?.stop();
  });

  test('the worker shows the rotating code for 向阳社区, with its 6-digit demo code', async () => {
    await step('code', async () => {
      await signIn(worker, product.baseUrl, 'worker');
      // Home offers the worker their shortcuts.
      await worker.locator('.home-shortcut--worker-code').waitFor({ timeout: 30_000 });
      await worker.locator('.home-shortcut--worker-code').click();
      await worker.waitForFunction(() => location.hash.includes('/packages/worker/pages/code/'), null, { timeout: 30_000 });

      const qr = worker.locator('.worker-code-qr');
      await qr.waitFor({ timeout: 30_000 });
      assert.equal(await worker.locator('.worker-code__community').innerText(), COMMUNITY);
      const box = await qr.boundingBox();
      const viewport = worker.viewportSize();
      assert.ok(box && box.width >= viewport.width * 0.7, `the QR fills most of the width (${box?.width} of ${viewport.width})`);
      assert.match(await worker.locator('.worker-short-code').innerText(), /^\d{6}$/);
      assert.match(await worker.locator('.progress-ring').getAttribute('aria-label'), /^签到码 \d+ 秒后自动更新$/);
      await screenshotWhole(worker, 'checkin-worker-code.png');
    });
  });

  test('the member asks to register with 向阳社区 and the worker approves it', async () => {
    await step('registration', async () => {
      await signIn(member, product.baseUrl, 'member');
      await open(member, product.baseUrl, REGISTER);
      const community = member.locator('.register-community').filter({ hasText: COMMUNITY });
      await community.waitFor({ timeout: 30_000 });
      await community.click();
      await confirmModal(member);
      await member.locator('.register-status--pending').waitFor({ timeout: 15_000 });

      await open(worker, product.baseUrl, WORKER_REGISTRATIONS);
      const request = worker.locator('.registration-item').filter({ hasText: MEMBER });
      await request.waitFor({ timeout: 30_000 });
      assert.match(await request.innerText(), new RegExp(`申请到 ${COMMUNITY}`));
      await screenshotWhole(worker, 'checkin-worker-registrations.png');
      await request.locator('.registration-approve').click();
      await request.waitFor({ state: 'detached', timeout: 15_000 });

      await open(member, product.baseUrl, REGISTER);
      await member.locator('.register-status--approved').waitFor({ timeout: 30_000 });
    });
  });

  test('the member starts a visit with the code on the worker’s screen and ends it with a service record', async () => {
    await step('visit', async () => {
      await open(worker, product.baseUrl, WORKER_CODE);
      await worker.locator('.worker-short-code').waitFor({ timeout: 30_000 });
      await open(member, product.baseUrl, CHECKIN);
      const input = member.locator('.checkin-short-code__input input');
      await input.waitFor({ timeout: 30_000 });

      // Read the code the worker's screen shows right now (it changes every slot) and type it straight away.
      const shortCode = await worker.locator('.worker-short-code').innerText();
      assert.match(shortCode, /^\d{6}$/);
      await input.fill(shortCode);
      await member.locator('.checkin-short-code__submit').click();

      // Starting opens the current visit.
      await member.waitForFunction(() => location.hash.includes('/packages/service/pages/visit/'), null, { timeout: 30_000 });
      const current = member.locator('.visit-current');
      await current.waitFor({ timeout: 30_000 });
      assert.match(await current.innerText(), new RegExp(COMMUNITY));
      await screenshotWhole(member, 'checkin-member-visit.png');

      await member.locator('.visit-end__type-option--volunteer').click();
      await member.locator('.visit-end__description textarea').fill(DESCRIPTION);
      await member.locator('.visit-end__submit').click();
      // Ended: the member is taken from the visit page to their records, and no visit is open any more.
      await member.waitForFunction(() => !location.hash.includes('/packages/service/pages/visit/'), null, { timeout: 30_000 });
      await open(member, product.baseUrl, VISIT);
      await member.locator('.visit-none').waitFor({ timeout: 30_000 });
    });
  });

  test('the worker confirms it in the queue, giving the hours because the end was not scanned', async () => {
    await step('queue', async () => {
      await open(worker, product.baseUrl, WORKER_QUEUE);
      const item = worker.locator('.queue-item').filter({ hasText: MEMBER });
      await item.waitFor({ timeout: 30_000 });
      const text = await item.innerText();
      assert.match(text, /扫码签到 · 签退未核验/);
      assert.match(text, new RegExp(DESCRIPTION));
      assert.match(text, /志愿服务/);

      await item.locator('input.queue-item__hours').fill('1');
      await screenshotWhole(worker, 'checkin-worker-queue.png');
      await item.locator('.queue-item__confirm').click();

      // The result shows on the row itself, which stays until the list is read again.
      const result = item.locator('.queue-item__result');
      await result.waitFor({ timeout: 30_000 });
      assert.equal(await result.innerText(), '已确认');
      await screenshotWhole(worker, 'checkin-worker-confirmed.png');
      // No longer pending…
      await open(worker, product.baseUrl, WORKER_QUEUE);
      await worker.locator('.queue-empty, .queue-list').first().waitFor({ timeout: 30_000 });
      assert.equal(await worker.locator('.queue-item').filter({ hasText: DESCRIPTION }).count(), 0);
      // …and listed as confirmed with the hours the worker gave.
      await worker.locator('.queue-status--confirmed').click();
      const confirmed = worker.locator('.queue-item').filter({ hasText: DESCRIPTION });
      await confirmed.waitFor({ timeout: 30_000 });
      assert.match(await confirmed.locator('.queue-item__status').innerText(), /已确认/);
      assert.match(await confirmed.innerText(), /计入 1 小时/);
      assert.match(await confirmed.innerText(), /扫码签到 · 社区工作者登记/);
    });
  });

  test('the member sees the record confirmed and a message in the inbox', async () => {
    await step('member-result', async () => {
      await open(member, product.baseUrl, RECORDS);
      const record = member.locator('.record-item').filter({ hasText: COMMUNITY }).first();
      await record.waitFor({ timeout: 30_000 });
      await member.waitForFunction(
        () => [...document.querySelectorAll('.record-item .record-status')].some((el) => el.textContent?.includes('已确认')),
        null,
        { timeout: 30_000 },
      );
      assert.match(await record.locator('.record-status').innerText(), /已确认/);
      await screenshotWhole(member, 'checkin-member-records.png');

      await open(member, product.baseUrl, INBOX);
      const message = member.locator('.message-item').filter({ hasText: '服务记录已确认' });
      await message.waitFor({ timeout: 30_000 });
      assert.match(await message.innerText(), /计入 1 小时/);
      await screenshotWhole(member, 'checkin-member-inbox.png');
      assert.deepEqual(failures, [], 'no server errors');
    });
  });

  test('no page logged an error, broke the security policy or failed to load a file', () => {
    assert.deepEqual([...workerBrowser.problems(), ...memberBrowser.problems()], []);
  });
}
