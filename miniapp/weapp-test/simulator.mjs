// The built dist/weapp in a simulator, against the real product: the backend started as `npm start` starts it (demo
// mode, a temporary SQLite file), with a fake WeChat server this process owns so that wx.login and the phone-number
// button can be given codes the backend really redeems.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBackend, buildWeapp, ROOT } from '../../scripts/lib/build-steps.mjs';
import { startProduct } from '../e2e/product-server.mjs';
import { createLogicLayer } from './logic.mjs';
import { createViewLayer } from './view.mjs';

export const DIST = join(ROOT, 'miniapp/dist/weapp');

/** Taro's own warning for a wx API the simulated WeChat lacks (it wraps only the APIs it finds on `wx`). */
export const UNSUPPORTED = '暂不支持';

/** The API origin compiled into the weapp: TARO_APP_API_BASE from the environment, else miniapp/.env.production. */
function buildApiBase() {
  if (process.env.TARO_APP_API_BASE) return process.env.TARO_APP_API_BASE;
  const env = readFileSync(join(ROOT, 'miniapp/.env.production'), 'utf8');
  const match = env.match(/^TARO_APP_API_BASE="?([^"\n]+)"?$/m);
  if (!match) throw new Error('miniapp/.env.production does not set TARO_APP_API_BASE');
  return match[1];
}

/** Builds what is stale, then starts the fake WeChat server and the product (`env`: more of its settings). */
export async function startBackend(env = {}) {
  buildWeapp();
  buildBackend();
  const { FakeWechatServer } = await import(join(ROOT, 'backend/dist/wechat/fake/fake-wechat-server.js'));
  const wechat = new FakeWechatServer({ appId: 'wx-demo-appid', appSecret: 'demo-secret' });
  const wechatBase = await wechat.start(0, '127.0.0.1');
  let product;
  try {
    product = await startProduct({
      env: { ...env, WECHAT_API_BASE: wechatBase, WECHAT_APP_ID: 'wx-demo-appid', WECHAT_APP_SECRET: 'demo-secret' },
    });
  } catch (error) {
    await wechat.stop();
    throw error;
  }
  return {
    apiBase: product.baseUrl,
    wechatBase,
    wechat,
    async stop() {
      await product.stop();
      await wechat.stop();
    },
  };
}

/**
 * One phone: a fresh logic layer (storage, page stack) and view layer over the same dist/weapp. `identity` is the
 * WeChat user at the phone (the openid wx.login stands for, the number the phone-number button hands over).
 */
export function createPhone(backend, identity) {
  const logic = createLogicLayer({ distDir: DIST, buildApiBase: buildApiBase(), apiBase: backend.apiBase, fakeWechatBase: backend.wechatBase });
  Object.assign(logic.identity, identity);
  const view = createViewLayer(DIST, logic);
  const mounted = new Map();
  // Taro names each node's template by its component's number (`nn`); an element with no template in base.wxml (an
  // HTML tag such as <i>, which only the H5 build can show) is silently left out by WeChat.
  const templates = new Set([...readFileSync(join(DIST, 'base.wxml'), 'utf8').matchAll(/name="tmpl_0_([^"]+)"/g)].map((m) => m[1]));
  const unrenderable = [];
  const checkNodes = (route, node) => {
    if (Array.isArray(node)) node.forEach((child) => checkNodes(route, child));
    else if (node && typeof node === 'object') {
      if (typeof node.nn === 'string' && !templates.has(node.nn)) unrenderable.push(`${route}: <${node.nn} class="${node.cl ?? ''}">`);
      for (const value of Object.values(node)) if (value && typeof value === 'object') checkNodes(route, value);
    }
  };
  logic.onSetData((page, payload) => {
    checkNodes(page.route, payload);
    const root = mounted.get(page);
    if (root && Object.keys(payload).some((key) => key.startsWith('root'))) root.setData({ root: page.data.root });
  });
  logic.launch();

  /** The page on top, rendered (and kept in step with its setData from then on). */
  function screen() {
    const page = logic.stack.at(-1);
    if (!page) throw new Error('no page is open');
    if (!mounted.has(page)) mounted.set(page, view.mount(page.route, page.data));
    return mounted.get(page);
  }

  function find(selector) {
    const node = screen().querySelector(selector);
    if (!node) throw new Error(`nothing matches ${selector} on ${logic.stack.at(-1).route}:\n${screen().dom.textContent}`);
    return node;
  }

  /** Waits until `predicate(screen)` holds, letting wx calls and React's updates run. */
  async function until(predicate, what, ms = 10_000) {
    const deadline = Date.now() + ms;
    for (;;) {
      await logic.settle(ms);
      if (predicate(screen())) return screen();
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} on ${logic.stack.at(-1)?.route}:\n${screen().dom.textContent}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  return {
    logic,
    close: () => logic.close(),
    screen,
    find,
    until,
    /** Waits for the node, as a person waits for the page to show it. */
    waitFor: (selector, ms) => until((root) => root.querySelector(selector) !== undefined && root.querySelector(selector) !== null, selector, ms),
    open(url) {
      logic.open(url);
      return logic.settle();
    },
    /** A tap on the rendered node: exparser's tap event, bubbling through the nodes' `bindtap`. */
    async tap(selector) {
      find(selector).dispatchEvent('tap', { bubbles: true, composed: true });
      await logic.settle();
    },
    /** The phone-number sheet answered 允许: the button's `getphonenumber` event with a code WeChat issued. */
    async allowPhoneNumber(selector) {
      const code = await logic.phoneCode();
      find(selector).dispatchEvent('getphonenumber', { detail: { code, errMsg: 'getPhoneNumber:ok' } });
      await logic.settle();
    },
    text: () => screen().dom.textContent,
    /** Texts the logic layer sent (Taro's text nodes) that the view layer did not show. */
    unrendered() {
      const shown = screen().dom.textContent;
      const sent = [];
      const walk = (node) => {
        if (typeof node?.v === 'string' && node.v.trim() !== '') sent.push(node.v.trim());
        for (const child of node?.cn ?? []) walk(child);
      };
      walk(logic.stack.at(-1).data.root);
      return sent.filter((text) => !shown.includes(text));
    },
    /**
     * What must never happen: an API Taro could not find on wx, an error the app logged or threw, or an element sent
     * with setData that WeChat has no template for.
     */
    problems: () => [
      ...logic.warnings.filter((w) => w.includes(UNSUPPORTED)).map((w) => `unsupported: ${w}`),
      ...logic.errors,
      ...view.warnings.map((warning) => `view: ${warning}`),
      ...[...new Set(unrenderable)].map((node) => `no WeChat template for ${node}`),
    ],
  };
}
