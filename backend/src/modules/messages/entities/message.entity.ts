import type { MessageKind } from '@pioneer/shared-types';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';

/** none: no WeChat channel for this message; queued → sent / failed once the transaction committed. */
export const PUSH_STATES = ['none', 'queued', 'sent', 'failed', 'skipped'] as const;
export type PushState = (typeof PUSH_STATES)[number];

/** One entry of a person's in-app inbox. */
@Entity('messages')
@Index('idx_messages_member_created', ['memberId', 'createdAt'])
@Index('idx_messages_member_read', ['memberId', 'readAt'])
export class MessageEntity extends BaseEntity {
  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'varchar', length: 40 })
  kind: MessageKind;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  link: string | null;

  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;

  /** The WeChat subscribe-message channel of this entry; the inbox row itself never depends on it. */
  @Column({ name: 'push_state', type: 'varchar', length: 20, default: 'none' })
  pushState: PushState;

  /**
   * The subscribe-message fields (JSON: field → value) when the feature knows them, e.g. an activity's name, time and
   * place for a reminder template; NULL: derived from title, body and time.
   */
  @Column({ name: 'push_data', type: 'text', nullable: true })
  pushData: string | null;

  /** What WeChat answered the push: 0 sent, 43101 refused, 47003 a field refused; NULL when it was not reached. */
  @Column({ name: 'push_errcode', type: 'int', nullable: true })
  pushErrcode: number | null;

  /** When the push was attempted (or found to have nothing to send); NULL while queued or without a channel. */
  @Column({ name: 'pushed_at', type: 'datetime', precision: 3, nullable: true })
  pushedAt: Date | null;
}
