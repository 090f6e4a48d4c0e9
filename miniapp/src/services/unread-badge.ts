import Taro from '@tarojs/taro';
import { TAB_BAR_LIST, TAB_PAGES } from '@/constants/routes';

// The unread count sits on the 我的 tab, where the inbox entry is. WeChat lets only tab pages change the tab bar, so
// the tab pages call this whenever they read the count (on every show).
const MINE_TAB_INDEX = TAB_BAR_LIST.findIndex((item) => item.pagePath === TAB_PAGES.mine);
// A worker's waiting registrations and records sit on the 首页 tab, where their tiles are.
const HOME_TAB_INDEX = TAB_BAR_LIST.findIndex((item) => item.pagePath === TAB_PAGES.home);

const ignore = (): void => undefined;

/** What fits on a badge: 1–99, then 99+. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}

function showTabBadge(index: number, count: number): void {
  if (index < 0) return;
  if (count > 0) {
    Taro.setTabBarBadge({ index, text: badgeText(count) }).catch(ignore);
  } else {
    Taro.removeTabBarBadge({ index }).catch(ignore);
  }
}

/** Shows the count on the 我的 tab, or removes the badge at 0. */
export function showUnreadBadge(unread: number): void {
  showTabBadge(MINE_TAB_INDEX, unread);
}

/** Shows what waits for a worker (registrations and records together) on the 首页 tab, or removes it at 0. */
export function showWorkBadge(pending: number): void {
  showTabBadge(HOME_TAB_INDEX, pending);
}
