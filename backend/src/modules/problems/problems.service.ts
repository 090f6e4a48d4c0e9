import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PROBLEM_CATEGORY_LABELS,
  PROBLEM_DEADLINE_WORKING_DAYS,
  PROBLEM_OPEN_STATUSES,
  type Page,
  type ProblemAction,
  type ProblemEventKind,
  type ProblemOversight,
  type ProblemOversightRow,
  type ProblemCategory,
  type ProblemContact,
  type ProblemDeadline,
  type ProblemDetail,
  type ProblemSummary,
  type ProblemUrgency,
} from '@pioneer/shared-types';
import { Brackets, DataSource, type EntityManager, In, MoreThanOrEqual, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { normalizePhone, PiiCrypto } from '../../common/crypto/pii-crypto.service.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { pageWindow, toPage } from '../../common/http/paging.js';
import { AuditService } from '../audit/audit.service.js';
import type { SendMessageInput } from '../messages/messages.service.js';
import { MessagesService } from '../messages/messages.service.js';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { RoleAssignmentEntity } from '../org/entities/role-assignment.entity.js';
import { UnitEntity } from '../org/entities/unit.entity.js';
import { ScopeService } from '../org/scope.service.js';
import { Clock } from '../services/clock.js';
import { shanghaiDate } from '../services/hours.js';
import { VisitEntity } from '../visits/entities/visit.entity.js';
import type {
  ProblemActionRequestDto,
  ProblemInputDto,
  ProblemListQueryDto,
  ProblemRemindRequestDto,
  ProblemSimilarQueryDto,
} from './dto/problem.dto.js';
import { CalendarDayEntity } from './entities/calendar-day.entity.js';
import { ProblemEventEntity } from './entities/problem-event.entity.js';
import { ProblemEntity } from './entities/problem.entity.js';
import { accessTo, actionsOf, mayReadContact, mayRemind, maySee, type ProblemAccess } from './problem-access.js';
import { canTakeProblemAction, transitionProblem } from './problem-lifecycle.js';
import { mapProblemDetail, mapProblemSummary, type ProblemRefs } from './problems.mapper.js';
import { isSimilarText } from './text-similarity.js';
import { addWorkingDays } from './working-days.js';
import { assertMayRecordFor } from '../registrations/record-for.js';

/** The mini-program page of one problem, the link of every message about it. */
export const PROBLEM_DETAIL_PAGE = '/packages/problems/pages/detail/index';
const SIMILAR_DAYS = 60;
const SIMILAR_MAX = 5;
const DAY_MS = 86_400_000;
/** A problem is reminded at most once in this long (督办 once a day). */
const REMIND_GAP_MS = 20 * 3_600_000;

/** The recorder's message for each step. Bodies never carry the resident's details or the problem's text. */
const STEP_TITLES: Record<ProblemAction, string> = {
  answer: '您登记的群众问题已当场答复',
  dispatch: '您登记的群众问题已交办',
  start: '您登记的群众问题已开始办理',
  resolve: '您登记的群众问题已解决',
  close: '您登记的群众问题已说明无法解决',
  follow_up: '您登记的群众问题已回访',
  reopen: '您登记的群众问题已重新打开',
  link_duplicate: '您登记的群众问题已并入同类问题',
};

function fieldError(field: string, message: string): DomainException {
  return new DomainException('VALIDATION_FAILED', undefined, [{ field, message }]);
}

/**
 * 群众急难愁盼问题: a member records what a resident raised (with the resident's consent; name, phone and address
 * sealed), the community's workers or the recorder's organizers dispatch it, a unit or community handles it, and
 * someone follows up with the resident. Every status change goes through problem-lifecycle.ts in one transaction
 * with its timeline row and messages. Who may do what is problem-access.ts.
 */
@Injectable()
export class ProblemsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scope: ScopeService,
    private readonly crypto: PiiCrypto,
    private readonly audit: AuditService,
    private readonly messages: MessagesService,
    private readonly clock: Clock,
  ) {}

  // ------------------------------------------------------------------ intake

  async create(user: AuthUser, input: ProblemInputDto): Promise<ProblemDetail> {
    if (input.residentConsent !== true) throw new DomainException('PROBLEM_CONSENT_REQUIRED');
    const communityId = input.communityId ?? null;
    const village = input.village ? input.village : null;
    if ((communityId === null) === (village === null)) {
      throw fieldError('communityId', '请选择所在社区，或填写返乡走亲所到的村（二者选一）');
    }
    const phone = input.residentPhone ? normalizePhone(input.residentPhone) : null;
    if (input.residentPhone && phone === null) throw fieldError('residentPhone', '手机号格式不正确');
    const address = input.residentAddress ? input.residentAddress : null;

    const memberId = input.memberId ?? user.memberId;
    const onBehalf = memberId !== user.memberId;
    const reason = input.onBehalfReason?.trim() ?? '';
    if (onBehalf && !reason) throw fieldError('onBehalfReason', '代为登记时请写明原因');
    const member = await this.ds.getRepository(MemberEntity).findOne({
      where: { id: memberId },
      select: { id: true, name: true, unitId: true, branchId: true },
    });
    if (onBehalf) await assertMayRecordFor(this.ds, this.scope, user, member);
    if (!member) throw new DomainException('NOT_FOUND', '这位党员不存在');

    if (communityId && !(await this.ds.getRepository(CommunityEntity).existsBy({ id: communityId }))) {
      throw new DomainException('NOT_FOUND', '社区不存在');
    }
    const visitId = input.visitId ?? null;
    if (visitId && !(await this.ds.getRepository(VisitEntity).existsBy({ id: visitId, memberId }))) {
      throw new DomainException('NOT_FOUND', '走访记录不存在');
    }
    const duplicateOf = input.duplicateOf ?? null;
    if (duplicateOf) await this.assertDuplicateTarget(duplicateOf, { communityId, village, category: input.category }, null);

    const now = this.clock.now();
    const deadline = await this.deadlineFrom(shanghaiDate(now), input.urgency);
    const id = await this.ds.transaction(async (m) => {
      const repo = m.getRepository(ProblemEntity);
      const row = repo.create({
        recorderId: memberId,
        createdBy: user.memberId,
        onBehalf,
        onBehalfReason: onBehalf ? reason : null,
        visitId,
        residentNameCipher: this.crypto.encrypt(input.residentName),
        residentPhoneCipher: phone ? this.crypto.encrypt(phone) : null,
        residentPhoneHash: phone ? this.crypto.hash(phone) : null,
        residentAddressCipher: address ? this.crypto.encrypt(address) : null,
        consentAt: now,
        communityId,
        village,
        category: input.category,
        description: input.description,
        urgency: input.urgency,
        deadline,
        status: duplicateOf ? 'duplicate' : 'registered',
        handlingUnitId: null,
        handlingCommunityId: null,
        answer: null,
        resolution: null,
        closeReason: null,
        satisfaction: null,
        answeredAt: null,
        closedAt: duplicateOf ? now : null,
        duplicateOf,
        remindedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await repo.insert(row);
      await this.addEvent(m, row.id, 'register', null, row.status, user.memberId, null, null, now);
      if (onBehalf) {
        await this.audit.record(
          {
            actorId: user.memberId,
            action: 'problem.on_behalf',
            targetType: 'problem',
            targetId: row.id,
            result: 'success',
            detail: { memberId, reason },
          },
          m,
        );
      }
      if (!duplicateOf && communityId) {
        const workers = (await this.communityWorkers(m, communityId)).filter((w) => w !== user.memberId);
        await this.messages.sendMany(
          workers.map((w) => ({
            memberId: w,
            kind: 'problem_update',
            title: '有群众问题等您交办',
            body: `新登记一件${PROBLEM_CATEGORY_LABELS[input.category]}类群众问题，请及时交办。`,
            link: `${PROBLEM_DETAIL_PAGE}?id=${row.id}`,
          })),
          m,
        );
      }
      return row.id;
    });
    return this.detail(user, id);
  }

  // ------------------------------------------------------------------ reading

  async list(user: AuthUser, query: ProblemListQueryDto): Promise<Page<ProblemSummary>> {
    const window = pageWindow(query);
    const qb = this.ds
      .getRepository(ProblemEntity)
      .createQueryBuilder('p')
      .innerJoin(MemberEntity, 'm', 'm.id = p.recorder_id')
      .select('p.id', 'id');
    if ((query.view ?? 'mine') === 'mine') {
      qb.andWhere('p.recorder_id = :self', { self: user.memberId });
    } else if (!(await this.restrictToHandling(user, qb))) {
      return toPage([], 0, window);
    }
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.category) qb.andWhere('p.category = :category', { category: query.category });
    if (query.overdue === true) {
      qb.andWhere('p.status IN (:...open)', { open: [...PROBLEM_OPEN_STATUSES] });
      qb.andWhere('p.deadline < :today', { today: shanghaiDate(this.clock.now()) });
    }
    const total = await qb.getCount();
    const rows: Array<{ id: string }> = await qb
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .offset(window.skip)
      .limit(window.take)
      .getRawMany();
    return toPage(await this.summaries(rows.map((r) => r.id)), total, window);
  }

  async detail(user: AuthUser, id: string): Promise<ProblemDetail> {
    const p = await this.ds.getRepository(ProblemEntity).findOneBy({ id });
    if (!p) throw new DomainException('NOT_FOUND');
    const access = await this.accessOf(user, p);
    if (!maySee(access)) throw new DomainException('NOT_FOUND');
    const events = await this.ds
      .getRepository(ProblemEventEntity)
      .find({ where: { problemId: id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const refs = await this.refs([p], events.map((e) => e.actorId));
    const allowed = [...actionsOf(access)].filter((a) => canTakeProblemAction(a, p.status));
    return mapProblemDetail(p, refs, this.today(), {
      name: this.crypto.decrypt(p.residentNameCipher),
      phone: p.residentPhoneCipher ? this.crypto.decrypt(p.residentPhoneCipher) : null,
      address: p.residentAddressCipher ? this.crypto.decrypt(p.residentAddressCipher) : null,
    }, events, allowed, mayReadContact(access), mayRemind(access, p.status));
  }

  async contact(user: AuthUser, id: string, ip: string): Promise<ProblemContact> {
    const p = await this.ds.getRepository(ProblemEntity).findOneBy({ id });
    if (!p) throw new DomainException('NOT_FOUND');
    const access = await this.accessOf(user, p);
    if (!maySee(access)) throw new DomainException('NOT_FOUND');
    if (!mayReadContact(access)) throw new DomainException('FORBIDDEN', '群众联系方式只对负责交办、办理的人员开放');
    await this.audit.record({
      actorId: user.memberId,
      action: 'problem.contact_read',
      targetType: 'problem',
      targetId: id,
      ip,
      result: 'success',
    });
    return {
      residentName: this.crypto.decrypt(p.residentNameCipher),
      residentPhone: p.residentPhoneCipher ? this.crypto.decrypt(p.residentPhoneCipher) : null,
      residentAddress: p.residentAddressCipher ? this.crypto.decrypt(p.residentAddressCipher) : null,
    };
  }

  async similar(user: AuthUser, query: ProblemSimilarQueryDto): Promise<ProblemSummary[]> {
    const communityId = query.communityId ?? null;
    const village = query.village ? query.village : null;
    if ((communityId === null) === (village === null)) {
      throw fieldError('communityId', '请选择所在社区，或填写返乡走亲所到的村（二者选一）');
    }
    const since = new Date(this.clock.now().getTime() - SIMILAR_DAYS * DAY_MS);
    const candidates = await this.ds.getRepository(ProblemEntity).find({
      where: {
        ...(communityId ? { communityId } : { village: village as string }),
        category: query.category,
        status: In([...PROBLEM_OPEN_STATUSES]),
        createdAt: MoreThanOrEqual(since),
      },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 200,
    });
    const picked: string[] = [];
    for (const p of candidates) {
      if (picked.length >= SIMILAR_MAX) break;
      if (!isSimilarText(query.description, p.description)) continue;
      if (maySee(await this.accessOf(user, p))) picked.push(p.id);
    }
    return this.summaries(picked);
  }

  async deadline(urgency: ProblemUrgency, from?: string): Promise<ProblemDeadline> {
    const start = from ?? this.today();
    if (Number.isNaN(Date.parse(`${start}T00:00:00Z`))) throw fieldError('from', '日期不正确');
    return { urgency, from: start, deadline: await this.deadlineFrom(start, urgency) };
  }

  // ------------------------------------------------------------------ steps

  async act(user: AuthUser, id: string, input: ProblemActionRequestDto): Promise<ProblemDetail> {
    const p = await this.ds.getRepository(ProblemEntity).findOneBy({ id });
    if (!p) throw new DomainException('NOT_FOUND');
    const access = await this.accessOf(user, p);
    if (!maySee(access)) throw new DomainException('NOT_FOUND');
    const action = input.action;
    if (!actionsOf(access).has(action)) throw new DomainException('FORBIDDEN', '您不能对这个问题做这一步');
    const note = input.note ? input.note : null;
    const set: Partial<ProblemEntity> = {};
    let handlers: string[] = [];
    switch (action) {
      case 'answer':
        if (!note) throw fieldError('note', '请填写答复内容');
        set.answer = note;
        break;
      case 'resolve':
        if (!note) throw fieldError('note', '请填写办理结果');
        set.resolution = note;
        break;
      case 'close':
        if (!note) throw fieldError('note', '请写明无法解决的原因');
        set.closeReason = note;
        break;
      case 'reopen':
        if (!note) throw fieldError('note', '请写明重新打开的原因');
        set.answer = null;
        set.resolution = null;
        set.closeReason = null;
        break;
      case 'follow_up':
        if (input.satisfaction === undefined) throw fieldError('satisfaction', '请选择群众满意度（1–5）');
        set.satisfaction = input.satisfaction;
        break;
      case 'dispatch': {
        const unitId = input.handlingUnitId ?? null;
        const communityId = input.handlingCommunityId ?? null;
        if ((unitId === null) === (communityId === null)) {
          throw fieldError('handlingUnitId', '请选择承办单位或承办社区（二者选一）');
        }
        if (unitId && !(await this.ds.getRepository(UnitEntity).existsBy({ id: unitId }))) {
          throw new DomainException('NOT_FOUND', '承办单位不存在');
        }
        if (communityId && !(await this.ds.getRepository(CommunityEntity).existsBy({ id: communityId }))) {
          throw new DomainException('NOT_FOUND', '承办社区不存在');
        }
        set.handlingUnitId = unitId;
        set.handlingCommunityId = communityId;
        handlers = unitId ? await this.unitOrganizers(this.ds.manager, unitId) : await this.communityWorkers(this.ds.manager, communityId!);
        break;
      }
      case 'link_duplicate': {
        if (!input.duplicateOf) throw fieldError('duplicateOf', '请选择重复的问题');
        if (input.duplicateOf === id) throw new DomainException('PROBLEM_DUPLICATE_INVALID');
        await this.assertDuplicateTarget(input.duplicateOf, p, id);
        set.duplicateOf = input.duplicateOf;
        break;
      }
      default:
        break;
    }
    const now = this.clock.now();
    await this.ds.transaction(async (m) => {
      const { to } = await transitionProblem(m, id, action, set, now);
      await this.addEvent(m, id, action, p.status, to, user.memberId, note, action === 'follow_up' ? (input.satisfaction ?? null) : null, now);
      const link = `${PROBLEM_DETAIL_PAGE}?id=${id}`;
      const out: SendMessageInput[] = [];
      if (p.recorderId !== user.memberId) {
        out.push({
          memberId: p.recorderId,
          kind: 'problem_update',
          title: STEP_TITLES[action],
          body: `您登记的${PROBLEM_CATEGORY_LABELS[p.category]}类群众问题有了新进展，请查看。`,
          link,
        });
      }
      for (const h of new Set(handlers)) {
        if (h === user.memberId) continue;
        out.push({
          memberId: h,
          kind: 'problem_update',
          title: '有群众问题交给您办理',
          body: `一件${PROBLEM_CATEGORY_LABELS[p.category]}类群众问题交给您办理，请在 ${p.deadline} 前答复群众。`,
          link,
        });
      }
      await this.messages.sendMany(out, m);
    });
    return this.detail(user, id);
  }

  /**
   * Narrows `qb` (problems as p joined to their recorder as m) to what the caller may dispatch or handle, the same
   * reach as problem-access.ts; false when that is nothing at all.
   */
  private async restrictToHandling(user: AuthUser, qb: SelectQueryBuilder<ProblemEntity>): Promise<boolean> {
    if (this.scope.isDistrictOrganizer(user)) return true;
    const communityIds = await this.scope.workerCommunityIds(user);
    const isOrganizer = user.roles.some((r) => r.role === 'organizer');
    const reach = this.scope.organizerMemberScope(user);
    const unitIds = isOrganizer && !reach.all ? reach.unitIds : [];
    const branchIds = isOrganizer && !reach.all ? reach.branchIds : [];
    if (communityIds.length + unitIds.length + branchIds.length === 0) return false;
    qb.andWhere(
      new Brackets((w) => {
        if (communityIds.length) {
          w.orWhere('p.community_id IN (:...cids)', { cids: communityIds });
          w.orWhere('p.handling_community_id IN (:...cids)', { cids: communityIds });
        }
        if (unitIds.length) {
          w.orWhere('m.unit_id IN (:...uids)', { uids: unitIds });
          w.orWhere('p.handling_unit_id IN (:...uids)', { uids: unitIds });
        }
        if (branchIds.length) w.orWhere('m.branch_id IN (:...bids)', { bids: branchIds });
      }),
    );
    return true;
  }

  // ------------------------------------------------------------------ oversight (督办)

  /** Open and overdue problems in the caller's reach, per handling unit or community; one grouped query. */
  async oversight(user: AuthUser): Promise<ProblemOversight> {
    const today = this.today();
    const qb = this.ds
      .getRepository(ProblemEntity)
      .createQueryBuilder('p')
      .innerJoin(MemberEntity, 'm', 'm.id = p.recorder_id')
      .select('p.handling_unit_id', 'unitId')
      .addSelect('p.handling_community_id', 'communityId')
      .addSelect('COUNT(*)', 'open')
      .addSelect('SUM(CASE WHEN p.deadline < :today THEN 1 ELSE 0 END)', 'overdue')
      .andWhere('p.status IN (:...openStatuses)', { openStatuses: [...PROBLEM_OPEN_STATUSES], today })
      .groupBy('p.handling_unit_id')
      .addGroupBy('p.handling_community_id');
    if (!(await this.restrictToHandling(user, qb))) return { today, rows: [], totals: { open: 0, overdue: 0 } };
    const raw: Array<{ unitId: string | null; communityId: string | null; open: string | number; overdue: string | number | null }> =
      await qb.getRawMany();
    const unitIds = raw.flatMap((r) => (r.unitId ? [r.unitId] : []));
    const communityIds = raw.flatMap((r) => (r.communityId ? [r.communityId] : []));
    const units = unitIds.length ? await this.ds.getRepository(UnitEntity).find({ where: { id: In(unitIds) }, select: { id: true, name: true } }) : [];
    const communities = communityIds.length
      ? await this.ds.getRepository(CommunityEntity).find({ where: { id: In(communityIds) }, select: { id: true, name: true } })
      : [];
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const communityName = new Map(communities.map((c) => [c.id, c.name]));
    const rows: ProblemOversightRow[] = raw.map((r) => ({
      handler: r.unitId
        ? { kind: 'unit' as const, id: r.unitId, name: unitName.get(r.unitId) ?? '' }
        : r.communityId
          ? { kind: 'community' as const, id: r.communityId, name: communityName.get(r.communityId) ?? '' }
          : null,
      open: Number(r.open),
      overdue: Number(r.overdue ?? 0),
    }));
    rows.sort((a, b) => b.overdue - a.overdue || b.open - a.open || (a.handler?.name ?? '').localeCompare(b.handler?.name ?? '', 'zh'));
    const totals = rows.reduce((t, r) => ({ open: t.open + r.open, overdue: t.overdue + r.overdue }), { open: 0, overdue: 0 });
    return { today, rows, totals };
  }

  /**
   * 督办: a dispatcher reminds whoever handles an open problem (before dispatch: the community's workers). Once a day
   * per problem — the claim is a conditional UPDATE of reminded_at, so two reminders at once send one.
   */
  async remind(user: AuthUser, id: string, input: ProblemRemindRequestDto): Promise<ProblemDetail> {
    const p = await this.ds.getRepository(ProblemEntity).findOneBy({ id });
    if (!p) throw new DomainException('NOT_FOUND');
    const access = await this.accessOf(user, p);
    if (!maySee(access)) throw new DomainException('NOT_FOUND');
    if (!mayRemind(access, 'registered')) throw new DomainException('FORBIDDEN', '只有负责交办这个问题的人员可以督办');
    if (!PROBLEM_OPEN_STATUSES.includes(p.status)) throw new DomainException('PROBLEM_STATE_INVALID', '这个问题已经办完，无需督办');
    const now = this.clock.now();
    const note = input.note ? input.note : null;
    await this.ds.transaction(async (m) => {
      const claimed = await m
        .createQueryBuilder()
        .update(ProblemEntity)
        .set({ remindedAt: now })
        .where('id = :id', { id })
        .andWhere('status IN (:...openStatuses)', { openStatuses: [...PROBLEM_OPEN_STATUSES] })
        .andWhere(new Brackets((w) => w.where('reminded_at IS NULL').orWhere('reminded_at < :since', { since: new Date(now.getTime() - REMIND_GAP_MS) })))
        .execute();
      if (!claimed.affected) {
        const still = await m.getRepository(ProblemEntity).findOne({ where: { id }, select: { id: true, status: true } });
        if (!still || !PROBLEM_OPEN_STATUSES.includes(still.status)) throw new DomainException('PROBLEM_STATE_INVALID', '这个问题已经办完，无需督办');
        throw new DomainException('PROBLEM_ALREADY_REMINDED');
      }
      await this.addEvent(m, id, 'remind', p.status, p.status, user.memberId, note, null, now);
      const recipients = p.handlingUnitId
        ? await this.unitOrganizers(m, p.handlingUnitId)
        : p.handlingCommunityId
          ? await this.communityWorkers(m, p.handlingCommunityId)
          : p.communityId
            ? await this.communityWorkers(m, p.communityId)
            : [];
      const overdue = p.deadline < this.today();
      await this.messages.sendMany(
        recipients
          .filter((r) => r !== user.memberId)
          .map((memberId) => ({
            memberId,
            kind: 'problem_update' as const,
            title: '群众问题督办提醒',
            // The reminder's words stay on the timeline: a message body may travel as a WeChat push.
            body: overdue
              ? `一件${PROBLEM_CATEGORY_LABELS[p.category]}类群众问题已超过答复期限（${p.deadline}），请尽快办理并答复群众。`
              : `一件${PROBLEM_CATEGORY_LABELS[p.category]}类群众问题请在 ${p.deadline} 前办理并答复群众。`,
            link: `${PROBLEM_DETAIL_PAGE}?id=${id}`,
          })),
        m,
      );
    });
    return this.detail(user, id);
  }

  // ------------------------------------------------------------------ helpers

  private today(): string {
    return shanghaiDate(this.clock.now());
  }

  private async deadlineFrom(day: string, urgency: ProblemUrgency): Promise<string> {
    const rows = await this.ds.getRepository(CalendarDayEntity).find({ where: { day: MoreThanOrEqual(day) } });
    return addWorkingDays(day, PROBLEM_DEADLINE_WORKING_DAYS[urgency], new Map(rows.map((r) => [r.day, r.workday])));
  }

  private async accessOf(user: AuthUser, p: ProblemEntity): Promise<ProblemAccess> {
    const recorder = await this.ds.getRepository(MemberEntity).findOne({
      where: { id: p.recorderId },
      select: { id: true, unitId: true, branchId: true },
    });
    return accessTo(this.scope, user, p, recorder, await this.scope.workerCommunityIds(user));
  }

  /** An open problem of the same place and category (and not the problem itself), else PROBLEM_DUPLICATE_INVALID. */
  private async assertDuplicateTarget(
    targetId: string,
    like: { communityId: string | null; village: string | null; category: ProblemCategory },
    selfId: string | null,
  ): Promise<void> {
    const t = await this.ds.getRepository(ProblemEntity).findOneBy({ id: targetId });
    const samePlace = t && (like.communityId ? t.communityId === like.communityId : t.communityId === null && t.village === like.village);
    if (!t || t.id === selfId || !samePlace || t.category !== like.category || !PROBLEM_OPEN_STATUSES.includes(t.status)) {
      throw new DomainException('PROBLEM_DUPLICATE_INVALID');
    }
  }

  /** Workers serving the community: named for it, or for its street. */
  private async communityWorkers(m: EntityManager, communityId: string): Promise<string[]> {
    const community = await m.getRepository(CommunityEntity).findOne({ where: { id: communityId }, select: { id: true, streetId: true } });
    if (!community) return [];
    const rows = await m.getRepository(RoleAssignmentEntity).find({
      where: [
        { role: 'worker', scopeKind: 'community', scopeId: communityId },
        { role: 'worker', scopeKind: 'street', scopeId: community.streetId },
      ],
      select: { memberId: true },
    });
    return [...new Set(rows.map((r) => r.memberId))];
  }

  private async unitOrganizers(m: EntityManager, unitId: string): Promise<string[]> {
    const rows = await m.getRepository(RoleAssignmentEntity).find({
      where: { role: 'organizer', scopeKind: 'unit', scopeId: unitId },
      select: { memberId: true },
    });
    return [...new Set(rows.map((r) => r.memberId))];
  }

  /** A timeline row, a millisecond after the problem's last one so the order never ties. */
  private async addEvent(
    m: EntityManager,
    problemId: string,
    action: ProblemEventKind,
    fromStatus: ProblemEntity['status'] | null,
    toStatus: ProblemEntity['status'],
    actorId: string,
    note: string | null,
    satisfaction: number | null,
    now: Date,
  ): Promise<void> {
    const repo = m.getRepository(ProblemEventEntity);
    const last = await repo.findOne({ where: { problemId }, order: { createdAt: 'DESC' }, select: { id: true, createdAt: true } });
    const at = last && last.createdAt.getTime() >= now.getTime() ? new Date(last.createdAt.getTime() + 1) : now;
    await repo.insert(
      repo.create({ id: randomUUID(), problemId, action, fromStatus, toStatus, actorId, note, satisfaction, createdAt: at }),
    );
  }

  private async refs(problems: ProblemEntity[], extraMemberIds: string[] = []): Promise<ProblemRefs> {
    const memberIds = [...new Set([...problems.map((p) => p.recorderId), ...extraMemberIds])];
    const communityIds = [
      ...new Set(problems.flatMap((p) => [p.communityId, p.handlingCommunityId].filter((x): x is string => x !== null))),
    ];
    const unitIds = [...new Set(problems.flatMap((p) => (p.handlingUnitId ? [p.handlingUnitId] : [])))];
    const [members, communities, units] = await Promise.all([
      memberIds.length ? this.ds.getRepository(MemberEntity).find({ where: { id: In(memberIds) }, select: { id: true, name: true } }) : [],
      communityIds.length
        ? this.ds.getRepository(CommunityEntity).find({ where: { id: In(communityIds) }, select: { id: true, name: true } })
        : [],
      unitIds.length ? this.ds.getRepository(UnitEntity).find({ where: { id: In(unitIds) }, select: { id: true, name: true } }) : [],
    ]);
    return {
      members: new Map(members.map((x) => [x.id, { id: x.id, name: x.name }])),
      communities: new Map(communities.map((x) => [x.id, { id: x.id, name: x.name }])),
      units: new Map(units.map((x) => [x.id, { id: x.id, name: x.name }])),
    };
  }

  private async summaries(ids: string[]): Promise<ProblemSummary[]> {
    if (ids.length === 0) return [];
    const rows = await this.ds.getRepository(ProblemEntity).findBy({ id: In(ids) });
    const refs = await this.refs(rows);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const today = this.today();
    return ids.flatMap((id) => {
      const p = byId.get(id);
      return p ? [mapProblemSummary(p, refs, today, this.crypto.decrypt(p.residentNameCipher))] : [];
    });
  }
}
