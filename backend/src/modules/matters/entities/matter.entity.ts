import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';

/** 实事: a concrete thing done for residents. Counted by the day it was done (done_on) in a period. */
@Entity('matters')
@Index('idx_matters_unit_day', ['unitId', 'doneOn'])
@Index('idx_matters_community_day', ['communityId', 'doneOn'])
export class MatterEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ name: 'unit_id', type: 'varchar', length: 36 })
  unitId: string;

  @Column({ name: 'community_id', type: 'varchar', length: 36, nullable: true })
  communityId: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  village: string | null;

  /** YYYY-MM-DD, Asia/Shanghai. */
  @Column({ name: 'done_on', type: 'varchar', length: 10 })
  doneOn: string;

  @Column({ type: 'int' })
  beneficiaries: number;

  @Column({ type: 'varchar', length: 1000 })
  description: string;

  @Column({ name: 'author_id', type: 'varchar', length: 36 })
  authorId: string;
}
