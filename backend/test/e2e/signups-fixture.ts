import { JwtService } from '@nestjs/jwt';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ActivityEntity } from '../../src/modules/activities/entities/activity.entity.js';
import { SignupEntity } from '../../src/modules/activities/entities/signup.entity.js';
import { MemberEntity } from '../../src/modules/org/entities/member.entity.js';
import { RoleAssignmentEntity } from '../../src/modules/org/entities/role-assignment.entity.js';
import type { TestApp } from '../support/test-app.js';

const HOUR = 3600_000;

/**
 * Activities and members written straight into their tables: the sign-up suites need published activities in a given
 * state (the publishing flow has its own suites) and many active members of a unit.
 */
export async function insertActivity(ds: DataSource, authorId: string, fields: Partial<ActivityEntity> = {}): Promise<ActivityEntity> {
  const now = Date.now();
  const row = ds.getRepository(ActivityEntity).create({
    id: randomUUID(),
    kind: 'volunteer',
    subKind: null,
    needKind: null,
    themeId: null,
    title: '社区环境整治志愿服务',
    description: '清理楼道杂物，整理绿地。',
    place: '向阳社区服务站',
    communityId: null,
    startsAt: new Date(now + 72 * HOUR),
    endsAt: new Date(now + 75 * HOUR),
    signupDeadline: new Date(now + 48 * HOUR),
    cancelDeadline: new Date(now + 24 * HOUR),
    capacity: 2,
    waitlistLimit: 2,
    creditedHours: 2,
    scopeKind: 'district',
    scopeId: null,
    status: 'published',
    unitId: null,
    authorId,
    reviewedBy: null,
    reviewedAt: null,
    reviewNote: null,
    publishedAt: new Date(now),
    cancelReason: null,
    confirmedCount: 0,
    waitlistCount: 0,
    waitlistSeq: 0,
    ...fields,
  });
  await ds.getRepository(ActivityEntity).insert(row);
  return row;
}

/** Active members of a unit, each with the member role, as a WeChat sign-in leaves them. */
export async function insertMembers(ds: DataSource, unitId: string, count: number, branchId: string | null = null): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    await ds.getRepository(MemberEntity).insert({ id, name: `报名测试${ids.length + 1}`, unitId, branchId, status: 'active', openid: `signup-${id}` });
    await ds.getRepository(RoleAssignmentEntity).insert({ id: randomUUID(), memberId: id, role: 'member', scopeKind: 'self', scopeId: null });
    ids.push(id);
  }
  return ids;
}

export function bearer(t: TestApp, memberId: string): { Authorization: string } {
  return { Authorization: `Bearer ${t.app.get(JwtService).sign({ sub: memberId, typ: 'access' }, { expiresIn: 3600 })}` };
}

export function dataSourceOf(t: TestApp): DataSource {
  return t.app.get<DataSource>(getDataSourceToken());
}

/** A confirmed sign-up holding a place, as a sign-up leaves it. */
export async function insertSignup(ds: DataSource, activityId: string, memberId: string): Promise<string> {
  const id = randomUUID();
  await ds.getRepository(SignupEntity).insert({
    id,
    activityId,
    memberId,
    status: 'confirmed',
    waitlistSeq: null,
    signedUpAt: new Date(),
    onBehalf: false,
    createdBy: memberId,
  });
  await ds.query('UPDATE activities SET confirmed_count = confirmed_count + 1 WHERE id = ?', [activityId]);
  return id;
}
