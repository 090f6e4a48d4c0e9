import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MySignupView, OnBehalfSignupResponse, Page, SignupResult, SignupView } from '@pioneer/shared-types';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { isUniqueViolation } from '../../common/errors/db-constraint.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { DEFAULT_PAGE_SIZE } from '../../common/http/page-query.dto.js';
import { mapActivitySummary, mapSignup, mySignupState } from '../activities/activities.mapper.js';
import { ActivityAccess } from '../activities/activity-access.service.js';
import { activityLink, activityPushData } from '../activities/activity-messages.js';
import { isEligible } from '../activities/eligibility.js';
import { ActivityEligibilityEntity } from '../activities/entities/activity-eligibility.entity.js';
import { ActivityThemeEntity } from '../activities/entities/activity-theme.entity.js';
import { ActivityEntity } from '../activities/entities/activity.entity.js';
import { SignupEntity } from '../activities/entities/signup.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { MessagesService } from '../messages/messages.service.js';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { UnitEntity } from '../org/entities/unit.entity.js';
import { ScopeService } from '../org/scope.service.js';
import { RegistrationEntity } from '../registrations/entities/registration.entity.js';
import { Clock } from '../services/clock.js';
import { ServiceTransactions } from '../services/service-transactions.js';
import type { CancelSignupDto, MySignupsQueryDto, OnBehalfSignupDto, SignupListQueryDto } from './dto/signups.dto.js';
import { fillFreePlaces, lockActivity, releaseCounter, takePlace, takeTicket, waitlistPositions } from './waitlist.js';

interface Actor {
  actorId: string;
  onBehalfReason: string | null;
  ip: string;
}

/**
 * 报名: sign-up, waitlist, promotion and on-behalf sign-up, under one rule — no activity is ever overbooked, and
 * nobody jumps the waitlist. The SQL that decides it is in waitlist.ts; this file checks who may do what.
 */
