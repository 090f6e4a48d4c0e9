import type { RoleScope } from '@pioneer/shared-types';
import { ROUTES } from '@/constants/routes';
import { shortcutsFor } from './shortcuts';

describe('shortcutsFor', () => {
  it('lists each page once for someone holding several roles, with 意见建议 always last', () => {
    const roles: RoleScope[] = [
      { role: 'member', scopeKind: 'self', scopeId: null, scopeName: '本人' },
      { role: 'organizer', scopeKind: 'district', scopeId: null, scopeName: '全区' },
      { role: 'organizer', scopeKind: 'unit', scopeId: 'u1', scopeName: '区发展和改革局' },
      { role: 'admin', scopeKind: 'system', scopeId: null, scopeName: '系统' },
    ];

    const shortcuts = shortcutsFor(roles);

    expect(shortcuts.map((shortcut) => shortcut.label)).toEqual([
      '签到服务',
      '我的服务记录',
      '报到社区',
      '消息',
      '我的资料',
      '人员管理',
      '名册导入',
      '意见处理',
      '单位管理',
      '街道社区',
      '意见建议',
    ]);
    expect(new Set(shortcuts.map((shortcut) => shortcut.route)).size).toBe(shortcuts.length);
    expect(shortcuts[shortcuts.length - 1].route).toBe(ROUTES.suggestions);
  });

  it('still offers 意见建议 to someone with no roles yet', () => {
    expect(shortcutsFor([]).map((shortcut) => shortcut.label)).toEqual(['意见建议']);
  });

  it('gives a worker of two communities the workbench once, with their own count on the queue and on registrations', () => {
    const shortcuts = shortcutsFor([
      { role: 'worker', scopeKind: 'community', scopeId: 'c1', scopeName: '向阳社区' },
      { role: 'worker', scopeKind: 'community', scopeId: 'c2', scopeName: '光明社区' },
    ]);

    expect(shortcuts.map((shortcut) => shortcut.label)).toEqual(['签到码', '待确认记录', '报到审核', '代为补录', '意见建议']);
    expect(shortcuts.filter((shortcut) => shortcut.badge).map((shortcut) => [shortcut.route, shortcut.badge])).toEqual([
      [ROUTES.workerQueue, 'services'],
      [ROUTES.workerRegistrations, 'registrations'],
    ]);
  });
});
