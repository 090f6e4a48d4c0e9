import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type EligibilityKind = 'unit' | 'branch';

/** Narrows who may sign up for an activity: members of these units or branches (no rows: everyone in its scope). */
@Entity('activity_eligibility')
@Index('idx_activity_eligibility_target', ['kind', 'targetId'])
export class ActivityEligibilityEntity {
  @PrimaryColumn({ name: 'activity_id', type: 'varchar', length: 36 })
  activityId: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  kind: EligibilityKind;

  @PrimaryColumn({ name: 'target_id', type: 'varchar', length: 36 })
  targetId: string;
}
