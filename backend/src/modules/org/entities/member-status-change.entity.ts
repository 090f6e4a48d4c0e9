import type { MemberStatus } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One change of a member's status (retired, left, transferred out, reinstated), never changed afterwards: figures
 * such as "active members during a period" need when people left, not only that they have.
 */
@Entity('member_status_changes')
@Index('idx_member_status_changes_member', ['memberId'])
export class MemberStatusChangeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'from_status', type: 'varchar', length: 20 })
  fromStatus: MemberStatus;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus: MemberStatus;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

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
