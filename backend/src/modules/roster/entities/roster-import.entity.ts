import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One committed roster import: who, which file (by its SHA-256), what it did. Written once, never changed. */
@Entity('roster_imports')
@Index('idx_roster_imports_actor', ['actorId'])
export class RosterImportEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'file_sha256', type: 'varchar', length: 64 })
  fileSha256: string;

  @Column({ name: 'total_rows', type: 'int' })
  totalRows: number;

  @Column({ name: 'created_count', type: 'int' })
  createdCount: number;

  @Column({ name: 'updated_count', type: 'int' })
  updatedCount: number;

  @Column({ name: 'unchanged_count', type: 'int' })
  unchangedCount: number;

  /** Transfers applied because the organizer confirmed them. */
  @Column({ name: 'transferred_count', type: 'int' })
  transferredCount: number;

  /** Transfers found but not confirmed, so left as they were. */
  @Column({ name: 'pending_transfer_count', type: 'int' })
  pendingTransferCount: number;

  @Column({ name: 'error_count', type: 'int' })
  errorCount: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @BeforeInsert()
  assignId(): void {
    if (!this.id) this.id = randomUUID();
  }
}
