import type { ActivityScopeKind, MeResponse } from '@pioneer/shared-types';
import { getMe } from '@/api/me';
import { useSignedInApi } from '@/hooks/use-signed-in-api';

/** One place an organizer may publish for, from their own organizer duties. */
export interface PublishScope {
  scopeKind: Exclude<ActivityScopeKind, 'community'>;
  scopeId: string | null;
  name: string;
}

export interface OrganizeViewer {
  me: MeResponse;
  /** Branch, unit or district duties: what an organizer may publish for (empty for someone who is not one). */
  scopes: PublishScope[];
  /** Communities this person works for: they publish those communities' needs. */
  communities: Array<{ id: string; name: string }>;
  isOrganizer: boolean;
  isWorker: boolean;
  isDistrictOrganizer: boolean;
}

const SCOPE_ORDER: Record<PublishScope['scopeKind'], number> = { district: 0, unit: 1, branch: 2 };

export function toOrganizeViewer(me: MeResponse): OrganizeViewer {
  const scopes: PublishScope[] = [];
  const communities: Array<{ id: string; name: string }> = [];
  for (const role of me.roles) {
    if (role.role === 'organizer' && (role.scopeKind === 'district' || role.scopeKind === 'unit' || role.scopeKind === 'branch')) {
      const scopeId = role.scopeKind === 'district' ? null : role.scopeId;
      if (!scopes.some((s) => s.scopeKind === role.scopeKind && s.scopeId === scopeId)) {
        scopes.push({ scopeKind: role.scopeKind, scopeId, name: role.scopeKind === 'district' ? '全区' : role.scopeName });
      }
    }
    if (role.role === 'worker' && role.scopeKind === 'community' && role.scopeId && !communities.some((c) => c.id === role.scopeId)) {
      communities.push({ id: role.scopeId, name: role.scopeName });
    }
  }
  scopes.sort((a, b) => SCOPE_ORDER[a.scopeKind] - SCOPE_ORDER[b.scopeKind]);
  return {
    me,
    scopes,
    communities,
    isOrganizer: scopes.length > 0,
    isWorker: communities.length > 0,
    isDistrictOrganizer: scopes.some((s) => s.scopeKind === 'district'),
  };
}

/** Who is looking; refreshed when the page is shown again (back from signing in). The server checks every call. */
export function useOrganizeViewer() {
  const me = useSignedInApi(getMe);
  return { signedIn: me.signedIn, viewer: me.data ? toOrganizeViewer(me.data) : undefined, error: me.error, loading: me.loading, reload: me.reload };
}
