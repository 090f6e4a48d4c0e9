import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type { AttendanceBoard, AttendanceMarkResponse, CheckinCodeResponse, SignupView } from '@pioneer/shared-types';
import { type EntityManager, In, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { ActivitiesSection, AppConfig } from '../../config/configuration.js';
import { mapSignup } from '../activities/activities.mapper.js';
import { ActivityAccess } from '../activities/activity-access.service.js';
import { ActivityEntity } from '../activities/entities/activity.entity.js';
import { SignupEntity } from '../activities/entities/signup.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { settleCredit } from '../hours/ledger.js';
import { presenceCredit } from '../hours/presence.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { UnitEntity } from '../org/entities/unit.entity.js';
import { CheckinCodeService } from '../services/checkin-code.service.js';
import { Clock } from '../services/clock.js';
import { shanghaiDate } from '../services/hours.js';
import { ServiceTransactions } from '../services/service-transactions.js';
import type { AttendanceMarkDto } from './dto/attendance.dto.js';
import type { AttendanceScanDto } from './dto/attendance.dto.js';

const HOUR_MS = 3600 * 1000;
/** Scanning opens an hour before the start and closes two hours after the end. */
const OPEN_BEFORE_MS = 1 * HOUR_MS;
const OPEN_AFTER_MS = 2 * HOUR_MS;
/** Sign-ups that held a place: the ones attendance is about. */
const PLACED = ['confirmed', 'attended', 'absent'] as const;

/**
 * Attendance of an activity: the rotating code its organizer shows, the member's scans (arrival, then departure),
 * the organizer's paper sheet, and the live board. Hours go to the ledger on departure or marking, in the same
 * transaction, once per sign-up (`signup:<id>`); a re-marking corrects them there. A community need is credited
 * through its service record instead, so its sign-up never earns activity hours.
 */
@Injectable()
export class AttendanceService {
  private readonly activities: ActivitiesSection;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
    private readonly codes: CheckinCodeService,
    private readonly access: ActivityAccess,
    private readonly audit: AuditService,
    private readonly tx: ServiceTransactions,
    @InjectRepository(ActivityEntity) private readonly activityRepo: Repository<ActivityEntity>,
    @InjectRepository(SignupEntity) private readonly signups: Repository<SignupEntity>,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
  ) {
    this.activities = config.getOrThrow('activities', { infer: true });
  }

  async code(user: AuthUser, activityId: string): Promise<CheckinCodeResponse> {
    const activity = await this.managed(user, activityId);
    if (activity.status !== 'published' && activity.status !== 'finished') {
      throw new DomainException('ACTIVITY_STATE_INVALID', '活动发布后才能出示签到码');
    }
    const issued = this.codes.issueActivity(activity.id);
    // The response shape is the community code's: the screen shows the activity's title where a community's name goes.
    return { communityId: activity.communityId ?? '', communityName: activity.title, ...issued };
  }

  async scan(user: AuthUser, activityId: string, dto: AttendanceScanDto): Promise<SignupView> {
    const now = this.clock.now();
    const activity = await this.activityRepo.findOne({ where: { id: activityId } });
    if (!activity) throw new DomainException('NOT_FOUND', '没有找到这个活动');
    // The code first: a forged or expired one says so whatever else is wrong.
    const code = this.codes.verifyActivity(dto, activity.id, now);
    if (code.activityId !== activity.id) throw new DomainException('ATTENDANCE_CODE_WRONG_ACTIVITY');
    const open = activity.startsAt.getTime() - OPEN_BEFORE_MS <= now.getTime() && now.getTime() <= activity.endsAt.getTime() + OPEN_AFTER_MS;
    if ((activity.status !== 'published' && activity.status !== 'finished') || !open) {
      throw new DomainException('ATTENDANCE_NOT_OPEN', '签到从活动开始前 1 小时到结束后 2 小时开放');
    }
    const signup = await this.signups.findOne({ where: { activityId: activity.id, memberId: user.memberId } });
    if (!signup || (signup.status !== 'confirmed' && signup.status !== 'attended')) {
      throw new DomainException('SIGNUP_NOT_FOUND', '您没有报名这个活动，或报名还没有确认，不能签到');
    }
    const saved = await this.tx.run(async (m) => {
      const repo = m.getRepository(SignupEntity);
      if (!signup.checkedInAt) {
        // Conditional: of two taps at once, one sets the arrival and the other finds it set.
        const arrived = await repo
          .createQueryBuilder()
          .update(SignupEntity)
          .set({ checkedInAt: now, attendanceMethod: 'code' })
          .where("id = :id AND status = 'confirmed' AND checked_in_at IS NULL", { id: signup.id })
          .execute();
        if (arrived.affected) return repo.findOneByOrFail({ id: signup.id });
      }
      const fresh = await repo.findOneByOrFail({ id: signup.id });
      if (fresh.status !== 'confirmed' || fresh.checkedOutAt || !fresh.checkedInAt) return fresh;
      // A second tap in the same code period is the same arrival, not a departure.
      if (this.codes.slotOf(now) < this.codes.slotOf(fresh.checkedInAt) + 1) return fresh;
      const departed = await repo
        .createQueryBuilder()
        .update(SignupEntity)
        .set({ checkedOutAt: now, status: 'attended' })
        .where("id = :id AND status = 'confirmed' AND checked_out_at IS NULL", { id: signup.id })
        .execute();
      if (!departed.affected) return repo.findOneByOrFail({ id: signup.id });
      const left = await repo.findOneByOrFail({ id: signup.id });
      await this.credit(m, left, activity, user.memberId, '签到签退', now);
      return repo.findOneByOrFail({ id: signup.id });
    });
    return (await this.views([saved]))[0]!;
  }

  /** From a paper sheet: attended (times default to the planned ones) or absent (a no-show, no hours). Audited. */
  async mark(user: AuthUser, activityId: string, dto: AttendanceMarkDto, ip: string): Promise<AttendanceMarkResponse> {
    const activity = await this.managed(user, activityId);
    const now = this.clock.now();
    if (activity.status !== 'published' && activity.status !== 'finished') {
      throw new DomainException('ATTENDANCE_NOT_OPEN', '只能为已发布或已结束的活动登记到场');
    }
    if (now.getTime() < activity.startsAt.getTime() - OPEN_BEFORE_MS) {
      throw new DomainException('ATTENDANCE_NOT_OPEN', '活动开始前 1 小时起才能登记到场');
    }
    const field = (i: number, name: string, message: string) => ({ field: `entries.${i}.${name}`, message });
    const problems: Array<{ field: string; message: string }> = [];
    const ids = dto.entries.map((e) => e.signupId);
    dto.entries.forEach((e, i) => {
      if (ids.indexOf(e.signupId) !== i) problems.push(field(i, 'signupId', '同一人登记了两次'));
    });
    const found = await this.signups.find({ where: { id: In(ids), activityId: activity.id } });
    const byId = new Map(found.map((s) => [s.id, s]));
    const times = dto.entries.map((e, i) => {
      const s = byId.get(e.signupId);
      if (!s) problems.push(field(i, 'signupId', '这条报名不在这个活动中'));
      else if (!(PLACED as readonly string[]).includes(s.status)) problems.push(field(i, 'signupId', '这条报名已取消或还在候补，不能登记到场'));
      const inAt = e.checkedInAt ? new Date(e.checkedInAt) : null;
      const outAt = e.checkedOutAt ? new Date(e.checkedOutAt) : null;
      if (e.status === 'absent' && (inAt || outAt)) problems.push(field(i, 'status', '缺席的党员不用填写到场时间'));
      if (inAt && outAt && outAt.getTime() < inAt.getTime()) problems.push(field(i, 'checkedOutAt', '离开时间不能早于到场时间'));
      if (outAt && outAt.getTime() > now.getTime() + 60_000) problems.push(field(i, 'checkedOutAt', '离开时间不能晚于现在'));
      return { inAt, outAt };
    });
    if (problems.length > 0) throw new DomainException('VALIDATION_FAILED', undefined, problems);

    const saved = await this.tx.run(async (m) => {
      const repo = m.getRepository(SignupEntity);
      const out: SignupEntity[] = [];
      for (const [i, entry] of dto.entries.entries()) {
        const before = byId.get(entry.signupId)!;
        const attended = entry.status === 'attended';
        const checkedInAt = attended ? (times[i]!.inAt ?? before.checkedInAt ?? activity.startsAt) : null;
        const checkedOutAt = attended ? (times[i]!.outAt ?? before.checkedOutAt ?? activity.endsAt) : null;
        // Conditional on the sign-up as read: a scan or another sheet changing it meanwhile makes this one refresh.
        const changed = await repo
          .createQueryBuilder()
          .update(SignupEntity)
          .set({ status: entry.status, checkedInAt, checkedOutAt, attendanceMethod: 'organizer', markedBy: user.memberId })
          .where('id = :id AND status = :status', { id: before.id, status: before.status })
          .execute();
        if (!changed.affected) throw new DomainException('CONFLICT', '有报名刚被更改过（可能有人刚扫码签到），请刷新后再登记');
        const after = await repo.findOneByOrFail({ id: before.id });
        const remark = before.status === 'confirmed' ? '按签到表登记' : '更正签到登记';
        const credit = await this.credit(m, after, activity, user.memberId, remark, now);
        await this.audit.record(
          {
            actorId: user.memberId,
            action: 'activity.attendance.mark',
            targetType: 'activity_signup',
            targetId: before.id,
            ip,
            result: 'success',
            detail: {
              activityId: activity.id,
              memberId: before.memberId,
              before: { status: before.status, checkedInAt: before.checkedInAt, checkedOutAt: before.checkedOutAt },
              after: { status: entry.status, checkedInAt, checkedOutAt },
              hours: credit,
            },
          },
          m,
        );
        out.push(await repo.findOneByOrFail({ id: before.id }));
      }
      return out;
    });
    return { signups: await this.views(saved) };
  }

  /** The live board the organizer's screen polls: who is expected, who arrived and left, who is not here yet. */
  async board(user: AuthUser, activityId: string): Promise<AttendanceBoard> {
    const activity = await this.managed(user, activityId);
    const rows = await this.signups.find({
      where: { activityId: activity.id, status: In([...PLACED]) },
      order: { signedUpAt: 'ASC', id: 'ASC' },
    });
    const views = await this.views(rows);
    const expectedRows = views.filter((v) => v.status === 'confirmed' || v.status === 'attended');
    return {
      activityId: activity.id,
      expected: expectedRows.length,
      arrived: expectedRows.filter((v) => v.checkedInAt !== null).length,
      departed: expectedRows.filter((v) => v.checkedOutAt !== null).length,
      notArrived: views.filter((v) => v.status === 'confirmed' && v.checkedInAt === null),
      arrivedList: expectedRows.filter((v) => v.checkedInAt !== null),
      absent: views.filter((v) => v.status === 'absent'),
    };
  }

  /**
   * The ledger for one sign-up as it now stands: the activity's hours if attended long enough (the presence rule),
   * otherwise none; the sign-up keeps a copy. A community need earns nothing here: its service record is credited.
   */
  private async credit(m: EntityManager, s: SignupEntity, activity: ActivityEntity, actorId: string, reason: string, now: Date): Promise<number> {
    const hours =
      activity.scopeKind === 'community' || s.status !== 'attended'
        ? 0
        : presenceCredit({
            startsAt: activity.startsAt,
            endsAt: activity.endsAt,
            checkedInAt: s.checkedInAt,
            checkedOutAt: s.checkedOutAt,
            creditedHours: activity.creditedHours,
            presencePercent: this.activities.presencePercent,
          }).hours;
    await settleCredit(
      m,
      {
        memberId: s.memberId,
        source: 'activity',
        creditKey: `signup:${s.id}`,
        activityId: activity.id,
        signupId: s.id,
        serviceRecordId: null,
        serviceDate: shanghaiDate(activity.startsAt),
        hours,
        actorId,
        reason,
      },
      now,
    );
    await m.getRepository(SignupEntity).update({ id: s.id }, { creditedHours: hours });
    return hours;
  }

  /** An activity the caller runs attendance for; NOT_FOUND before FORBIDDEN reveals nothing more than an id. */
  private async managed(user: AuthUser, activityId: string): Promise<ActivityEntity> {
    const activity = await this.activityRepo.findOne({ where: { id: activityId } });
    if (!activity) throw new DomainException('NOT_FOUND', '没有找到这个活动');
    await this.access.assertManages(user, activity, '您不负责这个活动的签到');
    return activity;
  }

  private async views(rows: SignupEntity[]): Promise<SignupView[]> {
    if (rows.length === 0) return [];
    const people = await this.members.find({
      where: { id: In([...new Set(rows.map((r) => r.memberId))]) },
      select: { id: true, name: true, unitId: true },
    });
    const unitIds = [...new Set(people.map((p) => p.unitId))];
    const unitName = new Map(
      (unitIds.length ? await this.units.find({ where: { id: In(unitIds) }, select: { id: true, name: true } }) : []).map((u) => [u.id, u.name]),
    );
    const byId = new Map(people.map((p) => [p.id, { id: p.id, name: p.name, unitName: unitName.get(p.unitId) ?? null }]));
    return rows.map((r) => mapSignup(r, byId.get(r.memberId) ?? { id: r.memberId, name: '', unitName: null }, null));
  }
}