@Injectable()
export class SignupsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: ServiceTransactions,
    private readonly clock: Clock,
    private readonly scope: ScopeService,
    private readonly access: ActivityAccess,
    private readonly audit: AuditService,
    private readonly messages: MessagesService,
  ) {}

  async signUp(user: AuthUser, activityId: string, ip: string): Promise<SignupResult> {
    const activity = await this.activity(activityId);
    await this.assertMaySignUp(activity, user.memberId);
    return this.take(activity, user.memberId, { actorId: user.memberId, onBehalfReason: null, ip });
  }

  /**
   * Organizers sign up members they cover; a worker signs up members registered with their community for its need.
   * Each member goes through the same rules, and is answered on their own line.
   */
  async onBehalf(user: AuthUser, activityId: string, dto: OnBehalfSignupDto, ip: string): Promise<OnBehalfSignupResponse> {
    const activity = await this.activity(activityId);
    // A need is managed by its community's workers only (ActivityAccess), so managing one makes the caller its worker.
    const worker = activity.scopeKind === 'community' && (await this.access.managesActivity(user, activity));
    const organizer = user.roles.some((r) => r.role === 'organizer');
    if (!worker && !organizer) throw new DomainException('FORBIDDEN', '您不能为这项活动代为报名');
    const members = new Map(
      (await this.ds.getRepository(MemberEntity).find({ where: { id: In(dto.memberIds) }, select: { id: true, unitId: true, branchId: true } })).map(
        (m) => [m.id, m],
      ),
    );
    const results: OnBehalfSignupResponse['results'] = [];
    for (const memberId of dto.memberIds) {
      try {
        const member = members.get(memberId);
        if (!member) throw new DomainException('NOT_FOUND', '没有找到该党员');
        // A worker's reach for a need is its community, which eligibility checks (members registered there).
        if (!worker) await this.scope.assertOrganizerCovers(user, member);
        await this.assertMaySignUp(activity, memberId);
        const done = await this.take(activity, memberId, { actorId: user.memberId, onBehalfReason: dto.reason, ip });
        results.push({ memberId, outcome: done.outcome, signup: done.signup });
      } catch (error) {
        if (!(error instanceof DomainException)) throw error;
        results.push({ memberId, outcome: 'refused', code: error.code, message: error.message });
      }
    }
    return { results };
  }

  async cancelMine(user: AuthUser, activityId: string, ip: string): Promise<SignupView> {
    const activity = await this.activity(activityId);
    const signup = await this.ds.getRepository(SignupEntity).findOneBy({ activityId, memberId: user.memberId });
    if (!signup || signup.status === 'cancelled') throw new DomainException('SIGNUP_NOT_FOUND');
    if (this.clock.now().getTime() >= activity.cancelDeadline.getTime()) throw new DomainException('CANCEL_DEADLINE_PASSED');
    return this.cancel(activity, signup.id, { actorId: user.memberId, onBehalfReason: null, ip }, null);
  }

  /** An organizer (or the need's worker) cancels someone's sign-up, with a reason, at any time before the end. */
  async cancelFor(user: AuthUser, activityId: string, signupId: string, dto: CancelSignupDto, ip: string): Promise<SignupView> {
    const activity = await this.activity(activityId);
    await this.assertManages(user, activity);
    const signup = await this.ds.getRepository(SignupEntity).findOneBy({ id: signupId, activityId });
    if (!signup) throw new DomainException('SIGNUP_NOT_FOUND');
    if (this.clock.now().getTime() >= activity.endsAt.getTime()) {
      throw new DomainException('ACTIVITY_STATE_INVALID', '活动已结束，不能再取消报名');
    }
    return this.cancel(activity, signup.id, { actorId: user.memberId, onBehalfReason: null, ip }, dto.reason);
  }

  async list(user: AuthUser, activityId: string, query: SignupListQueryDto): Promise<Page<SignupView>> {
    const activity = await this.activity(activityId);
    await this.assertManages(user, activity);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const qb = this.ds
      .getRepository(SignupEntity)
      .createQueryBuilder('s')
      .where('s.activity_id = :activityId', { activityId })
      // Places first (in the order taken), then the waitlist in ticket order, then the rest.
      .orderBy("CASE s.status WHEN 'waitlisted' THEN 1 WHEN 'cancelled' THEN 2 ELSE 0 END", 'ASC')
      .addOrderBy('s.waitlist_seq', 'ASC')
      .addOrderBy('s.signed_up_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize);
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    const [rows, total] = await qb.getManyAndCount();
    return { items: await this.views(this.ds.manager, rows), page, pageSize, total };
  }

  /** The member's own sign-ups, newest activity first, each with its activity's card. */
  async mine(user: AuthUser, query: MySignupsQueryDto): Promise<Page<MySignupView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const [rows, total] = await this.ds
      .getRepository(SignupEntity)
      .createQueryBuilder('s')
      .innerJoin(ActivityEntity, 'a', 'a.id = s.activity_id')
      .where('s.member_id = :memberId', { memberId: user.memberId })
      .orderBy('a.starts_at', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    const views = await this.views(this.ds.manager, rows);
    const positions = new Map(views.map((v) => [v.id, v.waitlistPosition]));
    const activities = rows.length
      ? await this.ds.getRepository(ActivityEntity).findBy({ id: In([...new Set(rows.map((r) => r.activityId))]) })
      : [];
    const themeIds = [...new Set(activities.map((a) => a.themeId).filter((id): id is string => id !== null))];
    const communityIds = [...new Set(activities.map((a) => a.communityId).filter((id): id is string => id !== null))];
    const themes = new Map((themeIds.length ? await this.ds.getRepository(ActivityThemeEntity).findBy({ id: In(themeIds) }) : []).map((t) => [t.id, t]));
    const communities = new Map(
      (communityIds.length
        ? await this.ds.getRepository(CommunityEntity).find({ where: { id: In(communityIds) }, select: { id: true, name: true } })
        : []
      ).map((c) => [c.id, { id: c.id, name: c.name }]),
    );
    const byId = new Map(activities.map((a) => [a.id, a]));
    const items = rows.map((s, i) => {
      const a = byId.get(s.activityId)!;
      return {
        signup: views[i],
        activity: mapActivitySummary(a, {
          theme: a.themeId ? (themes.get(a.themeId) ?? null) : null,
          community: a.communityId ? (communities.get(a.communityId) ?? null) : null,
          mySignup: mySignupState(s, positions.get(s.id) ?? null),
        }),
      };
    });
    return { items, page, pageSize, total };
  }

  // ------------------------------------------------------------------------------------------------ the rules

  private async activity(id: string): Promise<ActivityEntity> {
    const activity = await this.ds.getRepository(ActivityEntity).findOneBy({ id });
    if (!activity) throw new DomainException('NOT_FOUND', '没有找到该活动');
    return activity;
  }

  /** Everything but capacity, which the transaction decides: open, before the deadline, an active eligible member. */
  private async assertMaySignUp(activity: ActivityEntity, memberId: string): Promise<void> {
    if (activity.status !== 'published') throw new DomainException('ACTIVITY_NOT_OPEN');
    if (this.clock.now().getTime() >= activity.signupDeadline.getTime()) throw new DomainException('SIGNUP_DEADLINE_PASSED');
    const member = await this.ds.getRepository(MemberEntity).findOne({
      where: { id: memberId },
      select: { id: true, unitId: true, branchId: true, status: true },
    });
    if (!member) throw new DomainException('NOT_FOUND', '没有找到该党员');
    if (member.status !== 'active') throw new DomainException('MEMBER_INACTIVE', '该党员的账号还没有启用或已停用，不能报名');
    const [rules, registrations] = await Promise.all([
      this.ds.getRepository(ActivityEligibilityEntity).findBy({ activityId: activity.id }),
      this.ds.getRepository(RegistrationEntity).find({ where: { memberId, status: 'approved' }, select: { id: true, communityId: true } }),
    ]);
    const eligible = isEligible(activity, rules, {
      unitId: member.unitId,
      branchId: member.branchId,
      registeredCommunityIds: registrations.map((r) => r.communityId),
    });
    if (!eligible) throw new DomainException('SIGNUP_NOT_ELIGIBLE');
    const existing = await this.ds.getRepository(SignupEntity).findOne({ where: { activityId: activity.id, memberId }, select: { id: true, status: true } });
    if (existing && existing.status !== 'cancelled') throw new DomainException('SIGNUP_EXISTS');
    // Places and waitlist both taken as of this read: refused without queueing for the row lock. This only ever
    // refuses (as the same request a moment earlier would have been); a place or a ticket is given only by takePlace
    // and takeTicket inside the transaction.
    const fresh = await this.ds.getRepository(ActivityEntity).findOne({
      where: { id: activity.id },
      select: { id: true, capacity: true, confirmedCount: true, waitlistCount: true, waitlistLimit: true },
    });
    if (fresh && fresh.capacity !== null && fresh.confirmedCount >= fresh.capacity && fresh.waitlistCount >= fresh.waitlistLimit) {
      throw new DomainException('SIGNUP_FULL');
    }
  }

  /** Who manages an activity's sign-ups: whoever manages the activity (ActivityAccess holds the one rule). */
  private assertManages(user: AuthUser, activity: ActivityEntity): Promise<void> {
    return this.access.assertManages(user, activity, '这项活动不在您的管理范围内');
  }

  // ------------------------------------------------------------------------------------------------ the writes

  /** One transaction: a place, else a waitlist ticket, else SIGNUP_FULL; then the sign-up row (new or re-used). */
  private async take(activity: ActivityEntity, memberId: string, actor: Actor): Promise<SignupResult> {
    const now = this.clock.now();
    const saved = await this.tx.run(async (m) => {
      let outcome: 'confirmed' | 'waitlisted' = 'confirmed';
      let ticket: number | null = null;
      if (!(await takePlace(m, activity.id))) {
        ticket = await takeTicket(m, activity.id);
        if (ticket === null) {
          const [row] = await m.query('SELECT status FROM activities WHERE id = ?', [activity.id]);
          throw new DomainException(row?.status === 'published' ? 'SIGNUP_FULL' : 'ACTIVITY_NOT_OPEN');
        }
        outcome = 'waitlisted';
      }
      const repo = m.getRepository(SignupEntity);
      const fields = {
        status: outcome,
        waitlistSeq: ticket,
        signedUpAt: now,
        cancelledAt: null,
        cancelReason: null,
        onBehalf: actor.onBehalfReason !== null,
        onBehalfReason: actor.onBehalfReason,
        createdBy: actor.actorId,
      };
      const existing = await repo.findOne({ where: { activityId: activity.id, memberId }, select: { id: true, status: true } });
      let id: string;
      if (existing) {
        // Someone who cancelled signs up again: the same row, at the back of the line if waitlisted.
        const reused = await repo
          .createQueryBuilder()
          .update(SignupEntity)
          .set(fields)
          .where('id = :id', { id: existing.id })
          .andWhere("status = 'cancelled'")
          .execute();
        if (reused.affected !== 1) throw new DomainException('SIGNUP_EXISTS');
        id = existing.id;
      } else {
        const row = repo.create({ activityId: activity.id, memberId, ...fields });
        try {
          await repo.insert(row);
        } catch (error) {
          // Thrown inside the transaction, so the counter change above is rolled back with it.
          if (isUniqueViolation(error)) throw new DomainException('SIGNUP_EXISTS');
          throw error;
        }
        id = row.id;
      }
      if (actor.onBehalfReason !== null) {
        await this.audit.record(
          {
            actorId: actor.actorId,
            action: 'activity.signup_on_behalf',
            targetType: 'activity_signup',
            targetId: id,
            ip: actor.ip,
            result: 'success',
            detail: { activityId: activity.id, memberId, outcome, reason: actor.onBehalfReason },
          },
          m,
        );
        await this.messages.send(
          {
            memberId,
            kind: 'system',
            title: outcome === 'confirmed' ? '组织者为您报名了活动' : '组织者为您报名了活动，目前在候补中',
            body: `「${activity.title}」：${outcome === 'confirmed' ? '您已获得参加名额' : '有人取消时将按顺序为您递补'}。报名原因：${actor.onBehalfReason}`,
            link: activityLink(activity.id),
          },
          m,
        );
      }
      return { id, outcome };
    });
    // Read after the commit, so the activity's row lock is not held while the view is put together.
    const row = await this.ds.getRepository(SignupEntity).findOneByOrFail({ id: saved.id });
    return { signup: (await this.views(this.ds.manager, [row]))[0], outcome: saved.outcome };
  }

  /** Cancels in one transaction; a place freed goes to the first waitlisted person in the same transaction. */
  private async cancel(activity: ActivityEntity, signupId: string, actor: Actor, reason: string | null): Promise<SignupView> {
    const now = this.clock.now();
    const view = await this.tx.run(async (m) => {
      await lockActivity(m, activity.id);
      const [state] = await m.query('SELECT status FROM activities WHERE id = ?', [activity.id]);
      if (state?.status !== 'published') throw new DomainException('ACTIVITY_STATE_INVALID', '活动已结束或已取消，不能再取消报名');
      const held = await this.markCancelled(m, signupId, now, reason);
      await releaseCounter(m, activity.id, held);
      if (held === 'place') await this.promote(m, activity);
      if (reason !== null) {
        const signup = await m.getRepository(SignupEntity).findOneByOrFail({ id: signupId });
        await this.audit.record(
          {
            actorId: actor.actorId,
            action: 'activity.signup_cancelled',
            targetType: 'activity_signup',
            targetId: signupId,
            ip: actor.ip,
            result: 'success',
            detail: { activityId: activity.id, memberId: signup.memberId, held, reason },
          },
          m,
        );
        await this.messages.send(
          {
            memberId: signup.memberId,
            kind: 'system',
            title: '您的活动报名已被组织者取消',
            body: `「${activity.title}」的报名已取消。原因：${reason}`,
            link: activityLink(activity.id),
          },
          m,
        );
      }
      return (await this.views(m, [await m.getRepository(SignupEntity).findOneByOrFail({ id: signupId })]))[0];
    });
    return view;
  }

  /** What the cancelled sign-up held, decided by conditional UPDATEs (a second cancel of the same one changes nothing). */
  private async markCancelled(m: EntityManager, signupId: string, now: Date, reason: string | null): Promise<'place' | 'ticket'> {
    for (const [status, held] of [
      ['confirmed', 'place'],
      ['waitlisted', 'ticket'],
    ] as const) {
      const done = await m
        .createQueryBuilder()
        .update(SignupEntity)
        .set({ status: 'cancelled', waitlistSeq: null, cancelledAt: now, cancelReason: reason })
        .where('id = :id', { id: signupId })
        .andWhere('status = :status', { status })
        .execute();
      if (done.affected === 1) return held;
    }
    throw new DomainException('CONFLICT', '这条报名已取消或已记录出勤，不能再取消');
  }

  private async promote(m: EntityManager, activity: ActivityEntity): Promise<void> {
    for (const signup of await fillFreePlaces(m, activity.id)) {
      await this.messages.send(
        {
          memberId: signup.memberId,
          kind: 'activity_promoted',
          title: '您已从候补转为正式报名',
          body: `「${activity.title}」有人取消了报名，您已获得参加名额，请按时参加。`,
          link: activityLink(activity.id),
          pushData: activityPushData(activity, '您已获得参加名额'),
        },
        m,
      );
    }
  }

  /** Views of a page of sign-ups: names, units and waitlist positions in three queries, whatever the page size. */
  private async views(m: EntityManager, rows: SignupEntity[]): Promise<SignupView[]> {
    if (rows.length === 0) return [];
    const members = await m.getRepository(MemberEntity).find({
      where: { id: In([...new Set(rows.map((r) => r.memberId))]) },
      select: { id: true, name: true, unitId: true },
    });
    const units = new Map(
      (await m.getRepository(UnitEntity).find({ where: { id: In([...new Set(members.map((x) => x.unitId))]) }, select: { id: true, name: true } })).map(
        (u) => [u.id, u.name],
      ),
    );
    const people = new Map(members.map((x) => [x.id, { id: x.id, name: x.name, unitName: units.get(x.unitId) ?? null }]));
    const positions = await waitlistPositions(m, rows.filter((r) => r.status === 'waitlisted').map((r) => r.id));
    return rows.map((r) => mapSignup(r, people.get(r.memberId) ?? { id: r.memberId, name: '', unitName: null }, positions.get(r.id) ?? null));
  }
}
