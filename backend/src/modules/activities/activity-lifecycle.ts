import type { ActivityScopeKind, ActivityStatus } from '@pioneer/shared-types';
import type { EntityManager } from 'typeorm';
import { DomainException } from '../../common/errors/domain.exception.js';
import { ActivityEntity } from './entities/activity.entity.js';

/**
 * The one state machine of an activity:
 *
 *   draft ──submit──▶ in_review (district-wide: 三审三校, a second district organizer approves)
 *   draft ──submit──▶ published (branch, unit, community need: the publisher's own word)
 *   in_review ──approve──▶ published      in_review ──reject (note)──▶ draft
 *   draft | in_review | published ──cancel (reason)──▶ cancelled
 *   published ──finish (after it started)──▶ finished
 *
 * Every step is one conditional UPDATE on the status it leaves, so of two concurrent submits or reviews exactly one
 * changes the row and the other gets ACTIVITY_STATE_INVALID.
 */
export type ActivityAction = 'submit' | 'approve' | 'reject' | 'cancel' | 'finish';

const FROM: Record<ActivityAction, readonly ActivityStatus[]> = {
  submit: ['draft'],
  approve: ['in_review'],
  reject: ['in_review'],
  cancel: ['draft', 'in_review', 'published'],
  finish: ['published'],
};

/** What a new activity row starts with before any step: not reviewed, not published, no sign-ups taken. */
export const NEW_ACTIVITY_STATE = {
  reviewedBy: null,
  reviewedAt: null,
  reviewNote: null,
  publishedAt: null,
  cancelReason: null,
  confirmedCount: 0,
  waitlistCount: 0,
  waitlistSeq: 0,
} as const satisfies Partial<ActivityEntity>;

/** Statuses in which the publisher may still change the activity. */
export const EDITABLE_STATUSES: readonly ActivityStatus[] = ['draft', 'in_review', 'published'];

export function targetOf(action: ActivityAction, scopeKind: ActivityScopeKind): ActivityStatus {
  switch (action) {
    case 'submit':
      return scopeKind === 'district' ? 'in_review' : 'published';
    case 'approve':
      return 'published';
    case 'reject':
      return 'draft';
    case 'cancel':
      return 'cancelled';
    case 'finish':
      return 'finished';
  }
}

export function canTake(action: ActivityAction, status: ActivityStatus): boolean {
  return FROM[action].includes(status);
}

export function assertCanTake(action: ActivityAction, status: ActivityStatus): void {
  if (!canTake(action, status)) throw new DomainException('ACTIVITY_STATE_INVALID');
}

/**
 * Moves the activity from one of the action's source statuses to its target, with the other columns the step sets.
 * Throws ACTIVITY_STATE_INVALID when the row was no longer in a source status (someone else's step came first).
 */
export async function transition(
  m: EntityManager,
  activity: Pick<ActivityEntity, 'id' | 'scopeKind'>,
  action: ActivityAction,
  set: Partial<ActivityEntity> = {},
): Promise<ActivityStatus> {
  const to = targetOf(action, activity.scopeKind);
  const result = await m
    .createQueryBuilder()
    .update(ActivityEntity)
    .set({ ...set, status: to, updatedAt: new Date() } as Partial<ActivityEntity>)
    .where('id = :id', { id: activity.id })
    .andWhere('status IN (:...from)', { from: FROM[action] })
    .execute();
  if (!result.affected) throw new DomainException('ACTIVITY_STATE_INVALID');
  return to;
}
