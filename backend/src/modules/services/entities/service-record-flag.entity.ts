import type { ServiceFlag } from '@pioneer/shared-types';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One suspicion flag on one record; a row per flag, so queues filter and summaries count with plain SQL. */
@Entity('service_record_flags')
@Index('idx_service_record_flags_flag', ['flag'])
export class ServiceRecordFlagEntity {
  @PrimaryColumn({ name: 'record_id', type: 'varchar', length: 36 })
  recordId: string;

  @PrimaryColumn({ type: 'varchar', length: 30 })
  flag: ServiceFlag;

  /** Metres, seconds… whatever explains the flag to the worker. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  detail: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
