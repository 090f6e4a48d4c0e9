import Taro from '@tarojs/taro';
import { TAB_BAR_LIST, TAB_PAGES } from '@/constants/routes';

// The unread count sits on the 我的 tab, where the inbox entry is. WeChat lets only tab pages change the tab bar, so
// the tab pages call this whenever they read the count (on every show).
const MINE_TAB_INDEX = TAB_BAR_LIST.findIndex((item) => item.pagePath === TAB_PAGES.mine);

const ignore = (): void => undefined;

/** What fits on a badge: 1–99, then 99+. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}

/** Shows the count on the 我的 tab, or removes the badge at 0. */
export function showUnreadBadge(unread: number): void {
  if (MINE_TAB_INDEX < 0) return;
  if (unread > 0) {
    Taro.setTabBarBadge({ index: MINE_TAB_INDEX, text: badgeText(unread) }).catch(ignore);
  } else {
    Taro.removeTabBarBadge({ index: MINE_TAB_INDEX }).catch(ignore);
  }
}
