// The single list of pages: app.config.ts builds `pages`/`subPackages` from it and navigation uses ROUTES,
// so a page path is written exactly once.

export const TAB_PAGES = {
  home: 'pages/index/index',
  activities: 'pages/activities/index',
  mine: 'pages/mine/index',
} as const;

export const SUBPACKAGES = {
  account: {
    root: 'packages/account',
    pages: { login: 'pages/login/index' },
  },
  about: {
    root: 'packages/about',
    pages: { about: 'pages/about/index' },
  },
} as const;

/** Absolute page URLs for Taro.navigateTo / switchTab. */
export const ROUTES = {
  home: `/${TAB_PAGES.home}`,
  activities: `/${TAB_PAGES.activities}`,
  mine: `/${TAB_PAGES.mine}`,
  login: `/${SUBPACKAGES.account.root}/${SUBPACKAGES.account.pages.login}`,
  about: `/${SUBPACKAGES.about.root}/${SUBPACKAGES.about.pages.about}`,
} as const;

export const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.activities, ROUTES.mine];

/** `pages` of app.config: tab pages only, they must live in the main package. */
export const MAIN_PAGES: string[] = Object.values(TAB_PAGES);

export const SUBPACKAGE_CONFIG: { root: string; pages: string[] }[] = Object.values(SUBPACKAGES).map((pkg) => ({
  root: pkg.root,
  pages: Object.values(pkg.pages),
}));

export const TAB_BAR_LIST: { pagePath: string; text: string }[] = [
  { pagePath: TAB_PAGES.home, text: '首页' },
  { pagePath: TAB_PAGES.activities, text: '活动' },
  { pagePath: TAB_PAGES.mine, text: '我的' },
];
