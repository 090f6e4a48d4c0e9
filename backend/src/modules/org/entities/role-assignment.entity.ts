import type { Role, ScopeKind } from '@pioneer/shared-types';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/persistence/columns.js';

/** One role a person holds, limited to a scope: worker → community/street, organizer → branch/unit/district. */
@Entity('role_assignments')
@Index('idx_role_assignments_member', ['memberId'])
export class RoleAssignmentEntity extends BaseEntity {
  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ name: 'scope_kind', type: 'varchar', length: 20 })
  scopeKind: ScopeKind;

  @Column({ name: 'scope_id', type: 'varchar', length: 36, nullable: true })
  scopeId: string | null;
}
