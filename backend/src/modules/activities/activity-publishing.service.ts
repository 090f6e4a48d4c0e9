import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { ActivityDetail, ActivityScopeKind, FieldError } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { beijingTime } from '../messages/messages.mapper.js';
import { MessagesService, type SendMessageInput } from '../messages/messages.service.js';
import { BranchEntity } from '../org/entities/branch.entity.js';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { RoleAssignmentEntity } from '../org/entities/role-assignment.entity.js';
import { UnitEntity } from '../org/entities/unit.entity.js';
import { Clock } from '../services/clock.js';
import { ServiceTransactions } from '../services/service-transactions.js';
import { ActivityAccess } from './activity-access.service.js';
import { activityLink, activityPushData } from './activity-messages.js';
import { assertCanTake, EDITABLE_STATUSES, NEW_ACTIVITY_STATE, transition } from './activity-lifecycle.js';
import { ActivitiesService } from './activities.service.js';
import type { ActivityCancelDto, ActivityReviewDto, CreateActivityDto, UpdateActivityDto } from './dto/activity.dto.js';
import { ActivityEligibilityEntity } from './entities/activity-eligibility.entity.js';
import { ActivityThemeEntity } from './entities/activity-theme.entity.js';
import { ActivityEntity } from './entities/activity.entity.js';
import { SignupEntity } from './entities/signup.entity.js';

const HOUR = 3600_000;

/** The fields that make up an activity once input and stored row are merged (for validation). */
interface Draft {
  kind: ActivityEntity['kind'];
  subKind: ActivityEntity['subKind'];
  needKind: ActivityEntity['needKind'];
  themeId: string | null;
  title: string;
  description: string;
  place: string;
  communityId: string | null;
  startsAt: Date;
  endsAt: Date;
  signupDeadline: Date;
  cancelDeadline: Date;
  capacity: number | null;
  waitlistLimit: number;
  creditedHours: number;
  scopeKind: ActivityScopeKind;
  scopeId: string | null;
  eligibleUnitIds: string[];
  eligibleBranchIds: string[];
}

/** Activities a worker may publish as a community need: a volunteer job, or something else the community asks for. */
export const NEED_ACTIVITY_KINDS = ['volunteer', 'other'] as const;

/**
 * Publishing: drafting, editing, submitting, reviewing (三审三校 for district-wide activities), cancelling and
 * finishing. Organizers publish in their branch, unit or the district; a community worker publishes the needs of a
 * community they serve (scope community, no review). Steps go through activity-lifecycle.ts.
 */
