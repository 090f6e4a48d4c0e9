// The WeChat build, not the H5 one: dist/weapp's JS runs in a simulated logic layer and its WXML renders in a
// simulated view layer, against the real product in demo mode. A member opens the home page, signs in with WeChat
// (wx.login, then the phone number WeChat vouches for) and opens 签到服务.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { createPhone, DIST, startBackend } from './simulator.mjs';

const MEMBER = { openid: 'weapp-sim-member', phoneNumber: '13800000001', name: '张建国' };
const HOME = 'pages/index/index';
const LOGIN = 'packages/account/pages/login/index';
const CHECKIN = 'packages/service/pages/checkin/index';
const VISIT = 'packages/service/pages/visit/index';
const WORKER_CODE = 'packages/worker/pages/code/index';
const COMMUNITY = '向阳社区';

let backend;
let phone;
const phones = [];

/** Subscribe templates of the activity messages, so a sign-up asks WeChat for them first. */
const TEMPLATES = { activity_reminder: 'tmpl-activity-reminder', activity_promoted: 'tmpl-activity-promoted' };

before(async () => {
  backend = await startBackend({
    WECHAT_SUBSCRIBE_TEMPLATES: Object.entries(TEMPLATES).map(([kind, id]) => `${kind}:${id}`).join(','),
  });
  phone = createPhone(backend, MEMBER);
  phones.push(phone);
});

after(async () => {
  for (const open of phones) open.close();
  await backend?.stop();
});

/** Nothing the app logged as an error or unsupported API, and everything it sent to the view layer shown. */
function assertNoProblems(on = phone) {
  assert.deepEqual(on.problems(), []);
  assert.deepEqual(on.logic.requests.filter((r) => r.status >= 500), [], 'no server error');
  assert.deepEqual(on.unrendered(), [], 'texts sent with setData but not rendered');
}

const absent = (selector) => phone.screen().querySelector(selector) == null;

