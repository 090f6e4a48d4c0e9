// NutUI icons' shared settings: not exported from the package's entry, but the icons read them at render time.
declare module '@nutui/icons-react-taro/dist/es/icons/internal.js' {
  export const globalConfig: { useSvg: boolean; classPrefix: string; tag: string; fontClassName: string };
}
