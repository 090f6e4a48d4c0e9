import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { MemberView, Page, PhoneRevealResponse } from '@pioneer/shared-types';
import { DataSource, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ScopeService } from './scope.service.js';
import { normalizePhone, PiiCrypto } from '../../common/crypto/pii-crypto.service.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { RegistrationsService } from '../registrations/registrations.service.js';
import { isUniqueViolation } from '../../common/errors/db-constraint.js';
import type { CreateMemberDto, MemberSearchDto, UpdateMemberDto } from './dto/member.dto.js';
import { BranchEntity } from './entities/branch.entity.js';
import { MemberEntity } from './entities/member.entity.js';
import { RoleAssignmentEntity } from './entities/role-assignment.entity.js';
import { UnitEntity } from './entities/unit.entity.js';
import { MemberAccessService } from './member-access.service.js';
import { MemberViewsService } from './member-views.service.js';
import { likeContains, pageWindow, toPage } from '../../common/http/paging.js';

const PHONE_TAKEN = '该手机号已属于名册中的另一名党员';

/** The member roster as admins and organizers see it: scoped lists, single records, hand entry, masked phones. */
@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scope: ScopeService,
    private readonly access: MemberAccessService,
    private readonly views: MemberViewsService,
    private readonly crypto: PiiCrypto,
    private readonly audit: AuditService,
    private readonly registrations: RegistrationsService,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    @InjectRepository(BranchEntity) private readonly branches: Repository<BranchEntity>,
  ) {}

  async list(user: AuthUser, query: MemberSearchDto): Promise<Page<MemberView>> {
    const window = pageWindow(query);
    const qb = this.members.createQueryBuilder('m');
    if (!(await this.scope.restrict(user, qb, { unit: 'm.unit_id', branch: 'm.branch_id' }))) return toPage([], 0, window);
    if (query.q) {
      // A whole phone number is found through its keyed hash; the number itself is never compared or stored in clear.
      const phone = normalizePhone(query.q);
      if (phone) qb.andWhere('m.phoneHash = :hash', { hash: this.crypto.hash(phone) });
      else qb.andWhere("m.name LIKE :like ESCAPE '!'", { like: likeContains(query.q) });
    }
    if (query.unitId) qb.andWhere('m.unitId = :unitId', { unitId: query.unitId });
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    const [rows, total] = await qb
      .orderBy('m.name', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .offset(window.skip)
      .limit(window.take)
      .getManyAndCount();
    return toPage(await this.views.many(rows), total, window);
  }

  async get(user: AuthUser, id: string): Promise<MemberView> {
    return this.views.one(await this.access.findVisible(user, id));
  }

  async create(user: AuthUser, dto: CreateMemberDto, ip: string): Promise<MemberView> {
    const unit = await this.units.findOneBy({ id: dto.unitId });
    if (!unit) throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'unitId', message: '所选单位不存在' }]);
    const branchId = dto.branchId ?? null;
    if (branchId) await this.assertBranchOf(unit.id, branchId, 'branchId');
    if (!this.scope.isAdmin(user)) await this.scope.assertOrganizerCovers(user, { id: '', unitId: unit.id, branchId });
    const phoneHash = this.crypto.hash(dto.phone);
    if (await this.members.existsBy({ phoneHash })) throw new DomainException('CONFLICT', PHONE_TAKEN);
    let member: MemberEntity;
    try {
      member = await this.ds.transaction(async (m) => {
        const saved = await m.save(
          m.create(MemberEntity, {
            name: dto.name,
            phoneCipher: this.crypto.encrypt(dto.phone),
            phoneHash,
            unitId: unit.id,
            branchId,
            status: 'invited',
            openid: null,
            unionid: null,
          }),
        );
        // Everyone on the roster is a party member; other duties are granted separately by the admin.
        await m.save(m.create(RoleAssignmentEntity, { memberId: saved.id, role: 'member', scopeKind: 'self', scopeId: null }));
        await this.audit.record(
          { actorId: user.memberId, action: 'member.create', targetType: 'member', targetId: saved.id, ip, result: 'success', detail: { unitId: unit.id, branchId } },
          m,
        );
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException('CONFLICT', PHONE_TAKEN);
      throw error;
    }
    return this.views.one(member);
  }

  async update(user: AuthUser, id: string, dto: UpdateMemberDto, ip: string): Promise<MemberView> {
    const member = await this.access.findManaged(user, id);
    const branchId = dto.branchId === undefined ? member.branchId : dto.branchId;
    if (branchId && branchId !== member.branchId) await this.assertBranchOf(member.unitId, branchId, 'branchId');
    // An organizer may not move someone out of their own reach by editing: the result must still be covered.
    if (!this.scope.isAdmin(user)) await this.scope.assertOrganizerCovers(user, { id, unitId: member.unitId, branchId });
    const changed = {
      name: dto.name !== undefined && dto.name !== member.name,
      branch: branchId !== member.branchId,
    };
    member.name = dto.name ?? member.name;
    member.branchId = branchId;
    await this.ds.transaction(async (m) => {
      await m.save(member);
      await this.audit.record(
        { actorId: user.memberId, action: 'member.update', targetType: 'member', targetId: id, ip, result: 'success', detail: changed },
        m,
      );
    });
    return this.views.one(member);
  }

  /**
   * The full number, for the person themself and those whose duty needs it. Every call is audited, refusals too,
   * so an unusual pattern of look-ups shows in the audit log.
   */
  async revealPhone(user: AuthUser, id: string, ip: string): Promise<PhoneRevealResponse> {
    const member = await this.members.findOneBy({ id });
    const entry = { actorId: user.memberId, action: 'member.phone_reveal', targetType: 'member', targetId: id, ip };
    if (!member) {
      await this.audit.record({ ...entry, result: 'failure', detail: { reason: 'not_found' } });
      throw new DomainException('NOT_FOUND', '该党员不存在');
    }
    const basis = await this.phoneRevealBasis(user, member);
    if (!basis) {
      await this.audit.record({ ...entry, result: 'failure', detail: { reason: 'forbidden' } });
      throw new DomainException('FORBIDDEN', '您无权查看该党员的完整手机号');
    }
    if (!member.phoneCipher) {
      await this.audit.record({ ...entry, result: 'failure', detail: { reason: 'no_phone', basis } });
      throw new DomainException('NOT_FOUND', '该党员没有登记手机号');
    }
    const phone = this.crypto.decrypt(member.phoneCipher);
    await this.audit.record({ ...entry, result: 'success', detail: { basis } });
    return { phone };
  }

  /** Why the caller may see the full number, or null. The reason goes into the audit row. */
  private async phoneRevealBasis(user: AuthUser, member: MemberEntity): Promise<string | null> {
    if (member.id === user.memberId) return 'self';
    if (this.scope.isAdmin(user)) return 'admin';
    if (await this.scope.organizerCovers(user, member)) return 'organizer';
    // A worker serves the members registered (approved) with one of their communities, and may need to call them.
    if (await this.registrations.workerServesMember(user, member.id)) return 'worker';
    return null;
  }

  private async assertBranchOf(unitId: string, branchId: string, field: string): Promise<void> {
    if (!(await this.branches.existsBy({ id: branchId, unitId }))) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field, message: '所选支部不属于该单位' }]);
    }
  }
}
