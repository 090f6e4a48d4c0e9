import { act, fireEvent, render, screen } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import {
  bodyOf,
  detailFixture,
  memberFixture,
  ok,
  pageOf,
  queryOf,
  requestsTo,
  serve,
  signupFixture,
  typeInto,
  typeReason,
} from '../../testing/fixtures';
import OrganizeSignupsPage from './index';

const ONE = '/api/v1/activities/a1';
const SIGNUPS = '/api/v1/activities/a1/signups';
const SEARCH = '/api/v1/members/search';

async function settle(): Promise<void> {
  await act(async () => undefined);
  await act(async () => undefined);
}

const waitlisted = [
  signupFixture({ id: 's8', status: 'waitlisted', waitlistPosition: 1, member: { id: 'm8', name: '赵敏', unitName: '区人民医院' } }),
  signupFixture({ id: 's9', status: 'waitlisted', waitlistPosition: 2, member: { id: 'm9', name: '钱进', unitName: null } }),
];

function routes(extra = {}) {
  return {
    [ONE]: () => ok(detailFixture()),
    [`GET ${SIGNUPS}`]: (request: Parameters<typeof queryOf>[0]) =>
      ok(pageOf(queryOf(request).status === 'waitlisted' ? waitlisted : [signupFixture({ onBehalf: true })])),
    ...extra,
  };
}

describe('OrganizeSignupsPage', () => {
  beforeEach(() => {
    taroMock.loadOptions = { id: 'a1' };
  });

  it('lists those signed up by status, and the waitlist in order with each place', async () => {
    serve(routes());
    const { container } = render(<OrganizeSignupsPage />);
    expect(await screen.findByText('张建国')).toBeTruthy();
    expect(queryOf(requestsTo(SIGNUPS)[0]!).status).toBe('confirmed');
    expect(container.querySelector('.signup-row')?.textContent).toContain('代为报名');
    expect(container.querySelector('.activity-head__places')?.textContent).toBe('已报名 12 / 30 人，候补 2 人');

    fireEvent.click(screen.getByText('候补中'));
    await settle();
    const rows = Array.from(container.querySelectorAll('.signup-row'));
    expect(rows.map((row) => row.querySelector('.signup-row__position')?.textContent)).toEqual(['候补第 1 位', '候补第 2 位']);
    expect(rows.map((row) => row.querySelector('.signup-row__name')?.textContent)).toEqual(['赵敏', '钱进']);
  });

  it('cancels someone’s sign-up with a reason and reads the list again', async () => {
    serve(routes({ [`POST ${SIGNUPS}/s1/cancel`]: () => ok(signupFixture({ status: 'cancelled' })) }));
    const { container } = render(<OrganizeSignupsPage />);
    fireEvent.click(await screen.findByLabelText('取消张建国的报名'));
    fireEvent.click(screen.getByText('确认取消'));
    expect(screen.getByText('请填写取消原因')).toBeTruthy();
    typeReason(container.querySelector('.signup-cancel-dialog') as Element, '本人电话告知不能参加');
    fireEvent.click(screen.getByText('确认取消'));
    await settle();
    expect(bodyOf(requestsTo(`${SIGNUPS}/s1/cancel`, 'POST')[0]!)).toEqual({ reason: '本人电话告知不能参加' });
    expect(requestsTo(SIGNUPS, 'GET').length).toBeGreaterThan(1);
  });

  it('signs members up on their behalf and shows each one’s result, refusals with their message', async () => {
    serve(
      routes({
        [`POST ${SEARCH}`]: () =>
          ok(pageOf([memberFixture({ id: 'm2', name: '李秀英' }), memberFixture({ id: 'm3', name: '李强', branch: null })])),
        [`POST ${SIGNUPS}/on-behalf`]: () =>
          ok({
            results: [
              { memberId: 'm2', outcome: 'waitlisted', signup: signupFixture({ id: 's2', status: 'waitlisted', waitlistPosition: 3 }) },
              { memberId: 'm3', outcome: 'refused', code: 'SIGNUP_NOT_ELIGIBLE', message: '该党员不在活动范围内' },
            ],
          }),
      }),
    );
    const { container } = render(<OrganizeSignupsPage />);
    fireEvent.click(await screen.findByText('代为报名'));
    typeInto(container, 'on-behalf-search', '李');
    fireEvent.click(screen.getByText('搜索'));
    await settle();
    expect(bodyOf(requestsTo(SEARCH, 'POST')[0]!)).toMatchObject({ q: '李' });
    fireEvent.click(screen.getByText('李秀英'));
    fireEvent.click(screen.getByText('李强'));
    fireEvent.click(screen.getByText('为 2 人报名'));
    expect(screen.getByText('请填写代为报名原因')).toBeTruthy();
    typeInto(container, 'on-behalf-reason', '本人电话报名');
    fireEvent.click(screen.getByText('为 2 人报名'));
    await settle();

    expect(bodyOf(requestsTo(`${SIGNUPS}/on-behalf`, 'POST')[0]!)).toEqual({ memberIds: ['m2', 'm3'], reason: '本人电话报名' });
    const lines = Array.from(container.querySelectorAll('.on-behalf-line')).map((line) => line.textContent);
    expect(lines).toEqual(['李秀英已报名候补，第 3 位', '李强未报上：该党员不在活动范围内']);
  });

  it('says so when opened without an activity', async () => {
    taroMock.loadOptions = {};
    serve({});
    render(<OrganizeSignupsPage />);
    expect(await screen.findByText('没有找到这个活动，请从「活动管理」打开')).toBeTruthy();
    expect(requestsTo(SIGNUPS)).toHaveLength(0);
  });

  it('shows why the list cannot be read', async () => {
    serve({
      [ONE]: () => ok(detailFixture()),
      [`GET ${SIGNUPS}`]: () => ({ statusCode: 403, data: { code: 'FORBIDDEN', message: '您没有权限查看该活动的报名' } }),
    });
    render(<OrganizeSignupsPage />);
    expect(await screen.findByText('您没有权限查看该活动的报名')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
  });
});
