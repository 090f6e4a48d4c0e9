import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { meFixture, overviewFixture } from '@test/fixtures';
import { taroMock } from '@test/taro-mock';
import { ROUTES } from '@/constants/routes';
import { keepStart, pendingWrites, rememberServiceContext } from '@/services/offline-queue';
import { saveToken } from '@/services/session';
import {
  COMMUNITY,
  MEMBER_ID,
  offline,
  ok,
  recordFixture,
  refusal,
  requestsTo,
  serve,
  typeIntoInput,
  typeIntoTextArea,
} from '../../testing/fixtures';
import VisitPage from './index';

const END = '/api/v1/services/sr1/end';
const DESCRIPTION = '帮助独居老人清理楼道杂物';
const CODE = `v1.${COMMUNITY.id}.59000000.AAAAAAAAAAAAAAAA`;

const baseRoutes = {
  'GET /api/v1/services/current': () => ok(recordFixture()),
  'GET /api/v1/public/overview': () => ok(overviewFixture({ demoMode: false })),
  'GET /api/v1/me': () => ok(meFixture({ id: MEMBER_ID })),
};

function chooseType(container: HTMLElement, type: string): void {
  fireEvent.click(container.querySelector(`.visit-end__type .visit-end__type-option--${type}`) as HTMLElement);
}

/** The form is on screen and its text area has drawn its inner <textarea> (typing earlier upsets the web component). */
async function formReady(container: HTMLElement): Promise<void> {
  await waitFor(() => expect(container.querySelector('.visit-end__description textarea')).not.toBeNull());
}

function submitDirect(container: HTMLElement): void {
  fireEvent.click(container.querySelector('.visit-end__submit') as HTMLElement);
}

