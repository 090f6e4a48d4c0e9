import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { HoursLedgerEntryView, HoursLedgerPage } from '@pioneer/shared-types';
import { In, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { pageWindow } from '../../common/http/paging.js';
import { ActivityEntity } from '../activities/entities/activity.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { ScopeService } from '../org/scope.service.js';
import { Clock } from '../services/clock.js';
import { ServiceRecordEntity } from '../services/entities/service-record.entity.js';
import { isHalfHourStep, shanghaiDate } from '../services/hours.js';
import { ServiceTransactions } from '../services/service-transactions.js';
import type { HoursCorrectionDto, LedgerQueryDto } from './dto/hours.dto.js';
import { HoursLedgerEntity } from './entities/hours-ledger.entity.js';
import { insertCorrection, roundHours } from './ledger.js';

/** What a ledger line was for, looked up once per page: the activity, or the service record and its community. */
export interface LineContext {
  activities: Map<string, ActivityEntity>;
  records: Map<string, { serviceType: string | null; communityName: string | null }>;
}

/** The member's ledger (lines of a year and yearly totals) and the organizer's manual corrections. */
@Injectable()
export class HoursService {
  constructor(
    private readonly clock: Clock,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly tx: ServiceTransactions,
    @InjectRepository(HoursLedgerEntity) private readonly ledger: Repository<HoursLedgerEntity>,
    @InjectRepository(ActivityEntity) private readonly activities: Repository<ActivityEntity>,
    @InjectRepository(ServiceRecordEntity) private readonly records: Repository<ServiceRecordEntity>,
    @InjectRepository(CommunityEntity) private readonly communities: Repository<CommunityEntity>,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
  ) {}

  async myLedger(user: AuthUser, query: LedgerQueryDto): Promise<HoursLedgerPage> {
    const year = query.year ?? Number(shanghaiDate(this.clock.now()).slice(0, 4));
    const window = pageWindow(query);
    const range = { from: `${year}-01-01`, to: `${year}-12-31` };
    const [rows, total] = await this.ledger
      .createQueryBuilder('l')
      .where('l.member_id = :memberId', { memberId: user.memberId })
      .andWhere('l.service_date >= :from AND l.service_date <= :to', range)
      .orderBy('l.service_date', 'DESC')
      .addOrderBy('l.created_at', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .offset(window.skip)
      .limit(window.take)
      .getManyAndCount();
    // Yearly totals in one grouped query; service_date's first four characters are its year on both drivers.
    const yearly = await this.ledger
      .createQueryBuilder('l')
      .select('SUBSTR(l.service_date, 1, 4)', 'year')
      .addSelect('COALESCE(SUM(l.hours), 0)', 'hours')
      .where('l.member_id = :memberId', { memberId: user.memberId })
      .groupBy('SUBSTR(l.service_date, 1, 4)')
      .getRawMany<{ year: string; hours: string | number }>();
    const years = yearly
      .map((y) => ({ year: Number(y.year), hours: roundHours(Number(y.hours)) }))
      .sort((a, b) => b.year - a.year);
    const context = await this.context(rows);
    return {
      items: rows.map((l) => ledgerView(l, context)),
      page: window.page,
      pageSize: window.pageSize,
      total,
      year,
      yearTotal: years.find((y) => y.year === year)?.hours ?? 0,
      years,
    };
  }

  /** An organizer covering the member adds or takes away hours, with a reason: a correction line, audited. */
  async correct(user: AuthUser, dto: HoursCorrectionDto, ip: string): Promise<HoursLedgerEntryView> {
    const invalid = (field: string, message: string) => new DomainException('VALIDATION_FAILED', undefined, [{ field, message }]);
    if (dto.hours === 0) throw invalid('hours', '更正的时长不能为 0');
    if (!isHalfHourStep(Math.abs(dto.hours))) throw invalid('hours', '时长应按 0.5 小时计');
    const today = shanghaiDate(this.clock.now());
    if (!isCalendarDate(dto.date)) throw invalid('date', '日期无效');
    if (dto.date > today) throw invalid('date', '日期不能晚于今天');
    const reason = dto.reason.trim();
    if (reason.length < 2) throw invalid('reason', '请用 2–200 个字说明更正理由');
    const member = await this.members.findOne({ where: { id: dto.memberId }, select: { id: true, unitId: true, branchId: true } });
    if (!member) throw new DomainException('NOT_FOUND', '没有找到这位党员');
    if (!(await this.scope.organizerCovers(user, member))) throw new DomainException('FORBIDDEN', '这位党员不在您负责的范围内');
    let corrected: HoursLedgerEntity | null = null;
    if (dto.correctsId) {
      corrected = await this.ledger.findOne({ where: { id: dto.correctsId, memberId: member.id } });
      if (!corrected) throw invalid('correctsId', '没有找到这位党员的这条台账记录');
    }
    const line = await this.tx.run(async (m) => {
      const written = await insertCorrection(
        m,
        {
          memberId: member.id,
          hours: dto.hours,
          serviceDate: dto.date,
          reason,
          correctsId: corrected?.id ?? null,
          activityId: corrected?.activityId ?? null,
          signupId: corrected?.signupId ?? null,
          serviceRecordId: corrected?.serviceRecordId ?? null,
          actorId: user.memberId,
        },
        this.clock.now(),
      );
      await this.audit.record(
        {
          actorId: user.memberId,
          action: 'hours.correct',
          targetType: 'hours_ledger',
          targetId: written.id,
          ip,
          result: 'success',
          detail: { memberId: member.id, hours: written.hours, date: dto.date, reason, correctsId: written.correctsId },
        },
        m,
      );
      return written;
    });
    return ledgerView(line, await this.context([line]));
  }

  async context(lines: HoursLedgerEntity[]): Promise<LineContext> {
    const activityIds = [...new Set(lines.map((l) => l.activityId).filter((id): id is string => id !== null))];
    const recordIds = [...new Set(lines.map((l) => l.serviceRecordId).filter((id): id is string => id !== null))];
    const activities = new Map(
      (activityIds.length ? await this.activities.find({ where: { id: In(activityIds) } }) : []).map((a) => [a.id, a]),
    );
    const recordRows = recordIds.length
      ? await this.records.find({ where: { id: In(recordIds) }, select: { id: true, communityId: true, serviceType: true } })
      : [];
    const communityIds = [...new Set(recordRows.map((r) => r.communityId))];
    const names = new Map(
      (communityIds.length ? await this.communities.find({ where: { id: In(communityIds) }, select: { id: true, name: true } }) : []).map(
        (c) => [c.id, c.name],
      ),
    );
    const records = new Map(
      recordRows.map((r) => [r.id, { serviceType: r.serviceType, communityName: names.get(r.communityId) ?? null }]),
    );
    return { activities, records };
  }
}

export function ledgerView(l: HoursLedgerEntity, context: LineContext): HoursLedgerEntryView {
  const activity = l.activityId ? context.activities.get(l.activityId) : undefined;
  const record = l.serviceRecordId ? context.records.get(l.serviceRecordId) : undefined;
  return {
    id: l.id,
    source: l.source,
    hours: l.hours,
    date: l.serviceDate,
    activity: activity ? { id: activity.id, title: activity.title } : null,
    serviceRecordId: l.serviceRecordId,
    where: activity ? activity.place : (record?.communityName ?? null),
    reason: l.reason,
    createdAt: new Date(l.createdAt).toISOString(),
  };
}

/** YYYY-MM-DD naming a real day (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
}
