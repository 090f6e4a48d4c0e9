import type { EntityManager } from 'typeorm';
import { SignupEntity } from '../activities/entities/signup.entity.js';
import { serviceCredit, settleCredit } from '../hours/ledger.js';

/**
 * After a decision on a record (confirm, reject, undo, correction), in the same transaction: the ledger gets the
 * record's movement, and a record doing a community need carries its sign-up with it — attended while the record is
 * confirmed, back to confirmed when that is taken back. The need's hours are credited here only, through the service
 * line; the sign-up is never credited as an activity as well.
 */
export async function settleServiceRecord(
  m: EntityManager,
  record: { id: string; memberId: string; serviceDate: string; status: string; hours: number; needId: string | null },
  actorId: string,
  reason: string,
  now: Date,
): Promise<void> {
  await settleCredit(m, serviceCredit(record, actorId, reason), now);
  if (!record.needId) return;
  const signups = m.createQueryBuilder().update(SignupEntity);
  if (record.status === 'confirmed') {
    await signups
      .set({ status: 'attended' })
      .where("activity_id = :need AND member_id = :member AND status = 'confirmed'", { need: record.needId, member: record.memberId })
      .execute();
  } else {
    // Only what a record made attended goes back; a sign-up an organizer marked from a sheet stays as marked.
    await signups
      .set({ status: 'confirmed' })
      .where("activity_id = :need AND member_id = :member AND status = 'attended' AND attendance_method IS NULL", {
        need: record.needId,
        member: record.memberId,
      })
      .execute();
  }
}
