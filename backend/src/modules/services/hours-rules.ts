import { type EntityManager, In } from 'typeorm';
import { DomainException } from '../../common/errors/domain.exception.js';
import { ServiceRecordEntity } from './entities/service-record.entity.js';
import { defaultProposedHours, isHalfHourStep, roomOfDay, shanghaiClock } from './hours.js';
import type { RaisedFlag } from './suspicion.service.js';
import type { ServiceRecordStatus } from '@pioneer/shared-types';

export const HOURS_REASON_MIN = 2;
export const HOURS_REASON_MAX = 200;

export interface Proposal {
  hours: number;
  reason: string | null;
  /** Set when the member proposes more than the visit lasted: the confirming worker looks closer. */
  flag: RaisedFlag | null;
}

/**
 * The hours a member proposes for a visit of `durationMs`: by default its real duration (0.5 h steps, at least 0.5 h);
 * more than that only with a reason, and flagged. The day's cap is checked separately, under the member's lock.
 */
export function proposalFor(durationMs: number, proposed: number | undefined, reason: string | undefined, maxPerDay: number): Proposal {
  const actual = defaultProposedHours(durationMs);
  const invalid = (field: string, message: string) => new DomainException('VALIDATION_FAILED', undefined, [{ field, message }]);
  if (proposed !== undefined) {
    // 0 is allowed on purpose: on a day already full the member can still end the visit, recorded without hours.
    if (!isHalfHourStep(proposed) || proposed < 0) throw invalid('proposedHours', '申报时长应按 0.5 小时计');
    if (proposed > maxPerDay) throw invalid('proposedHours', `每天最多记 ${maxPerDay} 小时`);
  }
  const hours = proposed ?? actual;
  const text = reason?.trim() ?? '';
  if (hours > actual && (text.length < HOURS_REASON_MIN || text.length > HOURS_REASON_MAX)) {
    throw invalid('hoursReason', `申报时长超过实际时长（约 ${actual} 小时），请用 ${HOURS_REASON_MIN}–${HOURS_REASON_MAX} 个字说明原因`);
  }
  return {
    hours,
    reason: text.length > 0 ? text.slice(0, HOURS_REASON_MAX) : null,
    flag: hours > actual ? { flag: 'hours_above_duration', detail: `实际约 ${actual} 小时，申报 ${hours} 小时` } : null,
  };
}

/** "今日还可记 N 小时": the words a refusal over the cap and the form before it both use. */
export function roomWords(room: number, name = '', day = '今日'): string {
  return `${name}${day}还可记 ${room} 小时`;
}

/** Refuses a member's own proposal above what is left of the day; nothing is cut down silently. */
export function assertWithinDay(hours: number, counted: number, maxPerDay: number): void {
  const room = roomOfDay(counted, maxPerDay);
  if (hours > room) {
    throw new DomainException('SERVICE_DAILY_CAP', `${roomWords(room)}（每天最多 ${maxPerDay} 小时），请调整申报时长`, [
      { field: 'proposedHours', message: roomWords(room) },
    ]);
  }
}

export interface OverlappingVisit {
  id: string;
  memberId: string;
  startedAt: Date;
  endedAt: Date | null;
  status: ServiceRecordStatus;
}

/**
 * The members' records, in any community, whose time overlaps [startedAt, endedAt]: rejected ones do not count, an
 * open visit lasts until it ends. Writers read it after the member rows are locked (daily-hours.ts), as a locking read,
 * so a racing end or entry for the same member is seen; `unlocked` is for a read that only shows the visits (a form's
 * check before sending) and writes nothing after it.
 */
export async function lockedOverlaps(
  m: EntityManager,
  memberIds: string[],
  startedAt: Date,
  endedAt: Date,
  options: { excludeId?: string; unlocked?: boolean } = {},
): Promise<OverlappingVisit[]> {
  if (memberIds.length === 0) return [];
  const qb = m
    .getRepository(ServiceRecordEntity)
    .createQueryBuilder('r')
    .select(['r.id', 'r.memberId', 'r.startedAt', 'r.endedAt', 'r.status'])
    .where({ memberId: In([...new Set(memberIds)]) })
    .andWhere("r.status <> 'rejected'")
    .andWhere('r.started_at < :endedAt', { endedAt })
    .andWhere('(r.ended_at IS NULL OR r.ended_at > :startedAt)', { startedAt })
    .orderBy('r.started_at', 'ASC');
  if (options.excludeId) qb.andWhere('r.id <> :excludeId', { excludeId: options.excludeId });
  if (!options.unlocked && m.connection.driver.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write');
  return (await qb.getMany()).map((r) => ({ id: r.id, memberId: r.memberId, startedAt: r.startedAt, endedAt: r.endedAt, status: r.status }));
}

/** "09:00–10:30" in Asia/Shanghai; an open visit runs "至今". */
export function visitSpan(v: Pick<OverlappingVisit, 'startedAt' | 'endedAt'>): string {
  return `${shanghaiClock(v.startedAt)}–${v.endedAt ? shanghaiClock(v.endedAt) : '至今'}`;
}
