import { PROBLEM_OPEN_STATUSES, type ProblemAction, type ProblemStatus } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import type { MemberRef, ScopeService } from '../org/scope.service.js';
import type { ProblemEntity } from './entities/problem.entity.js';

/**
 * Who may see and act on a problem — the one place these rules live:
 *   recorder (the member who met the resident): sees it; may answer it on the spot and reopen it.
 *   dispatchers: the district organizer; a unit / branch organizer covering the recorder; a worker of the problem's
 *     community. May answer, dispatch, link a duplicate, follow up, reopen, and read the contact.
 *   handlers: organizers of the handling unit (unit scope) or the district; workers of the handling community.
 *     May start, resolve, close, follow up, and read the contact.
 *   anyone else: the problem reads as missing (404), so ids reveal nothing.
 */
export const RECORDER_ACTIONS: readonly ProblemAction[] = ['answer', 'reopen'];
export const DISPATCHER_ACTIONS: readonly ProblemAction[] = ['answer', 'dispatch', 'link_duplicate', 'follow_up', 'reopen'];
export const HANDLER_ACTIONS: readonly ProblemAction[] = ['start', 'resolve', 'close', 'follow_up'];

export interface ProblemAccess {
  recorder: boolean;
  dispatcher: boolean;
  handler: boolean;
}

export function maySee(a: ProblemAccess): boolean {
  return a.recorder || a.dispatcher || a.handler;
}

export function mayReadContact(a: ProblemAccess): boolean {
  return a.dispatcher || a.handler;
}

/** 督办 is the dispatchers' (the district, the recorder's organizers, the community's workers), while it is open. */
export function mayRemind(a: ProblemAccess, status: ProblemStatus): boolean {
  return a.dispatcher && PROBLEM_OPEN_STATUSES.includes(status);
}

export function actionsOf(a: ProblemAccess): Set<ProblemAction> {
  const all = new Set<ProblemAction>();
  if (a.recorder) RECORDER_ACTIONS.forEach((x) => all.add(x));
  if (a.dispatcher) DISPATCHER_ACTIONS.forEach((x) => all.add(x));
  if (a.handler) HANDLER_ACTIONS.forEach((x) => all.add(x));
  return all;
}

export async function accessTo(
  scope: ScopeService,
  user: AuthUser,
  p: Pick<ProblemEntity, 'recorderId' | 'communityId' | 'handlingUnitId' | 'handlingCommunityId'>,
  recorder: MemberRef | null,
  workerCommunityIds: readonly string[],
): Promise<ProblemAccess> {
  const isOrganizer = user.roles.some((r) => r.role === 'organizer');
  const district = scope.isDistrictOrganizer(user);
  const dispatcher =
    district ||
    (isOrganizer && recorder !== null && (await scope.organizerCovers(user, recorder))) ||
    (p.communityId !== null && workerCommunityIds.includes(p.communityId));
  const handler =
    (p.handlingUnitId !== null &&
      (district || user.roles.some((r) => r.role === 'organizer' && r.scopeKind === 'unit' && r.scopeId === p.handlingUnitId))) ||
    (p.handlingCommunityId !== null && workerCommunityIds.includes(p.handlingCommunityId));
  return { recorder: p.recorderId === user.memberId, dispatcher, handler };
}
