import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ServiceFlag } from '@pioneer/shared-types';
import { type EntityManager, MoreThanOrEqual } from 'typeorm';
import type { AppConfig, CheckinSection } from '../../config/configuration.js';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { ServiceRecordEntity } from './entities/service-record.entity.js';
import { haversineMetres, type LatLng } from './geo.js';

export interface RaisedFlag {
  flag: ServiceFlag;
  detail: string | null;
}

/** Two starts closer than this are never "travel": geofence radii and phone accuracy are that coarse. */
const TRAVEL_SLACK_M = 1000;
const REJECTION_WINDOW_DAYS = 30;
const REJECTIONS_TO_FLAG = 3;

/**
 * Signals that put a record in front of a worker for a closer look. None of them refuses anything, and none depends on
 * the hour or the weekday: evenings and weekends are when in-service members serve.
 */
@Injectable()
export class SuspicionService {
  private readonly checkin: CheckinSection;

  constructor(config: ConfigService<AppConfig, true>) {
    this.checkin = config.getOrThrow('checkin', { infer: true });
  }

  /** Flags for a new start at `at` from `point` (the phone's location, or the community centre without one). */
  async forStart(m: EntityManager, memberId: string, at: Date, point: LatLng): Promise<RaisedFlag[]> {
    const since = new Date(at.getTime() - REJECTION_WINDOW_DAYS * 24 * 3600 * 1000);
    const [travel, rejections] = await Promise.all([
      this.impossibleTravel(m, memberId, at, point),
      // A short range of idx_service_records_member_decided, however many records the member has.
      m.getRepository(ServiceRecordEntity).count({ where: { memberId, status: 'rejected', decidedAt: MoreThanOrEqual(since) } }),
    ]);
    const flags: RaisedFlag[] = travel ? [travel] : [];
    if (rejections >= REJECTIONS_TO_FLAG) {
      flags.push({ flag: 'repeated_rejections', detail: `近 ${REJECTION_WINDOW_DAYS} 天内 ${rejections} 条记录未通过` });
    }
    return flags;
  }

  /**
   * The member's previous start (not entries made for them by a worker) against this one: further apart than the
   * configured speed allows for the time between. Points are the recorded coordinates while they are kept, else the
   * community centre.
   */
  private async impossibleTravel(m: EntityManager, memberId: string, at: Date, point: LatLng): Promise<RaisedFlag | null> {
    // One row, found at the top of idx_service_records_member_starts, with its community's centre joined in: the cost
    // is the same for a member's first start and their thousandth.
    const { entities, raw } = await m
      .getRepository(ServiceRecordEntity)
      .createQueryBuilder('r')
      .select(['r.id', 'r.startedAt', 'r.startLat', 'r.startLng'])
      .leftJoin(CommunityEntity, 'c', 'c.id = r.community_id')
      .addSelect('c.lat', 'centre_lat')
      .addSelect('c.lng', 'centre_lng')
      .where('r.member_id = :memberId AND r.on_behalf = :onBehalf AND r.started_at <= :at', { memberId, onBehalf: false, at })
      .orderBy('r.started_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(1)
      .getRawAndEntities<{ centre_lat: string | number | null; centre_lng: string | number | null }>();
    const previous = entities[0];
    if (!previous) return null;
    const centre = raw[0];
    let from: LatLng | null =
      previous.startLat !== null && previous.startLng !== null ? { lat: previous.startLat, lng: previous.startLng } : null;
    if (!from) {
      if (!centre || centre.centre_lat === null || centre.centre_lng === null) return null;
      from = { lat: Number(centre.centre_lat), lng: Number(centre.centre_lng) };
    }
    const metres = haversineMetres(from, point);
    if (metres <= TRAVEL_SLACK_M) return null;
    const seconds = Math.max(1, (at.getTime() - previous.startedAt.getTime()) / 1000);
    const kmh = (metres / 1000) / (seconds / 3600);
    if (kmh <= this.checkin.impossibleTravelKmh) return null;
    const minutes = Math.round(seconds / 60);
    return { flag: 'impossible_travel', detail: `与上一次签到相距约 ${Math.round(metres)} 米，间隔约 ${minutes} 分钟` };
  }
}
