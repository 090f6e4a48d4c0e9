import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { meFixture } from '@test/fixtures';
import { taroMock } from '@test/taro-mock';
import { keepEnd, keepStart, pendingWrites, rememberServiceContext } from '@/services/offline-queue';
import { saveToken } from '@/services/session';
import {
  COMMUNITY,
  MEMBER_ID,
  offline,
  ok,
  pageOf,
  recordFixture,
  refusal,
  requestsTo,
  serve,
  typeIntoInput,
  typeIntoTextArea,
} from '../../testing/fixtures';
import RecordsPage from './index';

const MINE = '/api/v1/services/mine';

function texts(container: HTMLElement, selector: string): (string | null)[] {
  return Array.from(container.querySelectorAll(selector)).map((node) => node.textContent);
}

const confirmed = recordFixture({
  id: 'c1',
  status: 'confirmed',
  endedAt: '2026-03-05T08:00:00.000Z',
  endVerification: 'code',
  serviceType: 'care',
  description: '看望独居老人张大爷',
  hours: 2,
  proposedHours: 2,
  decidedBy: { id: 'w1', name: '王芳' },
  decidedAt: '2026-03-05T10:00:00.000Z',
});
const pending = recordFixture({
  id: 'p1',
  status: 'pending',
  startVerification: 'geofence',
  endedAt: '2026-03-06T07:30:00.000Z',
  serviceType: 'environment',
  description: '清理楼道小广告',
  proposedHours: 1.5,
  flags: ['geofence_inaccurate', 'offline_claimed_time'],
});
const rejected = recordFixture({
  id: 'x1',
  status: 'rejected',
  endedAt: '2026-03-07T07:00:00.000Z',
  serviceType: 'other',
  description: '帮忙搬东西',
  proposedHours: 1,
  decisionReason: '当天社区没有安排该项服务',
});

