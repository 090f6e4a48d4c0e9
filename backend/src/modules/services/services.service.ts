import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type { Page, ServiceRecordView, VerificationMethod } from '@pioneer/shared-types';
import { type EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { AppConfig, CheckinSection } from '../../config/configuration.js';
import { isUniqueViolation } from '../../common/errors/db-constraint.js';
import { pageWindow, toPage } from '../../common/http/paging.js';
import { RegistrationsService } from '../registrations/registrations.service.js';
import { CheckinCodeService, type VerifiedCode } from './checkin-code.service.js';
import { Clock } from './clock.js';
import { lockedHoursOfMember } from './daily-hours.js';
import type { EndServiceDto } from './dto/end-service.dto.js';
import type { MyServicesQueryDto } from './dto/list-services.dto.js';
import type { StartServiceDto } from './dto/start-service.dto.js';
import { type GeofenceResult, ServiceRecordEntity } from './entities/service-record.entity.js';
import { haversineMetres, type LatLng } from './geo.js';
import { capToDay, roundToHalfHours, shanghaiDate } from './hours.js';
import { addFlags } from './record-flags.js';
import { ServiceRecordViews } from './service-record-views.service.js';
import { mapServiceRecord } from './services.mapper.js';
import { ServiceTransactions } from './service-transactions.js';
import { type RaisedFlag, SuspicionService } from './suspicion.service.js';

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

    const updated = await this.tx.run(async (m) => {
      // The member's row is locked first: an on-behalf entry or a confirmation racing this end waits, then counts it.
      const counted = await lockedHoursOfMember(m, user.memberId, record.serviceDate, { excludeId: record.id });
      const proposed = capToDay(
        roundToHalfHours(endedAt.getTime() - record.startedAt.getTime()),
        counted,
        this.checkin.maxHoursPerDay,
      );
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
          proposedHours: proposed,
        },
      );
      if (!result.affected) throw new DomainException('SERVICE_NOT_OPEN');
      if (code) await this.codes.spend(m, user.memberId, code, 'end');
      if (claimed) {
        await addFlags(m, record.id, [{ flag: 'offline_claimed_time', detail: `手机记录的签退时间 ${claimed.toISOString()}` }], now);
      }
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
    await addFlags(m, record.id, plan.flags, now, { fresh: true });
    return record;
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
