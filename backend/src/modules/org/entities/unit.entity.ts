import type { UnitKind } from '@pioneer/shared-types';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';

@Entity('units')
export class UnitEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: UnitKind;

  @Column({ type: 'varchar', length: 40, unique: true })
  code: string;

  /** Party-building brand (党建品牌), optional. */
  @Column({ name: 'brand_name', type: 'varchar', length: 100, nullable: true })
  brandName: string | null;

  @Column({ name: 'brand_intro', type: 'text', nullable: true })
  brandIntro: string | null;
}
