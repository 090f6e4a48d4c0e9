import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';

/**
 * One-time subscribe-message acceptances a person gave (requestSubscribeMessage → "accept"): each allows exactly one
 * send of that template to them, so they are counted and spent one by one.
 */
@Entity('subscribe_acceptances')
@Index('uq_subscribe_acceptances_member_template', ['memberId', 'templateId'], { unique: true })
export class SubscribeAcceptanceEntity extends BaseEntity {
  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'template_id', type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'int', default: 0 })
  available: number;
}
