import type { ProblemAction, ProblemStatus } from '@pioneer/shared-types';
import type { EntityManager } from 'typeorm';
import { DomainException } from '../../common/errors/domain.exception.js';
import { ProblemEntity } from './entities/problem.entity.js';

/**
 * The one state machine of a resident's problem (the diagram is beside PROBLEM_STATUSES in shared-types). Each
 * action has the statuses it may leave and the one it reaches; every step is a single conditional UPDATE on the
 * status it leaves, so of two concurrent steps exactly one changes the row and the other gets PROBLEM_STATE_INVALID.
 */
export const PROBLEM_TRANSITIONS: Record<ProblemAction, { from: readonly ProblemStatus[]; to: ProblemStatus }> = {
  answer: { from: ['registered'], to: 'answered' },
  dispatch: { from: ['registered', 'dispatched'], to: 'dispatched' },
  start: { from: ['dispatched'], to: 'in_progress' },
  resolve: { from: ['dispatched', 'in_progress'], to: 'resolved' },
  close: { from: ['dispatched', 'in_progress'], to: 'closed_unresolved' },
  follow_up: { from: ['answered', 'resolved', 'closed_unresolved'], to: 'followed_up' },
  reopen: { from: ['answered', 'resolved', 'followed_up'], to: 'registered' },
  link_duplicate: { from: ['registered', 'dispatched', 'in_progress'], to: 'duplicate' },
};

export function canTakeProblemAction(action: ProblemAction, status: ProblemStatus): boolean {
  return PROBLEM_TRANSITIONS[action].from.includes(status);
}

/** The row's other columns each action sets besides the status (answered_at is what "answered" counts). */
export function problemChanges(action: ProblemAction, now: Date): Partial<ProblemEntity> {
  switch (action) {
    case 'answer':
    case 'resolve':
      return { answeredAt: now, closedAt: now };
    case 'close':
      return { answeredAt: null, closedAt: now };
    case 'reopen':
      // Back to the start: no longer answered, nobody handling it until it is dispatched again.
      return { answeredAt: null, closedAt: null, handlingUnitId: null, handlingCommunityId: null, satisfaction: null };
    case 'link_duplicate':
      return { answeredAt: null, closedAt: now };
    default:
      return {};
  }
}

/**
 * Moves the problem from one of the action's source statuses to its target with `set`. Throws
 * PROBLEM_STATE_INVALID when it was not in a source status any more (someone else's step came first).
 */
export async function transitionProblem(
  m: EntityManager,
  id: string,
  action: ProblemAction,
  set: Partial<ProblemEntity>,
  now: Date,
): Promise<{ from: readonly ProblemStatus[]; to: ProblemStatus }> {
  const { from, to } = PROBLEM_TRANSITIONS[action];
  const result = await m
    .createQueryBuilder()
    .update(ProblemEntity)
    .set({ ...problemChanges(action, now), ...set, status: to, updatedAt: now } as Partial<ProblemEntity>)
    .where('id = :id', { id })
    .andWhere('status IN (:...from)', { from })
    .execute();
  if (!result.affected) throw new DomainException('PROBLEM_STATE_INVALID');
  return { from, to };
}