describe('VisitPage', () => {
  beforeEach(() => {
    saveToken('token-1', 3600);
  });

  it('shows when the visit started, where, and how it was verified', async () => {
    serve({ ...baseRoutes, 'GET /api/v1/services/current': () => ok(recordFixture({ flags: ['geofence_inaccurate'], startVerification: 'geofence' })) });
    const { container } = render(<VisitPage />);

    await waitFor(() => expect(container.querySelector('.visit-current')).not.toBeNull());
    const current = container.querySelector('.visit-current') as HTMLElement;
    expect(current.textContent).toContain(COMMUNITY.name);
    expect(current.querySelector('.visit-current__method')?.textContent).toBe('定位签到');
    expect(current.querySelector('.visit-current__flag')?.textContent).toBe('定位精度不足');
    expect(current.querySelector('.visit-current__started')?.textContent).toMatch(/^2026-03-05 \d{2}:00$/);
  });

  it('ends the visit with the chosen type and the trimmed description, then shows the records', async () => {
    serve({ ...baseRoutes, [`POST ${END}`]: () => ok(recordFixture({ status: 'pending', endedAt: '2026-03-05T08:00:00.000Z' })) });
    const { container } = render(<VisitPage />);
    await formReady(container);

    chooseType(container, 'care');
    typeIntoTextArea(container, 'visit-end__description', `  ${DESCRIPTION}  `);
    expect(container.querySelector('.visit-end__count')?.textContent).toBe(`${DESCRIPTION.length + 4}/500`);
    submitDirect(container);

    await waitFor(() => expect(taroMock.navigations).toEqual([{ type: 'redirectTo', url: ROUTES.serviceRecords }]));
    const [request] = requestsTo('POST', END);
    expect(request.data).toEqual({ serviceType: 'care', description: DESCRIPTION });
    expect(request.header['Idempotency-Key']).toBeTruthy();
    expect(container.querySelector('.visit-end__type-option--care')?.className).toContain('visit-end__type-option--selected');
  });

  it('asks for a type and a real description before sending anything', async () => {
    serve(baseRoutes);
    const { container } = render(<VisitPage />);
    await formReady(container);

    typeIntoTextArea(container, 'visit-end__description', ' 打扫 ');
    submitDirect(container);

    expect(await screen.findByText('请选择服务类型')).toBeTruthy();
    expect(screen.getByText('服务内容至少 5 个字，请写得具体一些')).toBeTruthy();
    expect(requestsTo('POST', END)).toHaveLength(0);
  });

  it('shows the server’s field message beside the description', async () => {
    serve({
      ...baseRoutes,
      [`POST ${END}`]: () =>
        refusal(400, 'VALIDATION_FAILED', '提交的内容有误', [{ field: 'description', message: '服务内容不能超过 500 个字' }]),
    });
    const { container } = render(<VisitPage />);
    await formReady(container);

    chooseType(container, 'policy');
    typeIntoTextArea(container, 'visit-end__description', DESCRIPTION);
    submitDirect(container);

    expect(await screen.findByText('服务内容不能超过 500 个字')).toBeTruthy();
    expect(taroMock.navigations).toEqual([]);
  });

  it('says so when the visit was already ended elsewhere', async () => {
    serve({ ...baseRoutes, [`POST ${END}`]: () => refusal(409, 'SERVICE_NOT_OPEN', '这次服务已经结束，无需重复签退') });
    const { container } = render(<VisitPage />);
    await formReady(container);

    chooseType(container, 'other');
    typeIntoTextArea(container, 'visit-end__description', DESCRIPTION);
    submitDirect(container);

    expect(await screen.findByText('这次服务已经结束，无需重复签退')).toBeTruthy();
    expect(screen.getByText(/结果可以在服务记录中查看/)).toBeTruthy();
  });

  it('keeps a check-out made without signal, with its key and the phone’s time, and sends it on the next show', async () => {
    let online = false;
    serve({
      ...baseRoutes,
      [`POST ${END}`]: () => (online ? ok(recordFixture({ status: 'pending' })) : offline()),
    });
    const { container } = render(<VisitPage />);
    await formReady(container);

    chooseType(container, 'environment');
    typeIntoTextArea(container, 'visit-end__description', DESCRIPTION);
    submitDirect(container);

    await waitFor(() => expect(container.querySelector('.visit-kept .record-status--upload')).not.toBeNull());
    const [kept] = pendingWrites(MEMBER_ID);
    expect(kept).toMatchObject({ kind: 'end', recordId: 'sr1', state: 'waiting' });
    expect(kept.key).toBe(requestsTo('POST', END)[0].header['Idempotency-Key']);
    expect(kept.body).toEqual({ serviceType: 'environment', description: DESCRIPTION, offlineClaimedAt: kept.claimedAt });
    expect(container.querySelector('.visit-end')).toBeNull();

    online = true;
    act(() => taroMock.triggerDidShow());

    await waitFor(() => expect(pendingWrites(MEMBER_ID)).toEqual([]));
    const attempts = requestsTo('POST', END);
    expect(attempts).toHaveLength(2);
    expect(attempts[1].header['Idempotency-Key']).toBe(kept.key);
  });

  it('sends a signed-out member to sign in and never keeps the live check-out as an offline one', async () => {
    serve({ ...baseRoutes, [`POST ${END}`]: () => refusal(401, 'UNAUTHENTICATED', '请先登录') });
    const { container } = render(<VisitPage />);
    await formReady(container);

    chooseType(container, 'environment');
    typeIntoTextArea(container, 'visit-end__description', DESCRIPTION);
    submitDirect(container);

    await waitFor(() => expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.login }]));
    expect(pendingWrites(MEMBER_ID)).toEqual([]);
    expect(container.querySelector('.visit-kept')).toBeNull();
    expect(taroMock.toasts).not.toContain('已保存，待上传');
  });

  it('ends a check-in still on the phone: kept behind it until both can be sent', async () => {
    // The check-in page remembered who checked in, and kept the start when the network failed.
    rememberServiceContext(MEMBER_ID, COMMUNITY);
    keepStart({
      key: 'start-key',
      ownerId: MEMBER_ID,
      communityName: COMMUNITY.name,
      claimedAt: '2026-03-05T06:00:00.000Z',
      body: { code: CODE },
    });
    serve({
      ...baseRoutes,
      'GET /api/v1/services/current': () => offline(),
      'GET /api/v1/me': () => offline(),
    });
    const { container } = render(<VisitPage />);
    await waitFor(() => expect(container.querySelector('.visit-current--phone')).not.toBeNull());
    await formReady(container);

    chooseType(container, 'volunteer');
    typeIntoTextArea(container, 'visit-end__description', DESCRIPTION);
    submitDirect(container);

    await waitFor(() => expect(container.querySelector('.visit-kept')).not.toBeNull());
    const end = pendingWrites(MEMBER_ID).find((item) => item.kind === 'end');
    expect(end).toMatchObject({ recordId: null, startKey: 'start-key' });
    expect(requestsTo('POST', '/api/v1/services/start')).toHaveLength(0);
  });

  it('offers to start a visit when there is none', async () => {
    serve({ ...baseRoutes, 'GET /api/v1/services/current': () => ok(null) });
    render(<VisitPage />);

    expect(await screen.findByText('当前没有进行中的服务')).toBeTruthy();
    fireEvent.click(screen.getByText('签到服务'));
    expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.serviceCheckin }]);
  });

  it('ends with the typed code in demo mode, so the end counts as verified', async () => {
    serve({
      ...baseRoutes,
      'GET /api/v1/public/overview': () => ok(overviewFixture({ demoMode: true })),
      [`POST ${END}`]: () => ok(recordFixture({ status: 'pending', endVerification: 'code' })),
    });
    const { container } = render(<VisitPage />);
    await waitFor(() => expect(container.querySelector('.visit-end__short-code')).not.toBeNull());
    await formReady(container);

    chooseType(container, 'mediation');
    typeIntoTextArea(container, 'visit-end__description', DESCRIPTION);
    typeIntoInput(container, 'visit-end__short-code', '654321');
    expect(container.querySelector('.visit-end__submit')?.textContent).toBe('签退');
    submitDirect(container);

    await waitFor(() => expect(requestsTo('POST', END)).toHaveLength(1));
    expect(requestsTo('POST', END)[0].data).toEqual({ serviceType: 'mediation', description: DESCRIPTION, shortCode: '654321' });
  });
});

