import type { SuggestionStatus } from '@pioneer/shared-types';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';

/** 意见建议: one person's suggestion or complaint, its handling status and the organizers' reply. */
@Entity('suggestions')
@Index('idx_suggestions_author', ['authorId', 'createdAt'])
@Index('idx_suggestions_status', ['status', 'createdAt'])
export class SuggestionEntity extends BaseEntity {
  /** Kept even when anonymous, so the sender sees their own list; never shown to organizers then. */
  @Column({ name: 'author_id', type: 'varchar', length: 36 })
  authorId: string;

  @Column({ type: 'boolean' })
  anonymous: boolean;

  /** Internal text: never sent to a third party (no content-security check either). */
  @Column({ type: 'text' })
  content: string;

  /** AES-256-GCM ciphertext of the optional contact (a phone number, normalized, or other text). */
  @Column({ name: 'contact_cipher', type: 'varchar', length: 255, nullable: true })
  contactCipher: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: SuggestionStatus;

  @Column({ type: 'text', nullable: true })
  reply: string | null;

  @Column({ name: 'replied_by', type: 'varchar', length: 36, nullable: true })
  repliedBy: string | null;

  @Column({ name: 'replied_at', type: 'datetime', precision: 3, nullable: true })
  repliedAt: Date | null;
}
