import { createHash } from 'node:crypto';
import type { BranchEntity } from '../org/entities/branch.entity.js';
import type { MemberEntity } from '../org/entities/member.entity.js';
import type { UnitEntity } from '../org/entities/unit.entity.js';
import { normalizeName, planRows, type RawRow, type RosterLookups } from './roster-planner.js';

const unit = (id: string, name: string, code: string) => ({ id, name, code }) as UnitEntity;
const branch = (id: string, unitId: string, name: string) => ({ id, unitId, name }) as BranchEntity;
const hash = (phone: string) => createHash('sha256').update(phone).digest('hex');

const UNITS = [unit('u1', '区税务局', 'JG002'), unit('u2', '区人民医院', 'SY001')];
const BRANCHES = [branch('b1', 'u1', '征管支部'), branch('b2', 'u1', '综合支部'), branch('b3', 'u2', '内科支部')];
const ID = '0b9c7a52-4a8e-4d1e-9a57-6c2f1f3f0a11';
const existing = {
  id: ID,
  name: '李秀英',
  phoneHash: hash('13800000002'),
  unitId: 'u1',
  branchId: 'b1',
  status: 'active',
  openid: 'o-1',
} as MemberEntity;

function lookups(scope: RosterLookups['scope'] = { all: true }, member: MemberEntity = existing): RosterLookups {
  return {
    units: UNITS,
    branches: BRANCHES,
    membersById: new Map([[member.id, member]]),
    membersByPhoneHash: new Map([[member.phoneHash!, member]]),
    scope,
    hashPhone: hash,
  };
}

const row = (fields: Partial<RawRow>, n = 2): RawRow => ({
  row: n,
  memberId: '',
  name: '',
  phone: '',
  unit: '',
  branch: '',
  status: '',
  ...fields,
});

describe('planRows', () => {
  it('matches by member id first and treats a masked phone as unchanged', () => {
    const [p] = planRows([row({ memberId: ID, name: '李秀英', phone: '138****0002', unit: '区税务局', branch: '征管支部', status: '在册' })], lookups());
    expect(p).toMatchObject({ outcome: 'unchanged', issues: [] });
  });

  it('falls back to the phone when the member id comes from another system', () => {
    const [p] = planRows([row({ memberId: 'DY-000123', name: '李秀英', phone: '13800000002', unit: 'JG002', branch: '综合支部' })], lookups());
    expect(p).toMatchObject({ outcome: 'update', changes: { branchId: 'b2' } });
  });

  it('reports an unknown id of ours and a phone that belongs to someone else', () => {
    const [unknown, taken] = planRows(
      [
        row({ memberId: '11111111-2222-4333-8444-555555555555', name: '甲', phone: '13900000001', unit: '区税务局' }),
        row({ memberId: ID, name: '李秀英', phone: '13900000009', unit: '区税务局' }, 3),
      ],
      lookups(undefined, { ...existing, phoneHash: hash('13800000002') } as MemberEntity),
    );
    expect(unknown!.issues).toEqual([{ row: 2, field: 'memberId', reason: '党员编号不存在' }]);
    expect(taken).toMatchObject({ outcome: 'update', changes: { phone: { plain: '13900000009' } } });
    const clash = planRows(
      [row({ memberId: ID, name: '李秀英', phone: '13900000009', unit: '区税务局' })],
      { ...lookups(), membersByPhoneHash: new Map([[hash('13900000009'), { ...existing, id: 'other' } as MemberEntity]]) },
    );
    expect(clash[0]!.issues).toEqual([{ row: 2, field: 'phone', reason: '手机号已被其他党员使用' }]);
  });

  it('keeps a branch organizer to their branch, for new rows and for the member\'s current place', () => {
    const scope = { all: false as const, unitIds: [], branchIds: ['b1'] };
    const [inBranch, noBranch, otherBranch] = planRows(
      [
        row({ name: '甲', phone: '13900000001', unit: '区税务局', branch: '征管支部' }),
        row({ name: '乙', phone: '13900000002', unit: '区税务局' }, 3),
        row({ name: '丙', phone: '13900000003', unit: '区税务局', branch: '综合支部' }, 4),
      ],
      lookups(scope),
    );
    expect(inBranch!.outcome).toBe('create');
    expect(noBranch!.issues).toEqual([{ row: 3, field: 'unit', reason: '不在您的管理范围' }]);
    expect(otherBranch!.issues).toEqual([{ row: 4, field: 'unit', reason: '不在您的管理范围' }]);
  });

  it('reads statuses from labels and from other systems, and refuses unknown ones', () => {
    const rows = planRows(
      [
        row({ name: '甲', phone: '13900000001', unit: '区税务局', status: '正式党员' }),
        row({ name: '乙', phone: '13900000002', unit: '区税务局', status: '已退休' }, 3),
        row({ name: '丙', phone: '13900000003', unit: '区税务局', status: '出国' }, 4),
      ],
      lookups(),
    );
    expect(rows[0]!.create?.status).toBe('invited');
    expect(rows[1]!.create?.status).toBe('retired');
    expect(rows[2]!.issues).toEqual([{ row: 4, field: 'status', reason: expect.stringContaining('状态不正确') }]);
    const back = planRows([row({ memberId: ID, name: '李秀英', unit: '区税务局', branch: '征管支部', status: '在册' })], lookups(undefined, { ...existing, status: 'retired' } as MemberEntity));
    expect(back[0]).toMatchObject({ outcome: 'update', changes: { status: 'active' } });
  });

  it('moves a retired member only when the row also puts them back on the roster', () => {
    const retired = { ...existing, status: 'retired' } as MemberEntity;
    const [stays] = planRows([row({ memberId: ID, name: '李秀英', unit: '区人民医院' })], lookups(undefined, retired));
    const [back] = planRows([row({ memberId: ID, name: '李秀英', unit: '区人民医院', status: '在册' }, 3)], lookups(undefined, retired));
    expect(stays!.issues).toEqual([{ row: 2, field: 'unit', reason: expect.stringContaining('不能调动单位') }]);
    expect(back).toMatchObject({ outcome: 'transfer', changes: { unitId: 'u2', status: 'active' } });
  });

  it('flags the second row of the same person even when found once by id and once by phone', () => {
    const rows = planRows(
      [row({ memberId: ID, name: '李秀英', unit: '区税务局' }), row({ name: '李秀英', phone: '13800000002', unit: '区税务局' }, 5)],
      lookups(),
    );
    expect(rows[1]!.issues).toEqual([{ row: 5, field: 'phone', reason: '文件内重复（同第 2 行）' }]);
  });

  it('strips alignment padding from Chinese names only', () => {
    expect(normalizeName(' 张　三 ')).toBe('张三');
    expect(normalizeName('阿依古丽·买买提')).toBe('阿依古丽·买买提');
    expect(normalizeName('Anna  Li')).toBe('Anna Li');
  });
});
