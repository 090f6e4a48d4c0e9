// Component tests run the H5 flavour of the code in jsdom.
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic' } },
    target: 'es2020',
  },
  module: { type: 'commonjs' },
};

// ESM-only packages in node_modules that Jest (CommonJS) must compile too.
const esmPackages = ['@tarojs', '@nutui', '@stencil', 'swiper', 'ssr-window', 'dom7', 'tslib', '\\.pnpm'].join('|');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.ts?(x)'],
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup-after-env.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', swcOptions],
    '^.+\\.mjs$': ['@swc/jest', swcOptions],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages})/)`],
  moduleNameMapper: {
    '\\.(css|scss|sass)$': '<rootDir>/test/style-stub.js',
    // The platform API (request, storage, navigation, page hooks) is the one thing replaced, by an in-memory double.
    '^@tarojs/taro$': '<rootDir>/test/taro-mock.ts',
    // Taro's own React implementation of the H5 components, as `h5.useHtmlComponents` builds use.
    '^@tarojs/components$': '<rootDir>/test/taro-components.js',
    // Mirrors babel-plugin-import in babel.config.js: one folder per component.
    '^@nutui/nutui-react-taro$': '<rootDir>/test/nutui-import.js',
    '^@test/(.*)$': '<rootDir>/test/$1',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
};
