import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ActivityInput } from '@pioneer/shared-types';
import { taroMock } from '@test/taro-mock';
import {
  bodyOf,
  choose,
  detailFixture,
  districtOrganizerMe,
  ok,
  pageOf,
  requestsTo,
  serve,
  typeInto,
  typeReason,
  unitOrganizerMe,
  workerMe,
} from '../../testing/fixtures';
import OrganizeEditPage from './index';
import { draftFrom, toInput, validate } from './use-edit';

const BASE = '/api/v1/activities';
const UNITS = '/api/v1/units';
const COMMUNITIES = '/api/v1/communities';
const THEMES = '/api/v1/activity-themes';

const orgRoutes = {
  [THEMES]: () => ok([{ id: 't3', month: '2030-03', title: '学雷锋志愿服务月' }]),
  [UNITS]: () =>
    ok(
      pageOf([
        {
          id: 'u1',
          name: '区发展和改革局',
          kind: 'government',
          code: 'JG001',
          brandName: null,
          brandIntro: null,
          branches: [
            { id: 'b1', name: '机关第一支部' },
            { id: 'b2', name: '机关第二支部' },
          ],
          memberCount: 12,
        },
      ]),
    ),
  [COMMUNITIES]: () => ok(pageOf([])),
};

async function settle(): Promise<void> {
  await act(async () => undefined);
  await act(async () => undefined);
}

function fillRequired(container: HTMLElement): void {
  choose(container, 'edit-kind', '志愿服务');
  choose(container, 'edit-sub-kind', '环境整治');
  typeInto(container, 'edit-title', '清理河道垃圾');
  typeInto(container, 'edit-description', '带手套，八点半集合。');
  typeInto(container, 'edit-place', '向阳河东岸');
}

