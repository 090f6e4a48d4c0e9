import type { ProblemCategory, ProblemStatus, ProblemUrgency } from '@pioneer/shared-types';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';

/**
 * 群众急难愁盼问题. The resident's name, phone and address are stored only sealed (AES-GCM, PiiCrypto); the phone
 * also as a keyed hash so duplicates can be matched without decrypting. Status moves only through
 * problem-lifecycle.ts. `answered_at` is set when the problem is answered on the spot or resolved and cleared on
 * reopen, so "problems answered in a period" is a count over one column.
 */
@Entity('problems')
@Index('idx_problems_status_deadline', ['status', 'deadline'])
@Index('idx_problems_recorder', ['recorderId', 'createdAt'])
@Index('idx_problems_community', ['communityId', 'category', 'status'])
@Index('idx_problems_handling_unit', ['handlingUnitId', 'status'])
@Index('idx_problems_handling_community', ['handlingCommunityId', 'status'])
export class ProblemEntity extends BaseEntity {
  /** The member who met the resident. */
  @Column({ name: 'recorder_id', type: 'varchar', length: 36 })
  recorderId: string;

  /** Who entered it: the recorder, or a worker / organizer on their behalf. */
  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'on_behalf', type: 'boolean', default: false })
  onBehalf: boolean;

  @Column({ name: 'on_behalf_reason', type: 'varchar', length: 200, nullable: true })
  onBehalfReason: string | null;

  @Column({ name: 'visit_id', type: 'varchar', length: 36, nullable: true })
  visitId: string | null;

  @Column({ name: 'resident_name_cipher', type: 'varchar', length: 255 })
  residentNameCipher: string;

  @Column({ name: 'resident_phone_cipher', type: 'varchar', length: 255, nullable: true })
  residentPhoneCipher: string | null;

  @Column({ name: 'resident_phone_hash', type: 'varchar', length: 64, nullable: true })
  residentPhoneHash: string | null;

  @Column({ name: 'resident_address_cipher', type: 'varchar', length: 600, nullable: true })
  residentAddressCipher: string | null;

  /** When the recorder confirmed the resident agreed to be recorded. */
  @Column({ name: 'consent_at', type: 'datetime', precision: 3 })
  consentAt: Date;

  @Column({ name: 'community_id', type: 'varchar', length: 36, nullable: true })
  communityId: string | null;

  /** 返乡走亲: the village visited, when the problem is not in one of the district's communities. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  village: string | null;

  @Column({ type: 'varchar', length: 30 })
  category: ProblemCategory;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 10 })
  urgency: ProblemUrgency;

  /** YYYY-MM-DD, Asia/Shanghai: registration day plus the urgency's working days. */
  @Column({ type: 'varchar', length: 10 })
  deadline: string;

  @Column({ type: 'varchar', length: 20 })
  status: ProblemStatus;

  @Column({ name: 'handling_unit_id', type: 'varchar', length: 36, nullable: true })
  handlingUnitId: string | null;

  @Column({ name: 'handling_community_id', type: 'varchar', length: 36, nullable: true })
  handlingCommunityId: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  answer: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  resolution: string | null;

  @Column({ name: 'close_reason', type: 'varchar', length: 500, nullable: true })
  closeReason: string | null;

  @Column({ type: 'int', nullable: true })
  satisfaction: number | null;

  @Column({ name: 'answered_at', type: 'datetime', precision: 3, nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ name: 'duplicate_of', type: 'varchar', length: 36, nullable: true })
  duplicateOf: string | null;

  @Column({ name: 'reminded_at', type: 'datetime', precision: 3, nullable: true })
  remindedAt: Date | null;
}