describe('RecordsPage', () => {
  beforeEach(() => {
    saveToken('token-1', 3600);
  });

  it('shows each record’s status, the hours that count and those waiting, flags in plain words and why one was not accepted', async () => {
    serve({ [`GET ${MINE}`]: () => ok(pageOf([pending, confirmed, rejected])) });
    const { container } = render(<RecordsPage />);

    await waitFor(() => expect(container.querySelectorAll('.record-item')).toHaveLength(3));
    expect(requestsTo('GET', MINE)[0].url).toBe(`${MINE}?page=1&pageSize=10`);
    expect(texts(container, '.record-item .record-status')).toEqual(['待确认', '已确认', '未通过']);
    // Pending hours read as proposed and waiting, never as 0.
    expect(texts(container, '.record-item__hours')).toEqual(['申报 1.5 小时 · 待确认', '计入 2 小时', '未计入时长']);
    expect(texts(container, '.record-item--pending .record-item__flag')).toEqual(['定位精度不足', '离线记录，时间以手机为准']);
    expect(container.querySelector('.record-item--rejected .record-item__reason')?.textContent).toBe(
      '未通过原因：当天社区没有安排该项服务',
    );
    expect(container.querySelector('.record-item--confirmed .record-item__verification')?.textContent).toBe('扫码签到 · 扫码签退');
    expect(container.querySelector('.record-item--pending .record-item__verification')?.textContent).toBe(
      '定位签到 · 签退未核验（时长由社区工作者核定）',
    );
  });

  it('loads the next page with 加载更多 and shows a record that moved pages once', async () => {
    const first = Array.from({ length: 10 }, (_, i) => recordFixture({ id: `a${i}`, status: 'confirmed', description: `第 ${i} 次服务`, hours: 1 }));
    serve({
      [`GET ${MINE}`]: (request) =>
        request.url.includes('page=2')
          ? ok(pageOf([first[9], recordFixture({ id: 'b1', status: 'confirmed', description: '最早的一次服务', hours: 1 })], 2, 10, 12))
          : ok(pageOf(first, 1, 10, 12)),
    });
    const { container } = render(<RecordsPage />);
    await screen.findByText('第 0 次服务');

    fireEvent.click(screen.getByText('加载更多'));

    expect(await screen.findByText('最早的一次服务')).toBeTruthy();
    expect(requestsTo('GET', MINE).map((request) => request.url)).toEqual([`${MINE}?page=1&pageSize=10`, `${MINE}?page=2&pageSize=10`]);
    expect(container.querySelectorAll('.record-item')).toHaveLength(11);
    expect(screen.getByText('共 11 条，已全部显示')).toBeTruthy();
  });

  it('reloads the first page on pull-down and stops the spinner', async () => {
    let items = [pending];
    serve({ [`GET ${MINE}`]: () => ok(pageOf(items)) });
    const { container } = render(<RecordsPage />);
    await waitFor(() => expect(container.querySelectorAll('.record-item')).toHaveLength(1));

    items = [{ ...pending, status: 'confirmed', hours: 1.5 }];
    act(() => taroMock.triggerPullDownRefresh());

    await waitFor(() => expect(texts(container, '.record-item__hours')).toEqual(['计入 1.5 小时']));
    await waitFor(() => expect(taroMock.pullDownStops).toBe(1));
  });

  it('puts check-ins still on the phone on top as 待上传, even while the list cannot load', async () => {
    rememberServiceContext(MEMBER_ID, COMMUNITY);
    keepStart({
      key: 'start-key',
      ownerId: MEMBER_ID,
      communityName: COMMUNITY.name,
      claimedAt: '2026-03-05T06:00:00.000Z',
      body: { code: 'v1.x.1.AAAAAAAAAAAAAAAA' },
    });
    serve({ [`GET ${MINE}`]: () => offline(), 'GET /api/v1/me': () => offline() });
    const { container } = render(<RecordsPage />);

    await waitFor(() => expect(container.querySelector('.records-error')).not.toBeNull());
    const first = container.querySelector('.record-item') as HTMLElement;
    expect(first.className).toContain('record-item--pending');
    expect(first.querySelector('.record-status')?.textContent).toBe('待上传');
    expect(first.textContent).toContain(`签到 · ${COMMUNITY.name}`);
  });

  it('sends a kept check-out after its refused check-in is retried and accepted, instead of leaving it failed', async () => {
    rememberServiceContext(MEMBER_ID, COMMUNITY);
    keepStart({ key: 'start-key', ownerId: MEMBER_ID, communityName: COMMUNITY.name, claimedAt: '2026-03-05T06:00:00.000Z', body: { code: 'v1.x' } });
    keepEnd({
      key: 'end-key',
      ownerId: MEMBER_ID,
      communityName: COMMUNITY.name,
      claimedAt: '2026-03-05T07:00:00.000Z',
      recordId: null,
      startKey: 'start-key',
      startedAt: '2026-03-05T06:00:00.000Z',
      body: { serviceType: 'care', description: '看望独居老人张大爷' },
    });
    let accepted = false;
    serve({
      'GET /api/v1/me': () => ok(meFixture({ id: MEMBER_ID })),
      [`GET ${MINE}`]: () => ok(pageOf([])),
      'POST /api/v1/services/start': () =>
        accepted ? ok(recordFixture({ id: 'sr5' }), 201) : refusal(403, 'REGISTRATION_REQUIRED', '请先到该社区报到并通过审核，再签到服务'),
      'POST /api/v1/services/sr5/end': () => ok(recordFixture({ id: 'sr5', status: 'pending' })),
    });
    const { container } = render(<RecordsPage />);

    // Refused: the check-in says why, and its check-out waits on it.
    await waitFor(() => expect(container.querySelectorAll('.pending-item--failed')).toHaveLength(2));
    expect(requestsTo('POST', '/api/v1/services/sr5/end')).toHaveLength(0);

    // The worker approved the registration meanwhile: the member sends the check-in again.
    accepted = true;
    const start = Array.from(container.querySelectorAll<HTMLElement>('.pending-item')).find((node) =>
      node.textContent?.startsWith('签到'),
    ) as HTMLElement;
    fireEvent.click(start.querySelector('.pending-item__retry') as HTMLElement);

    await waitFor(() => expect(requestsTo('POST', '/api/v1/services/sr5/end')).toHaveLength(1));
    const [end] = requestsTo('POST', '/api/v1/services/sr5/end');
    expect(end.header['Idempotency-Key']).toBe('end-key');
    await waitFor(() => expect(pendingWrites(MEMBER_ID)).toEqual([]));
    await waitFor(() => expect(container.querySelector('.records-pending')).toBeNull());
  });

  it('does not show one member’s waiting check-ins to the next person signed in on the same phone', async () => {
    rememberServiceContext(MEMBER_ID, COMMUNITY);
    keepStart({
      key: 'start-key',
      ownerId: MEMBER_ID,
      communityName: COMMUNITY.name,
      claimedAt: '2026-03-05T06:00:00.000Z',
      body: { code: 'v1.x.1.AAAAAAAAAAAAAAAA' },
    });
    serve({ [`GET ${MINE}`]: () => ok(pageOf([])), 'GET /api/v1/me': () => ok(meFixture({ id: 'm2' })) });
    const { container } = render(<RecordsPage />);

    await screen.findByText('还没有服务记录');
    await waitFor(() => expect(requestsTo('GET', '/api/v1/me')).toHaveLength(1));
    await waitFor(() => expect(container.querySelector('.records-pending')).toBeNull());
    expect(requestsTo('POST', '/api/v1/services/start')).toHaveLength(0);
  });

  it('says there is nothing yet and offers to check in', async () => {
    serve({ [`GET ${MINE}`]: () => ok(pageOf([])) });
    render(<RecordsPage />);

    expect(await screen.findByText('还没有服务记录')).toBeTruthy();
  });

  describe('a rejected record', () => {
    const RESUBMIT = '/api/v1/services/x1/resubmit';
    const open = (container: HTMLElement) => fireEvent.click(container.querySelector('.record-item__resubmit') as HTMLElement);
    const send = (container: HTMLElement) => fireEvent.click(container.querySelector('.resubmit-form__submit') as HTMLElement);

    it('is corrected and resubmitted from the list; afterwards it reads 已重新提交', async () => {
      let items = [rejected];
      const corrected = recordFixture({ ...rejected, id: 'x2', status: 'pending', description: '帮助社区搬运防汛物资', resubmittedFrom: 'x1' });
      serve({
        [`GET ${MINE}`]: () => ok(pageOf(items)),
        [`POST ${RESUBMIT}`]: () => {
          items = [corrected, { ...rejected, resubmittedAs: 'x2' }];
          return ok(corrected);
        },
      });
      const { container } = render(<RecordsPage />);
      await waitFor(() => expect(container.querySelector('.record-item__resubmit')).not.toBeNull());
      expect(container.querySelector('.record-item__reason')?.textContent).toBe('未通过原因：当天社区没有安排该项服务');
      open(container);
      await waitFor(() => expect(container.querySelector('.resubmit-form__description taro-textarea-core')).not.toBeNull());
      // The visit lasted an hour: the form proposes what was proposed, 1 小时, with no reason needed.
      expect(container.querySelector('.resubmit-form__hours .hours-stepper__value')?.textContent).toBe('1 小时');
      expect(container.querySelector('.resubmit-form__reason')).toBeNull();
      typeIntoTextArea(container, 'resubmit-form__description', '帮助社区搬运防汛物资');
      send(container);

      await waitFor(() => expect(requestsTo('POST', RESUBMIT)).toHaveLength(1));
      const [request] = requestsTo('POST', RESUBMIT);
      expect(request!.data).toEqual({ serviceType: 'other', description: '帮助社区搬运防汛物资', proposedHours: 1 });
      expect(request!.header['Idempotency-Key']).toBeTruthy();
      await waitFor(() => expect(container.querySelector('.record-item__resubmitted')?.textContent).toBe('已重新提交'));
      expect(container.querySelector('.record-item__resubmit')).toBeNull();
      expect(texts(container, '.record-item__resubmission')).toEqual(['修改后重新提交的记录']);
    });

    it('asks for a reason above the visit’s duration, and shows the server’s field error beside its field', async () => {
      serve({
        // An hour's visit.
        [`GET ${MINE}`]: () => ok(pageOf([{ ...rejected, endedAt: '2026-03-05T07:00:00.000Z' }])),
        [`POST ${RESUBMIT}`]: () =>
          refusal(422, 'SERVICE_DAILY_CAP', '今日还可记 1 小时（每天最多 8 小时），请调整申报时长', [
            { field: 'proposedHours', message: '今日还可记 1 小时' },
          ]),
      });
      const { container } = render(<RecordsPage />);
      await waitFor(() => expect(container.querySelector('.record-item__resubmit')).not.toBeNull());
      open(container);
      await waitFor(() => expect(container.querySelector('.resubmit-form')).not.toBeNull());
      fireEvent.click(container.querySelector('.resubmit-form__hours .hours-stepper__plus') as HTMLElement);
      expect(container.querySelector('.resubmit-form__reason')).not.toBeNull();
      send(container);
      expect(await screen.findByText('申报时长超过实际时长（约 1 小时），请用 2–200 个字说明原因')).toBeTruthy();
      expect(requestsTo('POST', RESUBMIT)).toHaveLength(0);

      typeIntoInput(container, 'resubmit-form__reason', '搬运后又帮忙清点');
      send(container);
      await waitFor(() => expect(container.querySelector('.resubmit-form__hours .field-error')?.textContent).toBe('今日还可记 1 小时'));
      expect(requestsTo('POST', RESUBMIT)[0]!.data).toMatchObject({ proposedHours: 1.5, hoursReason: '搬运后又帮忙清点' });
      expect(container.querySelector('.resubmit-form__message')).toBeNull();
    });
  });
});
