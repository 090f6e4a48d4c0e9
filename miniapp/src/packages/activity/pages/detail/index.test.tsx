import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import { saveToken } from '@/services/session';
import { detailFixture, ok, refusal, requestsTo, serve, signupFixture } from '../../testing/fixtures';
import ActivityDetailPage from './index';

const ONE = '/api/v1/activities/a1';
const SIGNUPS = `${ONE}/signups`;
const MINE = `${ONE}/signups/mine`;
const TEMPLATES = '/api/v1/messages/subscriptions/templates';

describe('ActivityDetailPage', () => {
  const env = process.env.TARO_ENV;
  beforeEach(() => {
    saveToken('token-1', 3600);
    taroMock.loadOptions = { id: 'a1' };
  });
  afterEach(() => {
    process.env.TARO_ENV = env;
  });

  it('shows what the activity is, when, where, places left, who may sign up and who published it', async () => {
    serve({ [`GET ${ONE}`]: () => ok(detailFixture({ eligibleUnits: [{ id: 'u1', name: '区发展和改革局' }] })) });
    const { container } = render(<ActivityDetailPage />);
    expect(await screen.findByText('幸福河岸边清理垃圾')).toBeTruthy();
    expect(container.querySelector('.activity-detail__kind')?.textContent).toBe('志愿服务 · 环境整治');
    expect(container.querySelector('.activity-detail__places .activity-row__value')?.textContent).toBe('还剩 8 个名额');
    expect(container.querySelector('.activity-detail__audience .activity-row__value')?.textContent).toBe('区发展和改革局');
    expect(container.querySelector('.activity-detail__publisher .activity-row__value')?.textContent).toBe('陈明（区发展和改革局）');
    expect(screen.getByText('沿河步道捡拾垃圾，请穿方便行走的鞋，手套和垃圾袋由单位准备。')).toBeTruthy();
    expect(container.querySelector('.activity-detail__sign-up')?.textContent).toBe('报名');
    expect(container.querySelector('.activity-detail__cancel')).toBeNull();
  });

  it('signs up, says 报名成功 and shows the new state', async () => {
    let signedUp = false;
    serve({
      [`GET ${ONE}`]: () =>
        ok(
          signedUp
            ? detailFixture({ confirmedCount: 13, mySignup: { id: 's1', status: 'confirmed', waitlistPosition: null }, can: { ...detailFixture().can, signUp: false, cancelSignup: true } })
            : detailFixture(),
        ),
      [`POST ${SIGNUPS}`]: () => {
        signedUp = true;
        return ok({ signup: signupFixture(), outcome: 'confirmed' }, 201);
      },
    });
    const { container } = render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByText('报名'));

    expect(await screen.findByText('报名成功')).toBeTruthy();
    expect(requestsTo('POST', SIGNUPS)[0]!.header['Idempotency-Key']).toBeTruthy();
    await waitFor(() => expect(container.querySelector('.activity-detail__signup')?.textContent).toBe('已报名'));
    expect(container.querySelector('.activity-detail__scan')?.textContent).toBe('扫码签到');
    expect(container.querySelector('.activity-detail__cancel')).not.toBeNull();
    // No subscribe messages in the browser.
    expect(taroMock.subscribeRequests).toHaveLength(0);
  });

  it('in WeChat asks for the reminder and promotion templates first when full, and signs up whatever the answer', async () => {
    process.env.TARO_ENV = 'weapp';
    taroMock.subscribeAnswer = { 'T-REMIND': 'reject', 'T-PROMOTED': 'reject' };
    let askedBeforeSignup = false;
    serve({
      [`GET ${ONE}`]: () => ok(detailFixture({ capacity: 12, confirmedCount: 12, waitlistCount: 1 })),
      [`GET ${TEMPLATES}`]: () =>
        ok({ templates: [{ kind: 'activity_reminder', templateId: 'T-REMIND' }, { kind: 'activity_promoted', templateId: 'T-PROMOTED' }, { kind: 'service_confirmed', templateId: 'T-S' }] }),
      'POST /api/v1/messages/subscriptions': () => ok({ acceptances: [] }, 201),
      [`POST ${SIGNUPS}`]: () => {
        askedBeforeSignup = taroMock.subscribeRequests.length === 1;
        return ok({ signup: signupFixture({ status: 'waitlisted', waitlistPosition: 2 }), outcome: 'waitlisted' }, 201);
      },
    });
    const { container } = render(<ActivityDetailPage />);
    await waitFor(() => expect(requestsTo('GET', TEMPLATES)).toHaveLength(1));
    await waitFor(() => expect(container.querySelector('.activity-detail__sign-up')?.textContent).toBe('候补报名'));
    fireEvent.click(container.querySelector('.activity-detail__sign-up') as HTMLElement);

    expect(await screen.findByText('已进入候补，当前第 2 位')).toBeTruthy();
    expect(askedBeforeSignup).toBe(true);
    expect(taroMock.subscribeRequests).toEqual([{ tmplIds: ['T-REMIND', 'T-PROMOTED'], entityIds: [] }]);
    expect(requestsTo('POST', '/api/v1/messages/subscriptions')[0]!.data).toEqual({ templateIds: ['T-REMIND', 'T-PROMOTED'], accepted: [] });
  });

  it('shows the server’s refusal in its words', async () => {
    serve({
      [`GET ${ONE}`]: () => ok(detailFixture()),
      [`POST ${SIGNUPS}`]: () => refusal(409, 'SIGNUP_FULL', '名额和候补都已满，无法报名'),
    });
    const { container } = render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByText('报名'));
    await waitFor(() => expect(container.querySelector('.activity-detail__error')?.textContent).toBe('名额和候补都已满，无法报名'));
  });

  it('cancels after the person confirms, and not when they think again', async () => {
    let cancelled = false;
    const signedUp = detailFixture({ mySignup: { id: 's1', status: 'confirmed', waitlistPosition: null }, can: { ...detailFixture().can, signUp: false, cancelSignup: true } });
    serve({
      [`GET ${ONE}`]: () => ok(cancelled ? detailFixture({ mySignup: { id: 's1', status: 'cancelled', waitlistPosition: null } }) : signedUp),
      [`DELETE ${MINE}`]: () => {
        cancelled = true;
        return ok(signupFixture({ status: 'cancelled' }));
      },
    });
    const { container } = render(<ActivityDetailPage />);
    taroMock.modalConfirms = false;
    fireEvent.click(await screen.findByText('取消报名'));
    await waitFor(() => expect(taroMock.requests.length).toBeGreaterThan(0));
    expect(requestsTo('DELETE', MINE)).toHaveLength(0);

    taroMock.modalConfirms = true;
    fireEvent.click(screen.getByText('取消报名'));
    await waitFor(() => expect(container.querySelector('.activity-detail__signup')?.textContent).toBe('已取消'));
    expect(requestsTo('DELETE', MINE)).toHaveLength(1);
    expect(taroMock.toasts).toContain('已取消报名');
  });

  it('after the cancel deadline says whom to contact', async () => {
    serve({
      [`GET ${ONE}`]: () =>
        ok(detailFixture({ cancelDeadline: '2020-01-01T00:00:00.000Z', mySignup: { id: 's1', status: 'confirmed', waitlistPosition: null }, can: { ...detailFixture().can, signUp: false } })),
    });
    const { container } = render(<ActivityDetailPage />);
    await waitFor(() => expect(container.querySelector('.activity-detail__cancel-closed')).not.toBeNull());
    expect(container.querySelector('.activity-detail__cancel-closed')?.textContent).toContain('请联系发布人 陈明（区发展和改革局）');
    expect(container.querySelector('.activity-detail__cancel')).toBeNull();
  });

  it('for a need taken on, leads to the service check-in with the need; for a visit activity, to 记录走访', async () => {
    serve({
      [`GET ${ONE}`]: () =>
        ok(detailFixture({ scopeKind: 'community', needKind: 'task', community: { id: 'c1', name: '幸福里社区' }, mySignup: { id: 's1', status: 'confirmed', waitlistPosition: null }, can: { ...detailFixture().can, signUp: false, recordVisit: true } })),
    });
    const { container } = render(<ActivityDetailPage />);
    fireEvent.click(await screen.findByText('去签到服务'));
    expect(taroMock.navigations.at(-1)?.url).toBe('/packages/service/pages/checkin/index?needId=a1');
    expect(container.querySelector('.activity-detail__scan')).toBeNull();
    fireEvent.click(screen.getByText('记录走访'));
    expect(taroMock.navigations.at(-1)?.url).toBe('/packages/activity/pages/visits/index?activityId=a1');
  });

  it('says so when opened without an id, and shows a load error with 重试', async () => {
    taroMock.loadOptions = {};
    const { unmount } = render(<ActivityDetailPage />);
    expect(await screen.findByText('没有找到这个活动')).toBeTruthy();
    unmount();

    taroMock.loadOptions = { id: 'a1' };
    serve({ [`GET ${ONE}`]: () => refusal(404, 'ACTIVITY_NOT_FOUND', '活动不存在或已删除') });
    render(<ActivityDetailPage />);
    expect(await screen.findByText('活动不存在或已删除')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
});
