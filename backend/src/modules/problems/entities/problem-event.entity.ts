import type { ProblemEventKind, ProblemStatus } from '@pioneer/shared-types';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One step of a problem's timeline: who, when, from which status to which, with what note. Append-only. */
@Entity('problem_events')
@Index('idx_problem_events_problem', ['problemId', 'createdAt'])
export class ProblemEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'problem_id', type: 'varchar', length: 36 })
  problemId: string;

  @Column({ type: 'varchar', length: 20 })
  action: ProblemEventKind;

  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus: ProblemStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus: ProblemStatus;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'int', nullable: true })
  satisfaction: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
