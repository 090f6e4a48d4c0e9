import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type FlagSummaryResponse,
  type Page,
  SERVICE_FLAGS,
  SERVICE_TYPE_LABELS,
  type ServiceDecisionResponse,
  type ServiceFlag,
  type ServiceRecordView,
} from '@pioneer/shared-types';
import { Brackets, type EntityManager, In, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ScopeService } from '../org/scope.service.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { AppConfig, CheckinSection } from '../../config/configuration.js';
import { AuditService } from '../audit/audit.service.js';
import { MessagesService } from '../messages/messages.service.js';
import { PendingWorkRegistry } from '../messages/pending-work.registry.js';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { pageWindow, toPage } from '../../common/http/paging.js';
import { RegistrationsService } from '../registrations/registrations.service.js';
import { Clock } from './clock.js';
import { lockedHoursOfMember, lockedHoursThatDay } from './daily-hours.js';
import type { DecideServicesDto } from './dto/decide-services.dto.js';
import type { ServiceQueueQueryDto } from './dto/list-services.dto.js';
import type { ServiceOnBehalfDto } from './dto/on-behalf.dto.js';
import { ServiceRecordFlagEntity } from './entities/service-record-flag.entity.js';
import { ServiceRecordEntity } from './entities/service-record.entity.js';
import { roomOfDay, roundToHalfHours, shanghaiDate } from './hours.js';
import { lockedOverlaps, roomWords, visitSpan } from './hours-rules.js';
import { ServiceRecordViews } from './service-record-views.service.js';
import { isOfflineClaim } from './services.mapper.js';
import { ServiceTransactions } from './service-transactions.js';
import { settleServiceRecord } from './need-signups.js';

/** The member's page of their records in the mini-program; messages open it. */
export const MY_RECORDS_LINK = '/packages/service/pages/records/index';
/** A paper sign-in sheet may be entered late, but not from long-past periods. */
const ON_BEHALF_MAX_AGE_DAYS = 90;
const MAX_VISIT_MS = 24 * 3600 * 1000;
const CLOCK_SKEW_MS = 60 * 1000;
/** Review queries join the record's member as `m`. */
const MEMBER_COLUMNS = { unit: 'm.unit_id', branch: 'm.branch_id' } as const;

type Skip = ServiceDecisionResponse['skipped'][number];

/**
 * The worker's side: the queue of their communities' records, confirming or rejecting them (one or many), entering
 * records on a member's behalf (补录), and the organizer's count of flagged records. Every decision is audited and told
 * to the member in their inbox, in the same transaction as the decision itself.
 */
