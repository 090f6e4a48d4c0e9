import { MAIN_PAGES, SUBPACKAGE_CONFIG, SUBPACKAGES, TAB_BAR_LIST, TAB_PAGES } from './constants/routes';

const BRAND_RED = '#c8161d';

// Keys only WeChat understands; H5 must not see them. `process.env.TARO_ENV` is written out in full
// because Taro replaces that exact expression at build time.
const weappOnly =
  process.env.TARO_ENV === 'weapp'
    ? {
        // Fuzzy location only: check-in by location is optional and the rotating code works without it.
        requiredPrivateInfos: ['getFuzzyLocation' as const],
        permission: {
          'scope.userFuzzyLocation': { desc: '在您选择定位签到时确认您在社区附近，可不开启' },
        },
        lazyCodeLoading: 'requiredComponents',
      }
    : {};

// H5 only. Taro's H5 router hides the page left behind on a timer after the slide animation; going back before the
// timer fires left the previous page hidden (a blank home page after a quick 返回). Without the animation the page is
// hidden at once, and nothing slides for people who find motion tiring.
const h5Only = process.env.TARO_ENV === 'h5' ? { animation: false } : {};

export default defineAppConfig({
  pages: MAIN_PAGES,
  subPackages: SUBPACKAGE_CONFIG,
  preloadRule: {
    // 签到服务 is the page members open most, often on a weak signal at the community: fetched while they read home.
    [TAB_PAGES.home]: { network: 'all', packages: [SUBPACKAGES.about.root, SUBPACKAGES.service.root] },
    [TAB_PAGES.mine]: { network: 'all', packages: [SUBPACKAGES.account.root, SUBPACKAGES.about.root] },
  },
  window: {
    // WeChat draws this bar itself; on H5 it makes Taro draw one too, with a back (and home) button on inner pages.
    navigationStyle: 'default',
    navigationBarTitleText: '先锋报到',
    navigationBarBackgroundColor: BRAND_RED,
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#555555',
    selectedColor: BRAND_RED,
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: TAB_BAR_LIST,
  },
  ...weappOnly,
  ...h5Only,
});
