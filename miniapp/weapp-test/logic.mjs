// The mini-program's logic layer, as WeChat runs it: the built JS of dist/weapp in its own V8 context with App, Page,
// Component, getApp, getCurrentPages, require and wx — and no window or document. Only the platform is faked: wx.request
// goes over real HTTP to a real backend, wx.login and the phone-number button get codes from the fake WeChat server.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import vm from 'node:vm';

/** WeChat sends setData payloads to the view layer as JSON; so does this. */
const asJson = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** `root.cn.[0].v`, `root.cn[0].v` → ['root', 'cn', 0, 'v'] (the path forms Taro's setData uses). */
export function parsePath(path) {
  const parts = [];
  for (const match of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) parts.push(match[1] !== undefined ? Number(match[1]) : match[2]);
  return parts;
}

export function applyPatch(target, patch) {
  for (const [path, value] of Object.entries(patch)) {
    const parts = parsePath(path);
    let node = target;
    for (let i = 0; i < parts.length - 1; i++) {
      if (node[parts[i]] === null || typeof node[parts[i]] !== 'object') node[parts[i]] = typeof parts[i + 1] === 'number' ? [] : {};
      node = node[parts[i]];
    }
    node[parts[parts.length - 1]] = value;
  }
}

const STORAGE_MISSING = '';

/**
 * @param {object} options
 * @param {string} options.distDir dist/weapp
 * @param {string} options.buildApiBase the API origin compiled into the build (TARO_APP_API_BASE)
 * @param {string} options.apiBase where the real backend listens; requests to buildApiBase are sent there
 * @param {string} options.fakeWechatBase the fake WeChat server (codes for wx.login and getPhoneNumber)
 */
export function createLogicLayer({ distDir, buildApiBase, apiBase, fakeWechatBase }) {
  const warnings = [];
  const errors = [];
  const requests = [];
  const navigations = [];
  const toasts = [];
  const storage = new Map();
  const pending = new Set();
  const identity = { openid: undefined, phoneNumber: undefined };
  /** What the camera sees when the app scans: a QR's text, or nothing (the person cancels). */
  const camera = { result: undefined };
  /** The subscribe-message prompt: what the app asked for, and what the person answers for each template. */
  const subscriptions = { asked: [], answer: 'accept' };
  /** The screen's brightness (0–1) and whether the app keeps it on, as the app last set them. */
  const screen = { brightness: 0.5, keepOn: false };
  const pageDefinitions = new Map();
  const componentDefinitions = new Map();
  const stack = [];
  let loading = null;
  let app = null;
  let onPageOpened = () => undefined;
  let onPageSetData = () => undefined;

  const track = (promise) => {
    pending.add(promise);
    promise.finally(() => pending.delete(promise));
    return promise;
  };
  const ok = (name, extra = {}) => ({ errMsg: `${name}:ok`, ...extra });
  /** Calls success/fail/complete as WeChat does, one tick later. */
  const answer = (options, name, produce) => {
    const run = async () => {
      try {
        const result = await produce();
        options?.success?.(result ?? ok(name));
        options?.complete?.(result ?? ok(name));
      } catch (error) {
        const fail = { errMsg: `${name}:fail ${error instanceof Error ? error.message : String(error)}` };
        options?.fail?.(fail);
        options?.complete?.(fail);
      }
    };
    track(new Promise((resolve) => setTimeout(resolve, 0)).then(run));
  };
  const noop = (name) => (options) => answer(options, name, () => ok(name));

  async function fakeWechat(path, body) {
    const res = await fetch(`${fakeWechatBase}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`fake WeChat ${path} answered ${res.status}`);
    return res.json();
  }

  function toBackend(url) {
    if (!url.startsWith(buildApiBase)) throw new Error(`request to ${url}, not to the build's API origin ${buildApiBase}`);
    return apiBase + url.slice(buildApiBase.length);
  }

  function request(options) {
    const controller = new AbortController();
    const method = (options.method ?? 'GET').toUpperCase();
    answer(options, 'request', async () => {
      let url = toBackend(options.url);
      let body;
      const headers = { ...(options.header ?? {}) };
      if (method === 'GET' && options.data && typeof options.data === 'object') {
        const query = new URLSearchParams(Object.entries(options.data).map(([k, v]) => [k, String(v)])).toString();
        if (query) url += (url.includes('?') ? '&' : '?') + query;
      } else if (options.data !== undefined) {
        body = typeof options.data === 'string' ? options.data : JSON.stringify(options.data);
        if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
      }
      const timer = setTimeout(() => controller.abort(), options.timeout ?? 60_000);
      try {
        const res = await fetch(url, { method, headers, body, signal: controller.signal });
        const text = await res.text();
        let data = text;
        if ((options.dataType ?? 'json') === 'json') {
          try {
            data = JSON.parse(text);
          } catch {
            // WeChat hands over the text when it is not JSON.
          }
        }
        const path = new URL(url).pathname;
        requests.push({ method, path, status: res.status });
        return ok('request', { data, statusCode: res.status, header: Object.fromEntries(res.headers), cookies: [] });
      } finally {
        clearTimeout(timer);
      }
    });
    return { abort: () => controller.abort(), onHeadersReceived() {}, offHeadersReceived() {}, onChunkReceived() {} };
  }

  function resolveUrl(url) {
    const [path, query = ''] = url.replace(/^\//, '').split('?');
    return { route: path, query: Object.fromEntries(new URLSearchParams(query)) };
  }

  const systemInfo = {
    brand: 'devtools',
    model: 'iPhone 13',
    pixelRatio: 2,
    screenWidth: 375,
    screenHeight: 812,
    windowWidth: 375,
    windowHeight: 700,
    statusBarHeight: 44,
    language: 'zh_CN',
    version: '8.0.50',
    system: 'iOS 16.0',
    platform: 'devtools',
    SDKVersion: '3.5.0',
    safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 },
    theme: 'light',
  };

  const wx = {
    request,
    login: (options) =>
      answer(options, 'login', async () => ok('login', { code: (await fakeWechat('/__fake/login-code', { openid: identity.openid })).code })),
    getStorageSync: (key) => (storage.has(key) ? asJson(storage.get(key)) : STORAGE_MISSING),
    setStorageSync: (key, value) => void storage.set(key, asJson(value)),
    removeStorageSync: (key) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorage: (options) =>
      answer(options, 'getStorage', () => {
        if (!storage.has(options.key)) throw new Error('data not found');
        return ok('getStorage', { data: asJson(storage.get(options.key)) });
      }),
    setStorage: (options) => answer(options, 'setStorage', () => void storage.set(options.key, asJson(options.data))),
    removeStorage: (options) => answer(options, 'removeStorage', () => void storage.delete(options.key)),
    getSystemInfoSync: () => ({ ...systemInfo }),
    getSystemInfo: (options) => answer(options, 'getSystemInfo', () => ok('getSystemInfo', { ...systemInfo })),
    getWindowInfo: () => ({ ...systemInfo }),
    getDeviceInfo: () => ({ ...systemInfo }),
    getAppBaseInfo: () => ({ ...systemInfo }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 48, right: 365, bottom: 80, left: 278 }),
    getNetworkType: (options) => answer(options, 'getNetworkType', () => ok('getNetworkType', { networkType: 'wifi' })),
    onNetworkStatusChange: () => undefined,
    offNetworkStatusChange: () => undefined,
    onNeedPrivacyAuthorization: () => undefined,
    getPrivacySetting: (options) => answer(options, 'getPrivacySetting', () => ok('getPrivacySetting', { needAuthorization: false })),
    showToast: (options) => answer(options, 'showToast', () => void toasts.push(options.title)),
    hideToast: noop('hideToast'),
    showLoading: noop('showLoading'),
    hideLoading: noop('hideLoading'),
    showModal: (options) => answer(options, 'showModal', () => ok('showModal', { confirm: true, cancel: false })),
    stopPullDownRefresh: noop('stopPullDownRefresh'),
    setNavigationBarTitle: noop('setNavigationBarTitle'),
    setTabBarBadge: noop('setTabBarBadge'),
    removeTabBarBadge: noop('removeTabBarBadge'),
    setKeepScreenOn: (options) => answer(options, 'setKeepScreenOn', () => void (screen.keepOn = Boolean(options.keepScreenOn))),
    getScreenBrightness: (options) => answer(options, 'getScreenBrightness', () => ok('getScreenBrightness', { value: screen.brightness })),
    setScreenBrightness: (options) => answer(options, 'setScreenBrightness', () => void (screen.brightness = options.value)),
    navigateTo: (options) => answer(options, 'navigateTo', () => void go('navigateTo', options.url)),
    redirectTo: (options) => answer(options, 'redirectTo', () => void go('redirectTo', options.url)),
    switchTab: (options) => answer(options, 'switchTab', () => void go('switchTab', options.url)),
    reLaunch: (options) => answer(options, 'reLaunch', () => void go('reLaunch', options.url)),
    navigateBack: (options) => answer(options, 'navigateBack', () => void back(options?.delta ?? 1)),
    scanCode: (options) =>
      answer(options, 'scanCode', () => {
        if (camera.result === undefined) throw new Error('cancel');
        return ok('scanCode', { result: camera.result, scanType: 'QR_CODE', charSet: 'utf-8' });
      }),
    requestSubscribeMessage: (options) =>
      answer(options, 'requestSubscribeMessage', () => {
        subscriptions.asked.push([...options.tmplIds]);
        return ok('requestSubscribeMessage', Object.fromEntries(options.tmplIds.map((id) => [id, subscriptions.answer])));
      }),
    nextTick: (fn) => void Promise.resolve().then(fn),
    canIUse: () => true,
    getUpdateManager: () => ({ onCheckForUpdate() {}, onUpdateReady() {}, onUpdateFailed() {}, applyUpdate() {} }),
    getLaunchOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} }),
    getEnterOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} }),
    onAppShow: () => undefined,
    onAppHide: () => undefined,
    offAppShow: () => undefined,
    offAppHide: () => undefined,
    onError: () => undefined,
    onUnhandledRejection: () => undefined,
    reportAnalytics: () => undefined,
    env: { USER_DATA_PATH: 'wxfile://usr' },
  };

  const logged = (kind, list) => (...args) => {
    const text = args.map((a) => (a instanceof Error ? a.stack ?? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    list.push(text);
    if (process.env.WEAPP_SIM_VERBOSE) process.stderr.write(`[weapp ${kind}] ${text}\n`);
  };
  const consoleFake = {
    log: () => undefined,
    info: () => undefined,
    debug: () => undefined,
    warn: logged('warn', warnings),
    error: logged('error', errors),
  };

  // The app's timers (countdowns, polling) are tracked so that closing the phone stops them all.
  const timers = new Set();
  let closed = false;
  const timerFake = {
    setTimeout: (fn, ms, ...args) => {
      if (closed) return undefined;
      const handle = setTimeout(() => {
        timers.delete(handle);
        fn(...args);
      }, ms);
      timers.add(handle);
      return handle;
    },
    clearTimeout: (handle) => {
      timers.delete(handle);
      clearTimeout(handle);
    },
    setInterval: (fn, ms, ...args) => {
      if (closed) return undefined;
      const handle = setInterval(fn, ms, ...args);
      timers.add(handle);
      return handle;
    },
    clearInterval: (handle) => {
      timers.delete(handle);
      clearInterval(handle);
    },
  };

  const context = vm.createContext({
    wx,
    console: consoleFake,
    ...timerFake,
    App(config) {
      app = config;
    },
    Page(config) {
      pageDefinitions.set(loading, config);
    },
    Component(config) {
      componentDefinitions.set(loading, config);
    },
    Behavior: (definition) => definition,
    getApp: () => app,
    getCurrentPages: () => [...stack],
    requirePlugin: () => {
      throw new Error('plugins are not used');
    },
  });

  const modules = new Map();
  function load(file) {
    if (modules.has(file)) return modules.get(file).exports;
    const module = { exports: {} };
    modules.set(file, module);
    const code = readFileSync(file, 'utf8');
    const wrapper = vm.runInContext(`(function (require, module, exports) {${code}\n})`, context, { filename: file });
    const localRequire = (spec) => {
      let target = join(dirname(file), spec);
      if (!existsSync(target) && existsSync(`${target}.js`)) target = `${target}.js`;
      return load(target);
    };
    wrapper(localRequire, module, module.exports);
    return module.exports;
  }
  /** Runs a file of dist/weapp as the code of `route` (a page or component path without extension). */
  function runAs(route) {
    const previous = loading;
    loading = route;
    try {
      load(join(distDir, `${route}.js`));
    } finally {
      loading = previous;
    }
  }

  function uncaught(error) {
    errors.push(`uncaught: ${error instanceof Error ? error.stack : String(error)}`);
  }

  function openPage(route, query = {}) {
    if (!pageDefinitions.has(route)) runAs(route);
    const definition = pageDefinitions.get(route);
    if (!definition) throw new Error(`${route}.js did not call Page()`);
    const page = { ...definition, route, __route__: route, options: query, data: asJson(definition.data ?? {}) };
    page.setData = (patch, callback) => {
      const payload = asJson(patch);
      applyPatch(page.data, payload);
      onPageSetData(page, payload);
      if (callback) track(new Promise((resolve) => setTimeout(resolve, 0)).then(() => callback.call(page)));
    };
    stack.push(page);
    try {
      page.onLoad?.(query);
      page.onShow?.();
      page.onReady?.();
    } catch (error) {
      uncaught(error);
    }
    onPageOpened(page);
    return page;
  }

  function unload(page) {
    try {
      page.onUnload?.();
    } catch (error) {
      uncaught(error);
    }
  }

  function go(kind, url) {
    navigations.push({ kind, url });
    const { route, query } = resolveUrl(url);
    if (!existsSync(join(distDir, `${route}.js`))) throw new Error(`page "${route}" is not found`);
    if (kind === 'redirectTo') unload(stack.pop());
    if (kind === 'switchTab' || kind === 'reLaunch') while (stack.length) unload(stack.pop());
    else stack.at(-1)?.onHide?.();
    openPage(route, query);
  }

  function back(delta) {
    navigations.push({ kind: 'navigateBack', delta });
    if (stack.length <= 1) throw new Error('cannot navigate back at first page');
    for (let i = 0; i < delta && stack.length > 1; i++) unload(stack.pop());
    stack.at(-1).onShow?.();
    onPageOpened(stack.at(-1));
  }

  return {
    warnings,
    errors,
    requests,
    navigations,
    toasts,
    storage,
    identity,
    camera,
    subscriptions,
    screen,
    get stack() {
      return stack;
    },
    componentDefinition: (path) => {
      if (!componentDefinitions.has(path)) runAs(path);
      return componentDefinitions.get(path);
    },
    /** Runs app.js and the app's launch hooks, as WeChat does before the first page. */
    launch(path = 'pages/index/index') {
      runAs('app');
      if (!app) throw new Error('app.js did not call App()');
      app.onLaunch?.({ path, query: {}, scene: 1001, referrerInfo: {} });
      app.onShow?.({ path, query: {}, scene: 1001, referrerInfo: {} });
    },
    /** Opens a page the way a tap on a link would (navigateTo), or as the first page. */
    open(url) {
      const { route, query } = resolveUrl(url);
      if (stack.length) stack.at(-1).onHide?.();
      return openPage(route, query);
    },
    /** A tap on `<button open-type="getPhoneNumber">` answered 允许: a phone code the fake WeChat server will redeem. */
    async phoneCode() {
      return (await fakeWechat('/__fake/phone-code', { phoneNumber: identity.phoneNumber })).code;
    },
    /** A handler of the view layer's events: the same function Taro puts on pages and components. */
    dispatch(event) {
      const page = stack.at(-1);
      try {
        page.eh(event);
      } catch (error) {
        uncaught(error);
      }
    },
    /** Unloads every page and stops the app's timers, as closing the mini-program does. */
    close() {
      while (stack.length) unload(stack.pop());
      closed = true;
      for (const handle of timers) clearTimeout(handle);
      timers.clear();
    },
    onOpened(listener) {
      onPageOpened = listener;
    },
    onSetData(listener) {
      onPageSetData = listener;
    },
    /** Waits until no wx call is in flight and the timers have had a turn, at most `ms`. */
    async settle(ms = 5000) {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (pending.size === 0) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          if (pending.size === 0) return;
        }
      }
    },
    relative: (file) => relative(distDir, file),
  };
}
