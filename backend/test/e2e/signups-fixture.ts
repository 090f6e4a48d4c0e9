import { JwtService } from '@nestjs/jwt';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { MemberEntity } from '../../src/modules/org/entities/member.entity.js';
import { RoleAssignmentEntity } from '../../src/modules/org/entities/role-assignment.entity.js';
import type { TestApp } from '../support/test-app.js';

/**
 * Members and callers for the sign-up suites: many active members of a unit, and a bearer token for any of them.
 * Activity and sign-up rows come from activity-rows.ts.
 */

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
