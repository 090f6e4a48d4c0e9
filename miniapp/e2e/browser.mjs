// Debian's Chromium, driven by playwright-core: no browser download, a fresh profile per run, no background traffic.
import { mkdtempSync, mkdirSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable() {
  return existsSync(CHROMIUM);
}

/**
 * A phone-sized Chromium; with `baseUrl`, every page it opens is watched (see watchPage) and `problems()` lists it all.
 * `defaultFontSize` is the browser's own text-size setting (16 px out of the box), written into the fresh profile the
 * way a person would change it in the browser's settings.
 */
export async function launchPhone({ baseUrl, viewport = { width: 390, height: 844 }, defaultFontSize } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'pioneer-chromium-'));
  if (defaultFontSize) {
    mkdirSync(join(profile, 'Default'), { recursive: true });
    const webprefs = { default_font_size: defaultFontSize, default_fixed_font_size: Math.round(defaultFontSize * 0.8125) };
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs } }));
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    // The district's phones keep Beijing time: a page's "today" (the certificate's default range) is Beijing's day,
    // also when the suite runs on a UTC machine in the hours after Beijing's midnight.
    timezoneId: 'Asia/Shanghai',
  });
  const watched = [];
  if (baseUrl) context.on('page', (page) => watched.push(watchPage(page, baseUrl)));
  return {
    context,
    problems: () => watched.flatMap((w) => w.problems),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Collects what a person would never want to see behind a page: uncaught errors, console errors, security-policy
 * violations and failed loads of the app's own files (API answers are the tests' business, not counted here).
 */
export function watchPage(page, baseUrl) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    // Chromium logs every 4xx/5xx load here too; own assets are caught below, API answers belong to the test.
    if (/^Failed to load resource/.test(text)) return;
    problems.push(`console: ${text}`);
  });
  page.on('response', (res) => {
    const url = res.url();
    if (res.status() >= 400 && url.startsWith(baseUrl) && !new URL(url).pathname.startsWith('/api/')) {
      problems.push(`HTTP ${res.status()} ${url}`);
    }
  });
  return { problems };
}

const LOGIN_ROUTE = '#/packages/account/pages/login/index';
let loads = 0;

/**
 * Opens a page by its hash route as a fresh document load (the way a link or a reload opens it). A new query each
 * time: a URL differing only in its hash would be a same-document hash change racing the app's own navigation.
 */
export async function openRoute(page, baseUrl, route) {
  loads += 1;
  await page.goto(`${baseUrl}/?e2e=${loads}${route}`, { waitUntil: 'domcontentloaded' });
}

/** Demo sign-in as one of the demo people by their role, from the login page's role picker. */
export async function signIn(page, baseUrl, role) {
  await page.goto(`${baseUrl}/${LOGIN_ROUTE}`, { waitUntil: 'domcontentloaded' });
  await page.locator(`.login-role--${role}`).click({ timeout: 30_000 });
  await page.waitForFunction(() => !location.hash.includes('/login/'), null, { timeout: 30_000 });
}
