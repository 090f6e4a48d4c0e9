// The real @tarojs/components-react (what `h5.useHtmlComponents` builds use). Its own files import View back
// through '@tarojs/components', a cycle webpack tolerates but CommonJS does not, so View is evaluated first.
export { default as View } from '@tarojs/components-react/dist/components/view/index.js';
export * from '@tarojs/components-react';
