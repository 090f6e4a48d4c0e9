import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { MemberView } from '@pioneer/shared-types';
import { In, Repository } from 'typeorm';
import { maskPhone, PiiCrypto } from '../../common/crypto/pii-crypto.service.js';
import { BranchEntity } from './entities/branch.entity.js';
import type { MemberEntity } from './entities/member.entity.js';
import { RoleAssignmentEntity } from './entities/role-assignment.entity.js';
import { UnitEntity } from './entities/unit.entity.js';
import { mapMember, mapRoleAssignment } from './org.mapper.js';
import { ScopeNamesService } from './scope-names.service.js';

/** Turns member rows into MemberView with a fixed number of queries however long the page is. Phones come out masked. */
@Injectable()
export class MemberViewsService {
  constructor(
    private readonly crypto: PiiCrypto,
    private readonly scopeNames: ScopeNamesService,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    @InjectRepository(BranchEntity) private readonly branches: Repository<BranchEntity>,
    @InjectRepository(RoleAssignmentEntity) private readonly roles: Repository<RoleAssignmentEntity>,
  ) {}

  async one(member: MemberEntity): Promise<MemberView> {
    return (await this.many([member]))[0]!;
  }

  async many(members: MemberEntity[]): Promise<MemberView[]> {
    if (!members.length) return [];
    const unitIds = [...new Set(members.map((m) => m.unitId))];
    const branchIds = [...new Set(members.map((m) => m.branchId).filter((id): id is string => id !== null))];
    const [units, branches, roles] = await Promise.all([
      this.units.findBy({ id: In(unitIds) }),
      branchIds.length ? this.branches.findBy({ id: In(branchIds) }) : Promise.resolve([]),
      this.roles.find({ where: { memberId: In(members.map((m) => m.id)) }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    const nameOf = await this.scopeNames.lookup(roles);
    const unitById = new Map(units.map((u) => [u.id, u]));
    const branchById = new Map(branches.map((b) => [b.id, b]));
    return members.map((m) =>
      mapMember(m, {
        unit: unitById.get(m.unitId)!,
        branch: m.branchId ? branchById.get(m.branchId) ?? null : null,
        roles: roles.filter((r) => r.memberId === m.id).map((r) => mapRoleAssignment(r, nameOf(r))),
        maskedPhone: m.phoneCipher ? maskPhone(this.crypto.decrypt(m.phoneCipher)) : null,
      }),
    );
  }
}
