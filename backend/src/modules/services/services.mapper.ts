import { SERVICE_FLAGS, type ServiceFlag, type ServiceRecordView } from '@pioneer/shared-types';
import type { ServiceRecordEntity } from './entities/service-record.entity.js';

export interface ServiceRecordNames {
  memberName: string;
  communityName: string;
  deciderName: string | null;
  flags: ServiceFlag[];
  /** The record that corrects this one, if it was resubmitted. */
  resubmittedAs?: string | null;
  /** Set only for the worker who decided the record, while they may still undo it. */
  undoableUntil?: string | null;
}

/** Raw coordinates never leave the backend: the view carries the distance only. */
export function mapServiceRecord(r: ServiceRecordEntity, names: ServiceRecordNames): ServiceRecordView {
  return {
    id: r.id,
    member: { id: r.memberId, name: names.memberName },
    community: { id: r.communityId, name: names.communityName },
    status: r.status,
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt ? r.endedAt.toISOString() : null,
    startVerification: r.startVerification,
    endVerification: r.endVerification,
    distanceM: r.distanceM,
    serviceType: r.serviceType,
    description: r.description,
    hours: r.hours,
    proposedHours: r.proposedHours,
    // In the order of the shared vocabulary, so every screen lists them alike.
    flags: SERVICE_FLAGS.filter((f) => names.flags.includes(f)),
    onBehalf: r.onBehalf,
    onBehalfReason: r.onBehalfReason,
    decidedBy: r.decidedBy ? { id: r.decidedBy, name: names.deciderName ?? '' } : null,
    decisionReason: r.decisionReason,
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
    offlineClaimedAt: r.offlineClaimedAt ? r.offlineClaimedAt.toISOString() : null,
    offlineClaim: isOfflineClaim(r) || names.flags.includes('offline_claimed_time'),
    hoursReason: r.hoursReason ?? null,
    resubmittedFrom: r.resubmittedFrom ?? null,
    resubmittedAs: names.resubmittedAs ?? null,
    undoableUntil: names.undoableUntil ?? null,
  };
}

/**
 * Either end was uploaded with a time the phone claims. An end claimed without a code shows only in its flag, which
 * the view reads; this is what a decision can tell from the record alone.
 */
export function isOfflineClaim(r: Pick<ServiceRecordEntity, 'startVerification' | 'endVerification'>): boolean {
  return r.startVerification === 'offline' || r.endVerification === 'offline';
}
