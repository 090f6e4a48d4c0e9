import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  INACTIVE_MEMBER_STATUSES,
  ROLE_LABELS,
  type Role,
  type RoleAssignmentView,
  type ScopeKind,
} from '@pioneer/shared-types';
import { DataSource, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import type { RoleAssignmentInputDto } from './dto/role.dto.js';
import { BranchEntity } from './entities/branch.entity.js';
import { CommunityEntity } from './entities/community.entity.js';
import { RoleAssignmentEntity } from './entities/role-assignment.entity.js';
import { StreetEntity } from './entities/street.entity.js';
import { UnitEntity } from './entities/unit.entity.js';
import { MemberAccessService } from './member-access.service.js';
import { mapRoleAssignment } from './org.mapper.js';
import { ScopeNamesService } from './scope-names.service.js';

/** Which scopes each role may be limited to. */
export const ROLE_SCOPES: Record<Role, readonly ScopeKind[]> = {
  member: ['self'],
  worker: ['community', 'street'],
  organizer: ['branch', 'unit', 'district'],
  admin: ['system'],
};

const SCOPE_LABELS: Record<ScopeKind, string> = {
  self: '本人',
  community: '社区',
  street: '街道',
  branch: '支部',
  unit: '单位',
  district: '全区',
  system: '系统',
};

type NamedScope = 'community' | 'street' | 'branch' | 'unit';
const NAMED_SCOPES: readonly ScopeKind[] = ['community', 'street', 'branch', 'unit'];

/** Granting and revoking roles (admin only), each change audited and kept in the member's history. */
@Injectable()
export class RolesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: MemberAccessService,
    private readonly scopeNames: ScopeNamesService,
    private readonly audit: AuditService,
    @InjectRepository(RoleAssignmentEntity) private readonly roles: Repository<RoleAssignmentEntity>,
  ) {}

  async list(memberId: string): Promise<RoleAssignmentView[]> {
    await this.access.find(memberId);
    const rows = await this.roles.find({ where: { memberId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const nameOf = await this.scopeNames.lookup(rows);
    return rows.map((r) => mapRoleAssignment(r, nameOf(r)));
  }

  async grant(user: AuthUser, memberId: string, dto: RoleAssignmentInputDto, ip: string): Promise<RoleAssignmentView> {
    const member = await this.access.find(memberId);
    const scopeId = dto.scopeId ?? null;
    await this.assertScope(dto.role, dto.scopeKind, scopeId);
    if (INACTIVE_MEMBER_STATUSES.includes(member.status)) {
      throw new DomainException('CONFLICT', '该人员已退休、离开或转出，不能授予角色');
    }
    const held = await this.roles.findBy({ memberId });
    if (
      (dto.role === 'admin' && held.some((r) => r.role === 'organizer')) ||
      (dto.role === 'organizer' && held.some((r) => r.role === 'admin'))
    ) {
      throw new DomainException('ADMIN_DUTIES_SEPARATE');
    }
    if (held.some((r) => r.role === dto.role && r.scopeKind === dto.scopeKind && r.scopeId === scopeId)) {
      throw new DomainException('CONFLICT', '该人员已拥有这一角色和范围');
    }
    const scopeName = (await this.scopeNames.lookup([{ scopeKind: dto.scopeKind, scopeId }]))({ scopeKind: dto.scopeKind, scopeId });
    const saved = await this.ds.transaction(async (m) => {
      const row = await m.save(m.create(RoleAssignmentEntity, { memberId, role: dto.role, scopeKind: dto.scopeKind, scopeId }));
      await this.audit.record(
        {
          actorId: user.memberId,
          action: 'member.role_grant',
          targetType: 'member',
          targetId: memberId,
          ip,
          result: 'success',
          // The scope's name as it was, so the member's history still reads right after a rename or removal.
          detail: { assignmentId: row.id, role: row.role, scopeKind: row.scopeKind, scopeId: row.scopeId, scopeName },
        },
        m,
      );
      return row;
    });
    return mapRoleAssignment(saved, scopeName);
  }

  async revoke(user: AuthUser, memberId: string, assignmentId: string, ip: string): Promise<void> {
    await this.access.find(memberId);
    const row = await this.roles.findOneBy({ id: assignmentId, memberId });
    if (!row) throw new DomainException('NOT_FOUND', '该角色不存在');
    // An admin who removed their own admin role could leave the district without anyone able to manage accounts.
    if (row.role === 'admin' && memberId === user.memberId) {
      throw new DomainException('CONFLICT', '不能撤销自己的管理员角色，请由另一位管理员操作');
    }
    const scopeName = (await this.scopeNames.lookup([row]))(row);
    await this.ds.transaction(async (m) => {
      await m.delete(RoleAssignmentEntity, { id: row.id });
      await this.audit.record(
        {
          actorId: user.memberId,
          action: 'member.role_revoke',
          targetType: 'member',
          targetId: memberId,
          ip,
          result: 'success',
          detail: { assignmentId: row.id, role: row.role, scopeKind: row.scopeKind, scopeId: row.scopeId, scopeName },
        },
        m,
      );
    });
  }

  /** member → self; worker → community | street; organizer → branch | unit | district; admin → system. */
  private async assertScope(role: Role, scopeKind: ScopeKind, scopeId: string | null): Promise<void> {
    const allowed = ROLE_SCOPES[role];
    if (!allowed.includes(scopeKind)) {
      throw new DomainException(
        'ROLE_SCOPE_INVALID',
        `${ROLE_LABELS[role]}的范围只能是${allowed.map((k) => SCOPE_LABELS[k]).join('、')}`,
        [{ field: 'scopeKind', message: `${ROLE_LABELS[role]}不能以“${SCOPE_LABELS[scopeKind]}”为范围` }],
      );
    }
    if (!NAMED_SCOPES.includes(scopeKind)) {
      if (scopeId !== null) {
        throw new DomainException('ROLE_SCOPE_INVALID', `范围为“${SCOPE_LABELS[scopeKind]}”时不需要指定编号`, [
          { field: 'scopeId', message: '此范围不需要指定编号' },
        ]);
      }
      return;
    }
    const label = SCOPE_LABELS[scopeKind];
    if (scopeId === null) {
      throw new DomainException('ROLE_SCOPE_INVALID', `请选择${label}`, [{ field: 'scopeId', message: `请选择${label}` }]);
    }
    if (!(await this.scopeExists(scopeKind as NamedScope, scopeId))) {
      throw new DomainException('ROLE_SCOPE_INVALID', `所选${label}不存在`, [{ field: 'scopeId', message: `所选${label}不存在` }]);
    }
  }

  private scopeExists(kind: NamedScope, id: string): Promise<boolean> {
    const m = this.ds.manager;
    switch (kind) {
      case 'community':
        return m.existsBy(CommunityEntity, { id });
      case 'street':
        return m.existsBy(StreetEntity, { id });
      case 'branch':
        return m.existsBy(BranchEntity, { id });
      case 'unit':
        return m.existsBy(UnitEntity, { id });
    }
  }
}
