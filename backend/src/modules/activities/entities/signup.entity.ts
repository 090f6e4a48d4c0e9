import type { AttendanceMethod, SignupStatus } from '@pioneer/shared-types';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';
import { hoursColumn } from '../../../common/persistence/hours-column.js';

/** 报名: one per person and activity (unique), re-used when someone who cancelled signs up again. */
@Entity('activity_signups')
@Index('uq_activity_signups_activity_member', ['activityId', 'memberId'], { unique: true })
@Index('idx_activity_signups_activity_status', ['activityId', 'status', 'waitlistSeq'])
@Index('idx_activity_signups_member', ['memberId', 'status'])
export class SignupEntity extends BaseEntity {
  @Column({ name: 'activity_id', type: 'varchar', length: 36 })
  activityId: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'varchar', length: 20 })
  status: SignupStatus;

  /** The waitlist ticket (activities.waitlist_seq when it was taken); NULL unless waitlisted. */
  @Column({ name: 'waitlist_seq', type: 'int', nullable: true })
  waitlistSeq: number | null;

  @Column({ name: 'signed_up_at', type: 'datetime', precision: 3 })
  signedUpAt: Date;

  @Column({ name: 'cancelled_at', type: 'datetime', precision: 3, nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;

  @Column({ name: 'on_behalf', type: 'boolean', default: false })
  onBehalf: boolean;

  @Column({ name: 'on_behalf_reason', type: 'varchar', length: 200, nullable: true })
  onBehalfReason: string | null;

  /** The member themself, or the organizer who signed them up. */
  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'checked_in_at', type: 'datetime', precision: 3, nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'checked_out_at', type: 'datetime', precision: 3, nullable: true })
  checkedOutAt: Date | null;

  @Column({ name: 'attendance_method', type: 'varchar', length: 20, nullable: true })
  attendanceMethod: AttendanceMethod | null;

  @Column({ name: 'marked_by', type: 'varchar', length: 36, nullable: true })
  markedBy: string | null;

  /** What the ledger was credited for this sign-up (a copy for lists; the ledger is the source). */
  @Column({ name: 'credited_hours', type: 'decimal', precision: 4, scale: 1, default: 0, transformer: hoursColumn })
  creditedHours: number;

  /** For a community need: the service record doing it produced (its hours are credited there, once). */
  @Column({ name: 'service_record_id', type: 'varchar', length: 36, nullable: true })
  serviceRecordId: string | null;
}
