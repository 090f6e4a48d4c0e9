import { globalConfig } from '@nutui/icons-react-taro/dist/es/icons/internal.js';

// NutUI draws its icons (the spinner of a loading button, an input's clear button, …) as an HTML <i>. Only the H5
// build can show that: WeChat has no template for an <i>, so every icon vanished from the mini-program. A <view>
// takes the same class and mask style on both.
if (process.env.TARO_ENV === 'weapp') globalConfig.tag = 'view';
