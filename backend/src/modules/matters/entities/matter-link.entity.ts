import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A problem or a visit a practical matter came from: exactly one of the two is set. */
@Entity('matter_links')
@Index('idx_matter_links_matter', ['matterId'])
export class MatterLinkEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'matter_id', type: 'varchar', length: 36 })
  matterId: string;

  @Column({ name: 'problem_id', type: 'varchar', length: 36, nullable: true })
  problemId: string | null;

  @Column({ name: 'visit_id', type: 'varchar', length: 36, nullable: true })
  visitId: string | null;
}
