import type { ActivityKind, ActivityStatus, SignupStatus } from '@pioneer/shared-types';
import type { DataSource } from 'typeorm';
import { ActivityEntity } from '../../src/modules/activities/entities/activity.entity.js';
import { SignupEntity } from '../../src/modules/activities/entities/signup.entity.js';

/**
 * Activity and sign-up rows written straight to the database, for suites that test what happens around them
 * (reminders, finishing, visits) rather than publishing and signing up, which have their own suites.
 */
export interface ActivityRow {
  title?: string;
  place?: string;
  kind?: ActivityKind;
  status?: ActivityStatus;
  startsAt: Date;
  /** Two hours after the start unless given. */
  endsAt?: Date;
  authorId: string;
}

export async function insertActivity(ds: DataSource, row: ActivityRow): Promise<ActivityEntity> {
  const repo = ds.getRepository(ActivityEntity);
  const endsAt = row.endsAt ?? new Date(row.startsAt.getTime() + 2 * 3600_000);
  const activity = repo.create({
    kind: row.kind ?? 'volunteer',
    subKind: null,
    needKind: null,
    themeId: null,
    title: row.title ?? '社区环境整治志愿服务',
    description: '清理楼道杂物，整理自行车棚',
    place: row.place ?? '向阳社区活动中心',
    communityId: null,
    startsAt: row.startsAt,
    endsAt,
    signupDeadline: row.startsAt,
    cancelDeadline: row.startsAt,
    capacity: null,
    waitlistLimit: 0,
    creditedHours: 2,
    scopeKind: 'district',
    scopeId: null,
    status: row.status ?? 'published',
    unitId: null,
    authorId: row.authorId,
    publishedAt: new Date(row.startsAt.getTime() - 7 * 24 * 3600_000),
  });
  await repo.insert(activity);
  return activity;
}

export async function insertSignups(ds: DataSource, activityId: string, memberIds: string[], status: SignupStatus = 'confirmed'): Promise<void> {
  if (memberIds.length === 0) return;
  const repo = ds.getRepository(SignupEntity);
  await repo.insert(
    memberIds.map((memberId) =>
      repo.create({ activityId, memberId, status, waitlistSeq: null, signedUpAt: new Date(), onBehalf: false, createdBy: memberId }),
    ),
  );
}
