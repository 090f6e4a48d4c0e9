import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'pioneer-miniapp',
    // NutUI React is drawn at 375 px; authoring our own styles at the same width keeps one scale everywhere.
    designWidth: 375,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    framework: 'react',
    // Prebundling (esbuild into a cache directory) is a frequent source of broken builds; plain webpack is enough here.
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      // NutUI's per-component sheets are imported from many pages; their relative order carries no meaning.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing: the backend serves index.html at `/` and needs no rewrite rules for deep links.
      router: { mode: 'hash' },
      // Taro's React implementation of the components (plain DOM) instead of the Stencil web components: lighter
      // pages, and the same components the Jest tests render.
      useHtmlComponents: true,
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      webpackChain(chain) {
        // Taro splits only initial chunks, but pages load lazily: without this every page chunk repeats NutUI,
        // the components and the API client, which people on slow networks pay for on each new page.
        // minSize keeps shared code from being cut into many tiny files, each a round trip on a slow network.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all', minSize: 8 * 1024 });
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // The H5 build is also the desktop console: past a large phone's width the root size stops growing, so a
        // desktop screen shows more content at a readable size instead of everything doubled.
        pxtransform: { enable: true, config: { maxRootSize: 24 } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
