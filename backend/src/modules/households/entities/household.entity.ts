import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';

/**
 * A resident household paired with members for repeated visits (结对关爱 / 联户). Its contact person, phone and
 * address are personal information: stored only sealed (PiiCrypto), the phone also as a keyed hash.
 */
@Entity('households')
@Index('idx_households_community', ['communityId'])
export class HouseholdEntity extends BaseEntity {
  @Column({ name: 'community_id', type: 'varchar', length: 36, nullable: true })
  communityId: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  village: string | null;

  @Column({ name: 'contact_name_cipher', type: 'varchar', length: 255 })
  contactNameCipher: string;

  @Column({ name: 'phone_cipher', type: 'varchar', length: 255, nullable: true })
  phoneCipher: string | null;

  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true })
  phoneHash: string | null;

  @Column({ name: 'address_cipher', type: 'varchar', length: 600 })
  addressCipher: string;

  @Column({ name: 'consent_at', type: 'datetime', precision: 3 })
  consentAt: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;
}
