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
    pages: { login: 'pages/login/index', consoleConfirm: 'pages/console-confirm/index' },
  },
  about: {
    root: 'packages/about',
    pages: { about: 'pages/about/index', notFound: 'pages/not-found/index' },
  },
  // 意见建议: sending one and following its reply (anyone signed in); handling them (district organizers).
  suggestions: {
    root: 'packages/suggestions',
    pages: { list: 'pages/list/index', new: 'pages/new/index', detail: 'pages/detail/index', handle: 'pages/handle/index' },
  },
  // Organizers' and admins' screens (units, communities, people, roster import); mostly used from the H5 console.
  manage: {
    root: 'packages/manage',
    pages: {
      units: 'pages/units/index',
      communities: 'pages/communities/index',
      people: 'pages/people/index',
      person: 'pages/person/index',
      rosterImport: 'pages/roster-import/index',
    },
  },
  // Community workers: the rotating check-in code, the review queue, entry on a member's behalf, registration review.
  worker: {
    root: 'packages/worker',
    pages: {
      code: 'pages/code/index',
      queue: 'pages/queue/index',
      onBehalf: 'pages/on-behalf/index',
      registrations: 'pages/registrations/index',
    },
  },
  // Members reporting for duty: registering with a community, checking in, the current visit, records, the inbox.
  service: {
    root: 'packages/service',
    pages: {
      register: 'pages/register/index',
      checkin: 'pages/checkin/index',
      visit: 'pages/visit/index',
      records: 'pages/records/index',
      inbox: 'pages/inbox/index',
    },
  },
  // Members taking part: an activity or need (detail, sign-up, attendance scan, visits), hours and certificates, and
  // the public page that verifies a certificate's serial (no sign-in).
  activity: {
    root: 'packages/activity',
    pages: {
      detail: 'pages/detail/index',
      scan: 'pages/scan/index',
      visits: 'pages/visits/index',
      hours: 'pages/hours/index',
      certificate: 'pages/certificate/index',
      verify: 'pages/verify/index',
    },
  },
  // Organizers publishing and reviewing activities, workers publishing their community's needs, attendance at the door.
  organize: {
    root: 'packages/organize',
    pages: {
      list: 'pages/list/index',
      edit: 'pages/edit/index',
      review: 'pages/review/index',
      signups: 'pages/signups/index',
      attendance: 'pages/attendance/index',
      themes: 'pages/themes/index',
    },
  },
  // Pairing (结对关爱) and practical matters (实事).
  // Members caring for paired households (visits, contact on need), workers and organizers registering them; 实事.
  pairing: {
    root: 'packages/pairing',
    pages: {
      households: 'pages/households/index',
      household: 'pages/household/index',
      householdNew: 'pages/household-new/index',
      matters: 'pages/matters/index',
      matterNew: 'pages/matter-new/index',
    },
  },
  // 群众急难愁盼问题: recording a resident's problem (with an offline draft), the lists, following and handling one.
  problems: {
    root: 'packages/problems',
    pages: { new: 'pages/new/index', list: 'pages/list/index', detail: 'pages/detail/index', oversight: 'pages/oversight/index' },
  },
} as const;

