import { PROBLEM_OPEN_STATUSES, type ProblemAction, type ProblemDetail, type ProblemSummary } from '@pioneer/shared-types';
import { maskAddress, maskPhone } from '../../common/crypto/pii-crypto.service.js';
import { maskName } from '../hours/mask-name.js';
import type { ProblemEventEntity } from './entities/problem-event.entity.js';
import type { ProblemEntity } from './entities/problem.entity.js';

type Ref = { id: string; name: string };

export interface ProblemRefs {
  members: ReadonlyMap<string, Ref>;
  communities: ReadonlyMap<string, Ref>;
  units: ReadonlyMap<string, Ref>;
}

const EXCERPT = 60;

function ref(map: ReadonlyMap<string, Ref>, id: string | null): Ref | null {
  if (id === null) return null;
  return map.get(id) ?? { id, name: '' };
}

/** The list row: the resident's name masked, never more. */
export function mapProblemSummary(p: ProblemEntity, refs: ProblemRefs, today: string, plainName: string): ProblemSummary {
  return {
    id: p.id,
    community: ref(refs.communities, p.communityId),
    village: p.village,
    category: p.category,
    urgency: p.urgency,
    status: p.status,
    residentName: maskName(plainName),
    excerpt: [...p.description].slice(0, EXCERPT).join(''),
    deadline: p.deadline,
    overdue: PROBLEM_OPEN_STATUSES.includes(p.status) && p.deadline < today,
    recorder: ref(refs.members, p.recorderId)!,
    handlingUnit: ref(refs.units, p.handlingUnitId),
    handlingCommunity: ref(refs.communities, p.handlingCommunityId),
    duplicateOf: p.duplicateOf,
    createdAt: p.createdAt.toISOString(),
  };
}

/** The detail: name, phone and address masked; the full contact is only POST /contact. */
export function mapProblemDetail(
  p: ProblemEntity,
  refs: ProblemRefs,
  today: string,
  plain: { name: string; phone: string | null; address: string | null },
  events: ProblemEventEntity[],
  allowedActions: ProblemAction[],
  mayReadContact: boolean,
  mayRemind: boolean,
): ProblemDetail {
  return {
    ...mapProblemSummary(p, refs, today, plain.name),
    description: p.description,
    residentPhone: plain.phone === null ? null : maskPhone(plain.phone),
    residentAddress: plain.address === null ? null : maskAddress(plain.address),
    visitId: p.visitId,
    onBehalf: p.onBehalf,
    answer: p.answer,
    resolution: p.resolution,
    closeReason: p.closeReason,
    satisfaction: p.satisfaction,
    timeline: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actor: ref(refs.members, e.actorId)!,
      note: e.note,
      satisfaction: e.satisfaction,
      at: e.createdAt.toISOString(),
    })),
    allowedActions,
    mayReadContact,
    mayRemind,
  };
}
