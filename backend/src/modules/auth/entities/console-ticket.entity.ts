import type { ConsoleTicketStatus } from '@pioneer/shared-types';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';

/** Stored status; `expired` is never stored, it is read from `expiresAt`. */
export type StoredConsoleTicketStatus = Exclude<ConsoleTicketStatus, 'expired'>;

/**
 * A desktop console sign-in in progress, in the database so whichever instance the phone or the browser reaches
 * sees it. The QR payload and the browser's poll secret are stored as SHA-256 only.
 */
@Entity('console_tickets')
@Index('idx_console_tickets_expires', ['expiresAt'])
export class ConsoleTicketEntity extends BaseEntity {
  @Column({ name: 'scan_hash', type: 'varchar', length: 64, unique: true })
  scanHash: string;

  @Column({ name: 'poll_secret_hash', type: 'varchar', length: 64 })
  pollSecretHash: string;

  @Column({ type: 'varchar', length: 20 })
  status: StoredConsoleTicketStatus;

  /** Who scanned and then confirmed it. */
  @Column({ name: 'member_id', type: 'varchar', length: 36, nullable: true })
  memberId: string | null;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;
}
