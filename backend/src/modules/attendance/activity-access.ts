import type { AuthUser } from '../../common/auth/auth-user.js';
import type { ScopeService } from '../org/scope.service.js';
import type { ActivityEntity } from '../activities/entities/activity.entity.js';

/**
 * Who runs an activity's attendance (shows its code, reads the board, marks a sheet): the district organizer for
 * anything; a unit organizer for activities of their unit (a branch's included); a branch organizer for their
 * branch's; for a community need, a worker of that community. Admin duties are not organizer duties.
 */
export async function runsAttendance(scope: ScopeService, user: AuthUser, activity: ActivityEntity): Promise<boolean> {
  if (scope.isDistrictOrganizer(user)) return true;
  if (activity.scopeKind === 'community') {
    const communityId = activity.communityId ?? activity.scopeId;
    return communityId !== null && (await scope.workerCommunityIds(user)).includes(communityId);
  }
  if (activity.scopeKind === 'district') return false;
  // A branch activity is published in its unit's name (unit_id), so the unit's organizer runs it too.
  const unitId = activity.scopeKind === 'unit' ? activity.scopeId : activity.unitId;
  if (unitId && user.roles.some((r) => r.role === 'organizer' && r.scopeKind === 'unit' && r.scopeId === unitId)) return true;
  return activity.scopeKind === 'branch' && activity.scopeId !== null && scope.organizerBranchIds(user).includes(activity.scopeId);
}
