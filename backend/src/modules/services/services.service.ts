import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type { MyHoursResponse, Page, ServiceDayResponse, ServiceRecordView, VerificationMethod } from '@pioneer/shared-types';
import { type EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { AppConfig, CheckinSection } from '../../config/configuration.js';
import { isUniqueViolation } from '../../common/errors/db-constraint.js';
import { pageWindow, toPage } from '../../common/http/paging.js';
import { RegistrationsService } from '../registrations/registrations.service.js';
import { CheckinCodeService, type VerifiedCode } from './checkin-code.service.js';
import { Clock } from './clock.js';
import { lockedHoursOfMember, lockedHoursThatDay } from './daily-hours.js';
import type { EndServiceDto } from './dto/end-service.dto.js';
import type { MyServicesQueryDto } from './dto/list-services.dto.js';
import type { StartServiceDto } from './dto/start-service.dto.js';
import { type GeofenceResult, ServiceRecordEntity } from './entities/service-record.entity.js';
import { haversineMetres, type LatLng } from './geo.js';
import { roomOfDay, shanghaiDate, shanghaiDayStart } from './hours.js';
import { assertWithinDay, lockedOverlaps, proposalFor, visitSpan } from './hours-rules.js';
import type { ResubmitServiceDto } from './dto/resubmit-service.dto.js';
import type { ServiceDayQueryDto } from './dto/service-day.dto.js';
import { ServiceRecordFlagEntity } from './entities/service-record-flag.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { ScopeService } from '../org/scope.service.js';
import { addFlags } from './record-flags.js';
import { ServiceRecordViews } from './service-record-views.service.js';
import { mapServiceRecord } from './services.mapper.js';
import { ServiceTransactions } from './service-transactions.js';
import { type RaisedFlag, SuspicionService } from './suspicion.service.js';
import { ActivityEntity } from '../activities/entities/activity.entity.js';
import { SignupEntity } from '../activities/entities/signup.entity.js';
import { HoursLedgerEntity } from '../hours/entities/hours-ledger.entity.js';

/** A phone clock a little ahead of the server's is not a claim about the future. */
const CLOCK_SKEW_MS = 60 * 1000;
/** Geofence accuracy threshold: max(this, the community's radius). */
const MIN_ACCURACY_THRESHOLD_M = 50;

interface StartPlan {
  communityId: string;
  startedAt: Date;
  verification: VerificationMethod;
  code: VerifiedCode | null;
  location: { lat: number; lng: number; accuracy: number; distanceM: number; result: GeofenceResult } | null;
  point: LatLng;
  flags: RaisedFlag[];
  offlineClaimedAt: Date | null;
  /** Doing a community need: the need and the member's sign-up for it, which the record is tied to (once). */
  need: { id: string; signupId: string } | null;
}

/** A member's own visits: start (by code or, if they choose, location), end with what was done, and their records. */
@Injectable()
export class ServiceRecordsService {
  private readonly checkin: CheckinSection;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
    private readonly codes: CheckinCodeService,
    private readonly suspicion: SuspicionService,
    private readonly registrations: RegistrationsService,
    private readonly tx: ServiceTransactions,
    private readonly views: ServiceRecordViews,
    private readonly audit: AuditService,
    private readonly scope: ScopeService,
    @InjectRepository(ServiceRecordEntity) private readonly records: Repository<ServiceRecordEntity>,
  ) {
    this.checkin = config.getOrThrow('checkin', { infer: true });
  }

  async start(user: AuthUser, dto: StartServiceDto): Promise<ServiceRecordView> {
    const hasCode = dto.code !== undefined || dto.shortCode !== undefined;
    if (!hasCode && !dto.location) throw new DomainException('CHECKIN_METHOD_REQUIRED');
    const now = this.clock.now();
    const claimed = dto.offlineClaimedAt ? this.offlineTime(dto.offlineClaimedAt, now, null) : null;
    const startedAt = claimed ?? now;

    // The code is checked first: a forged or expired one says so whatever else is wrong.
    const code = hasCode ? this.codes.verify(dto, startedAt) : null;
    // One read for the registration's community and the member's name; the code must name that same community.
    const registered = await this.registrations.approvedCommunityOf(user.memberId);
    if (!registered) throw new DomainException('REGISTRATION_REQUIRED');
    const { community, memberName } = registered;
    if (code && code.communityId !== community.id) throw new DomainException('CHECKIN_CODE_WRONG_COMMUNITY');
    if (!code && dto.communityId && dto.communityId !== community.id) {
      throw new DomainException('REGISTRATION_REQUIRED', '您没有在该社区报到，只能在已报到的社区签到服务');
    }

    const need = dto.needId ? await this.needSignup(user.memberId, dto.needId, code?.communityId ?? community.id) : null;

    const centre: LatLng = { lat: community.lat, lng: community.lng };
    const plan: StartPlan = {
      communityId: community.id,
      startedAt,
      verification: claimed ? 'offline' : code ? 'code' : 'geofence',
      code,
      location: null,
      point: centre,
      flags: claimed ? [{ flag: 'offline_claimed_time', detail: `手机记录的签到时间 ${claimed.toISOString()}` }] : [],
      offlineClaimedAt: claimed,
      need,
    };
    // With a code the location adds nothing, so it is not kept (PIPL art. 6: the minimum).
    if (!code && dto.location) {
      const { lat, lng, accuracy } = dto.location;
      const distanceM = Math.round(haversineMetres(centre, { lat, lng }));
      const radius = community.geofenceRadiusM;
      const inaccurate = accuracy > Math.max(MIN_ACCURACY_THRESHOLD_M, radius);
      const outside = distanceM > radius;
      if (outside) plan.flags.push({ flag: 'geofence_outside', detail: `距社区中心约 ${distanceM} 米（范围 ${radius} 米）` });
      if (inaccurate) plan.flags.push({ flag: 'geofence_inaccurate', detail: `定位精度约 ${Math.round(accuracy)} 米` });
      plan.location = { lat, lng, accuracy, distanceM, result: inaccurate ? 'inaccurate' : outside ? 'outside' : 'inside' };
      plan.point = { lat, lng };
    }
    // Flags read history only; they need no lock, so they are worked out before the transaction.
    plan.flags.push(...(await this.suspicion.forStart(this.records.manager, user.memberId, startedAt, plan.point)));
    const record = await this.tx.run((m) => this.insertStart(m, user.memberId, plan, now));
    return mapServiceRecord(record, {
      memberName,
      communityName: community.name,
      deciderName: null,
      flags: plan.flags.map((f) => f.flag),
    });
  }

  async end(user: AuthUser, id: string, dto: EndServiceDto): Promise<ServiceRecordView> {
    const record = await this.records.findOne({ where: { id, memberId: user.memberId } });
    if (!record) throw new DomainException('NOT_FOUND', '没有找到这条服务记录');
    if (record.status !== 'open') throw new DomainException('SERVICE_NOT_OPEN');
    const now = this.clock.now();
    const claimed = dto.offlineClaimedAt ? this.offlineTime(dto.offlineClaimedAt, now, record.startedAt) : null;
    const endedAt = claimed ?? now;
    if (endedAt.getTime() < record.startedAt.getTime()) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'offlineClaimedAt', message: '签退时间不能早于签到时间' }]);
    }
    const hasCode = dto.code !== undefined || dto.shortCode !== undefined;
    const code = hasCode ? this.codes.verify({ ...dto, communityId: record.communityId }, endedAt) : null;
    if (code && code.communityId !== record.communityId) throw new DomainException('CHECKIN_CODE_WRONG_COMMUNITY');
    const endVerification: VerificationMethod | null = code ? (claimed ? 'offline' : 'code') : null;

    // The reason and the steps are checked before anything is locked; the day's room only under the member's lock.
    const proposal = proposalFor(endedAt.getTime() - record.startedAt.getTime(), dto.proposedHours, dto.hoursReason, this.checkin.maxHoursPerDay);

    const updated = await this.tx.run(async (m) => {
      // The member's row is locked first: an on-behalf entry or a confirmation racing this end waits, then counts it.
      const counted = await lockedHoursOfMember(m, user.memberId, record.serviceDate, { excludeId: record.id });
      // Only an entry made on the member's behalf can cover the same time (one open visit at a time), but it can.
      const overlap = (await lockedOverlaps(m, [user.memberId], record.startedAt, endedAt, { excludeId: record.id }))[0];
      if (overlap) {
        throw new DomainException(
          'SERVICE_TIME_OVERLAP',
          `您当天 ${visitSpan(overlap)} 已有一条服务记录（可能由社区工作者补录），这次服务与它时间重叠，请联系社区工作者核对`,
        );
      }
      assertWithinDay(proposal.hours, counted, this.checkin.maxHoursPerDay);
      // Conditional on "still open": of two ends racing, one wins and the other is told the visit is over.
      const result = await m.getRepository(ServiceRecordEntity).update(
        { id: record.id, status: 'open' },
        {
          status: 'pending',
          openMemberId: null,
          endedAt,
          endVerification,
          serviceType: dto.serviceType,
          description: dto.description,
          proposedHours: proposal.hours,
          hoursReason: proposal.reason,
        },
      );
      if (!result.affected) throw new DomainException('SERVICE_NOT_OPEN');
      if (code) await this.codes.spend(m, user.memberId, code, 'end');
      const flags: RaisedFlag[] = proposal.flag ? [proposal.flag] : [];
      if (claimed) flags.push({ flag: 'offline_claimed_time', detail: `手机记录的签退时间 ${claimed.toISOString()}` });
      await addFlags(m, record.id, flags, now);
      return m.getRepository(ServiceRecordEntity).findOneByOrFail({ id: record.id });
    });
    return this.views.one(updated);
  }

  async current(user: AuthUser): Promise<ServiceRecordView | null> {
    const record = await this.records.findOne({ where: { openMemberId: user.memberId } });
    return record ? this.views.one(record) : null;
  }

  async mine(user: AuthUser, query: MyServicesQueryDto): Promise<Page<ServiceRecordView>> {
    const window = pageWindow(query);
    const [rows, total] = await this.records.findAndCount({
      where: { memberId: user.memberId, ...(query.status ? { status: query.status } : {}) },
      order: { startedAt: 'DESC', id: 'DESC' },
      skip: window.skip,
      take: window.take,
    });
    return toPage(await this.views.many(rows), total, window);
  }

  /**
   * A rejected record corrected by its member: a new pending record with the same community, times and verification,
   * the corrected type, description and hours, linked to the first. The first stays rejected; both stay audited.
   */
  async resubmit(user: AuthUser, id: string, dto: ResubmitServiceDto, ip: string): Promise<ServiceRecordView> {
    const old = await this.records.findOne({ where: { id, memberId: user.memberId } });
    if (!old) throw new DomainException('NOT_FOUND', '没有找到这条服务记录');
    if (old.status !== 'rejected' || !old.endedAt) throw new DomainException('SERVICE_NOT_RESUBMITTABLE');
    const endedAt = old.endedAt;
    const proposal = proposalFor(endedAt.getTime() - old.startedAt.getTime(), dto.proposedHours, dto.hoursReason, this.checkin.maxHoursPerDay);
    const now = this.clock.now();
    const created = await this.tx.run(async (m) => {
      const repo = m.getRepository(ServiceRecordEntity);
      const counted = await lockedHoursOfMember(m, user.memberId, old.serviceDate);
      // Under the member's lock: a resubmission that got here first is seen, and this one is told so (not "overlap").
      const linked = repo
        .createQueryBuilder('r')
        .select(['r.id', 'r.status'])
        .where('r.id = :id OR r.resubmitted_from = :id', { id: old.id });
      if (m.connection.driver.options.type !== 'better-sqlite3') linked.setLock('pessimistic_write');
      const current = await linked.getMany();
      if (current.some((r) => r.id !== old.id) || current.find((r) => r.id === old.id)?.status !== 'rejected') {
        throw new DomainException('SERVICE_NOT_RESUBMITTABLE');
      }
      const overlap = (await lockedOverlaps(m, [user.memberId], old.startedAt, endedAt, { excludeId: old.id }))[0];
      if (overlap) {
        throw new DomainException('SERVICE_TIME_OVERLAP', `您当天 ${visitSpan(overlap)} 已有另一条服务记录，与这条时间重叠，请联系社区工作者核对`);
      }
      assertWithinDay(proposal.hours, counted, this.checkin.maxHoursPerDay);
      const record = repo.create({
        memberId: old.memberId,
        communityId: old.communityId,
        status: 'pending',
        openMemberId: null,
        startedAt: old.startedAt,
        endedAt,
        serviceDate: old.serviceDate,
        startVerification: old.startVerification,
        endVerification: old.endVerification,
        startLat: null,
        startLng: null,
        startAccuracyM: null,
        distanceM: old.distanceM,
        geofenceResult: old.geofenceResult,
        serviceType: dto.serviceType,
        description: dto.description,
        proposedHours: proposal.hours,
        hours: 0,
        offlineClaimedAt: old.offlineClaimedAt,
        onBehalf: false,
        onBehalfReason: null,
        createdBy: user.memberId,
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
        hoursReason: proposal.reason,
        resubmittedFrom: old.id,
        needId: old.needId,
        createdAt: now,
        updatedAt: now,
      });
      record.assignId();
      try {
        await m.createQueryBuilder().insert().into(ServiceRecordEntity).values(record).updateEntity(false).execute();
      } catch (error) {
        // The unique index on resubmitted_from decides a race the lock did not (SQLite, or a lock not yet taken).
        if (isUniqueViolation(error)) throw new DomainException('SERVICE_NOT_RESUBMITTABLE');
        throw error;
      }
      // What the worker saw on the first (where it was, how its times were verified) still holds for the second.
      const carried = (await m.getRepository(ServiceRecordFlagEntity).find({ where: { recordId: old.id } }))
        .filter((f) => f.flag !== 'hours_above_duration')
        .map((f) => ({ flag: f.flag, detail: f.detail }));
      await addFlags(m, record.id, [...carried, ...(proposal.flag ? [proposal.flag] : [])], now, { fresh: true });
      await this.audit.record(
        {
          actorId: user.memberId,
          action: 'service.resubmit',
          targetType: 'service_record',
          targetId: record.id,
          ip,
          result: 'success',
          detail: { resubmittedFrom: old.id, recordId: record.id, proposedHours: proposal.hours, hoursReason: proposal.reason },
        },
        m,
      );
      return record;
    });
    return this.views.one(created);
  }

  /**
   * One day's hours and visits: the member's own, or (for a worker, before entering a sheet) each listed member's, who
   * must be registered with a community the worker serves.
   */
  async day(user: AuthUser, query: ServiceDayQueryDto): Promise<ServiceDayResponse> {
    const date = query.date ?? shanghaiDate(this.clock.now());
    const isWorker = user.roles.some((r) => r.role === 'worker');
    let memberIds = [user.memberId];
    if (isWorker && query.memberIds && query.memberIds.length > 0) {
      memberIds = [...new Set(query.memberIds)];
      const approved = new Set(await this.registrations.approvedMemberIdsIn(await this.scope.workerCommunityIds(user)));
      if (memberIds.some((id) => !approved.has(id))) {
        throw new DomainException('FORBIDDEN', '所选党员不在您负责的社区');
      }
    }
    const max = this.checkin.maxHoursPerDay;
    const m = this.records.manager;
    const counted = await lockedHoursThatDay(m, memberIds, date, { unlocked: true });
    const dayStart = shanghaiDayStart(date);
    const dayEnd = new Date(dayStart.getTime() + 24 * 3600 * 1000);
    // Visits touching the day, a visit across midnight included: what a form checks new times against.
    const visits = await lockedOverlaps(m, memberIds, dayStart, dayEnd, { unlocked: true });
    return {
      date,
      maxHoursPerDay: max,
      members: memberIds.map((memberId) => {
        const total = counted.get(memberId) ?? 0;
        return {
          memberId,
          counted: total,
          remaining: roomOfDay(total, max),
          visits: visits
            .filter((v) => v.memberId === memberId)
            .map((v) => ({ id: v.id, startedAt: v.startedAt.toISOString(), endedAt: v.endedAt?.toISOString() ?? null, status: v.status })),
        };
      }),
    };
  }

  /**
   * The member's hours this month and this year: confirmed from the ledger (the one source of hours, activities and
   * corrections included), still waiting from the pending records.
   */
  async myHours(user: AuthUser): Promise<MyHoursResponse> {
    const today = shanghaiDate(this.clock.now());
    const yearKey = today.slice(0, 4);
    const monthKey = today.slice(0, 7);
    const year = { yearStart: `${yearKey}-01-01`, yearEnd: `${yearKey}-12-31` };
    // service_date is YYYY-MM-DD text, so day ranges compare as strings; "-31" closes every month.
    const month = { monthStart: `${monthKey}-01`, monthEnd: `${monthKey}-31` };
    const ledger = await this.records.manager
      .getRepository(HoursLedgerEntity)
      .createQueryBuilder('l')
      .select('COALESCE(SUM(CASE WHEN l.service_date >= :monthStart AND l.service_date <= :monthEnd THEN l.hours ELSE 0 END), 0)', 'month')
      .addSelect('COALESCE(SUM(l.hours), 0)', 'year')
      .where('l.member_id = :memberId', { memberId: user.memberId })
      .andWhere('l.service_date >= :yearStart AND l.service_date <= :yearEnd', year)
      .setParameters(month)
      .getRawOne<Record<'month' | 'year', string | number | null>>();
    const inMonth = 'r.service_date >= :monthStart AND r.service_date <= :monthEnd';
    const pending = await this.records
      .createQueryBuilder('r')
      .select(`COALESCE(SUM(CASE WHEN ${inMonth} THEN r.proposed_hours ELSE 0 END), 0)`, 'month')
      .addSelect('COALESCE(SUM(r.proposed_hours), 0)', 'year')
      .where('r.member_id = :memberId', { memberId: user.memberId })
      .andWhere("r.status = 'pending'")
      .andWhere('r.service_date >= :yearStart AND r.service_date <= :yearEnd', year)
      .setParameters(month)
      .getRawOne<Record<'month' | 'year', string | number | null>>();
    const n = (v: string | number | null | undefined) => Math.round(Number(v ?? 0) * 10) / 10;
    return {
      month: { confirmed: n(ledger?.month), pending: n(pending?.month) },
      year: { confirmed: n(ledger?.year), pending: n(pending?.year) },
      monthKey,
      yearKey,
    };
  }

  private async insertStart(m: EntityManager, memberId: string, plan: StartPlan, now: Date): Promise<ServiceRecordEntity> {
    const repo = m.getRepository(ServiceRecordEntity);
    const record = repo.create({
      memberId,
      communityId: plan.communityId,
      status: 'open',
      openMemberId: memberId,
      startedAt: plan.startedAt,
      endedAt: null,
      serviceDate: shanghaiDate(plan.startedAt),
      startVerification: plan.verification,
      endVerification: null,
      startLat: plan.location?.lat ?? null,
      startLng: plan.location?.lng ?? null,
      startAccuracyM: plan.location ? Math.round(plan.location.accuracy) : null,
      distanceM: plan.location?.distanceM ?? null,
      geofenceResult: plan.location?.result ?? null,
      serviceType: null,
      description: null,
      proposedHours: 0,
      hours: 0,
      offlineClaimedAt: plan.offlineClaimedAt,
      onBehalf: false,
      onBehalfReason: null,
      createdBy: memberId,
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
      needId: plan.need?.id ?? null,
      createdAt: now,
      updatedAt: now,
    });
    record.assignId();
    try {
      // Every value is known here, so TypeORM need not read the row back. The unique index on open_member_id is what
      // refuses a second open visit, on both drivers.
      await m.createQueryBuilder().insert().into(ServiceRecordEntity).values(record).updateEntity(false).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException('SERVICE_ALREADY_OPEN');
      throw error;
    }
    if (plan.code) await this.codes.spend(m, memberId, plan.code, 'start');
    if (plan.need) {
      // Conditional: a sign-up is done by one visit, so a second start for the same need is refused, even racing.
      const tied = await m
        .createQueryBuilder()
        .update(SignupEntity)
        .set({ serviceRecordId: record.id })
        .where("id = :id AND status = 'confirmed' AND service_record_id IS NULL", { id: plan.need.signupId })
        .execute();
      if (!tied.affected) {
        throw new DomainException('SIGNUP_EXISTS', '这项社区需求您已经签到过了，请在服务记录中查看');
      }
    }
    await addFlags(m, record.id, plan.flags, now, { fresh: true });
    return record;
  }

  /**
   * A visit doing a community need: the member holds a confirmed sign-up for it, and the need belongs to the community
   * the visit is checked in at.
   */
  private async needSignup(memberId: string, needId: string, communityId: string): Promise<{ id: string; signupId: string }> {
    const m = this.records.manager;
    const need = await m.getRepository(ActivityEntity).findOne({ where: { id: needId } });
    if (!need || need.scopeKind !== 'community') {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'needId', message: '没有找到这项社区需求' }]);
    }
    const signup = await m.getRepository(SignupEntity).findOne({ where: { activityId: need.id, memberId } });
    if (!signup || signup.status !== 'confirmed') {
      throw new DomainException('SIGNUP_NOT_FOUND', '您还没有报名这项社区需求，或报名已取消，不能按这项需求签到');
    }
    if (signup.serviceRecordId) throw new DomainException('SIGNUP_EXISTS', '这项社区需求您已经签到过了，请在服务记录中查看');
    if ((need.communityId ?? need.scopeId) !== communityId) {
      throw new DomainException('VALIDATION_FAILED', undefined, [
        { field: 'needId', message: '这项需求不属于您签到的社区，请扫描该需求所在社区的签到码' },
      ]);
    }
    return { id: need.id, signupId: signup.id };
  }

  /**
   * A time kept on the phone while offline: in the past (allowing a little clock skew) and within the offline window.
   * The window is also what bounds a code claimed as scanned then: a photographed code is worth no more than it.
   */
  private offlineTime(raw: string, now: Date, notBefore: Date | null): Date {
    const at = new Date(raw);
    const field = 'offlineClaimedAt';
    if (Number.isNaN(at.getTime())) throw new DomainException('VALIDATION_FAILED', undefined, [{ field, message: '离线记录的时间格式不正确' }]);
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field, message: '离线记录的时间不能晚于当前时间，请检查手机时间' }]);
    }
    const hours = this.checkin.offlineMaxHours;
    if (at.getTime() < now.getTime() - hours * 3600 * 1000) {
      throw new DomainException('VALIDATION_FAILED', undefined, [
        { field, message: `离线记录超过 ${hours} 小时，不能再上传，请联系社区工作者为您补录` },
      ]);
    }
    if (notBefore && at.getTime() < notBefore.getTime()) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field, message: '签退时间不能早于签到时间' }]);
    }
    // A claim slightly ahead of the server is taken as "now", so a visit never ends in the server's future.
    return at.getTime() > now.getTime() ? now : at;
  }
}
