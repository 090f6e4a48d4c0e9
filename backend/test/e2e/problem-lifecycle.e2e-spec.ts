import { PROBLEM_ACTIONS, PROBLEM_STATUSES, type ProblemAction, type ProblemStatus } from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import { DomainException } from '../../src/common/errors/domain.exception.js';
import { ProblemEntity } from '../../src/modules/problems/entities/problem.entity.js';
import { PROBLEM_TRANSITIONS, canTakeProblemAction, transitionProblem } from '../../src/modules/problems/problem-lifecycle.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';
import { APP_START_TIMEOUT_MS, ORG_TEST_ENV, type OrgKit, orgKit } from './org-test-helpers.js';

// The problem state machine on a real database: every (status, action) pair either moves the row to the action's
// target or is refused with PROBLEM_STATE_INVALID and leaves the row as it was; of two concurrent steps one wins.
describe.each(testDrivers())('problem state machine on %s', (driver) => {
  let t: TestApp;
  let kit: OrgKit;
  let recorder: string;

  beforeAll(async () => {
    t = await startTestApp(driver, ORG_TEST_ENV);
    kit = await orgKit(t);
    recorder = kit.idOf('张建国');
  }, APP_START_TIMEOUT_MS);
  afterAll(() => t?.close());

  async function problemIn(status: ProblemStatus): Promise<string> {
    const repo = kit.ds.getRepository(ProblemEntity);
    const row = repo.create({
      id: randomUUID(),
      recorderId: recorder,
      createdBy: recorder,
      onBehalf: false,
      onBehalfReason: null,
      visitId: null,
      residentNameCipher: 'sealed',
      residentPhoneCipher: null,
      residentPhoneHash: null,
      residentAddressCipher: null,
      consentAt: new Date(),
      communityId: null,
      village: '石桥村',
      category: 'medical',
      description: '状态机测试',
      urgency: 'normal',
      deadline: '2030-01-04',
      status,
      handlingUnitId: null,
      handlingCommunityId: null,
      answer: null,
      resolution: null,
      closeReason: null,
      satisfaction: null,
      answeredAt: status === 'answered' || status === 'resolved' ? new Date() : null,
      closedAt: null,
      duplicateOf: null,
      remindedAt: null,
    });
    await repo.insert(row);
    return row.id;
  }

  const pairs = PROBLEM_STATUSES.flatMap((status) => PROBLEM_ACTIONS.map((action) => [status, action] as const));

  it.each(pairs)('from %s, %s', async (status: ProblemStatus, action: ProblemAction) => {
    const id = await problemIn(status);
    const allowed = canTakeProblemAction(action, status);
    const step = kit.ds.transaction((m) => transitionProblem(m, id, action, {}, new Date()));
    if (allowed) {
      await expect(step).resolves.toMatchObject({ to: PROBLEM_TRANSITIONS[action].to });
    } else {
      await expect(step).rejects.toMatchObject({ code: 'PROBLEM_STATE_INVALID' });
    }
    const after = await kit.ds.getRepository(ProblemEntity).findOneByOrFail({ id });
    expect(after.status).toBe(allowed ? PROBLEM_TRANSITIONS[action].to : status);
    // "Answered" is set by answering on the spot or resolving, cleared by closing unresolved and by reopening.
    if (allowed && (action === 'answer' || action === 'resolve')) expect(after.answeredAt).not.toBeNull();
    if (allowed && (action === 'close' || action === 'reopen' || action === 'link_duplicate')) expect(after.answeredAt).toBeNull();
  });

  it('names the states the figures rely on: nothing reaches "answered" but answering, nothing but closing reaches "closed unresolved"', () => {
    const into = (s: ProblemStatus) => PROBLEM_ACTIONS.filter((a) => PROBLEM_TRANSITIONS[a].to === s);
    expect(into('answered')).toEqual(['answer']);
    expect(into('resolved')).toEqual(['resolve']);
    expect(into('closed_unresolved')).toEqual(['close']);
    // Every status can be left or is final by design; none is unreachable except the start.
    const reachable = new Set(PROBLEM_ACTIONS.map((a) => PROBLEM_TRANSITIONS[a].to));
    expect(PROBLEM_STATUSES.filter((s) => !reachable.has(s))).toEqual([]);
  });

  it('of two concurrent steps from the same status exactly one wins', async () => {
    for (const [a, b] of [
      ['resolve', 'close'],
      ['resolve', 'resolve'],
      ['answer', 'dispatch'],
      ['close', 'link_duplicate'],
    ] as const) {
      const id = await problemIn(a === 'answer' ? 'registered' : 'in_progress');
      const results = await Promise.allSettled(
        [a, b].map((action) => kit.ds.transaction((m) => transitionProblem(m, id, action, {}, new Date()))),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(DomainException);
      expect((lost[0]!.reason as DomainException).code).toBe('PROBLEM_STATE_INVALID');
    }
  });
});
