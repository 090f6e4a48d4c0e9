// The mini-program's view layer: dist/weapp's WXML compiled by WeChat's own compiler (wcc, which handles the
// import/template/wxs that every Taro page is made of), rendered by j-component in jsdom from the data the logic
// layer sends with setData. Events on the rendered nodes go back to the logic layer's handlers, as in WeChat.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** WeChat's built-in components; each renders as a plain `wx-<name>` node around its children. */
const BUILT_IN = [
  'cover-image', 'cover-view', 'movable-area', 'movable-view', 'page-container', 'root-portal', 'scroll-view',
  'swiper', 'swiper-item', 'view', 'icon', 'progress', 'rich-text', 'text', 'button', 'checkbox', 'checkbox-group',
  'editor', 'form', 'input', 'label', 'picker', 'picker-view', 'picker-view-column', 'radio', 'radio-group', 'slider',
  'switch', 'textarea', 'navigator', 'audio', 'camera', 'image', 'video', 'map', 'canvas', 'web-view', 'open-data',
  'page-meta', 'navigation-bar', 'official-account', 'share-element', 'match-media', 'functional-page-navigator',
];

let jComponent;
let windowObject;
/** What WeChat's template runtime reported while rendering (e.g. a template it could not find). */
const renderWarnings = [];

/** jsdom's DOM as the globals j-component expects, replacing Node's own Event classes (exparser needs jsdom's). */
function installDom() {
  if (jComponent) return;
  const { JSDOM } = require('jsdom');
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  windowObject = dom.window;
  for (const key of ['window', 'document', 'navigator', 'Node', 'HTMLElement', 'Element', 'Event', 'CustomEvent', 'EventTarget', 'MouseEvent', 'TouchEvent', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame']) {
    Object.defineProperty(globalThis, key, { value: key === 'window' ? windowObject : windowObject[key], configurable: true, writable: true });
  }
  // wcc's output checks the engine version it was compiled for.
  windowObject.__webview_engine_version__ = 0.02;
  for (const level of ['log', 'warn', 'error']) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      if (typeof args[0] === 'string' && args[0].startsWith('WXMLRT')) renderWarnings.push(args.join(' '));
      else original(...args);
    };
  }
  jComponent = require('j-component');
  for (const name of BUILT_IN) jComponent.register({ id: name, tagName: `wx-${name}`, template: '<slot/>' });
}

/**
 * @param {string} distDir dist/weapp
 * @param {{ dispatch(event: object): void, componentDefinition(path: string): object | undefined }} logic
 */
export function createViewLayer(distDir, logic) {
  installDom();
  const { wxmlToJs } = require('miniprogram-compiler');
  // eslint-disable-next-line no-new-func -- wcc's output is a script defining $gwx, run as WeChat's view layer does.
  const gwx = new Function(wxmlToJs(distDir))();
  const registered = new Map();

  const forward = (event) => {
    // exparser's event object is live; the logic layer gets a plain copy, as WeChat serialises it across layers.
    const plain = (target) => (target ? { id: target.id, dataset: { ...target.dataset } } : undefined);
    logic.dispatch({
      type: event.type,
      timeStamp: event.timeStamp,
      detail: event.detail ?? {},
      target: plain(event.target),
      currentTarget: plain(event.currentTarget),
      touches: event.touches ?? [],
      changedTouches: event.changedTouches ?? [],
    });
  };

  function register(path) {
    if (registered.has(path)) return registered.get(path);
    const json = JSON.parse(readFileSync(join(distDir, `${path}.json`), 'utf8'));
    const usingComponents = {};
    for (const [tag, target] of Object.entries(json.usingComponents ?? {})) {
      const resolved = join(path, '..', target).replace(/^\/+/, '');
      // `comp` uses itself: register its id first, then its definition.
      usingComponents[tag] = resolved === path ? undefined : register(resolved);
    }
    const isComponent = json.component === true;
    const logicDefinition = isComponent ? logic.componentDefinition(path) : undefined;
    const definition = {
      template: gwx(`${path}.wxml`),
      usingComponents,
      // The component's own property defaults (Taro's `comp`: i = { nn: view root }, l = ''), in this realm.
      properties: Object.fromEntries(
        Object.entries(logicDefinition?.properties ?? {}).map(([key, spec]) => [key, { type: null, value: JSON.parse(JSON.stringify(spec?.value ?? null)) }]),
      ),
      methods: { eh: forward },
    };
    if (Object.values(usingComponents).includes(undefined)) {
      const id = `sim-${path.replace(/\W/g, '-')}`;
      for (const [tag, value] of Object.entries(usingComponents)) if (value === undefined) usingComponents[tag] = id;
      definition.id = id;
    }
    const id = jComponent.register(definition);
    registered.set(path, id);
    return id;
  }

  /** Renders a page from its current data; later setData payloads of the same page update it. */
  function mount(route, data) {
    const root = jComponent.create(register(route), {});
    root.setData(data);
    const parent = windowObject.document.createElement('div');
    windowObject.document.body.appendChild(parent);
    root.attach(parent);
    return root;
  }

  return { mount, document: () => windowObject.document, warnings: renderWarnings };
}
