import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';

/**
 * 走访: one visit to a household or a village, in a 返乡走亲 / 访民问暖 activity or (with households and pairing)
 * on its own. Residents' problems are raised from visits, so a visit has its own id.
 */
@Entity('visits')
@Index('idx_visits_member_day', ['memberId', 'visitedOn'])
@Index('idx_visits_activity', ['activityId', 'visitedOn'])
export class VisitEntity extends BaseEntity {
  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'activity_id', type: 'varchar', length: 36, nullable: true })
  activityId: string | null;

  /** A paired household (结对关爱), visited under one of the member's pairings. */
  @Column({ name: 'household_id', type: 'varchar', length: 36, nullable: true })
  householdId: string | null;

  /** The household or village visited. */
  @Column({ type: 'varchar', length: 100 })
  place: string;

  /** YYYY-MM-DD in Asia/Shanghai. */
  @Column({ name: 'visited_on', type: 'varchar', length: 10 })
  visitedOn: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'on_behalf', type: 'boolean', default: false })
  onBehalf: boolean;

  @Column({ name: 'on_behalf_reason', type: 'varchar', length: 200, nullable: true })
  onBehalfReason: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;
}
