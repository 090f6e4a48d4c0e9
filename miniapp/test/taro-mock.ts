// In-memory stand-in for the Taro platform API under Jest: request, storage, navigation, feedback and page hooks.
// It is the platform, not product code, so tests replace it; everything built on top of it runs for real.
import { useEffect, useRef } from 'react';

export interface MockResponse {
  statusCode: number;
  data?: unknown;
  header?: Record<string, string>;
}

export interface RecordedRequest {
  url: string;
  method: string;
  header: Record<string, string>;
  data: unknown;
  timeout: number | undefined;
}

/** Return a response, or throw / reject to simulate a request that never got an answer (offline, timeout). */
export type RequestHandler = (request: RecordedRequest) => MockResponse | Promise<MockResponse>;

export type NavigationType = 'navigateTo' | 'switchTab' | 'navigateBack' | 'redirectTo' | 'reLaunch';

export interface RecordedNavigation {
  type: NavigationType;
  url?: string;
}

interface RequestOptionLike {
  url: string;
  method?: string;
  header?: Record<string, string>;
  data?: unknown;
  timeout?: number;
}

type Listener = () => void;

class TaroMock {
  readonly storage = new Map<string, unknown>();
  readonly requests: RecordedRequest[] = [];
  readonly navigations: RecordedNavigation[] = [];
  readonly toasts: string[] = [];
  /** Route of each open page, bottom first (no leading slash, as Taro reports it). */
  pageStack: string[] = ['pages/index/index'];
  /** What the next showModal answers. */
  modalConfirms = true;
  pullDownStops = 0;
  /** The code the next Taro.login resolves with; an Error makes it fail. */
  loginResult: string | Error = 'wx-login-code';
  /** What the next Taro.scanCode reads; an Error stands for the person closing the scanner. */
  scanResult: string | Error = '';
  readonly scanOptions: unknown[] = [];
  /** The app's onNeedPrivacyAuthorization listener, once registered (weapp). */
  privacyListener: ((resolve: (option: { event: string; buttonId?: string }) => void) => void) | null = null;
  /** The query the page was opened with (useLoad / useRouter). */
  loadOptions: Record<string, string> = {};
  readonly showListeners = new Set<Listener>();
  readonly hideListeners = new Set<Listener>();
  readonly pullDownListeners = new Set<Listener>();
  /** Tab bar badges by tab index, as setTabBarBadge / removeTabBarBadge left them. */
  readonly tabBadges = new Map<number, string>();
  /** What the next Taro.getFuzzyLocation answers; an Error's message becomes its errMsg (e.g. 'auth deny'). */
  fuzzyLocation: { latitude: number; longitude: number } | Error = new Error('no location');
  readonly networkListeners = new Set<(result: { isConnected: boolean; networkType: string }) => void>();
  /** What the next Taro.requestSubscribeMessage answers, per template id ('accept' / 'reject'). */
  subscribeAnswer: Record<string, string> = {};
  readonly subscribeRequests: unknown[] = [];
  /** What getNetworkType reports ('none' = offline). */
  networkType = 'wifi';
  /** The screen's brightness (0–1) as getScreenBrightness reads it and setScreenBrightness leaves it. */
  brightness = 0.4;
  /** Every value setScreenBrightness was given, in order. */
  readonly brightnessSets: number[] = [];
  /** What setKeepScreenOn last asked; null when never called. */
  keepScreenOn: boolean | null = null;
  private handler: RequestHandler = (request) => {
    throw new Error(`No request handler set for ${request.method} ${request.url}`);
  };

  onRequest(handler: RequestHandler): void {
    this.handler = handler;
  }

  handle(request: RecordedRequest): MockResponse | Promise<MockResponse> {
    return this.handler(request);
  }

  /** The page comes back to the foreground (back navigation, tab switch). */
  triggerDidShow(): void {
    for (const listener of Array.from(this.showListeners)) listener();
  }

