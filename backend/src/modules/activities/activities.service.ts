import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type ActivityDetail, type ActivitySummary, type MySignupState, type Page, VISIT_ACTIVITY_KINDS } from '@pioneer/shared-types';
import { Brackets, In, Repository, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { pageWindow, toPage } from '../../common/http/paging.js';
import { BranchEntity } from '../org/entities/branch.entity.js';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { UnitEntity } from '../org/entities/unit.entity.js';
import { Clock } from '../services/clock.js';
import { ActivityAccess, type Reach } from './activity-access.service.js';
import { canTake, EDITABLE_STATUSES } from './activity-lifecycle.js';
import { mapActivitySummary, mySignupState } from './activities.mapper.js';
import type { ActivityListQueryDto, ActivityManageQueryDto } from './dto/activity.dto.js';
import { type EligibleMember, isEligible } from './eligibility.js';
import { ActivityEligibilityEntity } from './entities/activity-eligibility.entity.js';
import { ActivityThemeEntity } from './entities/activity-theme.entity.js';
import { ActivityEntity } from './entities/activity.entity.js';
import { SignupEntity } from './entities/signup.entity.js';

/** A sign-up that holds or waits for a place (a cancelled one does not; attended / absent ones are done). */
const ACTIVE_SIGNUP = ['confirmed', 'waitlisted'] as const;
/** A sign-up that stops the member from signing up again. */
const LIVE_SIGNUP = ['confirmed', 'waitlisted', 'attended', 'absent'] as const;

/**
 * The SQL twin of eligibility.ts's isEligible, for activities aliased `alias`: the same four scope cases, then the
 * narrowing rules (no rows: everyone in the scope; else a unit or branch row matching the member). Compared against
 * isEligible on a matrix of members and activities in activities-eligibility.e2e-spec.ts.
 */
export function eligibleWhere(alias: string, member: EligibleMember): { sql: string; params: Record<string, unknown> } {
  const a = alias;
  const params: Record<string, unknown> = { elUnit: member.unitId, elBranch: member.branchId ?? '' };
  const community = member.registeredCommunityIds.length
    ? `(${a}.scope_kind = 'community' AND ${a}.scope_id IN (:...elCommunities))`
    : '1 = 0';
  if (member.registeredCommunityIds.length) params.elCommunities = [...member.registeredCommunityIds];
  // A member without a branch matches no branch: '' is never an id.
  const branchMatch = member.branchId === null ? '1 = 0' : `${a}.scope_id = :elBranch`;
  const ruleBranch = member.branchId === null ? '1 = 0' : `(er.kind = 'branch' AND er.target_id = :elBranch)`;
  const sql =
    `(${community} OR (` +
    `((${a}.scope_kind = 'district') OR (${a}.scope_kind = 'unit' AND ${a}.scope_id = :elUnit) OR (${a}.scope_kind = 'branch' AND ${branchMatch}))` +
    ` AND (NOT EXISTS (SELECT 1 FROM activity_eligibility e0 WHERE e0.activity_id = ${a}.id)` +
    ` OR EXISTS (SELECT 1 FROM activity_eligibility er WHERE er.activity_id = ${a}.id AND ((er.kind = 'unit' AND er.target_id = :elUnit) OR ${ruleBranch})))` +
    `))`;
  return { sql, params };
}

/**
 * Reading activities: the member's list (eligible and their own), the publisher's manage list, one activity's detail
 * with what the caller may do. Every page is a fixed handful of queries, however long.
 */
@Injectable()
export class ActivitiesService {
  constructor(
    @InjectRepository(ActivityEntity) private readonly activities: Repository<ActivityEntity>,
    @InjectRepository(ActivityEligibilityEntity) private readonly rules: Repository<ActivityEligibilityEntity>,
    @InjectRepository(ActivityThemeEntity) private readonly themes: Repository<ActivityThemeEntity>,
    @InjectRepository(SignupEntity) private readonly signups: Repository<SignupEntity>,
    @InjectRepository(CommunityEntity) private readonly communities: Repository<CommunityEntity>,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    @InjectRepository(BranchEntity) private readonly branches: Repository<BranchEntity>,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    private readonly access: ActivityAccess,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, query: ActivityListQueryDto): Promise<Page<ActivitySummary>> {
    const window = pageWindow(query);
    const member = await this.access.eligibleMember(user);
    if (!member) return toPage([], 0, window);
    const now = this.clock.now();
    const qb = this.activities.createQueryBuilder('a');
    const mine = 'EXISTS (SELECT 1 FROM activity_signups ms WHERE ms.activity_id = a.id AND ms.member_id = :me)';
    const eligible = eligibleWhere('a', member);
    qb.setParameters({ me: user.memberId, now, ...eligible.params });
    const tab = query.tab ?? 'upcoming';
    if (tab === 'mine') {
      qb.where(mine).orderBy('a.starts_at', 'DESC');
    } else if (tab === 'upcoming') {
      qb.where('a.ends_at > :now')
        .andWhere(
          new Brackets((w) =>
            w
              .where(`(a.status = 'published' AND (${eligible.sql} OR ${mine}))`)
              .orWhere(`(a.status = 'cancelled' AND ${mine})`),
          ),
        )
        .orderBy('a.starts_at', 'ASC');
    } else {
      qb.where(
        new Brackets((w) =>
          w
            .where(`(a.status = 'finished' AND (${eligible.sql} OR ${mine}))`)
            .orWhere(`(a.status = 'published' AND a.ends_at <= :now AND (${eligible.sql} OR ${mine}))`)
            .orWhere(`(a.status = 'cancelled' AND a.ends_at <= :now AND ${mine})`),
        ),
      ).orderBy('a.starts_at', 'DESC');
    }
    if (query.needs === true) {
      if (member.registeredCommunityIds.length === 0) return toPage([], 0, window);
      qb.andWhere("a.scope_kind = 'community' AND a.scope_id IN (:...needCommunities)", {
        needCommunities: [...member.registeredCommunityIds],
      });
    } else if (query.needs === false) {
      qb.andWhere("a.scope_kind <> 'community'");
    }
    this.filters(qb, query);
    const [rows, total] = await qb.addOrderBy('a.id', 'ASC').skip(window.skip).take(window.take).getManyAndCount();
    return toPage(await this.summaries(user, rows), total, window);
  }

  /**
   * What a publisher may edit or review: an organizer the activities of their branches and units (a district organizer
   * every organizer's activity, in review ones included), a worker the needs of their communities — what manages()
   * allows, so nobody is listed what they may not edit (an author who moved on included).
   */
  async manage(user: AuthUser, query: ActivityManageQueryDto): Promise<Page<ActivitySummary>> {
    const window = pageWindow(query);
    const reach = await this.access.reach(user);
    if (!reach.district && reach.unitIds.length + reach.branchIds.length + reach.communityIds.length === 0) {
      return toPage([], 0, window);
    }
    const qb = this.activities.createQueryBuilder('a');
    qb.where(
      new Brackets((w) => {
        w.where('1 = 0');
        if (reach.district) w.orWhere("a.scope_kind <> 'community'");
        if (reach.unitIds.length) w.orWhere("(a.scope_kind = 'unit' AND a.scope_id IN (:...mUnits))", { mUnits: reach.unitIds });
        if (reach.branchIds.length) {
          w.orWhere("(a.scope_kind = 'branch' AND a.scope_id IN (:...mBranches))", { mBranches: reach.branchIds });
        }
        if (reach.communityIds.length) {
          w.orWhere("(a.scope_kind = 'community' AND a.scope_id IN (:...mCommunities))", { mCommunities: reach.communityIds });
        }
      }),
    );
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    this.filters(qb, query);
    const [rows, total] = await qb
      .orderBy('a.starts_at', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .skip(window.skip)
      .take(window.take)
      .getManyAndCount();
    return toPage(await this.summaries(user, rows), total, window);
  }

  async detail(user: AuthUser, id: string): Promise<ActivityDetail> {
    const activity = await this.activities.findOneBy({ id });
    if (!activity) throw new DomainException('NOT_FOUND', '活动不存在');
    const reach = await this.access.reach(user);
    const member = await this.access.eligibleMember(user);
    const rules = await this.rules.find({ where: { activityId: id } });
    const signup = await this.signups.findOne({ where: { activityId: id, memberId: user.memberId } });
    const manages = this.access.manages(reach, activity);
    const eligible = member !== null && isEligible(activity, rules, member);
    const inReviewForMe = activity.status === 'in_review' && reach.district;
    const open = activity.status === 'published' || activity.status === 'finished';
    if (!manages && !inReviewForMe && !signup && !(open && eligible) && activity.authorId !== user.memberId) {
      throw new DomainException('NOT_FOUND', '活动不存在');
    }
    const [summary] = await this.summaries(user, [activity]);
    const unitIds = rules.filter((r) => r.kind === 'unit').map((r) => r.targetId);
    const branchIds = rules.filter((r) => r.kind === 'branch').map((r) => r.targetId);
    const people = [activity.authorId, ...(activity.reviewedBy ? [activity.reviewedBy] : [])];
    const [units, branches, persons] = await Promise.all([
      unitIds.length || activity.unitId
        ? this.units.find({ where: { id: In([...unitIds, ...(activity.unitId ? [activity.unitId] : [])]) }, select: { id: true, name: true } })
        : [],
      branchIds.length ? this.branches.find({ where: { id: In(branchIds) }, select: { id: true, name: true } }) : [],
      this.members.find({ where: { id: In(people) }, select: { id: true, name: true } }),
    ]);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const personName = new Map(persons.map((p) => [p.id, p.name]));
    const now = this.clock.now();
    const active = signup !== null && (ACTIVE_SIGNUP as readonly string[]).includes(signup.status);
    const live = signup !== null && (LIVE_SIGNUP as readonly string[]).includes(signup.status);
    const placesLeft = activity.capacity === null || activity.confirmedCount < activity.capacity;
    const waitLeft = activity.waitlistCount < activity.waitlistLimit;
    return {
      ...summary!,
      description: activity.description,
      publisher: {
        unitId: activity.unitId,
        unitName: activity.unitId ? (unitName.get(activity.unitId) ?? null) : null,
        authorName: personName.get(activity.authorId) ?? '（已删除）',
      },
      eligibleUnits: unitIds.map((u) => ({ id: u, name: unitName.get(u) ?? '（已删除）' })),
      eligibleBranches: branches.map((b) => ({ id: b.id, name: b.name })),
      review: activity.reviewedAt
        ? {
            reviewerName: activity.reviewedBy ? (personName.get(activity.reviewedBy) ?? null) : null,
            reviewedAt: activity.reviewedAt.toISOString(),
            note: activity.reviewNote,
          }
        : null,
      cancelReason: activity.cancelReason,
      can: {
        signUp: activity.status === 'published' && now < activity.signupDeadline && eligible && !live && (placesLeft || waitLeft),
        cancelSignup: active && activity.status === 'published' && now < activity.cancelDeadline,
        edit: manages && EDITABLE_STATUSES.includes(activity.status),
        submit: manages && canTake('submit', activity.status),
        review: reach.district && activity.authorId !== user.memberId && activity.status === 'in_review',
        cancel: manages && canTake('cancel', activity.status),
        manageAttendance: manages && (activity.status === 'published' || activity.status === 'finished'),
        recordVisit:
          VISIT_ACTIVITY_KINDS.includes(activity.kind) &&
          (manages || (signup !== null && (signup.status === 'confirmed' || signup.status === 'attended'))),
      },
    };
  }

  /** Whether the caller may see the activity at all (the detail's rule), for telling 403 from 404. */
  async visible(user: AuthUser, activity: ActivityEntity): Promise<boolean> {
    if (await this.signups.existsBy({ activityId: activity.id, memberId: user.memberId })) return true;
    if (activity.status !== 'published' && activity.status !== 'finished') return false;
    const member = await this.access.eligibleMember(user);
    return member !== null && isEligible(activity, await this.rules.find({ where: { activityId: activity.id } }), member);
  }

  reachOf(user: AuthUser): Promise<Reach> {
    return this.access.reach(user);
  }

  private filters(qb: SelectQueryBuilder<ActivityEntity>, query: { kind?: string; themeId?: string }): void {
    if (query.kind) qb.andWhere('a.kind = :kind', { kind: query.kind });
    if (query.themeId) qb.andWhere('a.theme_id = :themeId', { themeId: query.themeId });
  }

  /** Themes, communities and the caller's sign-ups (with waitlist places) of a page: four queries. */
  private async summaries(user: AuthUser, rows: ActivityEntity[]): Promise<ActivitySummary[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((a) => a.id);
    const themeIds = [...new Set(rows.flatMap((a) => (a.themeId ? [a.themeId] : [])))];
    const communityIds = [...new Set(rows.flatMap((a) => (a.communityId ? [a.communityId] : [])))];
    const [themes, communities, mine, ahead] = await Promise.all([
      themeIds.length ? this.themes.find({ where: { id: In(themeIds) } }) : [],
      communityIds.length ? this.communities.find({ where: { id: In(communityIds) }, select: { id: true, name: true } }) : [],
      this.signups.find({ where: { activityId: In(ids), memberId: user.memberId } }),
      this.signups
        .createQueryBuilder('s')
        .select('s.activity_id', 'activityId')
        .addSelect('COUNT(o.id)', 'ahead')
        .innerJoin(
          SignupEntity,
          'o',
          "o.activity_id = s.activity_id AND o.status = 'waitlisted' AND o.waitlist_seq < s.waitlist_seq",
        )
        .where('s.member_id = :me', { me: user.memberId })
        .andWhere("s.status = 'waitlisted'")
        .andWhere('s.activity_id IN (:...ids)', { ids })
        .groupBy('s.activity_id')
        .getRawMany<{ activityId: string; ahead: string | number }>(),
    ]);
    const theme = new Map(themes.map((t) => [t.id, t]));
    const community = new Map(communities.map((c) => [c.id, { id: c.id, name: c.name }]));
    const signup = new Map(mine.map((s) => [s.activityId, s]));
    const aheadOf = new Map(ahead.map((r) => [r.activityId, Number(r.ahead)]));
    return rows.map((a) => {
      const s = signup.get(a.id);
      const state: MySignupState | null = s ? mySignupState(s, (aheadOf.get(a.id) ?? 0) + 1) : null;
      return mapActivitySummary(a, {
        theme: a.themeId ? (theme.get(a.themeId) ?? null) : null,
        community: a.communityId ? (community.get(a.communityId) ?? null) : null,
        mySignup: state,
      });
    });
  }
}
