import type { Role, ScopeKind, UnitKind } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { PiiCrypto } from '../../common/crypto/pii-crypto.service.js';
import { ActivityThemeEntity } from '../../modules/activities/entities/activity-theme.entity.js';
import { NEW_ACTIVITY_STATE } from '../../modules/activities/activity-lifecycle.js';
import { ActivityEntity } from '../../modules/activities/entities/activity.entity.js';
import { BranchEntity } from '../../modules/org/entities/branch.entity.js';
import { CommunityEntity } from '../../modules/org/entities/community.entity.js';
import { MemberEntity } from '../../modules/org/entities/member.entity.js';
import { RoleAssignmentEntity } from '../../modules/org/entities/role-assignment.entity.js';
import { StreetEntity } from '../../modules/org/entities/street.entity.js';
import { UnitEntity } from '../../modules/org/entities/unit.entity.js';
import { ProblemEventEntity } from '../../modules/problems/entities/problem-event.entity.js';
import { ProblemEntity } from '../../modules/problems/entities/problem.entity.js';
import { addWorkingDays } from '../../modules/problems/working-days.js';

interface SeedUnit {
  code: string;
  name: string;
  kind: UnitKind;
  brand?: [string, string];
  branches: string[];
}

// A small, believable district: enough to try every role's screens. Phone numbers use the 1380000xxxx range.
const STREETS = ['向阳街道', '新华街道'];
const COMMUNITIES: Array<{ street: number; name: string; address: string; lat: number; lng: number }> = [
  { street: 0, name: '向阳社区', address: '向阳路 18 号', lat: 41.7965, lng: 123.4312 },
  { street: 0, name: '光明社区', address: '光明街 6 号', lat: 41.8012, lng: 123.4408 },
  { street: 1, name: '新华社区', address: '新华大街 120 号', lat: 41.8101, lng: 123.4203 },
  { street: 1, name: '幸福里社区', address: '幸福里 3 号楼', lat: 41.8066, lng: 123.4155 },
];
const UNITS: SeedUnit[] = [
  { code: 'JG001', name: '区委组织部', kind: 'government', brand: ['红色引擎', '以组织力带动社区服务力'], branches: ['机关第一支部'] },
  { code: 'JG002', name: '区税务局', kind: 'government', branches: ['征管支部', '综合支部'] },
  { code: 'SY001', name: '区人民医院', kind: 'institution', brand: ['白衣先锋', '党员医生进社区义诊'], branches: ['内科支部'] },
  { code: 'QY001', name: '区城市建设投资集团', kind: 'enterprise', branches: ['工程支部'] },
];
const PEOPLE: Array<{
  name: string;
  phone: string;
  unit: number;
  branch: number;
  roles: Array<{ role: Role; scope: ScopeKind; ref?: number }>;
}> = [
  { name: '张建国', phone: '13800000001', unit: 0, branch: 0, roles: [{ role: 'member', scope: 'self' }] },
  { name: '李秀英', phone: '13800000002', unit: 1, branch: 0, roles: [{ role: 'member', scope: 'self' }] },
  { name: '王志强', phone: '13800000003', unit: 2, branch: 0, roles: [{ role: 'member', scope: 'self' }] },
  { name: '赵丽华', phone: '13800000004', unit: 3, branch: 0, roles: [{ role: 'member', scope: 'self' }] },
  {
    name: '刘芳',
    phone: '13800000005',
    unit: 1,
    branch: 1,
    roles: [
      { role: 'member', scope: 'self' },
      { role: 'worker', scope: 'community', ref: 0 },
    ],
  },
  {
    name: '陈明',
    phone: '13800000006',
    unit: 0,
    branch: 0,
    roles: [
      { role: 'member', scope: 'self' },
      { role: 'organizer', scope: 'unit', ref: 0 },
    ],
  },
  {
    name: '孙伟',
    phone: '13800000007',
    unit: 0,
    branch: 0,
    roles: [
      { role: 'member', scope: 'self' },
      { role: 'organizer', scope: 'district' },
    ],
  },
  { name: '周平', phone: '13800000008', unit: 0, branch: 0, roles: [{ role: 'admin', scope: 'system' }] },
];

/** The demo's phone numbers, so tests can prove none of them is stored or shown in the clear. */
export const DEMO_PHONES: readonly string[] = PEOPLE.map((p) => p.phone);

export async function isEmpty(ds: DataSource): Promise<boolean> {
  return (await ds.getRepository(UnitEntity).count()) === 0;
}