@Injectable()
export class ServiceReviewService implements OnModuleInit {
  private readonly checkin: CheckinSection;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly messages: MessagesService,
    private readonly pendingWork: PendingWorkRegistry,
    private readonly registrations: RegistrationsService,
    private readonly tx: ServiceTransactions,
    private readonly views: ServiceRecordViews,
    @InjectRepository(ServiceRecordEntity) private readonly records: Repository<ServiceRecordEntity>,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(CommunityEntity) private readonly communities: Repository<CommunityEntity>,
  ) {
    this.checkin = config.getOrThrow('checkin', { infer: true });
  }

  onModuleInit(): void {
    this.pendingWork.register('services', (user) => this.pendingCount(user));
  }

  /** Worker: their communities; organizer: members in their branch/unit/district; admin: all. */
  async queue(user: AuthUser, query: ServiceQueueQueryDto): Promise<Page<ServiceRecordView>> {
    if (query.dateFrom && query.dateTo && query.dateFrom > query.dateTo) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'dateTo', message: '结束日期不能早于开始日期' }]);
    }
    const window = pageWindow(query);
    const qb = this.records.createQueryBuilder('r').innerJoin(MemberEntity, 'm', 'm.id = r.member_id');
    if (!(await this.scope.restrict(user, qb, { community: 'r.community_id', ...MEMBER_COLUMNS }))) return toPage([], 0, window);
    if (query.communityId) qb.andWhere('r.community_id = :communityId', { communityId: query.communityId });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.flagged !== undefined) {
      const exists = `EXISTS (SELECT 1 FROM service_record_flags f WHERE f.record_id = r.id)`;
      qb.andWhere(query.flagged ? exists : `NOT ${exists}`);
    }
    if (query.flag) {
      qb.andWhere('EXISTS (SELECT 1 FROM service_record_flags f1 WHERE f1.record_id = r.id AND f1.flag = :flag)', { flag: query.flag });
    }
    // YYYY-MM-DD strings sort as the days they name, so the range is a plain string comparison on the indexed column.
    if (query.dateFrom) qb.andWhere('r.service_date >= :dateFrom', { dateFrom: query.dateFrom });
    if (query.dateTo) qb.andWhere('r.service_date <= :dateTo', { dateTo: query.dateTo });
    const [rows, total] = await qb
      .orderBy('r.started_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .offset(window.skip)
      .limit(window.take)
      .getManyAndCount();
    return toPage(await this.views.many(rows, user.memberId), total, window);
  }

  async decide(user: AuthUser, dto: DecideServicesDto, ip: string): Promise<ServiceDecisionResponse> {
    const max = this.checkin.maxHoursPerDay;
    const tooMany = Object.entries(dto.hours ?? {}).filter(([, h]) => h > max);
    if (tooMany.length > 0) {
      throw new DomainException(
        'VALIDATION_FAILED',
        undefined,
        tooMany.map(([id]) => ({ field: `hours.${id}`, message: `核定时长不能超过每日上限 ${max} 小时` })),
      );
    }
    const served = new Set(await this.scope.workerCommunityIds(user));
    const found = await this.records.findBy({ id: In(dto.ids) });
    const byId = new Map(found.map((r) => [r.id, r]));
    // One read for every record's community name, not one per decision.
    const communityIds = [...new Set(found.map((r) => r.communityId))];
    const communityName = new Map(
      (communityIds.length
        ? await this.communities.find({ where: { id: In(communityIds) }, select: { id: true, name: true } })
        : []
      ).map((c) => [c.id, c.name]),
    );
    const decided: string[] = [];
    const skipped: Skip[] = [];
    for (const id of dto.ids) {
      const record = byId.get(id);
      const refusal = this.refusal(user, served, record);
      if (refusal || !record) {
        skipped.push({ id, ...(refusal ?? { code: 'NOT_FOUND', message: '记录不存在' }) });
        continue;
      }
      try {
        await this.tx.run((m) => this.decideOne(m, user, record, communityName.get(record.communityId), dto, ip));
        decided.push(id);
      } catch (error) {
        if (!(error instanceof DomainException)) throw error;
        skipped.push({ id, code: error.code, message: error.message });
      }
    }
    const records = decided.length ? await this.views.many(await this.records.findBy({ id: In(decided) }), user.memberId) : [];
    const order = new Map(decided.map((id, i) => [id, i]));
    return { decided, skipped, records: records.sort((a, b) => order.get(a.id)! - order.get(b.id)!) };
  }

  /** 补录: a worker enters one visit for several members at once (a paper sign-in sheet); confirmed at once, audited. */
  async onBehalf(user: AuthUser, dto: ServiceOnBehalfDto, ip: string): Promise<ServiceRecordView[]> {
    await this.scope.assertWorkerServes(user, dto.communityId);
    if (dto.memberIds.includes(user.memberId)) {
      throw new DomainException('OWN_RECORD', '不能为自己补录服务记录，请由其他社区工作者办理');
    }
    const now = this.clock.now();
    const startedAt = new Date(dto.startedAt);
    const endedAt = new Date(dto.endedAt);
    const invalid = (field: string, message: string) => new DomainException('VALIDATION_FAILED', undefined, [{ field, message }]);
    if (endedAt.getTime() <= startedAt.getTime()) throw invalid('endedAt', '结束时间应晚于开始时间');
    if (endedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalid('endedAt', '结束时间不能晚于当前时间');
    if (endedAt.getTime() - startedAt.getTime() > MAX_VISIT_MS) throw invalid('endedAt', '一次服务不能超过 24 小时，请分开补录');
    if (startedAt.getTime() < now.getTime() - ON_BEHALF_MAX_AGE_DAYS * 24 * 3600 * 1000) {
      throw invalid('startedAt', `只能补录 ${ON_BEHALF_MAX_AGE_DAYS} 天以内的服务`);
    }
    const approved = new Set(await this.registrations.approvedMemberIdsIn([dto.communityId]));
    const missing = dto.memberIds.filter((id) => !approved.has(id));
    if (missing.length > 0) {
      const names = (await this.members.find({ where: { id: In(missing) }, select: { id: true, name: true } })).map((m) => m.name);
      throw new DomainException(
        'REGISTRATION_REQUIRED',
        `${names.length ? names.join('、') : '所选党员'}还没有在该社区报到，不能补录`,
        { memberIds: missing },
      );
    }
    const community = await this.communities.findOneByOrFail({ id: dto.communityId });
    const serviceDate = shanghaiDate(startedAt);
    const duration = roundToHalfHours(endedAt.getTime() - startedAt.getTime());
    const saved = await this.tx.run(async (m) => {
      const repo = m.getRepository(ServiceRecordEntity);
      const out: ServiceRecordEntity[] = [];
      // Every member on the sheet is locked and counted at once, before any of their records is written.
      const counted = await lockedHoursThatDay(m, dto.memberIds, serviceDate);
      await this.assertSheetFits(m, dto.memberIds, startedAt, endedAt, duration, counted, serviceDate === shanghaiDate(now) ? '今日' : '当天');
      const hours = duration;
      for (const memberId of dto.memberIds) {
        const record = repo.create({
          memberId,
          communityId: dto.communityId,
          status: 'confirmed',
          openMemberId: null,
          startedAt,
          endedAt,
          serviceDate,
          startVerification: 'worker',
          endVerification: 'worker',
          startLat: null,
          startLng: null,
          startAccuracyM: null,
          distanceM: null,
          geofenceResult: null,
          serviceType: dto.serviceType,
          description: dto.description,
          proposedHours: hours,
          hours,
          offlineClaimedAt: null,
          onBehalf: true,
          onBehalfReason: dto.reason,
          createdBy: user.memberId,
          decidedBy: user.memberId,
          decidedAt: now,
          decisionReason: null,
        });
        await repo.insert(record);
        // Confirmed at once, so credited at once: the ledger line commits with the record.
        await settleServiceRecord(m, record, user.memberId, '补录', now);
        await this.audit.record(
          {
            actorId: user.memberId,
            action: 'service.on_behalf',
            targetType: 'service_record',
            targetId: record.id,
            ip,
            result: 'success',
            detail: { memberId, communityId: dto.communityId, hours, reason: dto.reason },
          },
          m,
        );
        await this.messages.send(
          {
            memberId,
            kind: 'service_confirmed',
            title: '社区工作者为您补录了服务记录',
            body: `${community.name}为您补录了 ${serviceDate} 的服务（${SERVICE_TYPE_LABELS[dto.serviceType]}），计入 ${hours} 小时。补录原因：${dto.reason}`,
            link: MY_RECORDS_LINK,
          },
          m,
        );
        out.push(record);
      }
      return out;
    });
    // Every field the view shows was set before the insert, so the rows need not be read back.
    return this.views.many(saved);
  }

  /**
   * Nothing on a sheet is cut down or half written: every member whose time overlaps another of their records, or whose
   * day has less room than the visit's hours, is named at once (details `memberIds.<id>`), and none is written.
   */
  private async assertSheetFits(
    m: EntityManager,
    memberIds: string[],
    startedAt: Date,
    endedAt: Date,
    hours: number,
    counted: Map<string, number>,
    day: string,
  ): Promise<void> {
    const overlaps = await lockedOverlaps(m, memberIds, startedAt, endedAt);
    const full = memberIds.filter((id) => hours > roomOfDay(counted.get(id) ?? 0, this.checkin.maxHoursPerDay));
    if (overlaps.length === 0 && full.length === 0) return;
    const troubled = [...new Set([...overlaps.map((o) => o.memberId), ...full])];
    const names = new Map(
      (await m.getRepository(MemberEntity).find({ where: { id: In(troubled) }, select: { id: true, name: true } })).map((x) => [x.id, x.name]),
    );
    const details = memberIds
      .filter((id) => troubled.includes(id))
      .map((id) => {
        const name = names.get(id) ?? '该党员';
        const parts: string[] = [];
        const first = overlaps.find((o) => o.memberId === id);
        if (first) parts.push(`${name}当天 ${visitSpan(first)} 已有服务记录`);
        if (full.includes(id)) parts.push(roomWords(roomOfDay(counted.get(id) ?? 0, this.checkin.maxHoursPerDay), first ? '' : name, day));
        return { field: `memberIds.${id}`, message: parts.join('，') };
      });
    if (overlaps.length > 0) {
      throw new DomainException('SERVICE_TIME_OVERLAP', '有党员在这段时间已有服务记录，请核对时间后再补录', details);
    }
    throw new DomainException('SERVICE_DAILY_CAP', `有党员当天可记时长不足 ${hours} 小时，请核对后再补录`, details);
  }

  /** Organizers: how many records in their scope carry each flag. Counts of records, never a ranking of people. */
  async flagSummary(user: AuthUser): Promise<FlagSummaryResponse> {
    const counts = Object.fromEntries(SERVICE_FLAGS.map((f) => [f, 0])) as Record<ServiceFlag, number>;
    const qb = this.records
      .createQueryBuilder('r')
      .innerJoin(ServiceRecordFlagEntity, 'f', 'f.record_id = r.id')
      .innerJoin(MemberEntity, 'm', 'm.id = r.member_id')
      .select('f.flag', 'flag')
      .addSelect('COUNT(DISTINCT r.id)', 'n')
      .groupBy('f.flag');
    if (!(await this.scope.restrict(user, qb, MEMBER_COLUMNS))) return { counts };
    for (const row of await qb.getRawMany<{ flag: ServiceFlag; n: string | number }>()) {
      if (row.flag in counts) counts[row.flag] = Number(row.n);
    }
    return { counts };
  }

  /** The worker's badge: records waiting for them (pending, or still open but flagged), their own excluded. */
  async pendingCount(user: AuthUser): Promise<number> {
    const communityIds = await this.scope.workerCommunityIds(user);
    if (communityIds.length === 0) return 0;
    return this.records
      .createQueryBuilder('r')
      .where('r.community_id IN (:...communityIds)', { communityIds })
      .andWhere('r.member_id <> :self', { self: user.memberId })
      .andWhere(
        new Brackets((b) => {
          b.where("r.status = 'pending'").orWhere(
            "r.status = 'open' AND EXISTS (SELECT 1 FROM service_record_flags f WHERE f.record_id = r.id)",
          );
        }),
      )
      .getCount();
  }

  /** Why this person may not decide this record, checked in an order that reveals nothing outside their scope. */
  private refusal(user: AuthUser, served: Set<string>, record: ServiceRecordEntity | undefined): Omit<Skip, 'id'> | null {
    if (!record) return { code: 'NOT_FOUND', message: '记录不存在' };
    if (!served.has(record.communityId)) return { code: 'FORBIDDEN', message: '该记录不在您负责的社区' };
    if (record.memberId === user.memberId) return { code: 'OWN_RECORD', message: '不能审核自己的服务记录' };
    if (record.status === 'confirmed' || record.status === 'rejected') return { code: 'ALREADY_DECIDED', message: '该记录已处理过' };
    if (record.status === 'open') return { code: 'CONFLICT', message: '这条记录还没有签退，签退后才能确认' };
    return null;
  }

  private async decideOne(
    m: EntityManager,
    user: AuthUser,
    record: ServiceRecordEntity,
    communityName: string | undefined,
    dto: DecideServicesDto,
    ip: string,
  ): Promise<void> {
    const now = this.clock.now();
    const repo = m.getRepository(ServiceRecordEntity);
    const confirm = dto.decision === 'confirm';
    let hours = 0;
    let endVerification = record.endVerification;
    if (confirm) {
      const credited = await lockedHoursOfMember(m, record.memberId, record.serviceDate, { excludeId: record.id, confirmedOnly: true });
      const room = roomOfDay(credited, this.checkin.maxHoursPerDay);
      const offline = isOfflineClaim(record);
      if (record.endVerification === 'code' && !offline) {
        // Both ends verified: the member's proposal stands, unless the worker credits less. Hours vouched for on other
        // records since may have filled the day: then the worker is told and chooses — nothing is cut down silently.
        const given = dto.hours?.[record.id];
        hours = given !== undefined && given < record.proposedHours ? given : record.proposedHours;
        if (hours > room) {
          throw new DomainException(
            'SERVICE_DAILY_CAP',
            room > 0
              ? `该党员当日已计入 ${credited} 小时，这条最多还可计入 ${room} 小时，请填写核定时长后再确认`
              : `该党员当日已计入 ${credited} 小时，已到每日上限，这条不能再计入时长`,
            [{ field: `hours.${record.id}`, message: room > 0 ? `最多还可计入 ${room} 小时` : '当日已到上限' }],
          );
        }
      } else {
        // The end was not scanned, or a time rests on the phone's word: hours count only when the worker vouches.
        const given = dto.hours?.[record.id];
        if (given === undefined) {
          throw new DomainException(
            'VALIDATION_FAILED',
            offline
              ? '该记录为离线补传，请核实手机记录的时间并填写核定时长后再确认'
              : '该记录签退时未扫码核验，请填写核定时长后再确认',
          );
        }
        if (given > room) {
          throw new DomainException('VALIDATION_FAILED', `该党员当日已计入 ${credited} 小时，核定时长不能超过 ${room} 小时`);
        }
        hours = given;
        endVerification = 'worker';
      }
    }
    // Conditional on "pending": of two workers deciding at once, one wins and the other is told it is done.
    const result = await repo.update(
      { id: record.id, status: 'pending' },
      {
        status: confirm ? 'confirmed' : 'rejected',
        hours,
        endVerification,
        decidedBy: user.memberId,
        decidedAt: now,
        decisionReason: dto.reason ?? null,
        // Reviewed: the raw location has served its purpose (PIPL art. 47); the distance stays.
        startLat: null,
        startLng: null,
        startAccuracyM: null,
      },
    );
    if (!result.affected) throw new DomainException('ALREADY_DECIDED');
    // A record confirmed once, undone, and confirmed again gets a correction line; the first time, its credit line.
    await settleServiceRecord(
      m,
      { ...record, status: confirm ? 'confirmed' : 'rejected', hours },
      user.memberId,
      confirm ? '重新确认' : '退回',
      now,
    );
    await this.audit.record(
      {
        actorId: user.memberId,
        action: confirm ? 'service.confirm' : 'service.reject',
        targetType: 'service_record',
        targetId: record.id,
        ip,
        result: 'success',
        detail: { memberId: record.memberId, hours, endVerification, reason: dto.reason ?? null },
      },
      m,
    );
    const where = `${record.serviceDate} 在${communityName ?? '社区'}的服务`;
    await this.messages.send(
      confirm
        ? {
            memberId: record.memberId,
            kind: 'service_confirmed',
            title: '服务记录已确认',
            body: `您 ${where}已确认，计入 ${hours} 小时。${dto.reason ? `说明：${dto.reason}` : ''}`,
            link: MY_RECORDS_LINK,
          }
        : {
            memberId: record.memberId,
            kind: 'service_rejected',
            title: '服务记录未通过',
            body: `您 ${where}未通过确认。理由：${dto.reason ?? ''}`,
            link: MY_RECORDS_LINK,
          },
      m,
    );
  }
}