  /** The page goes to the background (another page opened on top, tab switch, app hidden). */
  triggerDidHide(): void {
    for (const listener of Array.from(this.hideListeners)) listener();
  }

  triggerPullDownRefresh(): void {
    for (const listener of Array.from(this.pullDownListeners)) listener();
  }

  /** The phone's connection comes back (or goes), as onNetworkStatusChange reports it. */
  triggerNetworkStatus(isConnected: boolean): void {
    for (const listener of Array.from(this.networkListeners)) listener({ isConnected, networkType: isConnected ? 'wifi' : 'none' });
  }

  reset(): void {
    this.storage.clear();
    this.requests.length = 0;
    this.navigations.length = 0;
    this.toasts.length = 0;
    this.pageStack = ['pages/index/index'];
    this.modalConfirms = true;
    this.pullDownStops = 0;
    this.loginResult = 'wx-login-code';
    this.scanResult = '';
    this.scanOptions.length = 0;
    this.loadOptions = {};
    this.showListeners.clear();
    this.hideListeners.clear();
    this.pullDownListeners.clear();
    this.tabBadges.clear();
    this.fuzzyLocation = new Error('no location');
    this.networkListeners.clear();
    this.subscribeAnswer = {};
    this.subscribeRequests.length = 0;
    this.networkType = 'wifi';
    this.brightness = 0.4;
    this.brightnessSets.length = 0;
    this.keepScreenOn = null;
    this.handler = (request) => {
      throw new Error(`No request handler set for ${request.method} ${request.url}`);
    };
  }
}

export const taroMock = new TaroMock();

function request(options: RequestOptionLike): Promise<MockResponse> {
  const recorded: RecordedRequest = {
    url: options.url,
    method: options.method ?? 'GET',
    header: { ...(options.header ?? {}) },
    data: options.data,
    timeout: options.timeout,
  };
  taroMock.requests.push(recorded);
  return Promise.resolve()
    .then(() => taroMock.handle(recorded))
    .then(
      (response) => ({ header: {}, ...response }),
      // The platform rejects with an errMsg object when no HTTP answer arrived.
      (cause: unknown) => Promise.reject({ errMsg: `request:fail ${String(cause)}` }),
    );
}

function getStorageSync(key: string): unknown {
  // Taro returns '' for a missing key.
  return taroMock.storage.has(key) ? taroMock.storage.get(key) : '';
}

function setStorageSync(key: string, value: unknown): void {
  taroMock.storage.set(key, value);
}

function removeStorageSync(key: string): void {
  taroMock.storage.delete(key);
}

