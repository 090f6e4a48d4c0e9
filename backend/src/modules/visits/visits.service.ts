import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Page, VISIT_ACTIVITY_KINDS, type VisitView } from '@pioneer/shared-types';
import { Brackets, DataSource, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { pageWindow, toPage } from '../../common/http/paging.js';
import { ActivityEntity } from '../activities/entities/activity.entity.js';
import { SignupEntity } from '../activities/entities/signup.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { HouseholdEntity } from '../households/entities/household.entity.js';
import { PairingEntity } from '../households/entities/pairing.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { ScopeService } from '../org/scope.service.js';
import { Clock } from '../services/clock.js';
import { shanghaiDate } from '../services/hours.js';
import type { VisitInputDto, VisitListQueryDto } from './dto/visit.dto.js';
import { VisitEntity } from './entities/visit.entity.js';
import { mapVisit } from './visits.mapper.js';
import { assertMayRecordFor } from '../registrations/record-for.js';

/**
 * 走访 records. A member records their own; on someone's behalf (a paper list brought in later) an organizer who
 * covers the member, or a worker of the community the member is registered with, records it with a reason, audited.
 * Reading: a member their own; an organizer also the visits of the members they cover; a worker also those of the
 * members registered with the communities they serve.
 */
@Injectable()
export class VisitsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, input: VisitInputDto): Promise<VisitView> {
    const memberId = input.memberId ?? user.memberId;
    const onBehalf = memberId !== user.memberId;
    const reason = input.onBehalfReason?.trim() ?? '';
    if (onBehalf && !reason) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'onBehalfReason', message: '代为记录时请写明原因' }]);
    }
    const member = await this.ds.getRepository(MemberEntity).findOne({
      where: { id: memberId },
      select: { id: true, name: true, unitId: true, branchId: true },
    });
    if (onBehalf) await assertMayRecordFor(this.ds, this.scope, user, member);
    if (!member) throw new DomainException('NOT_FOUND', '这位党员不存在');

    const today = shanghaiDate(this.clock.now());
    if (input.visitedOn > today || Number.isNaN(Date.parse(`${input.visitedOn}T00:00:00Z`))) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'visitedOn', message: '走访日期不能晚于今天' }]);
    }

    const activityId = input.activityId ?? null;
    if (activityId) {
      const activity = await this.ds.getRepository(ActivityEntity).findOneBy({ id: activityId });
      if (!activity) throw new DomainException('NOT_FOUND', '活动不存在');
      if (!VISIT_ACTIVITY_KINDS.includes(activity.kind)) throw new DomainException('VISIT_KIND_INVALID');
      const signup = await this.ds
        .getRepository(SignupEntity)
        .findOneBy({ activityId, memberId, status: In(['confirmed', 'attended']) });
      if (!signup) throw new DomainException('SIGNUP_NOT_FOUND', '没有找到这位党员在该活动的有效报名');
      if (input.visitedOn < shanghaiDate(activity.startsAt)) {
        throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'visitedOn', message: '走访日期不能早于活动开始的日期' }]);
      }
    }

    const householdId = input.householdId ?? null;
    if (householdId) {
      if (!(await this.ds.getRepository(HouseholdEntity).existsBy({ id: householdId }))) throw new DomainException('NOT_FOUND', '住户不存在');
      const paired = await this.ds.getRepository(PairingEntity).existsBy({ householdId, memberId, status: 'active' });
      if (!paired) throw new DomainException('FORBIDDEN', '您还没有与这户结对');
    }

    const id = await this.ds.transaction(async (m) => {
      const repo = m.getRepository(VisitEntity);
      const row = repo.create({
        memberId,
        activityId,
        householdId,
        place: input.place,
        visitedOn: input.visitedOn,
        note: input.note ? input.note : null,
        onBehalf,
        onBehalfReason: onBehalf ? reason : null,
        createdBy: user.memberId,
      });
      await repo.insert(row);
      if (onBehalf) {
        await this.audit.record(
          {
            actorId: user.memberId,
            action: 'visit.on_behalf',
            targetType: 'visit',
            targetId: row.id,
            result: 'success',
            detail: { memberId, activityId, householdId, visitedOn: input.visitedOn, reason },
          },
          m,
        );
      }
      return row.id;
    });
    return (await this.load([id]))[0]!;
  }

  async list(user: AuthUser, query: VisitListQueryDto): Promise<Page<VisitView>> {
    const window = pageWindow(query);
    const qb = this.ds
      .getRepository(VisitEntity)
      .createQueryBuilder('v')
      .innerJoin(MemberEntity, 'm', 'm.id = v.member_id')
      .select('v.id', 'id');
    const reach = this.scope.organizerMemberScope(user);
    const isOrganizer = user.roles.some((r) => r.role === 'organizer');
    const communityIds = await this.scope.workerCommunityIds(user);
    if (!(isOrganizer && reach.all)) {
      qb.andWhere(
        new Brackets((w) => {
          w.where('v.member_id = :self', { self: user.memberId });
          if (isOrganizer && !reach.all) {
            if (reach.unitIds.length) w.orWhere('m.unit_id IN (:...scopeUnitIds)', { scopeUnitIds: reach.unitIds });
            if (reach.branchIds.length) w.orWhere('m.branch_id IN (:...scopeBranchIds)', { scopeBranchIds: reach.branchIds });
          }
          if (communityIds.length) {
            w.orWhere(
              `v.member_id IN (SELECT rg.member_id FROM registrations rg WHERE rg.status = 'approved' AND rg.community_id IN (:...scopeCommunityIds))`,
              { scopeCommunityIds: communityIds },
            );
          }
        }),
      );
    }
    if (query.activityId) qb.andWhere('v.activity_id = :activityId', { activityId: query.activityId });
    if (query.householdId) qb.andWhere('v.household_id = :householdId', { householdId: query.householdId });
    if (query.memberId) qb.andWhere('v.member_id = :memberId', { memberId: query.memberId });
    const total = await qb.getCount();
    const rows: Array<{ id: string }> = await qb
      .orderBy('v.visited_on', 'DESC')
      .addOrderBy('v.created_at', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .offset(window.skip)
      .limit(window.take)
      .getRawMany();
    return toPage(await this.load(rows.map((r) => r.id)), total, window);
  }

  /** The views of these visits, in the order given: three reads for a whole page. */
  private async load(ids: string[]): Promise<VisitView[]> {
    if (ids.length === 0) return [];
    const visits = await this.ds.getRepository(VisitEntity).findBy({ id: In(ids) });
    const members = await this.ds.getRepository(MemberEntity).find({
      where: { id: In([...new Set(visits.map((v) => v.memberId))]) },
      select: { id: true, name: true },
    });
    const activityIds = [...new Set(visits.flatMap((v) => (v.activityId ? [v.activityId] : [])))];
    const activities = activityIds.length
      ? await this.ds.getRepository(ActivityEntity).find({ where: { id: In(activityIds) }, select: { id: true, title: true, kind: true } })
      : [];
    const byId = new Map(visits.map((v) => [v.id, v]));
    const memberOf = new Map(members.map((m) => [m.id, m]));
    const activityOf = new Map(activities.map((a) => [a.id, a]));
    return ids.flatMap((id) => {
      const v = byId.get(id);
      return v ? [mapVisit(v, memberOf.get(v.memberId) ?? null, v.activityId ? (activityOf.get(v.activityId) ?? null) : null)] : [];
    });
  }
}
