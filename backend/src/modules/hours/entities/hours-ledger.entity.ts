import type { LedgerSource } from '@pioneer/shared-types';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { hoursColumn } from '../../../common/persistence/hours-column.js';

/**
 * 服务时长台账: append-only (never updated or deleted), the one source of a member's hours everywhere. A credit
 * carries `credit_key` (`signup:<id>` or `service:<id>`), unique, so nothing is credited twice; a correction has no
 * key, a reason, and may be negative.
 */
@Entity('hours_ledger')
@Index('idx_hours_ledger_member_date', ['memberId', 'serviceDate'])
@Index('uq_hours_ledger_credit_key', ['creditKey'], { unique: true })
export class HoursLedgerEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'varchar', length: 20 })
  source: LedgerSource;

  @Column({ name: 'credit_key', type: 'varchar', length: 60, nullable: true })
  creditKey: string | null;

  @Column({ name: 'activity_id', type: 'varchar', length: 36, nullable: true })
  activityId: string | null;

  @Column({ name: 'signup_id', type: 'varchar', length: 36, nullable: true })
  signupId: string | null;

  @Column({ name: 'service_record_id', type: 'varchar', length: 36, nullable: true })
  serviceRecordId: string | null;

  /** Signed hours, 0.5 steps. */
  @Column({ type: 'decimal', precision: 5, scale: 1, transformer: hoursColumn })
  hours: number;

  /** YYYY-MM-DD in Asia/Shanghai: the day the hours belong to (yearly totals group by its year). */
  @Column({ name: 'service_date', type: 'varchar', length: 10 })
  serviceDate: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  /** On a correction: the line it corrects, if any. */
  @Column({ name: 'corrects_id', type: 'varchar', length: 36, nullable: true })
  correctsId: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
