import type { LedgerSource } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../common/errors/db-constraint.js';
import { HoursLedgerEntity } from './entities/hours-ledger.entity.js';

/**
 * Writes to the hours ledger, always inside the caller's transaction (the decision that earns the hours and its line
 * commit together or not at all). Lines are only ever inserted: a credit once per key (`service:<id>`, `signup:<id>`,
 * the unique index decides a race), and every later change as a correction line with the difference and why.
 */

/** Hours are 0.5 steps; sums of them are kept exact to one decimal. */
export const roundHours = (h: number): number => Math.round(h * 10) / 10;

export interface CreditTarget {
  memberId: string;
  source: Extract<LedgerSource, 'activity' | 'service'>;
  creditKey: string;
  activityId: string | null;
  signupId: string | null;
  serviceRecordId: string | null;
  serviceDate: string;
  /** What the ledger should hold for this credit from now on (0: nothing, e.g. undone or absent). */
  hours: number;
  actorId: string;
  /** Why the amount changed, for a correction line (the first credit needs none). */
  reason: string;
}

export interface Settled {
  /** The signed change written now (0: the ledger already held this). */
  delta: number;
  line: HoursLedgerEntity | null;
}

/**
 * Brings the ledger to `target.hours` for one credit: the first time a credit line, later a correction line with the
 * difference that points at the credit line. Reads the lines of this credit in the transaction; callers hold the row
 * that earns it (a conditional UPDATE of the record or sign-up), so two settlements of one credit do not interleave.
 */
export async function settleCredit(m: EntityManager, target: CreditTarget, now: Date): Promise<Settled> {
  const repo = m.getRepository(HoursLedgerEntity);
  const original = await repo.findOne({ where: { creditKey: target.creditKey } });
  if (!original) {
    if (target.hours === 0) return { delta: 0, line: null };
    const line = repo.create({
      id: randomUUID(),
      memberId: target.memberId,
      source: target.source,
      creditKey: target.creditKey,
      activityId: target.activityId,
      signupId: target.signupId,
      serviceRecordId: target.serviceRecordId,
      hours: roundHours(target.hours),
      serviceDate: target.serviceDate,
      reason: null,
      correctsId: null,
      createdBy: target.actorId,
      createdAt: now,
    });
    try {
      await m.createQueryBuilder().insert().into(HoursLedgerEntity).values(line).updateEntity(false).execute();
    } catch (error) {
      // Another transaction credited it first: the unique key says so, and nothing is counted twice.
      if (isUniqueViolation(error)) return { delta: 0, line: null };
      throw error;
    }
    return { delta: line.hours, line };
  }
  const held = await heldBy(m, original.id);
  const delta = roundHours(target.hours - held);
  if (delta === 0) return { delta: 0, line: null };
  const line = await insertCorrection(
    m,
    {
      memberId: original.memberId,
      hours: delta,
      serviceDate: original.serviceDate,
      reason: target.reason,
      correctsId: original.id,
      activityId: original.activityId,
      signupId: original.signupId,
      serviceRecordId: original.serviceRecordId,
      actorId: target.actorId,
    },
    now,
  );
  return { delta, line };
}

export interface CorrectionInput {
  memberId: string;
  hours: number;
  serviceDate: string;
  reason: string;
  correctsId: string | null;
  activityId: string | null;
  signupId: string | null;
  serviceRecordId: string | null;
  actorId: string;
}

export async function insertCorrection(m: EntityManager, input: CorrectionInput, now: Date): Promise<HoursLedgerEntity> {
  const line = m.getRepository(HoursLedgerEntity).create({
    id: randomUUID(),
    memberId: input.memberId,
    source: 'correction',
    creditKey: null,
    activityId: input.activityId,
    signupId: input.signupId,
    serviceRecordId: input.serviceRecordId,
    hours: roundHours(input.hours),
    serviceDate: input.serviceDate,
    reason: input.reason.slice(0, 200),
    correctsId: input.correctsId,
    createdBy: input.actorId,
    createdAt: now,
  });
  await m.createQueryBuilder().insert().into(HoursLedgerEntity).values(line).updateEntity(false).execute();
  return line;
}

/** What a credit line and the corrections pointing at it add up to. */
async function heldBy(m: EntityManager, lineId: string): Promise<number> {
  const row = await m
    .getRepository(HoursLedgerEntity)
    .createQueryBuilder('l')
    .select('COALESCE(SUM(l.hours), 0)', 'total')
    .where('l.id = :id OR l.corrects_id = :id', { id: lineId })
    .getRawOne<{ total: string | number | null }>();
  return roundHours(Number(row?.total ?? 0));
}

/** The ledger movement of a service record as it stands after a decision: its hours while confirmed, else none. */
export function serviceCredit(
  record: { id: string; memberId: string; serviceDate: string; status: string; hours: number },
  actorId: string,
  reason: string,
): CreditTarget {
  return {
    memberId: record.memberId,
    source: 'service',
    creditKey: `service:${record.id}`,
    activityId: null,
    signupId: null,
    serviceRecordId: record.id,
    serviceDate: record.serviceDate,
    hours: record.status === 'confirmed' ? record.hours : 0,
    actorId,
    reason,
  };
}
