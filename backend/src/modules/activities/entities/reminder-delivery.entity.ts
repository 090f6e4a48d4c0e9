import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type ReminderKind = 'starts_soon';

/**
 * One row per reminder ever sent: the unique (kind, activity, member) is what keeps a reminder from going out twice,
 * across restarts and with several backend instances running the scheduler — the insert that wins sends.
 */
@Entity('reminder_deliveries')
@Index('uq_reminder_deliveries', ['kind', 'activityId', 'memberId'], { unique: true })
export class ReminderDeliveryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 20 })
  kind: ReminderKind;

  @Column({ name: 'activity_id', type: 'varchar', length: 36 })
  activityId: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  /** The inbox row written with it (its push_state says what WeChat did). */
  @Column({ name: 'message_id', type: 'varchar', length: 36, nullable: true })
  messageId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
