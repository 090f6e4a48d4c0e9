import type { SignupStatus } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ActivityEntity } from '../../src/modules/activities/entities/activity.entity.js';
import { SignupEntity } from '../../src/modules/activities/entities/signup.entity.js';

const HOUR = 3600_000;

/**
 * Activity and sign-up rows written straight to their tables, for suites that test what happens around them
 * (signing up, attendance, reminders, finishing, visits, the authorization matrix) rather than how publishing and
 * signing up leave them, which their own suites do through HTTP. This is the one place that writes them.
 *
 * Unless a field is given, the activity is a published district-wide volunteer activity three days ahead, two hours
 * long, with no capacity limit and no waitlist, sign-up closing a day before the start and cancelling two days before;
 * a community need (scopeKind community) is a task of that community.
 */
export async function insertActivity(ds: DataSource, authorId: string, fields: Partial<ActivityEntity> = {}): Promise<ActivityEntity> {
  const startsAt = fields.startsAt ?? new Date(Date.now() + 72 * HOUR);
  const scopeKind = fields.scopeKind ?? 'district';
  const status = fields.status ?? 'published';
  const repo = ds.getRepository(ActivityEntity);
  const row = repo.create({
    id: randomUUID(),
    kind: 'volunteer',
    subKind: null,
    needKind: scopeKind === 'community' ? 'task' : null,
    themeId: null,
    title: '社区环境整治志愿服务',
    description: '清理楼道杂物，整理绿地。',
    place: '向阳社区服务站',
    communityId: scopeKind === 'community' ? (fields.scopeId ?? null) : null,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * HOUR),
    signupDeadline: new Date(startsAt.getTime() - 24 * HOUR),
    cancelDeadline: new Date(startsAt.getTime() - 48 * HOUR),
    capacity: null,
    waitlistLimit: 0,
    creditedHours: 2,
    scopeKind,
    scopeId: null,
    status,
    unitId: scopeKind === 'unit' ? (fields.scopeId ?? null) : null,
    authorId,
    reviewedBy: null,
    reviewedAt: null,
    reviewNote: null,
    publishedAt: status === 'draft' || status === 'in_review' ? null : new Date(),
    cancelReason: null,
    confirmedCount: 0,
    waitlistCount: 0,
    waitlistSeq: 0,
    ...fields,
  });
  await repo.insert(row);
  return row;
}

/**
 * Sign-ups of several members, as signing up leaves them: created by the member themselves, and the activity's
 * counters moved for each place (confirmed) or waitlist ticket (waitlisted) taken. Returns the ids in order.
 */
export async function insertSignups(
  ds: DataSource,
  activityId: string,
  memberIds: string[],
  status: SignupStatus = 'confirmed',
  fields: Partial<SignupEntity> = {},
): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const repo = ds.getRepository(SignupEntity);
  const rows = memberIds.map((memberId) =>
    repo.create({
      id: randomUUID(),
      activityId,
      memberId,
      status,
      waitlistSeq: null,
      signedUpAt: new Date(),
      cancelledAt: status === 'cancelled' ? new Date() : null,
      cancelReason: null,
      onBehalf: false,
      onBehalfReason: null,
      createdBy: memberId,
      checkedInAt: null,
      checkedOutAt: null,
      attendanceMethod: null,
      markedBy: null,
      creditedHours: 0,
      serviceRecordId: null,
      ...fields,
    }),
  );
  for (let i = 0; i < rows.length; i += 100) await repo.insert(rows.slice(i, i + 100));
  const counter = status === 'confirmed' ? 'confirmed_count' : status === 'waitlisted' ? 'waitlist_count' : null;
  if (counter) await ds.query(`UPDATE activities SET ${counter} = ${counter} + ? WHERE id = ?`, [rows.length, activityId]);
  return rows.map((r) => r.id);
}

/** One member's sign-up (a confirmed place unless told otherwise); see insertSignups. */
export async function insertSignup(
  ds: DataSource,
  activityId: string,
  memberId: string,
  status: SignupStatus = 'confirmed',
  fields: Partial<SignupEntity> = {},
): Promise<string> {
  return (await insertSignups(ds, activityId, [memberId], status, fields))[0]!;
}
