// Resolves `import { Button } from '@nutui/nutui-react-taro'` the way babel-plugin-import does in the build
// (babel.config.js): each component from its own folder, loaded on first use, never the whole library.
const cache = new Map();

module.exports = new Proxy(
  {},
  {
    get(_target, name) {
      if (name === '__esModule') return true;
      if (typeof name !== 'string' || name === 'then' || name === 'default') return undefined;
      if (!cache.has(name)) {
        cache.set(name, require(`@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`).default);
      }
      return cache.get(name);
    },
  },
);
