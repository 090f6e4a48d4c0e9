import type { MeResponse } from '@pioneer/shared-types';
import { getMe } from '@/api/me';
import { useSignedInApi } from '@/hooks/use-signed-in-api';

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
  const me = useSignedInApi(getMe);
  return { signedIn: me.signedIn, viewer: me.data ? toViewer(me.data) : undefined, error: me.error, loading: me.loading, reload: me.reload };
}
