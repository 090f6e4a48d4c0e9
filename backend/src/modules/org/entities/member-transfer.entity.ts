import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One move of a member between units (or branches), written when it happens and never changed. Names are kept as
 * they were at the time, so the history still reads right after a unit is renamed or a branch is dissolved.
 */
@Entity('member_transfers')
@Index('idx_member_transfers_member', ['memberId'])
export class MemberTransferEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'from_unit_id', type: 'varchar', length: 36 })
  fromUnitId: string;

  @Column({ name: 'from_unit_name', type: 'varchar', length: 100 })
  fromUnitName: string;

  @Column({ name: 'from_branch_id', type: 'varchar', length: 36, nullable: true })
  fromBranchId: string | null;

  @Column({ name: 'from_branch_name', type: 'varchar', length: 100, nullable: true })
  fromBranchName: string | null;

  @Column({ name: 'to_unit_id', type: 'varchar', length: 36 })
  toUnitId: string;

  @Column({ name: 'to_unit_name', type: 'varchar', length: 100 })
  toUnitName: string;

  @Column({ name: 'to_branch_id', type: 'varchar', length: 36, nullable: true })
  toBranchId: string | null;

  @Column({ name: 'to_branch_name', type: 'varchar', length: 100, nullable: true })
  toBranchName: string | null;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  /** Who made the move; null when it came from a system process. */
  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @BeforeInsert()
  assignId(): void {
    if (!this.id) this.id = randomUUID();
    // Set here rather than by the column default: SQLite's datetime('now') keeps whole seconds only, and history
    // entries made in the same second must still come out in order.
    if (!this.createdAt) this.createdAt = new Date();
  }
}
