import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { MeResponse, RoleScope, ScopeKind } from '@pioneer/shared-types';
import { In, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { maskPhone, PiiCrypto } from '../../common/crypto/pii-crypto.service.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { BranchEntity } from '../org/entities/branch.entity.js';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { StreetEntity } from '../org/entities/street.entity.js';
import { UnitEntity } from '../org/entities/unit.entity.js';

const FIXED_SCOPE_NAMES: Partial<Record<ScopeKind, string>> = { district: '全区', system: '系统', self: '本人' };

@Injectable()
export class MeService {
  constructor(
    private readonly crypto: PiiCrypto,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    @InjectRepository(BranchEntity) private readonly branches: Repository<BranchEntity>,
    @InjectRepository(CommunityEntity) private readonly communities: Repository<CommunityEntity>,
    @InjectRepository(StreetEntity) private readonly streets: Repository<StreetEntity>,
  ) {}

  async me(user: AuthUser): Promise<MeResponse> {
    const member = await this.members.findOne({ where: { id: user.memberId } });
    if (!member) throw new DomainException('NOT_FOUND');
    const [unit, branch, scopeNames] = await Promise.all([
      this.units.findOneOrFail({ where: { id: member.unitId } }),
      member.branchId ? this.branches.findOne({ where: { id: member.branchId } }) : Promise.resolve(null),
      this.scopeNames(user),
    ]);
    const roles: RoleScope[] = user.roles.map((r) => ({
      ...r,
      scopeName: FIXED_SCOPE_NAMES[r.scopeKind] ?? (r.scopeId ? scopeNames.get(r.scopeId) ?? '' : ''),
    }));
    return {
      id: member.id,
      name: member.name,
      // The person's own number, but masked here: this response is cached by clients and shown on shared screens.
      maskedPhone: member.phoneCipher ? maskPhone(this.crypto.decrypt(member.phoneCipher)) : null,
      status: member.status,
      unit: { id: unit.id, name: unit.name },
      branch: branch ? { id: branch.id, name: branch.name } : null,
      roles,
    };
  }

  private async scopeNames(user: AuthUser): Promise<Map<string, string>> {
    const idsOf = (kind: ScopeKind) =>
      user.roles.filter((r) => r.scopeKind === kind && r.scopeId).map((r) => r.scopeId as string);
    const lookups: Array<Promise<Array<{ id: string; name: string }>>> = [
      idsOf('community').length ? this.communities.findBy({ id: In(idsOf('community')) }) : Promise.resolve([]),
      idsOf('street').length ? this.streets.findBy({ id: In(idsOf('street')) }) : Promise.resolve([]),
      idsOf('unit').length ? this.units.findBy({ id: In(idsOf('unit')) }) : Promise.resolve([]),
      idsOf('branch').length ? this.branches.findBy({ id: In(idsOf('branch')) }) : Promise.resolve([]),
    ];
    const rows = (await Promise.all(lookups)).flat();
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
