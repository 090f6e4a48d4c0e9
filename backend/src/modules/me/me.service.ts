import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { MeResponse, RoleScope } from '@pioneer/shared-types';
import { Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { maskPhone, PiiCrypto } from '../../common/crypto/pii-crypto.service.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { BranchEntity } from '../org/entities/branch.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { UnitEntity } from '../org/entities/unit.entity.js';
import { ScopeNamesService } from '../org/scope-names.service.js';

@Injectable()
export class MeService {
  constructor(
    private readonly crypto: PiiCrypto,
    private readonly scopeNames: ScopeNamesService,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    @InjectRepository(BranchEntity) private readonly branches: Repository<BranchEntity>,
  ) {}

  async me(user: AuthUser): Promise<MeResponse> {
    const member = await this.members.findOne({ where: { id: user.memberId } });
    if (!member) throw new DomainException('NOT_FOUND');
    const [unit, branch, nameOf] = await Promise.all([
      this.units.findOneOrFail({ where: { id: member.unitId } }),
      member.branchId ? this.branches.findOne({ where: { id: member.branchId } }) : Promise.resolve(null),
      this.scopeNames.lookup(user.roles),
    ]);
    const roles: RoleScope[] = user.roles.map((r) => ({ ...r, scopeName: nameOf(r) }));
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
}
