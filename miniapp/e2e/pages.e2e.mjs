// Every page of the app, as each demo person who can open it, on a 375×667 phone: an accessibility scan (axe-core)
// finds nothing serious, text is large enough and tap targets big enough at the default setting, and with the
// browser's text size doubled (a person's own setting) no text is cut off. Screenshots of each page at both sizes go to
// artifacts/browser/pages/. The page list is read from src/constants/routes.ts, so a new page that nobody visits here
// fails the first test instead of going unchecked.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromiumAvailable, launchPhone } from './browser.mjs';
import { startProduct } from './product-server.mjs';

const ARTIFACTS = new URL('../../artifacts/browser/pages', import.meta.url).pathname;
const ROUTES_SOURCE = new URL('../src/constants/routes.ts', import.meta.url);
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const LOGIN = '#/packages/account/pages/login/index';
const VIEWPORT = { width: 375, height: 667 };
/** Chromium's default text size is 16 px; 32 px is the "200%" a person with poor sight might choose. */
const LARGE_TEXT = 32;
const required = process.env.CI === 'true';

/** Every page path of app.config, tab pages and subpackages alike, as `root/page` keyed by `root:name`. */
function appPages() {
  const source = readFileSync(ROUTES_SOURCE, 'utf8');
  const pages = [];
  const tabs = /export const TAB_PAGES = \{([\s\S]*?)\} as const;/.exec(source)?.[1] ?? '';
  for (const [, name, path] of tabs.matchAll(/(\w+): '([^']+)'/g)) pages.push({ key: `tab:${name}`, path });
  for (const [, root, body] of source.matchAll(/root: '([^']+)',\s*pages: \{([^}]*)\}/g)) {
    for (const [, name, page] of body.matchAll(/(\w+): '([^']+)'/g)) pages.push({ key: `${root}:${name}`, path: `${root}/${page}` });
  }
  return pages;
}

const EVERYONE = ['guest', 'member', 'worker', 'organizer', 'admin'];
/**
 * Who opens which page. A signed-in person can send suggestions, so the member stands in for everyone there; the
 * worker (刘芳) is also a party member and so also sees the members' service pages.
 */
const VISITORS = {
  'tab:home': EVERYONE,
  'tab:activities': EVERYONE,
  'tab:mine': EVERYONE,
  'packages/account:login': ['guest'],
  'packages/account:consoleConfirm': ['member'],
  'packages/about:about': ['guest', 'member'],
  'packages/about:notFound': ['guest', 'member'],
  'packages/suggestions:list': ['member', 'organizer'],
  'packages/suggestions:new': ['member', 'organizer'],
  'packages/suggestions:detail': ['member'],
  'packages/suggestions:handle': ['organizer'],
  'packages/manage:units': ['organizer', 'admin'],
  'packages/manage:communities': ['organizer', 'admin'],
  'packages/manage:people': ['organizer', 'admin'],
  'packages/manage:person': ['organizer', 'admin'],
  'packages/manage:rosterImport': ['organizer', 'admin'],
  'packages/worker:code': ['worker'],
  'packages/worker:queue': ['worker'],
  'packages/worker:onBehalf': ['worker'],
  'packages/worker:registrations': ['worker'],
  'packages/service:register': ['member', 'worker'],
  'packages/service:checkin': ['member', 'worker'],
  'packages/service:visit': ['member', 'worker'],
  'packages/service:records': ['member', 'worker'],
  'packages/service:inbox': ['member', 'worker'],
  // Publishing: organizers their activities, workers their community's needs; review and themes are organizers' only.
  'packages/organize:list': ['worker', 'organizer'],
  'packages/organize:edit': ['worker', 'organizer'],
  'packages/organize:review': ['organizer'],
  'packages/organize:signups': ['organizer'],
  'packages/organize:attendance': ['organizer'],
  'packages/organize:themes': ['organizer'],
  'packages/activity:detail': ['member'],
  'packages/activity:scan': ['member'],
  'packages/activity:visits': ['member', 'worker'],
  'packages/problems:new': ['member', 'worker'],
  'packages/problems:list': ['member', 'worker'],
  'packages/problems:detail': ['member'],
  'packages/problems:oversight': ['worker', 'organizer'],
  'packages/activity:hours': ['member', 'worker'],
  'packages/activity:certificate': ['member'],
  // Public: anyone holding a certificate's serial, signed in or not.
  'packages/activity:verify': ['guest', 'member'],
  // Pairing (结对关爱) and practical matters (实事); the household page without `?id=` says where to open it from.
  'packages/pairing:households': ['member', 'worker', 'organizer'],
  'packages/pairing:household': ['member'],
  'packages/pairing:householdNew': ['member', 'worker', 'organizer'],
  'packages/pairing:matters': ['member', 'worker', 'organizer'],
  'packages/pairing:matterNew': ['worker', 'organizer'],
};

