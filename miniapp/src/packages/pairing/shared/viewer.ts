import type { MeResponse, Role } from '@pioneer/shared-types';
import { getMe } from '@/api/me';
import { useSignedInApi } from '@/hooks/use-signed-in-api';

export function hasRole(me: MeResponse | undefined, role: Role): boolean {
  return me !== undefined && me.roles.some((scope) => scope.role === role);
}

/** Workers and organizers register households for members and record practical matters. */
export function isStaff(me: MeResponse | undefined): boolean {
  return hasRole(me, 'worker') || hasRole(me, 'organizer');
}

/** Who is signed in, read again each time the page is shown. */
export function useViewer() {
  return useSignedInApi(getMe);
}
