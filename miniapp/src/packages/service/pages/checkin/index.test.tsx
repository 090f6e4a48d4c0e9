import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { meFixture, overviewFixture } from '@test/fixtures';
import { taroMock } from '@test/taro-mock';
import { ROUTES } from '@/constants/routes';
import { pendingWrites } from '@/services/offline-queue';
import { saveToken } from '@/services/session';
import { FUZZY_ACCURACY_M } from '../../shared/location';
import {
  COMMUNITY,
  MEMBER_ID,
  OTHER_COMMUNITY_ID,
  offline,
  ok,
  recordFixture,
  refusal,
  registrationFixture,
  requestsTo,
  serve,
  typeIntoInput,
} from '../../testing/fixtures';
import CheckinPage from './index';

const CODE = `v1.${COMMUNITY.id}.59000000.AAAAAAAAAAAAAAAA`;
const START = '/api/v1/services/start';

const baseRoutes = {
  'GET /api/v1/registrations/mine': () => ok([registrationFixture()]),
  'GET /api/v1/services/current': () => ok(null),
  'GET /api/v1/public/overview': () => ok(overviewFixture({ demoMode: false })),
  'GET /api/v1/me': () => ok(meFixture({ id: MEMBER_ID })),
};

describe('CheckinPage in the mini-program', () => {
  const originalEnv = process.env.TARO_ENV;
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
    saveToken('token-1', 3600);
  });
  afterEach(() => {
    process.env.TARO_ENV = originalEnv;
  });

  it('scans with the camera only, starts the visit with the code and opens the current visit', async () => {
    serve({ ...baseRoutes, [`POST ${START}`]: () => ok(recordFixture(), 201) });
    const { container } = render(<CheckinPage />);
    await screen.findByText(COMMUNITY.name);

    taroMock.scanResult = CODE;
    fireEvent.click(container.querySelector('.checkin-scan') as HTMLElement);

    await waitFor(() => expect(taroMock.navigations).toEqual([{ type: 'redirectTo', url: ROUTES.serviceVisit }]));
    expect(taroMock.scanOptions).toEqual([{ onlyFromCamera: true, scanType: ['qrCode'] }]);
    const [request] = requestsTo('POST', START);
    expect(request.data).toEqual({ code: CODE });
    expect(request.header['Idempotency-Key']).toMatch(/^[0-9a-f-]{20,}$/);
  });

  const refusals: Array<[string, number, string, string, string | null]> = [
    ['CHECKIN_CODE_INVALID', 400, '签到码无效，请扫描社区工作者手机上正在显示的签到码', '截图或转发的签到码不能使用', '重新扫码'],
    ['CHECKIN_CODE_EXPIRED', 400, '签到码已过期，请重新扫描最新的签到码', '签到码每隔几秒就会更新', '重新扫码'],
    ['CHECKIN_CODE_REUSED', 409, '这个签到码您已经使用过了，请扫描最新的签到码', '等社区工作者手机上的签到码刷新后', '重新扫码'],
    ['CHECKIN_CODE_WRONG_COMMUNITY', 400, '这是其他社区的签到码，请扫描您报到社区的签到码', '请先在“报到社区”中更换社区', '去报到社区'],
    ['REGISTRATION_REQUIRED', 403, '请先到该社区报到并通过审核，再签到服务', '社区工作者同意后就可以签到服务了', '去报到社区'],
    ['CHECKIN_METHOD_REQUIRED', 400, '请扫描社区工作者出示的签到码，或选择定位签到', '请选择扫码签到，或者定位签到', null],
    ['SERVICE_ALREADY_OPEN', 409, '您有一次服务尚未签退，请先结束它', '请先结束它，再开始新的服务', '查看正在进行的服务'],
  ];

  it.each(refusals)('shows %s with the server’s message and the next step', async (code, status, message, hint, next) => {
    serve({ ...baseRoutes, [`POST ${START}`]: () => refusal(status, code, message) });
    const { container } = render(<CheckinPage />);
    await screen.findByText(COMMUNITY.name);

    taroMock.scanResult = CODE;
    fireEvent.click(container.querySelector('.checkin-scan') as HTMLElement);

    const notice = await waitFor(() => {
      const found = container.querySelector(`.checkin-error.service-problem--${code}`);
      if (!found) throw new Error('no notice yet');
      return found;
    });
    expect(notice.querySelector('.service-problem__message')?.textContent).toBe(message);
    expect(notice.querySelector('.service-problem__hint')?.textContent).toContain(hint);
    const button = notice.querySelector('.service-problem__next');
    expect(button?.textContent ?? null).toBe(next);
    // A refusal is final: nothing is kept on the phone to be sent again.
    expect(pendingWrites(MEMBER_ID)).toEqual([]);
    expect(taroMock.navigations).toEqual([]);
  });

  it('takes the member from a wrong-community refusal to 报到社区', async () => {
    serve({
      ...baseRoutes,
      [`POST ${START}`]: () => refusal(400, 'CHECKIN_CODE_WRONG_COMMUNITY', '这是其他社区的签到码，请扫描您报到社区的签到码'),
    });
    const { container } = render(<CheckinPage />);
    await screen.findByText(COMMUNITY.name);
    taroMock.scanResult = CODE;
    fireEvent.click(container.querySelector('.checkin-scan') as HTMLElement);

    fireEvent.click(await screen.findByText('去报到社区'));

    expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.serviceRegister }]);
  });

  it('keeps a check-in made without signal, with the same key and the phone’s time, and sends it when the network returns', async () => {
    let online = false;
    serve({
      ...baseRoutes,
      [`POST ${START}`]: () => (online ? ok(recordFixture({ offlineClaimedAt: '2026-03-05T06:00:00.000Z' }), 201) : offline()),
    });
    const { container } = render(<CheckinPage />);
    await screen.findByText(COMMUNITY.name);

    const before = Date.now();
    taroMock.scanResult = CODE;
    fireEvent.click(container.querySelector('.checkin-scan') as HTMLElement);

    await waitFor(() => expect(container.querySelector('.checkin-pending .record-status--upload')?.textContent).toBe('待上传'));
    const [firstAttempt] = requestsTo('POST', START);
    const [kept] = pendingWrites(MEMBER_ID);
    expect(kept.key).toBe(firstAttempt.header['Idempotency-Key']);
    expect(kept.body).toEqual({ code: CODE, offlineClaimedAt: kept.claimedAt });
    expect(Date.parse(kept.claimedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(taroMock.toasts).toContain('已保存，待上传');
    // The paths are gone while a check-in waits: a second one would only be refused.
    expect(container.querySelector('.checkin-scan')).toBeNull();

    online = true;
    act(() => taroMock.triggerNetworkStatus(true));

    await waitFor(() => expect(pendingWrites(MEMBER_ID)).toEqual([]));
    const attempts = requestsTo('POST', START);
    expect(attempts).toHaveLength(2);
    expect(attempts[1].header['Idempotency-Key']).toBe(kept.key);
    expect(attempts[1].data).toEqual({ code: CODE, offlineClaimedAt: kept.claimedAt });
    await waitFor(() => expect(container.querySelector('.checkin-pending')).toBeNull());
  });

  it('sends a signed-out member to sign in and never keeps the live check-in as an offline one', async () => {
    serve({ ...baseRoutes, [`POST ${START}`]: () => refusal(401, 'UNAUTHENTICATED', '请先登录') });
    const { container } = render(<CheckinPage />);
    await screen.findByText(COMMUNITY.name);

    taroMock.scanResult = CODE;
    fireEvent.click(container.querySelector('.checkin-scan') as HTMLElement);

    await waitFor(() => expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.login }]));
    expect(pendingWrites(MEMBER_ID)).toEqual([]);
    expect(taroMock.toasts).not.toContain('已保存，待上传');
    expect(container.querySelector('.checkin-pending')).toBeNull();
    expect(container.querySelector('.checkin-error')?.textContent).toContain('请先登录');
  });

  it('does not keep a scanned code of another community while offline', async () => {
    serve({ ...baseRoutes, [`POST ${START}`]: () => offline() });
    const { container } = render(<CheckinPage />);
    await screen.findByText(COMMUNITY.name);

    taroMock.scanResult = `v1.${OTHER_COMMUNITY_ID}.59000000.AAAAAAAAAAAAAAAA`;
    fireEvent.click(container.querySelector('.checkin-scan') as HTMLElement);

    await waitFor(() => expect(container.querySelector('.service-problem--CHECKIN_CODE_WRONG_COMMUNITY')).not.toBeNull());
    expect(pendingWrites(MEMBER_ID)).toEqual([]);
  });

  it('checks in by fuzzy location only when tapped, saying it is coarse', async () => {
    serve({ ...baseRoutes, [`POST ${START}`]: () => ok(recordFixture({ startVerification: 'geofence' }), 201) });
    render(<CheckinPage />);
    await screen.findByText(COMMUNITY.name);
    expect(taroMock.requests.some((request) => request.url.includes('location'))).toBe(false);
    expect(screen.getByText(/误差可达数公里/)).toBeTruthy();

    taroMock.fuzzyLocation = { latitude: 39.91, longitude: 116.4 };
    fireEvent.click(screen.getByText('定位签到'));

    await waitFor(() => expect(requestsTo('POST', START)).toHaveLength(1));
    expect(requestsTo('POST', START)[0].data).toEqual({
      location: { lat: 39.91, lng: 116.4, accuracy: FUZZY_ACCURACY_M },
      communityId: COMMUNITY.id,
    });
  });

  it('explains the other ways when location is refused', async () => {
    serve(baseRoutes);
    render(<CheckinPage />);
    await screen.findByText(COMMUNITY.name);

    taroMock.fuzzyLocation = new Error('auth deny');
    fireEvent.click(screen.getByText('定位签到'));

    expect(await screen.findByText('没有获得您的位置')).toBeTruthy();
    expect(screen.getByText(/也可以改用扫码签到/)).toBeTruthy();
    expect(requestsTo('POST', START)).toHaveLength(0);
  });

  it('sends a member with an open visit to end it instead of starting another', async () => {
    serve({ ...baseRoutes, 'GET /api/v1/services/current': () => ok(recordFixture()) });
    const { container } = render(<CheckinPage />);

    expect(await screen.findByText('服务进行中')).toBeTruthy();
    expect(container.querySelector('.checkin-scan')).toBeNull();
    fireEvent.click(container.querySelector('.checkin-open__visit') as HTMLElement);
    expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.serviceVisit }]);
  });
});