async function api(baseUrl, path, { token, body, method = body ? 'POST' : 'GET' } = {}) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (method === 'POST') headers['idempotency-key'] = `pages-e2e-${Date.now()}-${Math.random()}`;
  const res = await fetch(`${baseUrl}/api/v1/${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  assert.ok(res.ok, `${method} ${path}: HTTP ${res.status} ${await res.clone().text()}`);
  return res.json();
}

let loads = 0;

/** A fresh document load of a hash route; a new query each time so it is never a same-document hash change. */
async function open(page, baseUrl, path, query = '') {
  loads += 1;
  await page.goto(`${baseUrl}/?e2e=${loads}#/${path}${query}`, { waitUntil: 'domcontentloaded' });
}

/** Settled: the page is drawn, the network is quiet, nothing is still loading and nothing slides or fades. */
async function settle(page) {
  await page.locator('.taro_page').first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await page
    .waitForFunction(
      () =>
        !document.querySelector('.taro_page:not([style*="display: none"]) [aria-busy="true"]') &&
        document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity) &&
        [...document.querySelectorAll('.taro__toast')].every((el) => getComputedStyle(el).display === 'none'),
      null,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
}

/**
 * The H5 pages scroll inside the page element: grow the viewport to the content, plus the bars drawn outside it,
 * for a whole-page picture.
 */
async function screenshotWhole(page, name) {
  const height = await page.evaluate(() => {
    const content = Math.max(...[document.body, ...document.querySelectorAll('.taro_page')].map((el) => el.scrollHeight));
    const bars = [...document.querySelectorAll('.taro-tabbar__tabbar, .taro-navigation-bar-show')];
    return Math.ceil(content + bars.reduce((sum, bar) => sum + bar.getBoundingClientRect().height, 0));
  });
  await page.setViewportSize({ width: VIEWPORT.width, height: Math.min(Math.max(height, VIEWPORT.height), 8000) });
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
  await page.setViewportSize(VIEWPORT);
}

/**
 * axe-core, evaluated through the DevTools protocol: a <script> tag (page.addScriptTag) is inline script, which the
 * product's security policy rightly refuses, and the policy must stay on because the suite fails on any violation.
 */
