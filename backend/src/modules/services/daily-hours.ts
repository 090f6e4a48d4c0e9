import { type EntityManager, In } from 'typeorm';
import { MemberEntity } from '../org/entities/member.entity.js';
import { ServiceRecordEntity } from './entities/service-record.entity.js';

export interface CountOptions {
  excludeId?: string;
  confirmedOnly?: boolean;
  /** For a read that only shows the figures (a form's "still left today"): no locks, nothing is written after it. */
  unlocked?: boolean;
}

/**
 * Hours already counted for members on one day, read only after their member rows are locked for the rest of the
 * caller's transaction. Every path that adds or confirms hours (end, on-behalf entry, confirmation) goes through here,
 * so two concurrent writers for one member take turns and the second sees the first's hours: the daily cap holds.
 *
 * Counted are credited hours of confirmed records plus proposed hours of records still waiting, so two pending records
 * cannot together pass the cap (`confirmedOnly` counts credited hours alone). Open and rejected records count nothing.
 */
export async function lockedHoursThatDay(
  m: EntityManager,
  memberIds: string[],
  serviceDate: string,
  options: CountOptions = {},
): Promise<Map<string, number>> {
  const ids = [...new Set(memberIds)].sort();
  const counted = new Map(ids.map((id) => [id, 0]));
  if (ids.length === 0) return counted;
  const rowLocks = !options.unlocked && m.connection.driver.options.type !== 'better-sqlite3';
  if (rowLocks) await lockMembers(m, ids);
  const qb = m
    .getRepository(ServiceRecordEntity)
    .createQueryBuilder('r')
    .select('r.member_id', 'memberId')
    .addSelect(
      options.confirmedOnly
        ? "COALESCE(SUM(CASE WHEN r.status = 'confirmed' THEN r.hours ELSE 0 END), 0)"
        : "COALESCE(SUM(CASE WHEN r.status = 'confirmed' THEN r.hours WHEN r.status = 'pending' THEN r.proposed_hours ELSE 0 END), 0)",
      'total',
    )
    .where('r.member_id IN (:...ids) AND r.service_date = :serviceDate', { ids, serviceDate })
    .groupBy('r.member_id');
  if (options.excludeId) qb.andWhere('r.id <> :excludeId', { excludeId: options.excludeId });
  // A locking read sees the latest committed hours even if the transaction's snapshot was taken before the lock.
  // (FOR UPDATE rather than a shared lock: TypeORM writes MySQL 8's FOR SHARE, which MariaDB does not parse.)
  if (rowLocks) qb.setLock('pessimistic_write');
  for (const row of await qb.getRawMany<{ memberId: string; total: string | number | null }>()) {
    counted.set(row.memberId, Number(row.total ?? 0));
  }
  return counted;
}

/** One member's {@link lockedHoursThatDay}. */
export async function lockedHoursOfMember(
  m: EntityManager,
  memberId: string,
  serviceDate: string,
  options: CountOptions = {},
): Promise<number> {
  return (await lockedHoursThatDay(m, [memberId], serviceDate, options)).get(memberId) ?? 0;
}

/**
 * SELECT … FOR UPDATE on the member rows, in id order so two writers holding overlapping sets never wait on each other
 * crosswise. Not on SQLite: it has no row locks, and every transaction there already runs alone
 * (database/serial-sqlite-transactions.ts).
 */
async function lockMembers(m: EntityManager, ids: string[]): Promise<void> {
  await m
    .getRepository(MemberEntity)
    .createQueryBuilder('mem')
    .select('mem.id')
    .where({ id: In(ids) })
    .orderBy('mem.id', 'ASC')
    .setLock('pessimistic_write')
    .getRawMany();
}
