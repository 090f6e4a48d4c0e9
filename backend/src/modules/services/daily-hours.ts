import type { EntityManager } from 'typeorm';
import { ServiceRecordEntity } from './entities/service-record.entity.js';

/**
 * Hours already counted for a member on one day: credited hours of confirmed records plus proposed hours of records
 * still waiting, so two pending records cannot together pass the daily cap. Open and rejected records count nothing.
 */
export async function hoursCountedThatDay(
  m: EntityManager,
  memberId: string,
  serviceDate: string,
  options: { excludeId?: string; confirmedOnly?: boolean } = {},
): Promise<number> {
  const qb = m
    .getRepository(ServiceRecordEntity)
    .createQueryBuilder('r')
    .select(
      options.confirmedOnly
        ? "COALESCE(SUM(CASE WHEN r.status = 'confirmed' THEN r.hours ELSE 0 END), 0)"
        : "COALESCE(SUM(CASE WHEN r.status = 'confirmed' THEN r.hours WHEN r.status = 'pending' THEN r.proposed_hours ELSE 0 END), 0)",
      'total',
    )
    .where('r.member_id = :memberId AND r.service_date = :serviceDate', { memberId, serviceDate });
  if (options.excludeId) qb.andWhere('r.id <> :excludeId', { excludeId: options.excludeId });
  const row = await qb.getRawOne<{ total: string | number | null }>();
  return Number(row?.total ?? 0);
}
