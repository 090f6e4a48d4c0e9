import Taro from '@tarojs/taro';
import { ROUTES, TAB_ROUTES } from '@/constants/routes';

export type Route = (typeof ROUTES)[keyof typeof ROUTES];

// A failed navigation (a double tap while a page is opening) leaves the person where they are; nothing to handle.
const ignore = (): void => undefined;

/** Tab pages need switchTab; every other page is pushed. */
export function openPage(route: Route): void {
  if (TAB_ROUTES.includes(route)) {
    Taro.switchTab({ url: route }).catch(ignore);
  } else {
    Taro.navigateTo({ url: route }).catch(ignore);
  }
}

/** Back to where the person came from, or home when the page was opened directly (an H5 link). */
export function goBackOrHome(): void {
  if (Taro.getCurrentPages().length > 1) {
    Taro.navigateBack().catch(ignore);
  } else {
    Taro.switchTab({ url: ROUTES.home }).catch(ignore);
  }
}
