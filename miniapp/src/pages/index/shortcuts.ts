import type { RoleScope, UnreadCountResponse } from '@pioneer/shared-types';
import { ROUTES } from '@/constants/routes';
import type { Route } from '@/services/navigation';

export interface Shortcut {
  /** Stable key, also the class name modifier (`home-shortcut--<key>`). */
  key: string;
  label: string;
  route: Route;
  /** Which count of /messages/unread-count to show on the tile, if any. */
  badge?: BadgeKey;
}

/** The inbox's unread count, or one of the worker's queues. */
export type BadgeKey = 'unread' | 'registrations' | 'services';

/** The tile's number from the one counts request (undefined until it has answered). */
export function badgeCount(counts: UnreadCountResponse | undefined, key: BadgeKey): number | undefined {
  if (!counts) return undefined;
  if (key === 'unread') return counts.unread;
  return counts.pendingWork?.[key];
}

const SUGGESTIONS: Shortcut = { key: 'suggestions', label: '意见建议', route: ROUTES.suggestions };

function forScope(scope: RoleScope): Shortcut[] {
  switch (scope.role) {
    case 'member':
      return [
        { key: 'service-checkin', label: '签到服务', route: ROUTES.serviceCheckin },
        { key: 'service-records', label: '我的服务记录', route: ROUTES.serviceRecords },
        { key: 'service-register', label: '报到社区', route: ROUTES.serviceRegister },
        { key: 'inbox', label: '消息', route: ROUTES.inbox, badge: 'unread' },
        { key: 'profile', label: '我的资料', route: ROUTES.mine },
      ];
    case 'worker':
      return [
        { key: 'worker-code', label: '签到码', route: ROUTES.workerCode },
        // The badges are the worker's work queues, not figures about anyone.
        { key: 'worker-queue', label: '待确认记录', route: ROUTES.workerQueue, badge: 'services' },
        { key: 'worker-registrations', label: '报到审核', route: ROUTES.workerRegistrations, badge: 'registrations' },
        { key: 'worker-on-behalf', label: '代为补录', route: ROUTES.workerOnBehalf },
      ];
    case 'organizer':
      return [
        { key: 'people', label: '人员管理', route: ROUTES.managePeople },
        { key: 'roster-import', label: '名册导入', route: ROUTES.manageRosterImport },
        // Suggestions are handled for the whole district by its organizers (机关工委).
        ...(scope.scopeKind === 'district'
          ? [{ key: 'suggestions-handle', label: '意见处理', route: ROUTES.suggestionsHandle }]
          : []),
      ];
    case 'admin':
      return [
        { key: 'units', label: '单位管理', route: ROUTES.manageUnits },
        { key: 'communities', label: '街道社区', route: ROUTES.manageCommunities },
        { key: 'accounts', label: '账号角色', route: ROUTES.managePeople },
      ];
  }
}

/**
 * The home page's shortcuts for whatever roles a person holds, each page once. 意见建议 is always there: the state
 * rules require a suggestions entry one tap away for everyone.
 */
export function shortcutsFor(roles: readonly RoleScope[]): Shortcut[] {
  const seen = new Set<string>();
  const result: Shortcut[] = [];
  for (const shortcut of [...roles.flatMap(forScope), SUGGESTIONS]) {
    if (seen.has(shortcut.route)) continue;
    seen.add(shortcut.route);
    result.push(shortcut);
  }
  return result;
}