let keys = 0;
/** The backend's API as another client uses it (the worker's side of the visit). */
async function api(method, path, { token, body } = {}) {
  keys += 1;
  const res = await fetch(`${backend.apiBase}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'idempotency-key': `weapp-sim-${keys}-${Date.now()}`,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const called = (path) => phone.logic.requests.filter((r) => r.path === path);

test('the home page renders the district and its communities from the real API', async () => {
  await phone.open(HOME);
  await phone.waitFor('.home-community');
  const overview = await (await fetch(`${backend.apiBase}/api/v1/public/overview`)).json();
  assert.equal(phone.find('.home-title').dom.textContent, overview.districtName);
  const names = phone.screen().querySelectorAll('.home-community__name').map((node) => node.dom.textContent);
  assert.deepEqual(names, overview.communities.map((c) => c.name));
  assert.ok(called('/api/v1/public/overview').every((r) => r.status === 200) && called('/api/v1/public/overview').length > 0);
  assert.ok(phone.screen().querySelector('.home-login__button'), 'signed out, home offers 登录');
  assertNoProblems();
});

test('a tap on 登录 opens sign-in; wx.login and the phone-number button sign the member in through the backend', async () => {
  await phone.tap('.home-login__button');
  assert.equal(phone.logic.stack.at(-1).route, LOGIN);
  // A WeChat seen for the first time gets the binding step.
  await phone.waitFor('.login-bind__phone');
  assertNoProblems();
  assert.deepEqual(called('/api/v1/auth/wechat').map((r) => r.status), [200]);
  assert.equal(backend.wechat.callCount('/sns/jscode2session'), 1);

  await phone.allowPhoneNumber('.login-bind__phone');
  await phone.until(() => phone.logic.stack.at(-1).route === HOME, 'the way back home');
  assert.ok(phone.logic.storage.size > 0, 'the session is kept in storage');
  await phone.waitFor('.home-greeting__name');
  assert.equal(phone.find('.home-greeting__name').dom.textContent, `您好，${MEMBER.name}`);
  assert.ok(called('/api/v1/me').some((r) => r.status === 200));
  assertNoProblems();
});

test('签到服务 renders for the signed-in member and asks the API for their registration and open visit', async () => {
  await phone.tap('.home-shortcut--service-checkin');
  assert.equal(phone.logic.stack.at(-1).route, CHECKIN);
  await phone.until((root) => !root.querySelector('.checkin-loading'), 'the check-in page to load');
  assert.ok(absent('.checkin-login'), 'signed in, no 登录 prompt');
  assert.ok(absent('.checkin-load-error'), phone.text());
  // 张建国 has not registered with a community yet: the page sends him to 报到社区 first.
  assert.ok(phone.screen().querySelector('.checkin-register__button'), phone.text());
  const serviceCalls = phone.logic.requests.filter((r) => /^\/api\/v1\/(registrations|services)/.test(r.path) && r.status === 200);
  assert.ok(serviceCalls.length > 0);
  assertNoProblems();
});

test('a scan of the worker\'s rotating code on 签到服务 starts a visit through the real API', async () => {
  // The member registers with 向阳社区 and its worker approves (the worker's own screens are not under test here).
  const memberToken = phone.logic.storage.get('pioneer.accessToken');
  assert.ok(memberToken, 'the weapp kept the access token');
  const overview = await api('GET', '/api/v1/public/overview');
  const community = overview.communities.find((c) => c.name === COMMUNITY);
  const worker = await api('POST', '/api/v1/auth/demo', { body: { role: 'worker' } });
  const registration = await api('POST', '/api/v1/registrations', { token: memberToken, body: { communityId: community.id } });
  await api('POST', `/api/v1/registrations/${registration.id}/approve`, { token: worker.accessToken, body: {} });

  await phone.open(`/${CHECKIN}`);
  await phone.waitFor('.checkin-scan');
  assert.equal(phone.find('.checkin-place__name').dom.textContent, COMMUNITY);
  assertNoProblems();

  // The camera sees the QR on the worker's phone.
  const { code } = await api('GET', `/api/v1/checkin/code?communityId=${encodeURIComponent(community.id)}`, { token: worker.accessToken });
  phone.logic.camera.result = code;
  await phone.tap('.checkin-scan');
  await phone.until(() => phone.logic.stack.at(-1).route === VISIT, 'the visit page');
  assert.deepEqual(called('/api/v1/services/start').map((r) => r.status), [201]);
  await phone.waitFor('.visit-current');
  assert.ok(phone.text().includes(COMMUNITY), phone.text());
  assert.ok(phone.logic.toasts.includes('签到成功'));
  assertNoProblems();
});

test('the worker\'s check-in code shows full screen at full brightness with a ring WeChat can draw, and hands the brightness back', async () => {
  const worker = createPhone(backend, { openid: 'weapp-sim-code-worker', phoneNumber: '13800000005' });
  phones.push(worker);
  const tokens = await api('POST', '/api/v1/auth/demo', { body: { role: 'worker' } });
  worker.logic.storage.set('pioneer.accessToken', tokens.accessToken);
  worker.logic.storage.set('pioneer.accessTokenExpiresAt', Date.now() + tokens.expiresIn * 1000);
  const before = worker.logic.screen.brightness;

  await worker.open(`/${WORKER_CODE}`);
  await worker.waitFor('.worker-code-qr');
  assert.ok(worker.screen().querySelector('.worker-code--full'), worker.text());
  // No SVG in a mini-program: the ring is a conic gradient there.
  const ring = worker.find('.progress-ring--conic');
  assert.match(ring.dom.getAttribute('style') ?? '', /conic-gradient/);
  assert.ok(worker.text().includes('签到码每 15 秒自动更新'), worker.text());
  assert.equal(worker.logic.screen.brightness, 1);
  assert.equal(worker.logic.screen.keepOn, true);
  assert.doesNotThrow(() => assertNoProblems(worker));

  // Another page on top: the code page is hidden, and the person's own brightness comes back.
  await worker.open('/pages/index/index');
  assert.equal(worker.logic.screen.brightness, before);
  assert.equal(worker.logic.screen.keepOn, false);
});

test('a member signs up in the WeChat build after the reminder prompt, and scans the activity\'s code on arrival', async () => {
  const memberToken = phone.logic.storage.get('pioneer.accessToken');
  const me = await api('GET', '/api/v1/me', { token: memberToken });
  const organizer = (await api('POST', '/api/v1/auth/demo', { body: { role: 'organizer' } })).accessToken;
  // A unit activity of the member's unit, starting in ten minutes: attendance opens an hour before the start.
  const startsAt = new Date(Date.now() + 10 * 60_000);
  const draft = await api('POST', '/api/v1/activities', {
    token: organizer,
    body: {
      kind: 'volunteer',
      subKind: 'tree_planting',
      title: '滨河公园补种银杏',
      description: '补种银杏树苗，工具由社区提供。',
      place: '滨河公园东门',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
      signupDeadline: startsAt.toISOString(),
      cancelDeadline: startsAt.toISOString(),
      capacity: 5,
      waitlistLimit: 0,
      creditedHours: 1,
      scopeKind: 'unit',
      scopeId: me.unit.id,
    },
  });
  const published = await api('POST', `/api/v1/activities/${draft.id}/submit`, { token: organizer, body: {} });
  assert.equal(published.status, 'published');

  await phone.open(`/packages/activity/pages/detail/index?id=${draft.id}`);
  await phone.waitFor('.activity-detail__sign-up');
  assertNoProblems();
  await phone.tap('.activity-detail__sign-up');
  await phone.until(() => called(`/api/v1/activities/${draft.id}/signups`).length > 0, 'the sign-up request');
  // WeChat asked for the reminder (a place is left, so not for the promotion) before the sign-up went out.
  assert.deepEqual(phone.logic.subscriptions.asked, [[TEMPLATES.activity_reminder]]);
  const report = called('/api/v1/messages/subscriptions');
  assert.deepEqual(report.map((r) => r.status), [200], 'the acceptance was reported');
  assert.ok(phone.logic.requests.indexOf(report[0]) < phone.logic.requests.indexOf(called(`/api/v1/activities/${draft.id}/signups`)[0]));
  assert.deepEqual(called(`/api/v1/activities/${draft.id}/signups`).map((r) => r.status), [201]);
  await phone.waitFor('.activity-detail__outcome');
  assert.ok(phone.text().includes('报名成功'), phone.text());
  assertNoProblems();

  // At the activity: the camera sees the rotating code on the organizer's phone.
  const { code } = await api('GET', `/api/v1/activities/${draft.id}/code`, { token: organizer });
  phone.logic.camera.result = code;
  await phone.open(`/packages/activity/pages/scan/index?id=${draft.id}`);
  await phone.waitFor('.activity-scan__scan');
  await phone.tap('.activity-scan__scan');
  await phone.waitFor('.activity-scan__result');
  assert.deepEqual(called(`/api/v1/activities/${draft.id}/attendance/scan`).map((r) => r.status), [200]);
  assert.ok(!phone.find('.activity-scan__arrived').dom.textContent.includes('还没有记录'), phone.text());
  const board = await api('GET', `/api/v1/activities/${draft.id}/attendance`, { token: organizer });
  assert.equal(board.arrived, 1, 'the organizer sees the member arrived');
  assertNoProblems();
});

test('every page of app.json opens for a member, a worker and an organizer without an unsupported API or an error', async () => {
  const app = JSON.parse(readFileSync(`${DIST}/app.json`, 'utf8'));
  const routes = [...app.pages, ...app.subPackages.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`))];
  for (const role of ['member', 'worker', 'organizer']) {
    const other = createPhone(backend, { openid: `weapp-sim-${role}`, phoneNumber: '13800000001' });
    phones.push(other);
    // Already signed in on this phone, as after the demo sign-in: the session the app itself would have stored.
    const tokens = await api('POST', '/api/v1/auth/demo', { body: { role } });
    other.logic.storage.set('pioneer.accessToken', tokens.accessToken);
    other.logic.storage.set('pioneer.accessTokenExpiresAt', Date.now() + tokens.expiresIn * 1000);
    // The sign-in page itself is covered above; a signed-in phone leaves it at once.
    for (const route of routes.filter((r) => r !== LOGIN)) {
      await other.open(`/${route}`);
      assert.equal(other.logic.stack.at(-1).route, route);
      assert.ok(other.screen().dom.textContent.trim() !== '', `${role}: ${route} shows something`);
      assert.doesNotThrow(() => assertNoProblems(other), `${role}: ${route}`);
    }
    assert.ok(other.logic.requests.some((r) => r.status === 200), `${role}: the pages called the API`);
  }
});
