import type { VisitView } from '@pioneer/shared-types';
import type { ActivityEntity } from '../activities/entities/activity.entity.js';
import type { MemberEntity } from '../org/entities/member.entity.js';
import type { VisitEntity } from './entities/visit.entity.js';

export function mapVisit(
  v: VisitEntity,
  member: Pick<MemberEntity, 'id' | 'name'> | null,
  activity: Pick<ActivityEntity, 'id' | 'title' | 'kind'> | null,
): VisitView {
  return {
    id: v.id,
    member: { id: v.memberId, name: member?.name ?? '' },
    activity: activity ? { id: activity.id, title: activity.title, kind: activity.kind } : null,
    householdId: v.householdId,
    place: v.place,
    visitedOn: v.visitedOn,
    note: v.note,
    onBehalf: v.onBehalf,
    createdAt: v.createdAt.toISOString(),
  };
}
