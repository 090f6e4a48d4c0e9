import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';

export type CodePhase = 'start' | 'end';

const bigintNumber = { to: (v: number) => v, from: (v: string | number) => Number(v) };

/**
 * A rotating code spent by one member. The UNIQUE index makes a code usable once per member, slot and end of a visit,
 * so two concurrent requests with the same scan cannot both pass. Rows are swept a day later.
 */
@Entity('checkin_code_uses')
@Index('uq_checkin_code_uses', ['memberId', 'communityId', 'slot', 'phase'], { unique: true })
@Index('idx_checkin_code_uses_created', ['createdAt'])
export class CheckinCodeUseEntity extends BaseEntity {
  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'community_id', type: 'varchar', length: 36 })
  communityId: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  slot: number;

  @Column({ type: 'varchar', length: 5 })
  phase: CodePhase;
}
