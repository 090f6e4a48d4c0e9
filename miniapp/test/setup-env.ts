// Taro replaces these at build time; Jest runs the H5 flavour.
process.env.TARO_ENV = 'h5';

// Compile-time switches Taro's runtime expects its bundler to define (values as in a default H5 build).
const taroBuildFlags = [
  'ENABLE_INNER_HTML',
  'ENABLE_ADJACENT_HTML',
  'ENABLE_SIZE_APIS',
  'ENABLE_TEMPLATE_CONTENT',
  'ENABLE_CLONE_NODE',
  'ENABLE_CONTAINS',
  'ENABLE_MUTATION_OBSERVER',
] as const;
for (const flag of taroBuildFlags) {
  Object.defineProperty(globalThis, flag, { value: true, configurable: true });
}
Object.defineProperty(globalThis, 'DEPRECATED_ADAPTER_COMPONENT', { value: false, configurable: true });
