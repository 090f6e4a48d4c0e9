import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MatterPage, MatterView } from '@pioneer/shared-types';
import { Brackets, DataSource, type EntityManager, In, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { pageWindow } from '../../common/http/paging.js';
import { AuditService } from '../audit/audit.service.js';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { UnitEntity } from '../org/entities/unit.entity.js';
import { ScopeService } from '../org/scope.service.js';
import { ProblemEntity } from '../problems/entities/problem.entity.js';
import { Clock } from '../services/clock.js';
import { shanghaiDate } from '../services/hours.js';
import { VisitEntity } from '../visits/entities/visit.entity.js';
import type { MatterInputDto, MatterListQueryDto, MatterUpdateDto } from './dto/matter.dto.js';
import { MatterEntity } from './entities/matter.entity.js';
import { MatterLinkEntity } from './entities/matter-link.entity.js';

const NOT_YOURS = '这件实事不在您的管理范围内';

/**
 * 实事: concrete things done for residents, counted by the day they were done. An organizer records them for a unit
 * in scope, a worker for a community they serve; the author or an organizer covering the unit changes or removes
 * them. Lists carry the period's total of residents helped over every matching row, not just the page.
 */
@Injectable()
export class MattersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, input: MatterInputDto): Promise<MatterView> {
    const communityId = input.communityId ?? null;
    const village = input.village ? input.village : null;
    this.assertPlace(communityId, village);
    this.assertDay(input.doneOn);
    if (!(await this.ds.getRepository(UnitEntity).existsBy({ id: input.unitId }))) throw new DomainException('NOT_FOUND', '单位不存在');
    if (communityId && !(await this.ds.getRepository(CommunityEntity).existsBy({ id: communityId }))) {
      throw new DomainException('NOT_FOUND', '社区不存在');
    }
    const worker = communityId !== null && (await this.scope.workerCommunityIds(user)).includes(communityId);
    if (!worker && !(await this.organizerCoversUnit(user, input.unitId))) throw new DomainException('FORBIDDEN', NOT_YOURS);
    const problemIds = [...new Set(input.problemIds ?? [])];
    const visitIds = [...new Set(input.visitIds ?? [])];
    await this.assertLinks(user, problemIds, visitIds);