describe('CheckinPage before registration', () => {
  beforeEach(() => {
    saveToken('token-1', 3600);
  });

  it('offers the way to register when there is no approved registration', async () => {
    serve({ ...baseRoutes, 'GET /api/v1/registrations/mine': () => ok([]) });
    render(<CheckinPage />);

    expect(await screen.findByText(/请先向您居住的社区报到/)).toBeTruthy();
    fireEvent.click(screen.getByText('去报到社区'));
    expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.serviceRegister }]);
  });

  it('says the registration is waiting for a worker', async () => {
    serve({ ...baseRoutes, 'GET /api/v1/registrations/mine': () => ok([registrationFixture({ status: 'pending', decidedAt: null })]) });
    render(<CheckinPage />);

    expect(await screen.findByText(/正在等待社区工作者审核/)).toBeTruthy();
    expect(screen.queryByText('定位签到')).toBeNull();
  });
});

describe('CheckinPage in the browser', () => {
  beforeEach(() => {
    saveToken('token-1', 3600);
  });

  it('takes the 6-digit code with the registered community in demo mode', async () => {
    serve({
      ...baseRoutes,
      'GET /api/v1/public/overview': () => ok(overviewFixture({ demoMode: true })),
      [`POST ${START}`]: () => ok(recordFixture(), 201),
    });
    const { container } = render(<CheckinPage />);
    await waitFor(() => expect(container.querySelector('.checkin-short-code')).not.toBeNull());

    typeIntoInput(container, 'checkin-short-code__input', '12a');
    fireEvent.click(container.querySelector('.checkin-short-code__submit') as HTMLElement);
    expect(await screen.findByText('请输入 6 位数字签到码')).toBeTruthy();
    expect(requestsTo('POST', START)).toHaveLength(0);

    typeIntoInput(container, 'checkin-short-code__input', '123456');
    fireEvent.click(container.querySelector('.checkin-short-code__submit') as HTMLElement);

    await waitFor(() => expect(taroMock.navigations).toEqual([{ type: 'redirectTo', url: ROUTES.serviceVisit }]));
    expect(requestsTo('POST', START)[0].data).toEqual({ shortCode: '123456', communityId: COMMUNITY.id });
  });

  it('opened from a community need (?needId=), links the visit to that need', async () => {
    taroMock.loadOptions = { needId: 'need-1' };
    serve({
      ...baseRoutes,
      'GET /api/v1/public/overview': () => ok(overviewFixture({ demoMode: true })),
      [`POST ${START}`]: () => ok(recordFixture(), 201),
    });
    const { container } = render(<CheckinPage />);
    await waitFor(() => expect(container.querySelector('.checkin-short-code')).not.toBeNull());
    expect(container.querySelector('.checkin-need')?.textContent).toBe('这次签到服务会记在您报名的社区需求下。');

    typeIntoInput(container, 'checkin-short-code__input', '123456');
    fireEvent.click(container.querySelector('.checkin-short-code__submit') as HTMLElement);

    await waitFor(() => expect(requestsTo('POST', START)).toHaveLength(1));
    expect(requestsTo('POST', START)[0].data).toEqual({ shortCode: '123456', communityId: COMMUNITY.id, needId: 'need-1' });
  });

  it('has no typed code outside demo mode and no camera scan at all', async () => {
    serve(baseRoutes);
    const { container } = render(<CheckinPage />);
    await screen.findByText(COMMUNITY.name);
    await waitFor(() => expect(requestsTo('GET', '/api/v1/public/overview')).toHaveLength(1));

    expect(container.querySelector('.checkin-short-code')).toBeNull();
    expect(container.querySelector('.checkin-scan')).toBeNull();
    expect(container.querySelector('.checkin-no-camera')).not.toBeNull();
  });

  it('does not take a signed-out phone for an offline one: no check-in on the remembered registration', async () => {
    serve(baseRoutes);
    const first = render(<CheckinPage />);
    await screen.findByText(COMMUNITY.name);
    first.unmount();

    const signedOut = () => refusal(401, 'UNAUTHENTICATED', '请先登录');
    serve({ ...baseRoutes, 'GET /api/v1/registrations/mine': signedOut, 'GET /api/v1/services/current': signedOut });
    const { container } = render(<CheckinPage />);

    await waitFor(() => expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.login }]));
    await waitFor(() => expect(container.querySelector('.checkin-loading')).toBeNull());
    expect(container.querySelector('.checkin-offline')).toBeNull();
    expect(container.querySelector('.checkin-location')).toBeNull();
  });

  it('checks in offline on the registration this phone remembered', async () => {
    // Seen once online: the phone remembers the member's community.
    serve(baseRoutes);
    const first = render(<CheckinPage />);
    await screen.findByText(COMMUNITY.name);
    first.unmount();

    serve({ ...baseRoutes, 'GET /api/v1/registrations/mine': () => offline(), 'GET /api/v1/services/current': () => offline() });
    const { container } = render(<CheckinPage />);

    await waitFor(() => expect(container.querySelector('.checkin-offline')).not.toBeNull());
    expect(screen.getByText(COMMUNITY.name)).toBeTruthy();
    expect(container.querySelector('.checkin-location')).not.toBeNull();
  });
});