/** Seeds the demo district in one transaction, so a crash half-way leaves an empty database that seeds again. */
export async function seedDemo(ds: DataSource, crypto: PiiCrypto): Promise<void> {
  await ds.transaction(async (m: EntityManager) => {
    const streets = await m.save(STREETS.map((name) => m.create(StreetEntity, { name })));
    const communities = await m.save(
      COMMUNITIES.map((c) =>
        m.create(CommunityEntity, {
          name: c.name,
          streetId: streets[c.street]!.id,
          address: c.address,
          lat: c.lat,
          lng: c.lng,
          geofenceRadiusM: 300,
        }),
      ),
    );
    const units = await m.save(
      UNITS.map((u) =>
        m.create(UnitEntity, {
          code: u.code,
          name: u.name,
          kind: u.kind,
          brandName: u.brand?.[0] ?? null,
          brandIntro: u.brand?.[1] ?? null,
        }),
      ),
    );
    const branches = new Map<string, BranchEntity[]>();
    for (const [i, u] of UNITS.entries()) {
      const unitId = units[i]!.id;
      branches.set(unitId, await m.save(u.branches.map((name) => m.create(BranchEntity, { unitId, name }))));
    }
    const people = new Map<string, MemberEntity>();
    for (const p of PEOPLE) {
      const unit = units[p.unit]!;
      const member = await m.save(
        m.create(MemberEntity, {
          name: p.name,
          phoneCipher: crypto.encrypt(p.phone),
          phoneHash: crypto.hash(p.phone),
          unitId: unit.id,
          branchId: branches.get(unit.id)![p.branch]!.id,
          status: 'active',
          openid: null,
          unionid: null,
        }),
      );
      people.set(p.name, member);
      await m.save(
        p.roles.map((r) =>
          m.create(RoleAssignmentEntity, {
            memberId: member.id,
            role: r.role,
            scopeKind: r.scope,
            scopeId: r.scope === 'community' ? communities[r.ref!]!.id : r.scope === 'unit' ? units[r.ref!]!.id : null,
          }),
        ),
      );
    }
    await seedActivities(m, {
      unitOrganizer: people.get('陈明')!,
      districtOrganizer: people.get('孙伟')!,
      worker: people.get('刘芳')!,
      xiangyang: communities[0]!,
    });
    await seedProblems(m, crypto, { member: people.get('张建国')!, xiangyang: communities[0]! });
  });
}

const DAY = 86_400_000;

/** Beijing wall-clock time `days` from now at hh:mm, as an instant. */
function beijingAt(now: Date, days: number, hh: number, mm = 0): Date {
  const local = new Date(now.getTime() + 8 * 3_600_000 + days * DAY);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hh - 8, mm));
}

/**
 * A few activities to try the screens with, dated from the day the demo is seeded: this month's theme, a published
 * volunteer activity of 区委组织部 with places left, a district-wide draft of 孙伟 (submitting it sends it to review,
 * which needs a second district organizer — the demo has one only, so it waits there, as it would in life), and a
 * community need of 向阳社区 its worker published.
 */
async function seedActivities(
  m: EntityManager,
  who: { unitOrganizer: MemberEntity; districtOrganizer: MemberEntity; worker: MemberEntity; xiangyang: CommunityEntity },
): Promise<void> {
  const now = new Date();
  const month = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
  const [theme] = await m.save([
    m.create(ActivityThemeEntity, { month, title: '邻里守望 温暖同行', createdBy: who.districtOrganizer.id }),
  ]);
  const base = {
    subKind: null,
    needKind: null,
    communityId: null,
    capacity: null,
    waitlistLimit: 0,
    unitId: null,
    ...NEW_ACTIVITY_STATE,
  };
  const timed = (days: number, from: number, to: number) => {
    const startsAt = beijingAt(now, days, from);
    return { startsAt, endsAt: beijingAt(now, days, to), signupDeadline: beijingAt(now, days - 1, 18), cancelDeadline: beijingAt(now, days - 1, 12) };
  };
  await m.save([
    m.create(ActivityEntity, {
      ...base,
      ...timed(7, 9, 11),
      kind: 'volunteer',
      subKind: 'environment',
      themeId: theme!.id,
      title: '向阳河沿岸环境清整',
      description: '沿向阳河步道清捡垃圾、清理小广告。手套、夹子和垃圾袋由社区准备，请穿方便行走的鞋。',
      place: '向阳河步道东口（向阳路 18 号对面）',
      communityId: who.xiangyang.id,
      capacity: 20,
      waitlistLimit: 5,
      creditedHours: 2,
      scopeKind: 'unit',
      scopeId: who.unitOrganizer.unitId,
      unitId: who.unitOrganizer.unitId,
      status: 'published',
      authorId: who.unitOrganizer.id,
      publishedAt: now,
    }),
    m.create(ActivityEntity, {
      ...base,
      ...timed(14, 14, 16),
      kind: 'party_day',
      themeId: theme!.id,
      title: '主题党日：走进社区党群服务中心',
      description: '参观社区党群服务中心，听社区书记讲基层治理，交流在职党员到社区报到的做法。',
      place: '向阳社区党群服务中心二楼会议室',
      capacity: 60,
      waitlistLimit: 10,
      creditedHours: 2,
      scopeKind: 'district',
      scopeId: null,
      unitId: who.districtOrganizer.unitId,
      status: 'draft',
      authorId: who.districtOrganizer.id,
    }),
    m.create(ActivityEntity, {
      ...base,
      ...timed(5, 15, 17),
      kind: 'volunteer',
      subKind: 'caring',
      needKind: 'wish',
      title: '帮独居老人更换楼道灯泡',
      description: '向阳社区 3 号楼几位独居老人家门口的楼道灯坏了，需要一两位党员帮忙更换，灯泡由社区提供。',
      place: '向阳社区 3 号楼',
      communityId: who.xiangyang.id,
      capacity: 2,
      creditedHours: 1,
      scopeKind: 'community',
      scopeId: who.xiangyang.id,
      status: 'published',
      authorId: who.worker.id,
      publishedAt: now,
    }),
  ]);
}