/** Absolute page URLs for Taro.navigateTo / switchTab. */
export const ROUTES = {
  home: `/${TAB_PAGES.home}`,
  activities: `/${TAB_PAGES.activities}`,
  mine: `/${TAB_PAGES.mine}`,
  login: `/${SUBPACKAGES.account.root}/${SUBPACKAGES.account.pages.login}`,
  about: `/${SUBPACKAGES.about.root}/${SUBPACKAGES.about.pages.about}`,
  /** Where an unknown address (an old link, a mistyped URL) lands: says so and leads home. */
  notFound: `/${SUBPACKAGES.about.root}/${SUBPACKAGES.about.pages.notFound}`,
  consoleConfirm: `/${SUBPACKAGES.account.root}/${SUBPACKAGES.account.pages.consoleConfirm}`,
  /** My suggestions (意见建议) with their status and reply. */
  suggestions: `/${SUBPACKAGES.suggestions.root}/${SUBPACKAGES.suggestions.pages.list}`,
  suggestionNew: `/${SUBPACKAGES.suggestions.root}/${SUBPACKAGES.suggestions.pages.new}`,
  /** Opened with `?id=<suggestionId>`. */
  suggestionDetail: `/${SUBPACKAGES.suggestions.root}/${SUBPACKAGES.suggestions.pages.detail}`,
  /** District organizers (机关工委) only; others get the server's 403 message. */
  suggestionsHandle: `/${SUBPACKAGES.suggestions.root}/${SUBPACKAGES.suggestions.pages.handle}`,
  manageUnits: `/${SUBPACKAGES.manage.root}/${SUBPACKAGES.manage.pages.units}`,
  manageCommunities: `/${SUBPACKAGES.manage.root}/${SUBPACKAGES.manage.pages.communities}`,
  managePeople: `/${SUBPACKAGES.manage.root}/${SUBPACKAGES.manage.pages.people}`,
  /** Opened with `?id=<memberId>`. */
  managePerson: `/${SUBPACKAGES.manage.root}/${SUBPACKAGES.manage.pages.person}`,
  manageRosterImport: `/${SUBPACKAGES.manage.root}/${SUBPACKAGES.manage.pages.rosterImport}`,
  /** 签到码: the rotating QR a worker shows; members scan it to start and end a visit. */
  workerCode: `/${SUBPACKAGES.worker.root}/${SUBPACKAGES.worker.pages.code}`,
  /** 待确认记录: confirm or reject service records of the worker's communities. */
  workerQueue: `/${SUBPACKAGES.worker.root}/${SUBPACKAGES.worker.pages.queue}`,
  /** 代为补录: a visit entered from a paper sign-in sheet. */
  workerOnBehalf: `/${SUBPACKAGES.worker.root}/${SUBPACKAGES.worker.pages.onBehalf}`,
  /** 报到审核: pending registrations, and registering a member from a paper form. */
  workerRegistrations: `/${SUBPACKAGES.worker.root}/${SUBPACKAGES.worker.pages.registrations}`,
  /** 报到社区: my registration, choosing a community, ending it after moving house. */
  serviceRegister: `/${SUBPACKAGES.service.root}/${SUBPACKAGES.service.pages.register}`,
  /** 签到服务: start a visit by scanning the worker's code or, if the member chooses, by location. */
  serviceCheckin: `/${SUBPACKAGES.service.root}/${SUBPACKAGES.service.pages.checkin}`,
  /** The open visit and its end form. */
  serviceVisit: `/${SUBPACKAGES.service.root}/${SUBPACKAGES.service.pages.visit}`,
  /** 我的服务记录, with records still waiting to upload on top. */
  serviceRecords: `/${SUBPACKAGES.service.root}/${SUBPACKAGES.service.pages.records}`,
  /** 消息: the in-app inbox. */
  inbox: `/${SUBPACKAGES.service.root}/${SUBPACKAGES.service.pages.inbox}`,
  /** Opened with `?id=<activityId>`: an activity or a community need, with sign-up, cancel and waitlist place. */
  activityDetail: `/${SUBPACKAGES.activity.root}/${SUBPACKAGES.activity.pages.detail}`,
  /** Opened with `?id=<activityId>`: scan the activity's code at arrival and at departure. */
  activityScan: `/${SUBPACKAGES.activity.root}/${SUBPACKAGES.activity.pages.scan}`,
  /** 走访记录: my visits (returning home, visiting residents); `?activityId=` to record one for that activity. */
  activityVisits: `/${SUBPACKAGES.activity.root}/${SUBPACKAGES.activity.pages.visits}`,
  /** 我的服务时长: the ledger by year. */
  myHours: `/${SUBPACKAGES.activity.root}/${SUBPACKAGES.activity.pages.hours}`,
  /** 报到服务证明: issue one for a date range, see those issued. */
  certificate: `/${SUBPACKAGES.activity.root}/${SUBPACKAGES.activity.pages.certificate}`,
  /** Public: `?serial=` shows what that certificate states (name masked). */
  certificateVerify: `/${SUBPACKAGES.activity.root}/${SUBPACKAGES.activity.pages.verify}`,
  /** 活动管理: what the organizer (or worker, for needs) may edit, submit, review or cancel. */
  organizeList: `/${SUBPACKAGES.organize.root}/${SUBPACKAGES.organize.pages.list}`,
  /** Publish (no query) or edit (`?id=`); `?need=1` for a worker's community need. */
  organizeEdit: `/${SUBPACKAGES.organize.root}/${SUBPACKAGES.organize.pages.edit}`,
  /** 活动审核 (三审三校): district-wide activities waiting for a district organizer other than the author. */
  organizeReview: `/${SUBPACKAGES.organize.root}/${SUBPACKAGES.organize.pages.review}`,
  /** `?id=<activityId>`: who signed up, the waitlist, signing members up on their behalf. */
  organizeSignups: `/${SUBPACKAGES.organize.root}/${SUBPACKAGES.organize.pages.signups}`,
  /** `?id=<activityId>`: the rotating code at the door, the not-arrived list, marking attendance from a sheet. */
  organizeAttendance: `/${SUBPACKAGES.organize.root}/${SUBPACKAGES.organize.pages.attendance}`,
  /** 一月一主题: the monthly themes. */
  organizeThemes: `/${SUBPACKAGES.organize.root}/${SUBPACKAGES.organize.pages.themes}`,
  // Pairing (结对关爱) and practical matters (实事).
  /** 我的结对户 (members) / 结对住户 (workers, organizers): masked, with the last visit. */
  households: `/${SUBPACKAGES.pairing.root}/${SUBPACKAGES.pairing.pages.households}`,
  /** Opened with `?id=<householdId>`: details, the full contact on need, pairings, visits and 记录走访. */
  household: `/${SUBPACKAGES.pairing.root}/${SUBPACKAGES.pairing.pages.household}`,
  /** 登记结对户: a household that agreed, paired with me or (workers, organizers) with a member. */
  householdNew: `/${SUBPACKAGES.pairing.root}/${SUBPACKAGES.pairing.pages.householdNew}`,
  /** 实事: practical matters done, by year, with how many residents they helped. */
  matters: `/${SUBPACKAGES.pairing.root}/${SUBPACKAGES.pairing.pages.matters}`,
  /** 登记实事 (organizers and workers). */
  matterNew: `/${SUBPACKAGES.pairing.root}/${SUBPACKAGES.pairing.pages.matterNew}`,
  /** 登记群众问题; `?visitId=` when recorded from one of my visits. */
  problemNew: `/${SUBPACKAGES.problems.root}/${SUBPACKAGES.problems.pages.new}`,
  /** 群众问题: what I recorded and, for workers and organizers, what I handle. */
  problems: `/${SUBPACKAGES.problems.root}/${SUBPACKAGES.problems.pages.list}`,
  /** Opened with `?id=<problemId>` (also the link in the messages the server writes). */
  problemDetail: `/${SUBPACKAGES.problems.root}/${SUBPACKAGES.problems.pages.detail}`,
  /** 督办: open and overdue problems per handling unit or community (workers and organizers). */
  problemOversight: `/${SUBPACKAGES.problems.root}/${SUBPACKAGES.problems.pages.oversight}`,
} as const;

