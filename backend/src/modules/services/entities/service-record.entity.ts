import type { ServiceRecordStatus, ServiceType, VerificationMethod } from '@pioneer/shared-types';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';

// decimal comes back from mysql2 as a string; hours and coordinates are arithmetic, so numbers here.
const decimal = { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };
const hoursDecimal = { to: (v: number) => v, from: (v: string | number) => Number(v) };

export type GeofenceResult = 'inside' | 'outside' | 'inaccurate';

/** 报到服务记录: one visit of a member to the community they registered with, from start to the worker's decision. */
@Entity('service_records')
@Index('idx_service_records_member', ['memberId', 'startedAt'])
@Index('idx_service_records_member_day', ['memberId', 'serviceDate'])
@Index('idx_service_records_member_starts', ['memberId', 'onBehalf', 'startedAt', 'id'])
@Index('idx_service_records_member_decided', ['memberId', 'status', 'decidedAt'])
@Index('idx_service_records_community', ['communityId', 'status', 'startedAt'])
@Index('idx_service_records_community_day', ['communityId', 'serviceDate'])
@Index('idx_service_records_status', ['status', 'startedAt'])
@Index('idx_service_records_need', ['needId'])
export class ServiceRecordEntity extends BaseEntity {
  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'community_id', type: 'varchar', length: 36 })
  communityId: string;

  @Column({ type: 'varchar', length: 20 })
  status: ServiceRecordStatus;

  /**
   * The member id while the record is open, NULL afterwards. Its UNIQUE index is what keeps one open record per
   * member when taps or retries race (NULLs never collide, on SQLite and MySQL alike).
   */
  @Index('uq_service_records_open_member', { unique: true })
  @Column({ name: 'open_member_id', type: 'varchar', length: 36, nullable: true })
  openMemberId: string | null;

  @Column({ name: 'started_at', type: 'datetime', precision: 3 })
  startedAt: Date;

  @Column({ name: 'ended_at', type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;

  /** Calendar day of the start in Asia/Shanghai (YYYY-MM-DD): the daily hours cap is counted per this day. */
  @Column({ name: 'service_date', type: 'varchar', length: 10 })
  serviceDate: string;

  @Column({ name: 'start_verification', type: 'varchar', length: 20 })
  startVerification: VerificationMethod;

  @Column({ name: 'end_verification', type: 'varchar', length: 20, nullable: true })
  endVerification: VerificationMethod | null;

  /** Raw GCJ-02 coordinates of a location start: kept only until the record is reviewed (PIPL art. 47). */
  @Column({ name: 'start_lat', type: 'decimal', precision: 10, scale: 7, nullable: true, transformer: decimal })
  startLat: number | null;

  @Column({ name: 'start_lng', type: 'decimal', precision: 10, scale: 7, nullable: true, transformer: decimal })
  startLng: number | null;

  @Column({ name: 'start_accuracy_m', type: 'int', nullable: true })
  startAccuracyM: number | null;

  /** Metres from the community centre, kept after review (it is the result, not the track). */
  @Column({ name: 'distance_m', type: 'int', nullable: true })
  distanceM: number | null;

  @Column({ name: 'geofence_result', type: 'varchar', length: 12, nullable: true })
  geofenceResult: GeofenceResult | null;

  @Column({ name: 'service_type', type: 'varchar', length: 20, nullable: true })
  serviceType: ServiceType | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  /** What the server times suggest (0.5 h steps, capped per day); credited only on confirmation. */
  @Column({ name: 'proposed_hours', type: 'decimal', precision: 4, scale: 1, transformer: hoursDecimal })
  proposedHours: number;

  /** Credited hours: 0 until confirmed with both ends verified. */
  @Column({ type: 'decimal', precision: 4, scale: 1, transformer: hoursDecimal })
  hours: number;

  @Column({ name: 'offline_claimed_at', type: 'datetime', precision: 3, nullable: true })
  offlineClaimedAt: Date | null;

  /** 补录: entered by a worker from a paper sheet or a phone call. */
  @Column({ name: 'on_behalf', type: 'boolean' })
  onBehalf: boolean;

  @Column({ name: 'on_behalf_reason', type: 'varchar', length: 200, nullable: true })
  onBehalfReason: string | null;

  /** The member themself, or the worker who entered the record on their behalf. */
  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'decided_by', type: 'varchar', length: 36, nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_reason', type: 'varchar', length: 200, nullable: true })
  decisionReason: string | null;

  /** Why the member proposed more hours than the visit lasted (the record is flagged hours_above_duration). */
  @Column({ name: 'hours_reason', type: 'varchar', length: 200, nullable: true })
  hoursReason: string | null;

  /**
   * On a corrected record: the rejected record it replaces. UNIQUE, so a rejected record is resubmitted at most once
   * even when two requests race (NULLs never collide).
   */
  @Index('uq_service_records_resubmitted_from', { unique: true })
  @Column({ name: 'resubmitted_from', type: 'varchar', length: 36, nullable: true })
  resubmittedFrom: string | null;

  /** The community need (an activity with scopeKind community) this visit did; its hours are credited here, once. */
  @Column({ name: 'need_id', type: 'varchar', length: 36, nullable: true })
  needId: string | null;
}