async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] },
    }),
  );
  const why = (v, n) => n.failureSummary?.split('\n')[1]?.trim() ?? v.help;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${why(v, n)}`));
}

/**
 * Measures what a person sees: the size of every visible piece of text, the most common one (the body text), the
 * size of everything one taps, and any text cut off by its box or by the screen. Runs in the page.
 */
function measure() {
  const describe = (el) => {
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).filter(Boolean).slice(0, 3) : [];
    const text = (el.innerText ?? el.value ?? '').trim().replace(/\s+/g, ' ').slice(0, 24);
    return `<${el.tagName.toLowerCase()}${cls.length ? `.${cls.join('.')}` : ''}> "${text}"`;
  };
  const visible = (el) => {
    if (el.closest('[aria-hidden="true"]')) return false;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.opacity === '0') return false;
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && el.getClientRects().length > 0;
  };
  const ownText = (el) =>
    [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();

  const small = [];
  const clipped = [];
  const bySize = new Map();
  const textElements = [...document.querySelectorAll('body *')].filter(
    (el) => !['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName) && ownText(el) && visible(el),
  );
  for (const el of textElements) {
    const size = parseFloat(getComputedStyle(el).fontSize);
    const chars = ownText(el).length;
    bySize.set(size, (bySize.get(size) ?? 0) + chars);
    if (size < 12) small.push(`${describe(el)} is ${size}px`);

    // Cut off: text beyond the screen's edge, shortened with an ellipsis, or outside the visible box of an ancestor
    // that hides overflow. Content a scroll container can scroll to is not cut off, so an axis stops being checked at
    // the first ancestor that scrolls in it. A line-clamped preview (-webkit-line-clamp, opened in full on tap) is
    // shortened on purpose.
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect();
    const own = getComputedStyle(el);
    if (own.webkitLineClamp && own.webkitLineClamp !== 'none') continue;
    if (text.right > window.innerWidth + 1 || text.left < -1) clipped.push(`${describe(el)} runs off the screen`);
    if (own.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) clipped.push(`${describe(el)} is cut short with …`);
    // Text spilling out of the box that holds it (and over its neighbours), unless placed there on purpose.
    const holder = el.parentElement;
    if (holder && !['absolute', 'fixed'].includes(own.position)) {
      const box = holder.getBoundingClientRect();
      if (text.right > box.right + 1 || text.left < box.left - 1 || text.bottom > box.bottom + 1) {
        clipped.push(`${describe(el)} spills out of ${describe(holder)}`);
      }
    }
    // Covered: in view, yet something else (a bar that grew, a badge) is drawn over its middle.
    const x = (text.left + text.right) / 2;
    const y = (text.top + text.bottom) / 2;
    const inView = (node) => {
      for (let n = node.parentElement; n && n !== document.documentElement; n = n.parentElement) {
        const s = getComputedStyle(n);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const b = n.getBoundingClientRect();
        if (x < b.left || x > b.right || y < b.top || y > b.bottom) return false;
      }
      return x >= 0 && y >= 0 && x <= window.innerWidth && y <= window.innerHeight;
    };
    if (text.width > 0 && inView(el)) {
      const top = document.elementFromPoint(x, y);
      if (top && top !== el && !el.contains(top) && !top.contains(el)) clipped.push(`${describe(el)} is covered by ${describe(top)}`);
    }
    let checkX = true;
    let checkY = true;
    for (let node = el; node && node !== document.documentElement && (checkX || checkY); node = node.parentElement) {
      const style = getComputedStyle(node);
      const cuts = (v) => v === 'hidden' || v === 'clip';
      const scrolls = (v) => v === 'auto' || v === 'scroll';
      const box = node.getBoundingClientRect();
      const outX = checkX && cuts(style.overflowX) && (text.right > box.right + 1 || text.left < box.left - 1);
      const outY = checkY && cuts(style.overflowY) && (text.bottom > box.bottom + 1 || text.top < box.top - 1);
      if (outX || outY) {
        clipped.push(`${describe(el)} is cut off by ${node === el ? 'its own box' : describe(node)}`);
        break;
      }
      if (scrolls(style.overflowX)) checkX = false;
      if (scrolls(style.overflowY)) checkY = false;
    }
  }
  // Form fields show the person's own text: it is body text too.
  for (const field of document.querySelectorAll('input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]), textarea')) {
    if (!visible(field)) continue;
    const size = parseFloat(getComputedStyle(field).fontSize);
    if (size < 16) small.push(`${describe(field)} field text is ${size}px (fields are body text: ≥ 16px)`);
  }
  const body = [...bySize.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;

  // What one taps: controls and links by their role, Taro's bar buttons, and anything styled as clickable (the
  // outermost such element: a pointer cursor inherits into the label inside a button).
  const roles = ['button', 'tab', 'link', 'checkbox', 'radio', 'switch', 'option'].map((r) => `[role="${r}"]`);
  const controls = ['button', 'a[href]', 'input[type="checkbox"]', 'input[type="radio"]', ...roles];
  const bars = ['.weui-tabbar__item', '.taro-navigation-bar-back', '.taro-navigation-bar-home'];
  const tappable = new Set(document.querySelectorAll([...controls, ...bars].join(', ')));
  const pointer = (el) => !!el && getComputedStyle(el).cursor === 'pointer';
  for (const el of document.querySelectorAll('.taro_page *, .weui-tabbar *')) {
    if (pointer(el) && !pointer(el.parentElement)) tappable.add(el);
  }
  const targets = [];
  for (const el of tappable) {
    if (!visible(el)) continue;
    // A checkbox or radio drawn small is fine when its whole label row is the target.
    const hit = el.closest('label, [role="checkbox"], [role="radio"], .nut-checkbox, .nut-radio') ?? el;
    const rect = hit.getBoundingClientRect();
    if (rect.width < 43.5 || rect.height < 43.5) targets.push(`${describe(hit)} is ${Math.round(rect.width)}×${Math.round(rect.height)}px`);
  }
  return {
    rootFontSize: parseFloat(getComputedStyle(document.documentElement).fontSize),
    bodyFontSize: body,
    small,
    clipped: [...new Set(clipped)],
    targets: [...new Set(targets)],
  };
}

if (!chromiumAvailable() && !required) {
  test('every page in Chromium', { skip: 'chromium is not installed (apt-get install chromium); required when CI=true' }, () => {});
} else {
  let product;
  const browsers = [];
  const visits = [];
  const findings = { axe: [], small: [], body: [], targets: [], clipped: [], scaling: [] };
  const ids = {};
  const problems = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    product = await startProduct();
    const admin = await api(product.baseUrl, 'auth/demo', { body: { role: 'admin' } });
    const members = await api(product.baseUrl, 'members?pageSize=1', { token: admin.accessToken });
    ids.person = members.items[0].id;
    const member = await api(product.baseUrl, 'auth/demo', { body: { role: 'member' } });
    const suggestion = await api(product.baseUrl, 'suggestions', {
      token: member.accessToken,
      body: { content: '建议在社区服务站门口设一处无障碍坡道，方便老人推车进出' },
    });
    ids.suggestion = suggestion.id;
    // An activity the member can open, when the demo world has one (the detail and scan pages need an id).
    const activities = await fetch(`${product.baseUrl}/api/v1/activities?pageSize=1`, {
      headers: { authorization: `Bearer ${member.accessToken}` },
    });
    assert.ok(activities.ok, `the member's activity list answered ${activities.status}`);
    ids.activity = (await activities.json()).items?.[0]?.id;
    assert.ok(ids.activity, 'the demo district has an activity the member can open');
    // One of the demo's residents' problems, recorded by the demo member.
    const mine = await api(product.baseUrl, 'problems?view=mine&pageSize=1', { token: member.accessToken });
    ids.problem = mine.items?.[0]?.id;
    assert.ok(ids.problem, 'the demo member has recorded a resident problem');
  });

  after(async () => {
    // Everything found, in one file beside the screenshots: the assertion messages below are cut short.
    writeFileSync(join(ARTIFACTS, 'findings.json'), `${JSON.stringify({ visits, problems, ...findings }, null, 2)}\n`);
    for (const browser of browsers) await browser.close().catch(() => undefined);
    await product?.stop();
  });

  const QUERIES = {
    'packages/suggestions:detail': () => `?id=${ids.suggestion}`,
    'packages/manage:person': () => `?id=${ids.person}`,
    'packages/activity:detail': () => `?id=${ids.activity}`,
    'packages/problems:detail': () => `?id=${ids.problem}`,
    'packages/activity:scan': () => `?id=${ids.activity}`,
    // The organizer (the district's, who manages every activity) opens the same activity's sign-ups and attendance.
    'packages/organize:signups': () => `?id=${ids.activity}`,
    'packages/organize:attendance': () => `?id=${ids.activity}`,
  };

  test('every page of the app is visited by someone', () => {
    const unvisited = appPages().filter((p) => !VISITORS[p.key]).map((p) => p.key);
    assert.deepEqual(unvisited, [], 'pages no one visits in this test: add them to VISITORS');
    assert.ok(appPages().length >= 20, 'the page list was read from routes.ts');
  });

  for (const role of EVERYONE) {
    test(`every page ${role === 'guest' ? 'before sign-in' : `as the ${role}`}, at the default text size and at 200%`, async () => {
      const pages = appPages().filter((p) => VISITORS[p.key]?.includes(role));
      const normalRoot = {};
      for (const [size, defaultFontSize] of [
        ['default', undefined],
        ['large', LARGE_TEXT],
      ]) {
        const browser = await launchPhone({ baseUrl: product.baseUrl, viewport: VIEWPORT, defaultFontSize });
        browsers.push(browser);
        const page = await browser.context.newPage();
        if (role !== 'guest') {
          await page.goto(`${product.baseUrl}/${LOGIN}`, { waitUntil: 'domcontentloaded' });
          await page.locator(`.login-role--${role}`).click({ timeout: 30_000 });
          await page.waitForFunction(() => !location.hash.includes('/login/'), null, { timeout: 30_000 });
        }
        for (const { key, path } of pages) {
          const where = `${path} (${role}, ${size} text)`;
          await open(page, product.baseUrl, path, QUERIES[key]?.() ?? '');
          await settle(page);
          visits.push(where);
          const m = await page.evaluate(measure);
          await screenshotWhole(page, `${role}--${path.replace(/\/index$/, '').replace(/\//g, '-')}--${size}.png`);
          if (size === 'default') {
            normalRoot[key] = m.rootFontSize;
            for (const v of await axeViolations(page)) findings.axe.push(`${where}: ${v}`);
            for (const s of m.small) findings.small.push(`${where}: ${s}`);
            if (m.bodyFontSize < 16) findings.body.push(`${where}: most text is ${m.bodyFontSize}px`);
            for (const t of m.targets) findings.targets.push(`${where}: ${t}`);
          } else {
            if (!(m.rootFontSize >= normalRoot[key] * 1.9)) {
              findings.scaling.push(`${where}: root text ${m.rootFontSize}px did not follow the setting (was ${normalRoot[key]}px)`);
            }
            for (const c of m.clipped) findings.clipped.push(`${where}: ${c}`);
          }
        }
        problems.push(...browser.problems().map((p) => `${role} (${size} text): ${p}`));
        await browser.close();
        browsers.splice(browsers.indexOf(browser), 1);
      }
    });
  }

  test('the accessibility scan finds no serious or critical violation on any page', () => {
    assert.ok(visits.length > 40, `all pages were visited (${visits.length})`);
    assert.deepEqual(findings.axe, []);
  });

  test('body text is at least 16 px and no text is below 12 px at the default setting', () => {
    assert.deepEqual([...findings.body, ...findings.small], []);
  });

  test('everything one taps is at least 44×44 px', () => {
    assert.deepEqual(findings.targets, []);
  });

  test('text follows the browser’s text size, and at 200% no text is cut off', () => {
    assert.deepEqual([...findings.scaling, ...findings.clipped], []);
  });

  test('no page logged an error, broke the security policy or failed to load a file', () => {
    assert.ok(visits.length > 0, 'pages were visited');
    assert.deepEqual([...problems, ...browsers.flatMap((b) => b.problems())], []);
  });
}
