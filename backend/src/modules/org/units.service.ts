import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { INACTIVE_MEMBER_STATUSES, MEMBER_STATUSES, type Page, type UnitView } from '@pioneer/shared-types';
import { DataSource, In, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ScopeService } from './scope.service.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../common/errors/db-constraint.js';
import type { CreateUnitDto, UnitListQueryDto, UpdateUnitDto } from './dto/unit.dto.js';
import { BranchEntity } from './entities/branch.entity.js';
import { MemberTransferEntity } from './entities/member-transfer.entity.js';
import { MemberEntity } from './entities/member.entity.js';
import { RoleAssignmentEntity } from './entities/role-assignment.entity.js';
import { UnitEntity } from './entities/unit.entity.js';
import { mapUnit } from './org.mapper.js';
import { likeContains, pageWindow, toPage } from '../../common/http/paging.js';

const ON_ROSTER = MEMBER_STATUSES.filter((s) => !INACTIVE_MEMBER_STATUSES.includes(s));

/** Units (单位党组织) and their branches. Admin writes; an organizer reads the units in their scope. */
@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    @InjectRepository(BranchEntity) private readonly branches: Repository<BranchEntity>,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(RoleAssignmentEntity) private readonly roles: Repository<RoleAssignmentEntity>,
    @InjectRepository(MemberTransferEntity) private readonly transfers: Repository<MemberTransferEntity>,
  ) {}

  async list(user: AuthUser, query: UnitListQueryDto): Promise<Page<UnitView>> {
    const window = pageWindow(query);
    const qb = this.units.createQueryBuilder('u');
    const reach = await this.reach(user);
    if (reach !== 'all') {
      if (!reach.length) return toPage([], 0, window);
      qb.andWhere('u.id IN (:...reach)', { reach });
    }
    if (query.q) {
      qb.andWhere("(u.name LIKE :like ESCAPE '!' OR u.code = :code)", { like: likeContains(query.q), code: query.q.toUpperCase() });
    }
    if (query.kind) qb.andWhere('u.kind = :kind', { kind: query.kind });
    const [rows, total] = await qb.orderBy('u.code', 'ASC').offset(window.skip).limit(window.take).getManyAndCount();
    return toPage(await this.views(rows), total, window);
  }

  async get(user: AuthUser, id: string): Promise<UnitView> {
    const unit = await this.units.findOneBy({ id });
    const reach = unit ? await this.reach(user) : [];
    if (!unit || (reach !== 'all' && !reach.includes(unit.id))) throw new DomainException('NOT_FOUND', '该单位不存在');
    return (await this.views([unit]))[0]!;
  }

  async create(user: AuthUser, dto: CreateUnitDto, ip: string): Promise<UnitView> {
    this.assertBrand(dto.brandName ?? null, dto.brandIntro ?? null);
    await this.assertCodeFree(dto.code);
    const names = dto.branches ?? [];
    const unit = await this.guard(() =>
      this.ds.transaction(async (m) => {
        const saved = await m.save(
          m.create(UnitEntity, {
            name: dto.name,
            kind: dto.kind,
            code: dto.code,
            brandName: dto.brandName ?? null,
            brandIntro: dto.brandIntro ?? null,
          }),
        );
        if (names.length) await m.save(names.map((name) => m.create(BranchEntity, { unitId: saved.id, name })));
        await this.audit.record(
          { actorId: user.memberId, action: 'unit.create', targetType: 'unit', targetId: saved.id, ip, result: 'success', detail: { code: saved.code, branches: names.length } },
          m,
        );
        return saved;
      }),
    );
    return (await this.views([unit]))[0]!;
  }

  async update(user: AuthUser, id: string, dto: UpdateUnitDto, ip: string): Promise<UnitView> {
    const unit = await this.units.findOneBy({ id });
    if (!unit) throw new DomainException('NOT_FOUND', '该单位不存在');
    if (dto.code && dto.code !== unit.code) await this.assertCodeFree(dto.code);
    const brandName = dto.brandName === undefined ? unit.brandName : dto.brandName;
    const brandIntro = dto.brandIntro === undefined ? unit.brandIntro : dto.brandIntro;
    this.assertBrand(brandName, brandIntro);
    const saved = await this.guard(() =>
      this.ds.transaction(async (m) => {
        unit.name = dto.name ?? unit.name;
        unit.kind = dto.kind ?? unit.kind;
        unit.code = dto.code ?? unit.code;
        unit.brandName = brandName;
        unit.brandIntro = brandIntro;
        const result = await m.save(unit);
        let branchChange: { added: string[]; removed: string[] } | undefined;
        if (dto.branches) branchChange = await this.replaceBranches(m.getRepository(BranchEntity), unit.id, dto.branches);
        await this.audit.record(
          { actorId: user.memberId, action: 'unit.update', targetType: 'unit', targetId: unit.id, ip, result: 'success', detail: { fields: Object.keys(dto), ...branchChange } },
          m,
        );
        return result;
      }),
    );
    return (await this.views([saved]))[0]!;
  }

  async remove(user: AuthUser, id: string, ip: string): Promise<void> {
    const unit = await this.units.findOneBy({ id });
    if (!unit) throw new DomainException('NOT_FOUND', '该单位不存在');
    const members = await this.members.countBy({ unitId: id });
    if (members) throw new DomainException('ORG_IN_USE', `该单位仍有 ${members} 名党员的记录（含已退休、离开的），不能删除`);
    if (await this.transfers.existsBy([{ fromUnitId: id }, { toUnitId: id }])) {
      throw new DomainException('ORG_IN_USE', '该单位有党员调动记录，为保留历史不能删除');
    }
    const branchIds = (await this.branches.find({ where: { unitId: id }, select: { id: true } })).map((b) => b.id);
    const scoped = await this.roles.existsBy([
      { scopeKind: 'unit', scopeId: id },
      ...(branchIds.length ? [{ scopeKind: 'branch' as const, scopeId: In(branchIds) }] : []),
    ]);
    if (scoped) throw new DomainException('ORG_IN_USE', '仍有组织者的管理范围是该单位或其支部，请先调整角色');
    await this.guard(() =>
      this.ds.transaction(async (m) => {
        await m.delete(BranchEntity, { unitId: id });
        await m.delete(UnitEntity, { id });
        await this.audit.record(
          { actorId: user.memberId, action: 'unit.delete', targetType: 'unit', targetId: id, ip, result: 'success', detail: { code: unit.code, name: unit.name } },
          m,
        );
      }),
    );
  }

  /** Unit ids the caller reads: all for the admin and a district organizer, otherwise the organizer's units. */
  private async reach(user: AuthUser): Promise<'all' | string[]> {
    if (this.scope.isAdmin(user)) return 'all';
    const units = await this.scope.organizerUnits(user);
    return units.all ? 'all' : units.ids;
  }

  /** The listed names become the unit's branches; a branch still in use is never removed. */
  private async replaceBranches(
    repo: Repository<BranchEntity>,
    unitId: string,
    names: string[],
  ): Promise<{ added: string[]; removed: string[] }> {
    const current = await repo.findBy({ unitId });
    const removed = current.filter((b) => !names.includes(b.name));
    const added = names.filter((n) => !current.some((b) => b.name === n));
    for (const branch of removed) {
      const members = await repo.manager.countBy(MemberEntity, { branchId: branch.id });
      if (members) {
        throw new DomainException('ORG_IN_USE', `支部“${branch.name}”仍有 ${members} 名党员，请先调整他们的支部再删除`, {
          branchId: branch.id,
        });
      }
      if (await repo.manager.existsBy(RoleAssignmentEntity, { scopeKind: 'branch', scopeId: branch.id })) {
        throw new DomainException('ORG_IN_USE', `支部“${branch.name}”仍是组织者的管理范围，请先调整角色再删除`, {
          branchId: branch.id,
        });
      }
    }
    if (removed.length) await repo.delete({ id: In(removed.map((b) => b.id)) });
    if (added.length) await repo.save(added.map((name) => repo.create({ unitId, name })));
    return { added, removed: removed.map((b) => b.name) };
  }

  private async views(units: UnitEntity[]): Promise<UnitView[]> {
    if (!units.length) return [];
    const ids = units.map((u) => u.id);
    const [branches, counts] = await Promise.all([
      this.branches.find({ where: { unitId: In(ids) }, order: { createdAt: 'ASC', name: 'ASC' } }),
      this.members
        .createQueryBuilder('m')
        .select('m.unitId', 'unitId')
        .addSelect('COUNT(*)', 'n')
        .where('m.unitId IN (:...ids)', { ids })
        .andWhere('m.status IN (:...statuses)', { statuses: ON_ROSTER })
        .groupBy('m.unitId')
        .getRawMany<{ unitId: string; n: string | number }>(),
    ]);
    const countOf = new Map(counts.map((c) => [c.unitId, Number(c.n)]));
    return units.map((u) =>
      mapUnit(
        u,
        branches.filter((b) => b.unitId === u.id),
        countOf.get(u.id) ?? 0,
      ),
    );
  }

  private assertBrand(brandName: string | null, brandIntro: string | null): void {
    if (brandIntro && !brandName) {
      throw new DomainException('VALIDATION_FAILED', undefined, [
        { field: 'brandName', message: '填写党建品牌介绍时，请同时填写品牌名称' },
      ]);
    }
  }

  private async assertCodeFree(code: string): Promise<void> {
    if (await this.units.existsBy({ code })) throw new DomainException('UNIT_CODE_TAKEN', `单位代码 ${code} 已被其他单位使用`);
  }

  /** The pre-checks give friendly answers; the database constraints decide races, which still end as 409, not 500. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException('UNIT_CODE_TAKEN', '单位代码已被其他单位使用');
      if (isForeignKeyViolation(error)) throw new DomainException('ORG_IN_USE');
      throw error;
    }
  }
}
