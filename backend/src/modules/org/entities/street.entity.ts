import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';

@Entity('streets')
export class StreetEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 100 })
  name: string;
}
