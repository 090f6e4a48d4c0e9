import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';

/** 一月一主题: the monthly themes organizers keep; an activity may belong to one. */
@Entity('activity_themes')
@Index('uq_activity_themes_month_title', ['month', 'title'], { unique: true })
export class ActivityThemeEntity extends BaseEntity {
  /** YYYY-MM */
  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Column({ type: 'varchar', length: 40 })
  title: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;
}
