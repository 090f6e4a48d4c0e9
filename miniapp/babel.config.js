// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
const NUTUI_PACKAGES = '@nutui/nutui-react-taro/dist/es/packages';

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        // Component folders are the lower-cased export name (CellGroup -> cellgroup).
        customName: (name) => `${NUTUI_PACKAGES}/${name.toLowerCase()}`,
        // style/css pulls only this component's compiled CSS (and its dependencies'), never the 228 KB global sheet.
        customStyleName: (name) => `${NUTUI_PACKAGES}/${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
};