    const id = await this.ds.transaction(async (m) => {
      const row = m.getRepository(MatterEntity).create({
        title: input.title,
        unitId: input.unitId,
        communityId,
        village,
        doneOn: input.doneOn,
        beneficiaries: input.beneficiaries,
        description: input.description,
        authorId: user.memberId,
      });
      await m.getRepository(MatterEntity).insert(row);
      await this.link(m, row.id, problemIds, visitIds);
      await this.audit.record(
        { actorId: user.memberId, action: 'matter.create', targetType: 'matter', targetId: row.id, result: 'success', detail: { unitId: row.unitId } },
        m,
      );
      return row.id;
    });
    return (await this.load([id]))[0]!;
  }

  async list(user: AuthUser, query: MatterListQueryDto): Promise<MatterPage> {
    const window = pageWindow(query);
    const base = this.ds.getRepository(MatterEntity).createQueryBuilder('mt');
    if (!(await this.restrict(user, base))) {
      return { items: [], page: window.page, pageSize: window.pageSize, total: 0, beneficiaries: 0 };
    }
    if (query.from) base.andWhere('mt.done_on >= :from', { from: query.from });
    if (query.to) base.andWhere('mt.done_on <= :to', { to: query.to });
    if (query.unitId) base.andWhere('mt.unit_id = :unitId', { unitId: query.unitId });
    if (query.communityId) base.andWhere('mt.community_id = :communityId', { communityId: query.communityId });
    const totals: { total: string | number | null; beneficiaries: string | number | null } | undefined = await base
      .clone()
      .select('COUNT(*)', 'total')
      .addSelect('COALESCE(SUM(mt.beneficiaries), 0)', 'beneficiaries')
      .getRawOne();
    const rows: Array<{ id: string }> = await base
      .select('mt.id', 'id')
      .orderBy('mt.done_on', 'DESC')
      .addOrderBy('mt.created_at', 'DESC')
      .addOrderBy('mt.id', 'DESC')
      .offset(window.skip)
      .limit(window.take)
      .getRawMany();
    return {
      items: await this.load(rows.map((r) => r.id)),
      page: window.page,
      pageSize: window.pageSize,
      total: Number(totals?.total ?? 0),
      beneficiaries: Number(totals?.beneficiaries ?? 0),
    };
  }

  async update(user: AuthUser, id: string, input: MatterUpdateDto): Promise<MatterView> {
    const matter = await this.mayChange(user, id);
    const communityId = input.communityId !== undefined ? input.communityId : matter.communityId;
    const village = input.village !== undefined ? input.village || null : matter.village;
    this.assertPlace(communityId, village);
    if (input.doneOn !== undefined) this.assertDay(input.doneOn);
    const unitId = input.unitId ?? matter.unitId;
    if (unitId !== matter.unitId) {
      if (!(await this.ds.getRepository(UnitEntity).existsBy({ id: unitId }))) throw new DomainException('NOT_FOUND', '单位不存在');
      const worker = communityId !== null && (await this.scope.workerCommunityIds(user)).includes(communityId);
      if (!worker && !(await this.organizerCoversUnit(user, unitId))) throw new DomainException('FORBIDDEN', NOT_YOURS);
    }
    if (communityId && communityId !== matter.communityId && !(await this.ds.getRepository(CommunityEntity).existsBy({ id: communityId }))) {
      throw new DomainException('NOT_FOUND', '社区不存在');
    }
    const problemIds = input.problemIds ? [...new Set(input.problemIds)] : undefined;
    const visitIds = input.visitIds ? [...new Set(input.visitIds)] : undefined;
    await this.assertLinks(user, problemIds ?? [], visitIds ?? []);
    await this.ds.transaction(async (m) => {
      await m.getRepository(MatterEntity).update(
        { id },
        {
          title: input.title ?? matter.title,
          unitId,
          communityId,
          village,
          doneOn: input.doneOn ?? matter.doneOn,
          beneficiaries: input.beneficiaries ?? matter.beneficiaries,
          description: input.description ?? matter.description,
        },
      );
      const links = m.getRepository(MatterLinkEntity);
      if (problemIds) {
        await links.createQueryBuilder().delete().where('matter_id = :id AND problem_id IS NOT NULL', { id }).execute();
        await this.link(m, id, problemIds, []);
      }
      if (visitIds) {
        await links.createQueryBuilder().delete().where('matter_id = :id AND visit_id IS NOT NULL', { id }).execute();
        await this.link(m, id, [], visitIds);
      }
      await this.audit.record({ actorId: user.memberId, action: 'matter.update', targetType: 'matter', targetId: id, result: 'success' }, m);
    });
    return (await this.load([id]))[0]!;
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    const matter = await this.mayChange(user, id);
    await this.ds.transaction(async (m) => {
      await m.getRepository(MatterLinkEntity).delete({ matterId: id });
      await m.getRepository(MatterEntity).delete({ id });
      await this.audit.record(
        { actorId: user.memberId, action: 'matter.delete', targetType: 'matter', targetId: id, result: 'success', detail: { title: matter.title } },
        m,
      );
    });
  }

  /** The author, or an organizer covering its unit; anyone else who can see it gets 403, the rest 404. */
  private async mayChange(user: AuthUser, id: string): Promise<MatterEntity> {
    const matter = await this.ds.getRepository(MatterEntity).findOneBy({ id });
    if (!matter) throw new DomainException('NOT_FOUND', '实事不存在');
    if (matter.authorId === user.memberId || (await this.organizerCoversUnit(user, matter.unitId))) return matter;
    const qb = this.ds.getRepository(MatterEntity).createQueryBuilder('mt').where('mt.id = :id', { id });
    if ((await this.restrict(user, qb)) && (await qb.getCount()) > 0) throw new DomainException('FORBIDDEN', NOT_YOURS);
    throw new DomainException('NOT_FOUND', '实事不存在');
  }

  private async organizerCoversUnit(user: AuthUser, unitId: string): Promise<boolean> {
    if (!user.roles.some((r) => r.role === 'organizer')) return false;
    const units = await this.scope.organizerUnits(user);
    return units.all || units.ids.includes(unitId);
  }

  /** Organizer: the units in scope; worker: their communities; member: their own unit's. False when nothing. */
  private async restrict(user: AuthUser, qb: SelectQueryBuilder<MatterEntity>): Promise<boolean> {
    const units = user.roles.some((r) => r.role === 'organizer') ? await this.scope.organizerUnits(user) : { all: false as const, ids: [] };
    if (units.all) return true;
    const communityIds = await this.scope.workerCommunityIds(user);
    const me = await this.ds.getRepository(MemberEntity).findOne({ where: { id: user.memberId }, select: { id: true, unitId: true } });
    const unitIds = [...new Set([...units.ids, ...(me ? [me.unitId] : [])])];
    if (unitIds.length + communityIds.length === 0) return false;
    qb.andWhere(
      new Brackets((w) => {
        if (unitIds.length) w.orWhere('mt.unit_id IN (:...scopeUnitIds)', { scopeUnitIds: unitIds });
        if (communityIds.length) w.orWhere('mt.community_id IN (:...scopeCommunityIds)', { scopeCommunityIds: communityIds });
      }),
    );
    return true;
  }

  private assertPlace(communityId: string | null, village: string | null): void {
    if (communityId !== null && village !== null) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'village', message: '社区和村组至多填写一项' }]);
    }
  }

  private assertDay(day: string): void {
    if (day > shanghaiDate(this.clock.now()) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'doneOn', message: '办成日期不能晚于今天' }]);
    }
  }

  /** Every linked problem and visit must exist and be the caller's to see; else NOT_FOUND, like a missing one. */
  private async assertLinks(user: AuthUser, problemIds: string[], visitIds: string[]): Promise<void> {
    if (problemIds.length) {
      const problems = await this.ds.getRepository(ProblemEntity).findBy({ id: In(problemIds) });
      if (problems.length !== problemIds.length) throw new DomainException('NOT_FOUND', '关联的问题不存在');
      if (!this.scope.isDistrictOrganizer(user)) {
        const communityIds = await this.scope.workerCommunityIds(user);
        const units = await this.scope.organizerUnits(user);
        const unitIds = units.all ? null : units.ids;
        for (const p of problems) {
          const visible =
            p.recorderId === user.memberId ||
            (p.communityId !== null && communityIds.includes(p.communityId)) ||
            (p.handlingCommunityId !== null && communityIds.includes(p.handlingCommunityId)) ||
            (p.handlingUnitId !== null && (unitIds === null || unitIds.includes(p.handlingUnitId)));
          if (!visible) throw new DomainException('NOT_FOUND', '关联的问题不存在');
        }
      }
    }
    if (visitIds.length) {
      const visits = await this.ds.getRepository(VisitEntity).findBy({ id: In(visitIds) });
      if (visits.length !== visitIds.length) throw new DomainException('NOT_FOUND', '关联的走访不存在');
      if (!this.scope.isDistrictOrganizer(user)) {
        const members = await this.ds.getRepository(MemberEntity).find({
          where: { id: In([...new Set(visits.map((v) => v.memberId))]) },
          select: { id: true, unitId: true, branchId: true },
        });
        const memberOf = new Map(members.map((m) => [m.id, m]));
        for (const v of visits) {
          const member = memberOf.get(v.memberId);
          const visible = v.memberId === user.memberId || (!!member && (await this.scope.organizerCovers(user, member)));
          if (!visible) throw new DomainException('NOT_FOUND', '关联的走访不存在');
        }
      }
    }
  }

  private async link(m: EntityManager, matterId: string, problemIds: string[], visitIds: string[]): Promise<void> {
    const rows = [
      ...problemIds.map((problemId) => ({ id: randomUUID(), matterId, problemId, visitId: null })),
      ...visitIds.map((visitId) => ({ id: randomUUID(), matterId, problemId: null, visitId })),
    ];
    if (rows.length) await m.getRepository(MatterLinkEntity).insert(rows);
  }

  /** The views of these matters, in the order given. */
  private async load(ids: string[]): Promise<MatterView[]> {
    if (ids.length === 0) return [];
    const matters = await this.ds.getRepository(MatterEntity).findBy({ id: In(ids) });
    const links = await this.ds.getRepository(MatterLinkEntity).findBy({ matterId: In(ids) });
    const units = await this.ds
      .getRepository(UnitEntity)
      .find({ where: { id: In([...new Set(matters.map((m) => m.unitId))]) }, select: { id: true, name: true } });
    const communityIds = [...new Set(matters.flatMap((m) => (m.communityId ? [m.communityId] : [])))];
    const communities = communityIds.length
      ? await this.ds.getRepository(CommunityEntity).find({ where: { id: In(communityIds) }, select: { id: true, name: true } })
      : [];
    const authors = await this.ds
      .getRepository(MemberEntity)
      .find({ where: { id: In([...new Set(matters.map((m) => m.authorId))]) }, select: { id: true, name: true } });
    const byId = new Map(matters.map((m) => [m.id, m]));
    const unitOf = new Map(units.map((u) => [u.id, u]));
    const communityOf = new Map(communities.map((c) => [c.id, c]));
    const authorOf = new Map(authors.map((a) => [a.id, a]));
    return ids.flatMap((id) => {
      const m = byId.get(id);
      if (!m) return [];
      const c = m.communityId ? communityOf.get(m.communityId) : undefined;
      const mine = links.filter((l) => l.matterId === id);
      return [
        {
          id: m.id,
          title: m.title,
          unit: { id: m.unitId, name: unitOf.get(m.unitId)?.name ?? '' },
          community: c ? { id: c.id, name: c.name } : null,
          village: m.village,
          doneOn: m.doneOn,
          beneficiaries: m.beneficiaries,
          description: m.description,
          problemIds: mine.flatMap((l) => (l.problemId ? [l.problemId] : [])),
          visitIds: mine.flatMap((l) => (l.visitId ? [l.visitId] : [])),
          author: { id: m.authorId, name: authorOf.get(m.authorId)?.name ?? '' },
          createdAt: m.createdAt.toISOString(),
        },
      ];
    });
  }
}
