import { Column, Entity, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';
import { StreetEntity } from './street.entity.js';

// decimal comes back from mysql2 as a string; numbers are what the geofence maths needs.
const decimalToNumber = { to: (v: number) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

@Entity('communities')
export class CommunityEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'street_id', type: 'varchar', length: 36 })
  streetId: string;

  @ManyToOne(() => StreetEntity)
  @JoinColumn({ name: 'street_id' })
  street?: Relation<StreetEntity>;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  /** GCJ-02, as WeChat's location APIs report it. */
  @Column({ type: 'decimal', precision: 10, scale: 7, transformer: decimalToNumber })
  lat: number;

  @Column({ type: 'decimal', precision: 10, scale: 7, transformer: decimalToNumber })
  lng: number;

  @Column({ name: 'geofence_radius_m', type: 'int', default: 300 })
  geofenceRadiusM: number;
}
