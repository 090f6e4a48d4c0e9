import type { RegistrationView } from '@pioneer/shared-types';
import { rememberServiceContext } from '@/services/offline-queue';

/** The one pending or approved registration (the server allows one at a time), or null. */
export function activeRegistration(list: readonly RegistrationView[] | undefined): RegistrationView | null {
  return list?.find((item) => item.status === 'pending' || item.status === 'approved') ?? null;
}

/** The approved one, which is what checking in needs. */
export function approvedRegistration(list: readonly RegistrationView[] | undefined): RegistrationView | null {
  return list?.find((item) => item.status === 'approved') ?? null;
}

/**
 * Lets the phone remember who this is and where they may check in, so the check-in page still works without signal.
 * Without an approved registration there is nowhere to check in; an empty list says nothing about who this is.
 */
export function rememberRegistrations(list: readonly RegistrationView[]): void {
  const memberId = list[0]?.member.id;
  if (!memberId) return;
  const approved = approvedRegistration(list);
  rememberServiceContext(memberId, approved ? { id: approved.community.id, name: approved.community.name } : null);
}