export const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.activities, ROUTES.mine];

/** `pages` of app.config: tab pages only, they must live in the main package. */
export const MAIN_PAGES: string[] = Object.values(TAB_PAGES);

export const SUBPACKAGE_CONFIG: { root: string; pages: string[] }[] = Object.values(SUBPACKAGES).map((pkg) => ({
  root: pkg.root,
  pages: Object.values(pkg.pages),
}));

export interface TabBarItem {
  pagePath: string;
  text: string;
  /** PNGs relative to src/ (WeChat needs images, ≤ 40 KB); drawn by scripts/make-tab-icons.mjs. */
  iconPath: string;
  selectedIconPath: string;
}

export const TAB_BAR_LIST: TabBarItem[] = [
  {
    pagePath: TAB_PAGES.home,
    text: '首页',
    iconPath: 'assets/tab/home.png',
    selectedIconPath: 'assets/tab/home-active.png',
  },
  {
    pagePath: TAB_PAGES.activities,
    text: '活动',
    iconPath: 'assets/tab/activities.png',
    selectedIconPath: 'assets/tab/activities-active.png',
  },
  {
    pagePath: TAB_PAGES.mine,
    text: '我的',
    iconPath: 'assets/tab/mine.png',
    selectedIconPath: 'assets/tab/mine-active.png',
  },
];
