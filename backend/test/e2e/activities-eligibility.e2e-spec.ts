import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { eligibleWhere } from '../../src/modules/activities/activities.service.js';
import { type EligibleMember, isEligible } from '../../src/modules/activities/eligibility.js';
import { ActivityEligibilityEntity } from '../../src/modules/activities/entities/activity-eligibility.entity.js';
import { ActivityEntity } from '../../src/modules/activities/entities/activity.entity.js';
import { BranchEntity } from '../../src/modules/org/entities/branch.entity.js';
import { CommunityEntity } from '../../src/modules/org/entities/community.entity.js';
import { MemberEntity } from '../../src/modules/org/entities/member.entity.js';
import { UnitEntity } from '../../src/modules/org/entities/unit.entity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';
import { APP_START_TIMEOUT_MS } from './org-test-helpers.js';

/**
 * The member's list filters in SQL (eligibleWhere) what sign-up decides in code (isEligible): on every combination of
 * scope, narrowing rules and member below, both must give the same answer.
 */
describe.each(testDrivers())('the eligibility SQL agrees with isEligible on %s', (driver) => {
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    t = await startTestApp(driver, {});
    ds = t.app.get<DataSource>(getDataSourceToken());
  }, APP_START_TIMEOUT_MS);
  afterAll(async () => {
    await t?.close();
  });

  it('on a matrix of members and activities', async () => {
    const unit = async (name: string) => (await ds.getRepository(UnitEntity).findOneByOrFail({ name })).id;
    const [zzb, tax] = [await unit('区委组织部'), await unit('区税务局')];
    const taxBranches = await ds.getRepository(BranchEntity).find({ where: { unitId: tax }, order: { name: 'ASC' } });
    const zzbBranch = (await ds.getRepository(BranchEntity).findOneByOrFail({ unitId: zzb })).id;
    const [taxA, taxB] = [taxBranches[0]!.id, taxBranches[1]!.id];
    const community = async (name: string) => (await ds.getRepository(CommunityEntity).findOneByOrFail({ name })).id;
    const [xy, gm] = [await community('向阳社区'), await community('光明社区')];
    const author = (await ds.getRepository(MemberEntity).findOneByOrFail({ name: '陈明' })).id;

    const scopes: Array<Pick<ActivityEntity, 'scopeKind' | 'scopeId'>> = [
      { scopeKind: 'district', scopeId: null },
      { scopeKind: 'unit', scopeId: zzb },
      { scopeKind: 'unit', scopeId: tax },
      { scopeKind: 'branch', scopeId: zzbBranch },
      { scopeKind: 'branch', scopeId: taxA },
      { scopeKind: 'community', scopeId: xy },
      { scopeKind: 'community', scopeId: gm },
    ];
    type Rule = Pick<ActivityEligibilityEntity, 'kind' | 'targetId'>;
    const ruleSets: Rule[][] = [
      [],
      [{ kind: 'unit', targetId: zzb }],
      [{ kind: 'branch', targetId: taxA }],
      [
        { kind: 'unit', targetId: tax },
        { kind: 'branch', targetId: zzbBranch },
      ],
      [{ kind: 'branch', targetId: taxB }],
    ];
    const activities: Array<{ id: string; scope: (typeof scopes)[number]; rules: Rule[] }> = [];
    const starts = new Date(Date.now() + 86_400_000);
    for (const scope of scopes) {
      for (const rules of ruleSets) {
        const row = ds.getRepository(ActivityEntity).create({
          kind: 'volunteer',
          subKind: null,
          needKind: scope.scopeKind === 'community' ? 'task' : null,
          themeId: null,
          title: `资格矩阵${activities.length}`,
          description: '资格矩阵',
          place: '社区',
          communityId: scope.scopeKind === 'community' ? scope.scopeId : null,
          startsAt: starts,
          endsAt: new Date(starts.getTime() + 3_600_000),
          signupDeadline: starts,
          cancelDeadline: starts,
          capacity: null,
          waitlistLimit: 0,
          creditedHours: 1,
          ...scope,
          status: 'published',
          unitId: null,
          authorId: author,
          reviewedBy: null,
          reviewedAt: null,
          reviewNote: null,
          publishedAt: new Date(),
          cancelReason: null,
          confirmedCount: 0,
          waitlistCount: 0,
          waitlistSeq: 0,
        });
        await ds.getRepository(ActivityEntity).insert(row);
        if (rules.length) await ds.getRepository(ActivityEligibilityEntity).insert(rules.map((r) => ({ ...r, activityId: row.id })));
        activities.push({ id: row.id, scope, rules });
      }
    }
    const members: EligibleMember[] = [
      { unitId: zzb, branchId: zzbBranch, registeredCommunityIds: [] },
      { unitId: zzb, branchId: null, registeredCommunityIds: [xy] },
      { unitId: tax, branchId: taxA, registeredCommunityIds: [xy, gm] },
      { unitId: tax, branchId: taxB, registeredCommunityIds: [] },
      { unitId: tax, branchId: null, registeredCommunityIds: [gm] },
    ];
    let eligibleSomewhere = 0;
    for (const member of members) {
      const where = eligibleWhere('a', member);
      const rows = await ds
        .getRepository(ActivityEntity)
        .createQueryBuilder('a')
        .select('a.id', 'id')
        .where("a.title LIKE '资格矩阵%'")
        .andWhere(where.sql, where.params)
        .getRawMany<{ id: string }>();
      const bySql = rows.map((r) => r.id).sort();
      const byCode = activities.filter((a) => isEligible(a.scope, a.rules, member)).map((a) => a.id).sort();
      expect(bySql).toEqual(byCode);
      eligibleSomewhere += byCode.length;
    }
    // The matrix is not trivially empty or full.
    expect(eligibleSomewhere).toBeGreaterThan(10);
    expect(eligibleSomewhere).toBeLessThan(activities.length * members.length - 10);
  });
});
