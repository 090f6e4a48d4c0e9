import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A member holding a demonstration post. */
@Entity('model_post_holders')
@Index('uq_model_post_holders_post_member', ['postId', 'memberId'], { unique: true })
@Index('idx_model_post_holders_member', ['memberId'])
export class ModelPostHolderEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'post_id', type: 'varchar', length: 36 })
  postId: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @BeforeInsert()
  assignId(): void {
    if (!this.id) this.id = randomUUID();
  }
}
