import { useCallback, useState } from 'react';
import type { MeResponse } from '@pioneer/shared-types';
import { getMe } from '@/api/me';
import { useApi, useRefreshOnShow } from '@/hooks/use-api';
import { isSignedIn } from '@/services/session';

/** The signed-in person and the duties these screens care about. */
export interface Viewer {
  me: MeResponse;
  isAdmin: boolean;
  isOrganizer: boolean;
}

export function toViewer(me: MeResponse): Viewer {
  return {
    me,
    isAdmin: me.roles.some((scope) => scope.role === 'admin'),
    isOrganizer: me.roles.some((scope) => scope.role === 'organizer'),
  };
}

/** Who is looking, so a page shows only what their roles allow; the server checks every call again regardless. */
export function useViewer() {
  const [signedIn, setSignedIn] = useState<boolean>(() => isSignedIn());
  const me = useApi(getMe, { enabled: signedIn });
  const reloadMe = me.reload;

  // Back from the login page, the person may have signed in (or as someone else).
  const refresh = useCallback(async (): Promise<void> => {
    const now = isSignedIn();
    setSignedIn(now);
    if (now) await reloadMe();
  }, [reloadMe]);
  useRefreshOnShow(refresh);

  return {
    signedIn,
    viewer: me.data ? toViewer(me.data) : undefined,
    error: me.error,
    loading: me.loading,
    reload: reloadMe,
  };
}
