import type { ActivityEntity } from './entities/activity.entity.js';
import type { ActivityEligibilityEntity } from './entities/activity-eligibility.entity.js';

export interface EligibleMember {
  unitId: string;
  branchId: string | null;
  /** Communities the member holds an approved registration with (a community need is for them). */
  registeredCommunityIds: readonly string[];
}

/**
 * Who may sign up, as one rule for every path (the list a member sees, sign-up, on-behalf sign-up): a community need
 * is for members registered with that community; an organizer's activity is for its scope (district: everyone; unit:
 * that unit's members; branch: that branch's), narrowed to the listed units and branches when there are any.
 * The SQL of the member's list must say the same (activities.service.ts, eligibleWhere).
 */
export function isEligible(
  activity: Pick<ActivityEntity, 'scopeKind' | 'scopeId'>,
  rules: readonly Pick<ActivityEligibilityEntity, 'kind' | 'targetId'>[],
  member: EligibleMember,
): boolean {
  switch (activity.scopeKind) {
    case 'community':
      return activity.scopeId !== null && member.registeredCommunityIds.includes(activity.scopeId);
    case 'unit':
      if (member.unitId !== activity.scopeId) return false;
      break;
    case 'branch':
      if (member.branchId === null || member.branchId !== activity.scopeId) return false;
      break;
    case 'district':
      break;
  }
  if (rules.length === 0) return true;
  return rules.some(
    (r) => (r.kind === 'unit' && r.targetId === member.unitId) || (r.kind === 'branch' && r.targetId === member.branchId),
  );
}
