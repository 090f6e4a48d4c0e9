import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';

@Entity('branches')
export class BranchEntity extends BaseEntity {
  @Column({ name: 'unit_id', type: 'varchar', length: 36 })
  unitId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;
}