describe('OrganizeEditPage', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date(2030, 2, 1, 10, 0), doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
  });
  afterEach(() => jest.useRealTimers());

  it('names every missing field at once and sends nothing', async () => {
    serve(orgRoutes, unitOrganizerMe());
    const { container } = render(<OrganizeEditPage />);
    await settle();
    choose(container, 'edit-kind', '志愿服务');
    fireEvent.click(screen.getByText('发布'));
    await settle();
    expect(screen.getByText('请选择志愿服务的类别')).toBeTruthy();
    expect(screen.getByText('标题至少 2 个字')).toBeTruthy();
    expect(screen.getByText('请填写活动地点')).toBeTruthy();
    expect(requestsTo(BASE, 'POST')).toHaveLength(0);
  });

  it('creates a unit-wide activity as a draft, then publishes it; the deadlines follow the start', async () => {
    serve(
      {
        ...orgRoutes,
        [`POST ${BASE}`]: () => ok(detailFixture({ id: 'a7', status: 'draft', can: { ...detailFixture().can, submit: true } })),
        [`POST ${BASE}/a7/submit`]: () => ok(detailFixture({ id: 'a7', status: 'published' })),
      },
      unitOrganizerMe(),
    );
    const { container } = render(<OrganizeEditPage />);
    await settle();
    // The organizer's one scope is chosen for them.
    expect(container.querySelector('.edit-scope__select .select-field__control')?.textContent).toContain('区发展和改革局（本单位党员）');
    fillRequired(container);
    choose(container, 'edit-start .edit-when__time', '14:00');
    choose(container, 'edit-end .edit-when__time', '17:00');
    typeInto(container, 'edit-capacity', '30');
    typeInto(container, 'edit-waitlist', '5');
    fireEvent.click(container.querySelector('.edit-hours .hours-stepper__plus') as Element);
    fireEvent.click(screen.getByText('机关第二支部'));
    fireEvent.click(screen.getByText('发布'));
    await settle();

    const sent = bodyOf<ActivityInput>(requestsTo(BASE, 'POST')[0]!);
    expect(sent).toMatchObject({
      kind: 'volunteer',
      subKind: 'environment',
      title: '清理河道垃圾',
      place: '向阳河东岸',
      capacity: 30,
      waitlistLimit: 5,
      creditedHours: 2.5,
      scopeKind: 'unit',
      scopeId: 'u1',
      eligibleBranchIds: ['b2'],
      communityId: null,
      themeId: null,
    });
    expect(new Date(sent.startsAt).getHours()).toBe(14);
    expect(sent.signupDeadline).toBe(sent.startsAt);
    expect(sent.cancelDeadline).toBe(sent.startsAt);
    expect(requestsTo(`${BASE}/a7/submit`, 'POST')).toHaveLength(1);
    expect(requestsTo(`${BASE}/a7/submit`, 'POST')[0]!.header?.['Idempotency-Key']).toBeTruthy();
    expect(screen.getByText('已发布')).toBeTruthy();
    expect(screen.getByText('活动已发布，范围内的党员可以报名了。')).toBeTruthy();
  });

  it('says 提交审核 for a district-wide activity and tells that it waits for review', async () => {
    serve(
      {
        ...orgRoutes,
        [`POST ${BASE}`]: () => ok(detailFixture({ id: 'a8', status: 'draft', scopeKind: 'district' })),
        [`POST ${BASE}/a8/submit`]: () => ok(detailFixture({ id: 'a8', status: 'in_review', scopeKind: 'district' })),
      },
      districtOrganizerMe(),
    );
    const { container } = render(<OrganizeEditPage />);
    await settle();
    expect(screen.getByText('提交审核')).toBeTruthy();
    fillRequired(container);
    fireEvent.click(screen.getByText('提交审核'));
    await settle();
    expect(bodyOf<ActivityInput>(requestsTo(BASE, 'POST')[0]!)).toMatchObject({ scopeKind: 'district', scopeId: null });
    expect(screen.getByText('已提交审核')).toBeTruthy();
  });

  it('sends the same Idempotency-Key again after a dropped connection, and shows field errors beside their fields', async () => {
    let answer = 0;
    serve(
      {
        ...orgRoutes,
        [`POST ${BASE}`]: () => {
          answer += 1;
          if (answer === 1) throw new Error('offline');
          return {
            statusCode: 400,
            data: { code: 'VALIDATION_FAILED', message: '请检查填写的内容', details: [{ field: 'place', message: '地点不能超过 100 个字' }] },
          };
        },
      },
      unitOrganizerMe(),
    );
    const { container } = render(<OrganizeEditPage />);
    await settle();
    fillRequired(container);
    fireEvent.click(screen.getByText('保存草稿'));
    await settle();
    expect(container.querySelector('.edit-error')).not.toBeNull();
    fireEvent.click(screen.getByText('保存草稿'));
    await settle();
    const keys = requestsTo(BASE, 'POST').map((request) => request.header?.['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(container.querySelector('.edit-place .text-field__error')?.textContent).toBe('地点不能超过 100 个字');
    typeInto(container, 'edit-place', '东岸');
    expect(container.querySelector('.edit-place .text-field__error')).toBeNull();
  });

  it('publishes a need for the worker’s own community, with its need kind', async () => {
    taroMock.loadOptions = { need: '1' };
    serve(
      {
        [THEMES]: () => ok([]),
        [`POST ${BASE}`]: () => ok(detailFixture({ id: 'n1', status: 'draft', scopeKind: 'community' })),
        [`POST ${BASE}/n1/submit`]: () => ok(detailFixture({ id: 'n1', status: 'published', scopeKind: 'community' })),
      },
      workerMe(),
    );
    const { container } = render(<OrganizeEditPage />);
    await settle();
    expect(screen.getAllByText('发布社区需求').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByText('发布'));
    await settle();
    expect(screen.getByText('请选择需求类型')).toBeTruthy();

    choose(container, 'edit-need-kind', '微心愿');
    typeInto(container, 'edit-title', '帮独居老人买菜');
    typeInto(container, 'edit-description', '每周六上午，替王奶奶买一周的菜。');
    typeInto(container, 'edit-place', '向阳社区 3 号楼');
    fireEvent.click(screen.getByText('发布'));
    await settle();
    expect(bodyOf<ActivityInput>(requestsTo(BASE, 'POST')[0]!)).toMatchObject({
      scopeKind: 'community',
      scopeId: 'c1',
      communityId: 'c1',
      needKind: 'wish',
      eligibleUnitIds: [],
    });
    expect(requestsTo(UNITS)).toHaveLength(0);
    expect(screen.getByText('需求已发布，本社区的党员可以在活动中看到并报名。')).toBeTruthy();
  });

  it('opens the need form for a worker who is no organizer, even without need=1', async () => {
    serve({ [THEMES]: () => ok([]) }, workerMe());
    const { container } = render(<OrganizeEditPage />);
    await settle();
    expect(container.querySelector('.page-header__title')?.textContent).toBe('发布社区需求');
    expect(container.querySelector('.edit-need-kind')).not.toBeNull();
    expect(container.querySelector('.edit-scope')).toBeNull();
  });

  it('warns, when a published activity’s time or place changes, that everyone signed up is told', async () => {
    taroMock.loadOptions = { id: 'a1' };
    serve({ ...orgRoutes, [`${BASE}/a1`]: () => ok(detailFixture()), [`PATCH ${BASE}/a1`]: () => ok(detailFixture({ place: '向阳河西岸' })) });
    const { container } = render(<OrganizeEditPage />);
    await settle();
    expect((container.querySelector('.edit-title input') as HTMLInputElement).value).toBe('清理河道垃圾');
    expect(container.querySelector('.edit-change-warning')).toBeNull();
    expect(screen.queryByText('发布')).toBeNull();

    typeInto(container, 'edit-place', '向阳河西岸');
    expect(container.querySelector('.edit-change-warning')?.textContent).toContain('会通知每一位已报名和候补的党员');
    fireEvent.click(screen.getByText('保存修改'));
    await settle();
    const patch = bodyOf<Record<string, unknown>>(requestsTo(`${BASE}/a1`, 'PATCH')[0]!);
    expect(patch.place).toBe('向阳河西岸');
    expect(patch).not.toHaveProperty('scopeKind');
    expect(taroMock.toasts).toContain('已保存');
  });

  it('cancels an activity only with a reason, which is sent', async () => {
    taroMock.loadOptions = { id: 'a1' };
    serve({
      ...orgRoutes,
      [`${BASE}/a1`]: () => ok(detailFixture()),
      [`POST ${BASE}/a1/cancel`]: () => ok(detailFixture({ status: 'cancelled', cancelReason: '暴雨改期', can: { ...detailFixture().can, edit: false, cancel: false } })),
    });
    const { container } = render(<OrganizeEditPage />);
    await settle();
    fireEvent.click(screen.getByText('取消活动'));
    fireEvent.click(screen.getByText('确认取消'));
    expect(screen.getByText('请填写取消原因')).toBeTruthy();
    typeReason(container.querySelector('.edit-cancel-dialog') as Element, '暴雨改期');
    fireEvent.click(screen.getByText('确认取消'));
    await settle();
    expect(bodyOf(requestsTo(`${BASE}/a1/cancel`, 'POST')[0]!)).toEqual({ reason: '暴雨改期' });
    expect(screen.getByText('取消原因：暴雨改期')).toBeTruthy();
    expect(container.querySelector('.edit-locked')?.textContent).toBe('该活动已取消，不能再修改。');
  });

  it('says so when the activity cannot be found, without a retry', async () => {
    taroMock.loadOptions = { id: 'gone' };
    serve({ ...orgRoutes, [`${BASE}/gone`]: () => ({ statusCode: 404, data: { code: 'NOT_FOUND', message: '要找的记录不存在或已被删除' } }) });
    render(<OrganizeEditPage />);
    await settle();
    expect(screen.getByText('要找的记录不存在或已被删除')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
  });
});

describe('the activity form', () => {
  const now = new Date(2030, 2, 1, 10, 0);

  it('refuses deadlines after the start, an end before it and more hours than the activity lasts', () => {
    const base = draftFrom(detailFixture());
    const errors = validate({ ...base, signupDay: '2030-03-09', endTime: '08:00' }, false, false, now);
    expect(errors.signupDeadline).toBe('报名截止不能晚于开始时间');
    expect(errors.endsAt).toBe('结束时间应晚于开始时间');
    expect(validate({ ...base, creditedHours: 3 }, false, false, now).creditedHours).toBe('计入时长不能超过活动时长（约 2 小时）');
    expect(validate(base, false, false, now)).toEqual({});
  });

  it('sends no waitlist without a place limit (nobody is waitlisted then)', () => {
    const draft = { ...draftFrom(detailFixture()), capacity: '', waitlistLimit: '5', scope: 'unit:u1' };
    expect(toInput(draft, false)).toMatchObject({ capacity: null, waitlistLimit: 0 });
  });
});
