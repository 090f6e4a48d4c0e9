import type { RegistrationView } from '@pioneer/shared-types';
import type { RegistrationEntity } from './entities/registration.entity.js';

export interface RegistrationNames {
  member: { name: string; unitName: string };
  community: { name: string; streetName: string };
  decidedByName: string | null;
}

/** `reason` is the latest one that explains the state: why it ended, why it was decided so, or why a worker entered it. */
export function mapRegistration(r: RegistrationEntity, names: RegistrationNames): RegistrationView {
  return {
    id: r.id,
    member: { id: r.memberId, ...names.member },
    community: { id: r.communityId, ...names.community },
    status: r.status,
    onBehalf: r.onBehalf,
    reason: r.endReason ?? r.decisionReason ?? r.onBehalfReason,
    decidedBy: r.decidedBy ? { id: r.decidedBy, name: names.decidedByName ?? '（已删除）' } : null,
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
    endedAt: r.endedAt ? r.endedAt.toISOString() : null,
  };
}
