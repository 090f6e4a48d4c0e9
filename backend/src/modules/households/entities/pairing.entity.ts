import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';

/** One member's pairing with one household, from a day until it is ended; the visits made under it stay. */
@Entity('pairings')
@Index('idx_pairings_household', ['householdId', 'status'])
@Index('idx_pairings_member', ['memberId', 'status'])
export class PairingEntity extends BaseEntity {
  @Column({ name: 'household_id', type: 'varchar', length: 36 })
  householdId: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'varchar', length: 10 })
  status: 'active' | 'ended';

  /** YYYY-MM-DD, Asia/Shanghai. */
  @Column({ name: 'started_on', type: 'varchar', length: 10 })
  startedOn: string;

  @Column({ name: 'ended_on', type: 'varchar', length: 10, nullable: true })
  endedOn: string | null;

  @Column({ name: 'end_reason', type: 'varchar', length: 200, nullable: true })
  endReason: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  /**
   * The member id while active, NULL once ended: a unique index on (household_id, active_key) lets only one active
   * pairing of a member with a household exist, also under concurrent requests, on both databases.
   */
  @Column({ name: 'active_key', type: 'varchar', length: 36, nullable: true })
  activeKey: string | null;
}
