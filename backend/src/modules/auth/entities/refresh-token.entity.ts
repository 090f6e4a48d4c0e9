import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One refresh token of a session ("family"). Only its SHA-256 is stored. Each refresh marks the presented token used
 * and adds the next one to the family; a used token presented again revokes the whole family, except within a short
 * grace window after its exchange, when the same successor pair is answered again (a lost response, a racing retry).
 * Revoking deletes the family's rows, and families are deleted once past their absolute lifetime, so the table holds
 * live sessions only.
 */
@Entity('refresh_tokens')
@Index('idx_refresh_tokens_family', ['familyId'])
@Index('idx_refresh_tokens_member', ['memberId'])
@Index('idx_refresh_tokens_started', ['familyStartedAt'])
@Index('idx_refresh_tokens_grace', ['graceUntil'])
export class RefreshTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'family_id', type: 'varchar', length: 36 })
  familyId: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  /** When the person signed in; the absolute lifetime counts from here. */
  @Column({ name: 'family_started_at', type: 'datetime', precision: 3 })
  familyStartedAt: Date;

  /** The idle timeout counts from here. Reset to the family's start once used, so no trail of refresh times remains. */
  @Column({ name: 'issued_at', type: 'datetime', precision: 3 })
  issuedAt: Date;

  /** Set when the token has been exchanged; presenting it again is reuse. */
  @Column({ type: 'boolean' })
  used: boolean;

  /** The token this one was exchanged for; set with `used`, cleared with the grace window. */
  @Column({ name: 'successor_id', type: 'varchar', length: 36, nullable: true })
  successorId: string | null;

  /** The pair answered at the exchange, AES-256-GCM sealed, kept only until `graceUntil` to answer a retry with. */
  @Column({ name: 'successor_cipher', type: 'text', nullable: true })
  successorCipher: string | null;

  @Column({ name: 'grace_until', type: 'datetime', precision: 3, nullable: true })
  graceUntil: Date | null;

  @BeforeInsert()
  assignId(): void {
    if (!this.id) this.id = randomUUID();
  }
}
