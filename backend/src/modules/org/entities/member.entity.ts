import type { MemberStatus } from '@pioneer/shared-types';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';

@Entity('members')
export class MemberEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 50 })
  name: string;

  /** AES-256-GCM ciphertext of the phone number; never plaintext in any table. */
  @Column({ name: 'phone_cipher', type: 'varchar', length: 255, nullable: true })
  phoneCipher: string | null;

  /** Keyed hash (HMAC-SHA256) of the normalized phone number, for lookup without decrypting. */
  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true, unique: true })
  phoneHash: string | null;

  @Column({ name: 'unit_id', type: 'varchar', length: 36 })
  unitId: string;

  @Column({ name: 'branch_id', type: 'varchar', length: 36, nullable: true })
  branchId: string | null;

  @Column({ type: 'varchar', length: 20, default: 'invited' })
  status: MemberStatus;

  @Column({ type: 'varchar', length: 64, nullable: true, unique: true })
  openid: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;
}