/**
 * Two residents' problems 张建国 met in 向阳社区: one waiting for a worker or organizer to send it to whoever can act
 * (刘芳, 孙伟 see it), one he answered on the spot. The residents are invented; their details are sealed like real ones.
 */
async function seedProblems(m: EntityManager, crypto: PiiCrypto, who: { member: MemberEntity; xiangyang: CommunityEntity }): Promise<void> {
  const now = new Date();
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const resident = (name: string, phone: string, address: string) => ({
    residentNameCipher: crypto.encrypt(name),
    residentPhoneCipher: crypto.encrypt(phone),
    residentPhoneHash: crypto.hash(phone),
    residentAddressCipher: crypto.encrypt(address),
  });
  const base = {
    recorderId: who.member.id,
    createdBy: who.member.id,
    onBehalf: false,
    onBehalfReason: null,
    visitId: null,
    consentAt: now,
    communityId: who.xiangyang.id,
    village: null,
    handlingUnitId: null,
    handlingCommunityId: null,
    resolution: null,
    closeReason: null,
    satisfaction: null,
    closedAt: null,
    duplicateOf: null,
    remindedAt: null,
  };
  const [waiting, answered] = await m.save([
    m.create(ProblemEntity, {
      ...base,
      ...resident('王桂兰', '13900000011', '向阳社区 3 号楼 2 单元 401'),
      category: 'winter_heating',
      description: '家里暖气片一直不热，室温只有十二三度，老人腿脚不好，希望尽快有人来看看。',
      urgency: 'normal',
      deadline: addWorkingDays(today, 3),
      status: 'registered',
      answer: null,
      answeredAt: null,
    }),
    m.create(ProblemEntity, {
      ...base,
      ...resident('李大爷', '13900000012', '向阳社区 5 号楼 1 单元 102'),
      category: 'social_security',
      description: '想了解城乡居民养老保险每年什么时候缴费、在哪里办。',
      urgency: 'normal',
      deadline: addWorkingDays(today, 3),
      status: 'answered',
      answer: '每年 1 月至 12 月均可在社区党群服务中心一楼窗口或手机上缴纳，已帮老人在手机上操作了一遍。',
      answeredAt: now,
      closedAt: now,
    }),
  ]);
  await m.save([
    m.create(ProblemEventEntity, { id: randomUUID(), createdAt: new Date(now.getTime() + 1), problemId: waiting!.id, action: 'register', fromStatus: null, toStatus: 'registered', actorId: who.member.id, note: null, satisfaction: null }),
    m.create(ProblemEventEntity, { id: randomUUID(), createdAt: new Date(now.getTime() + 2), problemId: answered!.id, action: 'register', fromStatus: null, toStatus: 'registered', actorId: who.member.id, note: null, satisfaction: null }),
    m.create(ProblemEventEntity, { id: randomUUID(), createdAt: new Date(now.getTime() + 3), problemId: answered!.id, action: 'answer', fromStatus: 'registered', toStatus: 'answered', actorId: who.member.id, note: answered!.answer, satisfaction: null }),
  ]);
}
