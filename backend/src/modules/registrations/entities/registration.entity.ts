import type { RegistrationStatus } from '@pioneer/shared-types';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';

/**
 * 报到关系: one member ↔ one community. Rows are never deleted: a rejected or ended registration stays as history.
 */
@Entity('registrations')
@Index('idx_registrations_member', ['memberId', 'createdAt'])
@Index('idx_registrations_community', ['communityId', 'status', 'createdAt'])
export class RegistrationEntity extends BaseEntity {
  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'community_id', type: 'varchar', length: 36 })
  communityId: string;

  @Column({ type: 'varchar', length: 20 })
  status: RegistrationStatus;

  /**
   * The member id while pending or approved, NULL otherwise. Its UNIQUE index is what keeps one active registration
   * per member when requests race (NULLs never collide, on SQLite and MySQL alike).
   */
  @Index('uq_registrations_active_member', { unique: true })
  @Column({ name: 'active_member_id', type: 'varchar', length: 36, nullable: true })
  activeMemberId: string | null;

  /** Entered by a worker from a paper form. */
  @Column({ name: 'on_behalf', type: 'boolean' })
  onBehalf: boolean;

  @Column({ name: 'on_behalf_reason', type: 'varchar', length: 200, nullable: true })
  onBehalfReason: string | null;

  /** Who wrote the row: the member themself, or the worker entering it on their behalf. */
  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'decided_by', type: 'varchar', length: 36, nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_reason', type: 'varchar', length: 200, nullable: true })
  decisionReason: string | null;

  @Column({ name: 'ended_by', type: 'varchar', length: 36, nullable: true })
  endedBy: string | null;

  @Column({ name: 'ended_at', type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_reason', type: 'varchar', length: 200, nullable: true })
  endReason: string | null;
}
