import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';

/**
 * 党员示范岗. Ending a post sets ended_at and keeps the row, so "posts that existed at any time during a period" can
 * be counted from created_at / ended_at.
 */
@Entity('model_posts')
@Index('idx_model_posts_unit', ['unitId', 'createdAt'])
@Index('idx_model_posts_community', ['communityId'])
export class ModelPostEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  place: string;

  @Column({ name: 'unit_id', type: 'varchar', length: 36 })
  unitId: string;

  @Column({ name: 'community_id', type: 'varchar', length: 36, nullable: true })
  communityId: string | null;

  /**
   * `unit_id:name` while the post is active, NULL once ended. Its UNIQUE index refuses a second active post of the
   * same name in a unit, so a retried or doubled "create" cannot set up the post twice.
   */
  @Index('uq_model_posts_active_key', { unique: true })
  @Column({ name: 'active_key', type: 'varchar', length: 140, nullable: true })
  activeKey: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'ended_at', type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;

  @Column({ name: 'ended_by', type: 'varchar', length: 36, nullable: true })
  endedBy: string | null;
}
