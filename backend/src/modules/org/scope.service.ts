import { Global, Injectable, Module } from '@nestjs/common';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { Brackets, In, Repository, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { BranchEntity } from './entities/branch.entity.js';
import { CommunityEntity } from './entities/community.entity.js';
import { RoleAssignmentEntity } from './entities/role-assignment.entity.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { AuthUser } from '../../common/auth/auth-user.js';

/** `all` for district-wide reach; otherwise the explicit ids a person may see. */
export type IdScope = { all: true } | { all: false; ids: string[] };

/** The members an organizer reaches: every member of whole units (unit scope) plus members of single branches. */
export type MemberScope = { all: true } | { all: false; unitIds: string[]; branchIds: string[] };

/**
 * The columns of a query that scope it: the record's community (records that happen in a community) and the unit and
 * branch of the member it belongs to (already joined by the caller).
 */
export interface ScopeColumns {
  community?: string;
  unit: string;
  branch: string;
}

export interface MemberRef {
  id: string;
  unitId: string;
  branchId: string | null;
}

/**
 * Every query is scoped: a worker sees only their communities (or their street's), an organizer only their branch,
 * unit or the district, a member only themself. Services ask here instead of reading roles themselves.
 */
@Injectable()
export class ScopeService {
  constructor(
    @InjectRepository(CommunityEntity) private readonly communities: Repository<CommunityEntity>,
    @InjectRepository(BranchEntity) private readonly branches: Repository<BranchEntity>,
    @InjectRepository(RoleAssignmentEntity) private readonly roles: Repository<RoleAssignmentEntity>,
  ) {}

  isAdmin(user: AuthUser): boolean {
    return user.roles.some((r) => r.role === 'admin');
  }

  isDistrictOrganizer(user: AuthUser): boolean {
    return user.roles.some((r) => r.role === 'organizer' && r.scopeKind === 'district');
  }

  /** Communities a worker serves: named communities plus every community of a named street. */
  async workerCommunityIds(user: AuthUser): Promise<string[]> {
    const worker = user.roles.filter((r) => r.role === 'worker' && r.scopeId);
    const direct = worker.filter((r) => r.scopeKind === 'community').map((r) => r.scopeId as string);
    const streetIds = worker.filter((r) => r.scopeKind === 'street').map((r) => r.scopeId as string);
    const viaStreet = streetIds.length
      ? (await this.communities.find({ where: { streetId: In(streetIds) }, select: { id: true } })).map((c) => c.id)
      : [];
    return [...new Set([...direct, ...viaStreet])];
  }

  /** Units an organizer covers, as unit ids; branch organizers are narrowed further by organizerBranchIds. */
  async organizerUnits(user: AuthUser): Promise<IdScope> {
    if (this.isDistrictOrganizer(user)) return { all: true };
    const org = user.roles.filter((r) => r.role === 'organizer' && r.scopeId);
    const unitIds = org.filter((r) => r.scopeKind === 'unit').map((r) => r.scopeId as string);
    const branchIds = org.filter((r) => r.scopeKind === 'branch').map((r) => r.scopeId as string);
    const viaBranch = branchIds.length
      ? (await this.branches.find({ where: { id: In(branchIds) }, select: { id: true, unitId: true } })).map((b) => b.unitId)
      : [];
    return { all: false, ids: [...new Set([...unitIds, ...viaBranch])] };
  }

  /** Branches a branch-scoped organizer is limited to. */
  organizerBranchIds(user: AuthUser): string[] {
    return user.roles
      .filter((r) => r.role === 'organizer' && r.scopeKind === 'branch' && r.scopeId)
      .map((r) => r.scopeId as string);
  }

  /** What member lists an organizer may read; agrees with organizerCovers for every single member. */
  organizerMemberScope(user: AuthUser): MemberScope {
    if (this.isDistrictOrganizer(user)) return { all: true };
    const unitIds = user.roles
      .filter((r) => r.role === 'organizer' && r.scopeKind === 'unit' && r.scopeId)
      .map((r) => r.scopeId as string);
    return { all: false, unitIds: [...new Set(unitIds)], branchIds: [...new Set(this.organizerBranchIds(user))] };
  }

  /**
   * Limits a list query to what the caller may see — the one scope filter every list uses. Admins and the district
   * organizer see everything; otherwise rows in the communities a worker serves (when the query has a community
   * column) or of the members an organizer covers. False when the caller reaches nothing: answer an empty page then.
   */
  async restrict<T extends ObjectLiteral>(user: AuthUser, qb: SelectQueryBuilder<T>, columns: ScopeColumns): Promise<boolean> {
    if (this.isAdmin(user) || this.isDistrictOrganizer(user)) return true;
    const communityIds = columns.community ? await this.workerCommunityIds(user) : [];
    const reach = this.organizerMemberScope(user);
    const unitIds = reach.all ? [] : reach.unitIds;
    const branchIds = reach.all ? [] : reach.branchIds;
    if (communityIds.length + unitIds.length + branchIds.length === 0) return false;
    qb.andWhere(
      new Brackets((w) => {
        if (communityIds.length) w.orWhere(`${columns.community} IN (:...scopeCommunityIds)`, { scopeCommunityIds: communityIds });
        if (unitIds.length) w.orWhere(`${columns.unit} IN (:...scopeUnitIds)`, { scopeUnitIds: unitIds });
        if (branchIds.length) w.orWhere(`${columns.branch} IN (:...scopeBranchIds)`, { scopeBranchIds: branchIds });
      }),
    );
    return true;
  }

  /** Whether an organizer's scope covers a member (district: all; unit: same unit; branch: same branch). */
  async organizerCovers(user: AuthUser, member: MemberRef): Promise<boolean> {
    if (this.isDistrictOrganizer(user)) return true;
    return user.roles.some(
      (r) =>
        r.role === 'organizer' &&
        ((r.scopeKind === 'unit' && r.scopeId === member.unitId) ||
          (r.scopeKind === 'branch' && r.scopeId !== null && r.scopeId === member.branchId)),
    );
  }

  /**
   * Whether the caller's authority reaches every duty the person holds, so acting on their account (invite code,
   * unbind, status, transfer, edit) cannot hand the caller wider powers: an admin's account is the admin's business,
   * and an organizer acts only on organizers of a strictly narrower scope inside their own (district > unit > branch).
   */
  async outranks(user: AuthUser, member: MemberRef): Promise<boolean> {
    if (member.id === user.memberId) return true;
    const admin = this.isAdmin(user);
    const duties = await this.roles.find({ where: { memberId: member.id } });
    for (const duty of duties) {
      if (duty.role === 'admin' && !admin) return false;
      if (duty.role === 'organizer' && !admin && !(await this.organizerStrictlyCovers(user, duty))) return false;
    }
    return true;
  }

  private async organizerStrictlyCovers(user: AuthUser, duty: RoleAssignmentEntity): Promise<boolean> {
    if (duty.scopeKind === 'district' || duty.scopeId === null) return false;
    if (this.isDistrictOrganizer(user)) return true;
    if (duty.scopeKind !== 'branch') return false;
    const branch = await this.branches.findOne({ where: { id: duty.scopeId }, select: { id: true, unitId: true } });
    return user.roles.some((r) => r.role === 'organizer' && r.scopeKind === 'unit' && r.scopeId === branch?.unitId);
  }

  async assertOutranks(user: AuthUser, member: MemberRef): Promise<void> {
    if (!(await this.outranks(user, member))) {
      throw new DomainException('FORBIDDEN', '此人承担的职责超出您的权限，请由管理员或上级组织者处理');
    }
  }

  async assertOrganizerCovers(user: AuthUser, member: MemberRef): Promise<void> {
    if (!(await this.organizerCovers(user, member))) throw new DomainException('FORBIDDEN', '该党员不在您的管理范围内');
  }

  async assertWorkerServes(user: AuthUser, communityId: string): Promise<void> {
    if (!(await this.workerCommunityIds(user)).includes(communityId)) {
      throw new DomainException('FORBIDDEN', '该社区不在您的工作范围内');
    }
  }
}

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([CommunityEntity, BranchEntity, RoleAssignmentEntity])],
  providers: [ScopeService],
  exports: [ScopeService],
})
export class ScopeModule {}