function stripSlash(url: string): string {
  return url.replace(/^\//, '').split('?')[0];
}

function navigateTo(options: { url: string }): Promise<{ errMsg: string }> {
  taroMock.navigations.push({ type: 'navigateTo', url: options.url });
  taroMock.pageStack.push(stripSlash(options.url));
  return Promise.resolve({ errMsg: 'navigateTo:ok' });
}

function redirectTo(options: { url: string }): Promise<{ errMsg: string }> {
  taroMock.navigations.push({ type: 'redirectTo', url: options.url });
  taroMock.pageStack[taroMock.pageStack.length - 1] = stripSlash(options.url);
  return Promise.resolve({ errMsg: 'redirectTo:ok' });
}

function switchTab(options: { url: string }): Promise<{ errMsg: string }> {
  taroMock.navigations.push({ type: 'switchTab', url: options.url });
  taroMock.pageStack = [stripSlash(options.url)];
  return Promise.resolve({ errMsg: 'switchTab:ok' });
}

function reLaunch(options: { url: string }): Promise<{ errMsg: string }> {
  taroMock.navigations.push({ type: 'reLaunch', url: options.url });
  taroMock.pageStack = [stripSlash(options.url)];
  return Promise.resolve({ errMsg: 'reLaunch:ok' });
}

function navigateBack(options: { delta?: number } = {}): Promise<{ errMsg: string }> {
  taroMock.navigations.push({ type: 'navigateBack' });
  const delta = options.delta ?? 1;
  taroMock.pageStack = taroMock.pageStack.slice(0, Math.max(1, taroMock.pageStack.length - delta));
  return Promise.resolve({ errMsg: 'navigateBack:ok' });
}

function getCurrentPages(): { route: string }[] {
  return taroMock.pageStack.map((route) => ({ route }));
}

function showToast(options: { title: string }): Promise<{ errMsg: string }> {
  taroMock.toasts.push(options.title);
  return Promise.resolve({ errMsg: 'showToast:ok' });
}

function showModal(): Promise<{ confirm: boolean; cancel: boolean; errMsg: string }> {
  const confirm = taroMock.modalConfirms;
  return Promise.resolve({ confirm, cancel: !confirm, errMsg: 'showModal:ok' });
}

function stopPullDownRefresh(): Promise<{ errMsg: string }> {
  taroMock.pullDownStops += 1;
  return Promise.resolve({ errMsg: 'stopPullDownRefresh:ok' });
}

function login(): Promise<{ code: string; errMsg: string }> {
  const result = taroMock.loginResult;
  if (result instanceof Error) return Promise.reject({ errMsg: `login:fail ${result.message}` });
  return Promise.resolve({ code: result, errMsg: 'login:ok' });
}

function onNeedPrivacyAuthorization(listener: NonNullable<TaroMock['privacyListener']>): void {
  taroMock.privacyListener = listener;
}

function scanCode(options: unknown): Promise<{ result: string; scanType: string; errMsg: string }> {
  taroMock.scanOptions.push(options);
  const result = taroMock.scanResult;
  if (result instanceof Error) return Promise.reject({ errMsg: `scanCode:fail ${result.message}` });
  return Promise.resolve({ result, scanType: 'QR_CODE', errMsg: 'scanCode:ok' });
}

function setTabBarBadge(options: { index: number; text: string }): Promise<{ errMsg: string }> {
  taroMock.tabBadges.set(options.index, options.text);
  return Promise.resolve({ errMsg: 'setTabBarBadge:ok' });
}

function removeTabBarBadge(options: { index: number }): Promise<{ errMsg: string }> {
  taroMock.tabBadges.delete(options.index);
  return Promise.resolve({ errMsg: 'removeTabBarBadge:ok' });
}

function getFuzzyLocation(): Promise<{ latitude: number; longitude: number; errMsg: string }> {
  const result = taroMock.fuzzyLocation;
  if (result instanceof Error) return Promise.reject({ errMsg: `getFuzzyLocation:fail ${result.message}` });
  return Promise.resolve({ ...result, errMsg: 'getFuzzyLocation:ok' });
}

function onNetworkStatusChange(listener: (result: { isConnected: boolean; networkType: string }) => void): void {
  taroMock.networkListeners.add(listener);
}

function offNetworkStatusChange(listener: (result: { isConnected: boolean; networkType: string }) => void): void {
  taroMock.networkListeners.delete(listener);
}

function requestSubscribeMessage(options: unknown): Promise<Record<string, string>> {
  taroMock.subscribeRequests.push(options);
  return Promise.resolve({ ...taroMock.subscribeAnswer, errMsg: 'requestSubscribeMessage:ok' });
}

function getNetworkType(): Promise<{ networkType: string; errMsg: string }> {
  return Promise.resolve({ networkType: taroMock.networkType, errMsg: 'getNetworkType:ok' });
}

function getScreenBrightness(): Promise<{ value: number; errMsg: string }> {
  return Promise.resolve({ value: taroMock.brightness, errMsg: 'getScreenBrightness:ok' });
}

function setScreenBrightness(options: { value: number }): Promise<{ errMsg: string }> {
  taroMock.brightness = options.value;
  taroMock.brightnessSets.push(options.value);
  return Promise.resolve({ errMsg: 'setScreenBrightness:ok' });
}

function setKeepScreenOn(options: { keepScreenOn: boolean }): Promise<{ errMsg: string }> {
  taroMock.keepScreenOn = options.keepScreenOn;
  return Promise.resolve({ errMsg: 'setKeepScreenOn:ok' });
}

function usePageEvent(listeners: Set<Listener>, callback: () => void, fireOnMount: boolean): void {
  const ref = useRef(callback);
  ref.current = callback;
  useEffect(() => {
    const listener: Listener = () => ref.current();
    listeners.add(listener);
    if (fireOnMount) listener();
    return () => {
      listeners.delete(listener);
    };
  }, [listeners, fireOnMount]);
}

/** Like Taro, a page is shown once right after it mounts, then again on every return to it. */
export function useDidShow(callback: () => void): void {
  usePageEvent(taroMock.showListeners, callback, true);
}

export function useDidHide(callback: () => void): void {
  usePageEvent(taroMock.hideListeners, callback, false);
}

export function usePullDownRefresh(callback: () => void): void {
  usePageEvent(taroMock.pullDownListeners, callback, false);
}

/** Runs once on mount with the page's query, as Taro does. */
export function useLoad(callback: (options: Record<string, string>) => void): void {
  const ref = useRef(callback);
  ref.current = callback;
  useEffect(() => {
    ref.current({ ...taroMock.loadOptions });
  }, []);
}

export const ENV_TYPE = {
  WEAPP: 'WEAPP',
  WEB: 'WEB',
  RN: 'RN',
  SWAN: 'SWAN',
  ALIPAY: 'ALIPAY',
  TT: 'TT',
  QQ: 'QQ',
  JD: 'JD',
  HARMONY: 'HARMONY',
} as const;

export function getEnv(): string {
  return ENV_TYPE.WEB;
}

export function nextTick(callback: () => void): void {
  setTimeout(callback, 0);
}

function getSystemInfoSync(): { windowWidth: number; windowHeight: number; pixelRatio: number; platform: string } {
  return { windowWidth: 375, windowHeight: 667, pixelRatio: 2, platform: 'devtools' };
}

function getSystemInfo(): Promise<ReturnType<typeof getSystemInfoSync>> {
  return Promise.resolve(getSystemInfoSync());
}

type EventHandler = (...args: unknown[]) => void;

class Events {
  private readonly handlers = new Map<string, Set<EventHandler>>();

  on(name: string, handler: EventHandler): this {
    if (!this.handlers.has(name)) this.handlers.set(name, new Set());
    this.handlers.get(name)?.add(handler);
    return this;
  }

  off(name: string, handler?: EventHandler): this {
    if (handler) this.handlers.get(name)?.delete(handler);
    else this.handlers.delete(name);
    return this;
  }

  trigger(name: string, ...args: unknown[]): this {
    for (const handler of Array.from(this.handlers.get(name) ?? [])) handler(...args);
    return this;
  }
}

export const eventCenter = new Events();

const Taro = {
  request,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  navigateTo,
  redirectTo,
  switchTab,
  reLaunch,
  navigateBack,
  getCurrentPages,
  showToast,
  showModal,
  stopPullDownRefresh,
  getEnv,
  ENV_TYPE,
  nextTick,
  getSystemInfo,
  getSystemInfoSync,
  eventCenter,
  Events,
  useDidShow,
  useDidHide,
  usePullDownRefresh,
  useLoad,
  login,
  scanCode,
  onNeedPrivacyAuthorization,
  setTabBarBadge,
  removeTabBarBadge,
  getFuzzyLocation,
  onNetworkStatusChange,
  offNetworkStatusChange,
  requestSubscribeMessage,
  getNetworkType,
  getScreenBrightness,
  setScreenBrightness,
  setKeepScreenOn,
};

export {
  request,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  navigateTo,
  redirectTo,
  switchTab,
  reLaunch,
  navigateBack,
  getCurrentPages,
  showToast,
  showModal,
  stopPullDownRefresh,
  getSystemInfo,
  getSystemInfoSync,
  Events,
  login,
  scanCode,
};

export default Taro;