@Injectable()
export class ActivityPublishingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectRepository(ActivityEntity) private readonly activities: Repository<ActivityEntity>,
    @InjectRepository(ActivityEligibilityEntity) private readonly rules: Repository<ActivityEligibilityEntity>,
    @InjectRepository(ActivityThemeEntity) private readonly themes: Repository<ActivityThemeEntity>,
    @InjectRepository(BranchEntity) private readonly branches: Repository<BranchEntity>,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    @InjectRepository(CommunityEntity) private readonly communities: Repository<CommunityEntity>,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(RoleAssignmentEntity) private readonly roleRows: Repository<RoleAssignmentEntity>,
    private readonly access: ActivityAccess,
    private readonly queries: ActivitiesService,
    private readonly tx: ServiceTransactions,
    private readonly messages: MessagesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, input: CreateActivityDto, ip: string): Promise<ActivityDetail> {
    const scopeId = input.scopeKind === 'district' ? null : (input.scopeId ?? null);
    if (input.scopeKind !== 'district' && !scopeId) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'scopeId', message: '请选择发布范围' }]);
    }
    const reach = await this.access.reach(user);
    if (!this.access.covers(reach, input.scopeKind, scopeId)) {
      throw new DomainException(
        'FORBIDDEN',
        input.scopeKind === 'community' ? '该社区不在您的工作范围内' : '您不能在这个范围内发布活动',
      );
    }
    const draft: Draft = {
      kind: input.kind,
      subKind: input.subKind ?? null,
      needKind: input.needKind ?? null,
      themeId: input.themeId ?? null,
      title: input.title,
      description: input.description,
      place: input.place,
      communityId: input.scopeKind === 'community' ? scopeId : (input.communityId ?? null),
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      signupDeadline: new Date(input.signupDeadline),
      cancelDeadline: new Date(input.cancelDeadline),
      capacity: input.capacity ?? null,
      waitlistLimit: input.waitlistLimit ?? 0,
      creditedHours: input.creditedHours,
      scopeKind: input.scopeKind,
      scopeId,
      eligibleUnitIds: input.eligibleUnitIds ?? [],
      eligibleBranchIds: input.eligibleBranchIds ?? [],
    };
    await this.validate(draft);
    const unitId = await this.publishingUnit(user, draft.scopeKind, scopeId);
    const id = randomUUID();
    await this.tx.run(async (m) => {
      const now = new Date();
      await m.getRepository(ActivityEntity).insert({
        id,
        ...this.columns(draft),
        scopeKind: draft.scopeKind,
        scopeId,
        status: 'draft',
        unitId,
        authorId: user.memberId,
        ...NEW_ACTIVITY_STATE,
        createdAt: now,
        updatedAt: now,
      });
      await this.writeRules(m, id, draft);
      await this.record(m, user, 'activity.create', id, ip, { scopeKind: draft.scopeKind });
    });
    return this.queries.detail(user, id);
  }

  async update(user: AuthUser, id: string, input: UpdateActivityDto, ip: string): Promise<ActivityDetail> {
    const activity = await this.findManaged(user, id);
    if (!EDITABLE_STATUSES.includes(activity.status)) throw new DomainException('ACTIVITY_STATE_INVALID');
    const rules = await this.rules.find({ where: { activityId: id } });
    const at = (v: string | undefined, current: Date) => (v === undefined ? current : new Date(v));
    const draft: Draft = {
      kind: input.kind ?? activity.kind,
      subKind: input.subKind !== undefined ? input.subKind : activity.subKind,
      needKind: input.needKind !== undefined ? input.needKind : activity.needKind,
      themeId: input.themeId !== undefined ? input.themeId : activity.themeId,
      title: input.title ?? activity.title,
      description: input.description ?? activity.description,
      place: input.place ?? activity.place,
      communityId:
        activity.scopeKind === 'community' ? activity.scopeId : input.communityId !== undefined ? input.communityId : activity.communityId,
      startsAt: at(input.startsAt, activity.startsAt),
      endsAt: at(input.endsAt, activity.endsAt),
      signupDeadline: at(input.signupDeadline, activity.signupDeadline),
      cancelDeadline: at(input.cancelDeadline, activity.cancelDeadline),
      capacity: input.capacity !== undefined ? input.capacity : activity.capacity,
      waitlistLimit: input.waitlistLimit ?? (input.capacity === null ? 0 : activity.waitlistLimit),
      creditedHours: input.creditedHours ?? activity.creditedHours,
      scopeKind: activity.scopeKind,
      scopeId: activity.scopeId,
      eligibleUnitIds: input.eligibleUnitIds ?? rules.filter((r) => r.kind === 'unit').map((r) => r.targetId),
      eligibleBranchIds: input.eligibleBranchIds ?? rules.filter((r) => r.kind === 'branch').map((r) => r.targetId),
    };
    await this.validate(draft);
    if (draft.capacity !== null && draft.capacity < activity.confirmedCount) {
      throw new DomainException('VALIDATION_FAILED', undefined, [
        { field: 'capacity', message: `已有 ${activity.confirmedCount} 人报名，名额不能少于 ${activity.confirmedCount}` },
      ]);
    }
    const textChanged = draft.title !== activity.title || draft.description !== activity.description || draft.place !== activity.place;
    // Once the public may read it (or a reviewer is reading it), new text is checked again before it is saved.
    if (textChanged && activity.status !== 'draft') await this.access.checkContent(activity.authorId, draft);
    const changed: string[] = [];
    if (draft.startsAt.getTime() !== activity.startsAt.getTime() || draft.endsAt.getTime() !== activity.endsAt.getTime()) changed.push('时间');
    if (draft.place !== activity.place) changed.push('地点');
    await this.tx.run(async (m) => {
      const qb = m
        .createQueryBuilder()
        .update(ActivityEntity)
        .set({ ...this.columns(draft), updatedAt: new Date() })
        .where('id = :id', { id })
        .andWhere('status = :status', { status: activity.status });
      // A sign-up taken since the row was read still counts: the new capacity must hold everyone with a place.
      if (draft.capacity !== null) qb.andWhere('confirmed_count <= :capacity', { capacity: draft.capacity });
      const result = await qb.execute();
      if (!result.affected) {
        const now = await m.getRepository(ActivityEntity).findOneByOrFail({ id });
        if (now.status !== activity.status) throw new DomainException('ACTIVITY_STATE_INVALID');
        throw new DomainException('VALIDATION_FAILED', undefined, [
          { field: 'capacity', message: `已有 ${now.confirmedCount} 人报名，名额不能少于 ${now.confirmedCount}` },
        ]);
      }
      if (input.eligibleUnitIds !== undefined || input.eligibleBranchIds !== undefined) {
        await m.getRepository(ActivityEligibilityEntity).delete({ activityId: id });
        await this.writeRules(m, id, draft);
      }
      const fields = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
      await this.record(m, user, 'activity.update', id, ip, { fields });
      if (activity.status === 'published' && changed.length > 0) {
        const note = `活动${changed.join('和')}有变动，请留意`;
        const people = await this.signedUp(m, id, ['confirmed', 'waitlisted']);
        await this.messages.sendMany(
          people.map((memberId) => ({
            memberId,
            kind: 'activity_changed',
            title: '您报名的活动有变动',
            body: `「${draft.title}」的${changed.join('和')}已调整：${beijingTime(draft.startsAt)}，${draft.place}。`,
            link: activityLink(id),
            pushData: activityPushData(draft, note),
          })),
          m,
        );
      }
    });
    return this.queries.detail(user, id);
  }

  async submit(user: AuthUser, id: string, ip: string): Promise<ActivityDetail> {
    const activity = await this.findManaged(user, id);
    assertCanTake('submit', activity.status);
    await this.access.checkContent(activity.authorId, activity);
    await this.tx.run(async (m) => {
      const now = this.clock.now();
      const to = await transition(m, activity, 'submit', activity.scopeKind === 'district' ? {} : { publishedAt: now });
      await this.record(m, user, 'activity.submit', id, ip, { status: to });
      if (to === 'in_review') {
        const reviewers = await this.districtOrganizers(m, activity.authorId);
        await this.messages.sendMany(
          reviewers.map((memberId) => ({
            memberId,
            kind: 'activity_review',
            title: '有一个全区活动等待您审核',
            body: `「${activity.title}」已提交，请审核后发布。`,
            link: activityLink(id),
          })),
          m,
        );
      }
    });
    return this.queries.detail(user, id);
  }

  async review(user: AuthUser, id: string, input: ActivityReviewDto, ip: string): Promise<ActivityDetail> {
    if (!this.access.isDistrictOrganizer(user)) throw new DomainException('FORBIDDEN', '只有区级组织者可以审核全区活动');
    const activity = await this.activities.findOneBy({ id });
    if (!activity) throw new DomainException('NOT_FOUND', '活动不存在');
    if (activity.authorId === user.memberId) throw new DomainException('ACTIVITY_OWN_REVIEW');
    const note = input.note?.trim() || null;
    if (input.decision === 'reject' && !note) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'note', message: '退回时请写明需要修改的地方' }]);
    }
    assertCanTake(input.decision, activity.status);
    await this.tx.run(async (m) => {
      const now = this.clock.now();
      await transition(m, activity, input.decision, {
        reviewedBy: user.memberId,
        reviewedAt: now,
        reviewNote: note,
        ...(input.decision === 'approve' ? { publishedAt: now } : {}),
      });
      await this.record(m, user, 'activity.review', id, ip, { decision: input.decision });
      await this.messages.send(
        {
          memberId: activity.authorId,
          kind: 'activity_reviewed',
          title: input.decision === 'approve' ? '您提交的活动已同意发布' : '您提交的活动被退回修改',
          body:
            input.decision === 'approve'
              ? `「${activity.title}」已发布，党员现在可以报名。`
              : `「${activity.title}」需要修改：${note}`,
          link: activityLink(id),
        },
        m,
      );
    });
    return this.queries.detail(user, id);
  }

  /** Cancelling tells everyone signed up and gives back every place, in the same transaction as the step. */
  async cancel(user: AuthUser, id: string, input: ActivityCancelDto, ip: string): Promise<ActivityDetail> {
    const activity = await this.findManaged(user, id);
    assertCanTake('cancel', activity.status);
    await this.tx.run(async (m) => {
      const now = this.clock.now();
      await transition(m, activity, 'cancel', { cancelReason: input.reason, confirmedCount: 0, waitlistCount: 0 });
      const people = await this.signedUp(m, id, ['confirmed', 'waitlisted']);
      if (people.length > 0) {
        await m
          .createQueryBuilder()
          .update(SignupEntity)
          .set({ status: 'cancelled', cancelledAt: now, cancelReason: '活动已取消', waitlistSeq: null, updatedAt: now })
          .where('activity_id = :id', { id })
          .andWhere('status IN (:...active)', { active: ['confirmed', 'waitlisted'] })
          .execute();
      }
      await this.record(m, user, 'activity.cancel', id, ip, { signups: people.length });
      const inputs: SendMessageInput[] = people.map((memberId) => ({
        memberId,
        kind: 'activity_cancelled',
        title: '您报名的活动已取消',
        body: `「${activity.title}」已取消：${input.reason}`,
        link: activityLink(id),
        pushData: activityPushData(activity, '活动已取消，您的报名随之取消'),
      }));
      await this.messages.sendMany(inputs, m);
    });
    return this.queries.detail(user, id);
  }

  async finish(user: AuthUser, id: string, ip: string): Promise<ActivityDetail> {
    const activity = await this.findManaged(user, id);
    assertCanTake('finish', activity.status);
    if (this.clock.now() < activity.startsAt) throw new DomainException('ACTIVITY_STATE_INVALID', '活动开始后才能结束');
    await this.tx.run(async (m) => {
      await transition(m, activity, 'finish');
      await this.record(m, user, 'activity.finish', id, ip);
    });
    return this.queries.detail(user, id);
  }

  // ---- helpers ----

  private record(m: EntityManager, user: AuthUser, action: string, id: string, ip: string, detail?: Record<string, unknown>): Promise<void> {
    return this.audit.record({ actorId: user.memberId, action, targetType: 'activity', targetId: id, ip, result: 'success', detail }, m);
  }

  private async findManaged(user: AuthUser, id: string): Promise<ActivityEntity> {
    const activity = await this.activities.findOneBy({ id });
    if (!activity) throw new DomainException('NOT_FOUND', '活动不存在');
    if (!(await this.access.managesActivity(user, activity))) {
      // Visible to them (a member signed up, say) but not theirs to manage; otherwise as if absent.
      if (await this.queries.visible(user, activity)) throw new DomainException('FORBIDDEN', '您不能管理这个活动');
      throw new DomainException('NOT_FOUND', '活动不存在');
    }
    return activity;
  }

  private columns(d: Draft): Partial<ActivityEntity> {
    return {
      kind: d.kind,
      subKind: d.subKind,
      needKind: d.needKind,
      themeId: d.themeId,
      title: d.title,
      description: d.description,
      place: d.place,
      communityId: d.communityId,
      startsAt: d.startsAt,
      endsAt: d.endsAt,
      signupDeadline: d.signupDeadline,
      cancelDeadline: d.cancelDeadline,
      capacity: d.capacity,
      waitlistLimit: d.waitlistLimit,
      creditedHours: d.creditedHours,
    };
  }

  /** Field-level checks across fields and against the database; all problems at once. */
  private async validate(d: Draft): Promise<void> {
    const errors: FieldError[] = [];
    const add = (field: string, message: string) => errors.push({ field, message });
    if (d.endsAt <= d.startsAt) add('endsAt', '结束时间须晚于开始时间');
    if (d.signupDeadline > d.startsAt) add('signupDeadline', '报名截止时间不能晚于开始时间');
    if (d.cancelDeadline > d.startsAt) add('cancelDeadline', '取消报名截止时间不能晚于开始时间');
    if (d.capacity === null && d.waitlistLimit !== 0) add('waitlistLimit', '不限名额时不设候补，请把候补人数设为 0');
    if (Math.round(d.creditedHours * 2) !== d.creditedHours * 2) add('creditedHours', '记入时长以 0.5 小时为单位');
    else if (d.endsAt > d.startsAt && d.creditedHours > (d.endsAt.getTime() - d.startsAt.getTime()) / HOUR) {
      add('creditedHours', '记入时长不能超过活动的计划时长');
    }
    if (d.subKind !== null && d.kind !== 'volunteer') add('subKind', '只有志愿服务活动可以选择细类');
    if (d.scopeKind === 'community') {
      if (!d.needKind) add('needKind', '请选择需求类型');
      if (!(NEED_ACTIVITY_KINDS as readonly string[]).includes(d.kind)) add('kind', '社区需求只能是志愿服务或其他类型');
      if (d.eligibleUnitIds.length || d.eligibleBranchIds.length) add('eligibleUnitIds', '社区需求面向在本社区报到的党员，不能再限定单位或支部');
    } else if (d.needKind !== null) {
      add('needKind', '只有社区需求可以选择需求类型');
    }
    if (d.themeId && !(await this.themes.existsBy({ id: d.themeId }))) add('themeId', '所选主题不存在');
    if (d.communityId && !(await this.communities.existsBy({ id: d.communityId }))) {
      add(d.scopeKind === 'community' ? 'scopeId' : 'communityId', '所选社区不存在');
    }
    if (d.scopeKind === 'unit' && d.scopeId && !(await this.units.existsBy({ id: d.scopeId }))) add('scopeId', '所选单位不存在');
    if (d.scopeKind === 'branch' && d.scopeId && !(await this.branches.existsBy({ id: d.scopeId }))) add('scopeId', '所选支部不存在');
    if (d.eligibleUnitIds.length) {
      const found = await this.units.find({ where: { id: In(d.eligibleUnitIds) }, select: { id: true } });
      const inside = (u: string) => d.scopeKind === 'district' || (d.scopeKind === 'unit' && u === d.scopeId);
      if (found.length !== d.eligibleUnitIds.length) add('eligibleUnitIds', '所选单位有不存在的');
      else if (!d.eligibleUnitIds.every(inside)) add('eligibleUnitIds', '所选单位须在发布范围之内');
    }
    if (d.eligibleBranchIds.length) {
      const found = await this.branches.find({ where: { id: In(d.eligibleBranchIds) }, select: { id: true, unitId: true } });
      const inside = (b: BranchEntity) =>
        d.scopeKind === 'district' || (d.scopeKind === 'unit' && b.unitId === d.scopeId) || (d.scopeKind === 'branch' && b.id === d.scopeId);
      if (found.length !== d.eligibleBranchIds.length) add('eligibleBranchIds', '所选支部有不存在的');
      else if (!found.every(inside)) add('eligibleBranchIds', '所选支部须在发布范围之内');
    }
    if (errors.length) throw new DomainException('VALIDATION_FAILED', errors[0]!.message, errors);
  }

  /**
   * The unit an activity is published in the name of: the branch's unit, the unit itself, the author's own unit for a
   * district-wide activity (the district organizer's office), none for a community need (the community publishes it).
   */
  private async publishingUnit(user: AuthUser, scopeKind: ActivityScopeKind, scopeId: string | null): Promise<string | null> {
    switch (scopeKind) {
      case 'branch':
        return (await this.branches.findOneByOrFail({ id: scopeId! })).unitId;
      case 'unit':
        return scopeId;
      case 'district':
        return (await this.members.findOne({ where: { id: user.memberId }, select: { id: true, unitId: true } }))?.unitId ?? null;
      case 'community':
        return null;
    }
  }

  private async writeRules(m: EntityManager, activityId: string, d: Draft): Promise<void> {
    const rows = [
      ...d.eligibleUnitIds.map((targetId) => ({ activityId, kind: 'unit' as const, targetId })),
      ...d.eligibleBranchIds.map((targetId) => ({ activityId, kind: 'branch' as const, targetId })),
    ];
    if (rows.length) await m.getRepository(ActivityEligibilityEntity).insert(rows);
  }

  private async signedUp(m: EntityManager, activityId: string, statuses: SignupEntity['status'][]): Promise<string[]> {
    const rows = await m.getRepository(SignupEntity).find({ where: { activityId, status: In(statuses) }, select: { id: true, memberId: true } });
    return rows.map((r) => r.memberId);
  }

  /** District organizers other than the author: the reviewers of a district-wide activity. */
  private async districtOrganizers(m: EntityManager, authorId: string): Promise<string[]> {
    const rows = await m.getRepository(RoleAssignmentEntity).find({
      where: { role: 'organizer', scopeKind: 'district' },
      select: { id: true, memberId: true },
    });
    return [...new Set(rows.map((r) => r.memberId))].filter((id) => id !== authorId);
  }
}