describe('VisitPage in the mini-program', () => {
  const originalEnv = process.env.TARO_ENV;
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
    saveToken('token-1', 3600);
  });
  afterEach(() => {
    process.env.TARO_ENV = originalEnv;
  });

  it('verifies the end with a second scan of the worker’s code', async () => {
    serve({ ...baseRoutes, [`POST ${END}`]: () => ok(recordFixture({ status: 'pending', endVerification: 'code' })) });
    const { container } = render(<VisitPage />);
    await waitFor(() => expect(container.querySelector('.visit-end__scan')).not.toBeNull());
    await formReady(container);

    chooseType(container, 'civility');
    typeIntoTextArea(container, 'visit-end__description', DESCRIPTION);
    taroMock.scanResult = CODE;
    fireEvent.click(container.querySelector('.visit-end__scan') as HTMLElement);

    await waitFor(() => expect(requestsTo('POST', END)).toHaveLength(1));
    expect(taroMock.scanOptions).toEqual([{ onlyFromCamera: true, scanType: ['qrCode'] }]);
    expect(requestsTo('POST', END)[0].data).toEqual({ serviceType: 'civility', description: DESCRIPTION, code: CODE });
  });

  describe('the hours', () => {
    const twoMinutesAgo = () => new Date(Date.now() - 2 * 60_000).toISOString();
    const dayRoute = (remaining: number) => () =>
      ok({ date: '2026-03-05', maxHoursPerDay: 8, members: [{ memberId: MEMBER_ID, counted: 8 - remaining, remaining, visits: [] }] });
    const plus = (container: HTMLElement) => fireEvent.click(container.querySelector('.visit-end__hours .hours-stepper__plus') as HTMLElement);
    const fill = (container: HTMLElement) => {
      chooseType(container, 'care');
      typeIntoTextArea(container, 'visit-end__description', DESCRIPTION);
    };

    it('a two-minute visit proposes 0.5 h and says what is left of today; more needs a reason, then both are sent', async () => {
      serve({
        ...baseRoutes,
        'GET /api/v1/services/current': () => ok(recordFixture({ startedAt: twoMinutesAgo() })),
        'GET /api/v1/services/day': dayRoute(2),
        [`POST ${END}`]: () => ok(recordFixture({ status: 'pending', proposedHours: 1.5 })),
      });
      const { container } = render(<VisitPage />);
      await formReady(container);
      expect(container.querySelector('.visit-end__hours .hours-stepper__value')?.textContent).toBe('0.5 小时');
      await waitFor(() => expect(container.querySelector('.visit-end__room')?.textContent).toBe('今日还可记 2 小时'));
      expect(container.querySelector('.visit-end__reason')).toBeNull();

      fill(container);
      plus(container);
      plus(container);
      expect(container.querySelector('.visit-end__hours .hours-stepper__value')?.textContent).toBe('1.5 小时');
      expect(container.querySelector('.visit-end__reason')).not.toBeNull();
      submitDirect(container);
      expect(await screen.findByText('申报时长超过实际时长（约 0.5 小时），请用 2–200 个字说明原因')).toBeTruthy();
      expect(requestsTo('POST', END)).toHaveLength(0);

      typeIntoInput(container, 'visit-end__reason', '签到前已在楼道清理');
      expect(screen.queryByText(/请用 2–200 个字说明原因/)).toBeNull();
      submitDirect(container);
      await waitFor(() => expect(requestsTo('POST', END)).toHaveLength(1));
      expect(requestsTo('POST', END)[0]!.data).toEqual({
        serviceType: 'care',
        description: DESCRIPTION,
        proposedHours: 1.5,
        hoursReason: '签到前已在楼道清理',
      });
    });

    it('refuses a proposal above today’s room in the form, beside the hours', async () => {
      serve({
        ...baseRoutes,
        'GET /api/v1/services/current': () => ok(recordFixture({ startedAt: twoMinutesAgo() })),
        'GET /api/v1/services/day': dayRoute(1),
      });
      const { container } = render(<VisitPage />);
      await formReady(container);
      await waitFor(() => expect(container.querySelector('.visit-end__room')?.textContent).toBe('今日还可记 1 小时'));
      fill(container);
      plus(container);
      plus(container);
      typeIntoInput(container, 'visit-end__reason', '提前到场布置会场');
      submitDirect(container);
      await waitFor(() => expect(container.querySelector('.visit-end__hours .field-error')?.textContent).toBe('今日还可记 1 小时'));
      expect(requestsTo('POST', END)).toHaveLength(0);
      // Changing the hours clears it.
      fireEvent.click(container.querySelector('.visit-end__hours .hours-stepper__minus') as HTMLElement);
      expect(container.querySelector('.visit-end__hours .field-error')).toBeNull();
    });

    it('shows the server’s refusal over the cap beside the hours, not as a generic failure', async () => {
      serve({
        ...baseRoutes,
        'GET /api/v1/services/current': () => ok(recordFixture({ startedAt: twoMinutesAgo() })),
        [`POST ${END}`]: () =>
          refusal(422, 'SERVICE_DAILY_CAP', '今日还可记 0 小时（每天最多 8 小时），请调整申报时长', [
            { field: 'proposedHours', message: '今日还可记 0 小时' },
          ]),
      });
      const { container } = render(<VisitPage />);
      await formReady(container);
      fill(container);
      submitDirect(container);
      await waitFor(() => expect(container.querySelector('.visit-end__hours .field-error')?.textContent).toBe('今日还可记 0 小时'));
      expect(container.querySelector('.visit-end-error')).toBeNull();
      expect(taroMock.navigations).toEqual([]);
    });
  });
});
