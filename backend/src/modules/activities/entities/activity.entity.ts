import type { ActivityKind, ActivityScopeKind, ActivityStatus, NeedKind, VolunteerSubKind } from '@pioneer/shared-types';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';
import { hoursColumn } from '../../../common/persistence/hours-column.js';

/**
 * 活动, or a community need (需求清单 / 微心愿 / 服务岗位) when scopeKind is community. The counters are the
 * capacity guard: a sign-up takes a place with one conditional UPDATE (`confirmed_count < capacity`), so two backend
 * processes on one database cannot overbook, and the row lock that UPDATE takes orders the waitlist.
 */
@Entity('activities')
@Index('idx_activities_status_starts', ['status', 'startsAt'])
@Index('idx_activities_scope', ['scopeKind', 'scopeId', 'status'])
@Index('idx_activities_community', ['communityId', 'status'])
@Index('idx_activities_theme', ['themeId'])
export class ActivityEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 20 })
  kind: ActivityKind;

  @Column({ name: 'sub_kind', type: 'varchar', length: 20, nullable: true })
  subKind: VolunteerSubKind | null;

  @Column({ name: 'need_kind', type: 'varchar', length: 20, nullable: true })
  needKind: NeedKind | null;

  @Column({ name: 'theme_id', type: 'varchar', length: 36, nullable: true })
  themeId: string | null;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 100 })
  place: string;

  @Column({ name: 'community_id', type: 'varchar', length: 36, nullable: true })
  communityId: string | null;

  @Column({ name: 'starts_at', type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'datetime', precision: 3 })
  endsAt: Date;

  @Column({ name: 'signup_deadline', type: 'datetime', precision: 3 })
  signupDeadline: Date;

  @Column({ name: 'cancel_deadline', type: 'datetime', precision: 3 })
  cancelDeadline: Date;

  /** NULL: no limit. */
  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  @Column({ name: 'waitlist_limit', type: 'int', default: 0 })
  waitlistLimit: number;

  @Column({ name: 'credited_hours', type: 'decimal', precision: 4, scale: 1, transformer: hoursColumn })
  creditedHours: number;

  @Column({ name: 'scope_kind', type: 'varchar', length: 20 })
  scopeKind: ActivityScopeKind;

  /** Branch, unit or community id; NULL for the district. */
  @Column({ name: 'scope_id', type: 'varchar', length: 36, nullable: true })
  scopeId: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: ActivityStatus;

  /** The unit the activity is published in the name of (the author's unit for a branch or unit activity). */
  @Column({ name: 'unit_id', type: 'varchar', length: 36, nullable: true })
  unitId: string | null;

  @Column({ name: 'author_id', type: 'varchar', length: 36 })
  authorId: string;

  @Column({ name: 'reviewed_by', type: 'varchar', length: 36, nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'datetime', precision: 3, nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'review_note', type: 'varchar', length: 200, nullable: true })
  reviewNote: string | null;

  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;

  /**
   * Places given: sign-ups confirmed, attended or absent (a no-show held a place). Changed only by conditional UPDATEs
   * inside sign-up and cancel transactions.
   */
  @Column({ name: 'confirmed_count', type: 'int', default: 0 })
  confirmedCount: number;

  @Column({ name: 'waitlist_count', type: 'int', default: 0 })
  waitlistCount: number;

  /** Last waitlist ticket handed out: a waitlisted sign-up's order is its ticket, so positions never tie. */
  @Column({ name: 'waitlist_seq', type: 'int', default: 0 })
  waitlistSeq: number;
}
